"""Issue 11 in the browser: search the whole document, open a project found; 推進枠 shares and subtotals."""

from __future__ import annotations

import csv
import io
import urllib.parse

import pytest

from dashboard.i18n import t
from tests.e2e.conftest import WIDTHS, exceptions, grid_rows, shot, visit, wait_idle

CYBER = "サイバー対処能力"


@pytest.fixture
def phone(page):
    """The module's tab at a phone's width."""
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    return page


def _query(url: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlparse(url).query)


def test_search_finds_the_paragraphs_projects_and_opens_one(page, server) -> None:
    visit(page, f"{server}/search?q={urllib.parse.quote(CYBER)}")
    assert exceptions(page) == []
    assert grid_rows(page) == 1  # one paragraph hit; its 12 projects are listed under it (issue 24)
    shot(page, "search-cyber-ja-desktop")
    link = page.get_by_role("link", name="産業サイバーセキュリティ強靱化事業", exact=True)
    assert link.count() == 1
    link.click()
    page.wait_for_url("**/items?**")
    wait_idle(page)
    assert _query(page.url)["project"] == ["産業サイバーセキュリティ強靱化事業"]
    detail = page.locator("[data-testid=stMain]").inner_text()
    assert t("it.detail.heading") in detail and "産業サイバーセキュリティ強靱化事業" in detail
    assert "28億円" in detail  # the project's request, on its detail
    assert exceptions(page) == []
    shot(page, "search-cyber-opened-project")


def test_selecting_a_row_offers_its_projects_detail(page, server) -> None:
    visit(page, f"{server}/search?q={urllib.parse.quote('サイバー')}")  # the first row: a name hit
    grid = page.locator("[data-testid=stDataFrame]").first
    box = grid.bounding_box()
    # the glide grid is a canvas: click the first row's selection box (left column, under the header)
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)
    wait_idle(page)
    link = page.get_by_role("link", name=t("sr.open", name="量子・古典ハイブリッド技術のサイバー・フィジカル開発事業"))
    assert link.count() == 1
    link.click()
    page.wait_for_url("**/items?**")
    wait_idle(page)
    assert _query(page.url)["project"] == ["量子・古典ハイブリッド技術のサイバー・フィジカル開発事業"]


def test_search_typed_query_goes_to_the_url(page, server) -> None:
    visit(page, f"{server}/search")
    box = page.get_by_label(t("sr.q"), exact=True)
    box.fill("ｻｲﾊﾞｰ 対処能力")  # half-width with a space: the same hits
    box.press("Enter")
    wait_idle(page)
    assert _query(page.url)["q"] == ["ｻｲﾊﾞｰ 対処能力"]
    assert grid_rows(page) == 1
    text = page.locator("[data-testid=stMain]").inner_text()
    assert "施策の説明文" in text


def test_search_in_english_and_on_a_phone(phone, server) -> None:
    visit(phone, f"{server}/search?q={urllib.parse.quote(CYBER)}&lang=en")
    assert grid_rows(phone) == 1
    text = phone.locator("[data-testid=stMain]").inner_text()
    assert t("sr.title", "en") in text and "1 hits" in text
    shot(phone, "search-cyber-en-phone")
    visit(phone, f"{server}/search?q={urllib.parse.quote(CYBER)}")
    shot(phone, "search-cyber-ja-phone")


def test_search_english_desktop(page, server) -> None:
    visit(page, f"{server}/search?q={urllib.parse.quote(CYBER)}&lang=en")
    link = page.get_by_role("link", name="サイバーセキュリティ経済基盤構築事業", exact=True)
    assert "lang=en" in (link.get_attribute("href") or "")
    shot(page, "search-cyber-en-desktop")


