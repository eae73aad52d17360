"""pandas DataFrames as the CSV texts of a dataset (docs/file-formats.md), and the loader's
problems told back by frame, row and column instead of file, line and field."""
import bisect

from ._cells import Cells, column_cells

FRAMES = ("items", "units", "beneficiaries", "categories", "commitments", "stated_totals")


class FrameText:
    """One frame as CSV text, written by pandas' to_csv from columns made as the loader
    reads them (_cells), with the line each row starts on. Problems of the cells
    themselves go to `cells`, and then there is no text."""

    def __init__(self, name, frame, cells):
        import pandas
        if not isinstance(frame, pandas.DataFrame):
            raise TypeError(f"{name} is a pandas DataFrame, not {type(frame).__name__}")
        self.name = name
        self.columns = [str(c) for c in frame.columns]
        self.index = frame.index
        self.first_problem = len(cells.problems)
        self.text, self.row_lines = "", None
        if not self.columns:
            return  # no header: the loader says the file is empty
        converted = {}
        for j in range(len(self.columns)):
            column = column_cells(frame.iloc[:, j], self.columns[j], cells, j)
            if column is None or cells.full():
                return  # the frame's own problems are reported; the loader is not asked
            converted[j] = column
        body = pandas.DataFrame(converted, index=frame.index)
        self.text = body.to_csv(index=False, header=self.columns, lineterminator="\n")
        if self.text.count("\n") != len(frame) + 1:  # a cell holds a line break
            self.row_lines = _row_lines(self.text)

    def row_of(self, line):
        """The position (from 0) of the row on CSV line `line`; None for the header."""
        if self.row_lines is None:  # no cell holds a line break: row i is on line i + 2
            return line - 2 if line and 2 <= line < len(self.index) + 2 else None
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


def _row_lines(text):
    """The line on which each record of CSV `text` starts (the header's line is 1)."""
    import csv
    import io
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader, None)
    lines, start = [], reader.line_num + 1
    for _ in reader:
        lines.append(start)
        start = reader.line_num + 1
    return lines


def texts_of(frames, cap):
    """({name: FrameText}, Cells) for the frames given (items required); the cells'
    problems, at most `cap`, stop the reading."""
    if frames.get("items") is None:
        raise TypeError("from_frames needs the items frame")
    cells, texts = Cells(cap), {}
    for name, f in frames.items():
        if f is not None and not cells.full():
            texts[name] = FrameText(name, f, cells)
    return texts, cells


def cell_problems(texts, cells):
    """The frames' own problems, told as told_by_frame tells the loader's."""
    told, lines = [], []
    names = list(texts)
    for i, (row, column, message) in enumerate(cells.problems):
        # Which frame: the last whose first problem is at or before this one.
        t = [texts[n] for n in names if texts[n].first_problem <= i][-1]
        label = t.index[row] if row < len(t.index) else None
        told.append((t.name, row, t.columns[column], message))
        lines.append(f"the {t.name} frame, row {row} (index {label!r}), column "
                     f"{t.columns[column]!r}: {message}")
    if cells.total > len(told):
        lines.append(f"... and {cells.total - len(told)} more problems: {cells.total} in all "
                     "(reading stopped at the first " + str(len(told)) + ")")
    return told, "\n".join(lines)


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


def findings_by_frame(frame, texts):
    """check's findings with `row` and `label` columns: each finding's frame row and
    index label when the dataset was made of frames (texts), else empty."""
    import pandas
    rows, labels, told = [], [], []
    for file, line, column, level, message, finding in zip(
            frame["file"], frame["line"], frame["column"], frame["level"], frame["message"],
            frame["finding"]):
        t = texts.get(file) if texts else None
        row = t.row_of(line) if t else None
        rows.append(row)
        labels.append(t.index[row] if row is not None else None)
        told.append(f"{t.where(line, column)}: {level}: {message}" if t else finding)
    frame = frame.assign(finding=told)
    frame.insert(5, "row", pandas.array(rows, dtype="Int64"))
    frame.insert(6, "label", pandas.Series(labels, index=frame.index, dtype=object))
    return frame
