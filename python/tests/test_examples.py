"""The documented Python examples (examples/python/) run, print what their page
shows, and are on it word for word: the quick start on the README, the Dask example
in docs/python.md."""
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script,page", [("quick_start.py", "README.md"),
                                         ("shards_on_dask.py", "docs/python.md")])
def test_documented_example_runs_and_prints_what_its_page_shows(script, page):
    README = (ROOT / page).read_text(encoding="utf-8")
    code = (ROOT / "examples" / "python" / script).read_text(encoding="utf-8")
    assert code in README, f"{page} does not hold examples/python/{script} as it is"
    r = subprocess.run([sys.executable, "-W", "ignore::DeprecationWarning",
                        str(ROOT / "examples" / "python" / script)], cwd=ROOT,
                       capture_output=True, text=True, env=os.environ, timeout=300)
    assert r.returncode == 0, r.stderr
    after = README.split(code, 1)[1]  # the code's closing fence, then its output block
    start = after.index("```\n", 3) + 4
    shown = after[start:after.index("```", start)]
    assert r.stdout == shown, (r.stdout, shown)
