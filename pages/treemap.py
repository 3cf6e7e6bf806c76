"""Treemap (構成): reads documents, sections, items."""

import streamlit as st

from dashboard.domain.labels import section_labels, year_labels
from dashboard.i18n import t
from dashboard.st import charts, grids, prose, session, urlstate
from dashboard.views import treemap as tm

lang = session.lang()
tables = session.tables()
years = year_labels(tables["documents"], lang)
labels = section_labels(tables["sections"], lang)
specs = tm.specs(tables)

st.title(t("tm.heading", lang))
st.caption(t("tm.intro", lang))
if st.query_params.get("portion") == "0":  # portion=0 is the default spelled out, not an error
    del st.query_params["portion"]
keys = urlstate.url_filters("treemap", specs)
c1, c2, c3, c4 = st.columns([3, 2, 2, 3])
c1.segmented_control(
    t("tm.size", lang),
    tm.SIZES,
    key=keys["size"],
    required=True,
    format_func=lambda s: t(f"tm.size.{s}", lang, year=years[0] if s == "request" else years[1]),
)
c2.segmented_control(
    t("tm.color", lang), tm.COLORS, key=keys["color"], required=True, format_func=lambda c: t(f"tm.color.{c}", lang)
)
c3.pills(t("tm.portion", lang), ["1"], key=keys["portion"], format_func=lambda _: t("tm.portion.option", lang))
c4.selectbox(
    t("tm.focus", lang),
    [None, *labels],
    key=keys["focus"],
    format_func=lambda s: t("tm.focus.all", lang) if s is None else labels[s],
    placeholder=t("tm.focus.all", lang),
)
view = session.cached_view(tm.view, tm.Filters.from_values(urlstate.sync_url("treemap", specs)))
figure = view.figures["treemap"]
if figure is None:
    st.info(t("tm.none", lang))
    st.stop()

# The chart's place, filled last: the tables and their CSV buttons below are drawn first.
chart = charts.chart_slot(figure, "treemap", view.tables["sections"].csv_filters)
st.markdown(view.texts["legend"])
focus = view.texts["focus"]
if focus:
    urlstate.page_link(
        "pages/items.py",
        t("tm.focus.link", lang, section=prose.literal(view.texts["focus_label"])),
        view.texts["focus_link"],
        icon=":material/list:",
    )
else:
    st.caption(t("tm.focus.hint", lang))

# The figures under the treemap, one table a tab; only the open tab is sent.
tab, box = urlstate.url_tabs(keys["tab"], {tab: t(f"tm.tab.{tab}", lang) for tab in tm.TABS})
with box:
    st.subheader(t({"tiles": "tm.table", "sections": "tm.sections", "references": "tm.references"}[tab], lang))
    grids.table(view.tables[tab], key=tab)
st.caption(t("tm.glossary.hint", lang))

charts.draw_charts(chart)
