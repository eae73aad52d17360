"""Frames as pandas makes them (read_excel's datetime64 dates, floats with NaN, number
ids, Decimal, Timestamps) load to the same dataset as the equivalent CSV files; other
objects are problems naming their cell; a frame wrong in every row fails fast with the
first 1,000 problems and the total."""
import datetime
import time
from decimal import Decimal

import numpy
import pandas
import pytest

import aidstat

CSV_ITEMS = """date,category,provider,recipient,amount,quantity,measure
2023-01-15,condolence,city,73051,0.30,12,person
2023-02-01,education,city,,1100余万元,,
2022-12-31,condolence,73051,city,250000.00,3,session
"""
UNITS = "id,name,kind,side,parent,region\ncity,市政府,government,civilian,,c\n" \
        "73051,73051部队,military_unit,military,,c\n"


@pytest.fixture
def csv_dataset(tmp_path):
    (tmp_path / "items.csv").write_text(CSV_ITEMS, encoding="utf-8")
    (tmp_path / "units.csv").write_text(UNITS, encoding="utf-8")
    return aidstat.load(tmp_path)


def units_frame():
    # As read_excel gives it: the numeric id 73051 as an int.
    return pandas.DataFrame({"id": ["city", 73051], "name": ["市政府", "73051部队"],
                             "kind": ["government", "military_unit"],
                             "side": ["civilian", "military"], "parent": [None, numpy.nan],
                             "region": ["c", "c"]})


def excel_items():
    """The same items as read_excel makes them: datetime64 dates, float ids and amounts
    with NaN, a float quantity column."""
    return pandas.DataFrame({
        "date": pandas.to_datetime(["2023-01-15", "2023-02-01", "2022-12-31"]),
        "category": ["condolence", "education", "condolence"],
        "provider": ["city", "city", 73051.0],
        "recipient": [73051.0, numpy.nan, "city"],
        "amount": [0.1 + 0.2, "1100余万元", 250000.0],   # 0.30000000000000004
        "quantity": [12.0, numpy.nan, 3.0],
        "measure": ["person", None, "session"]})


def same(a, b):
    for by in (["category", "year"], ["provider", "recipient"], ["measure"]):
        assert aidstat.to_csv(aidstat.totals(a, by=by)) == aidstat.to_csv(aidstat.totals(b, by=by))


def test_frames_as_read_excel_gives_them_load_as_the_csv(csv_dataset):
    same(aidstat.from_frames(excel_items(), units=units_frame()), csv_dataset)


def test_dates_as_objects_and_decimals(csv_dataset):
    items = excel_items()
    items["date"] = pandas.Series([pandas.Timestamp("2023-01-15"), datetime.date(2023, 2, 1),
                                   "2022-12-31"], dtype=object)
    items["amount"] = pandas.Series([Decimal("0.30"), "1100余万元", 250000], dtype=object)
    assert items["date"].dtype == object
    same(aidstat.from_frames(items, units=units_frame()), csv_dataset)


def test_a_year_made_float_by_a_nan_reads_as_the_year():
    items = pandas.DataFrame({"date": [2023.0, numpy.nan], "category": ["other", "other"],
                              "provider": ["x", "x"]})
    with pytest.raises(aidstat.validation_error) as raised:
        aidstat.from_frames(items)
    # Row 0 reads as the year 2023; only row 1, with no date, is a problem.
    assert [p[1] for p in raised.value.problems if p[2] == "date"] == [1]


@pytest.mark.parametrize("cell,message", [
    (b"city", "a Python bytes is not a value of provider"),
    ([1, 2], "a Python list is not a value of provider"),
    (True, "a true/false value where provider is expected"),
    (7.5, "7.5 is not a whole number, as provider must be"),
])
def test_other_objects_are_problems_naming_their_cell(cell, message):
    items = pandas.DataFrame({"date": ["2023"], "category": ["other"], "provider": [cell]},
                             index=["r0"])
    with pytest.raises(aidstat.validation_error) as raised:
        aidstat.from_frames(items)
    assert str(raised.value) == f"the items frame, row 0 (index 'r0'), column 'provider': {message}"
    assert raised.value.problems == [("items", 0, "provider", message, "r0")]


