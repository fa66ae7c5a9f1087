"""Errors: ChronolineError subclasses for bad values, TypeError for bad types."""

from __future__ import annotations

import pytest

import chronoline


def test_exception_hierarchy() -> None:
    assert issubclass(chronoline.ChronolineError, ValueError)
    for error in (chronoline.InvalidDctError, chronoline.InvalidOptionError, chronoline.TimeMLError):
        assert issubclass(error, chronoline.ChronolineError)
    assert chronoline.ChronolineError.__module__ == "chronoline"


@pytest.mark.parametrize("dct", ["2025-13-40", "2025-02-30", "tomorrow", "", "2025-12-07T25:00"])
def test_a_bad_dct_names_the_value(dct: str) -> None:
    with pytest.raises(chronoline.InvalidDctError) as caught:
        chronoline.extract("on Monday", dct=dct)
    assert repr(dct) in str(caught.value) or dct in str(caught.value)
    assert str(caught.value).startswith("invalid document date")


def test_a_bad_dct_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="2025-13-40"):
        chronoline.Extractor().extract("on Monday", "2025-13-40")


@pytest.mark.parametrize("dct", [5, 3.5, ["2025-12-07"], object()])
def test_a_dct_of_the_wrong_type_is_a_type_error(dct: object) -> None:
    with pytest.raises(TypeError, match="dct must be"):
        chronoline.extract("on Monday", dct=dct)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [None, 5, b"bytes", ["a list"]])
def test_text_of_the_wrong_type_is_a_type_error(text: object) -> None:
    with pytest.raises(TypeError):
        chronoline.extract(text)  # type: ignore[arg-type]


def test_unknown_options() -> None:
    with pytest.raises(chronoline.InvalidOptionError, match="poetry"):
        chronoline.extract("x", mode="poetry")  # type: ignore[arg-type]
    with pytest.raises(chronoline.InvalidOptionError, match="sideways"):
        chronoline.Extractor(prefer="sideways")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        chronoline.Extractor(mode=1)  # type: ignore[arg-type]


def test_extract_many_argument_checks() -> None:
    extractor = chronoline.Extractor()
    with pytest.raises(TypeError, match="single str"):
        extractor.extract_many("one text")
    with pytest.raises(TypeError):
        extractor.extract_many([1, 2])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="2 items but texts has 1"):
        extractor.extract_many(["a"], ["2025-01-01", "2025-01-02"])
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        extractor.extract_many(["a", "b"], ids=["x"])
    with pytest.raises(TypeError, match="single str"):
        extractor.extract_many(["a"], ids="x")
    with pytest.raises(ValueError, match="at least 1"):
        extractor.extract_many(["a"], threads=0)
    with pytest.raises(chronoline.InvalidDctError, match="2025-13-40"):
        extractor.extract_many(["a", "b"], ["2025-01-01", "2025-13-40"])


def test_lone_surrogates_are_rejected_not_crashed_on() -> None:
    with pytest.raises(UnicodeEncodeError):
        chronoline.extract("bad \ud800 text")


def test_bad_json_is_a_chronoline_error() -> None:
    with pytest.raises(chronoline.ChronolineError, match="invalid chronoline json"):
        chronoline.Document.from_json("{")
    with pytest.raises(chronoline.ChronolineError, match="not within the text"):
        chronoline.Document.from_json(
            '{"id": "", "text": "\u00e9t\u00e9", "timexes": [{"id": "t1", "span": {"start": 0, "end": 1},'
            ' "text": "x", "type": "DATE", "value": "", "temporal_function": false, "rule": ""}]}'
        )


@pytest.mark.parametrize(
    "text",
    [
        "\u0301" * 50 + "on 7 December",
        "December " * 2000,
        "1" * 10000,
        "on the 31st of February 2025, at 25:61",
        "\U0001f600 " * 500 + "Wednesday",
        "\x00\x01\x02 7 Dec",
        "last last last next next this week of the month of the year " * 100,
    ],
)
def test_odd_text_never_raises(text: str) -> None:
    doc = chronoline.extract(text, dct="2025-12-07")
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_unreadable_and_bad_files_name_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "absent.tml"
    with pytest.raises(FileNotFoundError) as caught:
        chronoline.read_timeml(missing)
    assert caught.value.filename == str(missing)
    with pytest.raises(IsADirectoryError):
        chronoline.read_timeml(tmp_path)
    cases = {
        "latin1.tml": (b"<TimeML><TEXT>caf\xe9</TEXT></TimeML>", "not valid UTF-8"),
        "no-text.tml": (b"<TimeML><DOCID>d</DOCID></TimeML>", "no TEXT element"),
        "truncated.tml": (b"<TimeML><TEXT>half a fi", "never closed"),
        "empty.tml": (b"", "no root element"),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(chronoline.TimeMLError) as bad:
            chronoline.read_timeml(path)
        assert isinstance(bad.value, chronoline.ChronolineError)
        assert str(bad.value).startswith(str(path)), str(bad.value)
        assert expected in str(bad.value)


def test_a_line_of_a_million_digits() -> None:
    text = "7" * 10**6
    doc = chronoline.extract(text, dct="2025-12-07")
    assert len(doc.timexes) == 0
    doc = chronoline.extract(f"on {text} December 2025, and on 7 December 2025", dct="2025-12-07")
    assert [t.value for t in doc.timexes][-1:] == ["2025-12-07"]


@pytest.mark.parametrize(("separator", "mode"), [(" ", "news"), (". ", "narrative")])
def test_a_hundred_thousand_times_the_day_before(separator: str, mode: str) -> None:
    text = ("the day before" + separator) * 10**5
    doc = chronoline.extract(text, dct="2025-12-07", mode=mode)
    assert doc.timexes, "the last one at least is a date"
    previous_end = 0
    for timex in doc.timexes:
        assert timex.start >= previous_end
        previous_end = timex.end
        assert text[timex.start : timex.end] == timex.text
        assert chronoline.is_valid_timex_value(timex.value)


@pytest.mark.parametrize(
    "text",
    [
        "7December2025onWednesday,thedaybefore,2025-12-07,lastweek." * 2000,
        "\u0627\u062c\u062a\u0645\u0639 \u0627\u0644\u0645\u062c\u0644\u0633 \u0641\u064a 7 December 2025 \u062b\u0645 the day before " * 500,
        "\u202eon Wednesday\u202c \u05e0\u05e4\u05d2\u05e9\u05d5 2025-12-07 \u4f1a\u8b70\u306f2025\u5e7412\u67087\u65e5 " * 500,
        "\x00" * 10**5 + "7 December 2025" + "\x07\x1b\x7f" * 1000,
    ],
)
def test_no_whitespace_control_characters_and_mixed_scripts(text: str) -> None:
    doc = chronoline.extract(text, dct="2025-12-07")
    assert doc.text == text
    for timex in doc.timexes:
        assert text[timex.start : timex.end] == timex.text
        assert chronoline.is_valid_timex_value(timex.value)


def test_html_pages_are_written_whole_or_not_at_all(tmp_path) -> None:  # type: ignore[no-untyped-def]
    timeline = chronoline.Timeline([chronoline.extract("They met on 7 December 2025.", dct="2025-12-08")])
    nowhere = tmp_path / "no-such-dir" / "timeline.html"
    with pytest.raises(FileNotFoundError):
        timeline.to_html(nowhere)
    assert list(tmp_path.iterdir()) == []
    page = tmp_path / "timeline.html"
    page.write_text("old content", encoding="utf-8")
    written = timeline.to_html(page)
    assert page.read_text(encoding="utf-8") == written
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.html"]
