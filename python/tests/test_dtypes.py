"""Each result column's dtype follows its kind, never its data: checked for every result
function on three datasets (the example, generated data in report notation, and one
whose amounts are all unstated), against the contract's table written out here. Every
empty cell of the command's CSV is a missing value (isna), every other cell its value."""
import csv
import io
import math

import pandas
import pytest

import aidstat
from conftest import run_cli

KEYS = {"category", "category_parent", "quarter", "month", "provider", "recipient", "unit_kind",
        "direction", "beneficiary_kind", "form", "measure", "region", "provider@0", "owner"}
COUNTS = {"records", "headcount", "distinct_beneficiaries", "amount_records",
          "approximate_records", "transfers_excluded", "base_records", "current_records",
          "planned", "in_progress", "done", "dropped", "total"}
WORDS = {"status", "suppressed"}


def expected_dtype(name, suppressed):
    """The dtype of column `name` by the contract: keys str (object), year int64, counts
    int64 (Int64 when disclosure control may empty them), words category, every
    figure float64."""
    if name in KEYS:
        return "object"
    if name == "year":
        return "int64"
    if name in COUNTS:
        return "Int64" if suppressed else "int64"
    if name in WORDS:
        return "category"
    return "float64"


@pytest.fixture(scope="module")
def unstated(tmp_path_factory):
    """Records with no amount stated anywhere: every amount cell is empty."""
    d = tmp_path_factory.mktemp("unstated")
    (d / "items.csv").write_text(
        "date,category,provider,amount,quantity,measure\n"
        "2021-03-01,condolence,city,,12人,person\n2022-05-01,condolence,city,,3场,session\n"
        "2023-05-01,education,city,,5人,person\n2023-06-01,condolence,city,,,\n")
    return d


@pytest.fixture(scope="module")
def datasets(example_dir, generated, unstated):
    return [(p, aidstat.load(p)) for p in (example_dir, generated[0], unstated)]


def calls(path):
    """(what the module is asked, the command that answers the same, min_cell given)."""
    p = str(path)
    return [
        (lambda ds: aidstat.totals(ds, by=["category", "year"]),
         ["totals", p, "--by", "category", "--by", "year"], False),
        (lambda ds: aidstat.totals(ds, by=["measure", "provider"]),
         ["totals", p, "--by", "measure", "--by", "provider"], False),
        (lambda ds: aidstat.totals(ds), ["totals", p], False),
        (lambda ds: aidstat.totals(ds, by="category", min_cell=10),
         ["totals", p, "--by", "category", "--min-cell", "10"], True),
        (lambda ds: aidstat.yoy(ds, 2022, 2023, by=["category"]),
         ["yoy", p, "--base", "2022", "--year", "2023", "--by", "category"], False),
        (lambda ds: aidstat.yoy(ds, 2022, 2023), ["yoy", p, "--base", "2022", "--year", "2023"],
         False),
        (lambda ds: aidstat.trend(ds, 2021, 2023, by=["category"]),
         ["trend", p, "--from", "2021", "--to", "2023", "--by", "category"], False),
        (lambda ds: aidstat.progress(ds, by=["category"]), ["progress", p, "--by", "category"],
         False),
        (lambda ds: aidstat.progress(ds), ["progress", p], False),
    ]


def cli_rows(args):
    return list(csv.reader(io.StringIO(run_cli(*args, "--format", "csv"), newline="")))


def assert_cells_match(frame, rows):
    """Every cell: missing exactly where the command's CSV is empty, else its value."""
    header, body = rows[0], rows[1:]
    assert list(frame.columns) == header
    assert len(frame) == len(body)
    for j, name in enumerate(header):
        column = frame[name]
        for i, field in enumerate(body):
            value = column.iloc[i]
            assert bool(pandas.isna(value)) == (field[j] == ""), (name, i, value, field[j])
            if field[j] == "":
                continue
            if isinstance(value, str):
                assert value == field[j], (name, i)
            else:  # a computed figure (a fitted line) holds more digits than CSV's two
                assert math.isclose(float(value), float(field[j]), rel_tol=0, abs_tol=0.005), \
                    (name, i, value, field[j])


