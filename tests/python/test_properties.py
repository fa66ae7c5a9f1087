"""Property tests: for any text, extraction does not raise, its offsets
slice back to the matched text, timexes come sorted and disjoint with
values in the TIMEX3 grammar and intervals that end after they start,
TimeML written and read back is the same document, and extraction is
deterministic."""

from __future__ import annotations

import pytest

import chronoline

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# Phrases the rules know, so that generated texts reach the rules and not
# only the "nothing temporal here" path.
TEMPORAL = [
    "7 December 2025",
    "on Wednesday",
    "will convene on Wednesday",
    "for 91 days",
    "the past three months",
    "since 2021",
    "at 7:30 p.m. Kabul time",
    "in early September",
    "the day before",
    "last week",
    "the 1990s",
    "480 BC",
    "the previous century",
    "31 February 2025",
    "2882015",
    "said",
    "the meeting",
]

# Any Unicode scalar value (Python str cannot carry lone surrogates to Rust).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
PIECES = st.one_of(
    st.sampled_from(TEMPORAL),
    st.text(ANY_CHAR, max_size=12),
    st.text("0123456789 -/:.", max_size=8),
)
TEXTS = st.lists(PIECES, max_size=16).map(" ".join)
DCTS = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
MODES = st.sampled_from(["news", "narrative"])


def check_offsets(doc: chronoline.Document, text: str) -> None:
    assert doc.text == text
    previous_end = 0
    for timex in doc.timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end, "timexes overlap or are out of order"
        previous_end = timex.end
        assert chronoline.is_valid_timex_value(timex.value), (timex.text, timex.value, timex.rule)
    for event in doc.events:
        assert 0 <= event.start <= event.end <= len(text)
        assert text[event.start : event.end] == event.text
    for mention in [*doc.timexes, *doc.events]:
        check_interval(mention.interval)


def check_interval(interval: chronoline.Interval | None) -> None:
    if interval is None:
        return
    try:
        start, end = interval.start, interval.end
    except chronoline.ChronolineError as err:
        # Python's datetime stops at year 9999; the interval itself is fine.
        assert "outside the range of python's datetime" in str(err)
        return
    assert start < end, interval


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, dct=DCTS, mode=MODES)
def test_offsets_slice_back_for_any_text(text: str, dct: str | None, mode: str) -> None:
    doc = chronoline.extract(text, dct=dct, mode=mode)
    check_offsets(doc, text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(ANY_CHAR, max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    check_offsets(chronoline.extract(text), text)


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, dct=DCTS)
def test_extract_is_deterministic(text: str, dct: str | None) -> None:
    first = chronoline.extract(text, dct=dct)
    second = chronoline.Extractor().extract(text, dct)
    assert first.to_json() == second.to_json()
    (in_parallel,) = chronoline.Extractor().extract_many([text], [dct])
    assert in_parallel.to_json() == first.to_json()


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, dct=DCTS)
def test_timeml_round_trip_keeps_the_document(text: str, dct: str | None) -> None:
    doc = chronoline.extract(text, dct=dct, id="doc-1")
    written = doc.to_timeml()
    back = chronoline.parse_timeml(written)
    assert back.text.encode() == text.encode()
    assert (back.id, back.dct) == (doc.id, doc.dct)

    def timexes(d: chronoline.Document) -> list[tuple]:
        return [(t.id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in d.timexes]

    def events(d: chronoline.Document) -> list[tuple]:
        return [(e.id, e.start, e.end, e.text, e.event_class, e.tense, e.aspect, e.polarity) for e in d.events]

    assert timexes(back) == timexes(doc)
    assert events(back) == events(doc)
    assert back.to_timeml() == written


VALUES = st.text("0123456789X-WTQHPYMDSEBCAFUNIOLRZ:.+_", max_size=16)


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(VALUES, st.text(ANY_CHAR, max_size=12)))
def test_the_value_grammar_never_raises_and_accepts_what_it_writes(value: str) -> None:
    if chronoline.is_valid_timex_value(value):
        # What the grammar accepts, TimeML carries unchanged.
        xml = f'<TimeML><TEXT><TIMEX3 tid="t1" type="DATE" value="{value}">x</TIMEX3></TEXT></TimeML>'
        assert chronoline.parse_timeml(xml).timexes[0].value == value


@settings(max_examples=200, deadline=None)
@given(dct=st.text(ANY_CHAR, max_size=24))
def test_a_bad_dct_is_a_chronoline_error(dct: str) -> None:
    try:
        chronoline.extract("on Monday", dct=dct)
    except chronoline.ChronolineError as err:
        assert str(err).startswith("invalid document date")
