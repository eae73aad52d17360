#!/usr/bin/env python3
"""Checks the layer rule of docs/layout.md: a file anywhere under src/<layer>/ (its
subfolders included) includes only headers of its own layer or a lower one. A public
header belongs to the layer of the src/ file that defines what it declares (found by
name: src/<layer>/**/<name>.cpp). Prints each include that runs upward and exits 1 if
there is any."""
import pathlib
import re
import sys

LAYERS = ["core", "model", "text", "io", "engine", "analysis", "output"]
# Public headers with no .cpp of their own name, and the layer they belong to.
PUBLIC = {
    "aidstat": "output", "interval": "core", "enums": "core", "entities": "model",
    "item_fields": "model", "version": "core", "csv_text": "io", "output_format": "output",
    "totals_output": "output", "table": "output", "open_dataset": "io",
    "analysis_output": "output", "load_csv": "io", "load_tables": "io", "records": "engine", "summary": "analysis", "archive": "io", "export_csv": "io", "workbook": "io",
    "totals": "engine", "amount_text": "text", "text_width": "core", "work_meter": "core",
}


def layer_of(path, src):
    """The layer a file under src/ belongs to: the first folder of its path."""
    return path.relative_to(src).parts[0]


def check(root):
    src = root / "src"
    files = sorted(f for f in src.rglob("*.[ch]pp") if len(f.relative_to(src).parts) > 1)
    layer_of_public = dict(PUBLIC)
    for cpp in files:
        if cpp.suffix == ".cpp":
            layer_of_public.setdefault(cpp.stem, layer_of(cpp, src))
    bad = []
    for f in files:
        own = layer_of(f, src)
        if own not in LAYERS:
            bad.append(f"{f.relative_to(root)}: folder {own}/ is not a layer; add it to LAYERS")
            continue
        for n, line in enumerate(f.read_text().splitlines(), 1):
            m = re.match(r'#include "(aidstat/)?([a-z_/0-9]+)\.hpp"', line)
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
                if layer not in LAYERS:
                    bad.append(f"{f.relative_to(root)}:{n}: includes {name}.hpp, which names no layer")
                    continue
            if LAYERS.index(layer) > LAYERS.index(own):
                bad.append(f"{f.relative_to(root)}:{n}: {own} includes {line[9:].strip()} ({layer})")
    return files, bad


if __name__ == "__main__":
    files, bad = check(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "."))
    print("\n".join(bad) if bad else f"layers hold: {len(files)} files in src/")
    sys.exit(1 if bad else 0)
