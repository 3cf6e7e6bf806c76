"""Open data with ``streamlit run app.py`` serving: the package at its static URLs, the embedded view, Share."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import frictionless
import pandas as pd
import pyarrow as pa
import pytest

from dashboard.domain.data import read_tables
from dashboard.domain.urls import iframe_src
from loaders.package import STATIC_DIR, csv_path, parquet_path
from loaders.schema import TABLES
from tests.e2e.conftest import WIDTHS, exceptions, grid_rows, open_page, shot, visit, wait_idle
from tests.test_package import plain

PACKAGE = "/app/static/data/"


@pytest.fixture(scope="module")
def served(tabs, server) -> str:
    """The package's base URL, once the app has run a session (the app writes the package on start)."""
    visit(tabs(), f"{server}/data")
    return f"{server}{PACKAGE}"


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), b""


def test_pandas_reads_every_table_from_the_static_urls(served: str, shipped_dir) -> None:
    tables = read_tables(shipped_dir)  # the folder the server reads
    for name in TABLES:
        # string columns read as strings: a code such as the budget book's 項 "001" keeps its zeros
        strings = {f.name: str for f in TABLES[name].schema if pa.types.is_string(f.type)}
        csv = pd.read_csv(served + csv_path(name), dtype=strings)
        parquet = pd.read_parquet(served + parquet_path(name))
        assert plain(csv, name) == plain(tables[name], name), name
        assert plain(parquet, name) == plain(tables[name], name), name
    assert len(pd.read_csv(served + csv_path("items"))) == 158
    assert len(pd.read_parquet(served + parquet_path("items"))) == 158


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("datapackage.json", "application/json"),
        ("datapackage.zip", "application/zip"),
        ("csv/items.csv", "text/csv"),
        ("parquet/items.parquet", "application/octet-stream"),
    ],
)
def test_the_files_are_served_with_a_usable_content_type(served: str, path: str, content_type: str) -> None:
    status, headers, body = _get(served + path)
    assert status == 200 and body
    assert headers["content-type"].split(";")[0] == content_type


def test_frictionless_validates_the_served_package(served: str) -> None:
    report = frictionless.validate(served + "datapackage.json")
    assert report.valid, [e.message for task in report.tasks for e in task.errors][:5]
    assert report.stats["errors"] == 0 and report.stats["tasks"] == len(TABLES)


@pytest.mark.parametrize(
    "path", ["/app/static/../app.py", "/app/static/%2e%2e/app.py", "/app/static/data/../../app.py", "/app/static/"]
)
def test_nothing_outside_the_package_folder_is_served(served: str, server: str, path: str) -> None:
    status, _, body = _get(server + path)
    assert status in (400, 404), (path, status)
    assert b"import streamlit" not in body
    # static/ holds the package folder and nothing else (no staging folder left behind)
    assert sorted(p.name for p in STATIC_DIR.iterdir()) == ["data"]


def _no_navigation(page) -> None:
    assert page.locator("[data-testid=stSidebarNav]").count() == 0
    assert page.locator("[data-testid=stSidebar]").count() == 0
    assert page.locator("[data-testid=stSidebarCollapsedControl]").count() == 0


def test_embedded_priority_view_shows_the_filtered_rows_alone(page, served: str, server: str) -> None:
    open_page(page, f"{server}/priority?q=サイバー&embed=true", charts=1)
    assert exceptions(page) == []
    assert grid_rows(page) == 3
    _no_navigation(page)
    shot(page, "embedded-priority")


def test_share_snippet_opens_the_same_view_embedded(page, served: str, server: str) -> None:
    visit(page, f"{server}/priority?q=サイバー", charts=1)
    assert grid_rows(page) == 3
    page.get_by_role("button", name="共有").click()
    wait_idle(page)
    body = page.locator("[data-testid=stPopoverBody]")
    body.locator("[data-testid=stCode]").first.wait_for()
    codes = [c.inner_text() for c in body.locator("[data-testid=stCode] code").all()]
    shot(page, "share-popover")
    link = next(c.strip() for c in codes if c.strip().startswith("http"))
    snippet = next(c.strip() for c in codes if c.strip().startswith("<iframe"))
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(link).query) == {"q": ["サイバー"]}
    src = iframe_src(snippet)
    assert src == link + "&embed=true"
    assert urllib.parse.urlsplit(src).path == "/priority"

    embedded = page.context.new_page()
    open_page(embedded, src, charts=1)
    assert exceptions(embedded) == []
    assert grid_rows(embedded) == 3
    _no_navigation(embedded)

    # and the iframe itself, in a page of another origin (a file), renders the same view
    frame_page = page.context.new_page()
    frame_page.set_content(f"<html><body style='margin:0'>{snippet}</body></html>")
    frame = frame_page.frame_locator("iframe")
    frame.locator("[data-testid=stDataFrame]").first.wait_for(timeout=45_000)
    # The requests tab is open: its one grid, the list (the subtotals tab sends nothing).
    grid = frame.locator("[data-testid=stDataFrame] [role=grid]").first
    grid.wait_for(state="attached", timeout=45_000)
    assert int(grid.get_attribute("aria-rowcount")) - 1 == 3


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_data_page_in_the_browser(tabs, served: str, server: str, lang: str, width: str) -> None:
    page = tabs(WIDTHS[width], 1000)  # a view only looked at: reached in the kept session (conftest.tabs)
    visit(page, f"{server}/data" + ("?lang=en" if lang == "en" else ""))
    assert exceptions(page) == []
    grids = page.locator("[data-testid=stDataFrame]").count()
    assert len(TABLES) in [grid_rows(page, i) for i in range(grids)]  # the list of tables, one row each
    urls = page.locator("[data-testid=stCode]").first.text_content()  # DOM text: soft wraps do not matter
    assert f"{served}csv/items.csv" in urls.split()
    shot(page, f"data-{lang}-{width}")
