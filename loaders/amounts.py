"""Amounts as printed → float 億円 (100 million yen), by the document's number grammar.

The grammar (what a summary prints, and nothing else):

- a number is digits, either with no separator (``8691``) or with thousands separators in
  groups of exactly three (``4,286``; ``42,86`` is not a number), and optional decimals
  (``0.05``, at most :data:`MAX_DECIMALS` places); extraction may leave spaces around a
  separator or a unit (``1 兆 985 億円``);
- an amount is ``<n> 億円``, ``<n> 兆円`` or ``<n> 兆 <n> 億円``;
- bounded: at most :data:`MAX_CHO_DIGITS` digits before 兆 (under 1京円), at most
  :data:`MAX_OKU_DIGITS` before 億 alone (under 1,000兆円: METI's whole request is 2兆4,615億円),
  and fewer than 10,000 億 after a 兆 (1万億 is 1兆);
- never negative: no column of a summary (accounts, うち rows, totals, section totals,
  projects, 推進枠, 国庫債務負担行為) holds a change or a negative figure, so a sign before
  an amount (``▲ △ ▼ ▽ + - − ‐ – — ―``, or ``ー`` at the start of a cell) is refused, never
  read as part of a name or dropped;
- an exponent (``1e308``), a letter or digit glued to an amount, bad grouping and too many
  digits are refused with the reason (:class:`LineError`, reported as ``file:line: reason``).
"""

from __future__ import annotations

import re

from loaders.log_codes import message
from loaders.text import nfkc

MAX_CHO_DIGITS = 4
MAX_OKU_DIGITS = 7
MAX_DECIMALS = 4


class LineError(ValueError):
    """A line that looks like data but cannot be read: a parse-log code and its parameters; the message
    (``str``) says why in English (:mod:`loaders.log_codes`)."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(message(code, **params))
        self.code, self.params = code, params


# Possessive and bounded (at most 3 thousands groups: 7 digits are 2), so no line, however
# long, makes a match backtrack: the loader reads 100,000 characters in linear time.
_NUM = r"(?:\d{1,3}(?:\s*+,\s*+\d{3}){1,3}+|\d++)(?:\.\d++)?+"
# Never start inside a number or a word: "42,86 億円" holds no "86 億円", "1e308" no "308".
_EDGE = r"(?<![0-9A-Za-z.,])"
#: One amount in running text: "1 兆 985 億円", "4,286 億円", "0.05 億円", "2 兆円".
AMOUNT = re.compile(rf"{_EDGE}(?:(?P<cho>{_NUM})\s*兆\s*(?:(?P<oku>{_NUM})\s*)?億?円|(?P<oku_only>{_NUM})\s*億円)")

_SIGNS = "▲△▼▽+\\-−‐‑–—―"
# A number-like token: letters, digits, "." and "," with at least one digit, taken whole and
# never started inside another token; at most 4 more pieces after spaces ("4 , 286").
_TOKEN = r"(?<![0-9A-Za-z.,])(?=[0-9A-Za-z.,]*\d)[0-9A-Za-z.,]++"
_LOOSE_NUM = rf"{_TOKEN}(?:\s*+[.,]\s*+[0-9A-Za-z.,]++){{0,4}}+"
#: Anything a reader would take for an amount (a unit after something number-like), with the
#: sign before it (at most one space between: a dash after a cell break is a "no figure" cell).
_CANDIDATE = re.compile(
    rf"(?:(?P<sign>[{_SIGNS}]|(?<!\S)ー) ?)?"
    rf"(?P<body>{_LOOSE_NUM}\s*+(?:兆\s*+(?:{_LOOSE_NUM}\s*+)?億?円|億円))"
)
_DIGITS_BEFORE = re.compile(r"[0-9.,] ?$")


def _number(text: str) -> float:
    return float(re.sub(r"[\s,]", "", text))


def _check_digits(text: str, limit: int, unit: str) -> None:
    """``unit``: where the digits stand (cho, oku-after-cho, oku), the end of the error's code."""
    whole, _, decimals = re.sub(r"[\s,]", "", text).partition(".")
    if len(whole.lstrip("0") or "0") > limit:
        raise LineError(f"amount-digits-{unit}", amount=text.strip(), limit=limit)
    if len(decimals) > MAX_DECIMALS:
        raise LineError("amount-decimals", amount=text.strip(), limit=MAX_DECIMALS)


def amount_from_match(match: re.Match[str]) -> float:
    """億円 value of an :data:`AMOUNT` match (兆 = 10,000 億); :class:`LineError` past the bounds."""
    if match.group("cho") is not None:
        _check_digits(match.group("cho"), MAX_CHO_DIGITS, "cho")
        oku = match.group("oku")
        if oku:
            _check_digits(oku, 4, "oku-after-cho")
        value = _number(match.group("cho")) * 10000 + (_number(oku) if oku else 0.0)
    else:
        _check_digits(match.group("oku_only"), MAX_OKU_DIGITS, "oku")
        value = _number(match.group("oku_only"))
    # 1.1 兆 and similar products must print back as the document's figure.
    return round(value, 6)


def _why_not(body: str) -> LineError:
    if re.search(r"\d\s*[eE]\s*[+-]?\d", body):
        return LineError("amount-exponent", amount=body)
    if re.search(r"[A-Za-z]", body):
        return LineError("amount-stray-characters", amount=body)
    return LineError("amount-cannot-read", amount=body)


def amounts_in(text: str) -> list[re.Match[str]]:
    """Every amount in ``text`` (NFKC), in order, each checked against the grammar.

    Raises :class:`LineError` for anything that looks like an amount and is not one exactly.

    >>> [amount_from_match(m) for m in amounts_in("GX 推進対策費  1 兆 985 億円 ※総額 1 兆 8691 億円  4,896 億円")]
    [10985.0, 18691.0, 4896.0]
    >>> try:
    ...     amounts_in("一般会計  ▲4,286 億円")
    ... except LineError as exc:
    ...     print(exc)
    a sign (▲) before '4,286 億円': no figure in this document is negative
    """
    found = []
    for candidate in _CANDIDATE.finditer(text):
        body = candidate.group("body").strip()
        if candidate.group("sign"):
            raise LineError("amount-sign", sign=candidate.group("sign"), amount=body)
        start = candidate.start("body")
        if _DIGITS_BEFORE.search(text[max(0, start - 2) : start]):
            before = text[:start].rstrip().rsplit(maxsplit=1)[-1]
            raise LineError("amount-stray-digits", amount=before + " " + body)
        strict = AMOUNT.match(text, start)
        if strict is None or strict.end() < candidate.end("body"):
            raise _why_not(body)
        amount_from_match(strict)  # the bounds
        found.append(strict)
    return found


def parse_amount(text: str) -> float:
    """Parse one whole amount string; raise ValueError (:class:`LineError`) when it is not one.

    >>> parse_amount("1 兆 985 億円")
    10985.0
    >>> parse_amount("２兆４，６１５億円")
    24615.0
    """
    normalized = nfkc(text).strip()
    found = amounts_in(normalized)
    if len(found) != 1 or found[0].start() != 0 or found[0].end() != len(normalized):
        raise LineError("not-an-amount", text=text)
    return amount_from_match(found[0])
