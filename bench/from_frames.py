#!/usr/bin/env python3
"""from_frames on RECORDS rows as pandas reads them (read_csv's own dtypes: float
amounts where a column is numeric, NaN for empty), beside writing the frame to CSV and
loading that: the medians of RUNS alternating runs, and the peak memory growth of one
from_frames over the frame itself.
usage: from_frames.py AIDSTAT_GENERATE WORK_DIR [RECORDS] [RUNS]"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import pandas

import aidstat

generate, work = sys.argv[1:3]
records = int(sys.argv[3]) if len(sys.argv) > 3 else 2_000_000
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
data = os.path.join(work, f"frames{records}")
if not os.path.exists(data):
    subprocess.run([generate, data, str(records), "7", "0.0", "full"], check=True)
items = pandas.read_csv(os.path.join(data, "items.csv"))
units = pandas.read_csv(os.path.join(data, "units.csv"))
frame_bytes = items.memory_usage(deep=True).sum()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
direct, via_csv = [], []
for _ in range(runs):
    start = time.perf_counter()
    ds = aidstat.from_frames(items, units=units)
    direct.append(time.perf_counter() - start)
    del ds
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        items.to_csv(os.path.join(d, "items.csv"), index=False)
        units.to_csv(os.path.join(d, "units.csv"), index=False)
        aidstat.load(d)
    via_csv.append(time.perf_counter() - start)
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
print(f"{records} rows, dtypes: {dict(items.dtypes.astype(str))}")
print(f"from_frames: {statistics.median(direct):.2f} s (target 1.5 s); to_csv + load: "
      f"{statistics.median(via_csv):.2f} s")
print(f"peak memory growth {grown / 2**20:.0f} MiB against the frame's "
      f"{frame_bytes / 2**20:.0f} MiB ({grown / frame_bytes:.2f}x; target 2x)")
