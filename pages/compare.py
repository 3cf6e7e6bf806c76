"""R5 vs R6 (比較): reads documents, accounts, sections, items."""

import streamlit as st

from dashboard.domain.labels import section_labels, year_labels
from dashboard.domain.params import choices_of
from dashboard.i18n import name, t
from dashboard.st import charts, grids, session, urlstate
from dashboard.views import compare as cmp

lang = session.lang()
tables = session.tables()
years = year_labels(tables["documents"], lang)
labels = section_labels(tables["sections"], lang)
specs = cmp.specs(tables)

st.title(t("cmp.heading", lang, base=years[1], request=years[0]))
st.caption(t("cmp.intro", lang))
keys = urlstate.url_filters("compare", specs)
c1, c2, c3, c4 = st.columns([4, 1, 3, 2])
c1.segmented_control(
    t("cmp.level", lang), cmp.LEVELS, key=keys["level"], required=True, format_func=lambda v: t(f"cmp.level.{v}", lang)
)
c2.pills(
    t("cmp.filter.new", lang),
    ["1"],
    key=keys["new"],
    format_func=lambda _: t("cmp.flag.new", lang),
    label_visibility="hidden",
)
c3.selectbox(t("cmp.sort", lang), cmp.SORTS, key=keys["sort"], format_func=lambda v: t(f"cmp.sort.{v}", lang))
c4.number_input(t("cmp.top", lang), key=keys["top"], value=None, min_value=1, max_value=1000, step=1)
c5, c6 = st.columns(2)
c5.multiselect(
    t("cmp.filter.section", lang),
    list(labels),
    key=keys["section"],
    format_func=labels.get,
    placeholder=t("cmp.filter.all", lang),
)
c6.multiselect(
    t("cmp.filter.account", lang),
    choices_of(specs, "account"),
    key=keys["account"],
    format_func=lambda a: name(a, lang),
    placeholder=t("cmp.filter.all", lang),
)
view = session.cached_view(cmp.view, cmp.Filters.from_values(urlstate.sync_url("compare", specs)))
texts = view.texts
if not texts["shown"]:
    st.info(t("cmp.empty", lang))
    st.stop()

st.caption(t("cmp.count", lang, **texts) + " " + t(f"cmp.measure.{texts['measure']}", lang))
if texts.get("multiyear", {}).get("n"):
    st.caption(t("cmp.multiyear", lang, **texts["multiyear"]))
chart = charts.chart_slot(view.figures["bars"], "compare.bars", view.tables["rows"].csv_filters)

st.subheader(t("cmp.table", lang))
grids.table(view.tables["rows"])
st.caption(t("cmp.note.portion", lang) + " " + t("cmp.note.basis", lang))
st.caption(t("glossary.hint", lang))
charts.draw_charts(chart)
