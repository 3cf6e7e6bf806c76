"""Checks of a document as a whole that a reader must see beside its name (issue 24).

The loader records them in ``parse_log`` with a stable ``code``; these functions turn a code
into a sentence in the reader's language (never by matching the loader's English message).
Pure: no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from dashboard.domain.format import md_literal, year_label
from dashboard.i18n import t
from loaders.tables import HEADER_YEARS


def coded(parse_log: pd.DataFrame, code: str) -> pd.DataFrame:
    """The parse-log rows with ``code`` (none from tables built before the column existed)."""
    if "code" not in parse_log:
        return parse_log.iloc[0:0]
    return parse_log[parse_log["code"] == code]


def header_years_warning(parse_log: pd.DataFrame, documents: pd.DataFrame, lang: str) -> str | None:
    """A Markdown sentence when the document's title year and its accounts table's header years
    disagree (``parse_log.code == "header-years"``), else None. Document text in it is literal.

    >>> log = pd.DataFrame({"code": ["header-years"], "text": ["令和6年度 / 令和5年度"], "source_line": [5]})
    >>> docs = pd.DataFrame({"request_year_label": ["令和7年度"], "request_fiscal_year": [2025],
    ...                      "base_year_label": ["令和6年度"], "base_fiscal_year": [2024]})
    >>> header_years_warning(log, docs, "en").split(". ")[0]
    "The title says FY2025, but the accounts table's header says 令和6年度 / 令和5年度 (line 5)"
    >>> header_years_warning(log.iloc[0:0], docs, "ja") is None
    True
    """
    rows = coded(parse_log, HEADER_YEARS)
    if rows.empty or documents.empty:
        return None
    row, doc = rows.iloc[0], documents.iloc[0]
    line = row.get("source_line")
    return t(
        "doc.header_years",
        lang,
        title=year_label(doc["request_year_label"], doc["request_fiscal_year"], lang),
        header=md_literal(str(row.get("text") or "")),
        line="?" if pd.isna(line) else int(line),
        request=year_label(doc["request_year_label"], doc["request_fiscal_year"], lang),
        base=year_label(doc["base_year_label"], doc["base_fiscal_year"], lang),
    )
