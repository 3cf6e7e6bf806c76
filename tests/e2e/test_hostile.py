"""A hostile document and hostile URLs in a real browser: nothing renders as markup, no CSV runs as a formula.

The document is :mod:`tests.hostile` (built here, never shipped), served by a server of its own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from dashboard.domain.csvout import neutralize
from dashboard.i18n import t
from tests.e2e.conftest import exceptions, open_page, page_paths, shot, skip_if_needs_documents, streamlit_server, visit
from tests.e2e.test_years_upload import _upload
from tests.hostile import EVIL, FORMULAS, HOSTILE, hostile_text, write_hostile

# Every page of dashboard/registry.py with its defaults, then queries that show every hostile field
# (url_path?query): search hits (links named by projects), a project's detail (policy paragraph, 推進枠
# request), /compare's project level, /quality's sentences. HOSTILE stands for the hostile project's key.
FILLED = [
    "compare?level=item&top=all",
    "quality?line=3",
    "search?q=rocket",
    "items?project=HOSTILE",
    "quality?status=gap",
]
PAGES = page_paths() + FILLED


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile(folder / "raw")
    return folder


@pytest.fixture(scope="module")
def hostile_server(hostile_folder: Path) -> Iterator[str]:
    env = {"BUDGET_RAW_DIR": str(hostile_folder / "raw"), "BUDGET_OUT_DIR": str(hostile_folder / "processed")}
    with streamlit_server("streamlit-hostile", env=env) as url:
        yield url


def _hostile_project(folder: Path) -> str:
    """The project key of the listing that carries the hostile text (parsed as the server parses it)."""
    from loaders.build import parse_sources

    items = parse_sources([folder / "raw" / "hostile.txt"])["items"]
    key = items.loc[items["name"].str.contains(HOSTILE, regex=False), "project_key"].iloc[0]
    return quote(str(key), safe="")


def markup_from_text(page) -> list[str]:
    """What the hostile strings would have become had they been rendered: links, emphasis, KaTeX, tags."""
    return page.evaluate(
        """evil => {
          const found = [];
          for (const a of document.querySelectorAll('a[href]'))
            if (new URL(a.getAttribute('href'), location.href).hostname.includes(evil)) found.push('link ' + a.getAttribute('href'));
          for (const e of document.querySelectorAll('strong, em, b'))
            if (['bold', 'em', 'tag', 'b'].includes(e.textContent.trim())) found.push(e.tagName + ' ' + e.textContent);
          if (document.querySelector('.katex')) found.push('katex');
          // Streamlit's own constructs (tests.hostile.SHORTCODES): icons, emoji, its logo, the
          // directives' spans (each wraps an "x"), an entity and an arrow.
          for (const i of document.querySelectorAll('span[role=img]'))
            if (i.getAttribute('aria-label') === 'warning icon') found.push('material icon');
          if (document.querySelector('img[alt="Streamlit logo"]')) found.push('streamlit logo');
          for (const img of document.querySelectorAll('[data-testid=stMain] img, [data-testid=stSidebar] img'))
            found.push('img ' + (img.alt || img.src));
          const marks = '[data-testid=stMarkdownContainer], [data-testid=stCaptionContainer]';
          for (const box of document.querySelectorAll(marks)) {
            for (const e of box.querySelectorAll('span, streamlit-help-icon, [data-testid=stTooltipIcon], svg'))
              if (e.textContent.trim() === 'x' || e.tagName === 'STREAMLIT-HELP-ICON' || e.matches('[data-testid=stTooltipIcon]'))
                found.push('directive ' + e.tagName + ' ' + e.className + ' ' + (e.getAttribute('style') || ''));
            for (const e of box.querySelectorAll('.stMarkdownColoredText, .stMarkdownColoredBackground, .stMarkdownBadge'))
              if (!e.textContent.trim().startsWith('■')) found.push('colour ' + e.textContent);
            const text = box.textContent;
            if (text.includes('\\u{1F680}')) found.push('emoji');
            if (text.includes('\\u00A9')) found.push('entity');
            if (text.includes('a \\u2192 b')) found.push('arrow');
          }
          return found;
        }""",
        EVIL,
    )


@pytest.mark.parametrize("query", PAGES)
def test_document_text_never_renders_as_markup(tabs, hostile_server: str, hostile_folder: Path, query: str) -> None:
    assert {q.split("?")[0] for q in FILLED} <= set(page_paths()), "FILLED names a page the registry does not have"
    skip_if_needs_documents(query, documents=1)  # the hostile server serves one document
    query = query.replace("HOSTILE", _hostile_project(hostile_folder))
    page = tabs()  # one app session for the sweep (tests/e2e/conftest.py: visit)
    visit(page, f"{hostile_server}/{query}")
    shot(page, f"hostile-{query.split('?')[0] or 'overview'}")
    assert not exceptions(page)
    assert markup_from_text(page) == []


def _shown(page) -> str:
    # The word joiners that stop auto-links and shortcodes are invisible: a reader sees the text without them.
    return page.inner_text("[data-testid=stMain]").replace("\u2060", "")


def test_the_hostile_text_is_shown_as_characters(page, hostile_server: str, hostile_folder: Path) -> None:
    open_page(page, hostile_server, charts=1)
    body = _shown(page)
    # The title and the 事項要求 list: every character of the Markdown and the shortcodes shows.
    assert "**bold**" in body and "[link](http" in body and "$x^2$" in body and "<b>tag</b>" in body
    assert body.count(HOSTILE) >= 2
    # A project's detail: its name (heading), its policy paragraph (caption), its 推進枠 request.
    visit(page, f"{hostile_server}/items?project={_hostile_project(hostile_folder)}")
    assert _shown(page).count(HOSTILE) >= 2
    # Search hits: the links to projects are named by them.
    visit(page, f"{hostile_server}/search?q=rocket")
    links = page.locator("[data-testid=stPageLink]").all_inner_texts()
    assert any(HOSTILE in link.replace("\u2060", "") for link in links)


def test_an_uploaded_hostile_summary_renders_no_markup(page, server: str) -> None:
    """The upload message (sidebar), the "document shown" caption and the uploaded document's pages.

    The upload stays in this browser's session (its cookie): :func:`page` starts without cookies.
    """
    open_page(page, server)
    _upload(page, "hostile.txt", hostile_text().encode("utf-8"))
    assert not exceptions(page)
    sidebar = page.inner_text("[data-testid=stSidebar]").replace("\u2060", "")
    assert t("up.loaded", title="").strip() in sidebar and HOSTILE in sidebar  # the message, literally
    assert _shown(page).count(HOSTILE) >= 2  # the caption and the title
    assert markup_from_text(page) == []
    shot(page, "hostile-upload")
    for query in ("search?q=rocket", "quality?status=gap"):
        visit(page, f"{server}/{query}&doc={page.url.split('doc=')[-1].split('&')[0]}")
        assert markup_from_text(page) == [], query


def test_hostile_url_values_show_as_code_once(page, server: str) -> None:
    bad = f"**b**$x$[a](http://{EVIL}):rocket::material/warning::red[x]"
    query = "&".join(["lang=" + bad] + ["min=" + bad] * 200)
    open_page(page, f"{server}/priority?{query}", charts=1)
    assert markup_from_text(page) == []
    warnings = page.locator("[data-testid=stAlertContentWarning]")
    assert warnings.count() == 2  # lang and min, each once (200 repeats collapse)
    assert "**b**" in warnings.first.inner_text()


def _cells(data: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return [cell for row in rows for cell in row]


def _formula_cells(cells: list[str]) -> list[str]:
    def number(cell: str) -> bool:
        try:
            float(cell)
        except ValueError:
            return False
        return True

    return [c for c in cells if not number(c) and neutralize(c) != c]


def test_app_csv_has_no_formula_cells(page, hostile_server: str) -> None:
    open_page(page, f"{hostile_server}/priority", charts=1)
    with page.expect_download() as info:
        page.get_by_role("button", name=t("csv.download")).first.click()
    cells = _cells(Path(info.value.path()).read_bytes())
    assert any(FORMULAS[0] in c for c in cells)  # the hostile rows are there …
    assert _formula_cells(cells) == []  # … and none starts like a formula


@pytest.fixture(scope="module")
def plain_download_tab(browser):
    """A tab without the File System Access API: the grid's toolbar then falls back to a plain
    download Playwright can catch."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.add_init_script("delete window.showSaveFilePicker;")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("query", "charts"), [("priority", 1), ("compare?level=item&top=all", 1), ("items", 0)])
