"""chronoline over a pool of local processes (needs ``pyarrow``).

>>> from chronoline.parallel import extract_timeline, collect_timeline  # doctest: +SKIP
>>> rows = extract_timeline(texts, dcts, ids=urls, processes=4)   # a pyarrow.Table
>>> timeline = collect_timeline(rows)

The same batching code as ``chronoline.spark`` and ``chronoline.dask``:
the texts go in batches to worker processes, each of which builds one
:class:`chronoline.Extractor` and returns Arrow rows. On one machine,
``Extractor.extract_many`` (threads, no pickling) is usually faster; this is
for pipelines that already feed a process pool, or to spread the Python
side of the row building over cores.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Sequence
from typing import Any, Optional

import chronoline
from chronoline import _batch
from chronoline._frames import require

__all__ = ["collect_timeline", "extract_timeline"]


_Job = tuple[Sequence[Any], Optional[Sequence[Any]], Optional[Sequence[Any]], range, dict[str, Any]]


def _run(job: _Job) -> Any:
    texts, dcts, ids, positions, options = job
    return _batch.extract_rows(texts, dcts, ids, positions, **options)


def extract_timeline(
    texts: Iterable[str],
    dcts: Iterable[Any] | None = None,
    *,
    ids: Iterable[str] | None = None,
    processes: int | None = None,
    batch_size: int = 64,
    mp_context: Any = None,
    mode: str = "news",
    prefer: str | None = None,
    timexes: bool = True,
    undated: bool = False,
    context_dating: bool = False,
) -> Any:
    """A ``pyarrow.Table`` of timeline rows, one per entry of each document's
    own timeline, documents in input order, extracted by ``processes``
    worker processes (default: one per core) in batches of ``batch_size``.
    A missing id becomes ``doc{position + 1}``, as in ``Timeline``.
    ``mp_context`` is a ``multiprocessing`` context (default: the platform's)."""
    pa = require("pyarrow", "pyarrow", "chronoline.parallel")
    _batch.extractor(mode, prefer)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    texts = list(texts)
    dct_list = None if dcts is None else list(dcts)
    id_list = None if ids is None else list(ids)
    for name, values in (("dcts", dct_list), ("ids", id_list)):
        if values is not None and len(values) != len(texts):
            raise ValueError(f"{name} has {len(values)} items but texts has {len(texts)}")
    options: dict[str, Any] = {
        "mode": mode,
        "prefer": prefer,
        "threads": 1,
        "timexes": timexes,
        "undated": undated,
        "context_dating": context_dating,
    }
    jobs = [
        (
            texts[i : i + batch_size],
            None if dct_list is None else dct_list[i : i + batch_size],
            None if id_list is None else id_list[i : i + batch_size],
            range(i, min(i + batch_size, len(texts))),
            options,
        )
        for i in range(0, len(texts), batch_size)
    ]
    context = mp_context or multiprocessing.get_context()
    with context.Pool(processes) as pool:
        batches = pool.map(_run, jobs, chunksize=1)
    return pa.Table.from_batches(batches, schema=_batch.arrow_schema())


def collect_timeline(
    rows: Any, *, merge: bool = True, merge_threshold: float = 0.7
) -> chronoline.Timeline:
    """One :class:`chronoline.Timeline` of all the documents of the rows (a
    ``pyarrow.Table``), with the same event reported by several documents
    merged: equal to ``chronoline.Timeline(docs)``."""
    return _batch.timeline_from_rows(rows, merge=merge, merge_threshold=merge_threshold)