def test_a_time_of_day_and_a_finer_amount_are_problems():
    items = pandas.DataFrame({"date": pandas.to_datetime(["2023-01-15 10:30"]),
                              "category": ["other"], "provider": ["x"], "amount": [0.001]})
    with pytest.raises(aidstat.validation_error) as raised:
        aidstat.from_frames(items)
    assert "column 'date': 2023-01-15 10:30:00 has a time of day; a date is a day" in \
        str(raised.value)


def test_a_frame_wrong_in_every_row_fails_fast_and_bounded():
    n = 200_000  # every row at 10:30 on one of 300 days
    items = pandas.DataFrame({"date": pandas.Timestamp("2023-01-15 10:30") +
                              pandas.to_timedelta(numpy.arange(n) % 300, unit="D"),
                              "category": ["other"] * n, "provider": ["x"] * n})
    start = time.perf_counter()
    with pytest.raises(aidstat.validation_error) as raised:
        aidstat.from_frames(items)
    assert time.perf_counter() - start < 10
    assert len(raised.value.problems) == 1000
    assert str(raised.value).endswith(f"... and {n - 1000} more problems: {n} in all "
                                      "(reading stopped at the first 1000)")


def test_check_names_the_frame_row_and_index_label():
    items = pandas.DataFrame({"date": ["2023", "2023"], "category": ["other", "other"],
                              "provider": ["x", "x"], "amount": ["5", "5"]},
                             index=["a", "b"])
    found = aidstat.check(aidstat.from_frames(items))
    duplicate = found[found["kind"] == "duplicate"].iloc[0]
    # The second row repeats the first: the finding is on the first, row 0, index 'a'.
    assert (duplicate["row"], duplicate["label"]) == (0, "a")
    assert duplicate["finding"].startswith("the items frame, row 0 (index 'a'): warning: ")
    # The places inside the message count rows as the frame does, from 0.
    assert "record repeated at row 1 (" in duplicate["message"]
    whole = found[found["kind"] == "unnamed"].iloc[0]
    assert whole["finding"].startswith("the items frame: note: ")
    assert "(row 0, row 1)" in whole["message"]


def test_one_shape_of_problem_for_a_file_a_workbook_and_a_frame(tmp_path):
    """The same bad amount, in row 1 of a frame (from 0), on line 3 of items.csv and on
    row 3 of a workbook's items sheet (under its header row)."""
    import openpyxl
    items = pandas.DataFrame({"date": ["2023", "2023"], "category": ["other", "other"],
                              "provider": ["a", "b"], "amount": ["1", "12x"]},
                             index=["first", "second"])
    folder = tmp_path / "data"
    folder.mkdir()
    items.to_csv(folder / "items.csv", index=False)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "items"
    sheet.append(list(items.columns))
    for row in items.itertuples(index=False):
        sheet.append(list(row))
    book.save(tmp_path / "book.xlsx")
    told = {}
    for name, load in (("frame", lambda: aidstat.from_frames(items)),
                       ("file", lambda: aidstat.load(folder)),
                       ("workbook", lambda: aidstat.load(tmp_path / "book.xlsx"))):
        with pytest.raises(aidstat.validation_error) as raised:
            load()
        (p,) = raised.value.problems
        assert isinstance(p, aidstat.problem) and p._fields == (
            "source", "row", "column", "message", "label")
        told[name] = p
    message = told["frame"].message
    assert "12x" in message
    assert told["frame"] == ("items", 1, "amount", message, "second")
    assert told["file"] == (str(folder / "items.csv"), 3, "amount", message, None)
    assert told["workbook"] == (str(tmp_path / "book.xlsx") + " (sheet items)", 3, "amount",
                                message, None)
