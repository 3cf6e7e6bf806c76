"""Budget stages (予算の行方): reads documents, accounts, budget_items."""

import streamlit as st

from dashboard.i18n import name, t
from dashboard.st import charts, grids, prose, session, urlstate
from dashboard.views import stages as sg

PAGE = "stages"
lang = session.lang()
tables = session.tables()
specs = sg.specs(tables)

st.title(t("st.heading", lang))
st.caption(t("st.intro", lang))
keys = urlstate.url_filters(PAGE, specs)
by_key = {s.key: s for s in specs}
c1, c2, c3 = st.columns([2, 3, 4])
c1.selectbox(t("st.year", lang), by_key["year"].choices, key=keys["year"])
c2.selectbox(t("st.account", lang), by_key["account"].choices, key=keys["account"], format_func=lambda a: name(a, lang))
# pills, not a segmented control: four options wrap on a phone instead of running off the screen
c3.pills(t("st.stage", lang), sg.STAGES, key=keys["stage"], format_func=lambda s: t(f"st.stage.opt.{s}", lang))
view = session.cached_view(sg.view, sg.Filters.from_values(urlstate.sync_url(PAGE, specs)))
texts = view.texts
if not texts["covered"]:
    st.info(texts["note"])
    st.stop()

slots = []
year = texts["year"]
st.subheader(t("st.summary", lang, year=year))
if texts["request_note"]:
    st.caption(texts["request_note"])
if "summary" in view.tables:
    grids.table(view.tables["summary"], key="summary")
if texts["not_comparable"]:
    st.markdown(f"**{t('st.not_comparable', lang)}**")
    for account, reason in texts["not_comparable"]:
        prose.plain(f"{account}: {reason}")

st.subheader(prose.literal(t("st.flow", lang, account=texts["account"], year=year)))
if texts["selected_reason"]:
    prose.plain(texts["selected_reason"])
else:
    slots.append(charts.chart_slot(view.figures["stages"], "stages.flow"))
    grids.table(view.tables["stages"], key="flow")
    if texts.get("settled_note"):
        st.caption(texts["settled_note"])

st.subheader(t("st.history", lang))
if "history" in view.tables:
    slots.append(charts.chart_slot(view.figures["history"], "stages.history"))
    grids.table(view.tables["history"], key="history")
st.subheader(t("st.major", lang))
if "major" in view.tables:
    slots.append(charts.chart_slot(view.figures["major"], "stages.major"))
    grids.table(view.tables["major"], key="major")

stage_label = t(f"st.stage.opt.{st.session_state[keys['stage']] or 'initial'}", lang)
st.subheader(prose.literal(t("st.jikou", lang, year=year, account=texts["account"], stage=stage_label)))
if "jikou" in view.tables:
    st.caption(t("st.jikou.count", lang, n=texts["jikou_count"], total=texts["jikou_total"]))
    grids.table(view.tables["jikou"], key="jikou")
    st.caption(t("st.jikou.link", lang))
elif not texts["selected_reason"]:
    st.info(t("st.jikou.none", lang))
if texts["attribution"]:
    prose.plain(texts["attribution"])
charts.draw_charts(*slots)
