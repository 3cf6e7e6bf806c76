"""The treemap in a real browser: labels that fit, drill-down, the link to a section's projects, English.

Screenshots (artifacts/screenshots/treemap_*.png): 1,400 and 400 px wide, ja and en, drilled
into a theme, and opened at a small section.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

from dashboard.views.treemap import MAXDEPTH
from tests.e2e.conftest import WIDTHS, after_transition, exceptions, grid_rows, shot, visit, wait_idle

#: Japanese script, CJK punctuation and full-width forms.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
SMALL_SECTION = "p1-t4-s2"  # (4)② 経済安全保障の実現: 97億円 of ~2兆円, too small to read from the top

# Every drawn tile's text: its lines, whether it is shown, and whether it stays inside its tile.
TILES = """
() => [...document.querySelectorAll('.js-plotly-plot g.slice')].map((slice) => {
  const text = slice.querySelector('text.slicetext');
  const surface = slice.querySelector('path.surface');
  if (!text || !surface) return null;
  const lines = [...text.querySelectorAll('tspan.line')].map((t) => t.textContent);
  const words = lines.length ? lines : [text.textContent];
  const style = getComputedStyle(text);
  const box = text.getBoundingClientRect(), tile = surface.getBoundingClientRect();
  const shown = words.join('').trim() !== '' && style.opacity !== '0' && style.display !== 'none'
    && box.width > 0 && parseFloat(text.getAttribute('font-size') || style.fontSize) > 0;
  const inside = box.left >= tile.left - 1 && box.right <= tile.right + 1
    && box.top >= tile.top - 1 && box.bottom <= tile.bottom + 1;
  return {lines: words, shown, inside, size: parseFloat(style.fontSize)};
}).filter(Boolean)
"""


VISIBLE_SLICES = """
() => [...document.querySelectorAll('.js-plotly-plot g.slice path.surface')]
  .filter((p) => { const r = p.getBoundingClientRect(); return r.width > 1 && r.height > 1; }).length
"""


def _tiles(page) -> list[dict]:
    return [tile for tile in page.evaluate(TILES) if tile["shown"]]


def _text(tiles: list[dict]) -> str:
    """The tiles' text, lines joined both ways (Japanese breaks inside words, English at spaces)."""
    return " ".join(" ".join(tile["lines"]) + " " + "".join(tile["lines"]) for tile in tiles)


@pytest.fixture(scope="module")
def source_names(tables: dict) -> list[str]:
    """Names as printed in the document (they stay Japanese in English mode), longest first."""
    names = set(tables["items"]["name"].dropna()) | set(tables["priority_requests"]["name"].dropna())
    return sorted(names, key=len, reverse=True)


def _japanese_outside_names(lines: list[str], names: list[str]) -> list[str]:
    """Lines with Japanese that is not part of a source name (tiles break names into lines)."""
    leftovers = []
    for line in lines:
        rest = line
        for name in names:
            rest = rest.replace(name, " ")
        if JAPANESE.search(rest) and not any(rest.strip().rstrip("…") in name for name in names):
            leftovers.append(line)
    return leftovers


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_labels_are_readable_and_fit_their_tiles(tabs, server: str, lang: str, width: str) -> None:
    page = tabs(WIDTHS[width], 1000)  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/treemap" + ("?lang=en" if lang == "en" else ""), charts=1)
    assert not exceptions(page)
    tiles = _tiles(page)
    shot(page, f"treemap_{lang}_{WIDTHS[width]}")
    text = _text(tiles)
    theme = "(1) 先端分野への" if lang == "ja" else "(1) Advanced fields"  # short titles (names.SHORT_NAMES)
    assert theme in text, text
    assert len(tiles) >= 3  # the pillar's title strip and at least two themes are labelled
    assert all(tile["inside"] for tile in tiles), [t["lines"] for t in tiles if not t["inside"]]
    assert min(tile["size"] for tile in tiles) >= 10, "no label is shrunk below a readable size"
    # two levels at a time: no project tile is drawn from the top (plotly keeps the rest at zero size)
    assert page.evaluate(VISIBLE_SLICES) <= 20


