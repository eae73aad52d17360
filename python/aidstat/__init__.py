"""aidstat from Python (docs/python.md): support-program datasets, their exact totals,
year-over-year comparisons, trends, pivots, commitments and checks, as pandas
DataFrames with the columns of the `aidstat` command's CSV (docs/cli.md).

Every sum is exact in the library (integer fen). A frame gives amounts and
percentages as float64 in yuan, which holds any amount below 2**53 fen (about 90
trillion yuan) to the fen; exact=True gives decimal.Decimal instead. Each column's
dtype depends on its kind, never on the data: keys str (year int64), counts int64,
figures float64, status words category; a missing cell is NaN or None.
aidstat.to_csv(frame) gives the command's CSV byte for byte, from either kind of frame.

    import aidstat
    ds = aidstat.load("examples/data/city-2023")
    aidstat.totals(ds, by=["category"], year=2023)
"""
from decimal import Decimal

from . import _args, _frames, _publish, _results, _xlsx
from ._aidstat import (Dataset, data_error, error, io_error, memory_error, overflow_error,
                       parse_error, problem, query_error, validation_error, version)
from ._aidstat import (_check_dataset, _check_path, _parse_money, _read_columns, _save_report,
                       _save_xlsx, _summary)
from ._aidstat import load as _load
from ._aidstat import (_pivot_table, _pivot_table_at, _progress_table, _records_table,
                       _totals_table, _totals_table_at, _trend_table, _trend_table_at,
                       _yoy_table, _yoy_table_at)

__version__ = version
__all__ = ["Dataset", "load", "from_frames", "totals", "yoy", "trend", "pivot", "progress",
           "check", "records", "summary", "report", "parse_money", "format_money", "to_csv", "to_xlsx", "error", "parse_error", "overflow_error",
           "query_error", "data_error", "validation_error", "problem", "io_error", "memory_error"]

to_csv = _results.to_csv
format_money = _publish.format_money
_publish.install(Dataset)  # a repr worth reading; pickles through an archive's bytes

for _public in (Dataset, error, parse_error, overflow_error, query_error, data_error,
                validation_error, io_error, memory_error):
    _public.__module__ = "aidstat"  # aidstat.query_error, not aidstat._aidstat.query_error


def load(path):
    """The dataset kept at `path`: a directory of CSV files (holding items.csv), an
    archive (.aidstat) or a workbook (.xlsx). Raises FileNotFoundError when nothing is
    there, validation_error listing every problem of the data."""
    import os
    p = _args.existing_path("path", path)
    if os.path.isfile(p) and p.lower().endswith(".csv"):
        raise data_error(f"{p} is one CSV file; a dataset is the directory that holds "
                         "items.csv (with units.csv and the others), an archive or a workbook")
    return _load(p)


def _dataset(ds, paths=False):
    """`ds` checked: a Dataset (or, where `paths`, a path)."""
    if isinstance(ds, Dataset):
        return ds
    if paths:
        return _args.existing_path("ds", ds)
    raise TypeError(f"ds is an aidstat.Dataset (aidstat.load(path) or aidstat.from_frames), "
                    f"not {type(ds).__name__}")


def _options(by=(), where=None, year=None, date_from=None, date_to=None, fiscal_start=1,
             ytd=None, threads=0, **rest):
    """The option dictionary the core reads, each option checked."""
    opts = dict(by=_args.names(by), where=_args.where(where),
                year=_args.year("year", year, optional=True),
                date_from=_args.date_text("date_from", date_from),
                date_to=_args.date_text("date_to", date_to),
                fiscal_start=_args.integer("fiscal_start", fiscal_start, 1, 12),
                ytd=_args.text("ytd", ytd), threads=_args.integer("threads", threads, 0, 1024))
    opts.update(rest)
    if opts.get("min_cell") is not None:
        opts["min_cell"] = _args.integer("min_cell", opts["min_cell"], 1)
    for path_option in ("deflator", "category_map"):
        opts[path_option] = _args.path(path_option, opts.get(path_option), optional=True)
    return opts


def _analysed(ds, opts, of_dataset, at_path):
    """The table of an analysis: over a Dataset, or read where a path lies; a path with
    a category map is loaded first (the map rewrites whole items)."""
    if isinstance(ds, Dataset):
        return of_dataset(ds, opts)
    if opts.get("category_map"):
        return of_dataset(load(ds), opts)
    return at_path(ds, opts)


def totals(ds, by=(), where=None, year=None, date_from=None, date_to=None, min_cell=None,
           fiscal_start=1, threads=0, exact=False, names=False):
    """Per-group totals: records, amount_min, amount_max, headcount (people reached,
    each beneficiary once), quantities when `measure` is a key, `suppressed` with
    min_cell (counts then Int64: a suppressed cell is <NA>), `transfers_excluded` when
    the dataset holds transfers.

    by: dimension names: category, category_parent, year, quarter, month, provider,
        recipient, unit_kind, direction, beneficiary_kind, form, measure, region,
        provider@N, recipient@N (the unit's ancestor N levels up).
    where: {dimension: value or [values]}. year, date_from, date_to: which records.
    names: add each key's Chinese name (category_zh...).
    ds: a Dataset, or a path: then a CSV directory is read as the query needs it, a
    block at a time when it can be, with the same answer and the same errors."""
    ds = _dataset(ds, paths=True)
    opts = _options(by, where, year, date_from, date_to, fiscal_start, threads=threads,
                    min_cell=min_cell)
    table = _totals_table(ds, opts) if isinstance(ds, Dataset) else _totals_table_at(ds, opts)
    return _results.frame_of_table(table, exact, names)


