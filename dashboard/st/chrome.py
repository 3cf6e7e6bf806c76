"""The page's furniture: the document note under the header and the print stylesheet."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.domain import doccheck, printout
from dashboard.domain.format import year_label
from dashboard.i18n import t
from dashboard.st.prose import literal
from dashboard.st.session import current_lang, document_id, document_tables, documents, session_uploads, this_run


def document_note(skip: bool = False) -> None:
    """With several documents, a caption naming the one on screen (title, request year vs base year)."""
    loaded = this_run()
    ids, _ = documents(loaded)
    if skip:
        return
    doc = document_id(loaded)
    row = document_tables(loaded, doc)[0]["documents"].iloc[0]
    tables = document_tables(loaded, doc)[0]
    warning = doccheck.header_years_warning(tables["parse_log"], tables["documents"], current_lang())
    if len(ids) < 2:
        # One document: the screen does not name it, a printout must (escaped, print-only).
        st.html(printout.note_html(_print_document(row)))
        if warning:
            st.warning(warning, icon=":material/event_busy:")
        return
    text = t(
        "doc.on_screen",
        current_lang(),
        title=literal(row["title"]),
        request=year_label(row["request_year_label"], row["request_fiscal_year"], current_lang()),
        base=year_label(row["base_year_label"], row["base_fiscal_year"], current_lang()),
    )
    if doc in session_uploads():
        text += " " + t("doc.uploaded_note", current_lang())
    st.caption(text)
    if warning:
        st.warning(warning, icon=":material/event_busy:")


def _print_document(row: pd.Series) -> str:
    lang = current_lang()
    return t(
        "print.document",
        lang,
        title=row["title"],
        request=year_label(row["request_year_label"], row["request_fiscal_year"], lang),
        base=year_label(row["base_year_label"], row["base_fiscal_year"], lang),
    )


def print_stylesheet() -> None:
    """The app's print stylesheet (our constant text, no document's), once per run from the router."""
    st.html(printout.PRINT_CSS)
