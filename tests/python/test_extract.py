"""Extraction through the Python API: values, intervals, options."""

from __future__ import annotations

import datetime

import pytest

import chronoline

DCT = "2025-12-07"


def timex_values(doc: chronoline.Document) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in doc.timexes]


def test_version_is_the_crate_version() -> None:
    assert isinstance(chronoline.__version__, str)
    assert chronoline.__version__.count(".") == 2


def test_an_absolute_date() -> None:
    doc = chronoline.extract("Speaking at a press conference on 7 December 2025, she said so.", dct=DCT)
    (timex,) = [t for t in doc.timexes if t.type == "DATE"]
    assert timex.text == "7 December 2025"
    assert timex.value == "2025-12-07"
    assert doc.text[timex.start : timex.end] == timex.text
    assert timex.rule
    assert timex.interval is not None
    assert timex.interval.start == datetime.datetime(2025, 12, 7)
    assert timex.interval.end == datetime.datetime(2025, 12, 8)
    assert timex.interval.granularity == "day"


def test_a_weekday_in_the_future_tense_resolves_forward() -> None:
    doc = chronoline.extract("The UN Security Council will convene on Wednesday.", dct=DCT)
    assert ("Wednesday", "2025-12-10") in timex_values(doc)


def test_a_month_interval_is_half_open() -> None:
    doc = chronoline.extract("A report was published in September 2025.", dct=DCT)
    (timex,) = doc.timexes
    assert timex.value == "2025-09"
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == (
        datetime.datetime(2025, 9, 1),
        datetime.datetime(2025, 10, 1),
    )
    assert timex.interval.granularity == "month"


def test_a_time_with_a_named_zone_gives_aware_datetimes() -> None:
    doc = chronoline.extract("The meeting will begin at 7:30 p.m. Kabul time on Wednesday.", dct=DCT)
    times = [t for t in doc.timexes if t.type == "TIME"]
    assert times, timex_values(doc)
    interval = times[0].interval
    assert interval is not None
    kabul = datetime.timezone(datetime.timedelta(hours=4, minutes=30))
    assert interval.start == datetime.datetime(2025, 12, 10, 19, 30, tzinfo=kabul)
    assert interval.start.utcoffset() == datetime.timedelta(hours=4, minutes=30)
    assert interval.utc_offset_minutes == 270


def test_text_without_times_gives_an_empty_document() -> None:
    doc = chronoline.extract("Nothing to see here.", dct=DCT)
    assert doc.timexes == ()
    assert doc.text == "Nothing to see here."
    assert doc.dct == datetime.date(2025, 12, 7)


def test_empty_text() -> None:
    doc = chronoline.extract("")
    assert doc.timexes == () and doc.events == () and doc.text == ""


@pytest.mark.parametrize(
    ("dct", "expected"),
    [
        ("2025-12-07", datetime.date(2025, 12, 7)),
        ("20251207", datetime.date(2025, 12, 7)),
        (datetime.date(2025, 12, 7), datetime.date(2025, 12, 7)),
        ("2025-12-07T09:30", datetime.datetime(2025, 12, 7, 9, 30)),
        (datetime.datetime(2025, 12, 7, 9, 30), datetime.datetime(2025, 12, 7, 9, 30)),
        (
            datetime.datetime(2025, 12, 7, 9, 30, tzinfo=datetime.timezone.utc),
            datetime.datetime(2025, 12, 7, 9, 30, tzinfo=datetime.timezone.utc),
        ),
        (
            "2025-12-07T09:30+04:30",
            datetime.datetime(2025, 12, 7, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(minutes=270))),
        ),
        (None, None),
    ],
)
def test_dct_forms(dct: object, expected: object) -> None:
    doc = chronoline.extract("Nothing temporal.", dct=dct)  # type: ignore[arg-type]
    assert doc.dct == expected
    assert type(doc.dct) is type(expected)
    if isinstance(expected, datetime.datetime):
        assert doc.dct.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "dct",
    [
        "2025-12-07",
        datetime.date(2025, 12, 7),
        datetime.datetime(2025, 12, 7, 12, 0),
        datetime.datetime(2025, 12, 7, 12, 0, tzinfo=datetime.timezone.utc),
    ],
)
def test_every_dct_form_anchors_the_same_way(dct: object) -> None:
    doc = chronoline.extract("The council will convene on Wednesday.", dct=dct)  # type: ignore[arg-type]
    assert ("Wednesday", "2025-12-10") in timex_values(doc)


def test_extractor_options() -> None:
    extractor = chronoline.Extractor(mode="narrative", prefer="past", events=False)
    assert (extractor.mode, extractor.prefer, extractor.events) == ("narrative", "past", False)
    assert repr(extractor) == "Extractor(mode='narrative', prefer='past', events=False)"
    default = chronoline.Extractor()
    assert (default.mode, default.prefer, default.events) == ("news", "nearest", True)
    doc = extractor.extract("On 3 May 2024 it rained.")
    assert doc.events == ()
    assert [t.value for t in doc.timexes] == ["2024-05-03"]


def test_module_extract_equals_extractor() -> None:
    text = "The council will convene on Wednesday, 10 December 2025."
    assert chronoline.extract(text, DCT, prefer="future") == chronoline.Extractor(prefer="future").extract(text, DCT)


def test_timex_lookup_and_repr() -> None:
    doc = chronoline.extract("They met on 7 December 2025.", dct=DCT)
    (timex,) = doc.timexes
    assert doc.timex(timex.id) == timex
    assert doc.timex("t999") is None
    assert repr(timex).startswith("Timex(id='t1', start=12, end=27, text='7 December 2025', type='DATE'")
    assert repr(doc).startswith("Document(id='', text='They met on 7 December 2025.', dct=datetime.date(2025, 12, 7)")


def test_objects_are_immutable() -> None:
    doc = chronoline.extract("They met on 7 December 2025.", dct=DCT)
    with pytest.raises(AttributeError):
        doc.text = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.timexes[0].value = "2000"  # type: ignore[misc]
    with pytest.raises(TypeError):
        chronoline.Document()  # type: ignore[call-arg]


def test_equal_documents_hash_alike() -> None:
    a = chronoline.extract("They met on 7 December 2025.", dct=DCT)
    b = chronoline.extract("They met on 7 December 2025.", dct=DCT)
    c = chronoline.extract("They met on 7 December 2025.", dct="2025-12-08")
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2
    assert a.timexes[0] == b.timexes[0] and hash(a.timexes[0]) == hash(b.timexes[0])
    assert a != "not a document"


def test_the_built_in_example_article() -> None:
    text, dct = chronoline.example_article()
    assert dct == datetime.date(2025, 3, 14)
    assert text.startswith("Port workers in Valmora")
    doc = chronoline.extract(text, dct=dct)
    values = {t.value for t in doc.timexes}
    # "on Friday, 14 March" (the DCT) and "for 45 days"
    assert {"2025-03-14", "P45D"} <= values
