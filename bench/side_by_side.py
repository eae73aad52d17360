#!/usr/bin/env python3
"""aidstat beside DuckDB, as a user meets them: fresh processes on the same files.

    python3 bench/side_by_side.py --cli build/release/bin/aidstat \\
        --generate build/release/bench/aidstat_generate --records 10000000

Writes RECORDS full rows with plain amounts (aidstat_generate ... 0 full: the
600 MB items.csv at 10 million, and units.csv beside it), saves them as an aidstat
binary archive and as a DuckDB database file (CREATE TABLE items AS read_csv with
explicit types), and with --scale the same rows at each size given (per-provider,
year x category and yoy from CSV, to show how time and memory grow with the file),
then times each query as a fresh process, after one uncounted warm-up run of each,
RUNS times each, aidstat and DuckDB
alternating so that the machine's drift hits both alike. Prints the medians, the peak
resident memory of each process (wait4's ru_maxrss), and the ratios (of time: the median
of each run's ratio to the reference's run beside it); checks that the
two answers agree. DuckDB is bench/duckdb/duckdb_query, a C++ program calling DuckDB's
C API (bench/duckdb/install.sh builds it against the libduckdb.so of DuckDB's npm
package), so that no Node.js start is counted in DuckDB's time; without it the
reference is skipped, and the script says so."""
import argparse
import csv
import io
import json
import os
import pathlib
import statistics
import subprocess
import time
from decimal import Decimal

HERE = pathlib.Path(__file__).resolve().parent
REFERENCE = HERE / "duckdb" / "duckdb_query"


def timed(argv, cwd=None):
    """(seconds, peak RSS in MB, stdout) of one fresh process."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, argv))} failed: {err.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024, out.decode()


def duckdb_missing():
    """Why the DuckDB reference cannot run, or None."""
    if not REFERENCE.exists():
        return "bench/duckdb/duckdb_query is not built (run bench/duckdb/install.sh)"
    return None


def keyed(text, keys, columns):
    """{key tuple: tuple of Decimal} of a CSV answer; empty cells read as 0."""
    rows = list(csv.DictReader(io.StringIO(text)))
    return {tuple(r[k] for k in keys): tuple(Decimal(r[c] or 0) for c in columns) for r in rows}


def generated(a, folder, records):
    """A directory of `records` full rows (items.csv and units.csv), written once."""
    if not (folder / "items.csv").exists():
        subprocess.run([a.generate, str(folder), str(records), "1", "0", "full"], check=True,
                       stdout=subprocess.DEVNULL)
    return folder


def prepare(a):
    work = pathlib.Path(a.workdir)
    full = generated(a, work / "full", a.records)
    archive, database = work / "items.aidstat", work / "items.duckdb"
    if not archive.exists():
        subprocess.run([a.cli, "save", str(full), "-o", str(archive)], check=True)
    if duckdb_missing() is None and not database.exists():
        subprocess.run([str(REFERENCE), "build", str(full / "items.csv"), str(database), "2"],
                       check=True)
    return full, archive, database


TOTALS = ["records", "amount_min", "amount_max"]


def totals_case(a, name, source, by, reference):
    """A totals query of aidstat on `source` (a CSV directory or an archive) beside
    DuckDB's `reference` (kind, file, query)."""
    argv = [a.cli, "totals", str(source), "--format", "csv"]
    for key in by:
        argv += ["--by", key]
    kind, file, query = reference
    return (name, argv, [str(REFERENCE), kind, str(file), query, str(a.threads)], by, TOTALS,
            TOTALS)


def yoy_case(a, name, source, reference):
    """yoy by category, 2022 against 2023, beside DuckDB's."""
    kind, file = reference
    return (name,
            [a.cli, "yoy", str(source), "--base", "2022", "--year", "2023", "--by", "category",
             "--format", "csv"],
            [str(REFERENCE), kind, str(file), "yoy", str(a.threads)], ["category"],
            ["base_min", "current_min"], ["base", "current"])


