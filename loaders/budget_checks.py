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


def check_documents(tables: dict[str, pd.DataFrame], book: pd.DataFrame) -> pd.DataFrame:
    """``budget_checks``: every account row of every document against the budget book's initial budget."""
    rows = []
    for doc in tables["documents"].itertuples():
        accounts = tables["accounts"][tables["accounts"]["document_id"] == doc.document_id]
        year = int(doc.base_fiscal_year)
        initial = book[(book["fiscal_year"] == year) & (book["stage"] == "initial")]
        covered = len(initial) > 0 and (initial["ministry"] == doc.ministry).any()
        results: dict[str, str] = {}
        for acc in accounts.itertuples():
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
            label = f"{acc.account} FY{year} initial budget"
            label_ja = f"{acc.account}の{year}年度当初予算"
            if not covered:
                row |= {
                    "status": "not covered",
                    "sentence": f"{label}: the budget books here have no {doc.ministry} records for FY{year}.",
                    "sentence_ja": f"{label_ja}: 予算書データに{year}年度の{doc.ministry}の記録がありません。",
                }
                rows.append(row)
                continue
            if acc.kind == "total":
                parts = accounts[accounts["kind"] == "account"]
                if all(results.get(a) in ("ok", "rounding", "gap") for a in parts["account"]):
                    total = sum(r["book_oku"] for r in rows if r["kind"] == "account")
                    scope_rule, scope_rule_ja, count = "the accounts above", "上の各会計の合計", None
                    row["book_oku"] = total
                else:
                    odd = [a for a in parts["account"] if results.get(a) not in ("ok", "rounding", "gap")]
                    row |= {
                        "status": "not comparable",
                        "sentence": f"{label}: not comparable, because {', '.join(odd)} cannot be compared.",
                        "sentence_ja": f"{label_ja}: {'、'.join(odd)}が比べられないため、合計も比べられません。",
                    }
                    rows.append(row)
                    continue
            else:
                siblings = accounts[(accounts["parent"] == acc.parent) & (accounts["account"] != OTHER)]
                scope = book_scope(initial, doc.ministry, acc.account, acc.parent, siblings["account"].tolist())
                if scope.mask is None:
                    results[acc.account] = "not comparable"
                    row |= {
                        "status": "not comparable",
                        "sentence": f"{label}: not comparable. {scope.reason}",
                        "sentence_ja": f"{label_ja}: 比較できません。{scope.reason_ja}",
                    }
                    rows.append(row)
                    continue
                chosen = initial[scope.mask]
                count = len(chosen)
                row["book_oku"] = float(chosen["amount_yen"].sum()) / 1e8
                scope_rule, scope_rule_ja = scope.rule, scope.rule_ja
            row["book_rows"] = count
            if pd.isna(acc.base_oku):
                row |= {
                    "status": "not comparable",
                    "sentence": f"{label}: the document states no figure; the budget book gives "
                    f"{_fmt(row['book_oku'])} (100 million yen; {scope_rule}).",
                    "sentence_ja": f"{label_ja}: 資料に額の記載がありません。予算書では{_fmt(row['book_oku'])}億円"
                    f"（{scope_rule_ja}）。",
                }
                rows.append(row)
                continue
            difference = float(acc.base_oku) - row["book_oku"]
            status = status_of(difference)
            results[acc.account] = status
            words = {
                "ok": ("the same", "一致"),
                "rounding": (
                    "within rounding (the document prints whole 100 million yen)",
                    "丸めの範囲内（資料は億円単位）",
                ),
                "gap": ("a gap beyond rounding", "丸めを超える差"),
            }[status]
            row |= {
                "difference_oku": difference,
                "status": status,
                "sentence": (
                    f"{label}, in 100 million yen: the document states {_fmt(acc.base_oku)}, the budget book gives "
                    f"{_fmt(row['book_oku'])} ({scope_rule}); difference {difference:+,.2f}, {words[0]}."
                ),
                "sentence_ja": (
                    f"{label_ja}: 資料は{_fmt(acc.base_oku)}億円、予算書は{_fmt(row['book_oku'])}億円"
                    f"（{scope_rule_ja}）。差は{difference:+,.2f}億円で{words[1]}。"
                ),
            }
            rows.append(row)
    return typed("budget_checks", rows)
