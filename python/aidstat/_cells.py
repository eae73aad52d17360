"""A frame's column as the loader's reader of columns takes it, with cells as pandas
makes them: datetime64 / Timestamp / datetime.date dates (a day: a time of day is a
problem),
whole int or float years and ids, float amounts within 1e-9 of a whole fen, Decimal,
text in report notation, and NaN, None, pd.NA, NaT or "" for an empty cell. Any other
object is a problem naming its cell, never its str(). Whole columns are converted at
once where pandas can (numbers, datetime64)."""
import datetime
import math
from decimal import Decimal

import numpy
import pandas

MONEY = {"amount", "target_amount"}
DATES = {"date"}


def _fen_text(fen):
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}{fen // 100}.{fen % 100:02d}"


class Cells:
    """Collects a frame's problems as (row position, column, message), at most `cap`."""

    def __init__(self, cap):
        self.cap, self.problems, self.total = cap, [], 0

    def problem(self, row, column, message):
        self.total += 1
        if len(self.problems) < self.cap:
            self.problems.append((row, column, message))

    def full(self):
        return len(self.problems) >= self.cap


def _float_text(value, name, money):
    """(text, problem) of a float cell."""
    if math.isnan(value):
        return "", None
    if not math.isfinite(value):
        return None, f"{value!r} is not a figure"
    if money:
        fen = round(value * 100)
        if abs(value - fen / 100) > 1e-9:
            return None, f"{value!r} yuan is finer than one fen"
        return _fen_text(fen), None
    if value != int(value):
        return None, f"{value!r} is not a whole number, as {name} must be"
    return str(int(value)), None


def _date_text(value, name):
    if name not in DATES:
        return None, f"a date ({value}) where {name} is expected"
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            return None, f"{value} has a time of day; a date is a day"
        value = value.date()
    return value.isoformat(), None


def cell_text(value, name):
    """(text, problem) of one cell of column `name`."""
    if isinstance(value, str):
        return value, None
    if value is None or value is pandas.NA or value is pandas.NaT:
        return "", None
    if isinstance(value, (bool, numpy.bool_)):
        return None, f"a true/false value where {name} is expected"
    if isinstance(value, (int, numpy.integer)):
        return str(int(value)), None
    if isinstance(value, (float, numpy.floating)):
        return _float_text(float(value), name, name in MONEY)
    if isinstance(value, Decimal):
        if value.is_nan():
            return "", None
        if name in MONEY and (value * 100) == (value * 100).to_integral_value():
            return _fen_text(int(value * 100)), None
        if value == value.to_integral_value():
            return str(int(value)), None
        return None, f"{value} is not a whole number" + (" of fen" if name in MONEY else "")
    if isinstance(value, (datetime.date, pandas.Timestamp)):
        return _date_text(value, name)
    return None, f"a Python {type(value).__name__} is not a value of {name}"


def _problems_at(rows, why_of, cells, column):
    """Records a problem at each of `rows` (as many as the cap leaves room for); all of
    them count in the total."""
    room = max(0, cells.cap - len(cells.problems))
    for row in rows[:room]:
        cells.problem(int(row), column, why_of(int(row)))
    cells.total += max(0, len(rows) - room)


def _missing_none(values):
    return numpy.zeros(len(values), dtype=bool)


def _int_column(series, name, cells, column):
    """An integer column without missing cells: ids and years as they are, money yuan as
    fen."""
    values = series.to_numpy()
    if values.dtype.kind == "u" and len(values) and values.max() > numpy.iinfo(numpy.int64).max:
        return _float_column(series, name, cells, column)
    values = values.astype(numpy.int64)
    if name not in MONEY:
        return ("int", values, _missing_none(values))
    too_big = numpy.flatnonzero(numpy.abs(values) > numpy.iinfo(numpy.int64).max // 100)
    if len(too_big):
        _problems_at(too_big, lambda r: f"{values[r]} yuan is too large an amount", cells, column)
        return None
    return ("fen", values * 100, _missing_none(values))


def _float_column(series, name, cells, column):
    """A float column, checked at numpy speed: money as whole fen, anything else as whole
    numbers."""
    values = series.to_numpy(dtype=numpy.float64, na_value=numpy.nan)
    missing = numpy.isnan(values)
    with numpy.errstate(invalid="ignore"):
        if name in MONEY:
            fen = numpy.round(values * 100)
            bad = ~missing & ~(numpy.abs(values - fen / 100) <= 1e-9)
        else:
            fen = values
            bad = ~missing & ~(values == numpy.floor(values))
        bad |= ~missing & ~(numpy.abs(fen) < 2.0 ** 63)
    rows = numpy.flatnonzero(bad)
    if len(rows):
        _problems_at(rows, lambda r: _float_text(float(values[r]), name, name in MONEY)[1] or
                     f"{values[r]!r} is not a figure", cells, column)
        return None
    whole = numpy.where(missing, 0, fen).astype(numpy.int64)
    return ("fen" if name in MONEY else "int", whole, missing)


def _datetime_column(series, name, cells, column):
    if name not in DATES:
        cells.problem(0, column, f"dates where {name} is expected")
        return None
    if getattr(series.dt, "tz", None) is not None:
        series = series.dt.tz_localize(None)
    timed = numpy.flatnonzero((series.notna() & (series != series.dt.normalize())).to_numpy())
    if len(timed):
        _problems_at(timed, lambda r: f"{series.iloc[r]} has a time of day; a date is a day",
                     cells, column)
        return None
    missing = series.isna().to_numpy()
    days = series.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(numpy.int64)
    return ("day", numpy.where(missing, 0, days), missing)


def _texts(values):
    return ("text", numpy.ascontiguousarray(numpy.asarray(values, dtype=object)))


def _object_column(series, name, cells, column):
    """A column of Python objects: text (and empty cells) as it is, anything else cell by
    cell."""
    if isinstance(series.dtype, pandas.CategoricalDtype):
        series = series.astype(object)
    if pandas.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return _texts(series.to_numpy(dtype=object))
    texts = []
    for row, v in enumerate(series.tolist()):
        if type(v) is str:
            texts.append(v)
            continue
        text, why = cell_text(v, name)
        if why:
            cells.problem(row, column, why)
            if cells.full():
                return None
        texts.append(text or "")
    return _texts(texts)


def column_cells(series, name, cells, column):
    """Column `series` (named `name`, at position `column`) as the loader's reader of
    columns takes it: ("text", objects) or ("int" | "fen" | "day", int64 values, missing
    mask); None when it has a problem (recorded in `cells`)."""
    kind = series.dtype.kind
    if kind == "b" or pandas.api.types.is_bool_dtype(series.dtype):
        _problems_at(numpy.flatnonzero(series.notna().to_numpy()),
                     lambda r: f"a true/false value where {name} is expected", cells, column)
        return None
    if kind in "iu" and not series.isna().any():
        return _int_column(series, name, cells, column)
    if kind in "iuf":
        return _float_column(series, name, cells, column)
    if kind == "M":
        return _datetime_column(series, name, cells, column)
    return _object_column(series, name, cells, column)
