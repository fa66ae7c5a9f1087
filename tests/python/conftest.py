"""Shared helpers for the Python tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import chronoline

# The development corpora live beside the project, never inside it.
SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, skipping the test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared development data is not beside this checkout)")
    return path


def byte_span(text: str, start: int, end: int) -> dict[str, int]:
    """The byte span (as the Rust core stores it) of text[start:end]."""
    return {
        "start": len(text[:start].encode("utf-8")),
        "end": len(text[:end].encode("utf-8")),
    }


def make_document(text: str, timexes: list[tuple[str, str]], events: list[str] = ()) -> chronoline.Document:
    """A document built through chronoline's JSON, with a DATE timex on the
    first occurrence of each given substring and an event on each event word.

    This exercises the byte-to-str offset conversion independently of what
    the engine finds.
    """
    doc = {"id": "made", "text": text, "timexes": [], "events": []}
    for n, (piece, value) in enumerate(timexes, start=1):
        start = text.index(piece)
        doc["timexes"].append(
            {
                "id": f"t{n}",
                "span": byte_span(text, start, start + len(piece)),
                "text": piece,
                "type": "DATE",
                "value": value,
                "temporal_function": False,
                "rule": "test",
            }
        )
    for n, piece in enumerate(events, start=1):
        start = text.index(piece)
        doc["events"].append(
            {
                "id": f"e{n}",
                "instance_id": f"ei{n}",
                "span": byte_span(text, start, start + len(piece)),
                "text": piece,
                "class": "OCCURRENCE",
                "tense": "PAST",
                "aspect": "NONE",
                "polarity": "POS",
                "pos": "VERB",
                "rule": "test",
            }
        )
    return chronoline.Document.from_json(json.dumps(doc))


def dated(doc_id: str, text: str, pieces: list[tuple[str, str, str, str, str]]) -> chronoline.Document:
    """A document whose timexes carry the given intervals: (piece, value, start, end, granularity)."""
    doc = json.loads(make_document(text, [(p[0], p[1]) for p in pieces]).to_json())
    doc["id"] = doc_id
    for timex, (_, _, start, end, granularity) in zip(doc["timexes"], pieces):
        timex["interval"] = {"start": start, "end": end, "granularity": granularity, "exact": True}
    return chronoline.Document.from_json(json.dumps(doc))


A = dated(
    "a",
    "\U0001f4f0 The talks on 7 December 2025 followed a September 2025 report.",
    [
        ("7 December 2025", "2025-12-07", "2025-12-07T00:00:00", "2025-12-08T00:00:00", "day"),
        ("September 2025", "2025-09", "2025-09-01T00:00:00", "2025-10-01T00:00:00", "month"),
    ],
)
B = dated(
    "b",
    "\u6771\u4eac: since 2021, and again on 8 December 2025.",
    [
        ("2021", "2021", "2021-01-01T00:00:00", "2022-01-01T00:00:00", "year"),
        ("8 December 2025", "2025-12-08", "2025-12-08T00:00:00", "2025-12-09T00:00:00", "day"),
    ],
)
