"""The module against the `aidstat` command: every function, on the example data and
on generated data in report notation; from_frames against the CSV loader; errors
with their positions; exact types; the GIL released during loads and scans."""
import random
import subprocess
import threading
import time
from decimal import Decimal

import pandas
import pytest

import aidstat
from conftest import CLI, beneficiaries, item_rows, run_cli, write_dataset

TOTALS = [[], ["category"], ["category", "year"], ["provider@0", "form"], ["measure"],
          ["region"], ["beneficiary_kind", "direction"], ["recipient"]]


@pytest.fixture(scope="module")
def example(example_dir):
    return example_dir, aidstat.load(example_dir)


@pytest.fixture(scope="module")
def union(generated):
    return generated[0], aidstat.load(generated[0])


def by_args(by):
    return [a for b in by for a in ("--by", b)]


@pytest.mark.parametrize("by", TOTALS)
def test_totals_equal_the_command(example, union, by):
    for path, ds in (example, union):
        assert aidstat.to_csv(aidstat.totals(ds, by=by)) == \
            run_cli("totals", path, *by_args(by), "--format", "csv")


@pytest.mark.parametrize("by", [["category"], ["form", "direction"], ["category", "year"],
                                ["provider"]])
def test_totals_of_a_path_equal_those_of_the_loaded_dataset(example, union, by):
    # A directory is read as a stream (a unit key only beside units.csv), or else
    # loaded; the answer is the loaded dataset's either way.
    for path, ds in (example, union):
        assert aidstat.to_csv(aidstat.totals(path, by=by, year=2023)) == \
            aidstat.to_csv(aidstat.totals(ds, by=by, year=2023))


@pytest.mark.parametrize("by", [["category"], ["provider"], ["beneficiary_kind"]])
def test_analyses_of_a_path_equal_those_of_the_loaded_dataset(example, union, tmp_path, by):
    # yoy, trend and pivot read a CSV directory or an archive once, as the query
    # needs it; the answer is the loaded dataset's.
    for path, ds in (example, union):
        archive = tmp_path / "all.aidstat"
        ds.save(archive)
        for source in (path, archive):
            assert aidstat.to_csv(aidstat.yoy(source, 2022, 2023, by=by)) == \
                aidstat.to_csv(aidstat.yoy(ds, 2022, 2023, by=by))
            assert aidstat.to_csv(aidstat.trend(source, 2021, 2023, by=by)) == \
                aidstat.to_csv(aidstat.trend(ds, 2021, 2023, by=by))
            assert aidstat.pivot(source, by[0], "year").equals(aidstat.pivot(ds, by[0], "year"))


def test_totals_of_a_path_with_a_problem_name_it(tmp_path, example_dir):
    for name in ("units.csv", "beneficiaries.csv", "categories.csv", "commitments.csv",
                 "stated_totals.csv"):
        if (example_dir / name).exists():
            (tmp_path / name).write_bytes((example_dir / name).read_bytes())
    items = (example_dir / "items.csv").read_text(encoding="utf-8").splitlines()
    items.insert(3, "2023-02-30," + items[3].split(",", 1)[1])
    (tmp_path / "items.csv").write_text("\n".join(items) + "\n", encoding="utf-8")
    with pytest.raises(aidstat.validation_error) as loaded:
        aidstat.load(tmp_path)
    with pytest.raises(aidstat.validation_error) as streamed:
        aidstat.totals(tmp_path, by=["category"])
    assert str(streamed.value) == str(loaded.value)
    assert "items.csv:4:" in str(streamed.value)


def test_totals_options_equal_the_command(union):
    path, ds = union
    cases = [
        (dict(by=["category"], year=2022), ["--by", "category", "--year", 2022]),
        (dict(by=["category"], where={"provider": "city", "form": ["cash", "transfer"]}),
         ["--by", "category", "--where", "provider=city", "--where", "form=cash,transfer"]),
        (dict(by=["quarter"], date_from="2022", date_to="2023"),
         ["--by", "quarter", "--from", "2022", "--to", "2023"]),
        (dict(by=["provider", "category"], min_cell=40),
         ["--by", "provider", "--by", "category", "--min-cell", 40]),
    ]
    for kwargs, args in cases:
        assert aidstat.to_csv(aidstat.totals(ds, **kwargs)) == \
            run_cli("totals", path, *args, "--format", "csv"), kwargs


@pytest.mark.parametrize("by", [[], ["category"], ["provider@1"], ["measure", "form"]])
def test_yoy_equals_the_command(example, union, by):
    for path, ds in (example, union):
        assert aidstat.to_csv(aidstat.yoy(ds, 2022, 2023, by=by)) == \
            run_cli("yoy", path, "--base", 2022, "--year", 2023, *by_args(by), "--format", "csv")