def test_a_click_on_a_theme_opens_its_sections_and_projects(page, server: str) -> None:
    visit(page, f"{server}/treemap", charts=1)
    before = page.evaluate(VISIBLE_SLICES)
    theme = page.locator(".js-plotly-plot g.slice").filter(has_text="(2) イノベーション").first
    after_transition(page, theme.click)  # plotly's zoom transition has ended (plotly_animated)
    # the theme becomes the top tile (its title in the header) with its sections under it
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot g.slice text.slicetext')]"
        ".some((t) => t.textContent.startsWith('(2)② イノベーション'))",
        timeout=10_000,
    )
    text = _text(_tiles(page))
    assert "(2) イノベーション" in text and "(2)② イノベーションエコシステムの構築" in text
    assert "国際博覧会事業" in text  # and their projects, one level further down
    assert page.evaluate(VISIBLE_SLICES) > before
    assert MAXDEPTH == 3
    shot(page, "treemap_ja_1400_drilled")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_focused_section_links_to_its_project_list(page, server: str, tables: dict, lang: str) -> None:
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 1000})
    query = f"?focus={SMALL_SECTION}" + ("&lang=en" if lang == "en" else "")
    visit(page, f"{server}/treemap{query}", charts=1)
    text = _text(_tiles(page))
    assert ("経済安全保障" if lang == "ja" else "Economic security") in text
    assert "重要技術総合管理事業" in text  # its projects are readable once opened
    shot(page, f"treemap_{lang}_1400_focus")
    link = page.locator("[data-testid=stPageLink] a")
    assert link.count() == 1
    link.click()
    page.wait_for_url(re.compile(r"/items\?"), timeout=20_000)
    wait_idle(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["section"] == ["economic-security"]  # the readable name of SMALL_SECTION
    assert query.get("lang") == (["en"] if lang == "en" else None)
    expected = int((tables["items"]["section_id"] == SMALL_SECTION).sum())
    assert grid_rows(page, 0) == expected


def test_phone_focus_on_a_small_section(tabs, server: str) -> None:
    page = tabs(WIDTHS["phone"], 900)  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/treemap?focus={SMALL_SECTION}&lang=en", charts=1)
    tiles = _tiles(page)
    assert tiles and all(tile["inside"] for tile in tiles)
    shot(page, "treemap_en_400_focus")


def test_english_page_shows_no_japanese_outside_source_names(page, server: str, source_names: list[str]) -> None:
    visit(page, f"{server}/treemap?lang=en", charts=1)
    main = page.locator("[data-testid=stMain]")
    lines = [line for line in main.inner_text().splitlines() if line.strip()]
    lines += [line for tile in page.evaluate(TILES) for line in tile["lines"]]
    assert not _japanese_outside_names(lines, source_names), _japanese_outside_names(lines, source_names)
    # one level down the projects appear, with their names as printed and English around them
    after_transition(page, page.locator(".js-plotly-plot g.slice").filter(has_text="(1) Advanced fields").first.click)
    tiles = page.evaluate(TILES)
    drilled = [line for tile in tiles for line in tile["lines"]]
    assert any(JAPANESE.search(line) for line in drilled), "project names stay as printed"
    assert not _japanese_outside_names(drilled, source_names), _japanese_outside_names(drilled, source_names)
    # a project's hover: labels in English, years as FY
    box = page.locator(".js-plotly-plot g.slice").filter(has_text="¥").last.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".js-plotly-plot .hoverlayer text", timeout=5_000)
    hover = page.locator(".js-plotly-plot .hoverlayer text").all_text_contents()
    assert hover and not _japanese_outside_names(hover, source_names), hover
    assert "FY2023 vs FY2024" in " ".join(hover)
    assert not _japanese_outside_names([line for line in pd.Series(hover).tolist()], source_names)
