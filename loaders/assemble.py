"""Walking a summary's lines in order and assembling the rows of every table.

The document has four parts, recognised by their own lines rather than by position:
title and accounts table → 事項要求 and notes → the policy body (pillars, themes
(1), sections ①, policy paragraphs, project lines) → closing narrative and the
重要政策推進枠 list. Every non-blank line either becomes data or goes to the parse log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from loaders import accounts
from loaders.lines import (
    LineError,
    has_bracket_amount,
    is_total_only,
    parse_account_row,
    parse_item,
    parse_priority_row,
    parse_theme,
    section_marker,
    split_total,
    unreadable_amount,
)
from loaders.log_codes import entry
from loaders.text import SECTION_MARKER, display, nfkc, project_key, prose, strip_bullet

_YEAR = re.compile(r"(令和|平成)\s*(\d+|元)\s*年度")
_ERA_START = {"令和": 2018, "平成": 1988}
_PRIORITY_HEADER = re.compile(r"重要政策推進枠.*一覧")
_TOTAL_ROW = re.compile(r"^(合計|計|総計)$")
_MINISTRY = re.compile(r"([^\s\d年度]+?(?:省|庁|内閣府))")
#: Errors kept per document; the rest are counted in one closing row (see MORE_ERRORS).
MAX_ERRORS = 20
#: The closing row's message: ``"{n} more errors not listed"``.
MORE_ERRORS = re.compile(r"^(\d+) more errors not listed$")
_OTHER_REQUESTER = re.compile(r"([^、。\s]+?)が(?:制度所管省庁として)?事項要求")


def year_of(label: str) -> tuple[str, int] | None:
    """``"令和6年度"`` → ``("令和6年度", 2024)``; 元 counts as 1."""
    match = _YEAR.search(nfkc(label))
    if not match:
        return None
    era, number = match.group(1), match.group(2)
    year = 1 if number == "元" else int(number)
    return f"{era}{number}年度", _ERA_START[era] + year


def label_of(era_year: int) -> str:
    """2023 → 令和5年度 (the inverse of :func:`year_of` for the eras in use)."""
    era = "令和" if era_year >= 2019 else "平成"
    number = era_year - _ERA_START[era]
    return f"{era}{'元' if number == 1 else number}年度"


@dataclass
class Parsed:
    """Rows of every table for one document, before they become DataFrames."""

    document: dict[str, Any] = field(default_factory=dict)
    accounts: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    policies: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    priority: list[dict[str, Any]] = field(default_factory=list)
    priority_total: dict[str, Any] | None = None
    matters: list[dict[str, Any]] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)


class _Walker:
    """One pass over the lines; ``mode`` says which part of the document we are in."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.out = Parsed()
        self.mode = "start"
        self.pillar: str | None = None
        self.pillar_no = 0
        self.theme_no: str | None = None
        self.theme: str | None = None
        self.theme_count = 0
        self.section: dict[str, Any] | None = None
        self.awaiting_total: dict[str, Any] | None = None
        self.policy: dict[str, Any] | None = None
        self.items_since_policy = 0
        self.blank_before = False
        self.pending_matters: list[tuple[int, str, str]] = []
        self.in_matter_list = False
        self.last_account: str | None = None
        self.policy_counts: dict[str, int] = {}  # section_id → policies so far (ids c1, c2 …)
        self.section_counts: dict[tuple[int, str | None], int] = {}  # (pillar, theme) → sections
        self.errors = 0

    # -- helpers -------------------------------------------------------------
    def log(self, line_no: int | None, level: str, code: str, text: str, /, **params: object) -> None:
        """A parse-log entry by its code (:mod:`loaders.log_codes`: the English message is made there)."""
        if level == "error":
            self.errors += 1
            if self.errors > MAX_ERRORS:
                return  # counted, not kept: a garbage file must not make a huge message
        self.out.log.append(entry(line_no, level, code, text, **params))

    def next_nonblank(self, index: int) -> str | None:
        # Walk by index: slicing ``lines[index + 1:]`` copied the rest of the document for
        # every heading-like line, which made the pass quadratic in the document's length.
        for position in range(index + 1, len(self.lines)):
            if self.lines[position].strip():
                return self.lines[position]
        return None

    def is_pillar(self, index: int, normalized: str, had_bullet: bool) -> bool:
        if had_bullet or has_bracket_amount(normalized) or normalized.startswith("※"):
            return False
        following = self.next_nonblank(index)
        if following is None:
            return False
        if section_marker(following):
            return True
        norm_following = nfkc(following)
        return parse_theme(norm_following) is not None or is_total_only(norm_following)

    # -- structure -----------------------------------------------------------
    def open_pillar(self, text: str) -> None:
        """Start a pillar; ``text`` is kept as printed (the contract's 最重要課題：… keeps its ：)."""
        self.pillar_no += 1
        self.pillar = prose(text)
        self.theme_no = self.theme = None
        self.theme_count = 0
        self.close_section()

    def close_section(self) -> None:
        self.section = None
        self.policy = None
        self.awaiting_total = None

    def open_section(self, line_no: int, section_no: str | None, name: str, theme_level: bool = True) -> dict:
        count = self.section_counts.get((self.pillar_no, self.theme_no), 0)
        self.section_counts[(self.pillar_no, self.theme_no)] = count + 1
        parts = [f"p{self.pillar_no}"]
        if self.theme_no and theme_level:
            parts.append(f"t{self.theme_count}")
        if section_no:
            parts.append(f"s{count + 1}")
        section = {
            "section_id": "-".join(parts),
            "order": len(self.out.sections) + 1,
            "pillar": self.pillar,
            "theme_no": self.theme_no if theme_level else None,
            "theme": self.theme if theme_level else None,
            "section_no": section_no,
            "name": display(name),
            "request_oku": None,
            "base_oku": None,
            "source_line": line_no,
            "_pillar_no": self.pillar_no,
        }
        self.out.sections.append(section)
        self.section = section
        self.policy = None
        return section

    def set_total(self, section: dict, figures, line_no: int) -> None:
        section["request_oku"] = figures.amount
        section["base_oku"] = figures.base
        if figures.is_portion or figures.is_new or figures.basis_only:
            self.log(line_no, "warning", "section-total-wording", "")

    # -- the pass ----------------------------------------------------------------
    def run(self) -> Parsed:
        for index, raw in enumerate(self.lines):
            line_no = index + 1
            if not raw.strip():
                self.blank_before = True
                if self.mode == "accounts":
                    self.mode = "preamble"
                continue
            try:
                self.handle(index, line_no, raw)
            except LineError as exc:
                self.log(line_no, "error", exc.code, raw.strip(), **exc.params)
            self.blank_before = False
        self.finish()
        return self.out

    def handle(self, index: int, line_no: int, raw: str) -> None:
        normalized = nfkc(raw).replace("\t", "  ")
        text, had_bullet = strip_bullet(normalized)
        marker = section_marker(raw)

        if self.mode != "start" and text.rfind("【") > text.rfind("】"):
            # Without this a line cut inside 【 has no 【amount】 and was read as a paragraph.
            raise LineError("bracket-unclosed")
        bad_amount = unreadable_amount(normalized) if self.mode != "start" else None
        if bad_amount is not None:
            raise LineError("bracket-amount", amount=bad_amount)

        if self.mode == "start":
            found = year_of(raw)
            if not found:
                raise LineError("title-missing")
            self.out.document.update(
                title=re.sub(r"\s+", " ", nfkc(raw).strip()), request_year_label=found[0], request_fiscal_year=found[1]
            )
            ministry = _MINISTRY.search(nfkc(raw)[_YEAR.search(nfkc(raw)).end() :])
            self.out.document["ministry"] = ministry.group(1) if ministry else None
            self.out.document["_title_line"] = line_no
            self.mode = "preamble"
            return

        # Keywords are looked for without spaces: extraction may split any word ("事 業名").
        compact = re.sub(r"\s+", "", normalized)
        if _PRIORITY_HEADER.search(compact) and not has_bracket_amount(normalized):
            self.close_section()
            self.mode = "priority"
            self.log(line_no, "info", "priority-start", raw.strip())
            return

        if self.mode == "priority":
            self.handle_priority(line_no, raw, normalized)
            return

        if "概算要求額" in compact and not self.out.accounts and self.mode == "preamble":
            self.mode = "accounts"
            base = [y for y in (year_of(c) for c in re.split(r"\s{2,}", normalized)) if y]
            if len(base) >= 2:
                self.out.document["_header_base"] = base[-1]
                self.out.document["_header_request"] = base[0]
                self.out.document["_header_line"] = line_no
            self.log(line_no, "info", "accounts-header", raw.strip())
            return

        if self.mode == "accounts":
            self.handle_account(line_no, normalized)
            return

        if marker or parse_theme(normalized) or self.is_pillar(index, text, had_bullet):
            if self.mode == "preamble":
                self.end_preamble()
            self.mode = "body"
        elif self.mode == "body" and not had_bullet and not has_bracket_amount(text) and not is_total_only(text):
            self.close_section()
            self.mode = "closing"

        if self.mode == "preamble":
            self.handle_preamble(line_no, raw, text, had_bullet)
        elif self.mode == "body":
            self.handle_body(index, line_no, raw, normalized, text, had_bullet, marker)
        else:  # closing narrative
            if has_bracket_amount(text):
                self.log(line_no, "warning", "amount-outside-section", raw.strip())
            else:
                self.log(line_no, "info", "closing", raw.strip())
            if self.is_pillar(index, text, had_bullet):
                self.mode = "body"

    def handle_account(self, line_no: int, normalized: str) -> None:
        row = parse_account_row(normalized)
        for warning in row.warnings:
            self.log(line_no, "warning", warning.code, normalized.strip(), **warning.params)
        is_total = "合計" in row.account or row.account in ("計", "総計")
        if row.parent_marker:
            kind, parent = "breakdown", self.last_account
            if parent is None:
                raise LineError("breakdown-without-account")
        else:
            kind, parent = ("total" if is_total else "account"), None
            if not is_total:
                self.last_account = row.account
        code = None
        if kind == "account":
            code = accounts.by_name(row.account).code
            if not accounts.is_known(row.account):
                # Another year's summary may add an account: load it, and say so.
                self.log(line_no, "warning", "unknown-account", row.account, code=code)
        self.out.accounts.append(
            {
                "account": row.account,
                "parent": parent,
                "kind": kind,
                "request_oku": row.request_oku,
                "base_oku": row.base_oku,
                "note": row.note,
                "order": len(self.out.accounts) + 1,
                "source_line": line_no,
                "code": code,
            }
        )

    def handle_preamble(self, line_no: int, raw: str, text: str, had_bullet: bool) -> None:
        if "事項要求" in re.sub(r"\s+", "", text):
            if text.startswith("※"):
                who = _OTHER_REQUESTER.search(text)
                topic = re.split(r"について(?:は)?、", text.lstrip("※ "), maxsplit=1)[0]
                self.add_matter(line_no, prose(topic), who.group(1) if who else None)
                return
            for pending_line, pending_text, _ in self.pending_matters:
                self.add_matter(pending_line, pending_text, self.out.document.get("ministry"))
            self.pending_matters.clear()
            self.in_matter_list = False
            self.log(line_no, "info", "matters-sentence", raw.strip())
            return
        if had_bullet and self.in_matter_list and not text.startswith("※"):
            self.pending_matters.append((line_no, prose(text.lstrip("・ ")).rstrip("、,"), raw.strip()))
            return
        self.end_preamble()
        # "…に関連し、" opens a list of 事項要求 topics that a "…事項要求をする。" closes.
        self.in_matter_list = not had_bullet and text.endswith(("、", ","))
        if text.startswith("※") or had_bullet:
            self.log(line_no, "info", "note", raw.strip())
        else:
            self.log(line_no, "info", "intro", raw.strip())

    def add_matter(self, line_no: int, text: str, requested_by: str | None) -> None:
        self.out.matters.append(
            {"order": len(self.out.matters) + 1, "text": text, "requested_by": requested_by, "source_line": line_no}
        )

    def end_preamble(self) -> None:
        for line_no, _, raw in self.pending_matters:
            self.log(line_no, "warning", "unclaimed-bullet", raw)
        self.pending_matters.clear()

    def handle_body(self, index, line_no, raw, normalized, text, had_bullet, marker) -> None:
        if marker:
            body = nfkc(raw[SECTION_MARKER.match(raw).end() :])
            name, figures = split_total(body)
            section = self.open_section(line_no, marker, name)
            if figures:
                self.set_total(section, figures, line_no)
            else:
                self.awaiting_total = section
            return
        theme = parse_theme(normalized)
        if theme:
            self.close_section()
            self.theme_count += 1
            self.theme_no, self.theme = theme
            # Headings become columns of sections, not rows: log them so no line goes unaccounted.
            self.log(line_no, "info", "theme-heading", raw.strip(), number=theme[0])
            return
        if is_total_only(text):
            _, figures = split_total(text)
            if self.awaiting_total is not None:
                self.set_total(self.awaiting_total, figures, line_no)
                self.log(line_no, "info", "section-total-line", raw.strip(), section=self.awaiting_total["section_id"])
                self.awaiting_total = None
            elif self.section is None and self.pillar is not None:
                # A pillar with no themes of its own (福島): the pillar is the section.
                name = self.pillar.split(":", 1)[-1].split("：", 1)[-1]
                section = self.open_section(line_no, None, name, theme_level=False)
                section["source_line"] = line_no
                self.set_total(section, figures, line_no)
            else:
                raise LineError("total-without-section")
            return
        if self.is_pillar(index, text, had_bullet):
            self.open_pillar(strip_bullet(raw)[0])
            self.log(line_no, "info", "pillar-heading", raw.strip())
            return
        if has_bracket_amount(text):
            self.add_item(line_no, raw)
            return
        self.add_policy(line_no, text)

    def ensure_section(self, line_no: int) -> dict:
        if self.section is None:
            self.log(line_no, "warning", "no-section", "")
            self.open_section(line_no, None, self.pillar or "(見出しなし)", theme_level=True)
        self.awaiting_total = None
        return self.section

    def add_policy(self, line_no: int, text: str) -> None:
        section = self.ensure_section(line_no)
        paragraph = prose(text)
        # Paragraphs before a group of projects belong together ("また、…" continues one).
        if self.policy is not None and self.items_since_policy == 0:
            self.policy["text"] += "\n" + paragraph
            return
        self.policy = {
            "policy_id": f"{section['section_id']}-c{self.policy_counts.get(section['section_id'], 0) + 1}",
            "section_id": section["section_id"],
            "order": len(self.out.policies) + 1,
            "text": paragraph,
            "source_line": line_no,
        }
        self.out.policies.append(self.policy)
        self.policy_counts[section["section_id"]] = self.policy_counts.get(section["section_id"], 0) + 1
        self.items_since_policy = 0

    def add_item(self, line_no: int, raw: str) -> None:
        parsed = parse_item(raw)
        section = self.ensure_section(line_no)
        for warning in parsed.warnings:
            self.log(line_no, "warning", warning.code, raw.strip(), **warning.params)
        f = parsed.figures
        reference = parsed.is_reference
        order = len(self.out.items) + 1
        self.out.items.append(
            {
                "item_id": f"i{order:04d}",
                "project_key": parsed.key,
                "section_id": section["section_id"],
                "policy_id": self.policy["policy_id"] if self.policy else None,
                "order": order,
                "source_line": line_no,
                "raw": raw.strip(),
                "name": parsed.name,
                "request_oku": None if reference else f.amount,
                "base_oku": None if reference else f.base,
                "base_basis": None if reference else f.base_basis,
                "reference_oku": f.amount if reference else None,
                "reference_basis": (f.basis_only or f.base_basis) if reference else None,
                "is_new": f.is_new,
                "is_portion": f.is_portion,
                "is_relisted": parsed.is_relisted,
                "is_forward": parsed.is_forward,
                "is_reference": reference,
                "account": parsed.account,
                "account_partial": parsed.account_partial,
                "multiyear_oku": parsed.multiyear_oku,
                "multiyear_years": parsed.multiyear_years,
                "base_is_portion": f.base_portion,
            }
        )
        self.items_since_policy += 1

    def handle_priority(self, line_no: int, raw: str, normalized: str) -> None:
        cells = normalized.strip()
        compact = re.sub(r"\s+", "", cells)
        if "事業名" in compact and "要望額" in compact:
            self.log(line_no, "info", "priority-header", raw.strip())
            return
        name, amount = parse_priority_row(normalized)
        if _TOTAL_ROW.match(project_key(name)):
            self.out.priority_total = {"stated_oku": amount, "source_line": line_no}
            self.log(line_no, "info", "priority-total", raw.strip())
            return
        self.out.priority.append(
            {
                "order": len(self.out.priority) + 1,
                "name": display(name),
                "request_oku": amount,
                "project_key": project_key(name),
                "source_line": line_no,
                "raw": raw.strip(),
            }
        )

    def finish(self) -> None:
        last = len(self.lines)
        if self.mode == "start":
            raise LineError("no-text")
        if self.awaiting_total is not None:
            self.log(
                self.awaiting_total["source_line"],
                "warning",
                "section-heading-without-total",
                self.awaiting_total["name"],
            )
        self.end_preamble()
        if not self.out.sections:
            self.log(last, "error", "no-sections", "")
        elif self.mode == "body":
            # A summary's body is followed by closing text and/or the 推進枠 list; a file that
            # stops among project lines was cut short, and loading it would publish partial sums.
            self.log(last, "error", "ends-in-body", self.lines[-1].strip() if self.lines else "")
        if not self.out.accounts:
            self.log(last, "warning", "no-accounts-table", "")
        if self.mode != "priority":
            self.log(last, "info", "no-priority-list", "")
        for section in self.out.sections:
            if section["request_oku"] is None:
                self.log(section["source_line"], "warning", "section-without-total", section["name"])
        if self.errors > MAX_ERRORS:
            self.out.log.append(entry(None, "error", "more-errors", "", n=self.errors - MAX_ERRORS))


def walk(lines: list[str]) -> Parsed:
    """Parse a document's lines into rows (see :class:`Parsed`)."""
    return _Walker(lines).run()
