"""The listings rules every page shares: which listing is counted, what its comparison figure is,
its flags in words, and the accounts' URL codes.

- *primary*: the listing sums use (``is_primary``: not re-listed, not a later ※ or forward listing);
- *counted*: primary and not 内数 (a portion of a larger budget is never added);
- *initial base*: the base-year figure only when it is the initial budget (:func:`base_figures`).
"""

from __future__ import annotations

import pandas as pd

from dashboard.domain.format import basis_label, oku
from dashboard.domain.labels import section_url_names
from dashboard.domain.params import Filter
from dashboard.i18n import name, t
from loaders.accounts import REGISTRY, by_name

# The rule itself lives with the loader (which cannot import the dashboard): one definition for
# the reconciliation, the package's counted sums and every page.
from loaders.rules import counted_mask, one_per_project, portion_mask, primary_mask

__all__ = ["counted_mask", "one_per_project", "portion_mask", "primary_mask"]  # re-exported for the views


#: ASCII codes for the accounts in the URL (the account names are Japanese), from the registry.
ACCOUNT_CODES: dict[str, str] = {a.code: a.name for a in REGISTRY}


#: URL codes for the flags, in the order they are written in the flags column.
FLAG_CODES: tuple[str, ...] = ("new", "portion", "relisted", "forward", "reference", "multiyear")


_FLAG_COLUMN = {
    "new": "is_new",
    "portion": "is_portion",
    "relisted": "is_relisted",
    "forward": "is_forward",
    "reference": "is_reference",
}


def other_base_mask(frame: pd.DataFrame) -> pd.Series:
    """Listings whose comparison figure is not the base year's initial budget (``base_basis`` set, e.g. R4補正)."""
    basis = frame["base_basis"] if "base_basis" in frame else pd.Series(None, index=frame.index, dtype=object)
    return basis.map(lambda b: isinstance(b, str) and bool(b.strip())).astype(bool)


def base_figures(frame: pd.DataFrame) -> pd.DataFrame:
    """The comparison figure split by what it is, for every view (tables, detail, CSVs, /compare, /years).

    ``initial_base_oku``: the printed base when it is the base year's initial budget (当初予算), the
    only figure that may sit in an initial-budget column or in a change. ``other_base_oku`` and
    ``other_base_basis``: the printed base when it comes from elsewhere (``base_basis``, e.g.
    ``廃炉・汚染水・処理水対策事業【176 億円（149 億円（R4 補正））】``: 149 is the R4 supplementary
    budget), shown in a column of its own. ``comparable``: whether a change may be computed (an
    initial base, or none at all as for 新規); a project compared with another budget has no change.
    """
    other = other_base_mask(frame)
    base = frame["base_oku"].astype("float64")
    return pd.DataFrame(
        {
            "initial_base_oku": base.where(~other),
            "other_base_oku": base.where(other),
            "other_base_basis": frame["base_basis"].where(other) if "base_basis" in frame else None,
            "comparable": ~other,
        },
        index=frame.index,
    )


def other_base_text(amount: float | None, basis: str | None, lang: str) -> str:
    """``149億円（R4補正）`` / ``¥14.9 billion (FY2022 supplementary)``; "" when the base is the initial budget."""
    if not isinstance(basis, str) or not basis.strip() or amount is None or pd.isna(amount):
        return ""
    return t("it.base.other", lang, amount=oku(amount, lang), basis=basis_label(basis, lang))


def flag_mask(items: pd.DataFrame, code: str) -> pd.Series:
    """Rows carrying one flag (``multiyear``: a 国庫債務負担行為 amount is given)."""
    if code == "multiyear":
        return items["multiyear_oku"].notna()
    return items[_FLAG_COLUMN[code]].fillna(False).astype(bool)


def account_codes(items: pd.DataFrame) -> dict[str, str]:
    """``code → account`` for the registry's accounts and any other account the document's items name."""
    codes = dict(ACCOUNT_CODES)
    for account in items["account"].dropna().unique():
        codes.setdefault(by_name(account).code, account)
    return codes