def test_yoy_options_equal_the_command(example, union, tmp_path):
    deflator = tmp_path / "deflator.csv"
    deflator.write_text("year,index\n2021,98.5\n2022,100\n2023,102.3\n")
    mapping = tmp_path / "map.csv"
    mapping.write_text("year,from,to,share\n2022,legal_aid,other,1\n")
    # Records dated to the month or day: a year to date and fiscal years place them all.
    rows = [r for r in item_rows(random.Random(3), 3000) if "-" in r.split(",")[0]]
    monthly_dir = write_dataset(tmp_path / "monthly", rows, beneficiaries(random.Random(3)))
    monthly = (monthly_dir, aidstat.load(monthly_dir))
    for path, ds in (example, union, monthly):
        cases = [
            (dict(by=["category"], ytd="06-30"), ["--by", "category", "--ytd", "06-30"]),
            (dict(by=["category"], deflator=deflator, prices_of=2023),
             ["--by", "category", "--deflator", deflator, "--prices-of", 2023]),
            (dict(by=["category"], category_map=mapping),
             ["--by", "category", "--category-map", mapping]),
            (dict(by=["quarter"], fiscal_start=4, where={"direction": "support_military"}),
             ["--by", "quarter", "--fiscal-start", 4, "--where", "direction=support_military"]),
        ]
        for kwargs, args in cases:
            try:
                got = aidstat.to_csv(aidstat.yoy(ds, 2022, 2023, **kwargs))
            except aidstat.query_error as e:  # the command refuses it the same way
                assert path != monthly_dir, e
                r = subprocess.run([CLI, "yoy", str(path), "--base", "2022", "--year", "2023",
                                    *map(str, args)], capture_output=True, text=True)
                assert r.returncode == 2 and r.stderr == f"aidstat: {e}\n", kwargs
                continue
            assert got == run_cli("yoy", path, "--base", 2022, "--year", 2023, *args,
                                  "--format", "csv"), kwargs


def test_trend_pivot_progress_equal_the_command(example, union):
    for path, ds in (example, union):
        assert aidstat.to_csv(aidstat.trend(ds, 2021, 2023, by=["category"])) == \
            run_cli("trend", path, "--from", 2021, "--to", 2023, "--by", "category",
                    "--format", "csv")
        for measure in ("amount", "records", "headcount"):
            assert aidstat.to_csv(aidstat.pivot(ds, "category", "year", measure=measure,
                                                margins=True)) == \
                run_cli("pivot", path, "--rows", "category", "--cols", "year", "--measure",
                        measure, "--format", "csv")
        assert aidstat.to_csv(aidstat.pivot(ds, "provider", "category", measure="headcount",
                                            min_cell=30, margins=True)) == \
            run_cli("pivot", path, "--rows", "provider", "--cols", "category", "--measure",
                    "headcount", "--min-cell", 30, "--format", "csv")
    path, ds = example
    for kwargs, args in ((dict(), []), (dict(year=2023, by=["category"]),
                                        ["--year", 2023, "--by", "category"]),
                         (dict(by=["owner"]), ["--by", "owner"])):
        assert aidstat.to_csv(aidstat.progress(ds, **kwargs)) == \
            run_cli("progress", path, *args, "--format", "csv")


def test_check_equals_the_command(example, union, tmp_path):
    for path, ds in (example, union):
        lines = run_cli("check", path, check=False).splitlines()[:-1]  # less the summary
        assert list(aidstat.check(ds)["finding"]) == lines
        assert list(aidstat.check(path)["finding"]) == lines
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "items.csv").write_text("date,category,provider,amount\n2023,nope,city,12x\n")
    found = aidstat.check(bad)
    assert list(found["finding"]) == run_cli("check", bad, check=False).splitlines()[:-1]
    assert set(found["level"]) == {"error"} and list(found["line"]) == [2, 2]


def test_exact_results_are_decimal_and_sum_exactly(union):
    _, ds = union
    t = aidstat.totals(ds, by=["category", "measure"], exact=True)
    amounts = [v for v in t["amount_min"] if v is not None]
    assert amounts and all(isinstance(v, Decimal) for v in amounts)
    assert all(v == v.quantize(Decimal("0.01")) for v in amounts)
    # The grand amount is the exact sum of the groups' (fen, never float).
    grand = aidstat.totals(ds, exact=True)
    assert sum(t["amount_min"].dropna()) == grand["amount_min"][0]
    y = aidstat.yoy(ds, 2022, 2023, by=["category"], exact=True)
    assert all(isinstance(v, Decimal) for v in y["pct_change"].dropna())
    assert aidstat.to_csv(y) == aidstat.to_csv(aidstat.yoy(ds, 2022, 2023, by=["category"]))


