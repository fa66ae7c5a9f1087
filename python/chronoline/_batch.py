"""The batching code shared by ``chronoline.spark``, ``chronoline.dask`` and
``chronoline.parallel``: the row schema of a timeline table and the
per-batch function that turns texts into rows.

A worker (a Spark task, a Dask partition, a process of a pool) gets a batch
of texts with their DCTs, ids and positions, extracts them with one
:class:`chronoline.Extractor` (built once per process and reused), builds
each document's own timeline and writes one row per entry into an Arrow
record batch. The driver collects the rows and calls
:func:`timeline_from_rows`, which rebuilds the entries exactly and joins
them with :meth:`chronoline.Timeline.from_entries`: the merge of the same
event across documents and the order run there, once, over all documents.

pyarrow is needed (the ``spark`` and ``dask`` extras bring it).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Sequence
from typing import Any, cast

import chronoline
from chronoline._frames import require

#: The columns of a timeline row, with their Arrow types. Datetimes are
#: naive, in the text's own time (an offset given in the text is in the
#: ``*utc_offset_minutes`` column); intervals are half-open ``[start, end)``.
#: Spans are ``str`` indices (``span_*``) and UTF-8 byte offsets (``byte_*``,
#: ``sentence_byte_*``) into the document text.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("document", "string", "the document id"),
    ("document_index", "int64", "the document's position in the input (increasing, unique)"),
    ("entry", "int32", "the 0-based rank of the entry in its document's own timeline"),
    ("kind", "string", "'event', or 'timex' for a timex that dates no event"),
    ("id", "string", "the event or timex id in the document"),
    ("text", "string", "the event trigger or the timex text"),
    ("class", "string", "the TimeML event class (events only)"),
    ("value", "string", "the TIMEX3 value of the timex that dates the entry"),
    ("type", "string", "the TIMEX3 type of that timex"),
    ("start", "timestamp", "the first instant of the interval"),
    ("end", "timestamp", "the first instant after the interval"),
    ("granularity", "string", "'day', 'month', ..."),
    ("exact", "bool", "whether both bounds are exact"),
    ("utc_offset_minutes", "int32", "an offset given in the text"),
    ("dated_by", "string", "'event', 'link', 'dct', 'context', 'timex' or 'nothing'"),
    ("dct_relation", "string", "for an event placed by the DCT, its relation to it"),
    ("anchor_start", "timestamp", "for an event placed by the DCT, the DCT's start"),
    ("anchor_end", "timestamp", "... and end"),
    ("anchor_granularity", "string", "... and granularity"),
    ("anchor_exact", "bool", "... and exactness"),
    ("anchor_utc_offset_minutes", "int32", "... and offset"),
    ("sentence_index", "int64", "the 0-based index of the sentence"),
    ("sentence_id", "string", "the id of the input's sentence markup, if any"),
    ("sentence", "string", "the sentence, trimmed"),
    ("sentence_byte_start", "int64", "where the sentence is in the text (bytes)"),
    ("sentence_byte_end", "int64", ""),
    ("span_start", "int64", "where the mention is in the text (str indices)"),
    ("span_end", "int64", ""),
    ("byte_start", "int64", "where the mention is in the text (UTF-8 bytes)"),
    ("byte_end", "int64", ""),
)

NAMES: tuple[str, ...] = tuple(name for name, _, _ in COLUMNS)

_INTERVALS = (("", "interval"), ("anchor_", "anchor"))


def _pa() -> Any:
    return require("pyarrow", "pyarrow", "chronoline's batch rows")


def arrow_schema() -> Any:
    """The rows as a ``pyarrow.Schema``."""
    pa = _pa()
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "int32": pa.int32(),
        "bool": pa.bool_(),
        "timestamp": pa.timestamp("us"),
    }
    return pa.schema([(name, types[kind]) for name, kind, _ in COLUMNS])


def spark_ddl() -> str:
    """The rows as a Spark DDL schema string (datetimes as ``timestamp_ntz``)."""
    types = {
        "string": "string",
        "int64": "bigint",
        "int32": "int",
        "bool": "boolean",
        "timestamp": "timestamp_ntz",
    }
    return ", ".join(f"`{name}` {types[kind]}" for name, kind, _ in COLUMNS)


_EXTRACTORS: dict[tuple[str, str | None], chronoline.Extractor] = {}


def extractor(mode: str = "news", prefer: str | None = None) -> chronoline.Extractor:
    """One Extractor per process and options, built on first use and reused
    by every batch the process runs."""
    key = (mode, prefer)
    found = _EXTRACTORS.get(key)
    if found is None:
        # The core checks the option values (InvalidOptionError).
        found = chronoline.Extractor(mode=cast(Any, mode), prefer=cast(Any, prefer))
        _EXTRACTORS[key] = found
    return found


def _instant(text: str | None) -> datetime.datetime | None:
    """A datetime from the core's JSON (``2025-12-07T19:30:00``), or None
    when there is none or its year is outside Python's 1 to 9999."""
    if text is None:
        return None
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        pass
    # Older Pythons read only 3 or 6 digits of a fraction.
    whole, _, fraction = text.partition(".")
    try:
        value = datetime.datetime.fromisoformat(whole)
    except ValueError:
        return None
    return value.replace(microsecond=int(fraction[:6].ljust(6, "0") or 0))


