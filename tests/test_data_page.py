"""The Data page (/data), the Share control on every page, and the embedded mode (AppTest)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.domain.urls import iframe_src
from loaders.package import package_dir
from tests.conftest import app_test

DATA = "pages/data.py"


def _page(page: str, **params: str) -> AppTest:
    """The router runs first with ``params`` (as a link's first load), then ``page`` (as a click in the navigation)."""
    return app_test(**params).run().switch_page(page).run()


def test_data_page_lists_every_table_with_its_row_count() -> None:
    at = _page(DATA)
    assert not at.exception
    assert at.title[0].value == "データのダウンロード"
    tables = at.dataframe[0].value.set_index("表")
    assert tables.loc["items", "行数"] == 158
    assert tables.loc["priority_requests", "行数"] == 71
    assert tables.loc["items", "CSV"].endswith("/app/static/data/csv/items.csv")
    columns = at.dataframe[1].value
    assert columns["列"].tolist()[:3] == ["document_id", "item_id", "project_key"]
    assert columns.set_index("列").loc["is_new", "型"] == "boolean"
    codes = [c.value for c in at.code]
    assert any("/app/static/data/datapackage.json" in c for c in codes)
    assert any('pd.read_parquet("/app/static/data/parquet/items.parquet")' in c for c in codes)
    assert any("read.csv(" in c for c in codes) and any("FROM 'parquet/items.parquet'" in c for c in codes)
    assert (package_dir() / "datapackage.json").exists(), "the app builds the package with the tables"
    assert not at.warning


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_raw_csv_buttons_say_their_cells_are_not_neutralized(lang: str) -> None:
    """The per-table "CSV: <table>" button serves the machine CSV, formula-like cells as they are."""
    at = _page(DATA, lang=lang, table="items")
    buttons = [b.label for b in at.get("download_button")]
    assert any(label.endswith(": items") and label.startswith("CSV") for label in buttons), buttons
    captions = [c.value for c in at.caption]
    words = {"ja": ("= + - @", "数式"), "en": ("= + - @", "formula")}[lang]
    assert any(all(w in c for w in words) for c in captions), captions


def test_table_key_picks_the_table_and_a_bad_value_falls_back() -> None:
    at = _page(DATA, table="sections", lang="en")
    assert not at.exception
    assert at.selectbox[0].value == "sections"
    assert "section_id" in at.dataframe[1].value["column"].tolist()
    assert at.dataframe[0].value.columns.tolist()[:2] == ["table", "rows"]
    at = _page(DATA, table="nope")
    assert not at.exception
    assert any("`table`" in w.value and "`nope`" in w.value for w in at.warning)
    assert at.selectbox[0].value == "items"


def test_urls_are_absolute_when_the_browser_address_is_known() -> None:
    at = app_test()
    at.context = {"url": "http://example.org:8501/data"}
    at.run()
    at.switch_page(DATA)
    at.run()
    assert not at.exception
    assert at.dataframe[0].value.set_index("表").loc["items", "CSV"] == (
        "http://example.org:8501/app/static/data/csv/items.csv"
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_share_gives_the_link_and_the_iframe_of_this_view(lang: str) -> None:
    at = app_test()
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/priority.py")
    at.query_params["q"] = "サイバー"
    at.run()
    assert not at.exception
    assert not [c for c in at.code if "<iframe" in c.value], "closed: nothing computed"
    at.session_state["_share"] = True  # the popover opened (on_change="rerun")
    at.run()
    assert not at.exception
    codes = [c.value for c in at.code]
    link = next(c for c in codes if c.startswith("/priority?"))
    assert "q=%E3%82%B5%E3%82%A4%E3%83%90%E3%83%BC" in link
    assert ("lang=en" in link) == (lang == "en")
    snippet = next(c for c in codes if c.startswith("<iframe"))
    assert iframe_src(snippet) == link + "&embed=true"


def test_embedded_view_has_no_sidebar_and_no_share_but_keeps_filters() -> None:
    at = app_test()
    at.context = {"is_embedded": True}
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/priority.py")
    at.query_params["q"] = "サイバー"
    at.run()
    assert not at.exception
    assert len(at.sidebar) == 0, "no language picker or anything else in the sidebar"
    assert at.text_input[0].value == "サイバー"
    assert len(at.dataframe[0].value) == 3
    assert at.title[0].value.startswith("Priority")
    assert not at.get("popover")
