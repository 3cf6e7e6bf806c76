"""Glossary (用語集): reads items, priority_requests, matter_requests (for how often each word occurs)."""

import streamlit as st

from dashboard import glossary as gl
from dashboard import ui
from dashboard.i18n import t
from dashboard.params import Param

PAGE = "glossary"
lang = ui.lang()
tables = ui.tables()
specs = [Param("q", "text", default="")]

st.title(t("gl.heading", lang))
keys = ui.url_filters(PAGE, specs)
st.caption(t("gl.intro", lang))
st.text_input(t("gl.search", lang), key=keys["q"], icon=":material/search:")
ui.sync_url(PAGE, specs)

years = gl.document_years(tables["documents"].iloc[0])
found = gl.search(gl.TERMS, st.session_state[keys["q"]], lang, years)
counts = gl.counts(tables["items"], tables["priority_requests"], tables["matter_requests"])
link_params = {} if lang == "ja" else {"lang": lang}
if not found:
    st.info(t("gl.none", lang))
for term in found:
    with st.container(border=True):
        st.subheader(f"{term.ja} — {term.en}", anchor=term.id)
        meaning, treat = gl.explain(term, lang, years)
        st.markdown(f"**{t('gl.meaning', lang)}**: {meaning}")
        st.markdown(f"**{t('gl.treat', lang)}**: {treat}")
        if term.id in counts:
            st.caption(t("gl.count", lang, n=counts[term.id]))
        if (params := gl.items_link(term)) is not None:
            st.page_link(
                "pages/items.py",
                label=t("gl.link", lang),
                icon=":material/list:",
                query_params={**link_params, **params},
            )
        elif term.id == "suishin":
            st.page_link(
                "pages/priority.py",
                label=t("gl.link.priority", lang),
                icon=":material/star:",
                query_params=link_params or None,
            )
