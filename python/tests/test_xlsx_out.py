"""Results written as workbooks from Python (aidstat.to_xlsx), read back by openpyxl: the
same sheet as the command's --format xlsx, amounts as numbers that a SUM adds."""
import openpyxl
import pandas
import pytest

import aidstat
from conftest import run_cli


@pytest.fixture(scope="module")
def ds(example_dir):
    return aidstat.load(example_dir)


def sheet_values(path):
    book = openpyxl.load_workbook(path)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


@pytest.mark.parametrize("exact", [False, True])
def test_a_totals_frame_is_the_commands_sheet(ds, example_dir, tmp_path, exact):
    frame = aidstat.totals(ds, by=["category"], year=2023, exact=exact)
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    aidstat.to_xlsx(frame, ours, sheet="totals", unit="wan")
    run_cli("totals", example_dir, "--by", "category", "--year", "2023", "--format", "xlsx",
            "--unit", "wan", "--output", theirs)
    got, expected = sheet_values(ours), sheet_values(theirs)
    assert openpyxl.load_workbook(ours).sheetnames == ["totals"]
    assert got[:2] == expected[:2]  # the Chinese and the English headings
    assert got == expected
    # Amounts are numbers, in yuan: their sum is the frame's, to the fen.
    amounts = got[1].index("amount_min")
    body = [row[amounts] for row in got[2:] if row[amounts] is not None]
    assert len(body) > 3 and all(isinstance(v, (int, float)) for v in body)
    # In 万元, as unit="wan" asks.
    assert round(sum(body) * 10_000, 2) == round(float(frame["amount_min"].sum()), 2)


def test_a_pivot_and_a_hand_made_column(ds, tmp_path):
    frame = aidstat.pivot(ds, rows="category", cols="year", margins=True)
    path = tmp_path / "pivot.xlsx"
    aidstat.to_xlsx(frame, path)
    rows = sheet_values(path)
    # The key, then per year an amount's min, max and notation, then the total's.
    assert rows[1][:4] == ["category", "2022_min", "2022_max", "2022_text"]
    assert [r[0] for r in rows[2:]] == [str(v) for v in frame.index]
    assert rows[2][1] == frame.iloc[0][(2022, "min")]

    added = pandas.DataFrame({"region": ["east", "west"], "records": [3, 4],
                              "share": [0.25, 0.75]})
    aidstat.to_xlsx(added, path)
    assert sheet_values(path)[1:] == [["region", "records", "share"], ["east", 3, 0.25],
                                      ["west", 4, 0.75]]


def test_to_xlsx_checks_its_arguments(ds, tmp_path):
    frame = aidstat.totals(ds, by=["category"])
    with pytest.raises(TypeError, match="frame is a pandas DataFrame"):
        aidstat.to_xlsx([1, 2], tmp_path / "x.xlsx")
    with pytest.raises(TypeError, match="path is a path"):
        aidstat.to_xlsx(frame, ds)
    with pytest.raises(ValueError, match="unit is 'wan' or 'yuan'"):
        aidstat.to_xlsx(frame, tmp_path / "x.xlsx", unit="kuai")
    with pytest.raises(aidstat.error):
        aidstat.to_xlsx(frame, tmp_path / "x.xlsx", sheet="bad/name")
