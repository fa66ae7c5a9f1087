"""Documents for the tests of chronoline.spark, chronoline.dask and
chronoline.parallel, made from the TempEval-3 training files beside the
project (../shared/data; the tests skip with a message when it is absent).

Each training file gives several documents: its whole text, and the text
from its second, third, ... paragraph on (same DCT), so that many events
are reported by several documents and the cross-document merge has work to
do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import chronoline
from conftest import shared_data


@dataclass(frozen=True)
class Corpus:
    ids: list[str]
    texts: list[str]
    dcts: list[str | None]

    def __len__(self) -> int:
        return len(self.ids)

    def head(self, count: int) -> "Corpus":
        return Corpus(self.ids[:count], self.texts[:count], self.dcts[:count])


def tempeval_corpus(count: int) -> Corpus:
    """``count`` documents: every training file's text, then (round after
    round) the same texts from their second, third, ... paragraph on."""
    train = shared_data("tempeval3", "train")
    sources = []
    for path in sorted(train.rglob("*.tml")):
        doc = chronoline.read_timeml(path)
        dct = doc.dct.isoformat() if doc.dct is not None else None
        starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", doc.text)]
        sources.append((f"{path.parent.name}/{path.stem}", doc.text, dct, starts))
    ids: list[str] = []
    texts: list[str] = []
    dcts: list[str | None] = []
    for paragraph in range(max((len(s[3]) for s in sources), default=0)):
        for name, text, dct, starts in sources:
            if len(ids) == count:
                return Corpus(ids, texts, dcts)
            if paragraph >= len(starts) or not text[starts[paragraph] :].strip():
                continue
            ids.append(name if paragraph == 0 else f"{name}#{paragraph}")
            texts.append(text[starts[paragraph] :])
            dcts.append(dct)
    raise AssertionError(f"only {len(ids)} documents can be made from {train}, not {count}")


def expected_rows(corpus: Corpus, extractor: chronoline.Extractor | None = None) -> list[dict]:
    """The rows of Extractor.extract_many's documents, as the batch code
    writes them for documents at positions 0, 1, 2, ..."""
    from chronoline import _batch

    extractor = extractor or chronoline.Extractor()
    docs = extractor.extract_many(corpus.texts, corpus.dcts, ids=corpus.ids)
    return _batch.document_rows(docs, range(len(docs))).to_pylist()


def without_positions(rows: list[dict]) -> list[dict]:
    """Rows in document order with ``document_index`` left out (Spark and
    Dask number documents per partition, not 0, 1, 2, ...)."""
    ordered = sorted(rows, key=lambda r: (r["document_index"], r["entry"]))
    return [{k: v for k, v in r.items() if k != "document_index"} for r in ordered]
