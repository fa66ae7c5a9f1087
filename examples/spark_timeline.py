"""A timeline of several news reports built on Apache Spark.

    pip install 'chronoline[spark]'        # pyspark 4 and pyarrow; Spark needs Java 17+
    python examples/spark_timeline.py [--copies 200] [--partitions 4]

It runs on a local Spark (``local[2]``, two worker threads on this machine)
over the built-in example article (``data/example-article.txt``) and four
short follow-up reports of the same port strike, written for this example.
``--copies N`` repeats the corpus N times under new ids, to watch Spark
work on more rows.

What happens:

1. ``extract_timeline(df, text_col=..., dct_col=..., id_col=...)`` adds a
   ``mapInArrow`` stage: each Python worker builds one chronoline Extractor
   and turns Arrow batches of texts into Arrow batches of timeline rows (one
   row per entry of each document's own timeline: event, class, value,
   type, start, end, granularity, sentence, offsets ...). The rows are a
   Spark DataFrame: filter, aggregate or write them (Parquet, Delta) as any
   other.
2. ``collect_timeline(rows)`` brings the rows to the driver and builds one
   ``chronoline.Timeline``, where the same event reported by several
   documents is merged ("the strike ended" in three reports is one entry
   with three documents).

On a real cluster
-----------------

- **Install chronoline on every executor**, the same version as on the
  driver: ``pip install chronoline`` in the cluster's image or bootstrap
  script, or ship a packed virtualenv:
  ``venv-pack -o env.tar.gz`` then
  ``spark-submit --archives env.tar.gz#env --conf spark.pyspark.python=./env/bin/python``.
  The wheel is abi3 (any CPython 3.9+), one per platform: build or download
  the ``manylinux`` x86_64 or aarch64 wheel that matches the executors, not
  the laptop that submits the job.
- **Executor cores**: Spark runs one task per core (``spark.executor.cores``,
  ``spark.task.cpus=1``), each task one Python worker with one Extractor,
  so leave ``threads=1`` (the default). To give each task several threads
  instead (fewer, bigger Python workers), set ``spark.task.cpus=k`` and
  ``extract_timeline(..., threads=k)``.
- **Memory**: an Extractor takes a few MB; the rows are about 10 to 40 per
  article. Leave room for Python beside the JVM:
  ``spark.executor.memoryOverhead`` (or ``spark.executor.pyspark.memory``).
- **Partitions**: at least 2 to 4 per core in the cluster, and enough that a
  partition holds some thousands of articles at most (``df.repartition(n)``
  before ``extract_timeline``); ``spark.sql.execution.arrow.maxRecordsPerBatch``
  (10,000 by default) bounds the rows of one Arrow batch, lower it for very
  long texts.
- **Python workers** are reused between tasks (``spark.python.worker.reuse``,
  on by default), so each builds its Extractor once.
- **Collect only what you need**: ``collect_timeline`` merges on the driver,
  which holds all the rows it is given. Filter first (a date range, the
  documents about an entity) or write the rows out and merge per story.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import chronoline

ROOT = Path(__file__).resolve().parents[1]

# Follow-up reports of the strike in data/example-article.txt, written for
# this example: (id, DCT, text).
FOLLOW_UPS = [
    (
        "valmora-herald-0315",
        "2025-03-15",
        "Port workers in Valmora ended their strike on Friday after 45 days, and "
        "the container terminal reopened this morning. Union leaders said the "
        "agreement, signed on Tuesday, raises wages by 4 per cent in April.",
    ),
    (
        "coastal-wire-0314",
        "2025-03-14",
        "The Valmora port strike ended on Friday, 14 March. The labour ministry "
        "said union leaders had signed the agreement on Tuesday at 9 a.m. local "
        "time. More than 300 ships are still waiting offshore.",
    ),
    (
        "shipping-daily-0317",
        "2025-03-17",
        "The first vessels docked in Valmora on Monday morning, three days after "
        "port workers ended their strike. Shipping companies expect the backlog "
        "to clear by the end of the month.",
    ),
    (
        "valmora-herald-0402",
        "2025-04-02",
        "Dock wages in Valmora rose by 4 per cent on Tuesday, as the March "
        "agreement promised. Negotiations for the next contract will start in "
        "September.",
    ),
]


def example_corpus(copies: int = 1) -> list[tuple[str, str, str]]:
    """The example article and its follow-ups as (id, dct, text) rows."""
    head, _, article = (ROOT / "data" / "example-article.txt").read_text(encoding="utf-8").partition("\n")
    rows = [("valmora-article", head.removeprefix("dct:").strip(), article.strip())]
    rows += FOLLOW_UPS
    if copies == 1:
        return rows
    return [(f"{i}/{doc_id}", dct, text) for i in range(copies) for doc_id, dct, text in rows]


def local_spark(partitions: int = 4) -> Any:
    """A light local Spark session: two worker threads on this machine."""
    from pyspark.sql import SparkSession

    # The Python workers must find chronoline: use this interpreter.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master("local[2]")
        .appName("chronoline-example")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )


def run(spark: Any, copies: int = 1, partitions: int = 4, show: bool = True) -> chronoline.Timeline:
    """Builds the rows on Spark and the merged timeline on the driver."""
    from chronoline.spark import collect_timeline, extract_timeline

    corpus = example_corpus(copies)
    # In a real job: spark.read.parquet(...), then .repartition(n) if needed.
    articles = spark.createDataFrame(
        spark.sparkContext.parallelize(corpus, partitions), "url string, published string, body string"
    )

    rows = extract_timeline(articles, text_col="body", dct_col="published", id_col="url")
    if show:
        print("The rows are a Spark DataFrame:")
        dated = rows.where("start IS NOT NULL").orderBy("start", "document")
        dated.select("document", "kind", "text", "class", "value", "start", "granularity").show(
            12, truncate=False
        )
        rows.groupBy("kind", "granularity").count().orderBy("kind", "granularity").show()

    timeline = collect_timeline(rows)
    if show:
        merged = [e for e in timeline if len(e.documents) > 1]
        print(f"{len(timeline)} timeline entries, {len(merged)} reported by several documents:")
        for entry in merged:
            print(f"  {entry.start:%Y-%m-%d %H:%M}  {entry.text!r:14} {entry.interval.granularity:6} "
                  f"{', '.join(entry.documents)}")
    return timeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()
    spark = local_spark(args.partitions)
    spark.sparkContext.setLogLevel("ERROR")
    try:
        run(spark, copies=args.copies, partitions=args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