def test_every_column_has_its_kinds_dtype(datasets):
    for path, ds in datasets:
        for ask, args, suppressed in calls(path):
            frame = ask(ds)
            for name in frame.columns:
                assert str(frame[name].dtype) == expected_dtype(name, suppressed), \
                    (args, name, frame[name].dtype)
            assert_cells_match(frame, cli_rows(args))


def test_an_all_empty_amount_column_is_float_nan(datasets):
    _, ds = datasets[2]
    t = aidstat.totals(ds, by=["category"])
    assert t["amount_min"].dtype == "float64" and t["amount_min"].isna().all()
    cagr = aidstat.trend(ds, 2021, 2023, by=["category"])["cagr_pct"]
    assert cagr.dtype == "float64" and cagr.isna().all()
    y = aidstat.yoy(ds, 2022, 2023, by=["category"])
    assert y["pct_change"].dtype == "float64" and y["pct_change"].isna().all()


def test_words_are_categories_over_their_whole_vocabulary(datasets):
    _, ds = datasets[0]
    status = aidstat.yoy(ds, 2022, 2023, by=["category"])["status"]
    assert list(status.cat.categories) == ["continuing", "new", "discontinued"]
    suppressed = aidstat.totals(ds, by=["category"], min_cell=40)["suppressed"]
    assert list(suppressed.cat.categories) == ["primary", "secondary"]
    assert suppressed.isna().any() and not suppressed.isna().all()


def test_year_keys_merge_with_int_years(datasets):
    _, ds = datasets[0]
    t = aidstat.totals(ds, by=["year"])
    budget = pandas.DataFrame({"year": [2022, 2023], "budget": [1.0, 2.0]})
    assert len(t.merge(budget, on="year")) == 2


def test_amounts_are_numbers_pandas_can_use(datasets):
    _, ds = datasets[0]
    t = aidstat.totals(ds, by=["category"])
    # Hand-summed from examples/data/city-2023: 47 records, 319万 + 1100余万 ... as the
    # grand total's interval; the groups' float sum equals the grand total to the fen.
    grand = aidstat.totals(ds)
    assert round(t["amount_min"].sum(), 2) == round(grand["amount_min"][0], 2)
    assert t.nlargest(2, "amount_max")["category"].tolist()[0] == "condolence"
    assert t["amount_min"].cumsum().dropna().iloc[-1] == pytest.approx(grand["amount_min"][0])


def test_pivot_has_margins_only_when_asked(datasets):
    path, ds = datasets[0]
    plain = aidstat.pivot(ds, "category", "year")
    assert "total" not in plain.index and "total" not in plain.columns.get_level_values(0)
    assert list(plain.columns) == [(2022, "min"), (2022, "max"), (2023, "min"), (2023, "max")]
    whole = aidstat.pivot(ds, "category", "year", margins=True)
    # A column's sum is its total once the margin row is left out.
    assert plain[(2023, "max")].sum() == pytest.approx(whole.loc["total", (2023, "max")])
    counts = aidstat.pivot(ds, "category", "year", measure="records")
    assert all(str(d) == "int64" for d in counts.dtypes)
    assert counts.to_numpy().sum() == 47  # the example's 47 records, counted once each


def test_a_key_set_as_index_is_written(datasets):
    path, ds = datasets[0]
    t = aidstat.totals(ds, by=["category"])
    assert aidstat.to_csv(t.set_index("category")) == aidstat.to_csv(t)
    # A filtered frame keeps its rows' positions as an unnamed index: not a column.
    shown = t[t["amount_min"].notna()]
    assert aidstat.to_csv(shown).splitlines()[0] == aidstat.to_csv(t).splitlines()[0]


def test_chinese_names_on_request(datasets):
    _, ds = datasets[0]
    t = aidstat.totals(ds, by=["category"], names=True)
    assert list(t.columns[:2]) == ["category", "category_zh"]
    assert t.set_index("category").loc["condolence", "category_zh"] == "慰问"
