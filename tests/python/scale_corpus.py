"""Documents for the tests of chronoline.spark, chronoline.dask and
chronoline.parallel, made from the TempEval-3 training files beside the
project (../shared/data; the tests skip with a message when it is absent).

Each training file gives two documents: its whole text, and the text from
its second paragraph on (same DCT), so that many events are reported by two
documents and the cross-document merge has work to do.
"""

from __future__ import annotations

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
    """``count`` documents (at most twice the number of training files)."""
    train = shared_data("tempeval3", "train")
    files = sorted(train.rglob("*.tml"))
    ids: list[str] = []
    texts: list[str] = []
    dcts: list[str | None] = []
    tails: list[tuple[str, str, str | None]] = []
    for path in files:
        doc = chronoline.read_timeml(path)
        dct = doc.dct.isoformat() if doc.dct is not None else None
        name = f"{path.parent.name}/{path.stem}"
        ids.append(name)
        texts.append(doc.text)
        dcts.append(dct)
        cut = doc.text.find("\n\n", doc.text.find("\n\n") + 1)
        if cut > 0 and doc.text[cut:].strip():
            tails.append((f"{name}#tail", doc.text[cut:], dct))
    for name, text, dct in tails:
        ids.append(name)
        texts.append(text)
        dcts.append(dct)
    if len(ids) < count:
        raise AssertionError(f"only {len(ids)} documents can be made from {train}, not {count}")
    return Corpus(ids[:count], texts[:count], dcts[:count])


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
