"""Timeline.plot() and the standalone HTML page, rendered in headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import chronoline
from conftest import A, B, dated


def test_plot_draws_bars_and_points() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    timeline = chronoline.Timeline([A, B])
    ax = timeline.plot()
    # 2021 and September 2025 last longer than a day: bars; the two days: points.
    assert len(ax.patches) == 2
    assert sum(len(line.get_xdata()) for line in ax.get_lines()) == 2
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["2021", "September 2025 (2025-09)", "7 December 2025 (2025-12-07)", "8 December 2025 (2025-12-08)"]
    import matplotlib.pyplot as plt

    fig, own = plt.subplots()
    assert timeline.plot(ax=own) is own
    empty = chronoline.Timeline([]).plot()
    assert len(empty.patches) == 0
    plt.close("all")


def test_plot_without_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"chronoline\[matplotlib\]"):
        chronoline.Timeline([A]).plot()


def test_html_page_is_standalone(tmp_path: Path) -> None:
    tricky = dated(
        "c",
        "It ended </script><b>on</b> 9 December 2025.",
        [("9 December 2025", "2025-12-09", "2025-12-09T00:00:00", "2025-12-10T00:00:00", "day")],
    )
    timeline = chronoline.Timeline([A, B, tricky])
    page = timeline.to_html(tmp_path / "timeline.html", title="Kabul & Geneva")
    assert (tmp_path / "timeline.html").read_text(encoding="utf-8") == page
    assert "http://" not in page and "https://" not in page and "src=" not in page
    assert "<title>Kabul &amp; Geneva</title>" in page
    assert page.count("</script>") == 1
    data = page[page.index("const ENTRIES = ") + len("const ENTRIES = ") : page.index(";\nconst rows")]
    entries = json.loads(data.replace("<\\/", "</"))
    assert [e["value"] for e in entries] == [e.value for e in timeline]
    assert chronoline.Timeline([]).to_html().startswith("<!DOCTYPE html>")


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is absent (apt-get install chromium; .ci/run installs it)")


def headless(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_html_page_renders_in_chromium(tmp_path: Path) -> None:
    timeline = chronoline.Timeline([A, B])
    page = tmp_path / "timeline.html"
    timeline.to_html(page)
    dom = headless("--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr
    # The rows are built by the page's script, so they prove it ran.
    assert dom.stdout.count('class="row"') == len(timeline) == 4
    for entry in timeline:
        assert entry.text in dom.stdout

    shot = tmp_path / "shot.png"
    result = headless(f"--screenshot={shot}", "--window-size=1000,400", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr
    image = pytest.importorskip("PIL.Image").open(shot).convert("RGB")
    data = image.tobytes()
    blue = sum(1 for i in range(0, len(data), 3) if data[i : i + 3] == b"\x1f\x77\xb4")
    # two long bars (2021, September 2025) and two short day marks, in timex blue
    assert blue > 1000, blue
