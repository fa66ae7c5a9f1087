"""Timelines across documents from Python."""

from __future__ import annotations

import csv
import datetime
import io
import json
import pickle

import pytest

import chronoline
from conftest import A, B


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
    assert first.interval is not None
    assert (first.start, first.end, first.interval.granularity) == (
        datetime.datetime(2021, 1, 1),
        datetime.datetime(2022, 1, 1),
        "year",
    )
    assert (first.dated_by, first.type, first.event_class, first.documents) == ("timex", "DATE", None, ("b",))
    assert first.sentence.startswith("\u6771\u4eac: since 2021")
    assert timeline[-1] == timeline.entries[3]
    assert len(timeline) == 4
    with pytest.raises(IndexError):
        timeline[4]


def test_documents_without_ids_are_named_by_position() -> None:
    unnamed = [chronoline.Document.from_json(json.dumps({**json.loads(d.to_json()), "id": ""})) for d in (A, B)]
    timeline = chronoline.Timeline(unnamed)
    texts = {"doc1": unnamed[0].text, "doc2": unnamed[1].text}
    for entry in timeline:
        start, end = entry.span
        assert texts[entry.document][start:end] == entry.text
    assert {e.document for e in timeline} == {"doc1", "doc2"}


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(chronoline.InvalidOptionError, match="'a'|\"a\""):
        chronoline.Timeline([A, A])


def test_options_and_narrowing() -> None:
    assert len(chronoline.Timeline([A, B], timexes=False)) == 0
    with pytest.raises(chronoline.InvalidOptionError, match="merge_threshold"):
        chronoline.Timeline([A], merge_threshold=2.0)
    timeline = chronoline.Timeline([A, B])
    about = timeline.about("talks")
    assert [e.text for e in about] == ["September 2025", "7 December 2025"]
    assert all(A.text[e.span[0] : e.span[1]] == e.text for e in about)
    assert len(timeline.about(["talks", "\u6771\u4eac"])) == 4
    assert len(timeline.about("nobody")) == 0
    assert timeline.relation(0, 1) == "before"
    with pytest.raises(IndexError):
        timeline.relation(0, 9)
    with pytest.raises(TypeError, match="entity must be"):
        timeline.about(5)  # type: ignore[arg-type]


def test_csv_and_json() -> None:
    timeline = chronoline.Timeline([A, B])
    rows = list(csv.DictReader(io.StringIO(timeline.to_csv())))
    assert [(r["position"], r["document"], r["date"], r["value"]) for r in rows][:2] == [
        ("1", "b", "2021", "2021"),
        ("2", "a", "2025-09", "2025-09"),
    ]
    assert len(json.loads(timeline.to_json())["entries"]) == 4
    assert json.loads(timeline.to_timelinejs())


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
    assert repr(timeline).startswith("Timeline([TimelineEntry(kind='timex', text='2021', value='2021', interval=Interval(")
    assert repr(timeline).endswith("... 1 more])")
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
    starts = [e.start for e in timeline if e.start is not None]
    assert starts == sorted(starts)
    for entry in timeline:
        doc = docs[int(entry.document.removeprefix("doc")) - 1]
        assert doc.text[entry.span[0] : entry.span[1]] == entry.text
    assert {"2025-09", "2025-09-07", "2025-12-10"} <= {e.value for e in timeline}
    dated = [e.text for e in timeline if e.interval is not None]
    assert dated.index("prevented") < dated.index("convene")
