"""What the benchmark scripts share: generated news paragraphs (no corpus
needed: short sentences with absolute dates, weekdays, durations and
times, and a DCT in 2025 for each document; the same seed gives the same
documents) and a best-of-N timer."""

from __future__ import annotations

import datetime
import random
import time
from typing import Any, Callable

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SENTENCES = [
    "Speaking at a press conference on {weekday}, {day} {month}, the minister said talks had stalled.",
    "For {n} days the staff had continued their work despite being denied office access.",
    "The council will convene on {weekday} and the meeting will begin at 7:30 p.m. local time.",
    "A {month} report found that conditions had worsened over the past {n} months.",
    "Since {year}, the agreement signed in February {year} has shaped the region's politics.",
    "In recent weeks, officials warned that the coming days would be decisive.",
    "Nothing in the statement mentioned when the visit would take place.",
]


def news_documents(count: int, seed: int = 7) -> list[tuple[str, str, datetime.date]]:
    """``count`` documents as ``(id, text, dct)``: ids ``gen0``, ``gen1``,
    ..., each text 8 to 30 sentences."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        text = " ".join(
            rng.choice(SENTENCES).format(
                weekday=rng.choice(WEEKDAYS), day=rng.randint(1, 28), month=rng.choice(MONTHS),
                n=rng.randint(2, 120), year=rng.randint(1995, 2024),
            )
            for _ in range(rng.randint(8, 30))
        )
        dct = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        out.append((f"gen{i}", text, dct))
    return out


def best_of(repeat: int, run: Callable[[], Any]) -> float:
    """The shortest wall time of ``repeat`` calls of ``run``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
