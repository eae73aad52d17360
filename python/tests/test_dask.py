"""aidstat.dask on a LocalCluster of two worker processes on loopback: shards split
from one dataset give the single-process answer (the command's CSV on the union),
for totals and yoy, with beneficiaries shared across shards; and when a worker
process is killed mid-run, the answer is the same."""
import os
import random
import signal
import threading
import time

import pytest

import aidstat
import aidstat.dask
from conftest import beneficiaries, item_rows, run_cli, write_dataset

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def by_args(by):
    return [a for b in by for a in ("--by", b)]


@pytest.mark.parametrize("by", [[], ["category"], ["category", "year"], ["provider"],
                                ["provider@0", "measure"], ["beneficiary_kind"]])
def test_totals_over_shards_equal_the_union(client, generated, by):
    union, shards = generated
    expected = run_cli("totals", union, *by_args(by), "--format", "csv")
    assert aidstat.to_csv(aidstat.dask.totals(shards, by=by, client=client)) == expected
    # The people reached are counted once although the shards share beneficiaries.
    if by == []:
        parts = sum(aidstat.totals(aidstat.load(s))["headcount"][0] for s in shards)
        assert aidstat.totals(aidstat.load(union))["headcount"][0] < parts


def test_totals_options_over_shards(client, generated, tmp_path):
    union, shards = generated
    # Archives and directories mixed; a filter; disclosure control on the merged table.
    archive = tmp_path / "shard0.aidstat"
    aidstat.load(shards[0]).save(archive)
    mixed = [archive] + shards[1:]
    got = aidstat.dask.totals(mixed, by=["provider", "category"], client=client,
                              where={"form": ["cash", "transfer"]}, year=2022, min_cell=50)
    assert aidstat.to_csv(got) == run_cli(
        "totals", union, "--by", "provider", "--by", "category", "--where", "form=cash,transfer",
        "--year", 2022, "--min-cell", 50, "--format", "csv")
    assert "primary" in set(got["suppressed"])


@pytest.mark.parametrize("by", [[], ["category"], ["provider"], ["provider@1", "form"]])
def test_yoy_over_shards_equals_the_union(client, generated, by):
    union, shards = generated
    expected = run_cli("yoy", union, "--base", 2022, "--year", 2023, *by_args(by),
                       "--format", "csv")
    got = aidstat.dask.yoy(shards, 2022, 2023, by=by, client=client)
    assert aidstat.to_csv(got) == expected


def test_without_a_client_the_shards_are_merged_here(generated):
    union, shards = generated
    assert aidstat.to_csv(aidstat.dask.totals(shards, by=["category"])) == \
        run_cli("totals", union, "--by", "category", "--format", "csv")
    with pytest.raises(aidstat.query_error, match="no shards"):
        aidstat.dask.totals([], by=["category"])


def test_a_missing_shard_names_itself(client, generated, tmp_path):
    _, shards = generated
    with pytest.raises(aidstat.io_error, match="nowhere"):
        aidstat.dask.totals(shards + [tmp_path / "nowhere"], by=["category"], client=client)


@pytest.fixture(scope="module")
def slow_shards(tmp_path_factory):
    """(union, shards): 4 shards of 30,000 records as XML archives, each a fraction of
    a second to load, so that a worker can be killed while it works."""
    rng = random.Random(7)
    people = beneficiaries(rng)
    root = tmp_path_factory.mktemp("slow")
    rows = item_rows(rng, 120000)
    union = write_dataset(root / "union", rows, people)
    shards = []
    for i in range(4):
        d = write_dataset(root / f"part{i}", rows[i::4], people)
        archive = root / f"part{i}.aidstat"
        aidstat.load(d).save(archive, archive="xml")
        shards.append(archive)
    return union, shards


def test_a_worker_killed_mid_run_changes_nothing(client, slow_shards):
    union, shards = slow_shards
    expected = run_cli("totals", union, "--by", "category", "--by", "provider", "--format", "csv")
    pids = client.run(os.getpid)
    answer = {}

    def run():
        try:
            answer["frame"] = aidstat.dask.totals(shards, by=["category", "provider"],
                                                  client=client)
        except Exception as e:  # reported below
            answer["error"] = e

    runner = threading.Thread(target=run)
    runner.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and runner.is_alive():
        busy = [w for w, tasks in client.processing().items() if tasks]
        if busy:
            killed = busy[0]
            os.kill(pids[killed], signal.SIGKILL)
        else:
            time.sleep(0.005)
    runner.join(300)
    assert killed is not None, "no worker was seen at work"
    assert "error" not in answer, answer.get("error")
    assert aidstat.to_csv(answer["frame"]) == expected
    # The worker really died: its nanny started a new process.
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != set(pids.values())
