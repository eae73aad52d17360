# Type stubs of aidstat.dask.
from typing import Any, Optional, Sequence

import pandas

from . import DateBound, Names, Path, Where

def totals(shards: Sequence[Path], by: Names = (), client: Any = None,
           where: Optional[Where] = None, year: Optional[int] = None,
           date_from: Optional[DateBound] = None, date_to: Optional[DateBound] = None,
           min_cell: Optional[int] = None, fiscal_start: int = 1, threads: int = 0,
           exact: bool = False, names: bool = False) -> pandas.DataFrame: ...
def yoy(shards: Sequence[Path], base: int, year: int, by: Names = (), client: Any = None,
        where: Optional[Where] = None, ytd: Optional[str] = None, fiscal_start: int = 1,
        deflator: Optional[Path] = None, prices_of: Optional[int] = None,
        category_map: Optional[Path] = None, threads: int = 0, exact: bool = False,
        names: bool = False) -> pandas.DataFrame: ...
