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
from . import _aidstat, _args, _results
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
    """The client given, else the current one; None to run here, shard by shard (as
    client=False asks)."""
    if client is False:
        return None
    if client is not None:
        return client
    try:
        from distributed import get_client
        return get_client()
    except (ImportError, ValueError):
        return None


def _shards(shards):
    """The shards as a list of path strings, checked here before any task runs."""
    if isinstance(shards, (str, bytes)) or not hasattr(shards, "__iter__"):
        raise TypeError(f"shards is a list of dataset paths, not {type(shards).__name__}")
    shards = [_args.path("each shard", s) for s in shards]
    if not shards:
        raise _aidstat.query_error("there are no shards to aggregate")
    return shards


def _task(task, shard, opts):
    """task(shard, opts), its failure naming the shard."""
    try:
        return task(shard, opts)
    except _aidstat.error as e:
        raise type(e)(f"shard {shard}: {e}") from None


def _reduce(client, shards, task, merge, opts):
    """Runs task(shard, opts) per shard and merges the answers in a tree."""
    client = _client(client)
    if client is None:
        return merge(*(_task(task, s, opts) for s in shards))
    level = client.map(_task, [task] * len(shards), shards, opts=opts, pure=True)
    while len(level) > 1:
        level = [client.submit(merge, *level[i:i + FAN_IN], pure=True)
                 for i in range(0, len(level), FAN_IN)]
    return level[0].result()


def totals(shards, by=(), client=None, where=None, year=None, date_from=None, date_to=None,
           min_cell=None, fiscal_start=1, threads=0, exact=False, names=False):
    """aidstat.totals over the union of `shards` (a list of paths), computed on Dask
    (client None: the current client, or this process when there is none; False: this
    process). The
    arguments are checked here, before any task runs. Disclosure control (min_cell)
    applies to the merged table, never to a shard's."""
    shards = _shards(shards)
    opts = _options(by, where, year, date_from, date_to, fiscal_start, threads=threads,
                    min_cell=min_cell)
    _aidstat._check_query(opts)
    merged = _reduce(client, shards, _shard_totals, _merge, opts)
    table = _aidstat._totals_table_of_partial(merged, opts["min_cell"])
    return _results.frame_of_table(table, exact, names)


def yoy(shards, base, year, by=(), client=None, where=None, ytd=None, fiscal_start=1,
        deflator=None, prices_of=None, category_map=None, threads=0, exact=False, names=False):
    """aidstat.yoy over the union of `shards`, computed on Dask: each shard's totals by
    the keys and the year, and by the year alone, merged, then compared. `category_map`
    (a CSV file, readable where the workers run) maps old category keys to new ones."""
    shards = _shards(shards)
    opts = _options(by, where, None, None, None, fiscal_start, ytd, threads,
                    base=_args.year("base", base), current=_args.year("year", year),
                    deflator=deflator, prices_of=_args.year("prices_of", prices_of, True),
                    category_map=category_map)
    _aidstat._check_query(opts)
    by_keys, by_year = _reduce(client, shards, _shard_yoy, _merge_pairs, opts)
    table = _aidstat._yoy_table_of_partials(by_keys, by_year, opts)
    return _results.frame_of_table(table, exact, names)
