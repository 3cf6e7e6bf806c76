"""Projects (事業一覧): reads documents, sections, items, policies, priority_requests."""

import streamlit as st

from dashboard import items as it
from dashboard import ui
from dashboard.format import md_escape, oku
from dashboard.i18n import t
from dashboard.labels import section_labels, year_labels
from dashboard.params import Param

PAGE = "items"
lang = ui.lang()
tables = ui.tables()
doc = tables["documents"].iloc[0]
years = year_labels(tables["documents"], lang)
items, sections = tables["items"], tables["sections"]
labels = section_labels(sections, lang)

specs = [
    Param("q", "text", default=""),
    Param("section", "multi", tuple(labels), default=[]),
    Param("account", "multi", tuple(it.ACCOUNT_CODES), default=[]),
    Param("flag", "multi", it.FLAG_CODES, default=[]),
    Param("primary", "choice", ("1",), default=None),
    Param("project", "choice", tuple(items["project_key"].unique()), default=None),
]

st.title(t("it.heading", lang))
keys = ui.url_filters(PAGE, specs)
st.caption(t("it.intro", lang) + " " + t("glossary.hint", lang))

c1, c2 = st.columns([2, 1])
c1.text_input(t("it.filter.q", lang), key=keys["q"], help=t("it.filter.q.help", lang))
c2.multiselect(
    t("it.filter.account", lang),
    list(it.ACCOUNT_CODES),
    key=keys["account"],
    format_func=lambda code: it.account_label(it.ACCOUNT_CODES[code], False, lang),
    placeholder=t("filter.all", lang),
)
c3, c4 = st.columns([2, 1])
c3.multiselect(
    t("it.filter.section", lang),
    list(labels),
    key=keys["section"],
    format_func=labels.get,
    placeholder=t("filter.all", lang),
)
c4.multiselect(
    t("it.filter.flag", lang),
    list(it.FLAG_CODES),
    key=keys["flag"],
    format_func=lambda code: t(f"it.flagname.{code}", lang),
    placeholder=t("filter.all", lang),
)
st.pills(
    t("it.filter.primary.label", lang),
    ["1"],
    key=keys["primary"],
    help=t("it.filter.primary.help", lang),
    format_func=lambda _: t("it.filter.primary", lang),
)

state = st.session_state
primary = state[keys["primary"]] == "1"
filtered = it.filter_items(
    items, state[keys["q"]], state[keys["section"]], state[keys["account"]], state[keys["flag"]], primary
)
shown = it.listing_table(filtered, sections, lang, years)
number = st.column_config.NumberColumn
config = {column: number(format="localized") for column in it.amount_columns(lang, years)}
config[t("it.col.line", lang)] = number(format="%d")
config[t("it.col.flags", lang)] = st.column_config.TextColumn(help=t("it.col.help.portion", lang))

st.caption(t("it.count", lang, shown=len(shown), total=len(items)) + " · " + t("it.select.help", lang))
table_key = it.table_key(
    lang, state[keys["q"]], state[keys["section"]], state[keys["account"]], state[keys["flag"]], primary
)


def _select() -> None:
    rows = st.session_state[table_key].selection.rows
    st.session_state[keys["project"]] = filtered.iloc[rows[0]]["project_key"] if rows else None


if shown.empty:
    st.info(t("it.empty", lang))
else:
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=config,
        key=table_key,
        on_select=_select,
        selection_mode="single-row",
    )
filters = ui.sync_url(PAGE, specs)
ui.download_csv(shown, PAGE, {k: v for k, v in filters.items() if k != "project"})

st.subheader(t("it.detail.heading", lang))
project = state.get(keys["project"])
listings = it.project_listings(items, project)
if listings.empty:
    st.info(t("it.detail.none", lang))
    st.stop()

priority = it.project_priority(tables["priority_requests"], project, listings)
texts = it.detail_texts(listings, priority, lang)
st.markdown(f"#### {md_escape(texts['name'])}")
st.button(t("it.detail.clear", lang), on_click=lambda: state.update({keys["project"]: None}), icon=":material/close:")
# Two by two: a 内数 amount with its marker does not fit a quarter of the page.
m1, m2 = st.columns(2)
m3, m4 = st.columns(2)
m1.metric(t("it.detail.request", lang), texts["request"])
m2.metric(t("it.detail.base", lang), texts["base"])
m3.metric(t("it.detail.listings", lang), texts["listings"])
m4.metric(t("it.detail.priority", lang), texts["priority"])

st.markdown(f"**{t('it.detail.places', lang)}**")
st.dataframe(
    it.listing_table(listings, sections, lang, years, with_raw=True),
    hide_index=True,
    width="stretch",
    column_config=config,
)
st.caption(t("it.detail.source", lang))
st.code(it.source_lines_text(listings), language=None, wrap_lines=True)
link_params = {} if lang == "ja" else {"lang": lang}
for line in listings["source_line"]:
    st.page_link(
        "pages/quality.py",
        label=t("it.detail.context", lang, line=int(line)),
        icon=":material/find_in_page:",
        query_params={**link_params, "line": str(int(line))},
    )

st.markdown(f"**{t('it.detail.policy', lang)}**")
paragraphs = it.project_policies(tables["policies"], listings)
if paragraphs.empty:
    st.caption(t("it.detail.policy.none", lang))
for paragraph in paragraphs.itertuples():
    with st.container(border=True):
        st.caption(
            f"{labels.get(paragraph.section_id, paragraph.section_id)} · {t('it.col.line', lang)} {paragraph.source_line}"
        )
        st.text(paragraph.text)

st.markdown(f"**{t('it.detail.priority.heading', lang)}**")
if priority.empty:
    st.caption(t("it.detail.priority.none", lang))
for request in priority.itertuples():
    st.markdown(
        "- "
        + t(
            "it.detail.priority.row",
            lang,
            amount=oku(request.request_oku, lang),
            line=request.source_line,
            name=md_escape(request.name),
            match=t(f"it.match.{request.match}", lang),
        )
    )
