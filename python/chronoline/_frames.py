"""DataFrame helpers behind ``Document.timexes_frame()`` and friends.

pandas is an optional extra: ``pip install chronoline[pandas]``.
"""

from __future__ import annotations

import importlib
from typing import Any


def require(module: str, extra: str, what: str) -> Any:
    """Imports an optional dependency, or says which extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(
            f"{what} needs {module}, which is not installed: pip install 'chronoline[{extra}]'"
        ) from err


def _local(value: Any) -> Any:
    """A naive datetime in the text's own time (the offset goes in its own column)."""
    if value is None:
        return None
    return value.replace(tzinfo=None)


def _interval_columns(items: Any) -> dict[str, list[Any]]:
    starts, ends, granularities, exact, offsets = [], [], [], [], []
    for item in items:
        interval = item.interval
        starts.append(_local(interval.start) if interval else None)
        ends.append(_local(interval.end) if interval else None)
        granularities.append(interval.granularity if interval else None)
        exact.append(interval.exact if interval else None)
        offsets.append(interval.utc_offset_minutes if interval else None)
    return {
        "interval_start": starts,
        "interval_end": ends,
        "granularity": granularities,
        "exact": exact,
        "utc_offset_minutes": offsets,
    }


def _frame(pd: Any, columns: dict[str, list[Any]], categories: list[str]) -> Any:
    frame = pd.DataFrame(columns)
    for name in ("interval_start", "interval_end"):
        # Intervals are local to the text; out-of-range years become NaT.
        frame[name] = pd.to_datetime(frame[name], errors="coerce")
    frame["exact"] = frame["exact"].astype("boolean")
    frame["utc_offset_minutes"] = frame["utc_offset_minutes"].astype("Int64")
    for name in categories:
        frame[name] = frame[name].astype("category")
    return frame


def timexes_frame(doc: Any) -> Any:
    """One row per timex; datetimes as datetime64, type and granularity as categories."""
    pd = require("pandas", "pandas", "Document.timexes_frame()")
    timexes = doc.timexes
    columns: dict[str, list[Any]] = {
        "document": [doc.id] * len(timexes),
        "id": [t.id for t in timexes],
        "start": [t.start for t in timexes],
        "end": [t.end for t in timexes],
        "text": [t.text for t in timexes],
        "type": [t.type for t in timexes],
        "value": [t.value for t in timexes],
        "mod": [t.mod for t in timexes],
        "anchor": [t.anchor for t in timexes],
        **_interval_columns(timexes),
        "rule": [t.rule for t in timexes],
    }
    return _frame(pd, columns, ["type", "granularity"])


def events_frame(doc: Any) -> Any:
    """One row per event; datetimes as datetime64, class and tense as categories."""
    pd = require("pandas", "pandas", "Document.events_frame()")
    events = doc.events
    columns: dict[str, list[Any]] = {
        "document": [doc.id] * len(events),
        "id": [e.id for e in events],
        "start": [e.start for e in events],
        "end": [e.end for e in events],
        "text": [e.text for e in events],
        "class": [e.event_class for e in events],
        "tense": [e.tense for e in events],
        "aspect": [e.aspect for e in events],
        "polarity": [e.polarity for e in events],
        "time": [e.time for e in events],
        "relation": [e.relation for e in events],
        **_interval_columns(events),
        "rule": [e.rule for e in events],
    }
    return _frame(pd, columns, ["class", "tense", "aspect", "polarity", "relation"])


def _timeline_columns(timeline: Any) -> dict[str, list[Any]]:
    entries = timeline.entries
    intervals = [e.interval for e in entries]
    return {
        "start": [_local(i.start) if i else None for i in intervals],
        "end": [_local(i.end) if i else None for i in intervals],
        "granularity": [i.granularity if i else None for i in intervals],
        "exact": [i.exact if i else None for i in intervals],
        "utc_offset_minutes": [i.utc_offset_minutes if i else None for i in intervals],
        "kind": [e.kind for e in entries],
        "text": [e.text for e in entries],
        "class": [e.event_class for e in entries],
        "value": [e.value for e in entries],
        "type": [e.type for e in entries],
        "dct_relation": [e.dct_relation for e in entries],
        "dated_by": [e.dated_by for e in entries],
        "document": [e.document for e in entries],
        "id": [e.id for e in entries],
        "sentence_index": [e.sentence_index for e in entries],
        "span_start": [e.span[0] for e in entries],
        "span_end": [e.span[1] for e in entries],
        "mentions": [len(e.documents) for e in entries],
        "sentence": [e.sentence for e in entries],
    }


CATEGORIES = ["granularity", "kind", "class", "type", "dct_relation", "dated_by"]


def timeline_pandas(timeline: Any) -> Any:
    """One row per entry; start/end as datetime64 (local to the text),
    categories for the enumerated columns."""
    pd = require("pandas", "pandas", "Timeline.to_pandas()")
    frame = pd.DataFrame(_timeline_columns(timeline))
    for name in ("start", "end"):
        frame[name] = pd.to_datetime(frame[name], errors="coerce")
    frame["exact"] = frame["exact"].astype("boolean")
    for name in ("utc_offset_minutes", "sentence_index"):
        frame[name] = frame[name].astype("Int64")
    for name in CATEGORIES:
        frame[name] = frame[name].astype("category")
    return frame


def timeline_polars(timeline: Any) -> Any:
    """One row per entry; start/end as Datetime, Categorical for the enumerated columns."""
    pl = require("polars", "polars", "Timeline.to_polars()")
    schema = {
        "start": pl.Datetime("us"),
        "end": pl.Datetime("us"),
        "granularity": pl.Categorical,
        "exact": pl.Boolean,
        "utc_offset_minutes": pl.Int64,
        "kind": pl.Categorical,
        "text": pl.Utf8,
        "class": pl.Categorical,
        "value": pl.Utf8,
        "type": pl.Categorical,
        "dct_relation": pl.Categorical,
        "dated_by": pl.Categorical,
        "document": pl.Utf8,
        "id": pl.Utf8,
        "sentence_index": pl.Int64,
        "span_start": pl.Int64,
        "span_end": pl.Int64,
        "mentions": pl.Int64,
        "sentence": pl.Utf8,
    }
    return pl.DataFrame(_timeline_columns(timeline), schema=schema)


def timeline_arrow(timeline: Any) -> Any:
    """A pyarrow Table; start/end as timestamp[us], the enumerated columns dictionary-encoded."""
    pa = require("pyarrow", "pyarrow", "Timeline.to_arrow()")
    columns = _timeline_columns(timeline)
    types = {
        "start": pa.timestamp("us"),
        "end": pa.timestamp("us"),
        "exact": pa.bool_(),
        "utc_offset_minutes": pa.int64(),
        "sentence_index": pa.int64(),
        "span_start": pa.int64(),
        "span_end": pa.int64(),
        "mentions": pa.int64(),
    }
    arrays = {}
    for name, values in columns.items():
        array = pa.array(values, type=types.get(name, pa.string()))
        arrays[name] = array.dictionary_encode() if name in CATEGORIES else array
    return pa.table(arrays)
