"""chronoline on Apache Spark (``pip install 'chronoline[spark]'``).

>>> from chronoline.spark import extract_timeline, collect_timeline  # doctest: +SKIP
>>> rows = extract_timeline(articles, text_col="body", dct_col="published", id_col="url")
>>> rows.where("kind = 'event'").groupBy("granularity").count().show()
>>> timeline = collect_timeline(rows)          # on the driver, merged across documents

:func:`extract_timeline` runs with ``mapInArrow``: each Python worker builds
one :class:`chronoline.Extractor` (the first batch it sees; later tasks of
the same worker reuse it) and turns Arrow batches of texts into Arrow
batches of timeline rows, one row per entry of each document's own
timeline (the columns are in ``chronoline._batch.COLUMNS``). No row leaves
the executors until you collect it. Only the merge of the same event
reported by several documents needs all the rows in one place:
:func:`collect_timeline` brings them to the driver and builds one
:class:`chronoline.Timeline`, equal to ``chronoline.Timeline(docs)`` built
from all the documents at once.

Every executor needs chronoline installed (the same wheel as the driver):
``pip install chronoline`` on each node, or ship a packed virtualenv with
``spark.archives``. See the README's "At scale" section for cluster settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import chronoline
from chronoline import _batch
from chronoline._frames import require

__all__ = ["collect_timeline", "extract_timeline", "timeline_schema"]

def timeline_schema() -> str:
    """The rows' Spark schema as a DDL string (datetimes as ``timestamp_ntz``)."""
    return _batch.spark_ddl()


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
    """A Spark DataFrame of timeline rows, one per entry of each document's
    own timeline, from a DataFrame with a text column and optional DCT and
    id columns.

    The DCT column may be a date, a timestamp or an ISO string (``None`` is
    no DCT). Ids are cast to strings; a missing id becomes
    ``doc{document_index + 1}``, where ``document_index`` numbers rows as
    ``monotonically_increasing_id()`` does. ``threads`` is the number of
    threads each task uses (1: Spark already runs one task per core).
    ``timexes``, ``undated`` and ``context_dating`` are the
    :class:`chronoline.Timeline` options that choose each document's entries.
    """
    require("pyspark", "spark", "chronoline.spark")
    from pyspark.sql import functions as F

    options = _batch.extract_options(
        list(df.columns), text_col, dct_col, id_col, mode=mode, prefer=prefer, threads=threads,
        timexes=timexes, undated=undated, context_dating=context_dating,
    )
    columns = [F.col(text_col).cast("string").alias("text")]
    if dct_col is not None:
        columns.append(F.col(dct_col).alias("dct"))
    if id_col is not None:
        columns.append(F.col(id_col).cast("string").alias("id"))
    has_dct, has_id = dct_col is not None, id_col is not None

    def partition(batches: Iterator[Any]) -> Iterator[Any]:
        from pyspark import TaskContext

        context = TaskContext.get()
        next_position = (context.partitionId() if context else 0) << _batch.PARTITION_SHIFT
        for batch in batches:
            count = batch.num_rows
            if count == 0:
                continue
            texts = batch.column("text").to_pylist()
            dcts = batch.column("dct").to_pylist() if has_dct else None
            ids = batch.column("id").to_pylist() if has_id else None
            positions = range(next_position, next_position + count)
            next_position += count
            yield _batch.extract_rows(texts, dcts, ids, positions, **options)

    return df.select(*columns).mapInArrow(partition, _batch.spark_ddl())


def collect_timeline(
    rows: Any, *, merge: bool = True, merge_threshold: float = 0.7
) -> chronoline.Timeline:
    """Collects the rows of :func:`extract_timeline` to the driver and builds
    one :class:`chronoline.Timeline` of all their documents, with the same
    event reported by several documents merged (``merge_threshold`` as in
    ``Timeline``). The rows may be filtered first (by document, date, ...);
    a document's entries are what is left of them."""
    require("pyspark", "spark", "chronoline.spark")
    table = rows.select(*_batch.NAMES).toArrow()
    return _batch.timeline_from_rows(table, merge=merge, merge_threshold=merge_threshold)