def test_parse_money_is_exact():
    assert aidstat.parse_money("1100余万元") == (Decimal("11000000"), Decimal("12000000"))
    assert aidstat.parse_money("3190000.50") == (Decimal("3190000.50"),) * 2
    lo, hi = aidstat.parse_money("近3万元")
    assert isinstance(lo, Decimal) and (lo, hi) == (Decimal(27000), Decimal(30000))
    with pytest.raises(aidstat.parse_error, match="12x"):
        aidstat.parse_money("12x万元")


def csv_frames(directory):
    """The dataset's CSV files as frames of strings, as a user reads them with pandas."""
    frames = {}
    for name in ("items", "units", "beneficiaries", "categories", "commitments",
                 "stated_totals"):
        f = directory / f"{name}.csv"
        if f.exists():
            frames[name] = pandas.read_csv(f, dtype=str, keep_default_na=False)
    return frames


def test_from_frames_equals_the_csv_loader(example, union, tmp_path):
    for path, ds in (example, union):
        built = aidstat.from_frames(**csv_frames(path))
        assert len(built) == len(ds)
        for by in TOTALS:
            assert aidstat.to_csv(aidstat.totals(built, by=by)) == \
                aidstat.to_csv(aidstat.totals(ds, by=by))
        assert aidstat.to_csv(aidstat.yoy(built, 2022, 2023, by=["category"])) == \
            aidstat.to_csv(aidstat.yoy(ds, 2022, 2023, by=["category"]))
        # Exported, both give the same files.
        built.export(tmp_path / "a")
        ds.export(tmp_path / "b")
        for f in sorted((tmp_path / "b").iterdir()):
            assert (tmp_path / "a" / f.name).read_bytes() == f.read_bytes(), f.name
    # Missing values as NaN/None, numbers as numbers: the same as empty cells and text.
    path, ds = example
    frames = csv_frames(path)
    frames["items"] = pandas.read_csv(path / "items.csv", dtype={"amount": str})
    assert aidstat.to_csv(aidstat.totals(aidstat.from_frames(**frames), by=["category"])) == \
        aidstat.to_csv(aidstat.totals(ds, by=["category"]))


def test_from_frames_names_frame_row_and_column():
    items = pandas.DataFrame({
        "date": ["2023-01", "2023-13", "2023"],
        "category": ["condolence", "condolence", "nope"],
        "provider": ["city", "city", "ghost"],
        "amount": ["1100余万元", "12x万元", "5万元"],
    }, index=["r0", "r1", "r2"])
    units = pandas.DataFrame({"id": ["city"], "name": ["市政府"]})
    with pytest.raises(aidstat.validation_error) as raised:
        aidstat.from_frames(items, units=units)
    message = str(raised.value)
    assert "the items frame, row 1 (index 'r1'), column 'date'" in message
    assert "the items frame, row 1 (index 'r1'), column 'amount'" in message
    assert "the items frame, row 2 (index 'r2'), column 'category'" in message
    assert "the items frame, row 2 (index 'r2'), column 'provider'" in message
    assert "the units frame" in message and "units.csv" not in message
    frames_rows = {(p[0], p[1], p[2]) for p in raised.value.problems}
    assert ("items", 1, "amount") in frames_rows and ("items", 2, "provider") in frames_rows
    assert isinstance(raised.value, aidstat.data_error) and isinstance(raised.value, aidstat.error)
    # An unknown column is a problem of the frame's columns, not a crash.
    with pytest.raises(aidstat.validation_error, match="the items frame, its columns, column 'colour'"):
        aidstat.from_frames(items.assign(colour="red"))
    with pytest.raises(TypeError, match="items is a pandas DataFrame"):
        aidstat.from_frames([["2023", "condolence", "city"]])
    with pytest.raises(TypeError):
        aidstat.from_frames(None)
    # A quoted field over two lines still names the right row.
    items = pandas.DataFrame({"date": ["2023", "2023"], "category": ["other", "other"],
                              "provider": ["a", "b"], "note": ["line one\nline two", ""],
                              "amount": ["1", "bad"]})
    with pytest.raises(aidstat.validation_error, match=r"row 1 \(index 1\), column 'amount'"):
        aidstat.from_frames(items)


def test_errors_mirror_the_command(example, tmp_path):
    path, ds = example
    with pytest.raises(aidstat.query_error, match="'nope' is not a dimension"):
        aidstat.totals(ds, by=["nope"])
    with pytest.raises(aidstat.query_error, match="base year and the current year"):
        aidstat.yoy(ds, 2023, 2023)
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        aidstat.load(tmp_path / "missing")
    cut = tmp_path / "cut.aidstat"
    ds.save(cut)
    cut.write_bytes(cut.read_bytes()[:-100])
    with pytest.raises(aidstat.data_error, match="cut short") as raised:
        aidstat.load(cut)
    r = subprocess.run([CLI, "totals", str(cut)], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr == f"aidstat: {raised.value}\n"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "items.csv").write_text("date,category,provider,amount\n2023,other,city,12x\n")
    with pytest.raises(aidstat.validation_error, match=r"items.csv:2:4:") as raised:
        aidstat.load(bad)
    assert raised.value.problems == [aidstat.problem(str(bad / "items.csv"), 2, "amount",
                                                     raised.value.problems[0].message, None)]


