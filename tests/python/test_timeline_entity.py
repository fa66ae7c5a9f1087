"""Entity timelines, the SemEval-2015 format, its scorer and the interval
algebra of entries, from Python: the same as the Rust API."""

from __future__ import annotations

import pytest

import chronoline
from conftest import shared_data

TEXT = (
    "Steve Jobs unveiled iPhone 4 on Monday at the conference. "
    "He praised its design. "
    "The board met later, and Tim Cook resigned."
)


def _docs() -> list[chronoline.Document]:
    return [chronoline.extract(TEXT, dct="2010-06-08", id="16844")]


def test_of_entity_keeps_the_entity_s_events_with_str_spans() -> None:
    docs = _docs()
    timeline = chronoline.Timeline.of_entity(docs, "Steve Jobs")
    texts = [e.text for e in timeline]
    assert "unveiled" in texts and "praised" in texts
    assert "resigned" not in texts and "met" not in texts
    unveiled = next(e for e in timeline if e.text == "unveiled")
    assert unveiled.value == "2010-06-07"
    for entry in timeline:
        start, end = entry.span
        assert docs[0].text[start:end] == entry.text
    # Aliases, and options.
    assert [e.text for e in chronoline.Timeline.of_entity(docs, ["Jobs", "Steve Jobs"])] == texts
    no_pronouns = chronoline.Timeline.of_entity(docs, "Steve Jobs", pronouns=False)
    assert "praised" not in [e.text for e in no_pronouns]
    strict = chronoline.Timeline.of_entity(docs, "Jobs Steve", partial_names=False)
    assert len(strict) == 0
    assert len(chronoline.Timeline.of_entity(docs, "Tim Cook", max_words=0)) <= len(
        chronoline.Timeline.of_entity(docs, "Tim Cook")
    )


def test_of_entity_refuses_bad_arguments() -> None:
    with pytest.raises(TypeError, match="entity must be"):
        chronoline.Timeline.of_entity(_docs(), 5)  # type: ignore[arg-type]
    with pytest.raises(chronoline.InvalidOptionError, match="recent_days"):
        chronoline.Timeline.of_entity(_docs(), "Apple", recent_days=-1)
    with pytest.raises(TypeError, match="not a single Document"):
        chronoline.Timeline.of_entity(_docs()[0], "Apple")  # type: ignore[arg-type]
    with pytest.raises(chronoline.InvalidOptionError, match="more than once"):
        chronoline.Timeline.of_entity(_docs() * 2, "Apple")


def test_semeval2015_export_and_scorer() -> None:
    timeline = chronoline.Timeline.of_entity(_docs(), "Steve Jobs")
    out = timeline.to_semeval2015("Steve Jobs")
    lines = out.splitlines()
    assert lines[0] == "Steve Jobs"
    assert "1\t2010-06-07\t16844-1-unveiled" in lines
    gold = "Steve Jobs\n1\t2010-06\t16844-1-unveiled\n2\t2010-06-08\t16844-9-left\n"
    scores = chronoline.evaluate_timeline(gold, out)
    assert scores["gold"] == 2 and scores["matched"] == 1
    assert scores["recall"] == 0.5
    assert 0 < scores["precision"] <= 1 and 0 < scores["f1"] < 1
    assert scores["tau"] is None  # one matched mention: no order to compare
    perfect = chronoline.evaluate_timeline(gold, gold)
    assert (perfect["f1"], perfect["tau"]) == (1.0, 1.0)
    # A gold date with unknown parts is as coarse as its known parts.
    assert chronoline.evaluate_timeline("e\n1\t2010-XX-XX\t1-1-x\n", "e\n1\t2010-06-07\t1-1-x\n")["f1"] == 1.0
    with pytest.raises(chronoline.ChronolineError, match="line 2"):
        chronoline.evaluate_timeline("e\n1\t2006\n", gold)
    with pytest.raises(ValueError):
        chronoline.evaluate_timeline(gold, "e\nfirst\t2006\t1-2-x\n")


def test_entry_interval_algebra() -> None:
    doc = chronoline.extract(
        "Talks began in early September 2025. Staff were barred on 7 September 2025. "
        "The talks ended on 7 December 2025.",
        dct="2025-12-08",
    )
    timeline = chronoline.Timeline([doc])
    by_value = {e.value: e for e in timeline}
    seventh, december = by_value["2025-09-07"], by_value["2025-12-07"]
    assert seventh.relation_to(december) == "before"
    assert december.relation_to(seventh) == "after"
    assert seventh.precedes(december) and december.follows(seventh)
    assert not seventh.overlaps(december) and seventh.overlaps(seventh)
    assert seventh.relation_to(seventh) == "equals"
    early = next(e for e in timeline if e.value == "2025-09" and e.interval and not e.interval.exact)
    # "early September" does not claim to precede or contain 7 September.
    assert early.relation_to(seventh) is None
    assert not early.precedes(seventh)
    assert early.relation_to(december) == "before"


def test_merged_mentions_and_sentence_ids() -> None:
    xml = (
        '<TimeML><DOCID>{id}</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2010-06-08" '
        'functionInDocument="CREATION_TIME">2010-06-08</TIMEX3></DCT><TEXT>'
        '<s id="1">June 8 , 2010</s><s id="2">Apple unveiled the Kabul phone on 7 June 2010 .</s>'
        "</TEXT></TimeML>"
    )
    extractor = chronoline.Extractor()
    docs = [extractor.extract_document(chronoline.parse_timeml(xml.format(id=i))) for i in ("a", "b")]
    timeline = chronoline.Timeline(docs, timexes=False)
    merged = [e for e in timeline if e.mentions]
    assert merged, [e.text for e in timeline]
    entry = merged[0]
    assert entry.sentence_id == "2"
    (mention,) = entry.mentions
    assert mention["document"] != entry.document
    assert (mention["text"], mention["sentence_id"], mention["sentence_index"]) == (entry.text, "2", 1)
    assert mention["interval"] == entry.interval
    assert entry.documents == (entry.document, mention["document"])
    unmerged = chronoline.Timeline(docs, timexes=False, merge=False)
    assert all(e.mentions == () for e in unmerged)


def test_the_trial_data_as_in_rust() -> None:
    folder = shared_data("timeline-trial")
    extractor = chronoline.Extractor()
    docs = [extractor.extract_document(chronoline.read_timeml(p)) for p in sorted((folder / "raw-timeml").glob("*.tml"))]
    f1s = []
    for gold_path in sorted((folder / "gold-timelines").glob("*.txt")):
        gold = gold_path.read_text(encoding="utf-8")
        entity = gold.splitlines()[0].strip()
        system = chronoline.Timeline.of_entity(docs, entity).to_semeval2015(entity)
        f1s.append(chronoline.evaluate_timeline(gold, system)["f1"])
    assert len(f1s) == 6
    assert sum(f1s) / len(f1s) >= 0.30
