"""Side-by-side speed of chronoline and the Python tools that find dates in text.

Runs every tool in this one process on the same news text: the TEXT of the
TempEval-3 training files (TimeBank and AQUAINT, read with
``chronoline.read_timeml``) from ``../shared/data``, or the crate's example
article repeated when that folder is absent. Each tool produces every
expression it finds; the script prints characters per second, how many
times faster chronoline's timex-only extraction is, and the number of
expressions found. Slow tools run on a slice of the text and say so.

    python -m venv /tmp/venv && . /tmp/venv/bin/activate
    pip install -r benchmarks/requirements.txt
    pip install .            # or: maturin develop --release
    python benchmarks/compare.py [--slice CHARS] [--repeat N]

Peers (skipped with a note when not installed):

- dateparser ``search.search_dates(text, languages=['en'])``
- datefinder 1.x: ``find_dates`` (its default v2-compatible engine),
  ``find_dates(engine="legacy")`` (the regex + dateutil one of 0.7) and
  the Rust-kernel ``datefinder.extract``
- ctparse ``ctparse`` (it parses one expression per call, so it runs per
  sentence; a sentence counts as one expression when it parses)
- timefhuman ``timefhuman`` (a search over the text)

parsedatetime and dateutil are left out: they parse a given string and
cannot search a text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List, Optional, Tuple

try:
    import chronoline
except ImportError:  # measured through its command line instead (see below)
    chronoline = None

ROOT = Path(__file__).resolve().parent.parent
TEMPEVAL = ROOT.parent / "shared" / "data" / "tempeval3" / "train"


def load_texts() -> Tuple[List[Tuple[str, Optional[str]]], str]:
    texts = []
    for part in ("timebank", "aquaint"):
        folder = TEMPEVAL / part
        if folder.is_dir():
            for path in sorted(folder.glob("*.tml")):
                texts.append(read_timeml(path))
    if texts:
        return texts, "TempEval-3 training texts (../shared/data)"
    first, _, body = (ROOT / "data" / "example-article.txt").read_text().partition("\n")
    dct = first.split(":", 1)[1].strip()
    return [(body, dct)] * 200, "data/example-article.txt x200 (fallback)"


def read_timeml(path: Path) -> Tuple[str, Optional[str]]:
    if chronoline is not None:
        doc = chronoline.read_timeml(str(path))
        dct = doc.dct
        if dct is None:
            return doc.text, None
        # A `datetime` (or, in older versions, an object with a `.date`).
        if isinstance(dct, dt.date):
            return doc.text, dct.isoformat()[:10]
        return doc.text, str(dct.date)
    # Without the module: the TEXT element with its tags removed.
    xml = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.S)
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', xml)
    text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1) if body else ""))
    return text, dct.group(1) if dct else None


def cli_tool(name: str, binary: str, only_timexes: bool, folder: str) -> "Tool":
    """chronoline's command line over the texts written as files: one
    process per run, so it includes start-up (a few milliseconds)."""

    def run(_text: str, _dct: Optional[str]) -> int:
        raise RuntimeError("run through run_all")

    def run_all(texts: List[Tuple[str, Optional[str]]]) -> int:
        paths = []
        for i, (text, _) in enumerate(texts):
            path = os.path.join(folder, f"{i:05}.txt")
            if not os.path.exists(path):
                Path(path).write_text(text, encoding="utf-8")
            paths.append(path)
        args = [binary, "extract", "--format", "csv", "--dct", "1998-01-01"]
        if only_timexes:
            args += ["--only", "timexes"]
        out = subprocess.run(args + paths, check=True, capture_output=True, text=True).stdout
        return max(0, len(out.splitlines()) - 1)

    tool = Tool(name, run, False)
    tool.run_all = run_all
    return tool


def sentences(text: str) -> List[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip()]


class Tool:
    def __init__(self, name: str, run: Callable[[str, Optional[str]], int], sliced: bool) -> None:
        self.name = name
        self.run = run
        self.sliced = sliced
        self.run_all: Optional[Callable[[List[Tuple[str, Optional[str]]]], int]] = None


def tools() -> Tuple[List[Tool], List[str]]:
    found: List[Tool] = []
    missing: List[str] = []
    if chronoline is not None:
        timex_only = chronoline.Extractor(events=False)
        full = chronoline.Extractor()
        found.append(Tool("chronoline timex-only", lambda t, d: len(timex_only.extract(t, d).timexes), False))
        found.append(Tool("chronoline full (timexes)", lambda t, d: len(full.extract(t, d).timexes), False))
    else:
        binary = os.environ.get("CHRONOLINE_BIN") or shutil.which("chronoline") or str(ROOT / "target" / "release" / "chronoline")
        if not os.path.exists(binary):
            sys.exit("chronoline is not installed: pip install . (or set CHRONOLINE_BIN to the command line)")
        folder = tempfile.mkdtemp(prefix="chronoline-compare-")
        missing.append(f"the chronoline module (not importable): measured with the command line {binary}, one process per run")
        found.append(cli_tool("chronoline timex-only (CLI)", binary, True, folder))
        found.append(cli_tool("chronoline full (CLI, timexes)", binary, False, folder))
    try:
        import datefinder

        found.append(Tool(f"datefinder {datefinder_version()} find_dates", lambda t, d: sum(1 for _ in datefinder.find_dates(t)), True))
        found.append(Tool("datefinder find_dates(engine='legacy')", lambda t, d: sum(1 for _ in datefinder.find_dates(t, engine="legacy")), True))
        if hasattr(datefinder, "extract"):
            found.append(Tool("datefinder.extract (Rust kernel)", lambda t, d: len(datefinder.extract(t)), False))
        else:
            missing.append("datefinder.extract: not in this datefinder version")
    except ImportError:
        missing.append("datefinder: not installed")
    try:
        from dateparser.search import search_dates

        found.append(Tool("dateparser search_dates(en)", lambda t, d: len(search_dates(t, languages=["en"]) or []), True))
    except ImportError:
        missing.append("dateparser: not installed")
    try:
        import ctparse
        import logging

        # It logs every sentence it finds nothing in.
        logging.getLogger("ctparse").setLevel(logging.CRITICAL)

        def run_ctparse(text: str, dct: Optional[str]) -> int:
            ts = dt.datetime.fromisoformat(dct) if dct else None
            return sum(1 for s in sentences(text) if ctparse.ctparse(s, ts=ts, timeout=1.0) is not None)

        found.append(Tool("ctparse (per sentence)", run_ctparse, True))
    except ImportError:
        missing.append("ctparse: not installed")
    try:
        from timefhuman import timefhuman

        def run_timefhuman(text: str, dct: Optional[str]) -> int:
            got = timefhuman(text)
            if got is None:
                return 0
            return len(got) if isinstance(got, list) else 1

        found.append(Tool("timefhuman", run_timefhuman, True))
    except ImportError:
        missing.append("timefhuman: not installed")
    return found, missing


def datefinder_version() -> str:
    try:
        from importlib.metadata import version

        return version("datefinder")
    except Exception:
        return "?"


def take_chars(texts: List[Tuple[str, Optional[str]]], limit: int) -> List[Tuple[str, Optional[str]]]:
    out, total = [], 0
    for text, dct in texts:
        if total >= limit:
            break
        out.append((text, dct))
        total += len(text)
    return out


def measure(tool: Tool, texts: List[Tuple[str, Optional[str]]], repeat: int) -> Tuple[float, int, int]:
    """Best-of-`repeat` seconds, characters and expressions found."""
    chars = sum(len(t) for t, _ in texts)
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = tool.run_all(texts) if tool.run_all else sum(tool.run(t, d) for t, d in texts)
        best = min(best, time.perf_counter() - start)
    return best, chars, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slice", type=int, default=40_000, help="characters given to the slow tools (default 40000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per fast tool; the best is kept (default 3)")
    args = parser.parse_args()

    texts, source = load_texts()
    total = sum(len(t) for t, _ in texts)
    sliced = take_chars(texts, args.slice)
    print(f"text: {source}: {len(texts)} documents, {total:,} characters; slow tools get the first {sum(len(t) for t, _ in sliced):,}")
    print(f"python {sys.version.split()[0]}, chronoline {getattr(chronoline, '__version__', 'CLI')}, {os.cpu_count()} CPUs (one used)\n")
    found, missing = tools()
    results = []
    for tool in found:
        run_on = sliced if tool.sliced else texts
        seconds, chars, count = measure(tool, run_on, 1 if tool.sliced else args.repeat)
        results.append((tool, seconds, chars, count))
        print(f"  ran {tool.name}: {chars:,} chars in {seconds:.3f} s", file=sys.stderr)
    base = results[0][2] / results[0][1]
    full_cps = results[1][2] / results[1][1]
    print(f"{'tool':42} {'chars/s':>14} {'chronoline timex-only is':>25} {'expressions':>12} {'per 10k chars':>14}  text")
    for tool, seconds, chars, count in results:
        cps = chars / seconds
        scope = "slice" if tool.sliced else "all"
        print(f"{tool.name:42} {cps:14,.0f} {base / cps:24,.1f}x {count:12,} {count / chars * 1e4:14.1f}  {scope} ({chars:,})")
    for tool, seconds, chars, _ in results:
        if tool.name.startswith("dateparser"):
            print(f"\nchronoline full pipeline vs dateparser search_dates: {full_cps / (chars / seconds):,.0f}x faster")
    for note in missing:
        print(f"skipped {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
