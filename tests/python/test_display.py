"""Notebook display and DataFrame helpers."""

from __future__ import annotations

import json
import sys

import pytest

import chronoline
from conftest import make_document

TEXT = "\U0001f4f0 <Kabul> & Geneva: the council met on 7 December 2025 and will meet again in September 2026."


def with_intervals() -> chronoline.Document:
    doc = json.loads(
        make_document(TEXT, [("7 December 2025", "2025-12-07"), ("September 2026", "2026-09")], ["met"]).to_json()
    )
    doc["timexes"][0]["interval"] = {
        "start": "2025-12-07T00:00:00",
        "end": "2025-12-08T00:00:00",
        "granularity": "day",
        "exact": True,
    }
    doc["timexes"][1]["interval"] = {
        "start": "2026-09-01T00:00:00",
        "end": "2026-10-01T00:00:00",
        "granularity": "month",
        "exact": False,
        "utc_offset_minutes": 270,
    }
    doc["events"][0]["time"] = "t1"
    doc["events"][0]["relation"] = "IS_INCLUDED"
    return chronoline.Document.from_json(json.dumps(doc))


def test_interval_values() -> None:
    doc = with_intervals()
    first, second = (t.interval for t in doc.timexes)
    assert first is not None and second is not None
    assert str(first.start) == "2025-12-07 00:00:00" and first.start.tzinfo is None
    assert str(second.start) == "2026-09-01 00:00:00+04:30"
    assert (first.granularity, first.exact, second.exact) == ("day", True, False)
    assert repr(first) == (
        "Interval(start=datetime.datetime(2025, 12, 7, 0, 0), end=datetime.datetime(2025, 12, 8, 0, 0), "
        "granularity='day', exact=True)"
    )


def test_html_marks_timexes_and_events() -> None:
    html = with_intervals()._repr_html_()
    assert "&lt;Kabul&gt; &amp; Geneva" in html
    assert "<Kabul>" not in html
    assert "\U0001f4f0" in html
    assert html.count("<mark") == 3
    assert 'title="DATE 2025-12-07 [t1] (test)">7 December 2025</mark>' in html
    assert "IS_INCLUDED t1" in html
    assert html.index("met</mark>") < html.index("7 December 2025</mark>")


def test_html_of_an_empty_document() -> None:
    html = chronoline.Document.from_json('{"id": "", "text": ""}')._repr_html_()
    assert "0 timexes" in html and "<mark" not in html


def test_timexes_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = with_intervals().timexes_frame()
    assert list(frame["text"]) == ["7 December 2025", "September 2026"]
    assert list(frame["value"]) == ["2025-12-07", "2026-09"]
    assert str(frame["type"].dtype) == "category"
    assert pd.api.types.is_datetime64_any_dtype(frame["interval_start"])
    assert frame["interval_start"][1] == pd.Timestamp("2026-09-01")
    assert list(frame["utc_offset_minutes"].astype("object").fillna(-1)) == [-1, 270]
    assert all(TEXT[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))


def test_events_frame() -> None:
    pytest.importorskip("pandas")
    frame = with_intervals().events_frame()
    assert list(frame["text"]) == ["met"]
    assert list(frame["class"].astype(str)) == ["OCCURRENCE"]
    assert list(frame["time"]) == ["t1"]


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"chronoline\[pandas\]"):
        with_intervals().timexes_frame()
