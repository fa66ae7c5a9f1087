"""Spans are str indices: doc.text[t.start:t.end] == t.text for any text."""

from __future__ import annotations

import pytest

import chronoline
from conftest import make_document

UNICODE_TEXTS = [
    # astral-plane emoji (4 UTF-8 bytes, 1 code point, 2 UTF-16 units)
    "\U0001f4f0\U0001f30d Breaking: the council met on 7 December 2025 \U0001f389 and adjourned.",
    # combining marks: e + COMBINING ACUTE ACCENT, and a decomposed name
    "Ren\u0065\u0301e Dupre\u0301 arrived on 7 December 2025; Zoe\u0308 left in September 2025.",
    # CJK and full-width punctuation before the date
    "\u6771\u4eac\u3067\u4f1a\u8b70\u304c\u958b\u304b\u308c\u305f\u3002The meeting on 7 December 2025 was long.",
    # a family emoji (ZWJ sequence) and a flag (regional indicators)
    "\U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f1e6\U0001f1eb met on 7 December 2025.",
    # right-to-left text and a non-breaking space inside the date
    "\u0643\u0627\u0628\u0644 \u2014 the talks on 7\u00a0December 2025 ended.",
]


@pytest.mark.parametrize("text", UNICODE_TEXTS)
def test_offsets_from_byte_spans_are_str_indices(text: str) -> None:
    piece = "7\u00a0December 2025" if "7\u00a0December" in text else "7 December 2025"
    doc = make_document(text, [(piece, "2025-12-07")], events=["met"] if " met " in text else [])
    (timex,) = doc.timexes
    assert timex.start == text.index(piece)
    assert doc.text[timex.start : timex.end] == timex.text == piece
    for event in doc.events:
        assert doc.text[event.start : event.end] == event.text == "met"
    (sentence,) = doc.sentences or [(0, len(text))]
    assert 0 <= sentence[0] <= sentence[1] <= len(text)


@pytest.mark.parametrize("text", UNICODE_TEXTS)
def test_offsets_of_extracted_expressions_are_str_indices(text: str) -> None:
    doc = chronoline.extract(text, dct="2025-12-08")
    assert doc.text == text
    assert doc.timexes, "the engine found nothing in: " + text
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    for event in doc.events:
        assert doc.text[event.start : event.end] == event.text
    for start, end in doc.sentences:
        assert 0 <= start <= end <= len(text)
    assert any(t.value == "2025-12-07" for t in doc.timexes)


def test_sentences_cover_the_text_in_order() -> None:
    text = "\U0001f600 First one on 7 December 2025. Second \u00e9t\u00e9 one. Third \u6771\u4eac."
    doc = chronoline.extract(text)
    starts = [s for s, _ in doc.sentences]
    assert starts == sorted(starts)
    assert len(doc.sentences) == 3
    assert doc.text[doc.sentences[1][0] : doc.sentences[1][1]].startswith("Second")
