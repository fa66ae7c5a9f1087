"""Timelines across documents from Python."""

from __future__ import annotations

import csv
import datetime
import io
import json
import pickle

import pytest

import chronoline
from conftest import make_document


def dated(doc_id: str, text: str, pieces: list[tuple[str, str, str, str, str]]) -> chronoline.Document:
    """A document whose timexes carry the given intervals: (piece, value, start, end, granularity)."""
    doc = json.loads(make_document(text, [(p[0], p[1]) for p in pieces]).to_json())
    doc["id"] = doc_id
    for timex, (_, _, start, end, granularity) in zip(doc["timexes"], pieces):
        timex["interval"] = {"start": start, "end": end, "granularity": granularity, "exact": True}
    return chronoline.Document.from_json(json.dumps(doc))


A = dated(
    "a",
    "\U0001f4f0 The talks on 7 December 2025 followed a September 2025 report.",
    [
        ("7 December 2025", "2025-12-07", "2025-12-07T00:00:00", "2025-12-08T00:00:00", "day"),
        ("September 2025", "2025-09", "2025-09-01T00:00:00", "2025-10-01T00:00:00", "month"),
    ],
)
B = dated(
    "b",
    "\u6771\u4eac: since 2021, and again on 8 December 2025.",
    [
        ("2021", "2021", "2021-01-01T00:00:00", "2022-01-01T00:00:00", "year"),
        ("8 December 2025", "2025-12-08", "2025-12-08T00:00:00", "2025-12-09T00:00:00", "day"),
    ],
)


def test_entries_are_in_time_order_with_str_spans() -> None:
    timeline = chronoline.Timeline([A, B])
    assert [e.value for e in timeline] == ["2021", "2025-09", "2025-12-07", "2025-12-08"]
    assert [e.document for e in timeline] == ["b", "a", "a", "b"]
    docs = {"a": A, "b": B}
    for entry in timeline.entries:
        start, end = entry.span
        assert docs[entry.document].text[start:end] == entry.text
        assert entry.kind == "timex"
    first = timeline[0]
    assert (first.start, first.end, first.granularity) == (
        datetime.datetime(2021, 1, 1),
        datetime.datetime(2022, 1, 1),
        "year",
    )
    assert timeline[-1] == timeline.entries[3]
    assert len(timeline) == 4
    with pytest.raises(IndexError):
        timeline[4]


def test_documents_with_the_same_id_keep_their_own_offsets() -> None:
    same = [chronoline.Document.from_json(json.dumps({**json.loads(d.to_json()), "id": ""})) for d in (A, B)]
    timeline = chronoline.Timeline(same)
    texts = [d.text for d in same]
    for entry in timeline:
        start, end = entry.span
        assert any(text[start:end] == entry.text for text in texts)
        assert entry.document == ""


def test_csv_and_json() -> None:
    timeline = chronoline.Timeline([A, B])
    rows = list(csv.DictReader(io.StringIO(timeline.to_csv())))
    assert [(r["document"], r["start"], r["value"]) for r in rows][:2] == [
        ("b", "2021-01-01T00:00:00", "2021"),
        ("a", "2025-09-01T00:00:00", "2025-09"),
    ]
    assert len(json.loads(timeline.to_json())["entries"]) == 4


def test_empty_and_bad_input() -> None:
    assert len(chronoline.Timeline([])) == 0
    assert chronoline.Timeline([chronoline.extract("Nothing here.")]).entries == ()
    with pytest.raises(TypeError, match="not a single Document"):
        chronoline.Timeline(A)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not str"):
        chronoline.Timeline(["text"])  # type: ignore[list-item]


def test_pickle_equality_and_display() -> None:
    timeline = chronoline.Timeline([A, B])
    again = pickle.loads(pickle.dumps(timeline))
    assert again == timeline and again.entries == timeline.entries
    assert {hash(e) for e in timeline} == {hash(e) for e in again}
    assert pickle.loads(pickle.dumps(timeline[0])) == timeline[0]
    assert repr(timeline).startswith("Timeline([TimelineEntry(document='b', kind='timex', text='2021'")
    html = timeline._repr_html_()
    assert html.count("<tr>") == 5 and "\u6771\u4eac" not in html


def test_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    frame = chronoline.Timeline([A, B]).to_pandas()
    assert list(frame["value"]) == ["2021", "2025-09", "2025-12-07", "2025-12-08"]
    assert pd.api.types.is_datetime64_any_dtype(frame["start"])
    assert str(frame["kind"].dtype) == "category"
    assert frame["start"][1] == pd.Timestamp("2025-09-01")


def test_to_polars() -> None:
    pl = pytest.importorskip("polars")
    frame = chronoline.Timeline([A, B]).to_polars()
    assert frame["value"].to_list() == ["2021", "2025-09", "2025-12-07", "2025-12-08"]
    assert frame.schema["start"] == pl.Datetime("us")


def test_to_arrow() -> None:
    pa = pytest.importorskip("pyarrow")
    table = chronoline.Timeline([A, B]).to_arrow()
    assert table.column("value").to_pylist() == ["2021", "2025-09", "2025-12-07", "2025-12-08"]
    assert table.schema.field("start").type == pa.timestamp("us")


def test_a_timeline_of_extracted_documents() -> None:
    docs = chronoline.Extractor().extract_many(
        [
            "The council will convene on Wednesday. A report was published in September 2025.",
            "On 7 September Taliban forces prevented staff from entering UN facilities.",
        ],
        ["2025-12-07", "2025-12-07"],
    )
    timeline = chronoline.Timeline(docs)
    starts = [e.start for e in timeline]
    assert starts == sorted(starts)
    assert {"2025-09", "2025-09-07", "2025-12-10"} <= {e.value for e in timeline if e.kind == "timex"}
