"""URL parameters: parsing, validation and serialization of a page's filters.

A page declares its filters as :class:`Param` s; the URL holds their short ASCII
keys with plain values (section ids, numbers, ``1``/``0``). An invalid value
falls back to the default and is reported, never raised. (Streamlit's own
``bind="query-params"`` puts a widget's *formatted* label in the URL, which
would put Japanese names instead of ids there, and drops bad values silently.)
"""

from __future__ import annotations

import dataclasses
import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd


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


def choices_of(specs: Sequence[Param], key: str) -> Sequence[str]:
    """The choices of URL key ``key`` among ``specs`` (what a page's widget offers), by key, not position.

    >>> choices_of([Param("a", "choice", ("x", "y")), Param("b", "text")], "a")
    ('x', 'y')
    """
    return next(spec.choices for spec in specs if spec.key == key)


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


# --- one declaration per filter ---------------------------------------------------------------

#: A value that depends on the document (its sections, accounts, years): computed from its tables.
Tables = Mapping[str, Any]


def _resolve(value: Any, tables: Tables | None) -> Any:
    return value(tables or {}) if callable(value) else value


@dataclass(frozen=True)
class Filter:
    """One filter of a page, declared once (as datasette's ``filters.py`` does).

    From it come the URL key (:meth:`param`), the field of the view's frozen ``Filters``
    (:meth:`to_field`), the URL value written back (:meth:`to_value`), the CSV file-name part
    (``named``) and the widget's default (the field's default). ``kind`` is a :class:`Param` kind
    or ``flag`` (``key=1`` or absent; a bool field). ``default``, ``choices``, ``url_names``,
    ``minimum`` and ``maximum`` may be functions of the document's tables. ``attr`` names the
    field when it is not the key (``min`` → ``min_oku``). ``parse`` and ``url_value`` convert
    between the URL value and the field when the kind's own conversion does not fit (a
    ``transfer=0`` that means ``False``). ``apply(rows, field value, context) → mask`` is how the
    filter keeps rows, for views that filter one table. ``named``: whether a CSV or image file
    name mentions it when it is set (``changed``), always (``always``) or never (``never``).
    """

    key: str
    kind: str
    default: Any = None
    choices: Any = ()
    attr: str | None = None
    url_names: Any = None
    words: Mapping[str, Any] | None = None
    minimum: Any = None
    maximum: Any = None
    parse: Callable[[Any], Any] | None = None
    url_value: Callable[[Any], Any] | None = None
    apply: Callable[..., Any] | None = None
    named: str = "changed"

    @property
    def field(self) -> str:
        return self.attr or self.key

    def param(self, tables: Tables | None = None) -> Param:
        """The URL key's :class:`Param` for one document."""
        if self.kind == "flag":
            return Param(self.key, "choice", ("1",), default=None, words=self.words)
        return Param(
            self.key,
            self.kind,
            tuple(_resolve(self.choices, tables)),
            _resolve(self.default, tables),
            _resolve(self.minimum, tables),
            _resolve(self.maximum, tables),
            _resolve(self.url_names, tables),
            self.words,
        )

    def to_field(self, value: Any) -> Any:
        """The ``Filters`` field for a parsed URL value (what a widget holds).

        >>> Filter("new", "flag").to_field("1"), Filter("section", "multi").to_field(["a"])
        (True, ('a',))
        """
        if self.parse is not None:
            return self.parse(value)
        if self.kind == "flag":
            return value == "1"
        if self.kind == "multi":
            return tuple(value or ())
        if self.kind == "text":
            return str(value or "")
        if self.kind == "int":
            return int(value) if value is not None else None
        return value if value not in ("", None) else None

    def to_value(self, field_value: Any) -> Any:
        """The parsed URL value (what a widget holds) for a ``Filters`` field: the inverse of :meth:`to_field`.

        >>> Filter("new", "flag").to_value(True), Filter("new", "flag").to_value(False)
        ('1', None)
        """
        if self.url_value is not None:
            return self.url_value(field_value)
        if self.kind == "flag":
            return "1" if field_value else None
        if self.kind == "multi":
            return list(field_value or ())
        return field_value

    @property
    def field_default(self) -> Any:
        """The field's default: the declared default, or empty when it depends on the document."""
        return self.to_field(None if callable(self.default) else self.default)


#: Field values that mean "not set" (every row kept).
_UNSET = (None, False, "", (), [])


