#!/usr/bin/env python3
"""Checks the installed headers (PREFIX/include/aidstat): none includes a detail/
header or one that was not installed, and there is no detail/ folder, so that the
library's internal layout is not part of what a user compiles against."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1]) / "aidstat"
headers = sorted(root.rglob("*.hpp"))
bad = [f"{p}: an internal folder is installed" for p in root.rglob("detail")]
for h in headers:
    for n, line in enumerate(h.read_text().splitlines(), 1):
        m = re.match(r'\s*#\s*include\s*[<"](aidstat/[^>"]+)[>"]', line)
        if not m:
            continue
        if "detail/" in m.group(1):
            bad.append(f"{h}:{n}: includes an internal header {m.group(1)}")
        elif not (root.parent / m.group(1)).exists():
            bad.append(f"{h}:{n}: includes {m.group(1)}, which is not installed")
if not headers:
    bad.append(f"{root}: no headers installed")
print("\n".join(bad) if bad else f"{len(headers)} installed headers, none internal")
sys.exit(1 if bad else 0)
