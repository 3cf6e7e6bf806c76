"""URL parameters: parsing, validation and serialization of a page's filters.

A page declares its filters as :class:`Param` s; the URL holds their short ASCII
keys with plain values (section ids, numbers, ``1``/``0``). An invalid value
falls back to the default and is reported, never raised. (Streamlit's own
``bind="query-params"`` puts a widget's *formatted* label in the URL, which
would put Japanese names instead of ids there, and drops bad values silently.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Param:
    """One URL key: ``kind`` is choice | multi | number | int | text.

    ``url_names`` maps a choice (what the code works with, e.g. a section id or an
    account's name) to the readable ASCII value the URL writes; the choice itself is
    still read, so links written before keep working. ``words`` are extra URL values
    meaning a special choice (``top=all`` → ``None``).
    """

    key: str
    kind: str
    choices: Sequence[str] = ()
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    url_names: Mapping[str, str] | None = None
    words: Mapping[str, Any] | None = None


def _one(spec: Param, value: str) -> tuple[Any, bool]:
    if spec.words and value in spec.words:
        return spec.words[value], True
    if spec.kind in ("choice", "multi"):
        if spec.url_names:
            for choice, url_name in spec.url_names.items():
                if value == url_name:
                    return choice, True
        return (value, True) if value in spec.choices else (None, False)
    if spec.kind in ("number", "int"):
        try:
            number = float(value) if spec.kind == "number" else int(value)
        except ValueError:
            return None, False
        if not math.isfinite(number):
            return None, False
        if (spec.minimum is not None and number < spec.minimum) or (spec.maximum is not None and number > spec.maximum):
            return None, False
        return number, True
    return (value, True) if len(value) <= 200 else (None, False)


def parse(spec: Param, values: Sequence[str]) -> tuple[Any, list[str]]:
    """The value for ``spec`` from the URL's values, and the values it had to drop.

    >>> parse(Param("min", "number"), ["abc"])
    (None, ['abc'])
    >>> parse(Param("section", "multi", ("a", "b"), default=[]), ["a", "x"])
    (['a'], ['x'])
    """
    values = [v for v in values if v != ""]
    if spec.kind == "multi":
        read = [(v, *_one(spec, v)) for v in values]
        good = [value for _, value, ok in read if ok]
        bad = [raw for raw, _, ok in read if not ok]
        # Only bad values (or none) fall back to the default, like a single bad value does.
        return (list(dict.fromkeys(good)) if good else list(spec.default or [])), bad
    if not values:
        return spec.default, []
    value, ok = _one(spec, values[-1])
    return (value, []) if ok else (spec.default, [values[-1]])


def parse_all(raw: Mapping[str, Sequence[str]], specs: Sequence[Param]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Values for every spec and the ``(key, bad value)`` pairs to report."""
    values, bad = {}, []
    for spec in specs:
        values[spec.key], dropped = parse(spec, raw.get(spec.key, []))
        bad += [(spec.key, v) for v in dropped]
    return values, bad


def serialize(spec: Param, value: Any) -> list[str] | None:
    """The URL values for ``value``; None when it is the default (the key is left out).

    >>> serialize(Param("min", "number"), 10.0)
    ['10']
    >>> serialize(Param("size", "choice", ("request", "base"), default="request"), "request") is None
    True
    >>> serialize(Param("top", "int", default=20, words={"all": None}), None)
    ['all']
    >>> serialize(Param("account", "multi", ("一般会計",), default=[], url_names={"一般会計": "general"}), ["一般会計"])
    ['general']
    """
    if value is None and spec.words and spec.default is not None:
        # A special choice that differs from the default is written as its word (top=all).
        return [next(word for word, meaning in spec.words.items() if meaning is None)]
    if value is None or value == spec.default or value in ("", []):
        return None
    names = spec.url_names or {}
    if spec.kind == "multi":
        return [names.get(v, str(v)) for v in value]
    return [names.get(value, plain(value))]


def plain(value: Any) -> str:
    """A value as the URL writes it: ``10.0`` → ``10``.

    >>> plain(10.0), plain(2.5), plain("base")
    ('10', '2.5', 'base')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
