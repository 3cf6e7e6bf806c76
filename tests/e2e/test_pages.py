"""Every page in a real browser: opens without an exception, at desktop and phone widths, in both languages."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import WIDTHS, exceptions, open_page, page_paths, server_for, shot, wait_idle

# Every page of dashboard/registry.py; one that needs two documents opens on the two-document server.
PAGES = page_paths()
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_opens_without_exception(browser, request, path: str, width: str) -> None:
    server = server_for(request, path)
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    try:
        open_page(page, f"{server}/{path}")
        shot(page, f"{path or 'overview'}-{width}")
        assert exceptions(page) == []
        main = page.locator("[data-testid=stMain]")
        assert len(main.inner_text().strip()) > 50, "the page rendered (almost) nothing"
        # Nothing wider than the screen at phone width (only tables and charts scroll inside themselves).
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 2, f"page scrolls sideways by {overflow}px at {WIDTHS[width]}px"
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_english_interface(page, request, path: str) -> None:
    server = server_for(request, path)
    open_page(page, f"{server}/{path}?lang=en")
    shot(page, f"{path or 'overview'}-en")
    assert exceptions(page) == []
    nav = page.locator("[data-testid=stSidebarNav]").inner_text()
    assert not JAPANESE.search(nav), f"navigation not in English: {nav!r}"
    headings = " ".join(
        h.inner_text()
        for h in page.locator("[data-testid=stMain] h1, [data-testid=stMain] h2, [data-testid=stMain] h3").all()
    )
    labels = " ".join(
        lab.inner_text() for lab in page.locator("[data-testid=stMain] [data-testid=stWidgetLabel]").all()
    )
    # Headings may carry the document's title; widget labels are all interface text.
    assert not JAPANESE.search(labels), f"Japanese in widget labels: {labels!r}"
    assert re.search(r"[A-Za-z]{3,}", headings + labels), "no English text on the page"
    assert "lang=en" in page.url


def test_language_survives_navigation(page, server) -> None:
    open_page(page, f"{server}/?lang=en", charts=1)
    page.locator("[data-testid=stSidebarNav] a").filter(has_text="Glossary").click()
    page.wait_for_url("**/glossary**")
    wait_idle(page)
    assert "/glossary" in page.url and "lang=en" in page.url
    assert "Glossary" in page.locator("[data-testid=stSidebarNav]").inner_text()


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
def test_invalid_parameter_shows_notice(page, server, query: str) -> None:
    open_page(page, f"{server}/{query}")
    assert exceptions(page) == []
    key, value = query.split("?")[1].split("=")
    # The notice names the key and the bad value as code (never as Markdown).
    codes = page.locator("[data-testid=stAlert] code").all_inner_texts()
    assert key in codes and value in codes, f"no notice naming {key} and {value} as code: {codes}"