def _iso(value: datetime.datetime) -> str:
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    return text


def _byte_offsets(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """UTF-8 byte offsets of ``str`` spans, in one pass over the text."""
    if text.isascii():
        return list(spans)
    points = sorted({p for span in spans for p in span})
    bytes_at: dict[int, int] = {}
    position, count = 0, 0
    for point in points:
        count += len(text[position:point].encode("utf-8"))
        position = point
        bytes_at[point] = count
    return [(bytes_at[s], bytes_at[e]) for s, e in spans]


def _empty_columns() -> dict[str, list[Any]]:
    return {name: [] for name in NAMES}


def _add_document(
    columns: dict[str, list[Any]],
    doc: chronoline.Document,
    position: int,
    timeline_options: dict[str, bool],
) -> None:
    timeline = chronoline.Timeline([doc], merge=False, **timeline_options)
    entries = timeline.entries
    cores = json.loads(timeline.to_json())["entries"]
    for rank, (entry, core) in enumerate(zip(entries, cores)):
        columns["document"].append(core["document"])
        columns["document_index"].append(position)
        columns["entry"].append(rank)
        columns["kind"].append(core["kind"])
        columns["id"].append(core["id"])
        columns["text"].append(core["text"])
        columns["class"].append(core.get("class"))
        columns["value"].append(core.get("value"))
        columns["type"].append(core.get("type"))
        for prefix, key in _INTERVALS:
            interval = core.get(key) or {}
            columns[prefix + "start"].append(_instant(interval.get("start")))
            columns[prefix + "end"].append(_instant(interval.get("end")))
            columns[prefix + "granularity"].append(interval.get("granularity"))
            columns[prefix + "exact"].append(interval.get("exact"))
            columns[prefix + "utc_offset_minutes"].append(interval.get("utc_offset_minutes"))
        columns["dated_by"].append(core["dated_by"])
        columns["dct_relation"].append(core.get("dct_relation"))
        columns["sentence_index"].append(core.get("sentence_index"))
        columns["sentence_id"].append(core.get("sentence_id"))
        columns["sentence"].append(core["sentence"])
        sentence_span = core.get("sentence_span") or {}
        columns["sentence_byte_start"].append(sentence_span.get("start"))
        columns["sentence_byte_end"].append(sentence_span.get("end"))
        columns["span_start"].append(entry.span[0])
        columns["span_end"].append(entry.span[1])
        columns["byte_start"].append(core["span"]["start"])
        columns["byte_end"].append(core["span"]["end"])


def document_rows(
    docs: Iterable[chronoline.Document],
    positions: Iterable[int],
    *,
    timexes: bool = True,
    undated: bool = False,
    context_dating: bool = False,
) -> Any:
    """The rows (a ``pyarrow.RecordBatch``) of already extracted documents:
    the entries of each document's own timeline, documents in input order,
    entries in their timeline's order. Each document needs a non-empty id."""
    options = {"timexes": timexes, "undated": undated, "context_dating": context_dating}
    columns = _empty_columns()
    for doc, position in zip(docs, positions):
        _add_document(columns, doc, position, options)
    return _pa().RecordBatch.from_pydict(columns, schema=arrow_schema())


#: Documents of one partition get positions ``(partition << 33) + row``, as
#: Spark's ``monotonically_increasing_id()`` numbers rows: increasing and
#: unique across partitions.
PARTITION_SHIFT = 33


def extract_options(
    columns: Sequence[str],
    text_col: str,
    dct_col: str | None,
    id_col: str | None,
    *,
    mode: str,
    prefer: str | None,
    threads: int,
    timexes: bool,
    undated: bool,
    context_dating: bool,
) -> dict[str, Any]:
    """Checks the arguments of a frame's ``extract_timeline`` on the driver,
    so that a bad option or column fails before any task runs, and returns
    the keyword arguments of :func:`extract_rows`."""
    extractor(mode, prefer)
    if threads < 1:
        raise ValueError("threads must be at least 1")
    missing = [c for c in (text_col, dct_col, id_col) if c is not None and c not in columns]
    if missing:
        raise ValueError(f"no column {missing[0]!r} in the DataFrame (columns: {list(columns)})")
    return {
        "mode": mode,
        "prefer": prefer,
        "threads": threads,
        "timexes": timexes,
        "undated": undated,
        "context_dating": context_dating,
    }


def default_id(position: int) -> str:
    """The id of a document given without one, as `Timeline` names them."""
    return f"doc{position + 1}"


def extract_rows(
    texts: Sequence[str | None],
    dcts: Sequence[Any] | None,
    ids: Sequence[Any] | None,
    positions: Sequence[int],
    *,
    mode: str = "news",
    prefer: str | None = None,
    threads: int = 1,
    timexes: bool = True,
    undated: bool = False,
    context_dating: bool = False,
) -> Any:
    """The per-batch function: extracts ``texts`` (with their DCTs, ids and
    input positions) with this process's Extractor and returns the rows as
    a ``pyarrow.RecordBatch``. A missing text counts as empty; a missing id
    becomes ``doc{position + 1}``."""
    names = [
        default_id(p) if ids is None or ids[i] is None or ids[i] == "" else str(ids[i])
        for i, p in enumerate(positions)
    ]
    docs = extractor(mode, prefer).extract_many(
        ["" if t is None else t for t in texts],
        dcts,
        ids=names,
        threads=threads,
    )
    return document_rows(
        docs, positions, timexes=timexes, undated=undated, context_dating=context_dating
    )


def _entry_json(row: dict[str, Any]) -> str:
    core: dict[str, Any] = {
        "kind": row["kind"],
        "id": row["id"],
        "text": row["text"],
        "dated_by": row["dated_by"],
        "document": row["document"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "span": {"start": row["byte_start"], "end": row["byte_end"]},
    }
    for key in ("class", "value", "type", "dct_relation", "sentence_id"):
        if row[key] is not None:
            core[key] = row[key]
    for prefix, key in _INTERVALS:
        if row[prefix + "granularity"] is None:
            continue
        start, end = row[prefix + "start"], row[prefix + "end"]
        if start is None or end is None:
            raise chronoline.ChronolineError(
                f"entry {row['id']!r} of document {row['document']!r} has an interval "
                "outside the years 1 to 9999, which a row cannot hold"
            )
        interval: dict[str, Any] = {
            "start": _iso(start),
            "end": _iso(end),
            "granularity": row[prefix + "granularity"],
            "exact": row[prefix + "exact"],
        }
        if row[prefix + "utc_offset_minutes"] is not None:
            interval["utc_offset_minutes"] = row[prefix + "utc_offset_minutes"]
        core[key] = interval
    if row["sentence_byte_start"] is not None:
        core["sentence_span"] = {
            "start": row["sentence_byte_start"],
            "end": row["sentence_byte_end"],
        }
    return json.dumps([core, [row["span_start"], row["span_end"]]])


def entry_from_row(row: dict[str, Any]) -> chronoline.TimelineEntry:
    """The :class:`chronoline.TimelineEntry` a row was made from."""
    from_json = getattr(chronoline.TimelineEntry, "_from_json")  # what pickling uses
    entry: chronoline.TimelineEntry = from_json(_entry_json(row))
    return entry


def _naive(value: Any) -> Any:
    # Spark and pandas may hand back datetimes as pandas Timestamps.
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    return value.replace(tzinfo=None)


def rows_from_table(table: Any) -> list[dict[str, Any]]:
    """The rows of a ``pyarrow.Table`` (or RecordBatch) as dicts, sorted by
    document position, then rank in the document."""
    rows: list[dict[str, Any]] = table.select(list(NAMES)).to_pylist()
    for row in rows:
        for prefix, _ in _INTERVALS:
            row[prefix + "start"] = _naive(row[prefix + "start"])
            row[prefix + "end"] = _naive(row[prefix + "end"])
    rows.sort(key=lambda r: (r["document_index"], r["entry"]))
    return rows


def timeline_from_rows(
    rows: Any, *, merge: bool = True, merge_threshold: float = 0.7
) -> chronoline.Timeline:
    """The :class:`chronoline.Timeline` of all the documents the rows come
    from, with the same event reported by several documents merged:
    equal to ``Timeline(docs)`` on the documents themselves. ``rows`` is a
    ``pyarrow.Table``/``RecordBatch`` or an iterable of row dicts."""
    if hasattr(rows, "to_pylist") and hasattr(rows, "select"):
        rows = rows_from_table(rows)
    else:
        rows = sorted(rows, key=lambda r: (r["document_index"], r["entry"]))
    documents: list[list[chronoline.TimelineEntry]] = []
    current: int | None = None
    for row in rows:
        if row["document_index"] != current:
            documents.append([])
            current = row["document_index"]
        documents[-1].append(entry_from_row(row))
    return chronoline.Timeline.from_entries(
        documents, merge=merge, merge_threshold=merge_threshold
    )
