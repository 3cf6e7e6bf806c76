"""重要政策推進枠 (priority): reads priority_requests, items, sections, reconciliation."""

import pandas as pd
import streamlit as st

from dashboard import priority as pr
from dashboard import ui
from dashboard.format import oku, signed_oku
from dashboard.i18n import t


@st.cache_data(show_spinner=False, max_entries=8)
def _linked(document_id: str, source_sha256: str, loaded_at: str, _tables: dict) -> pd.DataFrame:
    # Keyed by the document, its hash and build time; the tables themselves are not hashed (leading _).
    return pr.linked_requests(_tables["priority_requests"], _tables["items"], _tables["sections"])


lang = ui.lang()
tables = ui.tables()
doc = tables["documents"].iloc[0]
everything = _linked(doc["document_id"], doc["source_sha256"], str(doc["loaded_at"]), tables)
section_ids = tables["sections"].sort_values("order")["section_id"].tolist()
specs = pr.specs(section_ids)
counts = pr.section_counts(everything)

st.title(t("pr.title", lang))
st.caption(t("pr.intro", lang))

keys = ui.url_filters("priority", specs)
with st.container(border=True):
    c1, c2, c3 = st.columns([3, 1, 1])
    c1.text_input(t("pr.f.q", lang), key=keys["q"], help=t("pr.f.q.help", lang))
    c2.number_input(t("pr.f.min", lang), key=keys["min"], value=None, min_value=0.0, step=1.0)
    c3.number_input(t("pr.f.max", lang), key=keys["max"], value=None, min_value=0.0, step=1.0)
    c4, c5, c6 = st.columns([5, 4, 2])
    c4.multiselect(
        t("pr.f.section", lang),
        [*section_ids, pr.UNLINKED],
        key=keys["section"],
        format_func=lambda s: pr.section_label(s, tables["sections"], counts, lang),
        placeholder=t("pr.f.section.placeholder", lang),
    )
    c5.segmented_control(
        t("pr.f.match", lang),
        pr.MATCH_KINDS,
        key=keys["match"],
        help=t("pr.f.match.help", lang),
        format_func=lambda m: t(f"pr.f.match.{m}", lang),
    )
    c6.radio(
        t("pr.f.transfer", lang),
        ["1", "0"],
        key=keys["transfer"],
        horizontal=True,
        format_func=lambda v: t(f"pr.f.transfer.{v}", lang),
    )
values = ui.sync_url("priority", specs)

filters = pr.Filters.from_values(values)
if filters.min_oku is not None and filters.max_oku is not None and filters.min_oku > filters.max_oku:
    st.info(t("pr.minmax", lang))
shown = pr.filter_requests(everything, filters)
s = pr.summary(shown, everything, tables["reconciliation"])

# Three metrics, not four: 2,408.08億円 is cut with an ellipsis in a quarter of a laptop screen.
m1, m2, m3 = st.columns([2, 3, 3])
m1.metric(t("pr.m.count", lang), t("pr.m.count.value", lang, count=s.count, total=s.total_count))
m2.metric(t("pr.m.sum", lang), oku(s.sum_oku, lang))
m3.metric(
    t("pr.m.stated", lang),
    oku(s.stated_oku, lang) if s.stated_oku is not None else t("pr.m.stated.none", lang),
    help=t("pr.m.all", lang, total=s.total_count, all=oku(s.all_sum_oku, lang)),
)
if s.stated_oku is None:
    st.caption(t("pr.note.no_stated", lang))
else:
    st.caption(
        t(
            "pr.note.rounding",
            lang,
            total=s.total_count,
            all=oku(s.all_sum_oku, lang),
            stated=oku(s.stated_oku, lang),
            diff=signed_oku(s.difference_oku, lang),
            tol=oku(s.tolerance_oku, lang),
        )
    )
if s.transfer_oku:
    st.caption(
        t(
            "pr.note.transfer_total",
            lang,
            name="、".join(s.transfer_names),
            amount=oku(s.transfer_oku, lang),
            without=oku(s.all_sum_oku - s.transfer_oku, lang),
        )
    )

if shown.empty:
    st.info(t("pr.empty", lang))
else:
    st.subheader(t("pr.chart", lang))
    st.caption(t("pr.chart.help", lang))
    st.plotly_chart(pr.bar_figure(shown, lang), width="stretch")

st.subheader(t("pr.table", lang))
st.caption(t("pr.table.help", lang))
table = pr.display_table(shown, lang)
amount = st.column_config.NumberColumn
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    placeholder="—",  # an unlinked request has no project figure: a dash, not "None" and not 0
    column_config={
        t("pr.col.order", lang): amount(format="%d", width="small"),
        t("pr.col.request", lang): amount(format="localized"),
        t("pr.col.project_request", lang): amount(format="localized"),
        t("pr.col.share", lang): st.column_config.ProgressColumn(
            format="%.1f%%", min_value=0, max_value=100, width="medium"
        ),
        t("pr.col.score", lang): amount(format="%.3f"),
    },
)
ui.download_csv(table, "priority", pr.filename_filters(values, specs), key="priority.csv")
