"""Glossary (用語集): reads items, priority_requests, matter_requests (for how often each word occurs)."""

import streamlit as st

from dashboard.i18n import t
from dashboard.st import prose, session, urlstate
from dashboard.views import glossary as gl

PAGE = "glossary"
lang = session.lang()
specs = gl.specs({})

st.title(t("gl.heading", lang))
keys = urlstate.url_filters(PAGE, specs)
st.caption(t("gl.intro", lang))
st.text_input(t("gl.search", lang), key=keys["q"], icon=":material/search:")
view = session.cached_view(gl.view, gl.Filters.from_values(urlstate.sync_url(PAGE, specs)))

if not view.texts["entries"]:
    st.info(t("gl.none", lang))
for entry in view.texts["entries"]:
    term = entry.term
    with st.container(border=True):
        st.subheader(f"{term.ja} — {term.en}", anchor=term.id)
        # The explanations name the document's years: document text, made literal.
        st.markdown(f"**{t('gl.meaning', lang)}**: {prose.literal(entry.meaning)}")
        st.markdown(f"**{t('gl.treat', lang)}**: {prose.literal(entry.treat)}")
        if entry.count is not None:
            st.caption(t("gl.count", lang, n=entry.count))
        if entry.items_link is not None:
            urlstate.page_link("pages/items.py", t("gl.link", lang), entry.items_link, icon=":material/list:")
        elif term.id == "suishin":
            urlstate.page_link("pages/priority.py", t("gl.link.priority", lang), icon=":material/star:")
