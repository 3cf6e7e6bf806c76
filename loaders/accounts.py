"""The one registry of accounts: names, item tags, URL codes, labels and colours.

The schema, the line parser and the dashboard derive from it. It is an open set: a
summary of another year may have an account row the registry does not know; it still
loads, with a generic :class:`Account` from :func:`by_name`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Account:
    """One account that funds budget projects."""

    name: str  # as printed in the accounts table: 一般会計, エネルギー対策特別会計 …
    code: str  # ASCII, for URLs (/items?account=energy)
    tag: str | None  # the tag after an item's amount ((エネ特)); None for the default account
    short: str  # short label for charts and tables
    colour: str  # hex chart colour
    english: str


REGISTRY: tuple[Account, ...] = (
    Account("一般会計", "general", None, "一般", "#4a90d9", "General Account"),
    Account("エネルギー対策特別会計", "energy", "エネ特", "エネ特", "#f5a623", "Energy Special Account"),
    Account("GX推進対策費", "gx", "GX", "GX", "#3cb371", "GX promotion measures"),
    Account("特許特別会計", "patent", "特許特", "特許特", "#9b7fd1", "Patent Special Account"),
    Account(
        "東日本大震災復興特別会計",
        "reconstruction",
        "復興特",
        "復興特",
        "#e5685f",
        "Great East Japan Earthquake Reconstruction Special Account",
    ),
)

#: An item with no account tag is funded by this one.
DEFAULT: Account = next(a for a in REGISTRY if a.tag is None)
#: Colour of an account the registry does not know.
UNKNOWN_COLOUR = "#9e9e9e"

_BY_NAME = {a.name: a for a in REGISTRY}
_BY_TAG = {a.tag: a for a in REGISTRY if a.tag is not None}
_BY_CODE = {a.code: a for a in REGISTRY}


def is_known(name: str) -> bool:
    """True when ``name`` is an account of the registry."""
    return name in _BY_NAME


def generic_code(name: str) -> str:
    """The URL code of an account the registry does not know: stable, ASCII.

    >>> generic_code("宇宙特別会計").startswith("other-")
    True
    """
    return "other-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]


def by_name(name: str) -> Account:
    """The registry's account, or a generic one for a name it does not know.

    >>> by_name("GX推進対策費").code
    'gx'
    >>> by_name("宇宙特別会計").english
    '宇宙特別会計'
    """
    known = _BY_NAME.get(name)
    if known is not None:
        return known
    return Account(name, generic_code(name), None, name, UNKNOWN_COLOUR, name)


def by_tag(tag: str) -> Account | None:
    """The account of an item tag (NFKC, no spaces): ``"エネ特"`` → エネルギー対策特別会計."""
    return _BY_TAG.get(tag)


def resolve(value: str) -> Account | None:
    """The account a URL value names: a code (``energy``) or, from older links, the Japanese name."""
    return _BY_CODE.get(value) or _BY_NAME.get(value)


#: Names in registry order (the schema and older dashboard code import these).
NAMES: tuple[str, ...] = tuple(a.name for a in REGISTRY)
