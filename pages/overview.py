"""Overview (概要): reads documents, accounts, matter_requests."""

import streamlit as st

from dashboard import overview as ov
from dashboard import ui
from dashboard.i18n import t
from dashboard.labels import year_labels

lang = ui.lang()
tables = ui.tables()
doc = tables["documents"].iloc[0]
years = year_labels(tables["documents"], lang)

st.title(doc["title"])
st.caption(t("source.caption", lang, title=doc["title"], source=doc["source_file"], sha=doc["source_sha256"][:12]))

head = ov.headline(tables["accounts"])
if head:
    texts = ov.headline_texts(head, lang)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("ov.metric.request", lang, year=years[0]), texts["request"], texts["change"], delta_color="off")
    c2.metric(t("ov.metric.base", lang, year=years[1]), texts["base"])
    c3.metric(t("ov.metric.change", lang), texts["pct"])

st.subheader(t("ov.accounts", lang))
if tables["accounts"].empty:
    st.info(t("ov.none", lang))
else:
    st.plotly_chart(ov.accounts_figure(tables["accounts"], lang, years), width="stretch")
    table = ov.accounts_table(tables["accounts"], lang, years)
    amount = st.column_config.NumberColumn(format="localized")
    config = {column: amount for column in table.columns[1:4]}
    config[table.columns[4]] = st.column_config.NumberColumn(format="%+.1f")
    st.dataframe(table, hide_index=True, width="stretch", column_config=config)
    st.caption(t("ov.rounding", lang))

st.subheader(t("ov.matters", lang))
st.caption(t("ov.matters.help", lang))
matters = ov.matter_list(tables["matter_requests"], doc["ministry"], lang)
st.markdown("\n".join(f"- {line}" for line in matters) if matters else t("ov.none", lang))
st.caption(t("glossary.hint", lang))
