"""Data quality & sources (データ品質・出典): reads documents, accounts, sections, reconciliation, parse_log, and the
source file recorded in documents (nothing else from disk)."""

import streamlit as st

from dashboard import quality as qa
from dashboard import ui
from dashboard.i18n import t
from dashboard.labels import year_labels
from dashboard.params import Param

PAGE = "quality"
lang = ui.lang()
tables = ui.tables()
doc = tables["documents"].iloc[0]
years = year_labels(tables["documents"], lang)
recon = tables["reconciliation"]
source_lines = int(doc["source_lines"]) if doc["source_lines"] == doc["source_lines"] else 100_000

specs = [
    Param("status", "multi", qa.STATUSES, default=[]),
    Param("level", "multi", qa.LEVELS, default=[]),
    Param("line", "int", default=None, minimum=1, maximum=source_lines),
]

st.title(t("qa.heading", lang))
keys = ui.url_filters(PAGE, specs)
st.caption(t("qa.intro", lang) + " " + t("glossary.hint", lang))

# --- reconciliation -----------------------------------------------------------
st.subheader(t("qa.recon", lang))
counts = qa.status_counts(recon)
for column, status in zip(st.columns(3), qa.STATUSES, strict=True):
    column.metric(t(f"qa.metric.{status}", lang), counts[status])
st.pills(
    t("qa.filter.status", lang),
    list(qa.STATUSES),
    selection_mode="multi",
    key=keys["status"],
    format_func=lambda s: t(f"qa.status.{s}", lang),
)
checks = qa.reconciliation_table(
    recon, tables["accounts"], tables["sections"], lang, years, st.session_state[keys["status"]]
)
if checks.empty:
    st.info(t("qa.recon.none", lang))
else:
    figure = st.column_config.NumberColumn(format="%,.2f")
    st.dataframe(
        checks,
        hide_index=True,
        width="stretch",
        column_config={c: figure for c in qa.figure_columns(lang)}
        | {t("qa.col.explain", lang): st.column_config.TextColumn(width="large")},
    )
st.caption(t("qa.recon.help", lang))
if not checks.empty:
    ui.download_csv(checks, PAGE, {"status": st.session_state[keys["status"]]}, key="csv_recon")
    st.markdown(f"**{t('qa.recon.sentences', lang)}**")
    st.markdown("\n".join(f"- {line}" for line in qa.sentences(checks, lang)))

# --- parse log ------------------------------------------------------------------
st.subheader(t("qa.log", lang))
st.caption(t("qa.log.help", lang))
st.pills(
    t("qa.log.filter", lang),
    list(qa.LEVELS),
    selection_mode="multi",
    key=keys["level"],
    format_func=lambda v: t(f"qa.level.{v}", lang),
)
log = qa.parse_log_table(tables["parse_log"], lang, st.session_state[keys["level"]])
st.caption(t("qa.log.count", lang, shown=len(log), total=len(tables["parse_log"])))
st.dataframe(
    log,
    hide_index=True,
    width="stretch",
    column_config={t("qa.log.line", lang): st.column_config.NumberColumn(format="%d")},
)

# --- documents ------------------------------------------------------------------
st.subheader(t("qa.docs", lang))
for _, document in ui.all_tables()["documents"].iterrows():
    st.table(qa.document_fields(document, lang), hide_index=True)
    # The full digest, copyable and wrapping on a phone, in sha256sum's format (check with sha256sum -c).
    st.code(f"{document['source_sha256']}  {document['source_file']}", language=None, wrap_lines=True)

# --- a source line in context -----------------------------------------------------
st.subheader(t("qa.source", lang))
st.caption(t("qa.source.help", lang, radius=qa.CONTEXT))
line = st.number_input(
    t("qa.source.line", lang, n=source_lines), min_value=1, max_value=source_lines, step=1, value=None, key=keys["line"]
)
ui.sync_url(PAGE, specs)
if line is not None:
    path = qa.source_path(doc["source_file"])
    if path is None:
        st.warning(t("qa.source.missing", lang, file=doc["source_file"]))
    else:
        if qa.source_changed(path, doc["source_sha256"]):
            st.warning(t("qa.source.changed", lang))
        st.caption(t("qa.source.file", lang, file=doc["source_file"]))
        st.code(qa.context(qa.read_source(path), int(line)), language=None, wrap_lines=True)
        uses = qa.line_uses(tables, int(line))
        st.caption(t("qa.source.uses", lang) if uses else t("qa.source.unused", lang))
        for use in uses:
            st.text(use)
