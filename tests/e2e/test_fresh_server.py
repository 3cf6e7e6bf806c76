"""A shared link opened as the very first request of a freshly started server."""

from __future__ import annotations

from tests.e2e.conftest import exceptions, open_page, shot, streamlit_server


def test_first_request_to_a_subpage_goes_through_the_router(page, shipped_dir) -> None:
    # Streamlit runs pages/*.py on their own until st.navigation has run once in the
    # process; the link must still get the router's language, navigation and filters.
    # The shipped document's tables of every server (they all write the checkout's static/data).
    with streamlit_server("streamlit-fresh", env={"BUDGET_OUT_DIR": str(shipped_dir)}) as url:
        open_page(page, f"{url}/treemap?size=base&lang=en", charts=1)
        shot(page, "fresh-server-treemap")
        assert exceptions(page) == []
        nav = page.locator("[data-testid=stSidebarNav]").inner_text()
        assert "Composition" in nav and "Overview" in nav, nav
        assert "app" not in nav.split(), "the pages/ folder's file names are shown as navigation"
        assert "size=base" in page.url and "lang=en" in page.url
