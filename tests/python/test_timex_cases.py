"""The table-driven timex corpus (tests/data/timex_cases.tsv) through the Python API.

The columns and conventions are documented in tests/integration/timex_cases.rs, the
Rust runner of the same table. Offsets here are ``str`` indices.

Run with ``pytest tests/python/test_timex_cases.py``, or as a script for a
summary. Set ``CHRONOLINE_CASES=substring`` to run only the matching sentences.
"""

from __future__ import annotations

import csv
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

try:
    import chronoline
except ImportError as error:  # the binding is not built or installed
    pytest.skip(
        f"chronoline is not importable ({error}); build it with `maturin develop`",
        allow_module_level=True,
    )

CASES = Path(__file__).resolve().parent.parent / "data" / "timex_cases.tsv"


def read_rows() -> list[tuple[int, dict[str, str]]]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        # a line starting with "#" is a comment heading a block of rows
        lines = [(number, line) for number, line in enumerate(handle, start=1)]
        header = lines[0][1]
        rows = [(number, line) for number, line in lines[1:]
                if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(
            [header] + [line for _, line in rows], delimiter="\t", quoting=csv.QUOTE_NONE
        )
        return [(number, row) for (number, _), row in zip(rows, reader)]


def tag(value: object) -> str:
    """A TimeML spelling for a str or an enum-like attribute."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for attribute in ("value", "name"):
        inner = getattr(value, attribute, None)
        if isinstance(inner, str):
            return inner
    return str(value)


def bound(instant) -> str:
    # Aware datetimes keep their local wall time: the offset is checked apart.
    pattern = "%Y-%m-%dT%H:%M:%S" if instant.second else "%Y-%m-%dT%H:%M"
    return instant.strftime(pattern)


def offset(minutes) -> str:
    if minutes is None:
        return ""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def describe(timex) -> str:
    interval = timex.interval
    where = (
        "no interval"
        if interval is None
        else f"[{bound(interval.start)}, {bound(interval.end)})"
        f" exact={getattr(interval, 'exact', '?')}"
        f" offset={offset(getattr(interval, 'utc_offset_minutes', None))!r}"
    )
    mod = tag(timex.mod)
    return f"{timex.text!r} {tag(timex.type)} {timex.value}{' mod=' + mod if mod else ''} {where}"


def check(row: dict[str, str]) -> str | None:
    """What is wrong with one row, or None when it passes."""
    sentence, extent = row["sentence"], row["extent"]
    if not extent or sentence.count(extent) != 1:
        return f"malformed row: extent {extent!r} occurs {sentence.count(extent)} times"
    start = sentence.index(extent)
    end = start + len(extent)
    doc = chronoline.extract(sentence, dct=row["anchor"], mode=row["mode"])
    for timex in doc.timexes:
        if sentence[timex.start : timex.end] != timex.text:
            return f"offsets [{timex.start}, {timex.end}) do not cover {timex.text!r}"

    if row["type"] == "NONE":
        overlapping = [t for t in doc.timexes if t.start < end and start < t.end]
        if overlapping:
            return f"{extent!r} is not temporal, got " + "; ".join(map(describe, overlapping))
        return None

    matches = [t for t in doc.timexes if (t.start, t.end) == (start, end)]
    if not matches:
        got = "; ".join(map(describe, doc.timexes)) or "nothing"
        return f"missing {extent!r} {row['type']} {row['value']}; got {got}"
    timex = matches[0]
    problems = []

    def expect(what: str, want: str, got: str) -> None:
        if want != got:
            problems.append(f"{what} {want!r} != got {got!r}")

    expect("type", row["type"], tag(timex.type))
    expect("value", row["value"], timex.value)
    expect("mod", row["mod"], tag(timex.mod))
    want_start, want_end = row["interval_start"], row["interval_end"]
    interval = timex.interval
    if not want_start and not want_end:
        if interval is not None:
            problems.append("expected no interval")
    elif interval is None:
        problems.append(f"expected interval [{want_start}, {want_end}), got none")
    else:
        if want_start != "*":
            expect("interval start", want_start, bound(interval.start))
        if want_end != "*":
            expect("interval end", want_end, bound(interval.end))
        if row.get("exact"):
            expect("exact", row["exact"], str(bool(interval.exact)).lower())
        expect("utc offset", row.get("utc_offset", ""), offset(interval.utc_offset_minutes))
    if row.get("quant"):
        got = tag(getattr(timex, "quant", None))
        if row["quant"].lower() != got.lower():
            problems.append(f"quant {row['quant']!r} != got {got!r}")
    if row.get("freq"):
        expect("freq", row["freq"], tag(getattr(timex, "freq", None)))
    if row.get("rule"):
        expect("rule", row["rule"], timex.rule)
    if problems:
        return ", ".join(problems) + "; got " + describe(timex)
    return None


def run_all() -> tuple[list[str], Counter, Counter]:
    wanted = os.environ.get("CHRONOLINE_CASES", "")
    failures, passed, total = [], Counter(), Counter()
    for number, row in read_rows():
        if wanted not in row["sentence"]:
            continue
        total[row["type"]] += 1
        problem = check(row)
        if problem is None:
            passed[row["type"]] += 1
            continue
        mod = f" mod={row['mod']}" if row["mod"] else ""
        failures.append(
            f"line {number} [{row['mode']} {row['anchor']} {row['type']}] {row['sentence']!r}\n"
            f"    expected {row['extent']!r} {row['type']} {row['value']}{mod}\n"
            f"    {problem}"
        )
    return failures, passed, total


def summary(passed: Counter, total: Counter) -> str:
    return ", ".join(f"{kind} {passed[kind]}/{total[kind]}" for kind in sorted(total))


def test_the_case_table_is_well_formed():
    rows = read_rows()
    assert len(rows) >= 400
    assert {row["type"] for _, row in rows} >= {"DATE", "TIME", "DURATION", "SET", "NONE"}
    for number, row in rows:
        assert row["sentence"].count(row["extent"]) == 1, f"line {number}"
        assert row["mode"] in ("news", "narrative"), f"line {number}"
        assert bool(row["interval_start"]) == bool(row["interval_end"]), f"line {number}"


def test_every_case_in_the_table():
    failures, passed, total = run_all()
    if failures:
        pytest.fail(
            f"{len(failures)} of {sum(total.values())} timex cases failed ({summary(passed, total)})\n"
            + "\n".join(failures),
            pytrace=False,
        )


if __name__ == "__main__":
    failures, passed, total = run_all()
    print("\n".join(failures))
    print(f"{len(failures)} of {sum(total.values())} failed ({summary(passed, total)})")
    sys.exit(1 if failures else 0)
