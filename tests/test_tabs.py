"""Pages with tabs (``tab=`` in the URL): each tab opens from a link, alone, and a bad value gets a notice.

A page with tabs declares them as ``TABS`` in its dashboard module and as a ``tab`` Param
(``urlstate.url_tabs``); only the open tab's content is run and sent. The click on a tab (which
AppTest cannot do) is driven in Chromium: tests/e2e/test_features.py.
"""

from __future__ import annotations

import pytest

from dashboard.registry import PAGES
from tests.conftest import open_app_page

TABBED = [(info, getattr(info.dashboard(), "TABS", ())) for info in PAGES]
TABBED = [(info, tabs) for info, tabs in TABBED if tabs]
VIEWS = [(info.script, tab) for info, tabs in TABBED for tab in tabs]


def test_the_tabbed_pages_are_found() -> None:
    assert {info.script for info, _ in TABBED} == {"priority", "treemap"}


@pytest.mark.parametrize(("info", "tabs"), TABBED, ids=lambda v: getattr(v, "script", ""))
def test_the_tab_key_is_a_param_of_the_page(info, tabs, tables: dict) -> None:
    spec = {s.key: s for s in info.dashboard().specs(tables)}["tab"]
    assert spec.kind == "choice" and tuple(spec.choices) == tuple(tabs) and spec.default == tabs[0]


@pytest.mark.parametrize(("script", "tab"), VIEWS)
def test_a_link_opens_its_tab_alone(script: str, tab: str) -> None:
    at = open_app_page(script, tab=tab)
    assert [b.label for b in at.tabs]  # the tab bar is there
    open_tabs = [b for b in at.tabs if len(b.children)]
    assert len(open_tabs) == 1, [b.label for b in open_tabs]
    assert not at.warning
    # every table of the open tab comes with its CSV; no other tab sent anything
    assert len(at.dataframe) == len(at.download_button) >= 1
    # the default tab is left out of the URL, another one stays in it
    assert at.query_params.get("tab") == (None if tab == info_tabs(script)[0] else tab)


def info_tabs(script: str) -> tuple[str, ...]:
    return dict((info.script, tabs) for info, tabs in TABBED)[script]


@pytest.mark.parametrize("script", [info.script for info, _ in TABBED])
def test_each_tab_shows_different_content(script: str) -> None:
    shown = [tuple(open_app_page(script, tab=tab).dataframe[0].value.columns) for tab in info_tabs(script)]
    assert len(set(shown)) == len(shown)


@pytest.mark.parametrize("script", [info.script for info, _ in TABBED])
def test_a_bad_tab_gets_a_notice_and_the_first_tab(script: str) -> None:
    at = open_app_page(script, tab="**x**")
    assert len(at.warning) == 1 and "`**x**`" in at.warning[0].value
    first = open_app_page(script)
    assert at.dataframe[0].value.columns.tolist() == first.dataframe[0].value.columns.tolist()
    assert at.query_params.get("tab") is None


@pytest.mark.parametrize(("script", "tab"), VIEWS)
def test_tab_labels_follow_the_language(script: str, tab: str) -> None:
    ja = [b.label for b in open_app_page(script, tab=tab).tabs]
    en = [b.label for b in open_app_page(script, lang="en", tab=tab).tabs]
    assert len(ja) == len(en) == len(info_tabs(script)) and not set(ja) & set(en)
