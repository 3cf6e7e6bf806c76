"""One Plotly escape (``dashboard.domain.format.plotly_text``): document text in a chart stays text."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from dashboard.views.years import CHANGED, changes_figure

ROOT = Path(__file__).resolve().parent.parent
NAME = "研究開発型スタートアップ支援R&D事業 <b>費</b>"


def _label(name: str) -> str:
    rows = pd.DataFrame({"name": [name], "status": [CHANGED], "change_oku": [5.0], "change_pct": [10.0]})
    return changes_figure(rows, "a", "b", "ja").data[0].y[0]


def test_a_label_is_escaped_after_it_is_wrapped() -> None:
    """/years' largest changes: "&" takes one character's room on the chart, not the five of "&amp;" (the
    name was escaped before it was wrapped, so lines broke early), and no tag of the name is read."""
    label = _label(NAME)
    assert "<b>" not in label and "&lt;b&gt;" in label
    shown = [len(html.unescape(line)) for line in label.split("<br>")]
    plain = [len(line) for line in _label(NAME.replace("&", "x").replace("<", "(").replace(">", ")")).split("<br>")]
    assert shown == plain


def test_views_escape_through_the_one_helper() -> None:
    """No view escapes chart text by hand (html.escape), so a fix to the escape reaches every chart."""
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{n}"
        for path in sorted((ROOT / "dashboard" / "views").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "html.escape(" in line
    ]
    assert not found
