"""Times Extractor.extract_many on 1,000 news-like documents with 1 and 2
threads and prints the speed-up (issue 6 asks for at least 1.7x on 2 cores).

    python scripts/bench_extract_many.py [--docs 1000] [--repeat 3]

The documents are generated here (no corpus needed): short news paragraphs
with absolute dates, weekdays, durations and times.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import time

import chronoline

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


def documents(count: int, seed: int = 7) -> tuple[list[str], list[datetime.date]]:
    rng = random.Random(seed)
    texts, dcts = [], []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(8, 30)):
            parts.append(rng.choice(SENTENCES).format(
                weekday=rng.choice(WEEKDAYS), day=rng.randint(1, 28), month=rng.choice(MONTHS),
                n=rng.randint(2, 120), year=rng.randint(1995, 2024)))
        texts.append(" ".join(parts))
        dcts.append(datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364)))
    return texts, dcts


def best_of(repeat: int, run) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts, dcts = documents(args.docs)
    extractor = chronoline.Extractor()
    extractor.extract_many(texts[:20], dcts[:20])  # warm up
    one = best_of(args.repeat, lambda: extractor.extract_many(texts, dcts, threads=1))
    two = best_of(args.repeat, lambda: extractor.extract_many(texts, dcts, threads=2))
    found = sum(len(d.timexes) for d in extractor.extract_many(texts, dcts))
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    print(f"chronoline {chronoline.__version__}: {args.docs} documents, {megabytes:.1f} MB, "
          f"{found} timexes, {os.cpu_count()} cores")
    print(f"1 thread : {one:.3f} s ({megabytes / one:.1f} MB/s)")
    print(f"2 threads: {two:.3f} s ({megabytes / two:.1f} MB/s)")
    print(f"speed-up : {one / two:.2f}x")


if __name__ == "__main__":
    main()
