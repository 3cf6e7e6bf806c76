"""Overview (概要): reads documents, accounts, matter_requests."""

import streamlit as st

from dashboard.i18n import t
from dashboard.st import charts, grids, prose, session
from dashboard.views import overview as ov

lang = session.lang()
view = session.cached_view(ov.view, ov.Filters())
texts = view.texts
request_year, base_year = texts["years"]

st.title(prose.literal(texts["title"]))
st.caption(prose.literal(texts["source"]))

if texts["headline"]:
    head = texts["headline"]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("ov.metric.request", lang, year=request_year), head["request"], head["change"], delta_color="off")
    c2.metric(t("ov.metric.base", lang, year=base_year), head["base"])
    c3.metric(t("ov.metric.change", lang), head["pct"])

st.subheader(t("ov.accounts", lang))
slots = []
if "accounts" not in view.tables:
    st.info(t("ov.none", lang))
else:
    slots.append(charts.chart_slot(view.figures["accounts"], "overview.accounts"))
    grids.table(view.tables["accounts"], height=texts["accounts_height"])
    if texts["notes"]:
        st.markdown(f"**{t('ov.notes', lang)}**")
        st.markdown("\n".join(f"- {prose.literal(line)}" for line in texts["notes"]))
    st.caption(t("ov.rounding", lang))

st.subheader(t("ov.matters", lang))
st.caption(t("ov.matters.help", lang))
matters = texts["matters"]
st.markdown("\n".join(f"- {prose.literal(line)}" for line in matters) if matters else t("ov.none", lang))
st.caption(t("glossary.hint", lang))
charts.draw_charts(*slots)
