"""The batching code shared by Spark, Dask and multiprocessing: rows,
their round trip to timeline entries, Timeline.from_entries, and the
multiprocessing and Dask runners against Extractor.extract_many."""

from __future__ import annotations

import datetime
import multiprocessing

import pytest

import chronoline
from scale_corpus import expected_rows, tempeval_corpus, without_positions

pa = pytest.importorskip("pyarrow", reason="the batch rows need pyarrow (chronoline[pyarrow])")

from chronoline import _batch  # noqa: E402

ARTICLE = (
    "Speaking at a press conference on Sunday, 7 December, the envoy said Afghan "
    "female UN staff had been barred from UN offices for the past three months. "
    "On 7 September Taliban forces prevented female Afghan staff from entering UN "
    "facilities. The UN Security Council will convene on Wednesday; the meeting "
    "will begin at 7:30 p.m. Kabul time."
)
FOLLOW_UP = (
    "Taliban forces prevented female Afghan staff from entering UN facilities on "
    "7 September, the envoy recalled at a press conference in Kabul on Sunday. "
    "Zürich talks — 東京 too 🙂 — ended on 3 December 2025. In recent weeks, a 2019 "
    "report was cited."
)


def small_docs() -> list[chronoline.Document]:
    extractor = chronoline.Extractor()
    return extractor.extract_many(
        [
            ARTICLE,
            FOLLOW_UP,
            # "spring 2026" dates no event: a timeline entry of its own.
            "The minister resigned and the talks collapsed. Elections: spring 2026.",
            "",
        ],
        ["2025-12-07", datetime.date(2025, 12, 8), None, "2025-12-07"],
        ids=["article", "follow-up", "plain", "empty"],
    )


def test_rows_round_trip_to_the_entries() -> None:
    docs = small_docs()
    rows = _batch.document_rows(docs, range(len(docs))).to_pylist()
    expected = [
        entry for doc in docs for entry in chronoline.Timeline([doc], merge=False).entries
    ]
    assert len(rows) == len(expected) > 5
    assert [_batch.entry_from_row(r) for r in rows] == expected
    assert {r["kind"] for r in rows} == {"event", "timex"}
    for row in rows:
        doc = next(d for d in docs if d.id == row["document"])
        assert doc.text[row["span_start"] : row["span_end"]] == row["text"]
        raw = doc.text.encode("utf-8")
        assert raw[row["byte_start"] : row["byte_end"]].decode("utf-8") == row["text"]


def test_rows_hold_the_offset_and_the_dct_anchor() -> None:
    rows = _batch.document_rows(small_docs(), range(4)).to_pylist()
    meeting = [r for r in rows if r["text"] == "7:30 p.m. Kabul time" or r["value"] == "2025-12-10T19:30"]
    assert meeting, rows
    assert all(r["utc_offset_minutes"] == 270 for r in meeting)
    assert all(r["start"] == datetime.datetime(2025, 12, 10, 19, 30) for r in meeting)


def test_timeline_from_rows_equals_the_timeline_of_the_documents() -> None:
    docs = small_docs()
    rows = _batch.document_rows(docs, range(len(docs)))
    assert _batch.timeline_from_rows(rows) == chronoline.Timeline(docs)
    unmerged = _batch.timeline_from_rows(rows, merge=False)
    assert unmerged == chronoline.Timeline(docs, merge=False)
    # Rows may come in any order: they are sorted by position and rank.
    shuffled = list(reversed(rows.to_pylist()))
    assert _batch.timeline_from_rows(shuffled) == chronoline.Timeline(docs)


def test_timeline_options_choose_the_rows() -> None:
    docs = small_docs()
    no_timexes = _batch.document_rows(docs, range(4), timexes=False).to_pylist()
    assert no_timexes and all(r["kind"] == "event" for r in no_timexes)
    undated = _batch.document_rows(docs, range(4), undated=True).to_pylist()
    assert len(undated) > len(_batch.document_rows(docs, range(4)).to_pylist())
    assert _batch.timeline_from_rows(undated) == chronoline.Timeline(docs, undated=True)


