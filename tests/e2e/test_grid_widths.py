"""Grids on a phone and a cut name: the name stays pinned and reads whole (measured in the browser).

At 1,400 px every page's tables are measured by the sweep (tests/e2e/test_sweep.py: the tables of
the overview, /compare at every level, /treemap on every tab and /priority on both tabs fit their
width; on the wider ones, /items, /search and /years, every figure column is within the first
screen and whole). Here, at 400 px, the name stays (pinned) when the grid scrolls sideways and the
figures next to it are whole; and a name cut by its column reads whole on a double click.
How a grid is read (canvas borders, accessibility tree, the page's font): tests/e2e/grids.py.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import WIDTHS, shot, visit
from tests.e2e.grids import DRAWN, PADDING, columns, figure_columns, grids, measure


def _open(page, url: str, charts: int = 0) -> None:
    """Open ``url``, wait until the app is idle and has drawn a grid (its accessibility tree)."""
    visit(page, url, charts)
    page.wait_for_selector("[data-testid=stDataFrame] [role=grid] [role=row]", state="attached", timeout=45_000)


@pytest.mark.parametrize("path", ["/compare?level=section", "/items", "/treemap?tab=tiles"])
def test_phone_keeps_the_name_and_whole_figures(page, server, path: str) -> None:
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    _open(page, f"{server}{path}")
    before = measure(page, 0, every_row=False)
    name = sorted(before["heads"], key=lambda h: h["col"])[0]["text"]
    figures = figure_columns(page, before)
    assert figures, "no figure beside the name on a phone"
    column, width, text = figures[0]
    assert column["closed"] and width + PADDING <= column["right"] - column["left"] + 0.5, (text, column)
    # Scrolled sideways to the end: the name is still the first column, at the same place.
    grid = grids(page).nth(0)
    grid.evaluate("(df) => { const s = df.querySelector('.dvn-scroller'); s.scrollLeft = s.scrollWidth; }")
    page.wait_for_function(
        "(name) => { const h = document.querySelector('[data-testid=stDataFrame] [role=grid] [role=row]');"
        " return h && [...h.children].length > 1 && h.children[1].getAttribute('aria-colindex') !== '2'; }",
        arg=name,
        timeout=20_000,
    )
    after = measure(page, 0, every_row=False)
    heads = sorted(after["heads"], key=lambda h: h["col"])
    assert heads[0]["text"] == name
    assert columns(after)[0]["right"] == pytest.approx(columns(before)[0]["right"], abs=1)
    shot(page, f"grid-phone-{path.strip('/').replace('?', '-').replace('=', '-')}")


def test_a_cut_name_reads_whole_on_double_click(page, server) -> None:
    # The name column's tooltip says so (grid.name_help): the grid's overlay shows the whole cell.
    _open(page, f"{server}/treemap?tab=tiles")
    measured = measure(page, 0, every_row=False)
    name_col = columns(measured)[0]
    full = measured["cells"][0]["texts"]["1"]
    drawn = page.evaluate(DRAWN, [measured["font"], [full]])[0][1]
    assert drawn + PADDING > name_col["right"] - name_col["left"], "the first name is not cut: pick a longer one"
    grid = grids(page).nth(0)
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + name_col["right"] / 2, box["y"] + 36 + 17)
    page.wait_for_function(
        "(full) => [...document.querySelectorAll('#portal *')].some(e => e.textContent.includes(full))",
        arg=full,
        timeout=10_000,
    )
