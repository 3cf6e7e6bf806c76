"""What an English-mode page shows that is Japanese but not a name from the source.

Names, headings and texts of the document (project and section names, the title, policy
paragraphs, 事項要求 topics, account names and notes) may appear as printed, whole or
wrapped over lines of a chart label, or cut with "…"; the glossary's Japanese terms may
appear on the pages that explain them. Any other Japanese is interface text that was not
translated. (Raw source lines are not allowed wholesale: they hold 億円 and every word.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import pandas as pd

#: Hiragana, katakana, CJK ideographs, full-width forms and Japanese punctuation.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef▲※【】]")
RUN = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef▲※【】]+")
_TAG = re.compile(r"<[^>]*>")
#: Shown in both languages on purpose (the language switch names itself in both).
BILINGUAL = ("言語 / Language",)
#: The columns whose text a page may show as printed.
NAME_COLUMNS = {
    "documents": ("title", "ministry"),
    "accounts": ("account", "note", "parent"),
    "sections": ("pillar", "theme", "name"),
    "policies": ("text",),
    "items": ("name",),
    "priority_requests": ("name",),
    "matter_requests": ("text", "requested_by"),
    # the reference sources: budget-book and review names, and their publishers (attribution)
    "budget_items": ("name", "section_name", "major_expense_name", "budget_type", "account", "sub_account", "ministry"),
    "review_records": ("name", "bureau", "category", "purpose", "overview"),
    "review_links": ("item_name", "review_name"),
    "reference_sources": ("publisher", "licence"),
}


#: Source lines a page may show whole (the parse log, raw lines): allowed only as the entire text.
LINE_COLUMNS = {"parse_log": ("text",), "items": ("raw",)}


def source_lines(tables: Mapping[str, pd.DataFrame]) -> set[str]:
    """Whole source lines as the loader kept them (a grid shows a "- …" line with a leading ')."""
    lines: set[str] = set()
    for table, columns in LINE_COLUMNS.items():
        frame = tables.get(table)
        for column in columns if frame is not None else ():
            lines.update(str(v).strip() for v in frame[column].dropna().unique())
    return lines


def source_strings(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The names and texts of the document a page may show as printed (and their NFKC forms)."""
    found: set[str] = set()
    for table, columns in NAME_COLUMNS.items():
        frame = tables.get(table)
        if frame is None:
            continue
        for column in columns:
            if column in frame:
                for value in frame[column].dropna().unique():
                    found.update({str(value), unicodedata.normalize("NFKC", str(value))})
    return sorted(found, key=len, reverse=True)


def untranslated(
    texts: Iterable[str], allowed: list[str], lines: set[str] = frozenset(), words: Iterable[str] = ()
) -> list[str]:
    """The texts holding a run of Japanese that is not part of an allowed string.

    A text that is a whole source line (``lines``) is the document's own. Otherwise chart
    markup is removed (``<br>`` joins a wrapped name back together) and every run of
    Japanese characters must occur inside one of the ``allowed`` strings, or be made of
    ``words`` (the glossary's terms, on the pages that explain them).
    """
    corpus = "\n".join(sorted(set(allowed), key=len, reverse=True))
    words = sorted(set(words), key=len, reverse=True)

    def known(run: str) -> bool:
        if run in corpus:
            return True
        for word in words:
            run = run.replace(word, "")
        return not run

    left = []
    for text in texts:
        if str(text).lstrip("'").strip() in lines:
            continue
        rest = _TAG.sub("", str(text)).replace("…", "\n")
        for phrase in BILINGUAL:
            rest = rest.replace(phrase, " ")
        if not all(known(run) for run in RUN.findall(rest)):
            left.append(str(text))
    return left
