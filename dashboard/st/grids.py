"""Grids: one :class:`dashboard.domain.contract.Table` drawn by ``st.dataframe`` with the widths rule,
the message-size guard and the print-only copy.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.domain import contract as vw
from dashboard.domain import printout, widths
from dashboard.domain.csvout import neutralize
from dashboard.i18n import t
from dashboard.st import session
from dashboard.st.downloads import download_csv
from dashboard.st.prose import literal


def _column_config(kind: str, help: str | None = None, width: int | None = None, pinned: bool | None = None):
    column = st.column_config
    size = {"help": help, "width": width, "pinned": pinned}
    return {
        vw.AMOUNT: lambda: column.NumberColumn(format="localized", **size),
        # Shown as signed text (vw.display): right-aligned like the other figures.
        vw.SIGNED: lambda: column.TextColumn(alignment="right", **size),
        vw.PCT: lambda: column.TextColumn(alignment="right", **size),
        vw.SHARE: lambda: column.ProgressColumn(format="%.1f%%", min_value=0, max_value=100, **size),
        vw.INT: lambda: column.NumberColumn(format="%d", **size),
        vw.SCORE: lambda: column.NumberColumn(format="%.3f", **size),
        vw.TEXT: lambda: column.TextColumn(**size),
        vw.LONG_TEXT: lambda: column.TextColumn(**size),
        vw.LINK: lambda: column.LinkColumn(**size),
    }[kind]()


def _header_help(header: str, help: str | None, cut: bool, name: bool, lang: str) -> str | None:
    """A column's tooltip: its own help, the whole header when the column cuts it, how to read a cut name."""
    parts = [literal(header)] if cut else []
    if help:
        parts.append(help)
    if name:
        parts.append(t("grid.name_help", lang))
    return "\n\n".join(parts) or None


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the grid shows it: text cells a spreadsheet would run as a formula get a leading '.

    The grid's own toolbar offers "Download as CSV" of what it shows, and Streamlit has no
    switch to turn that off, so the protection of :func:`dashboard.domain.csvout.to_csv_bytes` is
    applied to the displayed cells too (numbers are untouched; a name never starts with =).
    """
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    risky = [c for c in text if frame[c].map(lambda v: neutralize(v) is not v).any()]
    if not risky and not any(neutralize(str(c)) != str(c) for c in frame.columns):
        return frame
    safe = frame.copy()
    for column in risky:
        safe[column] = safe[column].map(neutralize)
    safe.columns = [neutralize(str(c)) for c in safe.columns]
    return safe


# --- one guard for the websocket's message size ---------------------------------------------


def message_budget() -> int:
    """Bytes one table or chart may take in a message: half of ``server.maxMessageSize``.

    Streamlit sends each element as one websocket message and refuses one over the limit
    with ``MessageSizeError`` shown to the visitor (a 100,000-line upload's treemap: 32.6 MB).
    Half leaves room for the element's own framing and the grid's column settings.
    """
    return int(st.get_option("server.maxMessageSize")) * 1024 * 1024 // 2


def payload_bytes(frame: pd.DataFrame) -> int:
    """What a frame weighs in memory, strings included: an upper bound of its Arrow message (pandas deep)."""
    return int(frame.memory_usage(deep=True, index=True).sum())


def fitting_rows(frame: pd.DataFrame, budget: int) -> int:
    """How many of the frame's first rows fit in ``budget`` bytes (all of them when it fits; at least one)."""
    size = payload_bytes(frame)
    if size <= budget or len(frame) <= 1:
        return len(frame)
    rows = max(1, len(frame) * budget // size)
    while rows > 1 and payload_bytes(frame.head(rows)) > budget:
        rows = max(1, rows * 9 // 10)
    return rows


def table(table: vw.Table, key: str | None = None, **dataframe_kwargs) -> object:
    """Show a :class:`~dashboard.domain.contract.Table` (formats by column kind) and its CSV button under it.

    Missing figures show as a dash (never None or nan). A table too big for one websocket
    message (:func:`message_budget`) shows its first rows with a notice; its CSV has every row.
    """
    lang = session.current_lang()
    frame = shown(vw.display(table, lang))
    rows = fitting_rows(frame, message_budget())
    if rows < len(frame):
        st.info(t("guard.rows", lang, shown=f"{rows:,}", total=f"{len(frame):,}"), icon="✂️")
        frame = frame.head(rows)
    dataframe_kwargs.setdefault("placeholder", widths.PLACEHOLDER)
    # Sized to what the columns show (dashboard/domain/widths.py): no figure cut, amounts first.
    kinds = {neutralize(str(c)): table.kind(c) for c in table.frame.columns}
    grid = widths.layout(frame, kinds, selectable="selection_mode" in dataframe_kwargs)
    config = {
        column: _column_config(
            kinds[column],
            _header_help(column, table.helps.get(column), column in grid.cut_headers, column == grid.name, lang),
            grid.widths[column],
            column in grid.pinned,
        )
        for column in frame.columns
    }
    result = st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config=config,
        column_order=grid.order,
        key=key,
        **dataframe_kwargs,
    )
    # The grid is a canvas, never text on paper: its print-only copy (see dashboard/domain/printout.py).
    st.html(printout.table_html(table, lang))
    if table.csv:
        # The CSV's columns in the grid's order ("headers as on screen").
        in_grid_order = table.frame.iloc[:, [list(frame.columns).index(c) for c in grid.order]]
        download_csv(in_grid_order, table.csv, table.csv_filters, key=f"csv.{key or table.csv}")
    return result
