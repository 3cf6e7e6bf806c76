"""Data (データ): reads every table of every document (row counts) and, through its view, the data package on disk."""

import dataclasses

import streamlit as st

from dashboard.domain.params import choices_of
from dashboard.domain.urls import app_root
from dashboard.i18n import t
from dashboard.st import downloads, grids, prose, session, urlstate
from dashboard.views import datapkg as dp

PAGE = "data"
lang = session.lang()
session.tables()  # through the router, like every page
specs = dp.specs(None)

st.title(t("data.heading", lang))
keys = urlstate.url_filters(PAGE, specs)
st.caption(t("data.intro", lang))
st.caption(t("data.sum_rule", lang))
for line in session.cached_view(dp.figures_view, dp.Filters()).texts["figures"]:
    st.caption(prose.literal(line))
st.caption(t("data.licence", lang))

filters = dataclasses.replace(
    dp.Filters.from_values(urlstate.filter_values(PAGE, specs)), root=app_root(st.context.url, PAGE)
)
view = session.cached_view_all(dp.view, filters, with_uploads=False)  # the package holds the server's documents
texts = view.texts
if texts["package"] is None:
    st.warning(t("data.missing", lang), icon="⚠️")
else:
    st.caption(t("data.built", lang, **texts["built"]))
    with st.container(horizontal=True):
        for label, path, mime, icon in texts["package_files"]:
            st.download_button(
                t(label, lang),
                data=lambda p=path: downloads.package_file(p),
                file_name=path,
                mime=mime,
                icon=icon,
                key=f"dl.{path}",
                on_click="ignore",
            )

st.subheader(t("data.tables", lang))
st.dataframe(
    view.tables["tables"].frame,
    hide_index=True,
    column_config={
        "CSV": st.column_config.LinkColumn("CSV", display_text=r".*/(csv/.*)"),
        "Parquet": st.column_config.LinkColumn("Parquet", display_text=r".*/(parquet/.*)"),
    },
)

st.subheader(t("data.urls", lang))
st.caption(t("data.urls.caption", lang))
st.code(texts["urls"], language=None, wrap_lines=True)

st.subheader(t("data.table", lang))
st.selectbox(t("data.table", lang), options=choices_of(specs, "table"), key=keys["table"], label_visibility="collapsed")
urlstate.sync_url(PAGE, specs)
name = filters.table
if texts["package"] is not None:
    with st.container(horizontal=True):
        for label, path, mime in texts["table_files"]:
            st.download_button(
                f"{t(label, lang)}: {name}",
                data=lambda p=path: downloads.package_file(p),
                file_name=path.split("/")[-1],
                mime=mime,
                icon=":material/download:",
                key=f"dl.{path}",
                on_click="ignore",
            )
    # The machine CSVs stay raw (no ' before = + - @): said where the button is clicked.
    st.caption(t("data.csv.raw", lang))
st.markdown(f"**{t('data.columns', lang, table=name)}**")
grids.table(view.tables["columns"], height="content")  # every column, no inner scroll

st.subheader(t("data.snippets", lang))
for key, (language, code) in texts["snippets"].items():
    st.caption(t(f"data.snippet.{key}", lang))
    st.code(code, language=language, wrap_lines=True)
