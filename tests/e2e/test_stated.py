"""Stated totals first, signs, URL vocabulary and English, as a reader sees them in Chromium."""

from __future__ import annotations

from tests.e2e.conftest import grid_rows, open_page, shot, visit


def _ticks(page) -> list[str]:
    """The y-axis labels of the first chart, top to bottom (the chart's own SVG text)."""
    return page.evaluate(
        """() => [...document.querySelector('.js-plotly-plot').querySelectorAll('.ytick text')]
             .map(t => [t.getBoundingClientRect().top, t.textContent])
             .sort((a, b) => a[0] - b[0]).map(pair => pair[1])"""
    )


def _headers(page, index: int = 0) -> list[str]:
    return page.locator("[data-testid=stDataFrame]").nth(index).locator("[role=columnheader]").all_inner_texts()


def test_sections_by_stated_totals_gx_first_digital_second(tabs, server) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/compare", charts=1)
    ticks = _ticks(page)
    assert "GX" in ticks[0] and "+5,165億円" in ticks[0]
    assert "デジタル" in ticks[1] and "+1,225億円" in ticks[1]
    assert "資料の合計" in _headers(page)[1]


def test_account_gx_by_code_is_the_stated_plus_124_percent(tabs, server) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/compare?level=account&account=gx", charts=1)
    ticks = _ticks(page)
    assert len(ticks) == 1 and "+6,089億円" in ticks[0] and "+124.4%" in ticks[0]
    assert "account=gx" in page.url


def test_a_decrease_is_a_triangle_in_japanese_and_a_minus_in_english(tabs, server) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/compare?level=item&section=fukushima&top=all", charts=1)
    ticks = _ticks(page)
    decrease = next(t for t in ticks if t.startswith("福島国際研究教育機構関連事業"))  # 88 → 83億円
    assert decrease.endswith("▲5億円 (▲5.7%)")
    assert not [t for t in ticks if "+" in t and "▲" in t]  # never ▲ beside an increase
    shot(page, "stated-decrease-ja")
    visit(page, f"{server}/compare?level=item&section=fukushima&top=all&lang=en", charts=1)
    english = " ".join(_ticks(page))
    assert "▲" not in english and "\u2212¥500 million (\u22125.7%)" in english


def test_top_all_survives_a_reload(page, server) -> None:
    visit(page, f"{server}/compare?level=item&top=all", charts=1)
    assert grid_rows(page) == 120
    page.reload()
    open_page(page, page.url, charts=1)
    assert "top=all" in page.url and grid_rows(page) == 120


def test_old_links_keep_working(page, server) -> None:
    open_page(
        page, f"{server}/compare?account=GX%E6%8E%A8%E9%80%B2%E5%AF%BE%E7%AD%96%E8%B2%BB&section=p1-t1-s1", charts=1
    )
    assert not page.locator("[data-testid=stAlertContentWarning]").count()
    assert "account=gx" in page.url and "section=gx-energy" in page.url