def yoy(ds, base, year, by=(), where=None, ytd=None, fiscal_start=1, deflator=None,
        prices_of=None, category_map=None, threads=0, exact=False, names=False):
    """Year over year between `base` and `year`: each year's amount, the change, its
    percentage and status (continuing, new, discontinued), shares and records. `ytd`
    ("06-30") compares the years up to that day; `deflator` (a CSV file) with
    `prices_of` restates amounts in one year's prices; `category_map` (a CSV file)
    maps old category keys to new ones. ds: a Dataset, or a path, read once as the
    query needs it (a CSV directory or an archive a block at a time)."""
    ds = _dataset(ds, paths=True)
    opts = _options(by, where, None, None, None, fiscal_start, ytd, threads,
                    base=_args.year("base", base), current=_args.year("year", year),
                    deflator=deflator, prices_of=_args.year("prices_of", prices_of, True),
                    category_map=category_map)
    return _results.frame_of_table(_analysed(ds, opts, _yoy_table, _yoy_table_at), exact, names)


def trend(ds, from_year, to_year, by=(), where=None, fiscal_start=1, deflator=None,
          prices_of=None, category_map=None, threads=0, exact=False, names=False):
    """Every year from `from_year` to `to_year` (YEAR_min, YEAR_max), with the
    compound growth (cagr_pct), the fitted line's slope, its projection and its
    standard error. ds: a Dataset, or a path (as for yoy)."""
    ds = _dataset(ds, paths=True)
    first, last = _args.year("from_year", from_year), _args.year("to_year", to_year)
    if first > last:
        raise ValueError(f"from_year ({first}) is after to_year ({last})")
    opts = _options(by, where, None, None, None, fiscal_start, None, threads,
                    from_year=first, to_year=last, deflator=deflator,
                    prices_of=_args.year("prices_of", prices_of, True),
                    category_map=category_map)
    return _results.frame_of_table(_analysed(ds, opts, _trend_table, _trend_table_at), exact,
                                   names)


def pivot(ds, rows, cols, measure="amount", where=None, year=None, min_cell=None,
          fiscal_start=1, threads=0, exact=False, margins=False):
    """A matrix of `rows` x `cols` (two dimension names), indexed by the row key, a
    column per column key; measure is amount (a (key, "min"/"max") column pair),
    records or headcount. margins=True adds the totals as a last "total" row and
    column, as pandas.pivot_table(margins=True) does; without it no total is among the
    data, so a column's sum is its total. ds: a Dataset, or a path (as for yoy)."""
    ds = _dataset(ds, paths=True)
    rows, cols = _args.text("rows", rows, False), _args.text("cols", cols, False)
    opts = _options((), where, year, None, None, fiscal_start, None, threads, rows=rows,
                    cols=cols, measure=_args.text("measure", measure, False),
                    min_cell=min_cell)
    return _results.frame_of_pivot(_analysed(ds, opts, _pivot_table, _pivot_table_at), rows,
                                   cols, exact, margins)


def progress(ds, year=None, by=(), exact=False):
    """Completion of commitments (实事项目): the count of each status, the completion
    percentage, targets and recorded amounts; by year, category, category_parent or
    owner."""
    ds = _dataset(ds)
    opts = dict(year=_args.year("year", year, optional=True), by=_args.names(by))
    return _results.frame_of_table(_progress_table(ds, opts), exact)


def check(ds):
    """Validation, reconciliation and duplicates, one row per finding: level and kind
    (category), file, line, column, message, and `finding`, the line `aidstat check`
    prints. Takes a Dataset, or a path (then problems that stop a load are findings
    too, as in the command). For a Dataset made by from_frames, `row` and `label` give
    each finding's frame row (position from 0) and index label, and `finding` names the
    frame, row and column."""
    import pandas
    ds = _dataset(ds, paths=True)
    rows = _check_dataset(ds) if isinstance(ds, Dataset) else _check_path(ds)
    frame = pandas.DataFrame(rows, columns=["level", "kind", "file", "line", "column",
                                            "message", "finding"])
    frame = _frames.findings_by_frame(frame, getattr(ds, "_frames", None))
    for name, words in (("level", ["error", "warning", "note"]),
                        ("kind", ["validation", "reconciliation", "duplicate", "unnamed",
                                  "protection", "overflow", "formula"])):
        frame[name] = pandas.Categorical(frame[name], categories=words)
    return frame.astype({"line": "int64", "column": "int64"})


