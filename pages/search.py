"""検索 Search: reads items, policies, accounts, priority_requests, matter_requests, sections, review_links, review_records."""

import streamlit as st

from dashboard.domain.format import md_code
from dashboard.domain.text import normalize
from dashboard.i18n import t
from dashboard.st import grids, prose, session, urlstate
from dashboard.views import search as sr

PAGE = "search"
#: Page links to at most this many projects under the table; the rest through a selected row.
MAX_LINKS = 30

lang = session.lang()
specs = sr.specs(session.tables())

st.title(t("sr.title", lang))
st.caption(t("sr.intro", lang))
keys = urlstate.url_filters(PAGE, specs)
st.text_input(t("sr.q", lang), key=keys["q"], help=t("sr.q.help", lang), placeholder=t("sr.q.placeholder", lang))
view = session.cached_view(sr.view, sr.Filters.from_values(urlstate.sync_url(PAGE, specs)))
texts = view.texts


def _detail_link(project_key: str, label: str, **kwargs) -> None:
    urlstate.page_link(
        "pages/items.py", prose.literal(label), sr.item_link(project_key), icon=":material/open_in_new:", **kwargs
    )


if not texts["searched"]:
    st.info(t("sr.empty_query", lang))
    st.caption(t("sr.not_searched", lang))
    st.stop()

q = md_code(texts["q"], 40)
if not texts["hits"]:
    st.info(t("sr.none", lang, q=q))
    st.caption(t("sr.not_searched", lang))
    st.stop()

st.caption(t("sr.count", lang, q=q, hits=texts["hits"], projects=len(texts["projects"]), **texts["by_where"]))
st.caption(t("sr.not_searched", lang) + " " + t("sr.select.help", lang))
# The key follows the query: a selected row must not carry over to another query's rows.
table_key = f"search.hits.{lang}.{normalize(texts['q'])}"
event = grids.table(view.tables["hits"], key=table_key, on_select="rerun", selection_mode="single-row")
selected = event.selection.rows if event is not None else []
if selected:
    row = selected[0]
    project = texts["row_projects"][row] if row < len(texts["row_projects"]) else None
    if project:
        label = dict(texts["projects"]).get(project) or view.tables["hits"].frame.iloc[row][t("sr.col.label", lang)]
        _detail_link(project, t("sr.open", lang, name=label))
    elif row < len(texts["row_where"]) and texts["row_where"][row] == "policy":
        st.caption(t("sr.open.paragraph", lang))
    else:
        st.caption(t("sr.open.none", lang))

# What matched, in the table's order: projects by their own name, then each paragraph once with its projects.
if texts["projects"]:
    st.subheader(t("sr.projects", lang, n=len(texts["projects"])))
    for project, label in texts["projects"][:MAX_LINKS]:
        _detail_link(project, label)
    if len(texts["projects"]) > MAX_LINKS:
        st.caption(t("sr.projects.more", lang, n=len(texts["projects"]) - MAX_LINKS))
if texts["paragraphs"]:
    st.subheader(t("sr.paragraphs", lang, n=len(texts["paragraphs"])))
    st.caption(t("sr.paragraphs.note", lang))
    for number, paragraph in enumerate(texts["paragraphs"]):
        with st.container(border=True, key=f"search.paragraph.{number}"):
            prose.plain(paragraph["context"])
            if not paragraph["projects"]:
                st.caption(t("sr.paragraph.none", lang))
            for project, label in paragraph["projects"][:MAX_LINKS]:
                _detail_link(project, label)
            if len(paragraph["projects"]) > MAX_LINKS:
                st.caption(t("sr.projects.more", lang, n=len(paragraph["projects"]) - MAX_LINKS))
if texts["priority"]:
    st.subheader(t("sr.priority.heading", lang, n=texts["by_where"]["priority"]))
    urlstate.page_link("pages/priority.py", t("sr.priority.link", lang, q=q), texts["priority"], icon=":material/star:")
if texts["reviews"]:
    # After the document's own hits: these texts are the reviews', shown only as plain text.
    st.subheader(t("sr.reviews", lang, n=len(texts["reviews"])))
    st.caption(t("sr.reviews.note", lang))
    for number, hit in enumerate(texts["reviews"][:MAX_LINKS]):
        with st.container(border=True, key=f"search.review.{number}"):
            st.caption(prose.literal(f"{hit['where']} · {hit['record']}"))
            prose.plain(hit["context"])
            _detail_link(hit["project_key"], hit["name"])
    if len(texts["reviews"]) > MAX_LINKS:
        st.caption(t("sr.projects.more", lang, n=len(texts["reviews"]) - MAX_LINKS))
