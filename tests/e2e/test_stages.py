"""The budget-stages page (/stages) in Chromium: ja and en, 1,400 and 400 px wide; URL keys from a click."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import exceptions, grid_rows, shot, visit, wait_idle

CASES = [(lang, width) for lang in ("ja", "en") for width in (1400, 400)]
HEADINGS = {
    "ja": ("予算の行方：要求から決算まで", "2024年度の会計別", "一般会計：2024年度の流れ"),
    "en": ("Budget stages: from request to settlement", "FY2024 by account", "General Account: FY2024 stage by stage"),
}
JOINTLY = {"ja": "複数府省の共管", "en": "managed jointly"}


@pytest.mark.parametrize(("lang", "width"), CASES, ids=[f"{lang}-{width}" for lang, width in CASES])
def test_stages_page(tabs, server, lang: str, width: int) -> None:
    page = tabs(width, 1000)  # a view only looked at: reached in the kept session (conftest.tabs)
    query = "" if lang == "ja" else "?lang=en"
    visit(page, f"{server}/stages{query}", charts=3)  # the stages, the years by account, by 主要経費
    assert exceptions(page) == []
    body = page.inner_text("body")
    for heading in HEADINGS[lang]:
        assert heading in body
    assert JOINTLY[lang] in body  # エネルギー対策特別会計: a sentence, not a number
    assert grid_rows(page, 0) == 2  # 一般会計 and 特許特別会計, the comparable accounts
    assert grid_rows(page, 1) == 7  # request, initial, supplementary no. 1, and the four settled figures
    assert grid_rows(page, 4) == 46  # FY2024's initial 事項 of the general account
    buttons = page.locator("[data-testid=stDownloadButton]").count()
    assert buttons >= 5  # a CSV under every table
    # the page must not scroll sideways on a phone
    overflow = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth - innerWidth")
    assert overflow <= 1
    shot(page, f"stages-{lang}-{width}")


def test_a_click_on_a_stage_writes_the_url_and_reopens(page, server) -> None:
    visit(page, f"{server}/stages?year=2024", charts=3)
    page.locator("[data-testid=stButtonGroup] button", has_text="決算").first.click()
    page.wait_for_url("**stage=settled**")
    wait_idle(page)
    assert "stage=settled" in page.url and "year=" not in page.url  # the default year is left out
    assert grid_rows(page, 4) == 59  # FY2024's settled 事項 of the general account (繰入 left out)
    shot(page, "stages-settled-ja-1400")
    reopened = page.url
    visit(page, reopened, charts=3)
    assert grid_rows(page, 4) == 59 and "stage=settled" in page.url
