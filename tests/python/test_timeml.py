"""TimeML in and out from Python."""

from __future__ import annotations

from pathlib import Path

import pytest

import chronoline
from conftest import shared_data

SMALL = """<?xml version="1.0" ?>
<TimeML>
<DOCID>small</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-07" temporalFunction="false" functionInDocument="CREATION_TIME">2025-12-07</TIMEX3></DCT>
<TEXT>The council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-12-07">7 December 2025</TIMEX3> in Z\u00fcrich \U0001f600.</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB" tense="PAST" aspect="NONE" polarity="POS"/>
</TimeML>
"""


def test_parse_small_timeml() -> None:
    doc = chronoline.parse_timeml(SMALL)
    assert doc.id == "small"
    assert doc.text == "The council met on 7 December 2025 in Z\u00fcrich \U0001f600."
    (timex,) = doc.timexes
    assert (timex.id, timex.value, timex.type) == ("t1", "2025-12-07", "DATE")
    assert doc.text[timex.start : timex.end] == "7 December 2025"
    (event,) = doc.events
    assert (event.text, event.event_class, event.tense) == ("met", "OCCURRENCE", "PAST")
    assert str(doc.dct) == "2025-12-07"


def test_to_timeml_round_trip() -> None:
    doc = chronoline.parse_timeml(SMALL)
    again = chronoline.parse_timeml(doc.to_timeml())
    assert again.text == doc.text
    assert [(t.start, t.end, t.value) for t in again.timexes] == [(t.start, t.end, t.value) for t in doc.timexes]


def test_extracted_document_to_timeml_keeps_the_text() -> None:
    text = "  Leading spaces, \U0001f600 and <angle> & ampersands on 7 December 2025.\n\n"
    doc = chronoline.extract(text, dct="2025-12-08")
    assert chronoline.parse_timeml(doc.to_timeml()).text == text


def test_malformed_timeml_is_a_timeml_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(chronoline.TimeMLError) as caught:
        chronoline.read_timeml(bad)
    assert "bad.tml" in str(caught.value)
    with pytest.raises(chronoline.TimeMLError):
        chronoline.parse_timeml("<TimeML><TEXT>a</TIMEX3></TEXT></TimeML>")


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        chronoline.read_timeml(tmp_path / "absent.tml")


def test_read_a_training_file() -> None:
    folder = shared_data("tempeval3", "train", "timebank")
    path = sorted(folder.glob("*.tml"))[0]
    doc = chronoline.read_timeml(path)
    assert doc.timexes
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    assert chronoline.parse_timeml(doc.to_timeml()).text == doc.text
