"""What an English-mode page shows that is Japanese but not a name from the source.

Used by the AppTest and browser English scans: every string of the document's tables
(names, headings, raw lines, notes, the title) may appear as printed, and so may the
glossary's Japanese terms on the glossary page (they are its subject); anything else
in Japanese is interface text that was not translated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import pandas as pd

#: Hiragana, katakana, CJK ideographs, full-width forms and Japanese punctuation.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef▲※【】]")
#: Shown in both languages on purpose (the language switch names itself in both).
BILINGUAL = ("言語 / Language",)


def source_strings(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Every text value of every table (longest first, so a long name is removed before its parts)."""
    found: set[str] = set()
    for frame in tables.values():
        for column in frame.columns:
            if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
                for value in frame[column].dropna().unique():
                    text = str(value)
                    found.add(text)
                    found.add(unicodedata.normalize("NFKC", text))
                    found.update(part for part in re.split(r"[\s　]+", text) if len(part) > 1 and JAPANESE.search(part))
    return sorted(found, key=len, reverse=True)


def untranslated(texts: Iterable[str], allowed: list[str]) -> list[str]:
    """The texts that still hold Japanese once every allowed string is taken out."""
    left = []
    allowed = sorted(set(allowed), key=len, reverse=True)  # a long name before its parts
    for text in texts:
        rest = str(text)
        for phrase in BILINGUAL:
            rest = rest.replace(phrase, " ")
        if not JAPANESE.search(rest):
            continue
        for word in allowed:
            if word in rest:
                rest = rest.replace(word, " ")
                if not JAPANESE.search(rest):
                    break
        if JAPANESE.search(rest):
            left.append(str(text))
    return left
