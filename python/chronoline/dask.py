"""chronoline on Dask (``pip install 'chronoline[dask]'``).

>>> import dask.dataframe as dd                                  # doctest: +SKIP
>>> from chronoline.dask import extract_timeline, collect_timeline
>>> articles = dd.read_parquet("articles/")
>>> rows = extract_timeline(articles, text_col="body", dct_col="published", id_col="url")
>>> timeline = collect_timeline(rows)

The same batching code as ``chronoline.spark``: each worker process builds
one :class:`chronoline.Extractor` and turns each partition into timeline
rows (the columns of ``chronoline._batch.COLUMNS``, as Arrow-backed pandas
columns, so that missing integers stay integers). :func:`collect_timeline`
computes them and builds one merged :class:`chronoline.Timeline`.
"""

from __future__ import annotations

from typing import Any

import chronoline
from chronoline import _batch
from chronoline._frames import require

__all__ = ["collect_timeline", "extract_timeline"]

def _pandas_rows(batch: Any) -> Any:
    pd = require("pandas", "dask", "chronoline.dask")
    return batch.to_pandas(types_mapper=pd.ArrowDtype)


def _python(values: Any) -> list[Any]:
    """Plain Python values (no NaN, NaT or pandas Timestamps)."""
    pd = require("pandas", "dask", "chronoline.dask")
    out: list[Any] = []
    for value in values:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            out.append(None)
        elif hasattr(value, "to_pydatetime"):
            out.append(value.to_pydatetime())
        else:
            out.append(value)
    return out


def _partition(
    frame: Any,
    text_col: str,
    dct_col: str | None,
    id_col: str | None,
    options: dict[str, Any],
    partition_info: dict[str, Any] | None = None,
) -> Any:
    number = partition_info["number"] if partition_info else 0
    first = number << _batch.PARTITION_SHIFT
    texts = _python(frame[text_col])
    dcts = _python(frame[dct_col]) if dct_col is not None else None
    ids = _python(frame[id_col]) if id_col is not None else None
    positions = range(first, first + len(texts))
    return _pandas_rows(_batch.extract_rows(texts, dcts, ids, positions, **options))


def extract_timeline(
    df: Any,
    text_col: str = "text",
    dct_col: str | None = None,
    id_col: str | None = None,
    *,
    mode: str = "news",
    prefer: str | None = None,
    threads: int = 1,
    timexes: bool = True,
    undated: bool = False,
    context_dating: bool = False,
) -> Any:
    """A Dask DataFrame of timeline rows, one per entry of each document's
    own timeline; the arguments are those of
    :func:`chronoline.spark.extract_timeline`. A missing id becomes
    ``doc{document_index + 1}`` with ``document_index`` =
    ``(partition << 33) + row``."""
    require("dask", "dask", "chronoline.dask")
    options = _batch.extract_options(
        list(df.columns), text_col, dct_col, id_col, mode=mode, prefer=prefer, threads=threads,
        timexes=timexes, undated=undated, context_dating=context_dating,
    )
    meta = _pandas_rows(_batch.arrow_schema().empty_table())
    return df.map_partitions(
        _partition, text_col, dct_col, id_col, options, meta=meta, enforce_metadata=False
    )


def collect_timeline(
    rows: Any, *, merge: bool = True, merge_threshold: float = 0.7
) -> chronoline.Timeline:
    """Computes the rows of :func:`extract_timeline` (a Dask or pandas
    DataFrame) and builds one :class:`chronoline.Timeline` of all their
    documents, with the same event reported by several documents merged."""
    pa = require("pyarrow", "dask", "chronoline.dask")
    frame = rows.compute() if hasattr(rows, "compute") else rows
    table = pa.Table.from_pandas(frame[list(_batch.NAMES)], preserve_index=False)
    return _batch.timeline_from_rows(table, merge=merge, merge_threshold=merge_threshold)
