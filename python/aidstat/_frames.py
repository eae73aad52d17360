"""pandas DataFrames as the CSV texts of a dataset (docs/file-formats.md), and the loader's
problems told back by frame, row and column instead of file, line and field."""
import bisect

from ._results import cell_text as _cell
from ._results import escaped as _escaped

FRAMES = ("items", "units", "beneficiaries", "categories", "commitments", "stated_totals")


class FrameText:
    """One frame as CSV text, with the line each of its rows starts on."""

    def __init__(self, name, frame):
        import pandas
        if not isinstance(frame, pandas.DataFrame):
            raise TypeError(f"{name} must be a pandas DataFrame, not {type(frame).__name__}")
        self.name = name
        self.columns = [str(c) for c in frame.columns]
        self.index = list(frame.index)
        lines = [",".join(_escaped(c) for c in self.columns)]
        self.row_lines = []  # 1-based line on which each row starts
        line = 1 + lines[0].count("\n")
        for row in frame.itertuples(index=False, name=None):
            line += 1
            self.row_lines.append(line)
            text = ",".join(_escaped(_cell(v)) for v in row)
            if text == "":  # one empty cell: quoted, or the row would read as a blank line
                text = '""'
            lines.append(text)
            line += text.count("\n")
        self.text = "\n".join(lines) + "\n"

    def row_of(self, line):
        """The position (from 0) of the row on CSV line `line`; None for the header."""
        if not line or not self.row_lines or line < self.row_lines[0]:
            return None
        return bisect.bisect_right(self.row_lines, line) - 1

    def column_of(self, column):
        """The name of CSV field `column` (from 1); None when there is none."""
        return self.columns[column - 1] if 1 <= column <= len(self.columns) else None

    def where(self, line, column):
        """"the items frame, row 3 (index 'r7'), column 'amount'" for a CSV position."""
        at = f"the {self.name} frame"
        row = self.row_of(line)
        if row is not None:
            at += f", row {row} (index {self.index[row]!r})"
        elif line:
            at += ", its columns"
        if self.column_of(column) is not None:
            at += f", column {self.column_of(column)!r}"
        return at


def texts_of(frames):
    """{name: FrameText} for the frames given (items required)."""
    if frames.get("items") is None:
        raise TypeError("from_frames needs the items frame")
    return {name: FrameText(name, f) for name, f in frames.items() if f is not None}


def told_by_frame(problems, texts):
    """The loader's problems (file, line, column, message), each told by frame, row and
    column: (frame, row, column name, message) and its sentence."""
    told, lines = [], []
    for file, line, column, message in problems:
        t = texts.get(file)
        if t is None:
            told.append((file, None, None, message))
            lines.append(message)
            continue
        for other in FRAMES:  # the loader names files; here they are frames
            message = message.replace(f"{other}.csv", f"the {other} frame")
        told.append((file, t.row_of(line), t.column_of(column), message))
        lines.append(f"{t.where(line, column)}: {message}")
    return told, "\n".join(lines)
