#!/usr/bin/env python3
"""The same records loaded from a workbook and from CSV, as fresh processes.
Generates RECORDS full rows (aidstat_generate), writes them as a workbook (aidstat
export), then runs `aidstat totals DATA --by provider` (a query that loads every record)
on each, alternating, RUNS times, and prints the medians of wall time and peak memory
and the workbook/CSV ratio.
usage: workbook_load.py AIDSTAT AIDSTAT_GENERATE WORK_DIR [RECORDS] [RUNS]"""
import os
import resource
import statistics
import subprocess
import sys
import time

cli, generate, work = sys.argv[1:4]
records = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5
data, book = os.path.join(work, "data"), os.path.join(work, "data.xlsx")
if not os.path.exists(book):
    subprocess.run([generate, data, str(records), "7", "0.1", "full"], check=True)
    subprocess.run([cli, "export", data, "-o", book], check=True)


def timed(path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    p = subprocess.Popen([cli, "totals", path, "--by", "provider"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    assert status == 0, f"aidstat totals {path} failed"
    return time.perf_counter() - start, usage.ru_maxrss / 1024


figures = {"xlsx": [], "csv": []}
for _ in range(runs):
    figures["xlsx"].append(timed(book))
    figures["csv"].append(timed(data))
for kind, runs_of in figures.items():
    print(f"{kind}: {statistics.median(t for t, _ in runs_of):.3f} s, "
          f"{statistics.median(m for _, m in runs_of):.0f} MiB peak")
ratios = [x[0] / c[0] for x, c in zip(figures["xlsx"], figures["csv"])]
print(f"workbook / CSV load time: {statistics.median(ratios):.2f}x (median of {runs} pairs; target 3x)")
