"""The project reviews beside the document in Chromium (issue 23): /items filtered to the projects without a
review record by a click, and a word found only in a review overview on /search, opening its project."""

from __future__ import annotations

import urllib.parse

from dashboard.i18n import t
from tests.e2e.conftest import exceptions, grid_rows, open_page, shot, visit, wait_idle


def _query(url: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)


def test_items_filtered_to_unlinked_projects_by_a_click(page, server, tables) -> None:
    visit(page, f"{server}/items")
    everything = grid_rows(page)
    page.locator("[data-testid=stButtonGroup] button", has_text=t("it.review.opt.unlinked", "ja")).first.click()
    page.wait_for_url("**review=unlinked**")
    wait_idle(page)
    links = tables["review_links"]
    unlinked = set(links.loc[links["match"] == "none", "project_key"])
    expected = int(tables["items"]["project_key"].isin(unlinked).sum())
    assert 0 < grid_rows(page) == expected < everything
    assert exceptions(page) == []
    shot(page, "items-review-unlinked-ja-1400")
    open_page(page, page.url)  # the URL alone reopens the same list
    assert grid_rows(page) == expected and _query(page.url)["review"] == ["unlinked"]


def test_search_finds_a_word_of_a_review_overview_and_opens_its_project(page, server) -> None:
    visit(page, f"{server}/search")
    box = page.get_by_label(t("sr.q", "ja"), exact=True)
    box.fill("メタン熱分解")  # only in the review overview of 高温ガス炉実証炉開発事業
    box.press("Enter")
    wait_idle(page)
    assert _query(page.url)["q"] == ["メタン熱分解"]
    assert grid_rows(page) == 1
    main = page.locator("[data-testid=stMain]").inner_text()
    assert t("sr.reviews", "ja", n=1) in main and t("sr.where.review_overview", "ja") in main
    assert "予算事業ID 7141" in main
    shot(page, "search-review-overview-ja-1400")
    page.locator("[data-testid=stMain] a", has_text="高温ガス炉実証炉開発事業").last.click()
    page.wait_for_url("**/items?**")
    wait_idle(page)
    assert _query(page.url)["project"] == ["高温ガス炉実証炉開発事業"]
    assert "予算事業ID 7141" in page.locator("[data-testid=stMain]").inner_text()
