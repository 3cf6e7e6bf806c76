"""Overview: headline figures, the accounts table and its R5/R6 bar chart, the 事項要求."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain.contract import PCT, SIGNED, Table, View, all_rows_height
from dashboard.domain.figures import BASE_COLOUR, REQUEST_COLOUR, amount_axis
from dashboard.domain.format import change, oku, pct, signed_oku, signed_pct
from dashboard.domain.labels import source_name, year_labels
from dashboard.domain.params import NoFilters
from dashboard.i18n import name, t


@dataclass(frozen=True)
class Headline:
    """The grand total: request vs base, and the change."""

    label: str
    request_oku: float
    base_oku: float | None
    change_oku: float | None
    change_pct: float | None


def headline(accounts: pd.DataFrame) -> Headline | None:
    """The document's stated grand total (the ``total`` row), else the sum of the accounts."""
    total = accounts[accounts["kind"] == "total"]
    if not total.empty:
        row = total.iloc[-1]
        label, request, base = row["account"], row["request_oku"], row["base_oku"]
    else:
        top = accounts[accounts["kind"] == "account"]
        if top.empty:
            return None
        label, request, base = "合計", top["request_oku"].sum(), top["base_oku"].sum(min_count=1)
    base = None if pd.isna(base) else float(base)
    return Headline(label, float(request), base, change(request, base), pct(request, base))


def accounts_table(accounts: pd.DataFrame, lang: str, years: tuple[str, str]) -> pd.DataFrame:
    """The accounts with their うち rows, as shown on screen (amounts as plain 億円 numbers)."""
    request_label, base_label = years
    rows = []
    for row in accounts.sort_values("order").itertuples():
        prefix = (
            "　うち "
            if row.kind == "breakdown" and lang == "ja"
            else ("   of which " if row.kind == "breakdown" else "")
        )
        rows.append(
            {
                t("ov.col.account", lang): prefix + name(row.account, lang),
                t("ov.col.request", lang, year=request_label): row.request_oku,
                t("ov.col.base", lang, year=base_label): row.base_oku,
                t("ov.col.change", lang): change(row.request_oku, row.base_oku),
                t("ov.col.pct", lang): pct(row.request_oku, row.base_oku),
                t("ov.col.note", lang): name(row.note, lang) if pd.notna(row.note) else "",
            }
        )
    return pd.DataFrame(rows)


def accounts_figure(accounts: pd.DataFrame, lang: str, years: tuple[str, str]) -> go.Figure:
    """Grouped horizontal bars, base vs request, for each account (not the うち rows or the total)."""
    top = accounts[accounts["kind"] == "account"].sort_values("order", ascending=False)
    labels = [name(a, lang) for a in top["account"]]
    scale, axis = amount_axis(lang)  # one unit on the axis and the labels (¥ billion in English)
    figure = go.Figure()
    for column, year, colour in (("base_oku", years[1], BASE_COLOUR), ("request_oku", years[0], REQUEST_COLOUR)):
        figure.add_trace(
            go.Bar(
                y=labels,
                x=[v * scale for v in top[column]],
                name=year,
                orientation="h",
                marker_color=colour,
                text=[oku(v, lang) for v in top[column]],
                textposition="auto",
                hovertemplate="%{y}<br>" + year + ": %{text}<extra></extra>",
            )
        )
    figure.update_layout(
        barmode="group",
        height=120 + 70 * len(labels),
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        xaxis=axis,
        legend={"orientation": "h", "y": 1.08, "x": 0},
        yaxis={"automargin": True},
    )
    return figure


def account_notes(accounts: pd.DataFrame, lang: str) -> list[str]:
    """Each account's note whole, as a plain-text line (document text: render as text):
    ``GX推進対策費: 国庫債務負担行為等も活用し、総額1兆8691億円の投資促進策を新規要求``.

    A grid cell cuts a long note; under the table it is read in full.
    """
    notes = accounts[accounts["note"].notna() & (accounts["note"].astype(str).str.strip() != "")]
    return [f"{name(r.account, lang)}: {name(r.note, lang)}" for r in notes.sort_values("order").itertuples()]


def matter_list(matters: pd.DataFrame, ministry: str | None, lang: str) -> list[str]:
    """事項要求 topics as plain-text lines (document text: render as text); the amount is never 0, it is not stated."""
    lines = []
    for row in matters.sort_values("order").itertuples():
        who = (
            ""
            if not row.requested_by or row.requested_by == ministry
            else t("ov.matter.by", lang, who=row.requested_by)
        )
        lines.append(f"{row.text}{who} — {t('ov.matter.amount', lang)}")
    return lines


def headline_texts(h: Headline, lang: str) -> dict[str, str]:
    """The metric texts: request, base, the change in 億円 and in %."""
    return {
        "request": oku(h.request_oku, lang),
        "base": oku(h.base_oku, lang),
        "change": signed_oku(h.change_oku, lang),
        "pct": signed_pct(h.change_pct),
    }


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


#: No URL keys of its own (``lang`` and ``doc`` are the router's).
specs = NoFilters.specs
#: No filters: one instance keys the cached view.
Filters = NoFilters


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Headline, the accounts chart and table, the 事項要求 lines."""
    doc = tables["documents"].iloc[0]
    years = year_labels(tables["documents"], lang)
    accounts = tables["accounts"]
    head = headline(accounts)
    tables_out, figures = {}, {}
    if not accounts.empty:
        frame = accounts_table(accounts, lang, years)
        kinds = {t("ov.col.change", lang): SIGNED, t("ov.col.pct", lang): PCT}
        tables_out["accounts"] = Table(frame, kinds, "overview_accounts")
        figures["accounts"] = accounts_figure(accounts, lang, years)
    notes = account_notes(accounts, lang) if not accounts.empty else []
    return View(
        tables=tables_out,
        figures=figures,
        texts={
            "title": doc["title"],
            "source": t(
                "source.caption",
                lang,
                title=doc["title"],
                source=source_name(doc["source_file"]),
                sha=doc["source_sha256"][:12],
            ),
            "years": years,
            "headline": headline_texts(head, lang) if head else None,
            "matters": matter_list(tables["matter_requests"], doc["ministry"], lang),
            # Every row on screen, the total last: the grid's own default stops at 10 rows.
            "accounts_height": all_rows_height(len(accounts)),
            "notes": notes,
        },
    )
