"""The `chronoline` command installed by the package: the Rust CLI."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CSV_COLUMNS = [
    "document",
    "start",
    "end",
    "text",
    "type",
    "value",
    "mod",
    "interval_start",
    "interval_end",
    "granularity",
    "rule",
]


def console_script() -> str:
    """The `chronoline` script installed next to this interpreter."""
    bindir = Path(sys.executable).parent
    for name in ("chronoline", "chronoline.exe"):
        if (bindir / name).exists():
            return str(bindir / name)
    found = shutil.which("chronoline")
    assert found, f"no chronoline command in {bindir} or on PATH: is the package installed?"
    return found


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    for command in ("extract", "timeline", "tempeval", "eval"):
        assert command in result.stdout


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chronoline", "--help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == run("--help").stdout


def test_a_bad_option_fails_with_a_message() -> None:
    result = run("extract", "--no-such-option")
    assert result.returncode != 0
    assert result.stderr.strip()


def test_extract_the_built_in_example() -> None:
    result = run("extract", "--example")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_extract_csv_columns() -> None:
    result = run("extract", "--example", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) > 1, "the example article has dates, durations and a weekday"
    types = {row[CSV_COLUMNS.index("type")] for row in rows[1:]}
    assert "DATE" in types


def test_extract_from_stdin_with_a_dct() -> None:
    result = run("extract", "-", "--dct", "2025-12-07", "--format", "csv", stdin="They met on 7 December 2025.\n")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["text"], r["value"]) for r in rows] == [("7 December 2025", "2025-12-07")]


def test_a_bad_dct_on_the_command_line() -> None:
    result = run("extract", "-", "--dct", "2025-13-40", stdin="on Monday")
    assert result.returncode != 0
    assert "2025-13-40" in result.stderr


@pytest.mark.skipif(not hasattr(os, "pipe"), reason="needs pipes")
def test_a_closed_pipe_ends_quietly() -> None:
    text = "They met on 7 December 2025.\n" * 20000
    with subprocess.Popen(
        [console_script(), "extract", "-", "--format", "csv"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdin and proc.stdout and proc.stderr
        try:
            proc.stdin.write(text.encode())
            proc.stdin.close()
        except BrokenPipeError:
            pass
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        proc.wait(timeout=120)
    assert "panicked" not in err
    assert "Traceback" not in err
