"""What a reader takes away in the browser: the base of a figure, every row of the accounts, totals in words.

- 廃炉・汚染水・処理水対策事業【176 億円（149 億円（R4 補正））】: the 149 is the R4 supplementary
  budget; the grids show it in a column of its own, never under the initial budget nor in a change.
- The overview's accounts grid shows all its rows (the total 経済産業省関連合計 too) and the notes whole.
- /priority states the transfer's share and the total without it on the default view, and the
  listed sum against the stated total by direction.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.e2e.conftest import WIDTHS, shot, visit

PROJECT = "廃炉・汚染水・処理水対策事業"


def _grid(page, index: int):
    return page.locator("[data-testid=stDataFrame]").nth(index)


def _row_cells(page, index: int, text: str) -> dict[str, str]:
    """Header → cell text of the row of grid ``index`` holding ``text``, read from the grid's accessibility
    table (glide-data-grid builds it for the drawn rows and columns, matched here by aria-colindex)."""
    grid = _grid(page, index)
    row = grid.locator("tbody [role=row]").filter(has_text=text).first
    row.wait_for(state="attached", timeout=30_000)
    headers = {
        th.get_attribute("aria-colindex"): th.text_content() for th in grid.locator("thead [role=columnheader]").all()
    }
    return {headers.get(td.get_attribute("aria-colindex"), "?"): td.text_content() for td in row.locator("td").all()}


@pytest.mark.parametrize(
    ("lang", "base", "change", "other", "other_text", "metric", "metric_value"),
    [
        (
            "ja",
            "令和5年度 当初予算額（億円）",
            "増減（億円）",
            "当初予算以外の比較額（増減に含めない）",
            "149億円（R4補正）",
            "比較額（当初予算ではない）",
            "149億円",
        ),
        (
            "en",
            "FY2023 initial budget (100M yen)",
            "Change (100M yen)",
            "Base not from an initial budget (no change computed)",
            "¥14.9 billion (FY2022 supplementary)",
            "Base (not an initial budget)",
            "¥14.9 billion",
        ),
    ],
)
def test_items_show_the_supplementary_base_in_its_own_column(
    tabs, server, lang, base, change, other, other_text, metric, metric_value
) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/items?q={quote('廃炉')}&project={quote(PROJECT)}&lang={lang}")
    for index in (0, 1):  # the list and the project's detail
        cells = _row_cells(page, index, other_text)
        assert cells[base] in ("—", ""), cells
        assert cells[change] in ("—", ""), cells
        assert cells[other] == other_text, cells
        assert "149" not in cells[base] and "27" not in cells[change]
    box = page.locator("[data-testid=stMetric]").filter(has_text=metric)
    assert box.locator("[data-testid=stMetricValue]").inner_text().strip() == metric_value
    shot(page, f"figures-items-base-{lang}")


def test_compare_shows_the_supplementary_base_in_its_own_column(tabs, server) -> None:
    page = tabs(3000, 1000)  # a view only looked at: reached in the kept session (conftest.tabs)
    # Wide enough for the grid to draw every column (its accessibility table holds the drawn ones only).
    visit(page, f"{server}/compare?level=item&section=fukushima", charts=1)
    cells = _row_cells(page, 0, PROJECT)
    assert cells["令和5年度 当初予算額（億円）"] in ("—", "") and cells["増減（億円）"] in ("—", "")
    assert cells["当初予算以外の比較額（増減に含めない）"] == "149億円（R4補正）"
    assert cells["増減"] == "比較額は当初予算以外"


@pytest.mark.parametrize("width", WIDTHS.values())
@pytest.mark.parametrize(
    ("lang", "total", "note"), [("ja", "経済産業省関連合計", "新規要求"), ("en", "METI total", "too")]
)
def test_overview_shows_every_account_row_and_the_notes_whole(tabs, server, width, lang, total, note) -> None:
    page = tabs(width, 1000)  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/?lang={lang}", charts=1)
    grid = _grid(page, 0)
    assert int(grid.locator("[role=grid]").get_attribute("aria-rowcount")) - 1 == 11
    # No scrolling inside the grid: its scroller is as tall as its content, so the last row is drawn.
    inner = grid.locator(".dvn-scroller").first.evaluate("e => [e.scrollHeight, e.clientHeight]")
    assert inner[0] <= inner[1] + 1, inner
    # The accessibility table holds the rows the grid draws: the total is among them.
    assert total in grid.locator("tbody [role=row]").last.text_content()
    notes = page.locator("[data-testid=stMarkdown] li").all_inner_texts()
    gx = next(n for n in notes if "1兆8691億円" in n or "1.8691 trillion" in n)
    assert gx.rstrip().endswith(note)
    shot(page, f"figures-overview-{lang}-{width}")


@pytest.mark.parametrize(
    ("lang", "share", "without", "direction", "not_shown"),
    [
        ("ja", "66.4%", "814.08億円", "2,400億円より 8.08億円多くなります", "差 ▲8.08"),
        ("en", "66.4%", "¥81.41 billion", "¥808 million above the stated total of ¥240 billion", "difference −"),
    ],
)
def test_priority_default_view_states_the_transfer_share_in_words(
    tabs, server, lang, share, without, direction, not_shown
) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/priority?lang={lang}", charts=1)
    captions = " ".join(page.locator("[data-testid=stCaptionContainer]").all_inner_texts())
    assert share in captions and without in captions
    assert direction in captions and not_shown not in captions
    assert ("806億円" if lang == "ja" else "¥80.6 billion") in captions
    shot(page, f"figures-priority-{lang}")
