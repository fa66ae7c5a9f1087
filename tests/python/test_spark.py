"""chronoline.spark on a real local Spark session (local[2], the pyspark
package and the machine's Java): 500 documents made from the TempEval-3
training files give the same rows as Extractor.extract_many, and the
collected timeline equals the timeline of the documents."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import chronoline
from scale_corpus import Corpus, expected_rows, tempeval_corpus, without_positions

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'chronoline[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'chronoline[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime (java on PATH or JAVA_HOME): Spark cannot start", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402

from chronoline import _batch  # noqa: E402
from chronoline.spark import collect_timeline, extract_timeline  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    # Workers run this interpreter, which has chronoline installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("chronoline-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.session.timeZone", "UTC")
        # Several Arrow batches per partition, so positions carry across batches.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def frame(spark: Any, corpus: Corpus, partitions: int) -> Any:
    rows = list(zip(corpus.ids, corpus.texts, corpus.dcts))
    return spark.createDataFrame(
        spark.sparkContext.parallelize(rows, partitions),
        "url string, body string, published string",
    )


def test_500_documents_give_the_rows_of_extract_many(spark: Any) -> None:
    corpus = tempeval_corpus(500)
    df = frame(spark, corpus, partitions=4)
    rows = extract_timeline(df, text_col="body", dct_col="published", id_col="url")
    table = rows.toArrow()
    assert table.schema.equals(_batch.arrow_schema(), check_metadata=False)
    got = table.to_pylist()
    expected = expected_rows(corpus)
    assert len(got) == len(expected) > 5000
    assert without_positions(got) == without_positions(expected)
    # Positions increase in DataFrame order and are unique per document.
    by_position = sorted(got, key=lambda r: r["document_index"])
    order = list(dict.fromkeys(r["document"] for r in by_position))
    assert order == [i for i in corpus.ids if i in set(order)]
    assert len({(r["document_index"], r["document"]) for r in got}) == len(order)

    docs = chronoline.Extractor().extract_many(corpus.texts, corpus.dcts, ids=corpus.ids)
    timeline = collect_timeline(rows)
    assert timeline == chronoline.Timeline(docs)
    assert any(len(e.documents) > 1 for e in timeline), "no event was merged across documents"


def test_rows_stay_in_spark_until_collected(spark: Any) -> None:
    corpus = tempeval_corpus(40)
    rows = extract_timeline(frame(spark, corpus, partitions=2), "body", "published", "url")
    counts = {r["kind"]: r["count"] for r in rows.groupBy("kind").count().collect()}
    expected = expected_rows(corpus)
    assert counts == {k: sum(1 for r in expected if r["kind"] == k) for k in counts}
    # A filtered timeline keeps what is left of each document.
    events = collect_timeline(rows.where("kind = 'event'"), merge=False)
    assert len(events) == counts["event"]
    assert all(e.kind == "event" for e in events)


def test_dates_and_missing_ids(spark: Any) -> None:
    import datetime

    df = spark.createDataFrame(
        [("The council met on Sunday.", datetime.date(2025, 12, 8)), ("Nothing.", None)],
        "text string, dct date",
    )
    rows = extract_timeline(df, dct_col="dct").collect()
    assert {r["document"] for r in rows} == {"doc1"}
    met = [r for r in rows if r["text"] == "met"]
    assert met and met[0]["start"] == datetime.datetime(2025, 12, 7)


def test_bad_arguments_fail_on_the_driver(spark: Any) -> None:
    df = spark.createDataFrame([("a",)], "text string")
    with pytest.raises(ValueError, match="no column 'body'"):
        extract_timeline(df, text_col="body")
    with pytest.raises(chronoline.InvalidOptionError):
        extract_timeline(df, mode="poetry")


def test_the_example_script_runs(spark: Any) -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples" / "spark_timeline.py"
    spec = importlib.util.spec_from_file_location("spark_timeline_example", path)
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    timeline = example.run(spark, copies=2, partitions=3, show=False)
    corpus = example.example_corpus(copies=2)
    docs = chronoline.Extractor().extract_many(
        [c[2] for c in corpus], [c[1] for c in corpus], ids=[c[0] for c in corpus]
    )
    assert timeline == chronoline.Timeline(docs)
    assert any(len(e.documents) > 1 for e in timeline)
