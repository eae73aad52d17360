"""The README's Python examples (examples/python/) run, print what the README shows,
and are in the README word for word."""
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("script", ["quick_start.py", "shards_on_dask.py"])
def test_readme_example_runs_and_prints_what_the_readme_shows(script):
    code = (ROOT / "examples" / "python" / script).read_text(encoding="utf-8")
    assert code in README, f"README.md does not hold examples/python/{script} as it is"
    r = subprocess.run([sys.executable, "-W", "ignore::DeprecationWarning",
                        str(ROOT / "examples" / "python" / script)], cwd=ROOT,
                       capture_output=True, text=True, env=os.environ, timeout=300)
    assert r.returncode == 0, r.stderr
    after = README.split(code, 1)[1]  # the code's closing fence, then its output block
    start = after.index("```\n", 3) + 4
    shown = after[start:after.index("```", start)]
    assert r.stdout == shown, (r.stdout, shown)
