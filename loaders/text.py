"""Text normalization: the noise PDF extraction leaves, absorbed in one place."""

from __future__ import annotations

import re
import unicodedata

# Circled numbers ①–⑳ and ㉑–㉟: NFKC would turn them into plain digits, so section
# markers are read from the raw line before anything is normalized.
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474)) + "".join(chr(c) for c in range(0x3251, 0x3260))
SECTION_MARKER = re.compile(rf"^[\s\-・○●]*([{_CIRCLED}])\s*")

_DASHES = "\\-‐−–—"
_MARKS = "・○●◯■□◆◇▪•"
# A dash is a bullet when a space or another bullet mark follows it ("- 事業", "- ・…");
# a dash glued to text is the text's own ("-5G実証事業" keeps its dash). Other marks are
# bullets even when glued ("・産業競争力…"), as the summary prints them.
_BULLET = re.compile(rf"^\s*(?:(?:[{_DASHES}](?=[\s{_DASHES}{_MARKS}])|[{_MARKS}])\s*)+")
_WIDE = r"[^\x00-\x7f]"
# A run of spaces with a non-ASCII (Japanese) character on either side is extraction
# noise; spaces between Latin words ("Personal Health Record") are kept.
_SPACE_BESIDE_WIDE = re.compile(rf"(?<={_WIDE})\s+|\s+(?={_WIDE})")


def nfkc(text: str) -> str:
    """NFKC: full-width digits, Latin letters and brackets become half-width."""
    return unicodedata.normalize("NFKC", text)


def strip_bullet(text: str) -> tuple[str, bool]:
    """Remove a leading bullet ("-", "・", "○" …); say whether there was one.

    >>> strip_bullet(" - ※ 事業【1億円】")
    ('※ 事業【1億円】', True)
    >>> strip_bullet(" - -5G実証事業【1億円】")
    ('-5G実証事業【1億円】', True)
    """
    match = _BULLET.match(text)
    if not match:
        return text.strip(), False
    had_bullet = bool(match.group(0).strip())
    return text[match.end() :].strip(), had_bullet


def display(text: str) -> str:
    """A display string: NFKC, no spaces beside Japanese, single spaces elsewhere.

    >>> display("ALPS 処理水風評影響対策事業")
    'ALPS処理水風評影響対策事業'
    >>> display("PHR（Personal Health Record）")
    'PHR(Personal Health Record)'
    """
    text = nfkc(text).strip()
    text = _SPACE_BESIDE_WIDE.sub("", text)
    return re.sub(r"\s+", " ", text)


def prose(text: str) -> str:
    """Paragraph text as printed (full-width punctuation kept), extraction spaces removed."""
    text = text.replace("\u3000", " ").strip()
    text = _SPACE_BESIDE_WIDE.sub("", text)
    return re.sub(r"\s+", " ", text)


def project_key(name: str) -> str:
    """The key that ties every listing of one project: NFKC, no whitespace.

    >>> project_key("GX サプライチェーン構築支援事業") == project_key("GXサプライチェーン構築支援事業")
    True
    """
    return re.sub(r"\s+", "", nfkc(name))