def cases(a, full, archive, database):
    """(name, aidstat argv, DuckDB argv, key columns, columns to compare: aidstat's,
    DuckDB's). aidstat reads the CSV directory with its units.csv (a unit key needs it
    to stream); DuckDB reads the same items.csv."""
    items = full / "items.csv"
    return [
        totals_case(a, "CSV -> per-category totals", full, ["category"],
                    ("csv", items, "category")),
        totals_case(a, "CSV -> per-provider totals", full, ["provider"],
                    ("csv", items, "provider")),
        totals_case(a, "CSV -> totals by year x category", full, ["year", "category"],
                    ("csv", items, "year_category")),
        yoy_case(a, "CSV -> yoy by category (2022 vs 2023)", full, ("csv", items)),
        totals_case(a, "stored dataset -> per-category totals", archive, ["category"],
                    ("db", database, "category")),
        totals_case(a, "stored dataset -> per-provider totals", archive, ["provider"],
                    ("db", database, "provider")),
        yoy_case(a, "stored dataset -> yoy by category (2022 vs 2023)", archive,
                 ("db", database)),
    ]


def scale_cases(a):
    """The three queries that once loaded the whole file (per-provider, year x
    category, yoy), from CSV, at each size of --scale."""
    out = []
    for records in a.scale:
        work = pathlib.Path(a.workdir)
        folder = work / "full" if records == a.records else generated(
            a, work / f"scale-{records}", records)
        items, at = folder / "items.csv", f"{records:,} records"
        out += [totals_case(a, f"scale {at}: CSV -> per-provider", folder, ["provider"],
                            ("csv", items, "provider")),
                totals_case(a, f"scale {at}: CSV -> year x category", folder,
                            ["year", "category"], ("csv", items, "year_category")),
                yoy_case(a, f"scale {at}: CSV -> yoy by category", folder, ("csv", items))]
    return out


def run_case(a, case, duckdb):
    name, ours, theirs, keys, our_cols, their_cols = case
    mine, ref = [], []
    timed(ours)  # a warm-up run of each, not counted: the file in the page cache
    if duckdb:
        timed(theirs)
    for _ in range(a.runs):  # alternating
        mine.append(timed(ours))
        if duckdb:
            ref.append(timed(theirs))
    row = {"query": name, "aidstat_s": statistics.median(m[0] for m in mine),
           "aidstat_peak_mb": max(m[1] for m in mine)}
    if duckdb:
        row["duckdb_s"] = statistics.median(r[0] for r in ref)
        row["duckdb_peak_mb"] = max(r[1] for r in ref)
        # The median of the ratios pair by pair: a run and the reference's run beside
        # it see the same state of the machine, where two medians may not.
        row["time_ratio"] = statistics.median(m[0] / r[0] for m, r in zip(mine, ref))
        row["memory_ratio"] = row["aidstat_peak_mb"] / row["duckdb_peak_mb"]
        if keyed(mine[0][2], keys, our_cols) != keyed(ref[0][2], keys, their_cols):
            raise SystemExit(f"{name}: aidstat and DuckDB disagree:\n{mine[0][2]}\n{ref[0][2]}")
    return row


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cli", required=True, help="the aidstat command")
    p.add_argument("--generate", required=True, help="aidstat_generate")
    p.add_argument("--records", type=int, default=10_000_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--threads", type=int, default=2, help="DuckDB's threads")
    p.add_argument("--workdir", default="build/side-by-side")
    p.add_argument("--scale", default="",
                   help="record counts (1000000,10000000,30000000) for the scale rows; each "
                        "dataset is generated once in the work folder and kept")
    p.add_argument("--only", default="", help="run only the queries whose name holds this")
    p.add_argument("--json", help="also write the figures here")
    a = p.parse_args()
    a.scale = [int(n) for n in a.scale.split(",") if n]
    missing = duckdb_missing()
    if missing:
        print(f"DuckDB reference skipped: {missing}")
    full, archive, database = prepare(a)
    chosen = [c for c in cases(a, full, archive, database) + scale_cases(a) if a.only in c[0]]
    rows = [run_case(a, c, missing is None) for c in chosen]
    print(f"{a.records:,} records, {a.runs} fresh processes each, medians"
          + (", aidstat and DuckDB alternating" if missing is None else ""))
    for r in rows:
        if "aidstat_s" not in r:
            continue
        line = f"{r['query']:<52} aidstat {r['aidstat_s']:6.2f} s {r['aidstat_peak_mb']:6.0f} MB"
        if "duckdb_s" in r:
            line += (f" | DuckDB {r['duckdb_s']:6.2f} s {r['duckdb_peak_mb']:6.0f} MB"
                     f" | time {r['time_ratio']:.2f}x, memory {r['memory_ratio']:.2f}x")
        print(line)
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps({"records": a.records, "runs": a.runs,
                                                    "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
