"""Data quality & sources (データ品質・出典): reads documents, accounts, sections, reconciliation, parse_log,
budget_checks, review_links, and (through its cached view) the source file recorded in documents."""

import streamlit as st

from dashboard.domain import doccheck
from dashboard.i18n import t
from dashboard.st import grids, prose, session, urlstate
from dashboard.st import reference as reference_ui
from dashboard.views import quality as qa
from dashboard.views import reference as reference_view

PAGE = "quality"
lang = session.lang()
tables = session.tables()
specs = qa.specs(tables)

st.title(t("qa.heading", lang))
keys = urlstate.url_filters(PAGE, specs)
st.caption(t("qa.intro", lang) + " " + t("glossary.hint", lang))
header_years = doccheck.header_years_warning(tables["parse_log"], tables["documents"], lang)
if header_years:
    st.warning(header_years, icon=":material/event_busy:")
filters = qa.Filters.from_values(urlstate.filter_values(PAGE, specs))
view = session.cached_view(qa.view, filters)

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
    grids.table(checks)
st.caption(t("qa.recon.help", lang))
if not checks.frame.empty:
    st.markdown(f"**{t('qa.recon.sentences', lang)}**")
    st.markdown("\n".join(f"- {line}" for line in view.texts["sentences"]))

# --- accounts: stated totals and the listed projects -------------------------------
st.subheader(t("qa.cov", lang))
st.caption(t("qa.cov.help", lang))
grids.table(view.tables["coverage"])

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
grids.table(view.tables["log"])

# --- documents ------------------------------------------------------------------
st.subheader(t("qa.docs", lang))
for fields, digest in qa.documents_view(session.every_document()["documents"], lang):  # uploads of this session too
    grids.table(fields)
    # The full digest, copyable and wrapping on a phone, in sha256sum's format (check with sha256sum -c).
    st.code(digest, language=None, wrap_lines=True)

# --- a source line in context -----------------------------------------------------
st.subheader(t("qa.source", lang))
st.caption(t("qa.source.help", lang, radius=qa.CONTEXT))
source = session.cached_view(qa.source_view, filters).texts
st.number_input(
    t("qa.source.line", lang, n=source["source_lines"]),
    min_value=1,
    max_value=source["source_lines"],
    step=1,
    value=None,
    key=keys["line"],
)
urlstate.sync_url(PAGE, specs)
if source["line"] is not None:
    if source["missing"]:
        st.warning(t("qa.source.missing", lang, file=prose.literal(source["file"])))
    else:
        if source["changed"]:
            st.warning(t("qa.source.changed", lang))
        st.caption(t("qa.source.file", lang, file=prose.literal(source["file"])))
        st.code(source["context"], language=None, wrap_lines=True)
        st.caption(t("qa.source.uses", lang) if source["uses"] else t("qa.source.unused", lang))
        for use in source["uses"]:
            prose.plain(use)

# --- the budget book and the project reviews (reference sources) --------------------
reference_ui.quality_section(session.cached_view(reference_view.view, reference_view.Filters()), lang)
