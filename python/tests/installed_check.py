"""Checks an installed aidstat package: installed_check.py PREFIX DIR DATASET imports
aidstat from PREFIX/DIR (nothing else on the path), computes totals of DATASET, and
checks that /usr/local/DIR is where the system python3 looks for packages."""
import subprocess
import sys

prefix, directory, dataset = sys.argv[1:4]
code = (
    "import aidstat, sys; "
    f"assert aidstat.__file__.startswith({prefix!r}), aidstat.__file__; "
    f"t = aidstat.totals(aidstat.load({dataset!r})); "
    "print(t['records'][0], f\"{t['amount_min'][0]:.2f}\")"
)
env = {"PYTHONPATH": f"{prefix}/{directory}", "PATH": "/usr/bin:/bin"}
out = subprocess.run([sys.executable, "-c", code], env=env, cwd="/", capture_output=True,
                     text=True)
if out.returncode != 0:
    sys.exit(f"the installed package does not import: {out.stderr}")
assert out.stdout.split() == ["47", "28257594.00"], out.stdout
searched = subprocess.run([sys.executable, "-c", "import sys; print('\\n'.join(sys.path))"],
                          env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True).stdout
if f"/usr/local/{directory}" not in searched.split("\n"):
    sys.exit(f"/usr/local/{directory} is not on the system python3's path:\n{searched}")
print(f"installed package imports from {prefix}/{directory}; /usr/local/{directory} is searched")
