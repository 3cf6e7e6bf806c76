"""What analysts do in the browser: hover the treemap, filter, share the URL, download the CSV."""

from __future__ import annotations

import csv
import io
import urllib.parse

import pytest

from dashboard.i18n import t
from tests.e2e.conftest import exceptions, grid_rows, open_page, shot, visit, wait_idle

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_treemap_hover_shows_a_projects_figures(page, server) -> None:
    # Two levels at a time: the projects show once the GX section is focused (or drilled into).
    open_page(page, f"{server}/treemap?focus=gx-energy", charts=1)
    slices = page.locator(".js-plotly-plot g.slice")
    assert slices.count() > 10, "treemap has (almost) no tiles"
    # The largest project tile of the first section: hover its centre.
    tile = page.locator(".js-plotly-plot g.slice", has_text="蓄電池の製造サプライチェーン").first
    tile.hover()
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5000)
    hover = page.locator(".hoverlayer .hovertext").text_content()
    shot(page, "treemap-hover")
    assert "4,958" in hover and "億円" in hover, hover


def test_compare_bars_and_level_change(page, server) -> None:
    open_page(page, f"{server}/compare", charts=1)
    bars = page.locator(".js-plotly-plot .barlayer .point")
    assert bars.count() >= 10
    before = grid_rows(page)
    page.locator("[data-testid=stButtonGroup] button", has_text=t("cmp.level.item")).first.click()
    wait_idle(page, charts=1)
    assert "level=item" in page.url
    after = grid_rows(page)
    assert after != before
    shot(page, "compare-items")
    open_page(page, page.url, charts=1)  # the link, loaded again: a new app session
    assert grid_rows(page) == after
    assert exceptions(page) == []


def _type_filter(page, label: str, text: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(text)
    box.press("Enter")
    wait_idle(page)


@pytest.mark.parametrize(
    ("path", "label_key", "text", "charts"),
    [("priority", "pr.f.q", "中小企業", 1), ("items", "it.filter.q", "運営費交付金", 0)],
)
def test_typed_filter_changes_rows_and_url_and_the_url_reproduces_them(
    page, server, path: str, label_key: str, text: str, charts: int
) -> None:
    open_page(page, f"{server}/{path}", charts=charts)
    before = grid_rows(page)
    _type_filter(page, t(label_key), text)
    after = grid_rows(page)
    assert 0 < after < before
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    assert query.get("q") == [text]
    open_page(page, page.url, charts=charts)  # the link, loaded again: a new app session
    assert grid_rows(page) == after
    assert page.get_by_label(t(label_key), exact=True).input_value() == text
    shot(page, f"{path}-filtered-reopened")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _download(page) -> tuple[bytes, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=t("csv.download")).first.click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    return download.path().read_bytes(), download.suggested_filename


@pytest.mark.parametrize(
    ("query", "charts"),
    [
        ("priority?q=中小企業&transfer=0", 1),
        ("compare?level=item&new=1", 1),
        ("items?flag=portion", 0),
        ("quality?status=gap", 0),
    ],
)
def test_csv_download_matches_the_rows_shown(tabs, server, query: str, charts: int) -> None:
    page = tabs()  # a view looked at and downloaded: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/{query}", charts=charts)
    shown = grid_rows(page)
    data, filename = _download(page)
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM: Japanese Excel would garble it"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert len(body) == shown
    headers_on_screen = page.locator("[data-testid=stDataFrame]").first.locator("[role=columnheader]").all_inner_texts()
    # The CSV's headers are the grid's, in the grid's order (a wide grid draws only its visible columns).
    assert len(headers_on_screen) >= 3 and header[: len(headers_on_screen)] == headers_on_screen
    for row in body:
        for cell in row:
            if not _is_number(cell):
                assert not cell.startswith(FORMULA_START), f"formula-like cell not neutralized: {cell!r}"
    page_name = query.split("?")[0]
    assert filename.startswith(page_name)


@pytest.mark.parametrize(
    ("path", "tab", "label_key", "charts", "rows"),
    [("priority", "sections", "pr.tab.sections", 1, 11), ("treemap", "references", "tm.tab.references", 1, None)],
)
def test_a_tab_click_opens_its_tables_writes_the_url_and_back_returns(
    page, server, path: str, tab: str, label_key: str, charts: int, rows: int | None
) -> None:
    open_page(page, f"{server}/{path}", charts=1)
    first = page.locator("[data-testid=stMain] [data-testid=stDataFrame]").count()
    assert first == 1  # the hidden tabs sent nothing
    page.get_by_role("tab", name=t(label_key)).click()
    page.wait_for_url(f"**tab={tab}**", timeout=10_000)
    wait_idle(page, charts=charts)
    assert page.locator("[role=tab][aria-selected=true]").inner_text() == t(label_key)
    assert page.locator("[data-testid=stMain] [data-testid=stDataFrame]").count() == 1
    assert page.locator("[data-testid=stMain] [data-testid=stDownloadButton]").count() == 1
    if rows is not None:
        assert grid_rows(page) == rows  # one row per section with requests
    shot(page, f"{path}-tab-{tab}")
    link = page.url
    # Back goes to the first tab; the link, loaded again (a new app session), opens the same tab
    page.go_back()
    page.wait_for_function(f"() => !location.search.includes('tab={tab}')", timeout=10_000)
    wait_idle(page, charts=1)
    assert page.locator("[role=tab][aria-selected=true]").inner_text() != t(label_key)
    assert exceptions(page) == []
    open_page(page, link, charts=1)
    assert page.locator("[role=tab][aria-selected=true]").inner_text() == t(label_key)
    assert exceptions(page) == []
