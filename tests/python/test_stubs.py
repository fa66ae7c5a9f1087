"""The hand-written stubs match the compiled module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import chronoline


def test_stubs_and_py_typed_are_installed() -> None:
    package = Path(chronoline.__file__).parent
    for name in ("py.typed", "__init__.pyi", "_chronoline.pyi"):
        assert (package / name).exists(), name


def test_stubtest() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install chronoline[test])")
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "chronoline"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_public_names() -> None:
    for name in chronoline.__all__:
        assert hasattr(chronoline, name), name
    assert chronoline.Document.__module__ == "chronoline"
    assert chronoline.Timex.__module__ == "chronoline"
