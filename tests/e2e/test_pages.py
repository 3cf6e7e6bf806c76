"""Moving between pages keeps the language, and a bad URL value shows a notice naming it.

Every page's own sweep (opens without an exception at both widths and in both languages, WCAG,
English, grid widths, CSV buttons) is tests/e2e/test_sweep.py.
"""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import t
from tests.e2e.conftest import exceptions, open_page, page_paths, visit, wait_idle

# Every page of dashboard/registry.py; one that needs two documents opens on the two-document server.
PAGES = page_paths()
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_language_survives_navigation(page, server) -> None:
    open_page(page, f"{server}/?lang=en", charts=1)
    page.locator("[data-testid=stSidebarNav] a").filter(has_text="Glossary").click()
    page.wait_for_url("**/glossary**")
    wait_idle(page)
    assert "/glossary" in page.url and "lang=en" in page.url
    assert "Glossary" in page.locator("[data-testid=stSidebarNav]").inner_text()


#: The value a selectbox shows (its input), for the widgets of the main area.
SELECTED = (
    "() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stSelectbox] input')].map((i) => i.value)"
)


def test_switching_the_language_redraws_the_choices_and_keeps_them(page, server) -> None:
    """After a switch to English a selectbox shows its choice in English, and the choice stays.

    Streamlit's selectbox kept the label it was drawn with (dashboard/st/urlstate.py, ``_widget_key``):
    the sort of /compare read 増減額の大きい順 on the English page.
    """
    open_page(page, f"{server}/compare?sort=pct", charts=1)
    assert page.evaluate(SELECTED) == [t("cmp.sort.pct", "ja")]
    page.locator("[data-testid=stSidebar] button").filter(has_text=re.compile("^en$")).click()
    wait_idle(page, charts=1)
    assert "lang=en" in page.url and "sort=pct" in page.url
    assert page.evaluate(SELECTED) == [t("cmp.sort.pct", "en")]


@pytest.mark.parametrize(
    "query",
    [
        "treemap?size=xyz",
        "treemap?focus=nope",
        "compare?level=planet",
        "compare?top=abc",
        "priority?min=abc",
        "priority?match=xyz",
        "items?flag=bogus",
        "quality?line=-5",
        "?lang=xx",
    ],
)
def test_invalid_parameter_shows_notice(tabs, server, query: str) -> None:
    page = tabs()  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/{query}")  # a URL changed from outside, as a pasted link
    assert exceptions(page) == []
    key, value = query.split("?")[1].split("=")
    # The notice names the key and the bad value as code (never as Markdown).
    codes = page.locator("[data-testid=stAlert] code").all_inner_texts()
    assert key in codes and value in codes, f"no notice naming {key} and {value} as code: {codes}"
