"""Classifying and parsing single lines of a summary (no document state here)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders import accounts
from loaders.amounts import AMOUNT, LineError, amount_from_match, amounts_in
from loaders.log_codes import Coded
from loaders.text import SECTION_MARKER, display, nfkc, project_key, strip_bullet

_AMT = AMOUNT.pattern
_THEME = re.compile(r"^\(\s*(\d+)\s*\)\s*(\S.*)$")
_BRACKETED = re.compile(r"【([^【】]*)】")
# Starts at the word, not at the optional ※ and spaces before it: a pattern that starts with
# \s* tries every space of a long run (20,000 spaces took 2 s); the ※ is cut by hand.
_MULTIYEAR = re.compile(rf"国庫債務負担行為\s*\(\s*(\d+)\s*年\s*\)\s*:?\s*({_AMT})")
_TAG = re.compile(r"\(([^()]*)\)")
_BASIS_WORDS = ("補正", "当初", "予備費")
_NO_SPACE = re.compile(r"\s+")
_CELL_BREAK = re.compile(r"\t|\s{2,}")
#: A table cell that says "no figure" (a new account has no base).
_NO_FIGURE = ("-", "−", "―", "—", "ー", "新規")


__all__ = ["LineError"]  # defined with the number grammar: an unreadable amount is an unreadable line


@dataclass
class Figures:
    """What a 【…】 holds: the request, the comparison and their qualifiers."""

    amount: float | None = None
    is_portion: bool = False
    is_new: bool = False
    base: float | None = None
    base_portion: bool = False
    base_basis: str | None = None
    basis_only: str | None = None  # "(R4補正)" with no comparison figure: a ※ item's source


@dataclass
class ItemLine:
    """One parsed budget-project line."""

    name: str
    key: str
    figures: Figures
    is_reference: bool = False
    is_relisted: bool = False
    is_forward: bool = False
    account: str = accounts.DEFAULT.name  # an item without an account tag
    account_partial: bool = False
    multiyear_oku: float | None = None
    multiyear_years: int | None = None
    warnings: list[Coded] = field(default_factory=list)  # said by code (loaders.log_codes)


def _amount_prefix(text: str) -> tuple[float, str]:
    found = amounts_in(text)
    if not found or found[0].start() != 0:
        raise LineError("no-amount-at", text=text)
    return amount_from_match(found[0]), text[found[0].end() :]


def _split_paren(text: str) -> tuple[str, str]:
    """``"(a(b))rest"`` → ``("a(b)", "rest")``; brackets must balance."""
    depth = 0
    for pos, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return text[1:pos], text[pos + 1 :]
    raise LineError("unbalanced-brackets", text=text)


def parse_figures(content: str) -> Figures:
    """Parse the inside of 【…】 (already NFKC).

    >>> parse_figures("176 億円(149 億円(R4 補正))").base_basis
    'R4補正'
    >>> f = parse_figures("69 億円の内数(70 億円の内数)"); (f.amount, f.is_portion, f.base)
    (69.0, True, 70.0)
    """
    amounts_in(content)  # every figure by the grammar before spaces go ("42 86 億円" is not 4,286)
    text = _NO_SPACE.sub("", content)
    figures = Figures()
    figures.amount, rest = _amount_prefix(text)
    if rest.startswith("の内数"):
        figures.is_portion, rest = True, rest[3:]
    if rest.startswith("("):
        inner, rest = _split_paren(rest)
        if inner == "新規":
            figures.is_new = True
        elif AMOUNT.match(inner):
            figures.base, after = _amount_prefix(inner)
            if after.startswith("の内数"):
                figures.base_portion, after = True, after[3:]
            if after.startswith("("):
                figures.base_basis, after = _split_paren(after)
            if after:
                raise LineError("text-after-comparison", text=after)
        elif any(word in inner for word in _BASIS_WORDS):
            figures.basis_only = inner
        else:
            raise LineError("comparison-unknown", text=inner)
    if rest.startswith("の内数"):
        figures.is_portion, rest = True, rest[3:]
    if rest:
        raise LineError("text-in-amount", text=rest, content=content)
    return figures


#: Inside 【…】, what says "this was meant to be an amount": a unit, or nothing but digits.
_MEANT_AS_AMOUNT = re.compile(r"[円億兆]|^[\d,.\s]+$")


def unreadable_amount(normalized: str) -> str | None:
    """The content of a 【…】 meant as an amount that :data:`AMOUNT` cannot read, else None.

    Without this check ``【abc 億円】`` had no amount, and its line became a policy paragraph.

    >>> unreadable_amount("事業【abc 億円】")
    'abc 億円'
    >>> unreadable_amount("事業【12 億円(新規)】") is None
    True
    """
    for match in _BRACKETED.finditer(normalized):
        content = match.group(1)
        if _MEANT_AS_AMOUNT.search(content.strip()) and not AMOUNT.search(content):
            return content.strip()
    return None


def has_bracket_amount(normalized: str) -> bool:
    """True when a line carries a 【…】 with an amount in it (an item or a total)."""
    return any(AMOUNT.search(m.group(1)) for m in _BRACKETED.finditer(normalized))


def parse_item(raw: str) -> ItemLine:
    """Parse a budget-project line.

    ``- ※ グリーンイノベーション基金事業【2 兆 7,564 億円（R2、4 補正、R5 当初）】（一部GX）（再掲）``
    → name グリーンイノベーション基金事業, reference 27564 (R2、4補正、R5当初), GX partial, relisted.
    """
    text, _ = strip_bullet(nfkc(raw))
    if "【" in text and "】" not in text.split("【", 1)[1]:
        raise LineError("bracket-unclosed")
    match = _BRACKETED.search(text)
    if not match:
        raise LineError("item-no-amount")
    head, tail = text[: match.start()].strip(), text[match.end() :]
    is_reference = head.startswith("※")
    name = head.lstrip("※").strip()
    if not name:
        raise LineError("item-name-missing")
    item = ItemLine(name=display(name), key=project_key(name), figures=parse_figures(match.group(1)))
    item.is_reference = is_reference
    amounts_in(tail)  # 国庫債務負担行為 and any other figure after the 【】, by the grammar
    multiyear = _MULTIYEAR.search(tail)
    if multiyear:
        item.multiyear_years = int(multiyear.group(1))
        item.multiyear_oku = amount_from_match(AMOUNT.search(multiyear.group(2)))
        before = tail[: multiyear.start()].rstrip()
        tail = before.removesuffix("※") + tail[multiyear.end() :]
    for tag in (_NO_SPACE.sub("", t) for t in _TAG.findall(tail)):
        partial = tag.startswith("一部")
        bare = tag[2:] if partial else tag
        if tag == "再掲":
            item.is_relisted = True
        elif tag == "後掲":
            item.is_forward = True
        elif accounts.by_tag(bare) is not None:
            item.account, item.account_partial = accounts.by_tag(bare).name, partial
        else:
            item.warnings.append(Coded("unknown-tag", tag=tag))
    leftover = _NO_SPACE.sub("", _TAG.sub("", tail))
    if leftover:
        item.warnings.append(Coded("unread-text", text=leftover))
    if item.figures.basis_only and not is_reference:
        item.warnings.append(Coded("supplementary-without-mark"))
        item.is_reference = True
    return item


def section_marker(raw: str) -> str | None:
    """The circled section number (①) at the start of a raw line, read before NFKC."""
    match = SECTION_MARKER.match(raw)
    return match.group(1) if match else None


def parse_theme(normalized: str) -> tuple[str, str] | None:
    """``"(1) 世界をリードする…"`` → ``("(1)", "世界をリードする…")``."""
    if has_bracket_amount(normalized):
        return None
    match = _THEME.match(normalized.strip())
    return (f"({match.group(1)})", display(match.group(2))) if match else None


def split_total(normalized: str) -> tuple[str, Figures | None]:
    """Split a heading from its 【total】: ``"名 【168 億円(141 億円)】"`` → ``("名", Figures)``."""
    match = _BRACKETED.search(normalized)
    if not match or not AMOUNT.search(match.group(1)):
        return normalized.strip(), None
    if normalized[match.end() :].strip():
        raise LineError("text-after-total", text=normalized[match.end() :].strip())
    return normalized[: match.start()].strip(), parse_figures(match.group(1))


def is_total_only(normalized: str) -> bool:
    """A line that is only a 【total】 (printed after a blank line below its heading)."""
    stripped = normalized.strip()
    return stripped.startswith("【") and stripped.endswith("】") and has_bracket_amount(stripped)


@dataclass
class AccountRow:
    """A row of the accounts table at the top of the summary."""

    account: str
    parent_marker: bool  # the row began with うち、
    request_oku: float
    base_oku: float | None
    note: str | None
    warnings: list[Coded] = field(default_factory=list)  # said by code (loaders.log_codes)


def parse_account_row(normalized: str) -> AccountRow:
    """Parse an accounts-table row; tabs may have become runs of spaces.

    ``GX 推進対策費\\t1 兆 985 億円 ※国庫債務負担行為等も 活用し、総額 1 兆 8691 億円の 投資促進策を新規要求\\t4,896 億円``
    → GX推進対策費, 10985, 4896, note 国庫債務負担行為等も活用し、総額1兆8691億円の投資促進策を新規要求.
    """
    matches = amounts_in(normalized)
    if not matches:
        raise LineError("account-no-amount")
    label = normalized[: matches[0].start()].strip()
    if not label:
        raise LineError("account-no-name")
    notes = []
    if "※" in label:
        label, label_note = label.split("※", 1)
        notes.append(label_note)
    # A "no figure" cell before the amount: the request is missing, the figure is the base.
    cells = _CELL_BREAK.split(label.strip())
    if len(cells) > 1 and cells[-1].strip() in _NO_FIGURE:
        raise LineError("account-no-figure-cell", cell=cells[-1].strip())
    # A unit before the first amount the loader reads is an amount it cannot read: taking
    # the next figure instead would shift the base into the request column.
    if re.search(r"[円億兆]", label):
        cell = _CELL_BREAK.split(label.strip())[-1]
        raise LineError("account-cannot-read", amount=cell)
    for match in matches:
        # "4.286.0 億円" holds "286.0 億円": a figure glued to more digits is misread, not read.
        if match.start() and normalized[match.start() - 1] in "0123456789.,":
            start = normalized.rfind(" ", 0, match.start()) + 1
            raise LineError("account-cannot-read", amount=normalized[start : match.end()])
    trailing = normalized[matches[-1].end() :].strip()
    if trailing and not trailing.startswith("※") and trailing not in _NO_FIGURE:
        raise LineError("account-text-after", text=trailing)
    if trailing.startswith("※"):
        notes.append(trailing[1:])
    request = amount_from_match(matches[0])
    base = amount_from_match(matches[-1]) if len(matches) > 1 else None
    middle = normalized[matches[0].end() : matches[-1].start()] if len(matches) > 1 else ""
    if middle.strip():
        if "※" not in middle:
            raise LineError("account-text-between", text=middle.strip())
        notes.append(middle.split("※", 1)[1])
    parent_marker = label.startswith("うち")
    label = re.sub(r"^うち[、,]?\s*", "", label)
    note = "; ".join(display(n).lstrip("※ ") for n in notes) or None
    row = AccountRow(display(label), parent_marker, request, base, note)
    if base is None and trailing not in _NO_FIGURE:
        # Tabs may be runs of spaces, so an unreadable request cell cannot always be told
        # from the name: say that the one figure was read as the request.
        row.warnings.append(Coded("account-one-amount"))
    return row


def parse_priority_row(normalized: str) -> tuple[str, float]:
    """``"工業用水道事業費\\t29 億円"`` → ``("工業用水道事業費", 29.0)``; the amount ends the row."""
    matches = amounts_in(normalized)
    if not matches or normalized[matches[-1].end() :].strip():
        raise LineError("priority-no-amount")
    name = normalized[: matches[-1].start()].strip()
    if not name:
        raise LineError("priority-name-missing")
    return name, amount_from_match(matches[-1])
