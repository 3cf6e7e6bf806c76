"""Checking a summary's stated base figures against the budget book (財務省 予算書).

The summary states, per account and うち row, the comparison year's initial budget
(``accounts.base_oku``). The budget book lists the same money 事項 by 事項. Which 事項 make
a summary account (:func:`book_scope`):

- 一般会計: the ministry's general-account 事項 **without** its transfers to special
  accounts (事項 whose name contains 繰入): the summary shows those under the special
  accounts. A うち row named like a 主要経費別分類 (中小企業対策費, 科学技術振興費) is that
  class; その他 is every other class.
- a special account the ministry manages alone (特許特別会計): all its 事項; a うち row is
  the 勘定 of that name.
- a special account managed by several ministries (エネルギー対策特別会計, 東日本大震災復興特別会計):
  its 事項 are every co-manager's, with debt service and transfers, so it is **not comparable**
  with one ministry's summary; an account the budget book does not have (GX推進対策費, funded
  inside エネルギー対策特別会計) neither. The total is comparable only when all its parts are.

Each check carries both figures, the difference (document − book), a status (ok, rounding
within 0.5億円, gap, not comparable, not covered) and a sentence in English and Japanese.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.schema import typed

TOLERANCE_OKU = 0.5  # the summary prints whole 億円
GENERAL = "一般会計"
OTHER = "その他"


@dataclass(frozen=True)
class Scope:
    """Which budget-book rows make one summary account, or why none can."""

    mask: pd.Series | None  # rows of budget_items (any stage, any year); None when not comparable
    reason: str | None = None  # English, when not comparable
    reason_ja: str | None = None
    rule: str = ""  # English: how the rows were chosen
    rule_ja: str = ""


def _fmt(value: float) -> str:
    return f"{value:,.2f}"


def book_scope(book: pd.DataFrame, ministry: str, account: str, parent: str | None, siblings: list[str]) -> Scope:
    """The budget-book rows of a summary account (``parent`` set for a うち row); see the module doc.

    ``siblings`` are the names of the parent's other うち rows (for その他).
    """
    top = parent if isinstance(parent, str) and parent else account
    if top == GENERAL:
        mask = (book["account_type"] == "general") & (book["ministry"] == ministry) & ~book["is_transfer"]
        rule = f"{ministry}'s general-account items without transfers to special accounts"
        rule_ja = f"{ministry}所管の一般会計の事項（特別会計への繰入を除く）"
        if top == account:
            return Scope(mask, rule=rule, rule_ja=rule_ja)
        if account == OTHER:
            others = book["major_expense_name"].isin(siblings)
            return Scope(
                mask & ~others,
                rule=rule + f", expense classes other than {', '.join(siblings)}",
                rule_ja=rule_ja + f"のうち{'、'.join(siblings)}以外の主要経費",
            )
        if not (mask & (book["major_expense_name"] == account)).any():
            return _no_such(account)
        return Scope(
            mask & (book["major_expense_name"] == account),
            rule=rule + f", expense class {account}",
            rule_ja=rule_ja + f"のうち主要経費{account}",
        )
    rows = book["account"] == top
    if not rows.any():
        return _no_such(top)
    managers = book.loc[rows, "ministry"].dropna().unique().tolist()
    if managers != [ministry]:
        group = "; ".join(managers)
        return Scope(
            None,
            reason=(
                f"{top} is managed jointly ({group}); its budget-book totals include every co-manager's items, "
                "debt service and transfers, so they are not this ministry's figures."
            ),
            reason_ja=(
                f"{top}は複数府省の共管（{group}）で、予算書の額は他府省の事項や国債整理基金への繰入等を含むため、"
                "この府省の額とは比べられません。"
            ),
        )
    if top == account:
        return Scope(rows, rule=f"every item of {top}", rule_ja=f"{top}のすべての事項")
    sub = rows & (book["sub_account"] == account)
    if not sub.any():
        return _no_such(account)
    return Scope(sub, rule=f"{top}, sub-account {account}", rule_ja=f"{top}の{account}")


def _no_such(name: str) -> Scope:
    return Scope(
        None,
        reason=f"The budget book has no account, sub-account or expense class named {name}, so there is nothing to compare with.",
        reason_ja=f"予算書には{name}という会計・勘定・主要経費がないため、比べる額がありません。",
    )


def status_of(difference: float) -> str:
    """ok (equal to the cent), rounding (within 0.5億円) or gap."""
    if abs(difference) < 1e-6:
        return "ok"
    return "rounding" if abs(difference) <= TOLERANCE_OKU + 1e-9 else "gap"


#: What a difference within each status is called, in English and Japanese.
_VERDICTS = {
    "ok": ("the same", "一致"),
    "rounding": ("within rounding (the document prints whole 100 million yen)", "丸めの範囲内（資料は億円単位）"),
    "gap": ("a gap beyond rounding", "丸めを超える差"),
}


def _said(row: dict, status: str, label: tuple[str, str], english: str, japanese: str) -> dict:
    """``row`` with its status and its sentence in both languages: the row's label, then what is said of it.

    >>> _said({}, "gap", ("一般会計 FY2023 initial budget", "一般会計の2023年度当初予算"), ": x.", ": ｘ。")["sentence_ja"]
    '一般会計の2023年度当初予算: ｘ。'
    """
    return row | {"status": status, "sentence": label[0] + english, "sentence_ja": label[1] + japanese}


def _check_account(acc, accounts: pd.DataFrame, initial: pd.DataFrame, doc, done: list[dict]) -> dict:
    """One account row of a document against the budget book's initial budget (``done``: the rows before it)."""
    year = int(doc.base_fiscal_year)
    row = {
        "document_id": doc.document_id,
        "account": acc.account,
        "parent": acc.parent if isinstance(acc.parent, str) else None,
        "kind": acc.kind,
        "order": acc.order,
        "fiscal_year": year,
        "stage": "initial",
        "document_oku": acc.base_oku,
        "book_oku": None,
        "difference_oku": None,
        "tolerance_oku": TOLERANCE_OKU,
        "book_rows": None,
    }
    label = (f"{acc.account} FY{year} initial budget", f"{acc.account}の{year}年度当初予算")
    if not (len(initial) > 0 and (initial["ministry"] == doc.ministry).any()):
        return _said(
            row,
            "not covered",
            label,
            f": the budget books here have no {doc.ministry} records for FY{year}.",
            f": 予算書データに{year}年度の{doc.ministry}の記録がありません。",
        )
    if acc.kind == "total":
        compared = {r["account"]: r for r in done if r["kind"] == "account"}
        parts = accounts.loc[accounts["kind"] == "account", "account"]
        odd = [a for a in parts if compared.get(a, {}).get("status") not in _VERDICTS]
        if odd:
            return _said(
                row,
                "not comparable",
                label,
                f": not comparable, because {', '.join(odd)} cannot be compared.",
                f": {'、'.join(odd)}が比べられないため、合計も比べられません。",
            )
        row["book_oku"] = sum(r["book_oku"] for r in compared.values())
        rule, rule_ja, count = "the accounts above", "上の各会計の合計", None
    else:
        siblings = accounts[(accounts["parent"] == acc.parent) & (accounts["account"] != OTHER)]
        scope = book_scope(initial, doc.ministry, acc.account, acc.parent, siblings["account"].tolist())
        if scope.mask is None:
            return _said(
                row,
                "not comparable",
                label,
                f": not comparable. {scope.reason}",
                f": 比較できません。{scope.reason_ja}",
            )
        chosen = initial[scope.mask]
        count = len(chosen)
        row["book_oku"] = float(chosen["amount_yen"].sum()) / 1e8
        rule, rule_ja = scope.rule, scope.rule_ja
    row["book_rows"] = count
    book = _fmt(row["book_oku"])
    if pd.isna(acc.base_oku):
        return _said(
            row,
            "not comparable",
            label,
            f": the document states no figure; the budget book gives {book} (100 million yen; {rule}).",
            f": 資料に額の記載がありません。予算書では{book}億円（{rule_ja}）。",
        )
    difference = float(acc.base_oku) - row["book_oku"]
    status = status_of(difference)
    row["difference_oku"] = difference
    english, japanese = _VERDICTS[status]
    return _said(
        row,
        status,
        label,
        f", in 100 million yen: the document states {_fmt(acc.base_oku)}, the budget book gives {book} ({rule}); "
        f"difference {difference:+,.2f}, {english}.",
        f": 資料は{_fmt(acc.base_oku)}億円、予算書は{book}億円（{rule_ja}）。差は{difference:+,.2f}億円で{japanese}。",
    )


def check_documents(tables: dict[str, pd.DataFrame], book: pd.DataFrame) -> pd.DataFrame:
    """``budget_checks``: every account row of every document against the budget book's initial budget."""
    rows = []
    for doc in tables["documents"].itertuples():
        accounts = tables["accounts"][tables["accounts"]["document_id"] == doc.document_id]
        initial = book[(book["fiscal_year"] == int(doc.base_fiscal_year)) & (book["stage"] == "initial")]
        done: list[dict] = []
        for acc in accounts.itertuples():
            done.append(_check_account(acc, accounts, initial, doc, done))
        rows += done
    return typed("budget_checks", rows)
