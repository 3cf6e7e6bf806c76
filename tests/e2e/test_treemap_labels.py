"""The treemap as drawn: the path bar says where you are, every pillar and theme has a visible
label at 1,400 px, the legend names the colours, the 未掲載 tile says what it is (SVG text read
back from the page, and a screenshot to look at)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import exceptions, shot, visit

DRAWN = """() => {
  const shown = el => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || +s.opacity === 0) return false;
    }
    return true;
  };
  const texts = sel => [...document.querySelectorAll(sel)].filter(shown).map(t => t.textContent);
  return {path: texts('.js-plotly-plot .pathbar text'), legend: texts('.js-plotly-plot .legend text.legendtext'),
          tiles: texts('.js-plotly-plot g.slice text.slicetext')};
}"""


@pytest.mark.parametrize(
    ("lang", "labels", "legend"),
    [
        (
            "ja",
            [
                "国内投資・イノベーション",
                "福島",
                "(1) 先端分野",
                "(2) イノベーション",
                "(3) 構造的課題",
                "(4) 有志国連携",
            ],
            ["▲25%以上の減", "+300%以上", "新規"],
        ),
        (
            "en",
            ["Domestic investment", "(1) Advanced fields", "(2) Innovation", "(3) Structural", "(4) Allies"],
            ["−25% or less", "+300% or more", "new"],
        ),
    ],
)
def test_top_level_is_labelled_with_a_legend(tabs, server, lang: str, labels: list[str], legend: list[str]) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/treemap?lang={lang}", charts=1)
    assert not exceptions(page)
    drawn = page.evaluate(DRAWN)
    missing = [label for label in labels if not any(text.startswith(label) for text in drawn["tiles"])]
    assert not missing, (missing, drawn["tiles"])
    assert all(word in drawn["legend"] for word in legend), drawn["legend"]
    shot(page, f"treemap-labels-{lang}")


def test_an_opened_section_names_its_path_and_its_unlisted_part(tabs, server) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/treemap?focus=digital-ai", charts=1)
    drawn = page.evaluate(DRAWN)
    assert "(1) 先端分野への投資" in drawn["path"] and "施策体系の合計" in drawn["path"]
    assert any(text.startswith("未掲載（個別記載なし） 1,263億円資料の合計のうち") for text in drawn["tiles"])
    projects = [text for text in drawn["tiles"] if "億円 · " in text]
    assert len(projects) >= 6, projects  # the opened section's larger projects are labelled, not blank tiles
    shot(page, "treemap-labels-focus")
