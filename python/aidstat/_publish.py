"""What a Dataset shows of itself and how it travels (repr, pickle through an archive's
bytes), and the report's notation of an amount."""
import math
import os
import tempfile
from decimal import Decimal

from . import _aidstat


def fen_of(name, value):
    """An amount in yuan (int, float, Decimal or str) as whole fen: a float within 1e-9
    of a fen reads as that fen; anything finer is a ValueError."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"{name} is an amount in yuan (int, float or Decimal), not "
                        f"{type(value).__name__}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{name} is not a finite amount ({value!r})")
        fen = round(value * 100)
        if abs(value * 100 - fen) > 1e-9 * max(1.0, abs(value * 100)):
            raise ValueError(f"{name} ({value!r}) is finer than one fen")
        return int(fen)
    try:
        d = Decimal(value) if isinstance(value, (int, Decimal, str)) else None
    except ArithmeticError:
        d = None
    if d is None or not d.is_finite():
        raise TypeError(f"{name} is an amount in yuan (int, float or Decimal), not {value!r}")
    fen = d * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{name} ({value}) is finer than one fen")
    return int(fen)


def format_money(min, max=None, unit="yuan"):
    """The report's notation of the amount [min, max] in yuan ("1100余万元", "近3万元",
    "[361.2, 374.5]万元"); max None is an exact amount. unit: "yuan" or "wan" (万元)."""
    lo = fen_of("min", min)
    hi = lo if max is None else fen_of("max", max)
    if lo > hi:
        raise ValueError(f"min ({min}) is above max ({max})")
    if unit not in ("yuan", "wan"):
        raise ValueError(f"unit is 'yuan' or 'wan', not {unit!r}")
    return _aidstat._format_money(lo, hi, unit)


def dataset_repr(ds):
    records, years, categories, units = _aidstat._overview(ds)
    return (f"<aidstat.Dataset: {records} records, {years} years, {categories} categories, "
            f"{units} units>")


def dataset_from_archive_bytes(data):
    """A Dataset from the bytes of a binary archive (what pickle stores)."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "dataset.aidstat")
        with open(path, "wb") as f:
            f.write(data)
        return _aidstat.load(path)


def dataset_reduce(ds):
    """Pickles a Dataset as its binary archive's bytes (checksummed)."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "dataset.aidstat")
        ds.save(path)
        with open(path, "rb") as f:
            return dataset_from_archive_bytes, (f.read(),)


def dataset_frames(ds):
    """The dataset's rows back as DataFrames, one per file it has (items, units,
    beneficiaries, categories, commitments, stated_totals), with the columns of the CSV
    files and their cells as text ("" where empty), amounts in report notation kept:
    from_frames(**ds.to_frames()) is the same dataset."""
    import pandas
    with tempfile.TemporaryDirectory() as d:
        ds.export(d)
        return {name[:-4]: pandas.read_csv(os.path.join(d, name), dtype=str,
                                           keep_default_na=False, encoding="utf-8")
                for name in sorted(os.listdir(d)) if name.endswith(".csv")}


def install(dataset_class):
    dataset_class.__repr__ = dataset_repr
    dataset_class.__reduce__ = dataset_reduce
    dataset_class.to_frames = dataset_frames
