"""The page contract: what a page's dashboard module hands its page, without Streamlit.

Every page module under ``dashboard/views/`` exposes three things:

- ``specs(tables) -> list[Param]``: its URL keys, ``Filters.specs`` (see :mod:`dashboard.domain.params`);
- ``Filters``: a frozen dataclass derived from its ``Filter`` declarations, with ``Filters.from_values(values)``
  (the parsed URL values), ``url_values`` and ``csv_filters``;
- ``view(tables, filters, lang) -> View``: every frame, figure and text the page renders.

The page file is then widgets → ``session.cached_view(module.view, filters)`` → render, and
``ui`` holds the one cache-key scheme (document, table files, filters, language).
A :class:`Table` carries its column formats by *column kind*, never by position or by a
translated header, so the grid, the CSV and the tests agree on what a column is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.domain.format import signed_number
from dashboard.domain.params import Filter, FilterValues, filter_dataclass

#: Column kinds a table declares; ``ui`` maps each to one grid format.
AMOUNT = "amount"  # 億円, thousands separators (12,345.6)
SIGNED = "signed"  # a change in 億円 with its sign
PCT = "pct"  # a percentage with its sign
SHARE = "share"  # 0–100 %, drawn as a bar
INT = "int"  # a count or a line number, no separators
SCORE = "score"  # a 0–1 score, three decimals
TEXT = "text"
LONG_TEXT = "long_text"  # a wide text column (explanations)
LINK = "link"  # a URL the grid links to: only URLs a view has checked (e.g. stages.safe_url), else None
KINDS = (AMOUNT, SIGNED, PCT, SHARE, INT, SCORE, TEXT, LONG_TEXT, LINK)


#: The grid's row height in pixels (Streamlit's default, header row the same) and its border.
GRID_ROW_PX, GRID_BORDER_PX = 35, 3


def all_rows_height(rows: int) -> int:
    """A grid height that shows the header and ``rows`` rows without scrolling inside the grid.

    Streamlit's default height stops at 10 rows, so an 11-row table hides its last row, the total.

    >>> all_rows_height(11)
    423
    """
    return (max(rows, 1) + 1) * GRID_ROW_PX + GRID_BORDER_PX


@dataclass(frozen=True)
class Table:
    """One table as shown: the frame (headers as on screen), each column's kind, its CSV name.

    ``csv`` is the file-name stem of its CSV download (``None``: no download);
    ``csv_filters`` are the filters the file name mentions; ``helps`` a header's tooltip.
    """

    frame: pd.DataFrame
    kinds: Mapping[str, str] = field(default_factory=dict)
    csv: str | None = None
    csv_filters: Mapping[str, object] = field(default_factory=dict)
    helps: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = {c: k for c, k in self.kinds.items() if k not in KINDS or c not in self.frame.columns}
        if unknown:
            raise ValueError(f"column kinds for unknown columns or kinds: {unknown}")

    def kind(self, column: str) -> str:
        """A column's kind: declared, else amount for a float column and text otherwise."""
        if column in self.kinds:
            return self.kinds[column]
        return AMOUNT if self.frame[column].dtype.kind == "f" else TEXT


def display(table: Table, lang: str) -> pd.DataFrame:
    """The frame as the grid shows it: changes and rates as signed text in the language's convention.

    ``+10,978`` / ``▲14`` in Japanese, ``−14`` in English; the CSV keeps the plain numbers
    of ``table.frame``. (A grid number format cannot write ▲, nor +, with separators.)

    >>> frame = pd.DataFrame({"d": [10978.0, -14.0, None], "p": [124.36, -3.14, None]})
    >>> display(Table(frame, {"d": SIGNED, "p": PCT}), "ja").to_dict("list")
    {'d': ['+10,978', '▲14', '—'], 'p': ['+124.4%', '▲3.1%', '—']}
    """
    signed = [c for c in table.frame.columns if table.kind(c) in (SIGNED, PCT)]
    if not signed:
        return table.frame
    out = table.frame.copy()
    for column in signed:
        decimals, suffix = (2, "") if table.kind(column) == SIGNED else (1, "%")
        out[column] = [signed_number(v, lang, decimals, suffix) for v in out[column]]
    return out


@dataclass(frozen=True)
class View:
    """Everything a page renders for one set of filters: tables, figures and texts by name."""

    tables: Mapping[str, Table] = field(default_factory=dict)
    figures: Mapping[str, Any] = field(default_factory=dict)
    texts: Mapping[str, Any] = field(default_factory=dict)


@filter_dataclass
class QueryFilters(FilterValues):
    """The filters of a page that has only a search text (``q``): glossary, search."""

    FILTERS = (Filter("q", "text", default=""),)


#: The URL key of a page with only a search text: ``q``.
query_specs = QueryFilters.specs
