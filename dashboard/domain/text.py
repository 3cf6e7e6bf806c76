"""Matching typed text against document text, ignoring width, case and spaces; marking the match.

Shared by every page that searches (the priority list's name filter, the search page), so a
query finds the same things everywhere. Pure functions, no Streamlit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

#: Put around a match in a plain-text excerpt. Not 【】: the document prints its amounts in them.
MARKS = ("«", "»")


def normalize(text: object) -> str:
    """Text for matching, the app's one normalizer (search, /items, /priority, /years): NFKC, no spaces,
    case-folded; "" for no text (None, a missing cell).

    >>> normalize("ＧＸ サプライ"), normalize("GX サプライ") == normalize("gxサプライ"), normalize(float("nan"))
    ('gxサプライ', True, '')
    """
    if not isinstance(text, str) or not text:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


@dataclass(frozen=True)
class Query:
    """A typed query: the whole of it without spaces, and its space-separated words.

    A text matches when it holds the whole query ("中小 企業" finds 中小企業) or every word
    ("中小企業 支援" finds a name holding both, anywhere).
    """

    joined: str
    words: tuple[str, ...]

    @classmethod
    def parse(cls, query: str | None) -> Query:
        text = unicodedata.normalize("NFKC", query or "")
        words = tuple(dict.fromkeys(w for w in (normalize(part) for part in text.split()) if w))
        return cls(normalize(text), words)

    def __bool__(self) -> bool:
        return bool(self.joined)

    def matches(self, normalized: str) -> bool:
        """Whether an already :func:`normalize` d text holds the query."""
        if not self.joined:
            return True
        return self.joined in normalized or all(w in normalized for w in self.words)


def name_matches(names: pd.Series, query: str | None) -> pd.Series:
    """Rows whose text holds the query, ignoring width, case and spaces.

    "GX サプライ" finds "GXサプライチェーン"; words apart ("中小企業 支援") find names holding each of them.
    """
    parsed = Query.parse(query)
    if not parsed:
        return pd.Series(True, index=names.index)
    return names.map(lambda n: parsed.matches(normalize(n if isinstance(n, str) else ""))).astype(bool)


def _folded(text: str) -> tuple[str, list[tuple[int, int]]]:
    """:func:`normalize` d text and, for each of its characters, the span of the original it comes from.

    A character is folded together with the combining marks after it, so a half-width
    ｶﾞ (two characters) becomes ガ as NFKC of the whole text makes it.
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and all(unicodedata.combining(c) for c in unicodedata.normalize("NFKC", text[j])):
            j += 1
        for char in normalize(text[i:j]):
            out.append(char)
            spans.append((i, j))
        i = j
    return "".join(out), spans


def match_spans(text: str | None, query: str | Query | None) -> list[tuple[int, int]]:
    """Where the query sits in ``text`` (start, end in the original characters), merged and in order.

    The whole query's occurrences when it appears as a whole, else each word's.

    >>> match_spans("サイバー 対処能力の向上", "ｻｲﾊﾞｰ対処")
    [(0, 7)]
    """
    parsed = query if isinstance(query, Query) else Query.parse(query)
    if not text or not parsed:
        return []
    folded, origin = _folded(text)
    needles = [parsed.joined] if parsed.joined in folded else list(parsed.words)
    found = []
    for needle in needles:
        start = folded.find(needle)
        while start >= 0:
            found.append((origin[start][0], origin[start + len(needle) - 1][1]))
            start = folded.find(needle, start + len(needle))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def excerpt(
    text: str | None,
    query: str | Query | None,
    around: int = 40,
    marks: tuple[str, str] = MARKS,
    before: int | None = None,
) -> str:
    """Plain text around the first match (``before`` characters before it, default ``around``,
    and ``around`` after), every match in the excerpt between ``marks``.

    Line breaks become spaces; "…" says the text goes on. Never Markdown or HTML: the
    excerpt is shown in a text cell as it is.

    >>> excerpt("また、G7サミットで合意された。サイバー対処能力の向上などを通じた", "サイバー対処能力", 5)
    '…意された。«サイバー対処能力»の向上など…'
    >>> excerpt("no match here", "xyz")
    'no match here'
    """
    text = re.sub(r"[\r\n]+", " ", text or "")
    spans = match_spans(text, query)
    if not spans:
        return text if len(text) <= 2 * around else text[: 2 * around] + "…"
    start = max(0, spans[0][0] - (around if before is None else before))
    end = min(len(text), spans[0][1] + around)
    inside = [s for s in spans if s[0] < end]
    end = max(end, inside[-1][1])
    pieces, cursor = [], start
    for s, e in inside:
        pieces += [text[cursor:s], marks[0], text[s:e], marks[1]]
        cursor = e
    pieces.append(text[cursor:end])
    return ("…" if start > 0 else "") + "".join(pieces) + ("…" if end < len(text) else "")
