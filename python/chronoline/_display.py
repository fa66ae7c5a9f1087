"""Timeline plots (matplotlib, an optional extra) and the standalone HTML page."""

from __future__ import annotations

import html
import json
import os
from typing import Any

from chronoline._frames import require

KIND_COLORS = {"timex": "#1f77b4", "event": "#d62728"}


def _label(entry: Any) -> str:
    if entry.value and entry.value != entry.text:
        return f"{entry.text} ({entry.value})"
    return entry.text


def _place(entry: Any) -> tuple[Any, Any, str]:
    """Where an entry goes on the axis: (start, end, how), in the text's own
    time. An event placed only by its relation to the DCT sits at the DCT;
    an undated one has no place."""
    if entry.interval is not None:
        return entry.interval.start.replace(tzinfo=None), entry.interval.end.replace(tzinfo=None), "interval"
    if entry.anchor is not None:
        start, end = entry.anchor.start.replace(tzinfo=None), entry.anchor.end.replace(tzinfo=None)
        relation = entry.dct_relation or ""
        if relation in ("BEFORE", "IBEFORE", "ENDED_BY", "ENDS"):
            return start, start, "before"
        if relation in ("AFTER", "IAFTER", "BEGUN_BY", "BEGINS"):
            return end, end, "after"
        return start, end, "interval"
    return None, None, "none"


