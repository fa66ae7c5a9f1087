"""Times Extractor.extract_many on 1,000 news-like documents with 1 and 2
threads and prints the speed-up (issue 6 asks for at least 1.7x on 2 cores).

    python benchmarks/bench_extract_many.py [--docs 1000] [--repeat 3]

The documents are generated news paragraphs (benchmarks/common.py, no corpus
needed).
"""

from __future__ import annotations

import argparse
import os

import chronoline
from common import best_of, news_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    documents = news_documents(args.docs)
    texts = [text for _, text, _ in documents]
    dcts = [dct for _, _, dct in documents]
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
