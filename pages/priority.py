"""重要政策推進枠 (priority): reads priority_requests, items, sections, reconciliation."""

import streamlit as st

from dashboard.domain.format import md_code
from dashboard.i18n import t
from dashboard.st import charts, grids, prose, session, urlstate
from dashboard.views import priority as pr

PAGE = "priority"
lang = session.lang()
specs = pr.specs(session.tables())
section_labels = session.cached_view(pr.choices, pr.Filters()).texts["section_labels"]

st.title(t("pr.title", lang))
st.caption(t("pr.intro", lang))

keys = urlstate.url_filters(PAGE, specs)


def _set_filters(**values: object) -> None:
    """Swap the name search for a section or a topic (the URL follows on this run)."""
    st.session_state[keys["q"]] = ""
    for key, value in values.items():
        st.session_state[keys[key]] = value


with st.container(border=True):
    c1, c0, c2, c3 = st.columns([3, 2, 1, 1])
    c1.text_input(t("pr.f.q", lang), key=keys["q"], help=t("pr.f.q.help", lang))
    c0.selectbox(
        t("pr.f.topic", lang),
        list(pr.TOPICS),
        key=keys["topic"],
        index=None,
        format_func=lambda v: t(f"pr.topic.{v}", lang),
        placeholder=t("pr.f.topic.placeholder", lang),
        help=t("pr.f.topic.help", lang),
    )
    c2.number_input(t("pr.f.min", lang), key=keys["min"], value=None, min_value=0.0, step=1.0)
    c3.number_input(t("pr.f.max", lang), key=keys["max"], value=None, min_value=0.0, step=1.0)
    c4, c5, c6 = st.columns([5, 4, 2])
    c4.multiselect(
        t("pr.f.section", lang),
        list(section_labels),
        key=keys["section"],
        format_func=section_labels.get,
        placeholder=t("pr.f.section.placeholder", lang),
    )
    c5.segmented_control(
        t("pr.f.match", lang),
        pr.MATCH_KINDS,
        key=keys["match"],
        help=t("pr.f.match.help", lang),
        format_func=lambda m: t(f"pr.f.match.{m}", lang),
    )
    c6.radio(
        t("pr.f.transfer", lang),
        ["1", "0"],
        key=keys["transfer"],
        horizontal=True,
        format_func=lambda v: t(f"pr.f.transfer.{v}", lang),
    )
view = session.cached_view(pr.view, pr.Filters.from_values(urlstate.sync_url(PAGE, specs)))
texts = view.texts
s = texts["summary"]

if texts["q_matched"] is not None:
    # What the name search looked at, and where to look for the rest.
    q = md_code(texts["q"], 40)
    st.caption(t("pr.q.scope", lang, q=q, n=texts["q_matched"], total=s.total_count))
    urlstate.page_link("pages/search.py", t("pr.q.search_link", lang, q=q), {"q": texts["q"]}, icon=":material/search:")
    # Same-page links do not navigate in Streamlit: these buttons set the filters instead.
    if texts["q_sections"]:
        st.caption(t("pr.q.sections", lang))
        for found in texts["q_sections"]:
            st.button(
                prose.literal(t("pr.q.section_link", lang, label=found["label"], count=found["count"])),
                key=f"priority.to_section.{found['section_id']}",
                icon=":material/filter_alt:",
                type="tertiary",
                on_click=_set_filters,
                kwargs={"section": [found["section_id"]]},
            )
    for found in texts["q_topics"]:
        st.button(
            t("pr.q.topic_link", lang, topic=t(f"pr.topic.{found['topic']}", lang), count=found["count"]),
            key=f"priority.to_topic.{found['topic']}",
            icon=":material/label:",
            type="tertiary",
            on_click=_set_filters,
            kwargs={"topic": found["topic"]},
        )
if texts["topic_words"]:
    topic = t(f"pr.topic.{view.texts['topic']}", lang)
    st.caption(
        t(
            "pr.topic.scope",
            lang,
            topic=topic,
            words=texts["topic_words"],
            n=texts["topic_matched"],
            total=s.total_count,
        )
    )
if texts["min_above_max"]:
    st.info(t("pr.minmax", lang))

# Three metrics a row, not four: 2,408.08億円 is cut with an ellipsis in a quarter of a laptop screen.
m1, m2, m3 = st.columns([2, 3, 3])
m1.metric(t("pr.m.count", lang), texts["count"])
m2.metric(t("pr.m.sum", lang), texts["sum"])
m3.metric(
    t("pr.m.stated", lang),
    texts["stated"] or t("pr.m.stated.none", lang),
    help=t("pr.m.all", lang, total=s.total_count, all=texts["all"]),
)
m4, m5, m6 = st.columns([2, 3, 3])
m5.metric(
    t("pr.m.share_total", lang),
    texts["share_total"],
    help=t("pr.m.share_total.help", lang, sum=texts["sum"], total=texts["total"]),
)
m6.metric(
    t("pr.m.share_without", lang),
    texts["share_without"],
    help=t("pr.m.share_without.help", lang, sum_without=texts["sum_without"], without=texts["without"]),
)
shares_key = "pr.note.shares" if s.stated_oku is not None else "pr.note.shares.no_stated"
st.caption(t(shares_key, lang, **texts["shares"]))
if s.stated_oku is None:
    st.caption(t("pr.note.no_stated", lang))
else:
    st.caption(t("pr.note.rounding", lang, **texts["rounding"]))
if s.transfer_oku:
    transfer = texts["transfer_texts"] | {"name": prose.literal(texts["transfer_texts"]["name"])}
    st.caption(t("pr.note.transfer_total", lang, **transfer))
    if transfer["stated_without"]:
        st.caption(t("pr.note.transfer_stated", lang, **transfer))

# Two tabs, and only the open one is sent: the requests (chart, table) or their subtotals by section.
tab, box = urlstate.url_tabs(keys["tab"], {tab: t(f"pr.tab.{tab}", lang) for tab in pr.TABS})
slots = []
with box:
    if tab == "requests":
        if view.figures["bars"] is None:
            st.info(t("pr.empty", lang))
        else:
            st.subheader(t("pr.chart", lang))
            st.caption(t("pr.chart.help", lang))
            slots.append(charts.chart_slot(view.figures["bars"], "priority.bars", view.tables["requests"].csv_filters))
        st.subheader(t("pr.table", lang))
        st.caption(t("pr.table.help", lang))
        # An unlinked request has no project figure: a dash, not "None" and not 0.
        grids.table(view.tables["requests"], key="priority.requests", placeholder="—")
    elif view.figures["sections"] is None:
        st.info(t("pr.empty", lang))
    else:
        st.subheader(t("pr.sub", lang))
        st.caption(t("pr.sub.help", lang))
        slots.append(
            charts.chart_slot(view.figures["sections"], "priority.sections", view.tables["sections"].csv_filters)
        )
        grids.table(view.tables["sections"], key="priority.sections", placeholder="—")
charts.draw_charts(*slots)
