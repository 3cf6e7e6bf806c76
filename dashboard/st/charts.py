"""Charts: Plotly figures drawn after the page's tables (the first chart's hold), with the message-size guard
and the image-download config.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.io
import streamlit as st

from dashboard.domain import chartimage
from dashboard.i18n import t
from dashboard.st import grids, session


def _figure_bytes(figure) -> int:
    """The bytes of the spec ``st.plotly_chart`` sends (its own ``plotly.io.to_json(..., validate=False)``, in
    UTF-8: a Japanese label is three bytes, not one character), serialized once per figure: the views are
    cached and shared, so a figure is drawn many times and only Streamlit's own dump is repeated."""
    size = getattr(figure, "_message_bytes", None)
    if size is None:
        size = len(plotly.io.to_json(figure, validate=False).encode("utf-8"))
        with contextlib.suppress(Exception):  # a figure that refuses new attributes: measured again next time
            figure._message_bytes = size
    return size


# --- charts: drawn after the tables -------------------------------------------------------

#: How long the first chart of a browser tab is held back after the rest of its page.
#: Streamlit loads Plotly's 4.7 MB chunk when a tab's first chart element mounts, and its
#: evaluation holds the browser's main thread for 0.7-1.2 s; sent with the page, it keeps
#: every table and CSV button a skeleton until it is done. Held back this long, the grids
#: (whose own chunk takes ~0.4 s to load and draw) are on screen first, and the chart is
#: drawn when it would have been anyway (measured in BENCHMARKS.md, section 6).
FIRST_CHART_HOLD_S = 0.4


@dataclass(frozen=True)
class ChartSlot:
    """A chart's place on the page, reserved at its height, drawn by :func:`draw_charts`."""

    box: object
    figure: object
    key: str
    filters: Mapping[str, object] | None = None


def chart_slot(figure, key: str, filters: Mapping[str, object] | None = None) -> ChartSlot:
    """Reserve ``figure``'s place here (a box of its height, so nothing below jumps when it comes).

    ``key`` and ``filters`` also name the chart's PNG download (as the CSVs are named).
    """
    height = int(figure.layout.height or 450) + 8
    return ChartSlot(st.container(height=height, border=False), figure, key, filters)


def chart_hold_seconds(user_agent: str, chart_sent: bool) -> float:
    """How long to hold back a page's charts: :data:`FIRST_CHART_HOLD_S` for the first chart of a
    browser tab (not AppTest or a script client, whose agents do not start with ``Mozilla/``), else 0.

    >>> chart_hold_seconds("Mozilla/5.0 (X11; Linux x86_64)", chart_sent=False)
    0.4
    >>> chart_hold_seconds("Mozilla/5.0 (X11; Linux x86_64)", chart_sent=True)
    0.0
    >>> chart_hold_seconds("Python/3.11 websockets/17.4", chart_sent=False)
    0.0
    """
    return FIRST_CHART_HOLD_S if (user_agent or "").startswith("Mozilla/") and not chart_sent else 0.0


def draw_charts(*slots: ChartSlot) -> None:
    """Draw the page's reserved charts, as the last thing the page sends.

    Each chart has a stable key, so a rerun that changes a filter updates it in place and an
    unchanged figure is not sent again. The first chart of a browser tab is held back
    :data:`FIRST_CHART_HOLD_S` (see there); later ones are not: Plotly is loaded by then.
    """
    if not slots:
        return
    hold = chart_hold_seconds(st.context.headers.get("User-Agent") or "", bool(st.session_state.get("_chart_sent")))
    if hold:
        time.sleep(hold)
    budget = grids.message_budget()
    for slot in slots:
        if _figure_bytes(slot.figure) > budget:
            slot.box.info(t("guard.chart", session.current_lang()), icon="✂️")
            continue
        config = chartimage.chart_config(slot.key, slot.filters or {}, session.current_lang(), dt.date.today())
        slot.box.plotly_chart(slot.figure, width="stretch", key=slot.key, config=config)
    st.session_state["_chart_sent"] = True
