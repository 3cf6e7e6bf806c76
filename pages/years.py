"""Across years (年度比較): reads documents, accounts, sections, items of every loaded document."""

import streamlit as st

from dashboard.domain.params import choices_of
from dashboard.i18n import t
from dashboard.st import charts, grids, prose, session, urlstate
from dashboard.views import years as yrs

lang = session.lang()
every = session.every_document()
ids = yrs.ordered(every["documents"])
st.title(t("yrs.heading", lang))
if len(ids) < 2:
    st.info(t("yrs.need_two", lang, n=len(ids)))
    st.stop()
st.caption(t("yrs.intro", lang, n=len(ids)))
titles = session.documents()[1]
# The fuzzy project linking behind the project menu runs once per set of documents (cached), not per rerun.
groups = session.cached_view_all(yrs.groups_view, yrs.Filters()).texts["groups"]
specs = yrs.specs(every, groups)
keys = urlstate.url_filters("years", specs)
c1, c2 = st.columns(2)
c1.selectbox(t("yrs.older", lang), ids, key=keys["older"], format_func=titles.get)
c2.selectbox(t("yrs.newer", lang), ids, key=keys["newer"], format_func=titles.get)
view = session.cached_view_all(yrs.view, yrs.Filters.from_values(urlstate.sync_url("years", specs)))
texts = view.texts
# The labels carry a document id (a file name) when two documents share a year: literal.
pair = texts | {side: prose.literal(texts[side]) for side in ("older", "newer")}
st.info(t("yrs.pair", lang, **pair), icon=":material/compare_arrows:")

st.subheader(t("yrs.changes", lang))
st.caption(t("yrs.changes.intro", lang, **texts))
for column, status in zip(st.columns(4), yrs.CHANGES, strict=True):
    column.metric(t(f"yrs.count.{status}", lang), f"{texts[f'n_{status}']:,}")
c7, c8 = st.columns([3, 2])
c7.pills(
    t("yrs.change", lang),
    yrs.CHANGES,
    key=keys["change"],
    selection_mode="multi",
    format_func=lambda s: t(f"yrs.change.{s}", lang),
)
c8.selectbox(t("yrs.sort", lang), yrs.SORTS, key=keys["sort"], format_func=lambda s: t(f"yrs.sort.{s}", lang))
c5, c6 = st.columns([3, 2])
c5.text_input(t("yrs.q", lang), key=keys["q"])
c6.pills(
    t("yrs.match", lang), choices_of(specs, "match"), key=keys["match"], format_func=lambda m: t(f"yrs.match.{m}", lang)
)
slots = []
if view.figures["changes"].layout.meta["rows"]:
    st.caption(t("yrs.chart.changes", lang, n=yrs.TOP_CHANGES))
    slots.append(charts.chart_slot(view.figures["changes"], "years.changes", view.tables["projects"].csv_filters))
else:
    st.caption(t("yrs.chart.none", lang))
st.caption(t("yrs.projects.count", lang, **texts) + " " + t("yrs.projects.note", lang))
grids.table(view.tables["projects"], key="projects")

st.subheader(t("yrs.history", lang))
st.selectbox(
    t("yrs.project", lang), choices_of(specs, "project"), key=keys["project"], index=None, placeholder=texts["project"]
)
if texts["project_suggested"]:
    st.caption(t("yrs.project.suggested", lang))
slots.append(charts.chart_slot(view.figures["history"], "years.history", view.tables["history"].csv_filters))
grids.table(view.tables["history"], key="history")
st.caption(t("yrs.history.note", lang))

c3, c4 = st.columns(2)
with c3:
    st.subheader(t("yrs.new", lang))
    grids.table(view.tables["new"], key="new")
with c4:
    st.subheader(t("yrs.dropped", lang))
    grids.table(view.tables["dropped"], key="dropped")

st.subheader(t("yrs.accounts", lang))
grids.table(view.tables["accounts"], key="accounts")
st.subheader(t("yrs.sections", lang))
st.caption(t("yrs.sections.note", lang))
grids.table(view.tables["sections"], key="sections")
charts.draw_charts(*slots)
