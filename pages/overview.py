"""Overview (概要): reads documents, accounts, matter_requests."""

import streamlit as st

from dashboard import overview as ov
from dashboard import ui
from dashboard.i18n import t

lang = ui.lang()
view = ui.cached_view(ov.view, ov.Filters())
texts = view.texts
request_year, base_year = texts["years"]

st.title(ui.literal(texts["title"]))
st.caption(ui.literal(texts["source"]))

if texts["headline"]:
    head = texts["headline"]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("ov.metric.request", lang, year=request_year), head["request"], head["change"], delta_color="off")
    c2.metric(t("ov.metric.base", lang, year=base_year), head["base"])
    c3.metric(t("ov.metric.change", lang), head["pct"])

st.subheader(t("ov.accounts", lang))
charts = []
if "accounts" not in view.tables:
    st.info(t("ov.none", lang))
else:
    charts.append(ui.chart_slot(view.figures["accounts"], "overview.accounts"))
    ui.table(view.tables["accounts"], height=texts["accounts_height"])
    if texts["notes"]:
        st.markdown(f"**{t('ov.notes', lang)}**")
        st.markdown("\n".join(f"- {ui.literal(line)}" for line in texts["notes"]))
    st.caption(t("ov.rounding", lang))

st.subheader(t("ov.matters", lang))
st.caption(t("ov.matters.help", lang))
matters = texts["matters"]
st.markdown("\n".join(f"- {ui.literal(line)}" for line in matters) if matters else t("ov.none", lang))
st.caption(t("glossary.hint", lang))
ui.draw_charts(*charts)
