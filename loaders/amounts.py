"""Amounts as printed → float 億円 (100 million yen)."""

from __future__ import annotations

import re

from loaders.text import nfkc

_NUM = r"\d[\d,]*(?:\s*,\s*\d[\d,]*)*(?:\.\d+)?"
#: One amount in running text: "1 兆 985 億円", "4,286 億円", "0.05 億円", "2 兆円".
AMOUNT = re.compile(rf"(?:(?P<cho>{_NUM})\s*兆\s*(?:(?P<oku>{_NUM})\s*)?億?円|(?P<oku_only>{_NUM})\s*億円)")


def _number(text: str) -> float:
    return float(re.sub(r"[\s,]", "", text))


def amount_from_match(match: re.Match[str]) -> float:
    """億円 value of an :data:`AMOUNT` match (兆 = 10,000 億)."""
    if match.group("cho") is not None:
        oku = match.group("oku")
        value = _number(match.group("cho")) * 10000 + (_number(oku) if oku else 0.0)
    else:
        value = _number(match.group("oku_only"))
    # 1.1 兆 and similar products must print back as the document's figure.
    return round(value, 6)


def parse_amount(text: str) -> float:
    """Parse one whole amount string; raise ValueError when it is not one.

    >>> parse_amount("1 兆 985 億円")
    10985.0
    >>> parse_amount("２兆４，６１５億円")
    24615.0
    """
    normalized = nfkc(text).strip()
    match = AMOUNT.fullmatch(normalized)
    if not match:
        raise ValueError(f"not an amount in 億円: {text!r}")
    return amount_from_match(match)
