"""The CLI's CSV text (docs/cli.md) as a pandas DataFrame with exact types, and back:
key columns and words as str, counts as int, amounts and percentages as
decimal.Decimal (float only when asked), empty cells as None."""
import csv
import io
from decimal import Decimal

# Columns that hold words, whatever they look like.
TEXT_COLUMNS = {"status", "suppressed"}


def _typed(cells, as_float):
    present = [c for c in cells if c != ""]
    if all("." not in c for c in present):
        values = [int(c) if c != "" else None for c in cells]
        return values, ("Int64" if None in values else "int64")
    if as_float:
        return [float(c) if c != "" else float("nan") for c in cells], "float64"
    return [Decimal(c) if c != "" else None for c in cells], object


def frame_of_csv(text, keys, as_float=False):
    """The DataFrame of CSV `text` whose first `keys` columns are group keys."""
    import pandas
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    columns = {}
    for j, name in enumerate(header):
        cells = [r[j] for r in body]
        if j < keys or name in TEXT_COLUMNS:
            columns[name] = pandas.Series(cells, dtype=object)
        else:
            values, dtype = _typed(cells, as_float)
            columns[name] = pandas.Series(values, dtype=dtype)
    return pandas.DataFrame(columns, columns=header)


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


def to_csv(frame):
    """The CSV text of a result frame, byte for byte what the `aidstat` command writes
    with --format csv (RFC 4180 quoting, \\n line ends, empty cells for None)."""
    lines = [",".join(escaped(str(c)) for c in frame.columns)]
    for row in frame.itertuples(index=False, name=None):
        lines.append(",".join(escaped(cell_text(v)) for v in row))
    return "\n".join(lines) + "\n"
