"""Data (データ): reads every table of every document (row counts) and the data package on disk."""

import streamlit as st

from dashboard.i18n import t
from dashboard.st import downloads, grids, prose, session, urlstate
from dashboard.views import datapkg as dp
from loaders.package import DESCRIPTOR, ZIP_NAME, csv_path, package_dir, parquet_path
from loaders.schema import TABLES

PAGE = "data"
lang = session.lang()
session.tables()  # through the router, like every page
every = session.all_tables()  # the package holds every document
specs = dp.specs(every)

st.title(t("data.heading", lang))
keys = urlstate.url_filters(PAGE, specs)
st.caption(t("data.intro", lang))
st.caption(t("data.sum_rule", lang))
for line in session.cached_view(dp.view, dp.Filters()).texts["figures"]:
    st.caption(prose.literal(line))
st.caption(t("data.licence", lang))

folder = package_dir()
info = dp.package_info(folder)
root = dp.app_root(st.context.url, PAGE)
if info is None:
    st.warning(t("data.missing", lang), icon="⚠️")
else:
    sha = ", ".join(s["sha256"][:12] for s in info["sources"])
    st.caption(t("data.built", lang, version=info["loader_version"], sha=sha, size=dp.human_size(info["zip"])))
    with st.container(horizontal=True):
        for label, path, mime, icon in (
            (t("data.zip", lang), ZIP_NAME, "application/zip", ":material/folder_zip:"),
            (t("data.descriptor", lang), DESCRIPTOR, "application/json", ":material/data_object:"),
        ):
            st.download_button(
                label,
                data=lambda p=path: downloads.package_file(p),
                file_name=path,
                mime=mime,
                icon=icon,
                key=f"dl.{path}",
                on_click="ignore",
            )

st.subheader(t("data.tables", lang))
st.dataframe(
    dp.table_list(every, lang, root),
    hide_index=True,
    column_config={
        "CSV": st.column_config.LinkColumn("CSV", display_text=r".*/(csv/.*)"),
        "Parquet": st.column_config.LinkColumn("Parquet", display_text=r".*/(parquet/.*)"),
    },
)

st.subheader(t("data.urls", lang))
st.caption(t("data.urls.caption", lang))
st.code(dp.url_list(root), language=None, wrap_lines=True)

st.subheader(t("data.table", lang))
st.selectbox(t("data.table", lang), options=list(TABLES), key=keys["table"], label_visibility="collapsed")
filters = dp.Filters.from_values(urlstate.sync_url(PAGE, specs))
name = filters.table
if info is not None:
    with st.container(horizontal=True):
        for label, path, mime in (
            (t("data.csv", lang), csv_path(name), "text/csv"),
            (t("data.parquet", lang), parquet_path(name), "application/vnd.apache.parquet"),
        ):
            st.download_button(
                f"{label}: {name}",
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
grids.table(session.cached_view(dp.view, filters).tables["columns"], height="content")  # every column, no inner scroll

st.subheader(t("data.snippets", lang))
for key, (language, code) in dp.snippets(root, name).items():
    st.caption(t(f"data.snippet.{key}", lang))
    st.code(code, language=language, wrap_lines=True)