def test_priority_filtered_set_shows_shares_and_subtotals(page, server) -> None:
    visit(page, f"{server}/priority?q={urllib.parse.quote('中小企業')}", charts=2)
    assert exceptions(page) == []
    metrics = page.locator("[data-testid=stMetric]").all_inner_texts()
    joined = " ".join(metrics)
    assert "10.1%" in joined and "29.8%" in joined
    text = page.locator("[data-testid=stMain]").inner_text()
    assert "242.2億円" in text and "2,400億円" in text and "814.08億円" in text
    assert "71件の要望の事業名だけを探し、8件が一致しました" in text
    assert grid_rows(page, 0) == 8
    shot(page, "priority-q-ja-desktop")
    # the subtotals tab: (1)② (3)② (3)③ and the unlinked requests, with their own CSV
    visit(page, f"{server}/priority?q={urllib.parse.quote('中小企業')}&tab=sections", charts=1)
    assert grid_rows(page, 0) == 4
    assert "10.1%" in " ".join(page.locator("[data-testid=stMetric]").all_inner_texts())
    shot(page, "priority-q-sections-ja-desktop")
    with page.expect_download() as info:
        page.get_by_role("button", name=t("csv.download")).first.click()
    download = info.value
    assert download.suggested_filename.startswith("priority_sections_q-中小企業")
    rows = list(csv.reader(io.StringIO(download.path().read_bytes().decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["施策", "件数", "要望額の計（億円）"]
    assert [int(r[1]) for r in body] == [1, 4, 1, 2]
    assert sum(float(r[2]) for r in body) == pytest.approx(242.2)


def test_priority_section_filter_screens(page, server) -> None:
    visit(page, f"{server}/priority?section=p1-t3-s2", charts=2)
    assert grid_rows(page, 0) == 10
    joined = " ".join(page.locator("[data-testid=stMetric]").all_inner_texts())
    assert "11.9%" in joined and "35.0%" in joined  # 285 of 2,400 and of 814.08
    shot(page, "priority-section-ja-desktop")
    visit(page, f"{server}/priority?section=p1-t3-s2&tab=sections", charts=1)
    assert grid_rows(page, 0) == 1  # the one section's subtotal
    visit(page, f"{server}/priority?q={urllib.parse.quote('中小企業')}&lang=en", charts=2)
    joined = " ".join(page.locator("[data-testid=stMetric]").all_inner_texts())
    assert "Share of the total" in joined and "10.1%" in joined
    shot(page, "priority-q-en-desktop")
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    visit(page, f"{server}/priority?q={urllib.parse.quote('中小企業')}", charts=2)
    # the requests named 中小企業 (tests/test_priority.py), on a phone
    assert exceptions(page) == [] and grid_rows(page, 0) == 8
    shot(page, "priority-q-ja-phone")
    visit(page, f"{server}/priority?section=p1-t3-s2&lang=en", charts=2)
    assert exceptions(page) == [] and grid_rows(page, 0) == 10
    shot(page, "priority-section-en-phone")


def test_priority_name_search_leads_to_the_topic(page, server) -> None:
    visit(page, f"{server}/priority?q={urllib.parse.quote('中小企業')}", charts=2)
    page.get_by_role("button", name="テーマ「中小企業・小規模事業者」で見る（関連する語も含めて11件）").click()
    wait_idle(page, charts=2)
    assert _query(page.url) == {"topic": ["sme"]}
    assert grid_rows(page, 0) == 11
    text = page.locator("[data-testid=stMain]").inner_text()
    assert "中小企業、小規模、事業承継、後継者 のどれかを含む要望（全71件中11件）" in text
    assert "10.7%" in " ".join(page.locator("[data-testid=stMetric]").all_inner_texts())
    shot(page, "priority-topic-sme-ja-desktop")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory):
    """A server on the hostile copy of the document (Markdown, HTML, KaTeX, URLs in its text)."""
    from tests.e2e.conftest import streamlit_server
    from tests.hostile import write_hostile

    folder = tmp_path_factory.mktemp("hostile-search")
    write_hostile(folder / "raw")
    env = {"BUDGET_RAW_DIR": str(folder / "raw"), "BUDGET_OUT_DIR": str(folder / "processed")}
    with streamlit_server("streamlit-hostile-search", env=env) as url:
        yield url


@pytest.mark.parametrize(
    ("query", "charts"),
    [
        ("search?q=bold", 0),  # names, a policy paragraph, priority names: the hits and the project links
        ("search?q=evil.example", 0),
        ("search?q=**x**", 0),  # a query that is itself Markdown
        ("priority?q=拠出金", 2),  # the name-search caption, the search link, the topic button
    ],
)
def test_hostile_text_stays_characters_on_search_and_priority(tabs, hostile_server, query: str, charts: int) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    from tests.e2e.test_hostile import markup_from_text

    visit(page, f"{hostile_server}/{query}", charts=charts)
    assert exceptions(page) == []
    # Not markup: a link to a project's detail on this server carries its key (the name) URL-encoded,
    # and Streamlit's own in-page anchors (#stMain …) repeat the page's URL with its query.
    own = (f"link {hostile_server}/items?project=", f"link {hostile_server}/priority?q=", f"link {page.url}#")
    assert [found for found in markup_from_text(page) if not found.startswith(own)] == []
    if query.startswith("search?q=bold"):
        assert grid_rows(page) > 0
        # the project links under the table carry the names as characters
        assert page.get_by_role("link", name="**bold**", exact=False).count() > 0
        shot(page, "hostile-search")