def test_grid_toolbar_csv_has_no_formula_cells(
    plain_download_tab, hostile_server: str, query: str, charts: int
) -> None:
    """The grid's own "Download as CSV" exports what the grid shows: that must be formula-safe too."""
    page = plain_download_tab  # kept across the cases: each view reached in its session
    visit(page, f"{hostile_server}/{query}", charts=charts)
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    grid.hover()
    button = page.locator("[data-testid=stElementToolbar] button[aria-label='Download as CSV']").first
    with page.expect_download() as info:
        button.click()
    cells = _cells(Path(info.value.path()).read_bytes())
    assert any(FORMULAS[0] in c for c in cells)
    assert _formula_cells(cells) == []


def test_no_request_leaves_the_server(browser, server: str) -> None:
    """Nothing a page loads comes from another host (the favicon once came from an outside font host)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    outside: list[str] = []
    host = server.split("//", 1)[1]
    page.on("request", lambda request: outside.append(request.url) if host not in request.url.split("/")[2] else None)
    try:
        for query in PAGES[:3]:  # the first loaded, the others reached in its session (their lazy code loads)
            visit(page, f"{server}/{query}")
        icons = page.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")
    finally:
        context.close()
    assert outside == []
    assert icons and all(host in icon or icon.startswith("data:") for icon in icons)