class FilterValues:
    """What a view's ``Filters`` derive from their declarations (``FILTERS``); see :func:`filters`."""

    FILTERS: ClassVar[tuple[Filter, ...]] = ()
    #: URL keys the page keeps that the view does not depend on (an open tab).
    PAGE_ONLY: ClassVar[tuple[Filter, ...]] = ()

    @classmethod
    def declared(cls) -> tuple[Filter, ...]:
        return (*cls.FILTERS, *cls.PAGE_ONLY)

    @classmethod
    def specs(cls, tables: Tables | None = None) -> list[Param]:
        """Every URL key of the page, in declaration order."""
        return [f.param(tables) for f in cls.declared()]

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> FilterValues:
        """The filters from parsed URL values (``parse_all``, or the widgets' values); a missing key is its default."""
        return cls(**{f.field: f.to_field(values[f.key]) if f.key in values else f.field_default for f in cls.FILTERS})

    @classmethod
    def from_url(cls, raw: Mapping[str, Sequence[str]], tables: Tables | None = None) -> FilterValues:
        """The filters a URL's query (``key → values``) gives, bad values falling back to their defaults."""
        return cls.from_values(parse_all(raw, cls.specs(tables))[0])

    def values(self) -> dict[str, Any]:
        """Every filter as its parsed URL value (what its widget holds)."""
        return {f.key: f.to_value(getattr(self, f.field)) for f in self.FILTERS}

    def set_filters(self) -> list[Filter]:
        """The declared filters that keep rows (an ``apply``) and are set: what narrows a view's rows."""
        return [f for f in self.FILTERS if f.apply is not None and getattr(self, f.field) not in _UNSET]

    def mask(self, rows: pd.DataFrame, context: Any = None) -> pd.Series:
        """Rows kept by every filter that is set (each its ``apply(rows, value, context)``); all rows when none is."""
        keep = pd.Series(True, index=rows.index)
        for f in self.set_filters():
            keep &= f.apply(rows, getattr(self, f.field), context)
        return keep

    def url_values(self, tables: Tables | None = None) -> dict[str, list[str]]:
        """The URL's query for these filters, defaults left out (``key → values``)."""
        out = {}
        for f in self.FILTERS:
            encoded = self._encoded(f, tables)
            if encoded is not None:
                out[f.key] = encoded
        return out

    def _encoded(self, f: Filter, tables: Tables | None) -> list[str] | None:
        value = f.to_value(getattr(self, f.field))
        if value in (None, "", []) and not f.words and not callable(f.default):
            return None  # empty and not a default: nothing to write, no need to look at the document
        return serialize(f.param(tables), value)

    def csv_filters(self, tables: Tables | None = None, keys: Sequence[str] | None = None) -> dict[str, object]:
        """What a CSV or image file name mentions: the filters set (or ``named="always"``), as the URL writes them.

        ``keys`` keeps only those filters (a table that depends on some of them).
        """
        out: dict[str, object] = {}
        for f in self.FILTERS:
            if f.named == "never" or (keys is not None and f.key not in keys):
                continue
            value, encoded = f.to_value(getattr(self, f.field)), self._encoded(f, tables)
            if encoded is None and f.named == "always" and value not in (None, "", []):
                encoded = [(f.param(tables).url_names or {}).get(value, plain(value))]
            if encoded:
                out[f.key] = encoded if f.kind == "multi" else encoded[0]
        return out


def filter_dataclass(cls: type) -> type:
    """Make a frozen dataclass of a :class:`FilterValues` subclass, one field per declared filter.

    The fields, their order and their defaults come from ``cls.FILTERS``: a filter is declared once.

    >>> @filter_dataclass
    ... class Example(FilterValues):
    ...     FILTERS = (Filter("q", "text", default=""), Filter("min", "number", attr="min_oku"))
    >>> Example.from_values({"q": "水素", "min": 10.0})
    Example(q='水素', min_oku=10.0)
    >>> Example().url_values(), Example(min_oku=2.5).url_values()
    ({}, {'min': ['2.5']})
    """
    annotations = dict(inspect.get_annotations(cls))
    for f in cls.FILTERS:
        annotations[f.field] = "Any"
        setattr(cls, f.field, f.field_default)
    cls.__annotations__ = annotations
    return dataclasses.dataclass(frozen=True)(cls)


@dataclass(frozen=True)
class NoFilters(FilterValues):
    """The filters of a page without any (overview, the reference part of /quality): one instance keys its view."""
