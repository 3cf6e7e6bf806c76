"""Streamlit glue for the reference sources: the quality page's checks and links, a project's review records.

Kept apart from the pages so each page gains one call (the items and quality pages are
edited by others too). Every review text is shown with :func:`dashboard.st.prose.plain`; the
overview-sheet URL is a link button only when :func:`dashboard.views.reference.review_url`
allows it, else plain text.
"""

from __future__ import annotations

import streamlit as st

from dashboard.domain import reference as domain_reference
from dashboard.domain.contract import View
from dashboard.i18n import t
from dashboard.st import grids, prose


def quality_section(view: View, lang: str) -> None:
    """The base checks against the budget book (a sentence each), the link rate and the unlinked projects
    (``view``: :func:`dashboard.views.reference.view`)."""
    if "checks" in view.tables:
        st.subheader(t("st.qa.checks", lang))
        st.caption(t("st.qa.checks.help", lang))
        grids.table(view.tables["checks"], key="budget_checks")
        for sentence in view.texts["sentences"]:
            prose.plain(sentence)
        if view.texts["book_source"]:
            prose.plain(view.texts["book_source"])
    if view.texts["link_rate"] or view.texts["review_coverage"]:
        st.subheader(t("st.qa.links", lang))
    if view.texts["review_coverage"]:
        prose.plain(view.texts["review_coverage"])  # names the document's ministry: plain text
    if view.texts["link_rate"]:
        st.markdown(view.texts["link_rate"])  # our words and counts only
        st.markdown(f"**{t('st.qa.unlinked', lang)}**")
        grids.table(view.tables["unlinked"], key="unlinked")
        if view.texts["review_source"]:
            prose.plain(view.texts["review_source"])


def review_records(tables: dict, project_key: str | None, lang: str) -> None:
    """A project's review record(s): 予算事業ID, bureau, category, start year, purpose and overview, the sheet's URL."""
    links, reviews = tables.get("review_links"), tables.get("review_records")
    if links is None or reviews is None or project_key is None:
        return
    st.markdown(f"**{t('st.rv.heading', lang)}**")
    cards, ambiguous = domain_reference.review_cards(links, reviews, project_key)
    if not cards:
        st.caption(t("st.rv.none", lang))
        return
    if ambiguous:
        st.warning(t("st.rv.ambiguous", lang, n=len(cards)), icon=":material/call_split:")
    for card in cards:
        with st.container(border=True):
            match = t(f"st.match.{card.match}", lang)
            st.markdown(f"**{t('st.rv.record', lang, id=card.project_id, year=card.review_year, match=match)}**")
            prose.plain(card.name)
            facts = [
                (t("st.rv.bureau", lang), card.bureau),
                (t("st.rv.category", lang), card.category),
                (t("st.rv.start", lang), card.start_year),
            ]
            prose.plain(" · ".join(f"{label}: {value if value is not None else '—'}" for label, value in facts))
            for label, text in ((t("st.rv.purpose", lang), card.purpose), (t("st.rv.overview", lang), card.overview)):
                if text:
                    st.caption(label)
                    prose.plain(text)  # the full text, as plain text
            if card.url_text:
                st.caption(t("st.rv.url", lang))
                if card.url:
                    st.link_button(t("st.rv.url", lang), card.url, icon=":material/open_in_new:")
                prose.plain(card.url_text)
    source = domain_reference.attribution(tables.get("reference_sources"), "project_review", lang)
    if source:
        prose.plain(source)
