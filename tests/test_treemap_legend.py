"""The treemap reads without hovering: colour bands with a legend, short titles, a said 未掲載 tile."""

from __future__ import annotations

import pytest

from dashboard.domain.labels import section_url_names
from dashboard.views import treemap as tm
from loaders.accounts import REGISTRY


def _view(tables: dict, lang: str = "ja", **values):
    return tm.view(tables, tm.Filters.from_values(values), lang)


def _nodes(view) -> dict[str, dict]:
    trace = view.figures["treemap"].data[0]
    return {
        i: {"label": label, "colour": colour, "text": text}
        for i, label, colour, text in zip(trace.ids, trace.labels, trace.marker.colors, trace.text, strict=True)
    }


def _section(tables: dict, slug: str) -> str:
    return next(sid for sid, name in section_url_names(tables["sections"]).items() if name == slug)


def test_a_rate_of_46_and_one_of_335_look_different(tables: dict) -> None:
    nodes = _nodes(_view(tables))
    gx, digital = nodes[_section(tables, "gx-energy")], nodes[_section(tables, "digital-ai")]  # +46.6%, +334.7%
    assert gx["colour"] != digital["colour"]
    assert tm._change_colour(-30) != tm._change_colour(-5) != tm._change_colour(5)
    bands = {colour for _, _, colour in tm.CHANGE_BANDS}
    assert len(bands) == len(tm.CHANGE_BANDS) and tm.NEW_COLOUR not in bands and tm.NO_BASE_COLOUR not in bands


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", ["▲25%以上の減", "▲25%〜0%", "+25%〜+100%", "+300%以上", "新規", "未掲載（個別記載なし）"]),
        ("en", ["−25% or less", "−25% to 0%", "+25% to +100%", "+300% or more", "new", "not itemised"]),
    ],
)
def test_the_legend_names_every_colour_on_the_chart(tables: dict, lang: str, words: list[str]) -> None:
    view = _view(tables, lang)
    figure = view.figures["treemap"]
    entries = {trace.name: trace.marker.color for trace in figure.data[1:]}
    assert all(w in entries for w in words), sorted(entries)
    assert figure.layout.showlegend and figure.layout.legend.itemclick is False
    used = {node["colour"] for node in _nodes(view).values()} - {tm.PARENT_COLOUR}
    assert used <= set(entries.values())
    focused = _view(tables, lang, focus="digital-ai")
    assert {n["colour"] for n in _nodes(focused).values()} - {tm.PARENT_COLOUR} <= set(entries.values())


def test_account_colours_come_from_the_registry(tables: dict) -> None:
    figure = _view(tables, "en", color="account").figures["treemap"]
    entries = {trace.name: trace.marker.color for trace in figure.data[1:]}
    assert entries["GX promotion measures"] == next(a.colour for a in REGISTRY if a.name == "GX推進対策費")
    assert {a.colour for a in REGISTRY} <= set(entries.values())


def test_pillars_and_themes_have_short_titles_and_the_path_bar_shows_text(tables: dict) -> None:
    for lang, fukushima in (("ja", "福島"), ("en", "Fukushima")):
        figure = _view(tables, lang).figures["treemap"]
        trace = figure.data[0]
        labels = dict(zip(trace.ids, trace.labels, strict=True))
        pillars = [i for i in trace.ids if i.startswith("pillar") and "/" not in i]
        assert fukushima in [labels[p] for p in pillars]
        # short enough for their tiles and the path bar (the longest whole name has 35 characters)
        assert max(len(labels[p]) for p in pillars) <= 35
        assert all(len(labels[i]) <= 30 for i in trace.ids if i.startswith("pillar") and "/" in i)
        assert trace.pathbar.visible and trace.pathbar.textfont.size >= 12


def test_the_unlisted_tile_says_its_amount_and_what_it_is(tables: dict) -> None:
    nodes = _nodes(_view(tables, "ja", focus="digital-ai"))
    unlisted = [n for n in nodes.values() if n["label"].startswith("未掲載")]
    texts = [n["text"].replace("<br>", "") for n in unlisted]
    assert all("資料の合計のうち個別に掲載されていない分" in text for text in texts) and texts
    assert any("未掲載（個別記載なし） 1,263億円" in text for text in texts)  # デジタル: 1,591 − 328
    english = [n for n in _nodes(_view(tables, "en", focus="digital-ai")).values() if n["label"] == "not itemised"]
    assert "does not itemise" in english[0]["text"].replace("<br>", " ")
