#!/usr/bin/env python3
"""A query from Python against the library's own time for it, on one loaded dataset.
Generates RECORDS records (aidstat_generate, the bench's synthetic distribution), loads
them once, then times each query, one thread, RUNS times alternating: the Python call
(aidstat.totals, a DataFrame at the end) and the library's compute_totals alone (timed
inside the extension, no Python). Prints the medians, records/s and the ratio.
usage: python_query.py AIDSTAT_GENERATE WORK_DIR [RECORDS] [RUNS]"""
import os
import statistics
import subprocess
import sys
import time

import aidstat
from aidstat import _aidstat

generate, work = sys.argv[1:3]
records = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000_000
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
data = os.path.join(work, f"py{records}")
if not os.path.exists(data):
    subprocess.run([generate, data, str(records), "7", "0.1"], check=True)
ds = aidstat.load(data)
for by in (["category"], ["provider"], ["category", "year"]):
    opts = aidstat._options(by, threads=1)
    python, library = [], []
    for _ in range(runs):
        start = time.perf_counter()
        aidstat.totals(ds, by=by, threads=1)
        python.append(time.perf_counter() - start)
        library.append(_aidstat._library_seconds(ds, opts))
    p, lib = statistics.median(python), statistics.median(library)
    ratios = statistics.median(a / b for a, b in zip(python, library))
    print(f"by {','.join(by)}: Python {p * 1e3:.1f} ms ({len(ds) / p:.2e} records/s), "
          f"library {lib * 1e3:.1f} ms ({len(ds) / lib:.2e} records/s), "
          f"Python / library {ratios:.2f}x (target 1.2x)")
