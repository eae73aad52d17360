"""The records behind a figure from Python: for random filters, their number and the sum
of their amounts are the totals row of the same filter; each record names its file and
line, and a frame-built dataset its frame and row."""
import random
from decimal import Decimal

import pandas

import aidstat
from conftest import CATEGORIES, UNIT_IDS


def random_filter(rng):
    options = {}
    if rng.random() < 0.5:
        options["year"] = rng.choice([2021, 2022, 2023])
    where = {}
    if rng.random() < 0.6:
        where["category"] = rng.sample(CATEGORIES, rng.randint(1, 3))
    if rng.random() < 0.4:
        where["provider"] = rng.choice(UNIT_IDS)
    if where:
        options["where"] = where
    return options


def test_records_equal_the_totals_of_the_same_filter(generated):
    union, _ = generated
    ds = aidstat.load(union)
    rng = random.Random(7)
    for _ in range(50):
        options = random_filter(rng)
        listed = aidstat.records(ds, exact=True, **options)
        total = aidstat.totals(ds, exact=True, **options)
        assert len(listed) == total["records"].iloc[0], options
        for side in ("amount_min", "amount_max"):
            stated = [v for v in listed[side] if v is not None]
            expected = total[side].iloc[0]
            assert (sum(stated, Decimal(0)) if stated else None) == expected, (options, side)


def test_each_record_names_where_it_came_from(example_dir):
    ds = aidstat.load(example_dir)
    listed = aidstat.records(ds, where={"category": "condolence"}, year=2023)
    # examples/data/city-2023/items.csv: the 2023 condolence records are on these lines.
    assert list(listed["line"]) == [2, 3, 5, 6, 7]
    assert set(listed["file"]) == {str(example_dir / "items.csv")}
    assert list(listed["amount_text"])[3:] == ["319万元", "[781, 881]万元"]
    items = pandas.DataFrame({"date": ["2023", "2023"], "category": ["other", "other"],
                              "provider": ["a", "b"], "amount": [5, 7]}, index=["x", "y"])
    listed = aidstat.records(aidstat.from_frames(items), where={"provider": "b"})
    assert list(zip(listed["file"], listed["line"])) == [("items", 1)]
