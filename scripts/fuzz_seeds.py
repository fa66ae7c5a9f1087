#!/usr/bin/env python3
"""Writes the fuzz seed corpora in fuzz/seeds/<target>/: short sentences
built from templates (never texts from ../shared/data), so that the fuzzer
starts from inputs that reach the rules and stays cheap per execution.

    python3 scripts/fuzz_seeds.py          (rewrites fuzz/seeds/)

Deterministic: the same seeds every run. An `extract` seed is one
configuration byte (mode, preference, events, DCT or not), three DCT bytes
and the text, as fuzz/fuzz_targets/extract.rs reads them.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "fuzz" / "seeds"

SUBJECTS = ["The council", "Officials", "She", "The company", "Rebels", "The court", "He", "Troops"]
VERBS = ["met", "said", "will convene", "announced", "attacked", "had left", "is meeting", "resigned"]
TIMES = [
    "on Wednesday",
    "on 7 December 2025",
    "Sunday, 7 December",
    "for 91 days",
    "over the past three months",
    "since 2021",
    "two decades ago",
    "in recent weeks",
    "in the coming days",
    "at 7:30 p.m. Kabul time",
    "in early September",
    "the day before",
    "the next day",
    "last week",
    "next year",
    "this Friday",
    "in 2025-W49",
    "in Q4",
    "in the 1990s",
    "in the 20th century",
    "in 480 BC",
    "the previous century",
    "for a minute and a half",
    "yesterday morning",
    "tonight",
    "every Monday",
    "every summer",
    "on 31 February 2025",
    "at 25:61",
    "on 1/2/3",
    "on 12/31/1999",
    "in mid-2024",
    "in the summer of 1969",
    "two weeks ago",
    "three days later",
    "at noon",
    "at midnight",
    "on Dec. 7",
    "by the end of the year",
    "in the first half of 2024",
    "late last night",
    "earlier this month",
    "2025-12-07T09:30",
    "the weekend before last",
    "for the last 10 years",
    "in 1999 and 2000",
    "from Monday to Friday",
    "twice a week",
    "now",
    "recently",
]
ODD = ["", "\u00e9t\u00e9 ", "\u0627\u0644\u0645\u062c\u0644\u0633 ", "\u4f1a\u8b70 ", "\t", "\u00a0", "\u200b", "(", "\"", "\u2014"]

DCT_VALUES = ["2025-12-07", "2025-12-07T09:30", "1999-12-31", "0001-01-01", "9999-12-31", "2024-02-29T23:59:59+05:30"]
NOT_DCTS = ["2025-13-40", "2025-02-30", "tomorrow", "", "2025-12-07T25:00", "+10000-01-01", "2025-12-07T09:30:00.5"]
OPTIONS = ["news", "narrative", "nearest", "past", "future", "News", "poetry"]
VALUES = ["2025-12-07", "P91D", "XXXX-WXX-3", "2025-W49-WE", "BC0480", "PT1M30S", "PAST_REF", "2025-Q4", "T19:30Z"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(TIMES)]
    if rng.random() < 0.5:
        words.append(rng.choice(["and", "but", "while", ",", "after"]))
        words.append(rng.choice(TIMES))
    text = " ".join(words) + rng.choice([".", "!", "?", ";", ""])
    if rng.random() < 0.2:
        text = rng.choice(ODD) + text
    return text


def write(target: str, name: str, data: bytes) -> None:
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def named(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


def main() -> None:
    rng = random.Random(8)
    for target in ("extract", "timeml", "options"):
        for old in (SEEDS / target).glob("*"):
            old.unlink()
    for _ in range(300):
        text = sentence(rng)
        if rng.random() < 0.3:
            text += " " + sentence(rng)
        head = bytes([rng.randrange(256), rng.randrange(256), rng.randrange(256), rng.randrange(256)])
        data = head + text.encode()
        write("extract", named(data), data)
    for _ in range(60):
        text = sentence(rng)
        time = next(t for t in TIMES if t in text)
        at = text.find(time)
        value = rng.choice(VALUES)
        marked = (
            text[:at].replace("&", "&amp;")
            + f'<TIMEX3 tid="t1" type="DATE" value="{value}">{time}</TIMEX3>'
            + text[at + len(time) :].replace("&", "&amp;")
        )
        dct = rng.choice(DCT_VALUES)
        xml = (
            f"<TimeML><DOCID>d{rng.randrange(100)}</DOCID>"
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>'
            f'<TEXT><s id="1">{marked}</s> <EVENT eid="e1" class="OCCURRENCE">said</EVENT></TEXT>'
            '<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>'
            '<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>'
            "</TimeML>"
        )
        write("timeml", named(xml.encode()) + ".tml", xml.encode())
    for text in DCT_VALUES + NOT_DCTS + OPTIONS + VALUES:
        data = text.encode()
        write("options", named(data), data)


if __name__ == "__main__":
    main()
