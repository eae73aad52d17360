"""Publishing from Python: the report's notation, Chinese names, a Dataset that shows
what it holds and travels by pickle."""
import pickle
from decimal import Decimal

import pytest

import aidstat


@pytest.fixture(scope="module")
def ds(example_dir):
    return aidstat.load(example_dir)


def test_format_money_writes_the_report_notation():
    assert aidstat.format_money(11_000_000, 12_000_000, unit="wan") == "1100余万元"
    assert aidstat.format_money(11_000_000, 12_000_000) == "11000000余元"
    assert aidstat.format_money(27_000, 30_000, unit="wan") == "近3万元"
    assert aidstat.format_money(Decimal("3190000.50")) == "3190000.5元"
    assert aidstat.parse_money("3190000.5元") == (Decimal("3190000.50"),) * 2
    # 0.1 + 0.2 is 0.30000000000000004: within 1e-9 of 30 fen, so 30 fen.
    assert aidstat.format_money(0.1 + 0.2) == aidstat.format_money(Decimal("0.30"))
    for text in ("1100余万元", "近3万元", "[361.2, 374.5]万元"):
        assert aidstat.format_money(*aidstat.parse_money(text), unit="wan") == text
    with pytest.raises(ValueError, match="finer than one fen"):
        aidstat.format_money(0.001)
    with pytest.raises(ValueError, match="above max"):
        aidstat.format_money(5, 4)
    with pytest.raises(TypeError, match="min is an amount in yuan"):
        aidstat.format_money(None)


def test_a_dataset_shows_what_it_holds(ds):
    # examples/data/city-2023: 47 records in 2022 and 2023; units.csv has 28 rows.
    text = repr(ds)
    assert text.startswith("<aidstat.Dataset: 47 records, 2 years, ")
    assert text.endswith(" categories, 28 units>")


def test_a_dataset_pickles(ds):
    back = pickle.loads(pickle.dumps(ds))
    assert len(back) == len(ds)
    assert aidstat.to_csv(aidstat.totals(back, by=["category", "year"])) == \
        aidstat.to_csv(aidstat.totals(ds, by=["category", "year"]))


def test_the_report_is_the_commands(ds, example_dir, tmp_path):
    from conftest import run_cli
    page = tmp_path / "r.html"
    aidstat.report(ds, 2022, 2023, page, min_cell=5)
    run_cli("report", example_dir, "--base", 2022, "--year", 2023, "--min-cell", 5,
            "-o", tmp_path / "cli.html")
    assert page.read_bytes() == (tmp_path / "cli.html").read_bytes()
    with pytest.raises(ValueError, match="the same year"):
        aidstat.report(ds, 2023, 2023, page)


def test_the_type_stubs_match_the_functions():
    """Every public function has a stub with the same parameters, in order."""
    import ast
    import inspect
    import pathlib
    import aidstat.dask
    for module in (aidstat, aidstat.dask):
        stub = pathlib.Path(module.__file__).with_suffix(".pyi")
        tree = ast.parse(stub.read_text(encoding="utf-8"))
        stubbed = {f.name: [a.arg for a in f.args.args] for f in tree.body
                   if isinstance(f, ast.FunctionDef)}
        public = [n for n in getattr(module, "__all__", ["totals", "yoy"])
                  if inspect.isfunction(getattr(module, n))]
        assert public
        for name in public:
            params = list(inspect.signature(getattr(module, name)).parameters)
            assert stubbed.get(name) == params, (module.__name__, name)


def test_to_frames_gives_the_rows_back(ds, example_dir):
    frames = ds.to_frames()
    assert set(frames) >= {"items", "units", "beneficiaries"}
    assert len(frames["items"]) == 47
    import pandas
    written = pandas.read_csv(example_dir / "items.csv", dtype=str, keep_default_na=False)
    assert set(written.columns) <= set(frames["items"].columns)
    back = aidstat.from_frames(**frames)
    for by in (["category", "year"], ["provider"], ["measure"]):
        assert aidstat.to_csv(aidstat.totals(back, by=by)) == \
            aidstat.to_csv(aidstat.totals(ds, by=by))


def test_summary_is_the_commands_sentences(ds, example_dir):
    from conftest import run_cli
    for lang in ("zh", "en"):
        said = aidstat.summary(ds, 2022, 2023, lang=lang)
        printed = run_cli("summary", example_dir, "--base", "2022", "--year", "2023",
                          "--lang", lang)
        assert said == printed.splitlines()
    assert aidstat.summary(ds, 2022, 2023)[-1] == "十件实事已完成10件。"
    # Under disclosure control fewer figures are said, never more.
    protected = aidstat.summary(ds, 2022, 2023, min_cell=30)
    assert any("不予公布" in s for s in protected)
    with pytest.raises(ValueError, match="lang is 'zh' or 'en'"):
        aidstat.summary(ds, 2022, 2023, lang="fr")
    with pytest.raises(TypeError, match="year is an int"):
        aidstat.summary(ds, 2022, "2023")