def account_label(account: str | None, partial: bool, lang: str) -> str:
    """The account in ``lang``, marked when the project is only partly funded by it."""
    text = name(account, lang)
    return text + t("it.account.partial", lang) if partial and text else text


def flag_words(row: pd.Series | object, lang: str, multiyear: bool = True) -> str:
    """The listing's flags as words, e.g. ``新規、国庫債務負担行為 5年 1,925億円`` (every page's one wording).

    ``multiyear=False`` leaves the 国庫債務負担行為 out where it has columns of its own.
    """
    get = row.get if isinstance(row, pd.Series) else lambda k, d=None: getattr(row, k, d)
    words = []
    if get("is_new"):
        words.append(t("it.flag.new", lang))
    if get("is_portion"):
        words.append(t("it.flag.portion", lang))
    elif get("base_is_portion"):
        words.append(t("it.flag.base_portion", lang))
    if get("is_relisted"):
        words.append(t("it.flag.relisted", lang))
    if get("is_forward"):
        words.append(t("it.flag.forward", lang))
    if get("is_reference"):
        basis = get("reference_basis")
        words.append(
            t("it.flag.reference", lang)
            + (f" ({basis_label(basis, lang)})" if isinstance(basis, str) and basis else "")
        )
    if isinstance(get("base_basis"), str) and get("base_basis"):
        words.append(t("it.flag.base_basis", lang, text=other_base_text(get("base_oku"), get("base_basis"), lang)))
    amount = get("multiyear_oku")
    if multiyear and amount is not None and not pd.isna(amount):
        years = get("multiyear_years")
        years_text = "" if years is None or pd.isna(years) else t("it.flag.years", lang, n=int(years))
        words.append(t("it.flag.multiyear", lang, years=years_text, amount=oku(amount, lang)).replace("  ", " "))
    return t("it.flag.sep", lang).join(words)


COMPARISON_COLUMNS = [
    "item_id",
    "project_key",
    "section_id",
    "order",
    "name",
    "request_oku",
    "base_oku",
    "base_basis",
    "is_new",
    "is_portion",
    "account",
    "account_partial",
    "multiyear_oku",
    "multiyear_years",
    "base_is_portion",
]


def primary(items: pd.DataFrame) -> pd.DataFrame:
    """Primary listings with the comparison columns every level needs.

    ``initial_base_oku`` is the base only when it is the initial budget (null for 新規
    and for a 補正 comparison figure: :func:`dashboard.views.items.base_figures`); ``change_oku``
    treats a missing initial base as 0 (a new project grows from nothing), ``change_pct``
    is null then; a project compared with another budget (R4補正) has neither.
    """
    # is_primary kept (all true) so the rows answer counted_mask like the items they came from
    rows = items.loc[primary_mask(items), COMPARISON_COLUMNS].assign(is_primary=True)
    bases = base_figures(rows)
    initial = bases["initial_base_oku"]
    rows["initial_base_oku"] = initial
    rows["other_base_oku"] = bases["other_base_oku"]
    rows["change_oku"] = (rows["request_oku"] - initial.fillna(0.0)).round(6).where(bases["comparable"])
    with_base = initial.notna() & (initial != 0)
    rows["change_pct"] = ((rows["request_oku"] - initial) / initial * 100).where(with_base).round(4)
    return rows


def _ordered_sections(tables) -> pd.DataFrame:
    return tables["sections"].sort_values("order")


#: The section filter of the pages that list projects by section (/items, /compare), declared once:
#: ``section=<url name>`` (repeatable; section ids of older links still read), a row kept when its
#: section is one of those chosen.
SECTION_FILTER = Filter(
    "section",
    "multi",
    default=(),
    attr="sections",
    choices=lambda tables: tuple(_ordered_sections(tables)["section_id"]),
    url_names=lambda tables: section_url_names(_ordered_sections(tables)),
    apply=lambda rows, ids, context: rows["section_id"].isin(ids),
)
