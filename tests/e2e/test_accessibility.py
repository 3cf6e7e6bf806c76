"""WCAG 2.1 A/AA checks by axe-core in Chromium on every page, in Japanese and in English.

axe-core comes from PyPI inside ``axe-playwright-python`` (its ``axe.min.js``), injected into
the loaded page. Streamlit's default colours failed colour contrast on every page (captions
3.88:1, the selected segmented-control text 4.34:1, inline code in captions 3.03:1); the
theme in ``.streamlit/config.toml`` fixes them. Best-practice rules outside WCAG A/AA (such
as heading order: Streamlit's ``st.subheader`` is an h3 under the page's h1) are not run.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from tests.e2e.conftest import WIDTHS, open_page, page_paths, server_for

AXE = files("axe_playwright_python") / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = """async (tags) => (await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: tags}}))
  .violations.map((v) => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map((n) => n.html.slice(0, 80)).join(' | '))"""

#: url_path → a query that fills the page (a page opens with its defaults otherwise)
FILLED = {"search": "q=GX", "items": "flag=multiyear"}
#: every page of dashboard/registry.py (one that needs two documents opens on the two-document server)
PAGES = [path + (f"?{FILLED[path]}" if path in FILLED else "") for path in page_paths()]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(browser, request, path: str, lang: str) -> None:
    assert set(FILLED) <= set(page_paths()), "FILLED names a page the registry does not have"
    server = server_for(request, path)
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 1000})
    try:
        page = context.new_page()
        query = "" if lang == "ja" else ("&" if "?" in path else "?") + "lang=en"
        open_page(page, f"{server}/{path}{query}")
        page.add_script_tag(path=str(AXE))
        assert page.evaluate(RUN, TAGS) == []
    finally:
        context.close()
