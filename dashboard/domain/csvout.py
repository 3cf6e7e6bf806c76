"""CSV bytes an analyst can open in Japanese Excel, safe from formula injection."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from dashboard.domain.params import plain

#: OWASP CSV injection: a cell starting with one of these may run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A signed figure as the screen writes it (+5,165 / -3.1%): a number to a spreadsheet, never a formula.
_SIGNED_FIGURE = re.compile(r"[+-]?\d{1,3}(,\d{3})*(\.\d+)?%?|[+-]?\d+(\.\d+)?%?")


def neutralize(value: object) -> object:
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe.

    >>> neutralize("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> neutralize(-3.5), neutralize("+5,165"), neutralize("+1+2")
    (-3.5, '+5,165', "'+1+2")
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _SIGNED_FIGURE.fullmatch(value):
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel reads it as UTF-8), no index, text cells neutralized, numbers plain."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralize)
    safe.columns = [neutralize(str(c)) for c in safe.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def csv_filename(page: str, filters: dict[str, object], today: dt.date | None = None) -> str:
    """A file name saying what it holds: page, the filters that are set, and the date.

    >>> csv_filename("priority", {"q": "水素", "min": 10, "section": []}, dt.date(2026, 11, 29))
    'priority_q-水素_min-10_2026-11-29.csv'
    """
    parts = [page]
    for key, value in filters.items():
        if value in (None, "", [], ()) or value is False:
            continue
        text = "+".join(map(plain, value)) if isinstance(value, list | tuple) else plain(value)
        parts.append(f"{key}-{text}")
    parts.append((today or dt.date.today()).isoformat())
    name = "_".join(parts)
    name = re.sub(r"[^\w.+-]+", "-", name)[:150]
    return f"{name}.csv"