def test_from_entries_checks_its_input() -> None:
    docs = small_docs()
    per_doc = [chronoline.Timeline([d], merge=False).entries for d in docs]
    assert chronoline.Timeline.from_entries(per_doc) == chronoline.Timeline(docs)
    with pytest.raises(chronoline.InvalidOptionError, match="appears more than once"):
        chronoline.Timeline.from_entries([per_doc[0], per_doc[0]])
    with pytest.raises(TypeError, match="one iterable of entries per document"):
        chronoline.Timeline.from_entries(per_doc[0])
    with pytest.raises(TypeError, match="TimelineEntry objects, not int"):
        chronoline.Timeline.from_entries([[1]])
    with pytest.raises(chronoline.InvalidOptionError, match="merge_threshold"):
        chronoline.Timeline.from_entries(per_doc, merge_threshold=2.0)
    merged = [e for e in chronoline.Timeline(docs) if len(e.documents) > 1]
    assert merged, "the two articles report the same events"
    with pytest.raises(chronoline.InvalidOptionError, match="already holds merged mentions"):
        chronoline.Timeline.from_entries([merged])


def test_extract_rows_names_documents_without_an_id() -> None:
    rows = _batch.extract_rows([ARTICLE, None], ["2025-12-07", None], None, [0, 1]).to_pylist()
    assert {r["document"] for r in rows} == {"doc1"}


def test_tempeval_rows_merge_across_documents() -> None:
    corpus = tempeval_corpus(60)
    extractor = chronoline.Extractor()
    docs = extractor.extract_many(corpus.texts, corpus.dcts, ids=corpus.ids)
    rows = _batch.document_rows(docs, range(len(docs)))
    timeline = _batch.timeline_from_rows(rows)
    assert timeline == chronoline.Timeline(docs)
    assert any(len(e.documents) > 1 for e in timeline)


def test_multiprocessing_rows_equal_extract_many() -> None:
    from chronoline import parallel

    corpus = tempeval_corpus(40)
    rows = parallel.extract_timeline(
        corpus.texts,
        corpus.dcts,
        ids=corpus.ids,
        processes=2,
        batch_size=7,
        mp_context=multiprocessing.get_context("spawn"),
    )
    assert rows.schema == _batch.arrow_schema()
    assert rows.to_pylist() == expected_rows(corpus)
    docs = chronoline.Extractor().extract_many(corpus.texts, corpus.dcts, ids=corpus.ids)
    assert parallel.collect_timeline(rows) == chronoline.Timeline(docs)


def test_multiprocessing_checks_lengths() -> None:
    from chronoline import parallel

    with pytest.raises(ValueError, match="dcts has 1 items but texts has 2"):
        parallel.extract_timeline(["a", "b"], ["2025-01-01"])


def test_dask_rows_equal_extract_many() -> None:
    dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed")
    pd = pytest.importorskip("pandas")
    from chronoline import dask as chronoline_dask

    corpus = tempeval_corpus(60)
    frame = pd.DataFrame({"body": corpus.texts, "published": corpus.dcts, "url": corpus.ids})
    ddf = dd.from_pandas(frame, npartitions=3)
    rows = chronoline_dask.extract_timeline(ddf, text_col="body", dct_col="published", id_col="url")
    computed = rows.compute(scheduler="processes", num_workers=2)
    table = pa.Table.from_pandas(computed[list(_batch.NAMES)], preserve_index=False)
    assert table.schema.equals(_batch.arrow_schema(), check_metadata=False)
    got = table.to_pylist()
    assert without_positions(got) == without_positions(expected_rows(corpus))
    # Document positions increase in input order.
    first_seen = list(dict.fromkeys(r["document"] for r in sorted(got, key=lambda r: r["document_index"])))
    assert first_seen == [i for i in corpus.ids if i in set(first_seen)]
    docs = chronoline.Extractor().extract_many(corpus.texts, corpus.dcts, ids=corpus.ids)
    assert chronoline_dask.collect_timeline(rows) == chronoline.Timeline(docs)
