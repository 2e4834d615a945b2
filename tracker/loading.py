"""Load a built dataset into pandas without losing types.

Plain `pd.read_parquet` turns integers with nulls into floats and dates into objects;
`load` keeps nullable integers, dates and string lists as they were written.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from tracker.write import claims_file_schema, partitioning


def _dtype(t: pa.DataType):
    if pa.types.is_integer(t):
        return pd.Int64Dtype()
    if pa.types.is_boolean(t):
        return pd.BooleanDtype()
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return pd.StringDtype()
    return pd.ArrowDtype(t)  # date32, list<string>


def load(directory: str | Path) -> pd.DataFrame:
    """The claims of a dataset built by `tracker build`, one row per mention.

    >>> df = load("data/processed")                      # doctest: +SKIP
    >>> df.value_high.dtype, df.period_start.dtype       # doctest: +SKIP
    (Int64Dtype(), date32[day][pyarrow])
    """
    schema = claims_file_schema()
    table = ds.dataset(Path(directory) / "claims", schema=schema, partitioning=partitioning(), format="parquet").to_table()
    table = table.sort_by([("article_id", "ascending"), ("source_field", "descending"), ("char_start", "ascending")])
    return table.to_pandas(types_mapper=_dtype)
