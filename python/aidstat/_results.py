"""A result table, as the library types it, made a pandas DataFrame whose dtypes follow
the column's kind and never the data; and a frame back to the command's CSV text.

    keys: str (object), missing None; year keys int64
    counts: int64 (Int64, missing <NA>, when disclosure control may empty a cell)
    amounts, quantities, percentages, computed figures: float64, missing NaN
        (exact=True: decimal.Decimal amounts and percentages, missing None)
    status, suppressed: category, over the words the column may hold
"""
from decimal import Decimal

# How to_csv writes each kind of column, and the frame attribute that records the kinds.
KINDS = "aidstat_kinds"
PIVOT = "aidstat_pivot"
HEADINGS = "aidstat_headings"  # each column's Chinese heading, for to_xlsx


def _decimal(fen_or_hundredths):
    return Decimal(int(fen_or_hundredths)).scaleb(-2)


def _rounded(value, digits):
    """A computed double as the Decimal of its text to `digits`, never a negative zero."""
    d = Decimal(format(value, digits))
    return abs(d) if d == 0 else d


def _series(pandas, numpy, spec, values, missing, exact):
    """One column's Series from the core's values and mask."""
    kind = spec["kind"]
    if kind in ("key", "text"):
        return pandas.Series(values, dtype=object)
    if kind == "status":
        return pandas.Series(pandas.Categorical(values, categories=spec["vocabulary"]))
    if kind == "year":  # (a pivot's total row has none: its frame drops that row)
        if None in values:
            return pandas.Series([None if v is None else int(v) for v in values], dtype="Int64")
        return pandas.Series(numpy.array([int(v) for v in values], dtype=numpy.int64))
    if kind == "count":
        if spec["nullable"] or missing.any():
            return pandas.Series(pandas.arrays.IntegerArray(values, missing))
        return pandas.Series(values, dtype=numpy.int64)
    if kind == "quantity":
        return pandas.Series(numpy.where(missing, numpy.nan, values.astype(numpy.float64)))
    if kind in ("money", "percent"):
        if exact:
            return pandas.Series([None if m else _decimal(v) for v, m in zip(values, missing)],
                                 dtype=object)
        return pandas.Series(numpy.where(missing, numpy.nan, values / 100.0))
    # real, percent_text: a double computed by the library
    if exact:
        digits = ".1f" if kind == "percent_text" else ".2f"
        return pandas.Series([None if m else _rounded(v, digits) for v, m in zip(values, missing)],
                             dtype=object)
    return pandas.Series(values + 0.0)  # + 0.0: never a negative zero


def frame_of_table(table, exact=False, names=False):
    """The DataFrame of the core's table (aidstat._aidstat columns_of)."""
    import numpy
    import pandas
    columns, kinds, headings = {}, {}, {}
    for spec in table["columns"]:
        spec = dict(spec, nullable=table["min_cell"])
        name, kind, missing = spec["name"], spec["kind"], spec["missing"]
        headings[name] = spec["heading_zh"]
        if kind in ("money", "quantity"):
            for suffix, values in (("_min", spec["values"]), ("_max", spec["max"])):
                columns[name + suffix] = _series(pandas, numpy, spec, values, missing, exact)
                kinds[name + suffix] = kind
            continue
        columns[name] = _series(pandas, numpy, spec, spec["values"], missing, exact)
        kinds[name] = kind
        if names and kind in ("key", "year"):
            labels = spec["labels"] + [None] * (len(spec["values"]) - len(spec["labels"]))
            columns[name + "_zh"] = pandas.Series(labels, dtype=object)
            kinds[name + "_zh"] = "text"
    frame = pandas.DataFrame(columns)
    frame.attrs[KINDS] = kinds
    frame.attrs[HEADINGS] = headings
    return frame


def cell_text(value):
    """A cell as CSV text: strings as they are, missing values (None, NaN, pandas.NA)
    empty, anything else as str() writes it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    import pandas
    try:
        if pandas.isna(value):
            return ""
    except (TypeError, ValueError):  # a value pandas cannot judge is not missing
        pass
    return str(value)


def escaped(text):
    """A CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a
    line end."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _digits(value, digits):
    text = format(value, digits)
    return text[1:] if text.startswith("-") and text.strip("-0.") == "" else text