def plot(timeline: Any, ax: Any = None) -> Any:
    """Draws each entry on a time axis: a bar for its interval, a point when it
    lasts a day or less. Returns the matplotlib Axes."""
    require("matplotlib", "matplotlib", "Timeline.plot()")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    entries = timeline.entries
    if ax is None:
        _, ax = plt.subplots(figsize=(10, max(2.0, 0.32 * len(entries) + 1.0)))
    for row, entry in enumerate(entries):
        first, last, how = _place(entry)
        if how == "none":
            continue
        start, end = mdates.date2num(first), mdates.date2num(last)
        color = KIND_COLORS.get(entry.kind, "#555555")
        if how in ("before", "after"):
            ax.plot([start], [row], "<" if how == "before" else ">", color=color)
        elif end - start <= 1.0:
            ax.plot([start + (end - start) / 2], [row], "o", color=color)
        else:
            ax.barh(row, end - start, left=start, height=0.6, color=color, alpha=0.75)
    ax.set_yticks(range(len(entries)))
    ax.set_yticklabels([_label(e) for e in entries])
    ax.set_ylim(max(len(entries), 1) - 0.5, -0.5)
    ax.xaxis_date()
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"chronoline timeline: {len(entries)} entries")
    return ax


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>__TITLE__</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; overflow-x: hidden; }
h1 { font-size: 1.3em; }
#filter { width: 20em; padding: 0.3em; margin-bottom: 1em; }
.axis { position: relative; height: 1.6em; margin-left: 30%; margin-right: 1em; border-bottom: 1px solid #999; font-size: 0.8em; color: #555; }
.tick { position: absolute; bottom: 0.2em; transform: translateX(-50%); white-space: nowrap; }
.row { display: flex; align-items: center; height: 1.7em; }
.row:hover { background: #f3f3f3; }
.label { width: 30%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 0.9em; padding-right: 0.5em; box-sizing: border-box; }
.lane { position: relative; flex: 1; height: 100%; margin-right: 1em; }
.bar { position: absolute; top: 25%; height: 50%; min-width: 6px; border-radius: 3px; }
.bar.timex { background: #1f77b4; }
.bar.event { background: #d62728; }
.row.selected { background: #fff3c4; }
#details { margin-top: 1em; font-size: 0.9em; min-height: 1.5em; }
</style>
</head>
<body>
<h1>__TITLE__</h1>
<input id="filter" type="search" placeholder="filter entries by text or value">
<div class="axis" id="axis"></div>
<div id="rows"></div>
<div id="details"></div>
<script>
const ENTRIES = __ENTRIES__;
const rows = document.getElementById("rows");
const axis = document.getElementById("axis");
const details = document.getElementById("details");
const placed = ENTRIES.filter(e => e.start !== null);
const times = placed.flatMap(e => [Date.parse(e.start + "Z"), Date.parse(e.end + "Z")]);
const lo = times.length ? Math.min(...times) : 0, hi = times.length ? Math.max(...times) : 1;
const span = Math.max(hi - lo, 1);
const at = t => (100 * (Date.parse(t + "Z") - lo) / span);
for (let i = 0; i <= 4; i++) {
  const tick = document.createElement("span");
  tick.className = "tick";
  tick.style.left = (25 * i) + "%";
  tick.style.transform = "translateX(" + (-25 * i) + "%)";
  tick.textContent = times.length ? new Date(lo + span * i / 4).toISOString().slice(0, 10) : "";
  axis.appendChild(tick);
}
ENTRIES.forEach((e, i) => {
  const row = document.createElement("div");
  row.className = "row";
  const value = e.value || "";
  row.dataset.search = (e.text + " " + value + " " + e.document).toLowerCase();
  const label = document.createElement("div");
  label.className = "label";
  label.textContent = e.text + (value && value !== e.text ? " (" + value + ")" : "");
  const lane = document.createElement("div");
  lane.className = "lane";
  if (e.start !== null) {
    const bar = document.createElement("div");
    bar.className = "bar " + e.kind;
    bar.style.left = at(e.start) + "%";
    bar.style.width = Math.max(at(e.end) - at(e.start), 0) + "%";
    bar.title = e.kind + " " + value + ": " + (e.relation ? e.relation + " " : "") + e.start +
      " to " + e.end + " (" + e.granularity + ")";
    lane.appendChild(bar);
  }
  row.append(label, lane);
  row.addEventListener("click", () => {
    document.querySelectorAll(".row.selected").forEach(r => r.classList.remove("selected"));
    row.classList.add("selected");
    details.textContent = e.kind + " \u201c" + e.text + "\u201d = " + value +
      (e.start !== null ? ", [" + e.start + ", " + e.end + ") " + e.granularity : ", undated") +
      (e.relation ? ", " + e.relation + " the DCT" : "") + (e.document ? ", document " + e.document : "") +
      " \u2014 " + e.sentence;
  });
  rows.appendChild(row);
});
document.getElementById("filter").addEventListener("input", ev => {
  const q = ev.target.value.toLowerCase();
  rows.childNodes.forEach(r => { r.style.display = r.dataset.search.includes(q) ? "" : "none"; });
});
</script>
</body>
</html>
"""


def to_html(timeline: Any, path: Any = None, title: str = "chronoline timeline") -> str:
    """A standalone page (no network needed) with the timeline drawn as bars,
    a filter box and details on click. Written to ``path`` when given."""
    entries = []
    for e in timeline.entries:
        start, end, _ = _place(e)
        entries.append(
            {
                "document": e.document,
                "kind": e.kind,
                "text": e.text,
                "value": e.value,
                "start": start.isoformat() if start is not None else None,
                "end": end.isoformat() if end is not None else None,
                "granularity": (e.interval or e.anchor).granularity if (e.interval or e.anchor) else None,
                "relation": e.dct_relation,
                "sentence": e.sentence,
            }
        )
    # "</" inside a script element would end it early.
    data = json.dumps(entries, ensure_ascii=False).replace("</", "<\\/")
    page = PAGE.replace("__TITLE__", html.escape(title)).replace("__ENTRIES__", data)
    if path is not None:
        _write_atomically(os.fspath(path), page)
    return page


def _write_atomically(path: str, text: str) -> None:
    """Writes through a temporary file in the same folder, renamed into
    place, so that a reader never sees half a page and a failed write leaves
    the old file (or none)."""
    folder, name = os.path.split(path)
    temp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise
