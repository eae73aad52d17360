"""pandas DataFrames as the tables of a dataset (docs/file-formats.md), read by the
library column by column, and the problems told by frame, row and column."""
from ._cells import Cells, column_cells

FRAMES = ("items", "units", "beneficiaries", "categories", "commitments", "stated_totals")


class FrameColumns:
    """One frame as (name, column names, column specs) for the library's reader of
    columns (_cells). Problems of the cells themselves go to `cells`, and then `specs`
    is None. `index` stays, to name a row's label."""

    def __init__(self, name, frame, cells):
        import pandas
        if not isinstance(frame, pandas.DataFrame):
            raise TypeError(f"{name} is a pandas DataFrame, not {type(frame).__name__}")
        self.name = name
        self.columns = [str(c) for c in frame.columns]
        self.index = frame.index
        self.first_problem = len(cells.problems)
        self.specs = []
        for j in range(len(self.columns)):
            spec = column_cells(frame.iloc[:, j], self.columns[j], cells, j)
            if spec is None or cells.full():
                self.specs = None  # the frame's own problems are reported; not the loader
                return
            self.specs.append(spec)

    def table(self):
        # Names as bytes, so that one Python holds but UTF-8 cannot (a lone surrogate)
        # reaches the library, which names it, instead of failing in the conversion.
        return (self.name, [c.encode("utf-8", "surrogatepass") for c in self.columns],
                self.specs)

    def label(self, row):
        return self.index[row] if row is not None and 0 <= row < len(self.index) else None


def tables_of(frames, cap):
    """({name: FrameColumns}, Cells) for the frames given (items required); the cells'
    problems, at most `cap`, stop the reading."""
    if frames.get("items") is None:
        raise TypeError("from_frames needs the items frame")
    cells, tables = Cells(cap), {}
    for name, f in frames.items():
        if f is not None and not cells.full():
            tables[name] = FrameColumns(name, f, cells)
    return tables, cells


def _sentence(problem):
    """"the items frame, row 3 (index 'r7'), column 'amount': message"."""
    at = f"the {problem.source} frame"
    if problem.row is not None:
        at += f", row {problem.row} (index {problem.label!r})"
    elif problem.column is not None:
        at += ", its columns"
    if problem.column is not None:
        at += f", column {problem.column!r}"
    return f"{at}: {problem.message}"


def cell_problems(tables, cells, problem):
    """The frames' own problems as `problem`s (source, row, column, message, label), and
    the error's text."""
    told = []
    names = list(tables)
    for i, (row, column, message) in enumerate(cells.problems):
        # Which frame: the last whose first problem is at or before this one.
        t = [tables[n] for n in names if tables[n].first_problem <= i][-1]
        told.append(problem(t.name, row, t.columns[column], message, t.label(row)))
    lines = [_sentence(p) for p in told]
    if cells.total > len(told):
        lines.append(f"... and {cells.total - len(told)} more problems: {cells.total} in all "
                     "(reading stopped at the first " + str(len(told)) + ")")
    return told, "\n".join(lines)


def told_by_frame(problems, tables):
    """The loader's problems, each with its frame row's index label and the frames named
    as frames in its message, and the error's text."""
    told = []
    for p in problems:
        t = tables.get(p.source)
        message = p.message
        for other in FRAMES:  # the loader's messages name files; here they are frames
            message = message.replace(f"{other}.csv", f"the {other} frame")
        told.append(p._replace(message=message, label=t.label(p.row) if t else None))
    return told, "\n".join(_sentence(p) if p.source in tables else p.message for p in told)


def findings_by_frame(frame, tables):
    """check's findings with `row` and `label` columns: each finding's frame row and
    index label when the dataset was made of frames ({name: FrameColumns}), else empty."""
    import pandas
    rows, labels, told = [], [], []
    for file, line, column, level, message, finding in zip(
            frame["file"], frame["line"], frame["column"], frame["level"], frame["message"],
            frame["finding"]):
        t = tables.get(file) if tables else None
        if t is None:
            rows.append(None), labels.append(None), told.append(finding)
            continue
        row = line - 1 if 1 <= line <= len(t.index) else None
        name = t.columns[column - 1] if 1 <= column <= len(t.columns) else None
        rows.append(row), labels.append(t.label(row))
        told.append(_sentence(_Place(file, row, name, f"{level}: {message}", t.label(row))))
    frame = frame.assign(finding=told)
    frame.insert(5, "row", pandas.array(rows, dtype="Int64"))
    frame.insert(6, "label", pandas.Series(labels, index=frame.index, dtype=object))
    return frame


class _Place:
    """A finding's place and text, told as a problem is."""

    def __init__(self, source, row, column, message, label):
        self.source, self.row, self.column = source, row, column
        self.message, self.label = message, label
