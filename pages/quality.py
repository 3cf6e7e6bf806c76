"""Data quality & sources (データ品質・出典): reads documents, accounts, sections, reconciliation, parse_log,
budget_checks, review_links, and the
source file recorded in documents (nothing else from disk)."""

import streamlit as st

from dashboard import doccheck, reference_ui, ui
from dashboard import quality as qa
from dashboard.i18n import t
from dashboard.labels import source_name

PAGE = "quality"
lang = ui.lang()
tables = ui.tables()
doc = tables["documents"].iloc[0]
specs = qa.specs(tables)
source_lines = specs[2].maximum

st.title(t("qa.heading", lang))
keys = ui.url_filters(PAGE, specs)
st.caption(t("qa.intro", lang) + " " + t("glossary.hint", lang))
header_years = doccheck.header_years_warning(tables["parse_log"], tables["documents"], lang)
if header_years:
    st.warning(header_years, icon=":material/event_busy:")
view = ui.cached_view(qa.view, qa.Filters.from_values(ui.filter_values(PAGE, specs)))

# --- reconciliation -----------------------------------------------------------
st.subheader(t("qa.recon", lang))
for column, status in zip(st.columns(3), qa.STATUSES, strict=True):
    column.metric(t(f"qa.metric.{status}", lang), view.texts["counts"][status])
st.pills(
    t("qa.filter.status", lang),
    list(qa.STATUSES),
    selection_mode="multi",
    key=keys["status"],
    format_func=lambda s: t(f"qa.status.{s}", lang),
)
checks = view.tables["checks"]
if checks.frame.empty:
    st.info(t("qa.recon.none", lang))
else:
    ui.table(checks)
st.caption(t("qa.recon.help", lang))
if not checks.frame.empty:
    st.markdown(f"**{t('qa.recon.sentences', lang)}**")
    st.markdown("\n".join(f"- {line}" for line in view.texts["sentences"]))

# --- accounts: stated totals and the listed projects -------------------------------
st.subheader(t("qa.cov", lang))
st.caption(t("qa.cov.help", lang))
ui.table(view.tables["coverage"])

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
st.caption(t("qa.log.count", lang, shown=len(view.tables["log"].frame), total=view.texts["log_total"]))
ui.table(view.tables["log"])

# --- documents ------------------------------------------------------------------
st.subheader(t("qa.docs", lang))
for fields, digest in qa.documents_view(ui.every_document()["documents"], lang):  # uploads of this session too
    ui.table(fields)
    # The full digest, copyable and wrapping on a phone, in sha256sum's format (check with sha256sum -c).
    st.code(digest, language=None, wrap_lines=True)

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
        st.warning(t("qa.source.missing", lang, file=ui.literal(source_name(doc["source_file"]))))
    else:
        if qa.source_changed(path, doc["source_sha256"]):
            st.warning(t("qa.source.changed", lang))
        st.caption(t("qa.source.file", lang, file=ui.literal(source_name(doc["source_file"]))))
        st.code(qa.context(qa.read_source(path), int(line)), language=None, wrap_lines=True)
        uses = qa.line_uses(tables, int(line))
        st.caption(t("qa.source.uses", lang) if uses else t("qa.source.unused", lang))
        for use in uses:
            ui.plain(use)

# --- the budget book and the project reviews (reference sources) --------------------
reference_ui.quality_section(lang)
