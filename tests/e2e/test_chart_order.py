"""Tables before charts: a chart page sends its grids before its chart, and keeps the chart above them.

Streamlit loads Plotly's 4.7 MB chunk when a tab's first chart mounts; its evaluation holds
the main thread for most of a second. Sent with the rest of the page, it kept every table a
skeleton until it was done. ``charts.draw_charts`` therefore sends a page's charts last, into a
box reserved at their place, and holds a browser tab's first chart back
``charts.FIRST_CHART_HOLD_S`` (``charts.chart_hold_seconds`` decides; its doctests pin the rule).

These tests check the mechanism, which does not race: the order in which the server sends
the elements (read off the websocket as a browser tab receives it) and where the chart
ends up on the page. Which one the browser *paints* first, and how much sooner the tables
come, depends on how busy the machine is: that is measured, not asserted, by
``benchmarks/bench_browser.py`` ("tables after run", BENCHMARKS.md section 6).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from benchmarks._common import StreamlitSession
from tests.e2e.conftest import WIDTHS, exceptions, in_own_loop, wait_idle

CHART_PAGES = ["", "treemap", "compare", "priority"]
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"


async def _first_run_order(port: int, page_name: str) -> list[str]:
    session = StreamlitSession(port, user_agent=BROWSER_AGENT)
    await session.connect()
    try:
        result = await session.rerun(page_name=page_name)
    finally:
        await session.close()
    assert result.exceptions == [], result.exceptions
    return result.order


@pytest.mark.parametrize("path", CHART_PAGES)
def test_a_browser_tab_is_sent_every_table_before_the_first_chart(server, path: str) -> None:
    order = in_own_loop(_first_run_order(urlparse(server).port, path))
    assert "plotly_chart" in order and "dataframe" in order, order
    first_chart = order.index("plotly_chart")
    last_table = max(i for i, kind in enumerate(order) if kind == "dataframe")
    # Without draw_charts the chart came first (it is above the tables on every page).
    assert last_table < first_chart, f"/{path}: sent {order}"


@pytest.mark.parametrize("path", CHART_PAGES)
def test_the_chart_stays_above_the_first_table(page, server, path: str) -> None:
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 1000})
    page.goto(f"{server}/{path}")
    wait_idle(page, charts=1)
    assert exceptions(page) == []
    above = page.evaluate(
        """() => {
          const chart = document.querySelector('[data-testid=stMain] .js-plotly-plot').getBoundingClientRect();
          const table = document.querySelector('[data-testid=stMain] [data-testid=stDataFrame]').getBoundingClientRect();
          return chart.top < table.top;
        }"""
    )
    assert above, f"/{path}: the chart moved below the table"
