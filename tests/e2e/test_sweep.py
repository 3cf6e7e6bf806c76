"""Every page in a real browser, opened once per language and width, with every page-wide check on that load.

One sweep instead of one per concern (each opened every page again): the page opens without an
exception and shows something, nothing scrolls sideways, axe-core finds no WCAG 2.1 A/AA violation,
the English interface holds no Japanese interface text, every figure in a grid is drawn whole,
every table has its CSV button. A load's checks all run and every problem is reported together.

One tab per width serves the whole sweep: the first view is loaded, the others are reached in the
open app session as Back/Forward does (``visit`` in tests/e2e/conftest.py; the app seeds its
widgets from a URL that changed from outside, as from a pasted link), which costs about half of a
load. What a pasted link opens in a new session is tested by the other browser tests.

The pages come from ``dashboard/registry.py`` (a page that needs two documents opens on the
two-document server), plus the views that show other tables (tabs, levels, a query that fills the
page). Pages of other servers (the hostile document, the proxy) have their own sweeps
(tests/e2e/test_hostile.py, tests/e2e/test_proxy.py).

axe-core comes from PyPI inside ``axe-playwright-python`` (its ``axe.min.js``), injected into the
loaded page. Streamlit's default colours failed colour contrast on every page (captions 3.88:1, the
selected segmented-control text 4.34:1, inline code in captions 3.03:1); the theme in
``.streamlit/config.toml`` fixes them. Best-practice rules outside WCAG A/AA (such as heading
order: Streamlit's ``st.subheader`` is an h3 under the page's h1) are not run.
"""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from dashboard.registry import PAGES
from tests.e2e.conftest import WIDTHS, exceptions, page_paths, server_for, shot, visit
from tests.e2e.grids import cut_figures, figure_columns, grids, measure
from tests.english_scan import REFERENCE_PAGES, reference_words, source_lines, source_strings, untranslated

