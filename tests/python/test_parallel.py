"""extract_many runs in parallel without the GIL and keeps input order."""

from __future__ import annotations

import datetime
import threading

import pytest

import chronoline

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def corpus(n: int) -> list[str]:
    texts = []
    for i in range(n):
        day = 1 + i % 28
        texts.append(
            f"Report {i}: the council met on {day} March 2024 and will meet again on "
            f"{WEEKDAYS[i % 7]}. " + "Nothing else happened. " * (i % 5)
        )
    return texts


def dcts(n: int) -> list[object]:
    base = datetime.date(2024, 3, 1)
    return [base + datetime.timedelta(days=i % 40) if i % 3 else None for i in range(n)]


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 64])
def test_extract_many_equals_a_loop(threads: int | None) -> None:
    extractor = chronoline.Extractor()
    texts, anchors = corpus(200), dcts(200)
    expected = [extractor.extract(t, d) for t, d in zip(texts, anchors)]  # type: ignore[arg-type]
    got = extractor.extract_many(texts, anchors, threads=threads)  # type: ignore[arg-type]
    assert got == expected
    assert [d.text for d in got] == texts
    assert sum(len(d.timexes) for d in got) >= 200


def test_extract_many_accepts_any_iterable() -> None:
    extractor = chronoline.Extractor()
    texts = corpus(10)
    from_generator = extractor.extract_many((t for t in texts), iter(["2024-03-01"] * 10))
    assert from_generator == extractor.extract_many(tuple(texts), ("2024-03-01",) * 10)
    assert extractor.extract_many([]) == []


def test_one_extractor_shared_by_eight_threads() -> None:
    extractor = chronoline.Extractor()
    texts, anchors = corpus(80), dcts(80)
    expected = [extractor.extract(t, d) for t, d in zip(texts, anchors)]  # type: ignore[arg-type]
    results: dict[int, list[chronoline.Document]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(worker: int) -> None:
        try:
            start.wait()
            # each thread walks the texts in its own order
            n = len(texts)
            order = [(i + worker * 10) % n for i in range(n)]
            if worker % 2:
                order.reverse()
            got = {i: extractor.extract(texts[i], anchors[i]) for i in order}  # type: ignore[arg-type]
            results[worker] = [got[i] for i in range(len(texts))]
            # and the batch call from several threads at once
            assert extractor.extract_many(texts[:20], anchors[:20], threads=2) == expected[:20]  # type: ignore[arg-type]
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert sorted(results) == list(range(8))
    assert sum(len(d.timexes) for d in expected) >= 80, "the engine found too little"
    for got in results.values():
        assert got == expected


def test_document_ids() -> None:
    extractor = chronoline.Extractor()
    docs = extractor.extract_many(["one", "two", "three"], ids=["a", "b", "c"], threads=2)
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert extractor.extract("one", id="x").id == "x"
    assert chronoline.extract("one", id="y").id == "y"
    assert chronoline.extract("one").id == ""
