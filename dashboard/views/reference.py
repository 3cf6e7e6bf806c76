"""The reference sources on the quality page and in a project's detail. Pure (no Streamlit).

Reads ``budget_checks`` (the document's stated base against the budget book),
``review_links`` and ``review_records`` (the project reviews). Review text and URLs are
untrusted: the page shows them as plain text; a URL becomes a link only through
:func:`review_url` (https, no credentials, no odd characters).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.domain.contract import LONG_TEXT, SIGNED, TEXT, Table, View
from dashboard.domain.params import NoFilters
from dashboard.domain.reference import attribution
from dashboard.i18n import name, t

STATUS_TEXT = {
    "ok": ("一致", "match"),
    "rounding": ("丸めの範囲内", "within rounding"),
    "gap": ("差あり", "gap"),
    "not comparable": ("比較不可", "not comparable"),
    "not covered": ("データなし", "not covered"),
}


def checks_table(checks: pd.DataFrame, lang: str) -> Table:
    """The base checks: account, document, budget book, difference, result, sentence."""
    ja = lang == "ja"
    frame = pd.DataFrame(
        {
            t("st.col.account", lang): [
                ("　うち " if ja else "   of which ") + name(a, lang) if k == "breakdown" else name(a, lang)
                for a, k in zip(checks["account"], checks["kind"], strict=True)
            ],
            t("st.col.year", lang): checks["fiscal_year"].astype("Int64").astype(str),
            t("st.qa.col.document", lang): checks["document_oku"],
            t("st.qa.col.book", lang): checks["book_oku"],
            t("st.qa.col.difference", lang): checks["difference_oku"],
            t("st.qa.col.status", lang): [STATUS_TEXT[s][0 if ja else 1] for s in checks["status"]],
            t("st.qa.col.sentence", lang): checks["sentence_ja" if ja else "sentence"],
        }
    )
    return Table(
        frame.reset_index(drop=True),
        {
            t("st.col.year", lang): TEXT,
            t("st.qa.col.difference", lang): SIGNED,
            t("st.qa.col.sentence", lang): LONG_TEXT,
        },
        csv="budget_checks",
    )


def link_counts(links: pd.DataFrame) -> dict[str, int]:
    """Projects in all, linked (any kind), ambiguous, unlinked."""
    per_project = links.groupby("project_key").agg(match=("match", "first"), ambiguous=("ambiguous", "any"))
    linked = int((per_project["match"] != "none").sum())
    return {
        "total": len(per_project),
        "linked": linked,
        "ambiguous": int(per_project["ambiguous"].sum()),
        "unlinked": len(per_project) - linked,
    }


def unlinked_table(links: pd.DataFrame, lang: str) -> Table:
    none = links[links["match"] == "none"]
    return Table(
        pd.DataFrame({t("st.qa.col.project", lang): none["item_name"].tolist()}),
        {t("st.qa.col.project", lang): LONG_TEXT},
        csv="unlinked_projects",
    )


def review_coverage(documents: pd.DataFrame, reviews: pd.DataFrame | None, lang: str) -> str | None:
    """A sentence when the project reviews cannot describe the document: none loaded, none of its ministry,
    or none of the review year that covers its request year (links then use the nearest year); else None.

    The review of year N describes the budget of fiscal year N-1 (review 2025: FY2024), as the linking assumes.
    """
    if documents.empty:
        return None
    doc = documents.iloc[0]
    ministry = doc["ministry"]
    if reviews is None or reviews.empty:
        return t("st.qa.reviews.none", lang)
    mine = reviews[reviews["ministry"] == ministry]
    if mine.empty:
        return t("st.qa.reviews.ministry", lang, ministry=ministry)
    target = int(doc["request_fiscal_year"]) + 1
    years = sorted(int(y) for y in mine["review_year"].dropna().unique())
    if target not in years:
        return t(
            "st.qa.reviews.year",
            lang,
            ministry=ministry,
            years=", ".join(map(str, years)),
            fy=target - 1,
            target=target,
        )
    return None


#: No filters: one instance keys the cached view.
Filters = NoFilters


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """The quality page's reference part: the checks with a sentence each, the link rate, the unlinked projects."""
    checks = tables.get("budget_checks")
    links = tables.get("review_links")
    out: dict[str, Table] = {}
    texts: dict[str, object] = {"sentences": [], "link_rate": None}
    if checks is not None and len(checks):
        checks = checks.sort_values("order")
        out["checks"] = checks_table(checks, lang)
        texts["sentences"] = checks["sentence_ja" if lang == "ja" else "sentence"].tolist()
    if links is not None and len(links):
        counts = link_counts(links)
        rate = counts["linked"] / counts["total"] if counts["total"] else 0.0
        texts["link_rate"] = t("st.qa.link_rate", lang, rate=f"{rate:.1%}", **{k: counts[k] for k in counts})
        texts["counts"] = counts
        out["unlinked"] = unlinked_table(links, lang)
    texts["review_coverage"] = review_coverage(tables["documents"], tables.get("review_records"), lang)
    texts["review_source"] = attribution(tables.get("reference_sources"), "project_review", lang)
    texts["book_source"] = attribution(tables.get("reference_sources"), "budget_book", lang)
    return View(tables=out, texts=texts)
