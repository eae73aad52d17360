"""A result frame as a workbook (aidstat.to_xlsx), written by the library's own renderer
from a typed table made of the frame's columns: amounts as numbers of yuan with their
notation beside, counts as whole numbers, headings in Chinese and English. A column's
kind is the one its result gave it (the frame's attrs); a column added by hand is a
count, a figure or text by its dtype."""
from decimal import Decimal

import numpy
import pandas

from ._results import HEADINGS, KINDS, PIVOT, _flat


def _missing(series):
    return numpy.asarray(series.isna().to_numpy(), dtype=bool)


def _hundredths(series, missing):
    """Yuan or percent, float or Decimal, as whole hundredths (fen)."""
    if series.dtype == object:
        return numpy.array([0 if m else int((Decimal(v) * 100).to_integral_value())
                            for v, m in zip(series.tolist(), missing)], dtype=numpy.int64)
    values = series.to_numpy(dtype=numpy.float64, na_value=numpy.nan)
    return numpy.where(missing, 0, numpy.round(values * 100)).astype(numpy.int64)


def _whole(series, missing):
    values = series.to_numpy(dtype=numpy.float64, na_value=numpy.nan)
    return numpy.where(missing, 0, numpy.round(values)).astype(numpy.int64)


def _texts(series, kind):
    def text(v):
        if v is None or (not isinstance(v, str) and pandas.isna(v)):
            return None
        return str(int(v)) if kind == "year" else str(v)
    return [text(v) for v in series.tolist()]


def _kind_of_dtype(series):
    if pandas.api.types.is_bool_dtype(series.dtype):
        return "text"
    if pandas.api.types.is_integer_dtype(series.dtype):
        return "count"
    if pandas.api.types.is_float_dtype(series.dtype):
        return "real"
    return "text"


def _spec(name, kind, heading, series, high=None):
    """One column for the library: an interval when `high` is its _max partner."""
    missing = _missing(series) | (_missing(high) if high is not None else False)
    spec = dict(name=name, kind=kind, heading_zh=heading, missing=missing)
    if kind in ("money", "percent"):
        spec["values"] = _hundredths(series, missing)
        if high is not None:
            spec["max"] = _hundredths(high, missing)
    elif kind in ("count", "quantity"):
        spec["values"] = _whole(series, missing)
        if high is not None:
            spec["max"] = _whole(high, missing)
    elif kind in ("real", "percent_text"):
        spec["kind"] = "real"
        spec["values"] = numpy.where(missing, 0.0, series.to_numpy(dtype=numpy.float64,
                                                                   na_value=numpy.nan))
    else:
        spec["values"] = _texts(series, kind)
    return spec


def columns_of(frame):
    """The frame's columns as the library's _save_xlsx takes them: money and quantity
    _min/_max pairs joined into one interval column."""
    kinds, headings = frame.attrs.get(KINDS, {}), frame.attrs.get(HEADINGS, {})
    pivot_kind = frame.attrs.get(PIVOT)
    flat = _flat(frame)
    names = [str(c) for c in flat.columns]
    specs, i = [], 0
    while i < len(names):
        name, series = names[i], flat.iloc[:, i]
        kind = kinds.get(name) or (pivot_kind if pivot_kind and i else None)
        kind = kind or _kind_of_dtype(series)
        base = name[:-4] if name.endswith("_min") else None
        if kind in ("money", "quantity") and base and names[i + 1:i + 2] == [base + "_max"]:
            specs.append(_spec(base, kind, headings.get(base, base), series, flat.iloc[:, i + 1]))
            i += 2
            continue
        specs.append(_spec(name, kind, headings.get(name, name), series))
        i += 1
    return specs
