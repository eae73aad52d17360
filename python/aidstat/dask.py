"""Exact totals over shards on Dask's distributed scheduler (docs/python.md).

A shard is a dataset directory or an archive path, readable where the workers run.
Each task loads one shard and returns its partial totals as checksummed bytes;
the partials are merged in a tree reduction, and the merged totals become the same
DataFrame as aidstat.totals on the union of the shards: same rows, same amounts,
same distinct headcounts (a partial carries each group's beneficiaries). Tasks are
pure, so when a worker dies Dask runs its tasks again and the answer is unchanged.

    from distributed import Client
    client = Client("scheduler:8786")
    aidstat.dask.totals(["county-01.aidstat", "county-02.aidstat"], by=["category"])
"""
from . import _aidstat, _results
from . import _options

# How many partials one reduction task merges.
FAN_IN = 8


def _shard_totals(shard, opts):
    return _aidstat._totals_partial(_aidstat.load(shard), opts)


def _shard_yoy(shard, opts):
    return _aidstat._yoy_partials(_aidstat.load(shard), opts)


def _merge(*parts):
    return _aidstat._merge_partials(list(parts))


def _merge_pairs(*pairs):
    return (_merge(*(p[0] for p in pairs)), _merge(*(p[1] for p in pairs)))


def _client(client):
    """The client given, else the current one; None to run here, shard by shard."""
    if client is not None:
        return client
    try:
        from distributed import get_client
        return get_client()
    except (ImportError, ValueError):
        return None


def _reduce(client, shards, task, merge, opts):
    """Runs task(shard, opts) per shard and merges the answers in a tree."""
    shards = [str(s) for s in shards]
    if not shards:
        raise _aidstat.query_error("there are no shards to aggregate")
    client = _client(client)
    if client is None:
        return merge(*(task(s, opts) for s in shards))
    level = client.map(task, shards, opts=opts, pure=True)
    while len(level) > 1:
        level = [client.submit(merge, *level[i:i + FAN_IN], pure=True)
                 for i in range(0, len(level), FAN_IN)]
    return level[0].result()


def totals(shards, by=(), client=None, where=None, year=None, date_from=None, date_to=None,
           min_cell=None, fiscal_start=1, threads=0, as_float=False):
    """aidstat.totals over the union of `shards`, computed on Dask (client None: the
    current client, or this process when there is none). Disclosure control
    (min_cell) applies to the merged table, never to a shard's."""
    opts = _options(by, where, year, date_from, date_to, fiscal_start, threads=threads)
    merged = _reduce(client, shards, _shard_totals, _merge, opts)
    text = _aidstat._totals_csv_of_partial(merged, min_cell)
    return _results.frame_of_csv(text, len(opts["by"]), as_float)


def yoy(shards, base, year, by=(), client=None, where=None, ytd=None, fiscal_start=1,
        deflator=None, prices_of=None, threads=0, as_float=False):
    """aidstat.yoy over the union of `shards`, computed on Dask: each shard's totals by
    the keys and the year, and by the year alone, merged, then compared."""
    opts = _options(by, where, None, None, None, fiscal_start, ytd, threads, base=base,
                    current=year, deflator=deflator, prices_of=prices_of)
    by_keys, by_year = _reduce(client, shards, _shard_yoy, _merge_pairs, opts)
    text = _aidstat._yoy_csv_of_partials(by_keys, by_year, opts)
    return _results.frame_of_csv(text, len(opts["by"]), as_float)
