"""The parse log's codes: every entry the loader writes has a stable ``code`` and its ``params``.

The English ``message`` (the build log's, the ``file:line: reason`` of a refused file) is made
here from the code and the parameters, so a message can be reworded without touching the app,
which says each entry in the reader's language by its code (``dashboard/i18n/quality.py``,
``qa.code.<code>``). A parameter holding document text is formatted with ``!r`` in English (the
text quoted), and is plain text in the JSON of ``parse_log.params``.

>>> row = entry(12, "info", "theme-heading", "(1)世界…", number="(1)")
>>> row["message"], row["params"]
('theme heading (1) (sections.theme)', '{"number": "(1)"}')
>>> message("amount-sign", sign="▲", amount="4,286 億円")
"a sign (▲) before '4,286 億円': no figure in this document is negative"
"""

from __future__ import annotations

import json

#: code → the English message (``str.format`` with the entry's parameters).
MESSAGES: dict[str, str] = {
    # lines the loader reads as structure, not data (info)
    "accounts-header": "accounts table header",
    "closing": "closing narrative (no figures)",
    "intro": "introductory sentence",
    "matters-sentence": "事項要求 sentence (topics listed above it)",
    "note": "note or legend",
    "pillar-heading": "pillar heading (sections.pillar)",
    "theme-heading": "theme heading {number} (sections.theme)",
    "section-total-line": "total of section {section} on its own line",
    "priority-start": "start of the 重要政策推進枠 list",
    "priority-header": "推進枠 table header",
    "priority-total": "推進枠 合計 row (stated total; see reconciliation)",
    "no-priority-list": "no 重要政策推進枠 list in this document",
    # what the loader doubted (warning)
    "account-one-amount": "accounts row with one amount: read as the request, no base figure (check the columns)",
    "amount-outside-section": "an amount outside any section; not loaded",
    "header-years": "the accounts table's header says {request} vs {base}; the title says {title}",
    "no-accounts-table": "no accounts table (概算要求額 / 当初予算額) found",
    "no-section": "content before any section heading; put in an unnamed section",
    "priority-no-total": "the 推進枠 list states no 合計 (cut short?); nothing to reconcile it with",
    "section-heading-without-total": "section heading without a 【total】 (document cut short?)",
    "section-total-wording": "a section total with 内数/新規/補正 wording; read as plain figures",
    "section-without-total": "section without a stated total",
    "supplementary-without-mark": "a supplementary-budget figure without ※; read as reference money",
    "unclaimed-bullet": "bullet before the body that no 事項要求 sentence claimed",
    "unknown-account": "account not in the registry; loaded as {code}",
    "unknown-tag": "unknown tag ({tag}) after the amount; ignored",
    "unmarked-second-listing": "a second unmarked listing of a project (no 再掲/後掲); not counted again",
    "unread-text": "unread text after the amount: {text!r}",
    # lines that cannot be read (error)
    "account-cannot-read": "accounts row: cannot read {amount!r} as an amount in 億円",
    "account-no-amount": "accounts row without an amount",
    "account-no-figure-cell": "accounts row: the request cell is {cell!r} (no figure) before an amount",
    "account-no-name": "accounts row without an account name",
    "account-text-after": "accounts row: unexpected text after the last amount: {text!r}",
    "account-text-between": "unexpected text between the amounts: {text!r}",
    "amount-cannot-read": "cannot read {amount!r} as an amount in 億円 (thousands in groups of three, 兆 and 億円)",
    "amount-decimals": "{amount!r} has more than {limit} decimals: not an amount in 億円",
    "amount-digits-cho": "{amount!r} has more than {limit} digits before 兆: not an amount in this document",
    "amount-digits-oku": "{amount!r} has more than {limit} digits before 億: not an amount in this document",
    "amount-digits-oku-after-cho": "{amount!r} has more than {limit} digits before 億 after a 兆: not an amount in "
    "this document",
    "amount-exponent": "{amount!r} is written with an exponent: not an amount in 億円",
    "amount-sign": "a sign ({sign}) before {amount!r}: no figure in this document is negative",
    "amount-stray-characters": "stray characters in {amount!r}: not an amount in 億円",
    "amount-stray-digits": "cannot read {amount!r} as an amount in 億円 (stray digits before it)",
    "bracket-amount": "cannot read 【{amount}】 as an amount in 億円",
    "bracket-unclosed": "【 without its closing 】 (line cut short?)",
    "breakdown-without-account": "a うち row with no account above it",
    "comparison-unknown": "unknown comparison {text!r}",
    "ends-in-body": "the document ends inside the policy body (cut short?)",
    "item-name-missing": "an amount with no project name before it",
    "item-no-amount": "no 【amount】 on an item line",
    "more-errors": "{n} more errors not listed",
    "no-amount-at": "no amount in 億円 at {text!r}",
    "no-sections": "no policy sections (①, (1) …) found: not a 概算要求等概要, or cut short",
    "no-text": "no text found",
    "not-an-amount": "not an amount in 億円: {text!r}",
    "priority-name-missing": "a 推進枠 amount without a project name",
    "priority-no-amount": "a 推進枠 row must end with its amount in 億円",
    "text-after-comparison": "unexpected {text!r} after the comparison figure",
    "text-after-total": "text after the section total: {text!r}",
    "text-in-amount": "unexpected {text!r} in 【{content}】",
    "title-missing": "the first line must be the title with its fiscal year (令和N年度 …)",
    "total-without-section": "a 【total】 with no section heading waiting for it",
    "unbalanced-brackets": "unbalanced brackets in {text!r}",
}


def message(code: str, /, **params: object) -> str:
    """The English message of ``code`` with ``params`` (a code that is not in :data:`MESSAGES` is an error)."""
    return MESSAGES[code].format(**params)


def entry(source_line: int | None, level: str, code: str, text: str, /, **params: object) -> dict:
    """One parse-log row: where, how bad, the code and its parameters (JSON), the English message, the line."""
    return {
        "source_line": source_line,
        "level": level,
        "code": code,
        "params": json.dumps(params, ensure_ascii=False, sort_keys=True),
        "message": message(code, **params),
        "text": text,
    }


class Coded:
    """A finding with a code and parameters, whose ``str`` is its English message (a warning of a parsed line)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code, self.params = code, params

    def __str__(self) -> str:
        return message(self.code, **self.params)

    def __repr__(self) -> str:
        return f"Coded({self.code!r}, **{self.params!r})"
