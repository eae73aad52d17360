#!/usr/bin/env python3
"""Checks the layer rule of README.md's "Layout": a file in src/<layer>/ includes only
headers of its own layer or a lower one. A public header belongs to the layer of the
src/ file that defines what it declares (found by name: src/*/<name>.cpp). Prints each
include that runs upward and exits 1 if there is any."""
import pathlib
import re
import sys

LAYERS = ["core", "model", "text", "io", "engine", "analysis", "output"]
# Public headers with no .cpp of their own name, and the layer they belong to.
PUBLIC = {
    "aidstat": "output", "interval": "core", "enums": "core", "entities": "model",
    "item_fields": "model", "version": "core", "csv_text": "io", "output_format": "output",
    "detail/item_columns": "model", "totals_output": "output", "open_dataset": "io",
    "analysis_output": "output", "load_csv": "io", "archive": "io", "export_csv": "io",
    "totals": "engine", "amount_text": "text", "text_width": "core", "work_meter": "core",
}

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
src = root / "src"
layer_of_public = dict(PUBLIC)
for cpp in src.glob("*/*.cpp"):
    layer_of_public.setdefault(cpp.stem, cpp.parent.name)

bad = []
for f in sorted(src.glob("*/*.[ch]pp")):
    mine = LAYERS.index(f.parent.name)
    for n, line in enumerate(f.read_text().splitlines(), 1):
        m = re.match(r'#include "(aidstat/)?([a-z_/]+)\.hpp"', line)
        if not m:
            continue
        name = m.group(2)
        if m.group(1):
            layer = layer_of_public.get(name)
            if layer is None:
                bad.append(f"{f}:{n}: public header aidstat/{name}.hpp has no layer; add it here")
                continue
        else:
            layer = name.split("/")[0]
        if LAYERS.index(layer) > mine:
            bad.append(f"{f.relative_to(root)}:{n}: {f.parent.name} includes {line[9:].strip()} ({layer})")
print("\n".join(bad) if bad else f"layers hold: {len(list(src.glob('*/*.[ch]pp')))} files in src/")
sys.exit(1 if bad else 0)
