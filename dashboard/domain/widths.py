"""How wide each column of a grid is: from what it shows, so no figure is ever cut.

One rule for every table (``grids.table`` applies it): an amount column is as wide as its
longest formatted value (plus the cell padding), never narrower; amounts come right after
the row's name, long text after them; the name is pinned (it stays while the amounts scroll
on a phone) and cut when long (the grid shows a cell whole on double-click, and the
project detail has it); a header longer than its column is cut and its whole text is the
column's tooltip. Widths are estimated from characters: the grid draws 14 px text, a
Japanese character is 14 px wide, a digit or Latin letter at most 0.55 of that.

The grid (glide-data-grid) grows unpinned columns to fill a wider screen, so the widths
are the least each column needs; the tables whose columns fit :data:`FIT_PX` never scroll
sideways at 1,400 px.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.domain import contract as vw

#: The grid's inner width at a 1,400 px window (the main column is 940 px, less its borders).
FIT_PX = 930
#: Streamlit stops pinning when pinned columns take over 60% of the grid: 0.6 × 368 px at 400 px.
PIN_MAX_PX = 216
#: The grid's font size and the horizontal padding of a cell (8 px each side).
FONT_PX = 14
PAD_PX = 16
#: Room a header needs beside its text (the sort arrow).
HEADER_EXTRA_PX = 14
#: Width of a narrow character (digit, Latin letter, comma) against a Japanese one.
NARROW = 0.55
#: Bounds for columns: a number never below this, a text column starts here and grows to its cap.
MIN_NUMBER_PX = 52
MIN_TEXT_PX = 64
MAX_TEXT_PX = 380
MAX_LONG_TEXT_PX = 520
#: A number header gets this much before text columns get room, and its whole width after.
HEADER_SOFT_PX = 110
#: A progress bar with its "66.4%".
SHARE_PX = 96
#: The row marker of a selectable grid (single-row selection).
SELECT_PX = 34

NUMBER_KINDS = (vw.AMOUNT, vw.SIGNED, vw.PCT, vw.SHARE, vw.INT, vw.SCORE)
#: What the grid shows for a missing figure.
PLACEHOLDER = "—"


def text_px(text: object) -> float:
    """Estimated drawn width of ``text`` at 14 px: Japanese (and other wide) characters 14 px, others 7.7 px.

    >>> text_px("1,234"), text_px("令和6年度")
    (38.5, 63.7)
    """
    width = 0.0
    for char in str(text):
        wide = unicodedata.east_asian_width(char) in ("W", "F", "A") and not char.isascii()
        width += FONT_PX if wide else FONT_PX * NARROW
    return round(width, 1)


def cell_text(value: object, kind: str) -> str:
    """A value as the grid draws it (see ``grids._column_config``): localized numbers show up to 3 decimals.

    >>> cell_text(16241.0, "amount"), cell_text(-65.79999999999995, "amount"), cell_text(None, "amount")
    ('16,241', '-65.8', '—')
    >>> cell_text(0.9661, "score"), cell_text(7, "int"), cell_text(66.417, "share")
    ('0.966', '7', '66.4%')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return PLACEHOLDER
    if kind == vw.AMOUNT:
        return f"{float(value):,.3f}".rstrip("0").rstrip(".")
    if kind == vw.INT:
        return f"{int(value)}"
    if kind == vw.SCORE:
        return f"{float(value):.3f}"
    if kind == vw.SHARE:
        return f"{float(value):.1f}%"
    return str(value)


@dataclass(frozen=True)
class Layout:
    """A grid's column order, each column's width in px, the pinned columns, the headers cut short."""

    order: tuple[str, ...]
    widths: Mapping[str, int]
    pinned: frozenset[str]
    cut_headers: frozenset[str]
    #: Width of the row's name at its longest (to tell whether it is cut).
    name: str | None = None

    @property
    def total(self) -> int:
        return sum(self.widths.values())


def _name_column(frame: pd.DataFrame, kinds: Mapping[str, str]) -> str | None:
    """The column that names a row: of the text columns before the first figure, the one with the
    most distinct values (the project, not its section); else the first text column."""
    columns = [str(c) for c in frame.columns]
    leading: list[str] = []
    for column in columns:
        if kinds[column] in NUMBER_KINDS:
            if leading:
                break
            continue
        if kinds[column] == vw.TEXT:
            leading.append(column)
    if not leading:
        leading = [c for c in columns if kinds[c] == vw.TEXT][:1]
    if not leading:
        return None
    return max(leading, key=lambda c: (frame[c].nunique(), -leading.index(c)))