def _writer(kind):
    """How a cell of `kind` is written, once it is known not to be missing."""
    if kind in ("money", "percent", "real"):
        return lambda v: _digits(v, ".2f")
    if kind == "percent_text":
        return lambda v: _digits(v, ".1f")
    if kind in ("count", "year", "quantity"):
        return lambda v: str(int(v))
    return None


def _guess(value):
    """How to write a cell of a frame the library did not make."""
    if isinstance(value, (float, Decimal)):
        return _digits(value, ".2f")
    return str(value)


def _field(value, write):
    text = cell_text(value)
    if text == "" or isinstance(value, str):
        return text
    return write(value) if write else _guess(value)


def _flat(frame):
    """The frame with its index as columns (a key set as the index is written, never
    dropped) and flat column names ("2022_min" for a pivot's (2022, "min"))."""
    import pandas
    if frame.attrs.get(PIVOT) or any(n is not None for n in frame.index.names):
        frame = frame.reset_index()
    if isinstance(frame.columns, pandas.MultiIndex):
        frame = frame.set_axis(["_".join(str(p) for p in c if str(p) != "")
                                for c in frame.columns], axis=1)  # a copy: the caller's stays
    return frame


def to_csv(frame):
    """The CSV text of a result frame, byte for byte what the `aidstat` command writes
    with --format csv (RFC 4180 quoting, \\n line ends, empty cells for missing values),
    from float or exact frames. A pivot is written as it is held: with its margins when
    it has them (margins=True), as the command writes it."""
    kinds = frame.attrs.get(KINDS, {})
    pivot_kind = frame.attrs.get(PIVOT)
    frame = _flat(frame)
    names = [str(c) for c in frame.columns]
    writers = [_writer(kinds.get(n, pivot_kind if i else None)) for i, n in enumerate(names)]
    lines = [",".join(escaped(n) for n in names)]
    for row in frame.itertuples(index=False, name=None):
        lines.append(",".join(escaped(_field(v, w)) for v, w in zip(row, writers)))
    return "\n".join(lines) + "\n"


def _label(value, dimension):
    return int(value) if dimension == "year" and value is not None else value


def frame_of_pivot(table, rows, cols, exact=False, margins=False):
    """A pivot's DataFrame: indexed by the row key, a column per column key (for
    amounts a (key, "min" / "max") pair), and with margins=True the totals as a last
    "total" row and column, as pandas.pivot_table(margins=True, margins_name="total")
    has them (and transfers_excluded, each row's transfers left out, when the data
    holds transfers); without them no total is mixed into the data."""
    import pandas
    flat = frame_of_table(table, exact)
    key, *figures = table["columns"]
    with_total = margins and table["total"]
    body = flat if with_total or not table["total"] else flat.iloc[:-1]
    index = [_label(v, rows) for v in body[key["name"]]]
    if with_total:
        index[-1] = "total"
    data, margin = {}, False
    for spec in figures:
        margin = margin or spec["name"] == "total"  # the total, then transfers_excluded
        if margin and not margins:
            continue
        label = spec["name"] if margin else _label(spec["name"], cols)
        if spec["kind"] == "money":
            for part in ("min", "max"):
                data[(label, part)] = body[spec["name"] + "_" + part].reset_index(drop=True)
        else:  # a count; beside amounts (transfers_excluded), under (label, "")
            key = (label, "") if figures[0]["kind"] == "money" else label
            data[key] = body[spec["name"]].reset_index(drop=True)
    frame = pandas.DataFrame(data)
    frame.index = pandas.Index(index, name=rows)
    frame.attrs[PIVOT] = figures[0]["kind"] if figures else "count"
    frame.attrs[KINDS] = {"transfers_excluded": "count"}
    frame.attrs[HEADINGS] = flat.attrs[HEADINGS]
    return frame