def records(ds, where=None, year=None, date_from=None, date_to=None, fiscal_start=1,
            exact=False):
    """The records behind a figure, one row each: those the filter keeps, as totals of the
    same filter count them (their number and the sum of their amounts are that row),
    with date, category, provider, recipient, beneficiary, amount_min / amount_max and
    amount_text (the report's notation), quantity, note, and the file and line each
    came from (empty for an archive; for a Dataset made of frames, the frame and the
    row's position in it, from 0)."""
    ds = _dataset(ds)
    opts = _options((), where, year, date_from, date_to, fiscal_start)
    frame = _results.frame_of_table(_records_table(ds, opts), exact)
    if getattr(ds, "_frames", None):
        frame["line"] = frame["line"] - 1  # the library counts a table's rows from 1
    return frame


def summary(ds, base, year, min_cell=None, lang="zh"):
    """The sentences an office publishes about `year` against `base`, as `aidstat
    summary` writes them: the year as a whole, each category, the commitments, and the
    reconciliations and data check when there is something to say; figures in the
    report's notation. lang is "zh" or "en"; min_cell states only figures the protected
    tables publish."""
    ds = _dataset(ds)
    base, year = _args.year("base", base), _args.year("year", year)
    if base == year:
        raise ValueError(f"base and year are the same year ({year}); a summary compares two")
    if lang not in ("zh", "en"):
        raise ValueError(f"lang is 'zh' or 'en', not {lang!r}")
    return _summary(ds, base, year, _args.integer("min_cell", min_cell, 1, optional=True), lang)


def report(ds, base, year, path, min_cell=None, unit="wan", title="双拥工作统计报告"):
    """Writes the report of `year` against `base` to `path` as one self-contained HTML
    page, as `aidstat report` does, atomically; min_cell applies disclosure control,
    unit is "wan" (万元) or "yuan"."""
    ds = _dataset(ds)
    base, year = _args.year("base", base), _args.year("year", year)
    if base == year:
        raise ValueError(f"base and year are the same year ({year}); a report compares two")
    min_cell = _args.integer("min_cell", min_cell, 1, optional=True)
    if unit not in ("wan", "yuan"):
        raise ValueError(f"unit is 'wan' or 'yuan', not {unit!r}")
    _save_report(ds, base, year, _args.path("path", path), min_cell, unit,
                 _args.text("title", title, False))


def to_xlsx(frame, path, sheet="aidstat", unit="yuan"):
    """Writes a result frame to `path` as a workbook of one sheet named `sheet`, as the
    command's --format xlsx writes its table, atomically: amounts as numbers in yuan
    (a _min and a _max column, and the report notation beside them, in `unit`: "yuan"
    or "wan"), counts as whole numbers, percentages as numbers, Chinese and English
    headings. Excel's SUM adds the amounts. Takes float or exact frames; a key set as
    the index is written as a column."""
    import pandas
    if not isinstance(frame, pandas.DataFrame):
        raise TypeError(f"frame is a pandas DataFrame, not {type(frame).__name__}")
    if unit not in ("wan", "yuan"):
        raise ValueError(f"unit is 'wan' or 'yuan', not {unit!r}")
    _save_xlsx(_xlsx.columns_of(frame), _args.path("path", path), _args.text("sheet", sheet, False),
               unit)


def parse_money(text):
    """An amount in report notation ("1100余万元") as (min, max) in yuan, Decimal."""
    lo, hi = _parse_money(_args.text("text", text, False))
    return Decimal(lo).scaleb(-2), Decimal(hi).scaleb(-2)


def from_frames(items, units=None, beneficiaries=None, categories=None, commitments=None,
                stated_totals=None):
    """A Dataset from pandas DataFrames with the columns of the CSV files
    (docs/file-formats.md), cells as pandas makes them: dates as datetime64,
    Timestamp, datetime.date or text; amounts as int or float yuan (within 1e-9 of a
    whole fen), Decimal or report notation; ids and years as int, whole float or text;
    NaN, None, pd.NA, NaT or "" for an empty cell. Validates as the CSV loader does; a
    validation_error names each problem by frame, row (position, from 0, and index
    label) and column, the first 1,000 of them with the total."""
    tables, cells = _frames.tables_of(dict(items=items, units=units, beneficiaries=beneficiaries,
                                           categories=categories, commitments=commitments,
                                           stated_totals=stated_totals), _MAX_PROBLEMS)
    if cells.problems:
        told, message = _frames.cell_problems(tables, cells, problem)
        raised = validation_error(message)
        raised.problems = told
        raise raised
    try:
        ds = _read_columns({name: t.table() for name, t in tables.items()})
    except validation_error as e:
        told, message = _frames.told_by_frame(e.problems, tables)
        raised = validation_error(message)
        raised.problems = told
        raise raised from None
    for t in tables.values():
        t.specs = None  # the rows' places stay, for check(ds); the cells go
    ds._frames = tables
    return ds


_MAX_PROBLEMS = 1000  # as the loader: the first 1,000 problems, then reading stops
