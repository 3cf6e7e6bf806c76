"""Tables before charts: a chart page's grids and CSV buttons are on screen before its chart.

Streamlit loads Plotly's 4.7 MB chunk when a tab's first chart mounts; its evaluation holds
the main thread for most of a second. Sent with the rest of the page, it kept every table a
skeleton until it was done (tables and chart appeared in the same frame).
``ui.draw_charts`` sends a tab's first chart after the rest of the page, so the tables come
first; the chart keeps its place above them (a box of its height).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import WIDTHS, exceptions, wait_idle

# Before Streamlit's scripts: the first frame at which every table's grid canvas is laid out,
# and the first frame at which a Plotly chart is drawn.
WATCH = """
window.__seen = {};
const frame = () => {
  const main = document.querySelector('[data-testid=stMain]');
  if (main) {
    const frames = [...main.querySelectorAll('[data-testid=stDataFrame]')];
    const drawn = frames.filter((e) => [...e.querySelectorAll('canvas')].some((c) => c.getBoundingClientRect().width > 0));
    if (frames.length && drawn.length === frames.length && !window.__seen.tables) window.__seen.tables = performance.now();
    if (main.querySelector('.js-plotly-plot .main-svg') && !window.__seen.chart) window.__seen.chart = performance.now();
  }
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
"""

CHART_PAGES = ["", "treemap", "compare", "priority"]


@pytest.mark.parametrize("path", CHART_PAGES)
def test_tables_are_drawn_before_the_first_chart_of_a_tab(browser, server, path: str) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 1000})
    context.add_init_script(WATCH)
    try:
        page = context.new_page()
        page.goto(f"{server}/{path}")
        wait_idle(page, charts=1)
        assert exceptions(page) == []
        seen = page.evaluate("window.__seen")
        assert "tables" in seen and "chart" in seen, seen
        # Without the hold both came in one frame, after Plotly's evaluation.
        assert seen["tables"] < seen["chart"], (
            f"/{path}: tables at {seen['tables']:.0f} ms, chart at {seen['chart']:.0f} ms"
        )
        # The chart is still above the page's first table, where the page put it.
        above = page.evaluate(
            """() => {
              const chart = document.querySelector('[data-testid=stMain] .js-plotly-plot').getBoundingClientRect();
              const table = document.querySelector('[data-testid=stMain] [data-testid=stDataFrame]').getBoundingClientRect();
              return chart.top < table.top;
            }"""
        )
        assert above, f"/{path}: the chart moved below the table"
    finally:
        context.close()
