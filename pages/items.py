"""Projects (事業一覧): reads documents, sections, items, policies, priority_requests, review_links, review_records."""

import streamlit as st

from dashboard.domain import listings
from dashboard.i18n import t
from dashboard.st import downloads, grids, prose, session, urlstate
from dashboard.st import reference as reference_ui
from dashboard.views import items as it

PAGE = "items"
lang = session.lang()
tables = session.tables()
specs = it.specs(tables)
keys = urlstate.url_filters(PAGE, specs)
labels = it.section_labels(tables["sections"], lang)

st.title(t("it.heading", lang))
st.caption(t("it.intro", lang) + " " + t("glossary.hint", lang))

c1, c2 = st.columns([2, 1])
c1.text_input(t("it.filter.q", lang), key=keys["q"], help=t("it.filter.q.help", lang))
accounts = listings.account_codes(tables["items"])
c2.multiselect(
    t("it.filter.account", lang),
    list(accounts),
    key=keys["account"],
    format_func=lambda code: listings.account_label(accounts[code], False, lang),
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
    list(listings.FLAG_CODES),
    key=keys["flag"],
    format_func=lambda code: t(f"it.flagname.{code}", lang),
    placeholder=t("filter.all", lang),
)
c5, c6 = st.columns([1, 2])
c5.multiselect(
    t("it.filter.exclude", lang),
    list(listings.FLAG_CODES),
    key=keys["exclude"],
    format_func=lambda code: t(f"it.flagname.{code}", lang),
    placeholder=t("filter.none", lang),
)
c6.multiselect(
    t("it.filter.has", lang),
    list(it.HAS_CODES),
    key=keys["has"],
    format_func=lambda code: t(f"it.has.{code}", lang),
    placeholder=t("filter.none", lang),
)
c7, c8 = st.columns(2)
c7.pills(
    t("it.filter.primary.label", lang),
    ["1"],
    key=keys["primary"],
    help=t("it.filter.primary.help", lang),
    format_func=lambda _: t("it.filter.primary", lang),
)
c8.pills(
    t("it.filter.counted", lang),
    ["1"],
    key=keys["counted"],
    format_func=lambda _: t("it.filter.counted", lang),
    label_visibility="hidden",
)
st.pills(
    t("it.filter.review", lang),
    list(it.REVIEW_CODES),
    key=keys["review"],
    help=t("it.filter.review.help", lang),
    format_func=lambda code: t(f"it.review.opt.{code}", lang),
)

view = session.cached_view(it.view, it.Filters.from_values(urlstate.filter_values(PAGE, specs)))
texts = view.texts
st.caption(t("it.count", lang, shown=texts["shown"], total=texts["total"]) + " · " + t("it.select.help", lang))
totals = texts["totals"]
st.caption(
    t("it.totals", lang, **totals) + (" " + t("it.totals.multiyear", lang, **totals) if totals["multiyear_n"] else "")
)


def _select() -> None:
    rows = st.session_state[texts["table_key"]].selection.rows
    st.session_state[keys["project"]] = texts["project_keys"][rows[0]] if rows else None


if not texts["shown"]:
    st.info(t("it.empty", lang))
    downloads.download_csv(view.tables["items"].frame, PAGE, view.tables["items"].csv_filters)
else:
    grids.table(view.tables["items"], key=texts["table_key"], on_select=_select, selection_mode="single-row")
urlstate.sync_url(PAGE, specs)

st.subheader(t("it.detail.heading", lang))
if "detail" not in view.tables:
    st.info(t("it.detail.none", lang))
    st.stop()

detail = texts["detail"]
st.markdown(f"#### {prose.literal(detail['name'])}")
st.button(
    t("it.detail.clear", lang),
    on_click=lambda: st.session_state.update({keys["project"]: None}),
    icon=":material/close:",
)
# Two by two: a 内数 amount with its marker does not fit a quarter of the page.
m1, m2 = st.columns(2)
m3, m4 = st.columns(2)
m1.metric(t("it.detail.request", lang), detail["request"])
m2.metric(detail["base_label"], detail["base"])
m3.metric(t("it.detail.listings", lang), detail["listings"])
m4.metric(t("it.detail.priority", lang), detail["priority"])
if detail["base_note"]:
    st.caption(prose.literal(detail["base_note"]))

st.markdown(f"**{t('it.detail.places', lang)}**")
grids.table(view.tables["detail"])
st.caption(t("it.detail.source", lang))
st.code(texts["source_lines"], language=None, wrap_lines=True)
for line in texts["lines"]:
    urlstate.page_link(
        "pages/quality.py", t("it.detail.context", lang, line=line), {"line": str(line)}, icon=":material/find_in_page:"
    )

st.markdown(f"**{t('it.detail.policy', lang)}**")
paragraphs = texts["policies"]
if paragraphs.empty:
    st.caption(t("it.detail.policy.none", lang))
for paragraph in paragraphs.itertuples():
    with st.container(border=True):
        where = f"{labels.get(paragraph.section_id, paragraph.section_id)} · {t('it.col.line', lang)} {paragraph.source_line}"
        st.caption(prose.literal(where))
        prose.plain(paragraph.text)

st.markdown(f"**{t('it.detail.priority.heading', lang)}**")
if not texts["priority_rows"]:
    st.caption(t("it.detail.priority.none", lang))
for row in texts["priority_rows"]:
    st.markdown("- " + prose.literal(row))  # the request's name is document text

reference_ui.review_records(tables, texts["project"], lang)