def test_save_load_and_export_round_trip(example, tmp_path):
    path, ds = example
    for kind in ("binary", "text", "xml"):
        f = tmp_path / f"city.{kind}.aidstat"
        ds.save(f, archive=kind)
        back = aidstat.load(f)
        assert len(back) == len(ds) == 47
        assert aidstat.to_csv(aidstat.totals(back, by=["category"])) == \
            run_cli("totals", path, "--by", "category", "--format", "csv")
    with pytest.raises(aidstat.query_error, match="not an archive kind"):
        ds.save(tmp_path / "x.aidstat", archive="zip")


def test_the_gil_is_released_during_loads(tmp_path):
    """A Python thread keeps running while the main thread loads a dataset. Were the
    GIL held by the C++ load, that thread would stand still for the whole load."""
    rng = random.Random(5)
    directory = write_dataset(tmp_path / "big", item_rows(rng, 40000), beneficiaries(rng))
    big = tmp_path / "big.aidstat"
    aidstat.load(directory).save(big, archive="xml")  # the slowest kind to read
    state = {"running": True, "gap": 0.0}

    def tick():
        last = time.perf_counter()
        while state["running"]:
            now = time.perf_counter()
            state["gap"] = max(state["gap"], now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        time.sleep(0.05)
        state["gap"] = 0.0
        start = time.perf_counter()
        aidstat.load(big)
        elapsed = time.perf_counter() - start
        gap = state["gap"]
    finally:
        state["running"] = False
        ticker.join()
    assert elapsed > 0.1, "the load was too quick to tell"
    # Released, the ticker never waits longer than a switch interval or two (5 ms);
    # held, it would wait the whole load.
    assert gap < elapsed / 2, (gap, elapsed)


def test_odd_frames_are_errors_with_positions_never_crashes():
    import numpy
    odd = {
        "no columns": (pandas.DataFrame(), "the items frame: the table has no columns"),
        "numbered columns": (pandas.DataFrame({0: ["2023"], 1: ["other"], 2: ["x"]}),
                             "the header has no 'date' column"),
        "lists in cells": (pandas.DataFrame({"date": [["2023"]], "category": ["other"],
                                             "provider": ["x"]}),
                           "row 0 (index 0), column 'date': a Python list is not a value of "
                           "date"),
        "NaN everywhere": (pandas.DataFrame({"date": [numpy.nan], "category": [numpy.nan],
                                             "provider": [numpy.nan]}),
                           "row 0 (index 0), column 'date': the date is missing"),
        "a lone surrogate": (pandas.DataFrame({"date": ["2023"], "category": ["\udcff"],
                                               "provider": ["x"]}),
                             "column 'category': the cell is not valid UTF-8"),
        "a lone surrogate in a note": (
            pandas.DataFrame({"date": ["2023"], "category": ["other"], "provider": ["x"],
                              "note": ["ok \udcff"]}),
            "row 0 (index 0), column 'note': the cell is not valid UTF-8"),
        "a lone surrogate in a column's name": (
            pandas.DataFrame({"date": ["2023"], "category": ["other"], "provider": ["x"],
                              "n\udcffte": [""]}),
            "the items frame, its columns, column 'n\\\\xED\\\\xB3\\\\xBFte': the cell is not "
            "valid UTF-8"),
    }
    for name, (frame, expected) in odd.items():
        with pytest.raises(aidstat.validation_error) as raised:
            aidstat.from_frames(frame)
        assert expected in str(raised.value), name
    # A one-column frame's empty cell is a row, not a blank line to skip.
    with pytest.raises(aidstat.validation_error,
                       match=r"the units frame, row 1 \(index 1\), column 'id': a unit needs an id"):
        aidstat.from_frames(pandas.DataFrame({"date": ["2023"], "category": ["other"],
                                              "provider": ["a"]}),
                            units=pandas.DataFrame({"id": ["a", None]}))
    # No rows is an empty dataset; numbers are read as their text.
    assert len(aidstat.from_frames(pandas.DataFrame(columns=["date", "category", "provider"]))) == 0
    numbers = aidstat.from_frames(pandas.DataFrame({"date": [2023], "category": ["other"],
                                                    "provider": ["x"], "amount": [12.5]}))
    assert aidstat.totals(numbers)["amount_min"][0] == Decimal("12.50")
