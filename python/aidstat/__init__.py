"""aidstat from Python (docs/python.md): support-program datasets, their exact totals,
year-over-year comparisons, trends, pivots, commitments and checks, as pandas
DataFrames whose columns are those of the `aidstat` command's CSV (docs/cli.md).

Amounts are decimal.Decimal in yuan (never float unless as_float=True), counts are
int, and aidstat.to_csv(frame) gives the command's CSV byte for byte.

    import aidstat
    ds = aidstat.load("examples/data/city-2023")
    aidstat.totals(ds, by=["category"], year=2023)
"""
from decimal import Decimal

from . import _frames, _results
from ._aidstat import (Dataset, data_error, error, io_error, load, memory_error,
                       overflow_error, parse_error, query_error, validation_error, version)
from ._aidstat import _check_dataset, _check_path, _parse_money, _read_texts
from ._aidstat import _pivot_csv, _progress_csv, _totals_csv, _totals_csv_at, _trend_csv, _yoy_csv

__version__ = version
__all__ = ["Dataset", "load", "from_frames", "totals", "yoy", "trend", "pivot", "progress",
           "check", "parse_money", "to_csv", "error", "parse_error", "overflow_error",
           "query_error", "data_error", "validation_error", "io_error", "memory_error"]

to_csv = _results.to_csv

for _public in (Dataset, error, parse_error, overflow_error, query_error, data_error,
                validation_error, io_error, memory_error):
    _public.__module__ = "aidstat"  # aidstat.query_error, not aidstat._aidstat.query_error


def _names(by):
    if isinstance(by, str):
        return [by]
    return [str(b) for b in by]


def _where(where):
    """{dim: value or [values]} as the core's list of (dim, [values])."""
    if where is None:
        return None
    if not isinstance(where, dict):
        raise TypeError("where must be a dict {dimension: value or [values]}")
    out = []
    for dim, values in where.items():
        values = [values] if isinstance(values, (str, int)) else list(values)
        out.append((str(dim), [str(v) for v in values]))
    return out


def _date(value):
    return None if value is None else str(value)


def _options(by=(), where=None, year=None, date_from=None, date_to=None, fiscal_start=1,
             ytd=None, threads=0, **rest):
    """The option dictionary the core reads."""
    opts = dict(by=_names(by), where=_where(where), year=year, date_from=_date(date_from),
                date_to=_date(date_to), fiscal_start=fiscal_start, ytd=ytd, threads=threads)
    opts.update(rest)
    for path_option in ("deflator", "category_map"):
        if opts.get(path_option) is not None:
            opts[path_option] = str(opts[path_option])
    return opts


def totals(ds, by=(), where=None, year=None, date_from=None, date_to=None, min_cell=None,
           fiscal_start=1, threads=0, as_float=False):
    """Per-group totals (docs/transfers.md; CSV columns of `aidstat totals`): records, amount_min,
    amount_max, headcount (people reached, each beneficiary once), quantities when
    `measure` is a key, `suppressed` with min_cell, `transfers_excluded` when the
    dataset holds transfers. `where` is {dimension: value or [values]}. Takes a Dataset,
    or a path: then a CSV directory is read as the query needs it, a block at a time
    when it can be (aidstat/totals_at.hpp), with the same answer and the same errors."""
    opts = _options(by, where, year, date_from, date_to, fiscal_start, threads=threads,
                    min_cell=min_cell)
    text = _totals_csv(ds, opts) if isinstance(ds, Dataset) else _totals_csv_at(str(ds), opts)
    return _results.frame_of_csv(text, len(opts["by"]), as_float)


def yoy(ds, base, year, by=(), where=None, ytd=None, fiscal_start=1, deflator=None,
        prices_of=None, category_map=None, threads=0, as_float=False):
    """Year over year between `base` and `year` (CSV columns of `aidstat yoy`). `ytd`
    ("06-30") compares the years up to that day; `deflator` (a CSV file) with
    `prices_of` restates amounts in one year's prices; `category_map` (a CSV file)
    maps old category keys to new ones."""
    opts = _options(by, where, None, None, None, fiscal_start, ytd, threads, base=base,
                    current=year, deflator=deflator, prices_of=prices_of,
                    category_map=category_map)
    return _results.frame_of_csv(_yoy_csv(ds, opts), len(opts["by"]), as_float)


def trend(ds, from_year, to_year, by=(), where=None, fiscal_start=1, deflator=None,
          prices_of=None, category_map=None, threads=0, as_float=False):
    """Every year from `from_year` to `to_year`, with growth, slope and projection
    (CSV columns of `aidstat trend`)."""
    opts = _options(by, where, None, None, None, fiscal_start, None, threads,
                    from_year=from_year, to_year=to_year, deflator=deflator,
                    prices_of=prices_of, category_map=category_map)
    return _results.frame_of_csv(_trend_csv(ds, opts), len(opts["by"]), as_float)


def pivot(ds, rows, cols, measure="amount", where=None, year=None, min_cell=None,
          fiscal_start=1, threads=0, as_float=False):
    """A matrix of `rows` x `cols` with totals (CSV of `aidstat pivot`); measure is
    amount, records or headcount."""
    opts = _options((), where, year, None, None, fiscal_start, None, threads, rows=str(rows),
                    cols=str(cols), measure=measure, min_cell=min_cell)
    return _results.frame_of_csv(_pivot_csv(ds, opts), 1, as_float)


def progress(ds, year=None, by=(), as_float=False):
    """Completion of commitments (实事项目) by year, category, category_parent or owner
    (CSV of `aidstat progress`)."""
    opts = dict(year=year, by=_names(by))
    return _results.frame_of_csv(_progress_csv(ds, opts), len(opts["by"]), as_float)


def check(ds):
    """Validation, reconciliation and duplicates, one row per finding: level, kind,
    file, line, column, message, and `finding`, the line `aidstat check` prints. Takes a
    Dataset, or a path (then problems that stop a load are findings too, as in the
    command)."""
    import pandas
    rows = _check_dataset(ds) if isinstance(ds, Dataset) else _check_path(str(ds))
    return pandas.DataFrame(rows, columns=["level", "kind", "file", "line", "column",
                                           "message", "finding"])


def parse_money(text):
    """An amount in report notation ("1100余万元") as (min, max) in yuan, Decimal."""
    lo, hi = _parse_money(text)
    return Decimal(lo).scaleb(-2), Decimal(hi).scaleb(-2)


def from_frames(items, units=None, beneficiaries=None, categories=None, commitments=None,
                stated_totals=None):
    """A Dataset from pandas DataFrames with the columns of the CSV files (docs/file-formats.md),
    cells written as in those files (report notation allowed; missing values empty).
    Validates as the CSV loader does; every problem names its frame, row (position,
    from 0, and index label) and column, in one validation_error."""
    texts = _frames.texts_of(dict(items=items, units=units, beneficiaries=beneficiaries,
                                  categories=categories, commitments=commitments,
                                  stated_totals=stated_totals))
    try:
        # Bytes, so that text Python holds but UTF-8 cannot (a lone surrogate) reaches
        # the loader, which names its place, instead of failing in the conversion.
        return _read_texts({name: (name, t.text.encode("utf-8", "surrogatepass"))
                            for name, t in texts.items()})
    except validation_error as e:
        told, message = _frames.told_by_frame(e.problems, texts)
        raised = validation_error(message)
        raised.problems = told
        raise raised from None
