"""Interface text in Japanese and English, one module per page plus ``common``.

Every key has both languages (a test checks it). Document names are shown as
printed, except the headings and accounts mapped in :mod:`dashboard.i18n.names`.
"""

from __future__ import annotations

from dashboard.i18n import common, compare, glossary, items, overview, priority, quality, search, treemap
from dashboard.i18n import data as data_text
from dashboard.i18n import share as share_text
from dashboard.i18n import stages as stages_text
from dashboard.i18n import upload as upload_text
from dashboard.i18n import workflow as workflow_text
from dashboard.i18n import years as years_text
from dashboard.i18n.names import NAMES_EN

LANGS = ("ja", "en")
DEFAULT_LANG = "ja"


def _merge(*modules) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, value in module.TEXT.items():
            if key in merged:
                raise KeyError(f"text key {key!r} defined twice")
            merged[key] = value
    return merged


TEXT = _merge(
    common,
    overview,
    treemap,
    compare,
    priority,
    items,
    quality,
    glossary,
    data_text,
    share_text,
    years_text,
    upload_text,
    search,
    stages_text,
    workflow_text,
)


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Japanese when the language is unknown), formatted with ``values``."""
    entry = TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def name(text: str | None, lang: str = DEFAULT_LANG) -> str:
    """A heading or account name in ``lang``: the mapping for English, else as printed."""
    if text is None:
        return ""
    return NAMES_EN.get(text, text) if lang == "en" else text
