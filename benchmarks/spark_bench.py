"""Documents per second: chronoline.spark on Spark local[2] versus
Extractor.extract_many with 2 threads, on the same documents.

    python benchmarks/spark_bench.py [--docs 2000] [--repeat 3] [--partitions 4]

The documents come from the TempEval-3 training files beside the project
(../shared/data/tempeval3/train: each file's text, then the same texts from
their second, third, ... paragraph on), or, where that folder is absent,
are generated news paragraphs. Needs the spark extra and Java 17+.

What is timed:

- ``extract_many``: ``Extractor.extract_many(texts, dcts, ids=..., threads=2)``;
- ``extract_many + rows``: the same plus the timeline rows of each document
  (``chronoline._batch.document_rows``), the work a Spark task does;
- ``spark``: ``extract_timeline(df)`` written to Spark's ``noop`` sink (every
  row computed, nothing collected), the input DataFrame cached beforehand,
  after one warm-up run that starts the Python workers;
- ``collect_timeline``: the rows brought to the driver and merged into one
  Timeline.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

import chronoline
from chronoline import _batch
from common import best_of, news_documents


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3" / "train"

def tempeval_documents(count: int) -> list[tuple[str, str, str | None]] | None:
    if not SHARED.is_dir():
        return None
    sources = []
    for path in sorted(SHARED.rglob("*.tml")):
        doc = chronoline.read_timeml(path)
        dct = doc.dct.isoformat() if doc.dct is not None else None
        starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", doc.text)]
        sources.append((f"{path.parent.name}/{path.stem}", doc.text, dct, starts))
    out: list[tuple[str, str, str | None]] = []
    for paragraph in range(max(len(s[3]) for s in sources)):
        for name, text, dct, starts in sources:
            if paragraph < len(starts) and text[starts[paragraph] :].strip():
                out.append((f"{name}#{paragraph}", text[starts[paragraph] :], dct))
                if len(out) == count:
                    return out
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()

    documents = tempeval_documents(args.docs)
    source = "TempEval-3 training texts"
    if documents is None or len(documents) < args.docs:
        generated = news_documents(args.docs)
        documents = [(name, text, dct.isoformat()) for name, text, dct in generated]
        source = "generated news paragraphs (benchmarks/common.py)"
    ids = [d[0] for d in documents]
    texts = [d[1] for d in documents]
    dcts = [d[2] for d in documents]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6

    extractor = chronoline.Extractor()
    extractor.extract_many(texts[:50], dcts[:50], threads=2)  # warm up

    def many() -> list[chronoline.Document]:
        return extractor.extract_many(texts, dcts, ids=ids, threads=2)

    def many_rows() -> Any:
        return _batch.document_rows(many(), range(len(texts)))

    local = best_of(args.repeat, many)
    local_rows = best_of(args.repeat, many_rows)
    row_count = many_rows().num_rows

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from chronoline.spark import collect_timeline, extract_timeline

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("chronoline-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(
        spark.sparkContext.parallelize(list(zip(ids, texts, dcts)), args.partitions),
        "id string, text string, dct string",
    ).cache()
    df.count()
    rows = extract_timeline(df, dct_col="dct", id_col="id")

    def on_spark() -> None:
        rows.write.format("noop").mode("overwrite").save()

    on_spark()  # warm up: Python workers start, Extractors are built
    distributed = best_of(args.repeat, on_spark)
    collect = best_of(1, lambda: collect_timeline(rows))
    spark.stop()

    print(f"chronoline {chronoline.__version__}: {len(texts)} documents ({source}), "
          f"{megabytes:.1f} MB, {row_count} timeline rows, {os.cpu_count()} cores, "
          f"best of {args.repeat}")
    print(f"extract_many, 2 threads        : {local:7.2f} s  {len(texts) / local:8.0f} docs/s")
    print(f"extract_many + rows, 2 threads : {local_rows:7.2f} s  {len(texts) / local_rows:8.0f} docs/s")
    print(f"spark local[2], {args.partitions} partitions   : {distributed:7.2f} s  "
          f"{len(texts) / distributed:8.0f} docs/s  ({distributed / local:.2f}x the time of extract_many)")
    print(f"collect_timeline (driver merge): {collect:7.2f} s")


if __name__ == "__main__":
    main()
