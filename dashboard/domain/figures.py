"""What every chart shares: the colours of the two years and of a transfer, and the bar layout."""

from __future__ import annotations

#: The base year (grey) and the request year (blue), on every chart.
BASE_COLOUR = "#9aa5b1"
REQUEST_COLOUR = "#1f6fb2"
#: A transfer between accounts (繰入): grey, apart from the requests it funds.
TRANSFER_COLOUR = "#9aa5b1"
#: Legend above the plot, left-aligned, horizontal: it never covers bars on a phone.
LEGEND_TOP = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}


def bar_height(rows: int, per_row: int, chrome: int = 140) -> int:
    """Pixel height of a horizontal bar chart: room for the axis and legend plus ``per_row`` a row.

    >>> bar_height(3, 46)
    278
    """
    return chrome + per_row * max(rows, 1)


#: The part of a stated total that the document does not itemise: pale, outlined in the request colour.
UNLISTED_COLOUR = "#d6e6f5"


def amount_axis(lang: str) -> tuple[float, dict]:
    """The scale from 億円 to the axis unit and the axis settings, one unit for axis and labels.

    Japanese: 億円 with thousands separators (10,000, not "10k"). English: ¥ billion
    (1億円 = ¥0.1 billion), the unit the English labels use.

    >>> amount_axis("en")[0], amount_axis("en")[1]["title"]
    (0.1, '¥ billion')
    """
    if lang == "en":
        return 0.1, {"title": "¥ billion", "tickformat": ",.0f", "separatethousands": True}
    return 1.0, {"title": "億円", "tickformat": ",.0f", "separatethousands": True}
