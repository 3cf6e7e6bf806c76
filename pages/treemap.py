"""Treemap (構成): reads documents, sections, items."""

import streamlit as st

from dashboard import treemap as tm
from dashboard import ui
from dashboard.i18n import t
from dashboard.labels import section_labels, year_labels
from dashboard.params import Param


@st.cache_data(show_spinner=False, max_entries=64)
def _view(
    document_id: str, files: tuple, size: str, portion: bool, color: str, focus: str | None, lang: str, _tables: dict
) -> dict:
    # Keyed by the document, the table files and the filters; _tables is not hashed.
    years = year_labels(_tables["documents"], lang)
    tree = tm.build(_tables["items"], _tables["sections"], size, portion)
    return {
        "nodes": tm.nodes(tree, _tables["sections"], color, lang, years),
        "note": tm.note(tree, lang),
        "tiles": tm.leaf_table(tree, _tables["sections"], lang, years, focus),
        "sections": tm.section_table(tree, _tables["sections"], lang, years, focus),
        "references": tm.references(_tables["items"], _tables["sections"], lang, focus),
        "years": years,
    }


@st.cache_resource(show_spinner=False, max_entries=64)
def _figure(
    document_id: str, files: tuple, size: str, portion: bool, color: str, focus: str | None, lang: str, _view: dict
):
    # A shared, read-only Figure: st.plotly_chart only serializes it, and rebuilding one costs tens of ms.
    return tm.figure(_view["nodes"], focus, _view["note"])


lang = ui.lang()
tables = ui.tables()
document_id = tables["documents"]["document_id"].iloc[0]
years = year_labels(tables["documents"], lang)
labels = section_labels(tables["sections"], lang)
specs = [
    Param("size", "choice", tm.SIZES, default="request"),
    Param("color", "choice", tm.COLORS, default="change"),
    Param("portion", "choice", ("1",), default=None),
    Param("focus", "choice", tuple(labels), default=None),
]

st.title(t("tm.heading", lang))
st.caption(t("tm.intro", lang))
if st.query_params.get("portion") == "0":  # portion=0 is the default spelled out, not an error
    del st.query_params["portion"]
keys = ui.url_filters("treemap", specs)
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
values = ui.sync_url("treemap", specs)

args = (*ui.tables_key(), values["size"], values["portion"] == "1", values["color"], values["focus"], lang)
view = _view(*args, tables)
if view["nodes"].empty:
    st.info(t("tm.none", lang))
    st.stop()
st.plotly_chart(_figure(*args, view), width="stretch")
st.markdown(tm.legend(values["color"], lang))

number = st.column_config.NumberColumn(format="localized")
signed = st.column_config.NumberColumn(format="%+.2f")
st.subheader(t("tm.table", lang))
tiles = view["tiles"]
st.dataframe(
    tiles,
    hide_index=True,
    width="stretch",
    column_config={c: (signed if i in (5, 6) else number) for i, c in enumerate(tiles.columns) if 2 <= i <= 6},
)
st.subheader(t("tm.sections", lang))
st.dataframe(
    view["sections"], hide_index=True, width="stretch", column_config={c: number for c in view["sections"].columns[1:6]}
)
st.subheader(t("tm.references", lang))
st.dataframe(
    view["references"], hide_index=True, width="stretch", column_config={view["references"].columns[2]: number}
)
st.caption(t("glossary.hint", lang))
