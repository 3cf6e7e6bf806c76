"""Chart labels break at spaces, never inside a word (English), and between characters (Japanese)."""

from __future__ import annotations

import html
import itertools
import re

import pytest

from dashboard.domain.format import wrap, wrap_label, wrap_lines
from dashboard.i18n.names import NAMES_EN
from dashboard.views import compare as cmp
from dashboard.views import priority as pr
from dashboard.views import treemap as tm

# Section names as the charts show them in English: a number, then the name.
ENGLISH = [f"({n})① {name}" for n, name in enumerate(NAMES_EN.values(), 1)]


def _words_whole(text: str, lines: list[str]) -> bool:
    """Every word of ``text`` stands whole on one line (the last may end in "…")."""
    shown = {w for line in lines for w in line.rstrip("…").split()}
    kept = text.split()[: len(shown)]
    return all(w in shown for w in kept)


@pytest.mark.parametrize("text", ENGLISH)
@pytest.mark.parametrize(("width", "lines"), [(14, 2), (10, None), (16, 2), (18, 2)])
def test_english_breaks_only_at_spaces(text: str, width: int, lines: int | None) -> None:
    out = wrap_lines(text, width, lines)
    if lines is None:
        assert " ".join(out) == text  # nothing lost, every break at a space
    else:
        assert len(out) <= lines
        body = " ".join(out).removesuffix(" …")
        assert text.startswith(body)
        assert text == body or text[len(body)] == " "  # cut between words
    assert _words_whole(text, out)


@pytest.mark.parametrize(
    ("text", "width", "lines", "expected"),
    [
        ("(1)① Green transformation (GX) and a stable energy supply", 14, 2, ["(1)① Green", "transformation (GX) …"]),
        ("(4)① Rebuilding the international order", 14, 2, ["(4)① Rebuilding the", "international order"]),
        ("中小企業活性化・事業承継総合支援事業", 8, 2, ["中小企業活性化・", "事業承継総合支…"]),
        ("(1)① GXの実現とエネルギー安定供給の確保", 10, None, ["(1)① GXの実現", "とエネルギー安定供給", "の確保"]),
        # a Latin word inside Japanese text stays whole
        ("次世代ALPS処理水対策事業", 4, None, ["次世代", "ALPS", "処理水対", "策事業"]),
        ("", 8, 2, [""]),
        ("Supercalifragilisticexpialidocious word", 5, None, ["Supercalifragilisticexpialidocious", "word"]),
    ],
)
def test_wrap_lines(text: str, width: int, lines: int | None, expected: list[str]) -> None:
    assert wrap_lines(text, width, lines) == expected


def test_escaping_after_wrapping_never_cuts_an_entity() -> None:
    label = wrap_label("R&D <b>x</b> & more & more & more", 6)
    assert "<b>" not in label and all(html.unescape(p) for p in label.split("<br>"))
    assert re.findall(r"&[a-z]*(?=<br>)", label) == []
    assert wrap("GX promotion measures", 8) == "GX promotion<br>measures"


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, (list, tuple)):
        return [s for v in node for s in _strings(v)]
    return []


def test_chart_labels_in_english_keep_words_whole(tables: dict) -> None:
    figures = [
        cmp.view(tables, cmp.Filters.from_values({"level": "section"}), "en").figures["bars"],
        cmp.view(tables, cmp.Filters.from_values({"level": "account"}), "en").figures["bars"],
        tm.view(tables, tm.Filters(), "en").figures["treemap"],
        *pr.view(tables, pr.Filters.from_values({"tab": "sections"}), "en").figures.values(),
    ]
    labels = [s for fig in figures if fig is not None for s in _strings(fig.to_plotly_json()) if "<br>" in s]
    words = {w.lower() for name in NAMES_EN.values() for w in re.findall(r"[A-Za-z]+", name)}
    cut = []
    for label in labels:
        lines = [html.unescape(re.sub(r"<[^>]+>", "", part)) for part in label.split("<br>")]
        for head, tail in itertools.pairwise(lines):
            end, start = re.search(r"([A-Za-z]+)$", head), re.match(r"([A-Za-z]+)", tail)
            if end and start and (end[1] + start[1]).lower() in words:
                cut.append(f"{end[1]} / {start[1]}")
    assert len(labels) > 20 and not cut, cut[:5]
