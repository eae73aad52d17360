"""Wrong arguments are refused before any work, in Python's words: a TypeError or
ValueError naming the parameter and what it takes, never a raw pybind11 error or a
CLI flag; paths that are missing or are not datasets say so."""
import numpy
import pandas
import pytest

import aidstat
import aidstat.dask


@pytest.fixture(scope="module")
def ds(example_dir):
    return aidstat.load(example_dir)


@pytest.mark.parametrize("call,error,message", [
    (lambda ds: aidstat.totals(ds, year="2023"), TypeError, r"^year is an int, not str \('2023'\)"),
    (lambda ds: aidstat.totals(ds, year=True), TypeError, r"^year is an int, not bool"),
    (lambda ds: aidstat.totals(ds, year=2023.0), TypeError, r"^year is an int, not float"),
    (lambda ds: aidstat.totals(ds, by=7), TypeError, r"^by is a list of dimension names"),
    (lambda ds: aidstat.totals(ds, by=[1]), TypeError, r"^by is a list of dimension names"),
    (lambda ds: aidstat.totals(ds, where=[("form", "cash")]), TypeError, r"^where is a dict"),
    (lambda ds: aidstat.totals(ds, where={"form": 1.5}), TypeError,
     r"^where\['form'\] holds float \(1\.5\); its values are str or int"),
    (lambda ds: aidstat.totals(ds, where={"year": numpy.int64(2023)}), TypeError,
     r"^where\['year'\] holds int64"),
    (lambda ds: aidstat.totals(ds, threads=-1), ValueError, r"^threads is at least 0, not -1"),
    (lambda ds: aidstat.totals(ds, min_cell=-5), ValueError, r"^min_cell is at least 1, not -5"),
    (lambda ds: aidstat.totals(ds, fiscal_start=13), ValueError, r"^fiscal_start is at most 12"),
    (lambda ds: aidstat.yoy(ds, "2022", 2023), TypeError, r"^base is an int, not str"),
    (lambda ds: aidstat.trend(ds, 2024, 2021), ValueError,
     r"^from_year \(2024\) is after to_year \(2021\)$"),
    (lambda ds: aidstat.pivot(ds, ["category"], "year"), TypeError, r"^rows is a str, not list"),
    (lambda ds: aidstat.parse_money(None), TypeError, r"^text is a str, not NoneType"),
    (lambda ds: aidstat.progress("examples/data/city-2023"), TypeError,
     r"^ds is an aidstat\.Dataset"),
    (lambda ds: aidstat.yoy(pandas.DataFrame(), 2022, 2023), TypeError,
     r"^ds is a path \(str or pathlib\.Path\), not DataFrame"),
    (lambda ds: aidstat.trend("no/such/dir", 2021, 2023), FileNotFoundError, r"no/such/dir"),
    (lambda ds: aidstat.load(ds), TypeError, r"^path is a path \(str or pathlib\.Path\), not Dataset"),
    (lambda ds: aidstat.load(pandas.DataFrame()), TypeError, r"^path is a path .*not DataFrame"),
    (lambda ds: aidstat.dask.totals("x.aidstat", by=["category"]), TypeError,
     r"^shards is a list of dataset paths, not str"),
])
def test_wrong_arguments_name_the_parameter(ds, call, error, message):
    with pytest.raises(error, match=message):
        call(ds)


def test_a_numpy_year_is_an_int(ds):
    assert aidstat.to_csv(aidstat.totals(ds, year=numpy.int64(2023))) == \
        aidstat.to_csv(aidstat.totals(ds, year=2023))


def test_one_name_is_a_list_of_one(ds):
    assert aidstat.to_csv(aidstat.totals(ds, by="category")) == \
        aidstat.to_csv(aidstat.totals(ds, by=["category"]))


def test_paths_say_what_is_wrong(tmp_path, example_dir):
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        aidstat.load(tmp_path / "county.aidstat")
    with pytest.raises(aidstat.data_error, match="is one CSV file; a dataset is the directory"):
        aidstat.load(example_dir / "items.csv")


def test_dask_checks_its_arguments_before_any_task(tmp_path):
    # No shard exists: were a task run, it would fail on the load instead.
    with pytest.raises(aidstat.query_error, match="'colour' is not a dimension"):
        aidstat.dask.totals([str(tmp_path / "a.aidstat")], by=["colour"])
    with pytest.raises(TypeError, match="^year is an int"):
        aidstat.dask.yoy([str(tmp_path / "a.aidstat")], 2022, "2023")


def test_a_failed_shard_is_named(tmp_path, example_dir):
    good = tmp_path / "good.aidstat"
    aidstat.load(example_dir).save(good)
    bad = tmp_path / "bad.aidstat"
    bad.write_bytes(good.read_bytes()[:-100])
    with pytest.raises(aidstat.data_error, match=f"^shard {bad}: "):
        aidstat.dask.totals([str(good), str(bad)], by=["category"], client=False)


def test_no_negative_zero(ds):
    t = aidstat.trend(ds, 2021, 2023, by=["category"])
    figures = t.select_dtypes("float64").to_numpy().ravel()
    assert not any(numpy.signbit(v) and v == 0 for v in figures)
    exact = aidstat.trend(ds, 2021, 2023, by=["category"], exact=True)
    assert "-0.00" not in aidstat.to_csv(exact)
