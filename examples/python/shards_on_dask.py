import tempfile

import pandas
from distributed import Client, LocalCluster

import aidstat
import aidstat.dask


def main():
    # Two shards made from the example's records, as two counties would send them.
    data = "examples/data/city-2023"
    frames = {name: pandas.read_csv(f"{data}/{name}.csv", dtype=str, keep_default_na=False)
              for name in ("items", "units", "beneficiaries")}
    items = frames.pop("items")
    shards = []
    for i, part in enumerate((items.iloc[::2], items.iloc[1::2])):
        path = f"{tempfile.mkdtemp()}/county-{i}.aidstat"
        aidstat.from_frames(part, **frames).save(path)
        shards.append(path)

    with LocalCluster(n_workers=2, dashboard_address=None) as cluster, Client(cluster) as client:
        merged = aidstat.dask.totals(shards, by=["category"], year=2023, client=client)
    whole = aidstat.totals(aidstat.load(data), by=["category"], year=2023)
    print(merged[merged.amount_min.notna()].head(3).to_string(index=False))
    print("same CSV as one process:", aidstat.to_csv(merged) == aidstat.to_csv(whole))


if __name__ == "__main__":  # Dask starts its workers as fresh processes
    main()
