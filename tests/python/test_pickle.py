"""Pickling round trips, so results cross multiprocessing, Dask and Spark."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import chronoline
from conftest import make_document

TEXT = "\U0001f4f0 Speaking on 7 December 2025, she said talks will resume on Wednesday."


def made() -> chronoline.Document:
    return make_document(TEXT, [("7 December 2025", "2025-12-07"), ("Wednesday", "2025-12-10")], events=["said"])


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_document_round_trip(protocol: int) -> None:
    doc = made()
    again = pickle.loads(pickle.dumps(doc, protocol=protocol))
    assert again == doc
    assert type(again) is chronoline.Document
    assert again.timexes == doc.timexes and again.events == doc.events
    assert [again.text[t.start : t.end] for t in again.timexes] == ["7 December 2025", "Wednesday"]


def test_parts_round_trip() -> None:
    doc = made()
    for item in (*doc.timexes, *doc.events):
        again = pickle.loads(pickle.dumps(item))
        assert again == item and hash(again) == hash(item) and type(again) is type(item)
    extractor = chronoline.Extractor(mode="narrative", prefer="future", events=False)
    again = pickle.loads(pickle.dumps(extractor))
    assert repr(again) == repr(extractor)


def test_extracted_document_round_trip() -> None:
    doc = chronoline.extract(TEXT, dct="2025-12-07T09:30+04:30")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc
    assert again.dct == doc.dct and again.dct.utcoffset() == doc.dct.utcoffset()  # type: ignore[union-attr]
    intervals = [t.interval for t in doc.timexes if t.interval is not None]
    assert intervals, "the engine gave no interval"
    for interval in intervals:
        assert pickle.loads(pickle.dumps(interval)) == interval


def test_copy_and_json_round_trip() -> None:
    doc = made()
    assert copy.copy(doc) == doc
    assert copy.deepcopy(doc) == doc
    assert chronoline.Document.from_json(doc.to_json()) == doc


def test_links_round_trip() -> None:
    doc = json.loads(made().to_json())
    doc["links"] = [
        {"id": "l1", "source": {"kind": "event", "id": "ei1"}, "target": {"kind": "time", "id": "t1"},
         "relation": "IS_INCLUDED"},
    ]
    doc = chronoline.Document.from_json(json.dumps(doc))
    (link,) = doc.links
    assert (link.id, link.source, link.source_kind, link.relation, link.target, link.target_kind) == (
        "l1", "ei1", "event", "IS_INCLUDED", "t1", "time")
    assert repr(link) == "TimeLink(id='l1', source='ei1', relation='IS_INCLUDED', target='t1')"
    assert pickle.loads(pickle.dumps(link)) == link
    assert pickle.loads(pickle.dumps(doc)).links == doc.links
