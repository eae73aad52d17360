#!/usr/bin/env python3
"""The measured inputs of docs/scale-out.md: one county's shard of a national dataset,
aggregated as a Dask worker does it, and the partials that cross the network.

    PYTHONPATH=build/release/python python3 bench/scale_out.py \\
        --generate build/release/bench/aidstat_generate --records 333000 --people 20000

For a shard of RECORDS records (synthetic, as aidstat_generate writes them, with a
beneficiary named by 60% of the records out of PEOPLE), saved as a binary archive,
prints medians of 5 runs: the load, each query's partial (time and bytes), the merge
of two partials, and a LocalCluster run of 8 such shards on 2 worker processes
against the same 8 shards one after the other in this process."""
import argparse
import json
import os
import pathlib
import random
import statistics
import subprocess
import tempfile
import time

import aidstat
import aidstat.dask
from aidstat import _aidstat

QUERIES = {
    "category": dict(by=["category"]),
    "category x year": dict(by=["category", "year"]),
    "provider": dict(by=["provider"]),
    "yoy by category": None,  # two partials: by category and year, and by year
}


def median_time(f, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def make_shard(generate, directory, records, people, seed):
    subprocess.run([generate, str(directory), str(records), str(seed), "0.2"], check=True,
                   stdout=subprocess.DEVNULL)
    rng = random.Random(seed)
    items = directory / "items.csv"
    lines = items.read_text().splitlines()
    out = [lines[0] + ",beneficiary"]
    for line in lines[1:]:
        who = f"c{seed}b{rng.randrange(people)}" if rng.random() < 0.6 else ""
        out.append(line + "," + who)
    items.write_text("\n".join(out) + "\n")
    # A county's own people: ids unique to it, as a national registry's would be.
    heads = "\n".join(f"c{seed}b{i},veteran,,{1 + rng.randrange(5)}" for i in range(people))
    (directory / "beneficiaries.csv").write_text("id,kind,unit,headcount\n" + heads + "\n")
    archive = directory.with_suffix(".aidstat")
    aidstat.load(directory).save(archive)
    return archive


def options(query):
    return aidstat._options(**query)


def measure_shard(archive):
    result = {"archive_bytes": archive.stat().st_size}
    result["load_s"], ds = median_time(lambda: aidstat.load(archive))
    result["records"] = len(ds)
    for name, query in QUERIES.items():
        if query is None:
            opts = options(dict(base=2022, current=2023))
            opts.update(base=2022, current=2023, by=["category"])
            t, parts = median_time(lambda: _aidstat._yoy_partials(ds, opts))
            size = sum(len(p) for p in parts)
        else:
            t, part = median_time(lambda: _aidstat._totals_partial(ds, options(query)))
            size = len(part)
        result[name] = {"partial_s": t, "partial_bytes": size}
    part = _aidstat._totals_partial(ds, options(QUERIES["category"]))
    result["merge_two_s"], _ = median_time(lambda: _aidstat._merge_partials([part, part]))
    return result


def cluster_run(shards):
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        aidstat.dask.totals(shards[:2], by=["category"], client=client)  # warm the workers
        on_dask, _ = median_time(
            lambda: aidstat.dask.totals(shards, by=["category"], client=client), runs=3)
    here, _ = median_time(lambda: aidstat.dask.totals(shards, by=["category"], client=None),
                          runs=3)
    return {"shards": len(shards), "dask_2_workers_s": on_dask, "one_process_s": here}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--generate", required=True, help="the aidstat_generate binary")
    p.add_argument("--records", type=int, default=333000)
    p.add_argument("--people", type=int, default=20000)
    p.add_argument("--json", help="also write the figures here")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        shards = [make_shard(a.generate, root / f"county{i}", a.records, a.people, i + 1)
                  for i in range(8)]
        figures = {"shard": measure_shard(shards[0]), "cluster": cluster_run(shards),
                   "records_per_shard": a.records, "people_per_shard": a.people,
                   "cores": os.cpu_count()}
    print(json.dumps(figures, indent=2))
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