def _spread(extra: float, columns: list[str], widths: dict[str, float], wants: Mapping[str, float]) -> float:
    """Give ``extra`` px to ``columns`` toward what they want, in proportion to what each lacks."""
    lacking = {c: wants[c] - widths[c] for c in columns if wants[c] > widths[c]}
    total = sum(lacking.values())
    if extra <= 0 or total <= 0:
        return extra
    share = min(1.0, extra / total)
    for column, lack in lacking.items():
        widths[column] += lack * share
    return extra - total * share


def layout(frame: pd.DataFrame, kinds: Mapping[str, str], selectable: bool = False) -> Layout:
    """Order and widths of a grid's columns from what it shows (``frame`` as ``vw.display`` makes it).

    Each number column is at least as wide as its longest value and the name as wide as it may
    be while pinned; the rest of :data:`FIT_PX` goes to the number headers (up to
    :data:`HEADER_SOFT_PX`), then to the other text, then to whole number headers. A table whose
    figures alone are wider than :data:`FIT_PX` scrolls, with its amounts first.

    >>> frame = pd.DataFrame({"事業名": ["省エネルギー投資促進・需要構造転換支援事業費"], "要求額（億円）": [4958.0], "注記": ["再掲"]})
    >>> grid = layout(frame, {"事業名": "text", "要求額（億円）": "amount", "注記": "text"})
    >>> grid.order, sorted(grid.pinned), grid.widths["要求額（億円）"] >= text_px("4,958") + PAD_PX
    (('事業名', '要求額（億円）', '注記'), ['事業名'], True)
    """
    columns = [str(c) for c in frame.columns]
    kinds = {c: kinds.get(c, vw.TEXT) for c in columns}
    longest = {c: max((text_px(cell_text(v, kinds[c])) for v in frame[c]), default=0.0) + PAD_PX for c in columns}
    headers = {c: text_px(c) + PAD_PX + HEADER_EXTRA_PX for c in columns}
    name = _name_column(frame, kinds)

    # Pinned: the name and any count before it (the priority list's No.).
    front: list[str] = []
    if name is not None:
        before = columns[: columns.index(name)]
        front = [c for c in before if kinds[c] == vw.INT] + [name]
    numbers = [c for c in columns if c not in front and kinds[c] in NUMBER_KINDS]
    texts = [c for c in columns if c not in front and c not in numbers]
    order = front + numbers + texts

    widths: dict[str, float] = {}
    wants: dict[str, float] = {}
    for column in columns:
        kind = kinds[column]
        if kind == vw.SHARE:
            widths[column] = max(SHARE_PX, longest[column])
            wants[column] = max(widths[column], headers[column])
        elif kind in NUMBER_KINDS:
            widths[column] = max(MIN_NUMBER_PX, longest[column])
            wants[column] = max(widths[column], headers[column])
        else:
            cap = MAX_LONG_TEXT_PX if kind == vw.LONG_TEXT else MAX_TEXT_PX
            widths[column] = min(longest[column], MIN_TEXT_PX)
            wants[column] = min(max(longest[column], headers[column]), cap)
    if name is not None:
        # The name as wide as it may be and still stay pinned on a phone.
        room = PIN_MAX_PX - sum(widths[c] for c in front if c != name)
        widths[name] = wants[name] = min(max(longest[name], headers[name]), room)

    # One px a column for rounding up.
    extra = FIT_PX - (SELECT_PX if selectable else 0) - len(columns) - sum(widths.values())
    # Room left: number headers up to a short width, then text up to its content, then whole headers.
    extra = _spread(extra, numbers, widths, {c: min(wants[c], max(widths[c], HEADER_SOFT_PX)) for c in numbers})
    extra = _spread(extra, texts, widths, wants)
    _spread(extra, numbers, widths, wants)

    final = {c: math.ceil(widths[c]) for c in columns}
    cut = frozenset(c for c in columns if headers[c] > final[c] + 0.5)
    return Layout(tuple(order), final, frozenset(front), cut, name)
