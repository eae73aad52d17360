"""A write that fails in Python raises aidstat.io_error naming the file and the
system's reason (a full disk, made by the write-fault shim of tests/faults), and the
old file stays whole."""
import os
import subprocess
import sys

import pytest

import aidstat

SHIM = os.environ.get("AIDSTAT_FAULT_SHIM")


def contents(dest):
    if dest.is_dir():
        return {p.name: p.read_bytes() for p in dest.iterdir()}
    return dest.read_bytes()


@pytest.mark.skipif(not SHIM, reason="the write-fault shim is built with the C++ tests")
@pytest.mark.parametrize("call", ["save", "export"])
def test_a_full_disk_is_an_io_error_naming_the_file(tmp_path, example_dir, call):
    out = tmp_path / "out"
    out.mkdir()
    dest = out / ("city.aidstat" if call == "save" else "csv")
    getattr(aidstat.load(example_dir), call)(str(dest))
    before = contents(dest)
    program = (f"import aidstat, sys\n"
               f"d = aidstat.load({str(example_dir)!r})\n"
               f"try:\n"
               f"    d.{call}({str(dest)!r})\n"
               f"except aidstat.io_error as e:\n"
               f"    print(e)\n"
               f"    sys.exit(3)\n")
    env = dict(os.environ, LD_PRELOAD=SHIM, AIDSTAT_FAULT_DIR=str(out),
               AIDSTAT_FAULT_CALL="write", AIDSTAT_FAULT_AT="1")
    run = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True,
                         text=True)
    assert run.returncode == 3, run.stderr
    assert dest.name in run.stdout
    assert "No space left on device" in run.stdout
    assert contents(dest) == before
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_memory_error_is_an_aidstat_error():
    assert issubclass(aidstat.memory_error, aidstat.error)
    assert aidstat.memory_error.__module__ == "aidstat"