AXE = files("axe_playwright_python") / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => (await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: tags}}))
  .violations.map((v) => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map((n) => n.html.slice(0, 80)).join(' | '))"""
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

#: Further views than every page with its defaults: other tabs and levels, queries that fill a page.
VIEWS = [
    "search?q=水素",
    "items?flag=multiyear",
    "compare?level=account",
    "compare?level=item",
    "treemap?tab=sections",
    "treemap?tab=references",
    "priority?tab=sections",
    "search?q=GX",
]
#: Views whose tables fit their width at 1,400 px (every figure whole, no sideways scroll).
FITTING = {"", "compare", "compare?level=account", "compare?level=item", "treemap"}
FITTING |= {"treemap?tab=sections", "treemap?tab=references", "priority", "priority?tab=sections"}
#: Wider views: every figure column is within the first screen and whole.
WIDE = {"items", "search?q=水素", "years"}
#: Views whose every table must have its CSV button (at both widths).
CSV_BUTTONS = {"", "treemap", "compare", "items", "quality"}
CHART_PAGES = {"", "treemap", "compare", "priority"}

SWEPT = page_paths() + VIEWS


def _script(view: str) -> str:
    return next(p.script for p in PAGES if p.url_path == view.split("?")[0])


def _url(server: str, view: str, lang: str) -> str:
    query = "" if lang == "ja" else ("&" if "?" in view else "?") + "lang=en"
    return f"{server}/{view}{query}"


def _rendered(page, width: int) -> list[str]:
    """The page opened without an exception, drew something, and nothing but tables and charts scrolls sideways."""
    problems = [f"exception: {e[:300]}" for e in exceptions(page)]
    if len(page.locator("[data-testid=stMain]").inner_text().strip()) <= 50:
        problems.append("the page rendered (almost) nothing")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 2:
        problems.append(f"page scrolls sideways by {overflow}px at {width}px")
    return problems


def _wcag(page) -> list[str]:
    if not page.evaluate("() => typeof window.axe === 'object'"):  # a view reached with visit keeps it
        page.add_script_tag(path=str(AXE))
    return [f"axe: {v}" for v in page.evaluate(AXE_RUN, AXE_TAGS)]


def _english(page, tables: dict | None, script: str) -> list[str]:
    """Navigation and widget labels in English; nothing shown is Japanese but the document's own names.

    ``tables`` None: only the navigation and the labels are checked (the two-document server, whose
    names are not the shipped document's; a view showing a query's Japanese words and snippets).
    """
    problems = []
    nav = page.locator("[data-testid=stSidebarNav]").inner_text()
    if JAPANESE.search(nav):
        problems.append(f"navigation not in English: {nav!r}")
    headings = " ".join(
        h.inner_text()
        for h in page.locator("[data-testid=stMain] h1, [data-testid=stMain] h2, [data-testid=stMain] h3").all()
    )
    labels = " ".join(
        lab.inner_text() for lab in page.locator("[data-testid=stMain] [data-testid=stWidgetLabel]").all()
    )
    # Headings may carry the document's title; widget labels are all interface text.
    if JAPANESE.search(labels):
        problems.append(f"Japanese in widget labels: {labels!r}")
    if not re.search(r"[A-Za-z]{3,}", headings + labels):
        problems.append("no English text on the page")
    if "lang=en" not in page.url:
        problems.append(f"lang=en lost from the URL: {page.url}")
    if tables is not None:
        texts = page.evaluate(
            """() => {
              // A chart label wrapped over lines is one SVG <text> of several <tspan>s: read it whole.
              const main = document.querySelector('[data-testid=stMain]');
              const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
              const out = []; const seen = new Set(); let node;
              while ((node = walker.nextNode())) {
                const svgText = node.parentElement && node.parentElement.closest('text');
                if (svgText) {
                  if (!seen.has(svgText)) { seen.add(svgText); out.push(svgText.textContent.trim()); }
                  continue;
                }
                const t = node.textContent.trim(); if (t) out.push(t);
              }
              return out;
            }"""
        )
        # A selectbox's choice is an input's value, not a text node: read it too.
        texts += page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stSelectbox] input')].map((i) => i.value)"
        )
        headers = page.locator("[data-testid=stDataFrame] [role=columnheader]").all_inner_texts()
        words = reference_words(tables) if script in REFERENCE_PAGES else []
        problems += [
            f"untranslated: {t!r}"
            for t in untranslated(texts + headers, source_strings(tables), source_lines(tables), words)
        ]
    return problems


def _fitting(page, view: str) -> list[str]:
    """Every table fits its width and draws every figure whole (scrolled through to the last row)."""
    problems = []
    count = grids(page).count()
    if not count:
        return [f"/{view}: no table"]
    for index in range(count):
        measured = measure(page, index)
        if measured["scrollWidth"] > measured["clientWidth"] + 1:
            problems.append(
                f"table {index} scrolls sideways ({measured['scrollWidth']} px in {measured['clientWidth']} px)"
            )
        if not figure_columns(page, measured):
            problems.append(f"no figure column found in table {index}")
        problems += [f"table {index}: {cut}" for cut in cut_figures(page, measured)]
    return problems


def _wide(page, view: str) -> list[str]:
    """Every figure column of every table with figures is within the first screen and whole."""
    problems, checked, columns = [], 0, 0
    for index in range(grids(page).count()):
        measured = measure(page, index)
        figures = figure_columns(page, measured)
        if not figures:
            continue
        checked += 1
        columns += len(figures)
        problems += [f"table {index}: {cut}" for cut in cut_figures(page, measured)]
    # /years has three tables with figures; /items and /search one with two figure columns or more.
    if (view == "years" and checked < 3) or (view != "years" and columns < 2):
        problems.append(f"/{view}: too few figure columns in the first screen ({checked} tables, {columns} columns)")
    return problems


def _csv_buttons(page) -> list[str]:
    tables = page.locator("[data-testid=stDataFrame]").count()
    buttons = page.locator("[data-testid=stDownloadButton]").count()
    return [] if tables and buttons >= tables else [f"{tables} tables, {buttons} CSV buttons"]


def _open(page, request, view: str, lang: str) -> None:
    visit(page, _url(server_for(request, view), view, lang), charts=1 if view.split("?")[0] in CHART_PAGES else 0)
    if grids(page).count():  # the tests read a grid's accessibility tree: wait for its rows
        page.wait_for_selector("[data-testid=stDataFrame] [role=grid] [role=row]", state="attached", timeout=45_000)


def _name(view: str, suffix: str) -> str:
    return (view or "overview").replace("?", "-").replace("=", "-").replace("&", "-") + f"-{suffix}"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("view", SWEPT)
def test_desktop(tabs, request, tables: dict, view: str, lang: str) -> None:
    page = tabs(WIDTHS["desktop"], 1000)
    _open(page, request, view, lang)
    problems = _rendered(page, WIDTHS["desktop"])
    if not exceptions(page):
        problems += _wcag(page)
        if lang == "en":
            # The words the page shows in Japanese: the shipped document's names, on a page of its defaults.
            plain = view in page_paths() and server_for(request, view) == request.getfixturevalue("server")
            problems += _english(page, tables if plain else None, _script(view))
        if view in FITTING:
            problems += _fitting(page, view)
        if view in WIDE:
            problems += _wide(page, view)
        if view in CSV_BUTTONS and lang == "ja":
            problems += _csv_buttons(page)
    shot(page, _name(view, "desktop" if lang == "ja" else "en"))
    assert problems == [], f"/{view} ({lang}, {WIDTHS['desktop']} px): " + "\n".join(problems)


@pytest.mark.parametrize("view", page_paths())
def test_phone(tabs, request, view: str) -> None:
    page = tabs(WIDTHS["phone"], 900)
    _open(page, request, view, "ja")
    shot(page, _name(view, "phone"))
    problems = _rendered(page, WIDTHS["phone"])
    if view in CSV_BUTTONS:
        problems += _csv_buttons(page)
    assert problems == [], f"/{view} ({WIDTHS['phone']} px): " + "\n".join(problems)


def test_the_sweep_names_only_pages_of_the_registry() -> None:
    named = {v.split("?")[0] for v in [*VIEWS, *FITTING, *WIDE, *CSV_BUTTONS]}
    assert named <= set(page_paths()), named - set(page_paths())
    assert set(SWEPT) >= FITTING | WIDE | CSV_BUTTONS, (FITTING | WIDE | CSV_BUTTONS) - set(SWEPT)
