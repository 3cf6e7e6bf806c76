"""Glossary: the budget words, in Japanese and English, and how the dashboard treats each.

The terms are data (:data:`TERMS`); their explanations are interface text
(``gl.<id>.meaning`` / ``gl.<id>.treat`` in :mod:`dashboard.i18n.glossary`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.domain.contract import QueryFilters, View, query_specs
from dashboard.domain.listings import ACCOUNT_CODES, flag_mask
from dashboard.domain.text import normalize
from dashboard.i18n import NAMES_EN, t
from loaders.accounts import REGISTRY


@dataclass(frozen=True)
class Term:
    """One word of the document: its id, as printed, in English, and where the items page shows it."""

    id: str
    ja: str
    en: str
    flag: str | None = None  # items page ?flag=…
    account: str | None = None  # items page ?account=…


_ACCOUNT_SHORT = {a.code: a.tag for a in REGISTRY if a.tag}

TERMS: tuple[Term, ...] = (
    Term("gaisan", "概算要求", "budget request"),
    Term("tousho", "当初予算", "initial budget"),
    Term("hosei", "補正予算", "supplementary budget", flag="reference"),
    Term("shinki", "新規", "new", flag="new"),
    Term("naisu", "内数", "part of a larger budget", flag="portion"),
    Term("saikei", "再掲", "re-listed", flag="relisted"),
    Term("kokei", "後掲", "listed again later", flag="forward"),
    Term("sankou", "※参考", "reference only (※)", flag="reference"),
    Term("kokusai", "国庫債務負担行為", "multi-year contract authority", flag="multiyear"),
    Term("jiko", "事項要求", "request without an amount"),
    Term("suishin", "重要政策推進枠", "priority-policy quota"),
    *(
        Term(
            f"acc_{code}",
            f"{account}（{_ACCOUNT_SHORT[code]}）" if code in _ACCOUNT_SHORT else account,
            NAMES_EN[account],
            account=code,
        )
        for code, account in ACCOUNT_CODES.items()
    ),
    Term("ichibu", "一部", "partly funded by an account"),
    Term("oku", "億円・兆円", "100 million yen, trillion yen"),
)


def japanese_words() -> list[str]:
    """Every Japanese word the glossary names (other pages may show them in English too)."""
    words = set()
    for term in TERMS:
        words.add(term.ja)
        words.update(part for part in term.ja.replace("（", "・").replace("）", "").split("・") if part)
    return sorted(words, key=len, reverse=True)


def document_years(document: pd.Series) -> dict[str, object]:
    """The years the explanations name, from the document (never hard-coded)."""
    return {
        "req": document.get("request_year_label"),
        "req_fy": document.get("request_fiscal_year"),
        "base": document.get("base_year_label"),
        "base_fy": document.get("base_fiscal_year"),
    }


def explain(term: Term, lang: str, years: dict[str, object]) -> tuple[str, str]:
    """The term's meaning and how the dashboard treats it, in ``lang``."""
    return t(f"gl.{term.id}.meaning", lang, **years), t(f"gl.{term.id}.treat", lang, **years)


def search(terms: tuple[Term, ...], q: str | None, lang: str, years: dict[str, object]) -> list[Term]:
    """Terms whose word, English name or explanation contains ``q`` (ignoring width, case and spaces)."""
    needle = normalize(q)
    if not needle:
        return list(terms)
    found = []
    for term in terms:
        hay = " ".join((term.ja, term.en, *explain(term, lang, years)))
        if needle in normalize(hay):
            found.append(term)
    return found


def counts(items: pd.DataFrame, priority: pd.DataFrame, matters: pd.DataFrame) -> dict[str, int]:
    """How often each term occurs in the document (listings, quota rows, 事項要求 topics)."""
    found = {"jiko": len(matters), "suishin": len(priority)}
    for term in TERMS:
        if term.flag:
            found[term.id] = int(flag_mask(items, term.flag).sum())
        elif term.account:
            found[term.id] = int((items["account"] == ACCOUNT_CODES[term.account]).sum())
    found["ichibu"] = int(items["account_partial"].fillna(False).astype(bool).sum())
    return found


def items_link(term: Term) -> dict[str, str] | None:
    """The items page's URL filter that lists this term's rows, if any."""
    if term.flag:
        return {"flag": term.flag}
    if term.account:
        return {"account": term.account}
    return None


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


#: URL key of /glossary: ``q`` (a search in the words and their explanations).
specs = query_specs
Filters = QueryFilters


@dataclass(frozen=True)
class Entry:
    """One term as the page shows it."""

    term: Term
    meaning: str
    treat: str
    count: int | None
    items_link: dict[str, str] | None


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """The terms matching the search, each with its explanation, count in this document and link."""
    years = document_years(tables["documents"].iloc[0])
    found = counts(tables["items"], tables["priority_requests"], tables["matter_requests"])
    entries = [
        Entry(term, *explain(term, lang, years), found.get(term.id), items_link(term))
        for term in search(TERMS, filters.q, lang, years)
    ]
    return View(texts={"entries": entries})
