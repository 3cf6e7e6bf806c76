"""R5 vs R6 (比較): reads documents, accounts, sections, items."""

import streamlit as st

from dashboard import compare as cmp
from dashboard import ui
from dashboard.i18n import name, t
from dashboard.labels import section_labels, year_labels
from dashboard.params import Param
from loaders.schema import ACCOUNTS_NAMES


@st.cache_data(show_spinner=False, max_entries=128)
def _view(document_id: str, files: tuple, filters: tuple, lang: str, _tables: dict) -> dict:
    # Keyed by the document, the table files and the filters (as a tuple); _tables is not hashed.
    level, sections, accounts, new_only, sort, top = filters
    years = year_labels(_tables["documents"], lang)
    everything = cmp.compare_rows(
        _tables["items"],
        _tables["sections"],
        _tables["accounts"],
        level,
        lang,
        list(sections),
        list(accounts),
        new_only,
        sort,
    )
    rows = everything.head(int(top)) if top else everything
    return {"rows": rows, "total": len(everything), "table": cmp.table(rows, level, lang, years), "years": years}


@st.cache_resource(show_spinner=False, max_entries=128)
def _figure(document_id: str, files: tuple, filters: tuple, lang: str, _view: dict):
    # A shared, read-only Figure: st.plotly_chart only serializes it, and rebuilding one costs tens of ms.
    return cmp.figure(_view["rows"], lang, _view["years"])


lang = ui.lang()
tables = ui.tables()
years = year_labels(tables["documents"], lang)
labels = section_labels(tables["sections"], lang)
accounts = [a for a in ACCOUNTS_NAMES if a in set(tables["items"]["account"])]
specs = [
    Param("level", "choice", cmp.LEVELS, default="section"),
    Param("section", "multi", tuple(labels), default=[]),
    Param("account", "multi", tuple(accounts), default=[]),
    Param("new", "choice", ("1",), default=None),
    Param("sort", "choice", cmp.SORTS, default="change"),
    Param("top", "int", default=20, minimum=1, maximum=1000),
]

st.title(t("cmp.heading", lang, base=years[1], request=years[0]))
st.caption(t("cmp.intro", lang))
if st.query_params.get("new") == "0":  # new=0 is the default spelled out, not an error
    del st.query_params["new"]
keys = ui.url_filters("compare", specs)
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
    accounts,
    key=keys["account"],
    format_func=lambda a: name(a, lang),
    placeholder=t("cmp.filter.all", lang),
)
values = ui.sync_url("compare", specs)

level = values["level"]
filters = (
    level,
    tuple(values["section"]),
    tuple(values["account"]),
    values["new"] == "1",
    values["sort"],
    values["top"],
)
args = (*ui.tables_key(), filters, lang)
view = _view(*args, tables)
rows = view["rows"]
if rows.empty:
    st.info(t("cmp.empty", lang))
    st.stop()

st.caption(t("cmp.count", lang, shown=len(rows), total=view["total"], **cmp.summary(rows, lang)))
st.plotly_chart(_figure(*args, view), width="stretch")

st.subheader(t("cmp.table", lang))
frame = view["table"]
number = st.column_config.NumberColumn(format="localized")
st.dataframe(
    frame,
    hide_index=True,
    width="stretch",
    column_config={
        column: st.column_config.NumberColumn(format="%+.2f")
        if column == t("cmp.col.change", lang)
        else st.column_config.NumberColumn(format="%+.1f")
        if column == t("cmp.col.pct", lang)
        else number
        for column in frame.columns
        if frame[column].dtype.kind == "f"
    },
)
ui.download_csv(frame, "compare", values)
st.caption(t("cmp.note.portion", lang) + " " + t("cmp.note.basis", lang))
st.caption(t("glossary.hint", lang))
