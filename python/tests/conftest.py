"""Shared fixtures: the `aidstat` command, the example dataset, and generated
datasets written in report notation, whole and split into shards."""
import os
import pathlib
import random
import subprocess

import pytest

CLI = os.environ.get("AIDSTAT_CLI", "aidstat")
EXAMPLES = pathlib.Path(os.environ.get(
    "AIDSTAT_EXAMPLES", pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"))


def run_cli(*args, check=True):
    """The command's stdout for `args` (strings), failing the test on a non-zero exit."""
    r = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise AssertionError(f"aidstat {' '.join(map(str, args))} exited {r.returncode}: {r.stderr}")
    return r.stdout


UNITS = """id,name,kind,side,parent,region
city,市政府,government,civilian,,central
east,东区,government,civilian,city,east
west,西区,government,civilian,city,west
fund,双拥基金会,social_org,civilian,city,central
garrison,驻军,military_unit,military,,central
73051,73051部队,military_unit,military,garrison,east
hospital,"中心医院, 总院",hospital,civilian,city,"west, old"
"""
UNIT_IDS = ["city", "east", "west", "fund", "garrison", "73051", "hospital"]
CATEGORIES = ["condolence", "education", "medical", "legal_aid", "charity_relief", "other"]
AMOUNTS = ["{n}", "{n}.50", "{m}余万元", "近{m}万元", "约{m}万元", "{m}.5万元", "{m}万多元",
           "壹仟贰佰圆整", ""]
QUANTITIES = ["{q}人", "{q}余人次", "{q}场", "百余人", "{q}户", ""]


def beneficiaries(rng, n=30):
    kinds = ["active_member", "veteran", "military_family", "member_child", "civilian"]
    rows = ["id,kind,unit,headcount"]
    for i in range(n):
        rows.append(f"b{i},{rng.choice(kinds)},{rng.choice(['', 'garrison', '73051'])},"
                    f"{rng.randint(1, 60)}")
    return "\n".join(rows) + "\n"


def item_rows(rng, n, people=30):
    rows = []
    for _ in range(n):
        year = rng.choice([2021, 2022, 2023])
        when = rng.choice([f"{year}", f"{year}-{rng.randint(1, 12):02d}",
                           f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
        form = rng.choice(["", "cash", "in_kind", "service", "transfer"])
        recipient = rng.choice(UNIT_IDS + [""] * 3)
        if form == "transfer" and not recipient:
            recipient = "east"
        who = rng.choice([f"b{rng.randrange(people)}", "", ""])
        amount = rng.choice(AMOUNTS).format(n=rng.randint(1, 900000), m=rng.randint(1, 120))
        quantity = rng.choice(QUANTITIES).format(q=rng.randint(1, 400))
        note = rng.choice(["", "走访慰问", '"quoted", with comma'])
        note = '"' + note.replace('"', '""') + '"' if "," in note else note
        rows.append(f"{when},{rng.choice(CATEGORIES)},{rng.choice(UNIT_IDS)},{recipient},{who},"
                    f"{form},{amount},{quantity},,,{note}")
    return rows


ITEMS_HEADER = "date,category,provider,recipient,beneficiary,form,amount,quantity,measure,direction,note"


def write_dataset(directory, rows, people_csv):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "units.csv").write_text(UNITS, encoding="utf-8")
    (directory / "beneficiaries.csv").write_text(people_csv, encoding="utf-8")
    (directory / "items.csv").write_text(ITEMS_HEADER + "\n" + "\n".join(rows) + "\n",
                                         encoding="utf-8")
    return directory


@pytest.fixture(scope="session")
def example_dir():
    return EXAMPLES / "city-2023"


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """(union directory, [4 shard directories]): 6,000 records in report notation over
    three years, split by rows at random; every shard names beneficiaries the others
    name too."""
    rng = random.Random(2026)
    people = beneficiaries(rng)
    rows = item_rows(rng, 6000)
    root = tmp_path_factory.mktemp("generated")
    union = write_dataset(root / "union", rows, people)
    parts = [[] for _ in range(4)]
    for row in rows:
        parts[rng.randrange(4)].append(row)
    shards = [write_dataset(root / f"shard{i}", p, people) for i, p in enumerate(parts)]
    return union, shards


def pytest_configure(config):
    # Debian's distributed 2022.12 on tornado 6.2 warns about its own event loop setup.
    config.addinivalue_line("filterwarnings",
                            "ignore:make_current is deprecated:DeprecationWarning")
