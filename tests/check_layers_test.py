#!/usr/bin/env python3
"""Shows that the layer check sees inside subfolders: a file in src/io/csv/ that
includes an analysis header must fail it, and the same tree without that include must
pass."""
import pathlib
import subprocess
import sys
import tempfile

check = pathlib.Path(__file__).with_name("check_layers.py")


def run(root):
    return subprocess.run([sys.executable, str(check), str(root)], capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    root = pathlib.Path(tmp)
    (root / "src/io/csv").mkdir(parents=True)
    (root / "src/analysis").mkdir(parents=True)
    (root / "src/analysis/yoy.cpp").write_text('#include "io/csv/reader.hpp"\n')
    reader = root / "src/io/csv/reader.hpp"
    reader.write_text('#include "core/date.hpp"\n')
    ok = run(root)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    reader.write_text('#include "core/date.hpp"\n#include "analysis/yoy.hpp"\n')
    upward = run(root)
    assert upward.returncode == 1, upward.stdout
    assert "src/io/csv/reader.hpp:2: io includes" in upward.stdout, upward.stdout
    reader.write_text('#include "aidstat/yoy.hpp"\n')  # public, defined in analysis
    public = run(root)
    assert public.returncode == 1 and "reader.hpp:1" in public.stdout, public.stdout
print("the layer check catches an upward include inside a subfolder")
