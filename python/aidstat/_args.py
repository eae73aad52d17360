"""Checks of the arguments of aidstat's Python functions, in Python's words: a wrong type
is a TypeError naming the parameter and what it takes, a wrong value a ValueError,
before any work starts."""
import datetime
import numbers
import os

DIMENSIONS = ("category, category_parent, year, quarter, month, provider, recipient, "
              "unit_kind, direction, beneficiary_kind, form, measure, region, provider@N "
              "or recipient@N")


def _type(value):
    return type(value).__name__


def is_int(value):
    """A Python int or numpy integer, never a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def integer(name, value, minimum=None, maximum=None, optional=False):
    """`value` as an int, or None when optional and None."""
    if value is None and optional:
        return None
    if not is_int(value):
        raise TypeError(f"{name} is an int, not {_type(value)} ({value!r})")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} is at least {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} is at most {maximum}, not {value}")
    return value


def year(name, value, optional=False):
    """A calendar year."""
    return integer(name, value, 1, 9999, optional)


def names(value, name="by"):
    """A list of dimension names: a list or tuple of str, or one str."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError(f"{name} is a list of dimension names ({DIMENSIONS}), not {_type(value)} "
                    f"({value!r})")


def _where_value(dim, value):
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(value)
    raise TypeError(f"where[{dim!r}] holds {_type(value)} ({value!r}); its values are str or "
                    "int (a list of them for several)")


def where(value):
    """{dimension: value or [values]} as the core's list of (dimension, [values])."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError(f"where is a dict {{dimension: value or [values]}}, not {_type(value)}")
    out = []
    for dim, values in value.items():
        if not isinstance(dim, str):
            raise TypeError(f"where's keys are dimension names (str), not {_type(dim)}")
        many = isinstance(values, (list, tuple, set, frozenset))
        out.append((dim, [_where_value(dim, v) for v in (values if many else [values])]))
    return out


def date_text(name, value):
    """A date bound: "2023", "2023-06", "2023-06-30", a year as int, or a date."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{name} is a date, not a datetime ({value!r}); use .date()")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if is_int(value):
        return str(year(name, value))
    if isinstance(value, str):
        return value
    raise TypeError(f"{name} is a str (\"2023\", \"2023-06\", \"2023-06-30\"), an int year or a "
                    f"datetime.date, not {_type(value)}")


def text(name, value, optional=True):
    """A str option."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} is a str, not {_type(value)} ({value!r})")
    return value


def path(name, value, optional=False):
    """A file system path: str or os.PathLike, never a Dataset or a frame."""
    if value is None and optional:
        return None
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    raise TypeError(f"{name} is a path (str or pathlib.Path), not {_type(value)}")


def existing_path(name, value):
    """A path that exists; FileNotFoundError otherwise."""
    p = path(name, value)
    if not os.path.exists(p):
        raise FileNotFoundError(2, "no such file or directory", p)
    return p
