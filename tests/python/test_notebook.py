"""Runs the example notebook top to bottom, as Jupyter would, and fails on any error.

Each code cell runs in one shared namespace; a cell's last expression is
displayed through its `_repr_html_` when it has one (as Jupyter does), so
the rich displays run too. No Jupyter installation is needed.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "walkthrough.ipynb"


def run_notebook(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": "__main__"}
    shown = []
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        tree = ast.parse(source, filename=f"cell {number}")
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"cell {number}", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), f"cell {number}", "eval"), namespace)
            html = getattr(value, "_repr_html_", None)
            shown.append(html() if callable(html) else repr(value))
    return shown


def test_the_example_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)
    shown = run_notebook(NOTEBOOK)
    assert any("chronoline-document" in s for s in shown)
    assert any("chronoline-timeline" in s for s in shown)
    page = (tmp_path / "valmora-timeline.html").read_text(encoding="utf-8")
    assert "Valmora port strike" in page
    import matplotlib.pyplot as plt

    plt.close("all")
