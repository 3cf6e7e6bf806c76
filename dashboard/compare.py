"""R5 vs R6: the request against last year's initial budget, by account, section or project.

Every level is an aggregation of the same rows: the *primary listings* of projects
(items.is_primary), so nothing is counted twice. The 当初予算 (base) of a project is
its printed comparison figure only when that figure is the initial budget; a figure
from a supplementary budget (``base_basis`` "R4補正") is shown as a note and the
project is compared like one without an initial budget, as the document's section
totals do. 内数 figures (a whole agency grant) are listed at project level, marked,
and never summed into an account or section.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import BASE_COLOUR, LEGEND_TOP, REQUEST_COLOUR, bar_height
from dashboard.format import oku, signed_oku, signed_pct, wrap
from dashboard.i18n import name, t
from dashboard.labels import section_labels, year_labels
from dashboard.params import Param
from dashboard.view import PCT, SIGNED, Table, View
from loaders.schema import ACCOUNTS_NAMES

LEVELS = ("account", "section", "item")
SORTS = ("change", "pct", "request")

_COLUMNS = [
    "item_id",
    "project_key",
    "section_id",
    "order",
    "name",
    "request_oku",
    "base_oku",
    "base_basis",
    "is_new",
    "is_portion",
    "account",
    "account_partial",
]
_SORT_COLUMN = {"change": "change_oku", "pct": "change_pct", "request": "request_oku"}


def primary(items: pd.DataFrame) -> pd.DataFrame:
    """Primary listings with the comparison columns every page of this kind needs.

    ``initial_base_oku`` is the base only when it is the initial budget (null for 新規
    and for a 補正 comparison figure); ``change_oku`` treats a missing initial base as 0
    (a new project grows from nothing), ``change_pct`` is null then.
    """
    rows = items.loc[items["is_primary"], _COLUMNS].copy()
    initial = rows["base_oku"].where(rows["base_basis"].isna())
    rows["initial_base_oku"] = initial
    rows["change_oku"] = (rows["request_oku"] - initial.fillna(0.0)).round(6)
    with_base = initial.notna() & (initial != 0)
    rows["change_pct"] = ((rows["request_oku"] - initial) / initial * 100).where(with_base).round(4)
    return rows


def flags(row: object, lang: str) -> str:
    """The budget words that qualify a project's figures, in text (新規, 内数, 一部…, 補正比較)."""
    words = []
    if getattr(row, "is_new", False):
        words.append(t("cmp.flag.new", lang))
    if getattr(row, "is_portion", False):
        words.append(t("cmp.flag.portion", lang))
    if getattr(row, "account_partial", False):
        words.append(t("cmp.flag.partial", lang, account=name(row.account, lang)))
    basis = getattr(row, "base_basis", None)
    if isinstance(basis, str) and basis:
        words.append(t("cmp.flag.basis", lang, basis=basis, amount=oku(row.base_oku, lang)))
    return " / ".join(words)


def filtered(
    items: pd.DataFrame, sections: list[str] | None = None, accounts: list[str] | None = None, new_only: bool = False
) -> pd.DataFrame:
    """Primary listings in the chosen sections and accounts (all when empty), optionally 新規 only."""
    rows = primary(items)
    if sections:
        rows = rows[rows["section_id"].isin(sections)]
    if accounts:
        rows = rows[rows["account"].isin(accounts)]
    if new_only:
        rows = rows[rows["is_new"]]
    return rows


def _aggregate(rows: pd.DataFrame, key: str) -> pd.DataFrame:
    counted = rows[~rows["is_portion"]]
    grouped = counted.groupby(key, sort=False).agg(
        request_oku=("request_oku", "sum"),
        base_oku=("initial_base_oku", "sum"),
        n_items=("item_id", "size"),
        n_new=("is_new", "sum"),
    )
    grouped["change_oku"] = (grouped["request_oku"] - grouped["base_oku"]).round(6)
    grouped["change_pct"] = (grouped["change_oku"] / grouped["base_oku"] * 100).where(grouped["base_oku"] != 0).round(4)
    return grouped.reset_index()


def _grouped_rows(
    grouped: pd.DataFrame, key: str, labels: list[str], stated: pd.DataFrame, comparable: bool, order: object
) -> pd.DataFrame:
    """Rows of the account or section level: sums of primary listings beside the stated totals.

    The stated totals are shown only when no filter on the other dimension (or 新規) makes
    the listed sum a different thing from what the document states.
    """
    return pd.DataFrame(
        {
            "key": grouped[key],
            "label": labels,
            "request_oku": grouped["request_oku"],
            "base_oku": grouped["base_oku"],
            "change_oku": grouped["change_oku"],
            "change_pct": grouped["change_pct"],
            "n_items": grouped["n_items"],
            "n_new": grouped["n_new"].astype(int),
            "stated_request_oku": stated["request_oku"].to_numpy() if comparable else float("nan"),
            "stated_base_oku": stated["base_oku"].to_numpy() if comparable else float("nan"),
            "section": "",
            "account": "",
            "flags": "",
            "order": order,
        }
    )


def compare_rows(
    items: pd.DataFrame,
    sections: pd.DataFrame,
    accounts: pd.DataFrame,
    level: str,
    lang: str,
    section_filter: list[str] | None = None,
    account_filter: list[str] | None = None,
    new_only: bool = False,
    sort: str = "change",
    top: int | None = None,
) -> pd.DataFrame:
    """One row per account, section or project: ``key, label, request_oku, base_oku, change_oku,
    change_pct, n_items, n_new, stated_request_oku, stated_base_oku, section, account, flags``.

    Sorted by ``sort`` (largest first; no percentage last), cut to ``top`` rows.
    The stated columns (the document's own totals) are filled only where they are
    comparable: no account filter and not 新規-only for sections, no section filter and
    not 新規-only for accounts.
    """
    rows = filtered(items, section_filter, account_filter, new_only)
    by_section = sections.set_index("section_id")
    labels = section_labels(sections, lang)
    if level == "item":
        out = pd.DataFrame(
            {
                "key": rows["item_id"],
                "label": rows["name"],
                "request_oku": rows["request_oku"],
                "base_oku": rows["initial_base_oku"],
                "change_oku": rows["change_oku"],
                "change_pct": rows["change_pct"],
                "n_items": 1,
                "n_new": rows["is_new"].astype(int),
                "stated_request_oku": float("nan"),
                "stated_base_oku": float("nan"),
                "section": [labels.get(s, s) for s in rows["section_id"]],
                "account": [name(a, lang) for a in rows["account"]],
                "flags": [flags(r, lang) for r in rows.itertuples()],
                "order": rows["order"],
                "is_new": rows["is_new"],
                "is_portion": rows["is_portion"],
            }
        )
    elif level == "section":
        grouped = _aggregate(rows, "section_id")
        order = sections[["section_id", "order"]]
        grouped = order.merge(grouped, on="section_id", how="inner")
        comparable = not account_filter and not new_only
        stated = by_section.reindex(grouped["section_id"])
        out = _grouped_rows(
            grouped,
            "section_id",
            [labels.get(k, k) for k in grouped["section_id"]],
            stated,
            comparable,
            grouped["order"],
        )
    elif level == "account":
        grouped = _aggregate(rows, "account")
        known = accounts[accounts["kind"] == "account"].set_index("account")
        rank = {a: i for i, a in enumerate([*known.index, *sorted(set(grouped["account"]) - set(known.index))])}
        comparable = not section_filter and not new_only
        stated = known.reindex(grouped["account"])
        out = _grouped_rows(
            grouped,
            "account",
            [name(a, lang) for a in grouped["account"]],
            stated,
            comparable,
            [rank[a] for a in grouped["account"]],
        )
    else:
        raise ValueError(f"unknown level {level!r}")
    out = out.sort_values(
        [_SORT_COLUMN.get(sort, "change_oku"), "order"], ascending=[False, True], na_position="last", kind="stable"
    )
    if top:
        out = out.head(int(top))
    return out.reset_index(drop=True)


def table(rows: pd.DataFrame, level: str, lang: str, years: tuple[str, str]) -> pd.DataFrame:
    """The rows as shown on screen and in the CSV: plain 億円 numbers, headers that say so."""
    request_year, base_year = years
    label_key = {"account": "cmp.col.account", "section": "cmp.col.section", "item": "cmp.col.item"}[level]
    out = pd.DataFrame({t(label_key, lang): rows["label"]})
    if level == "item":
        out[t("cmp.col.section", lang)] = rows["section"]
        out[t("cmp.col.account", lang)] = rows["account"]
    out[t("cmp.col.request", lang, year=request_year)] = rows["request_oku"]
    out[t("cmp.col.base", lang, year=base_year)] = rows["base_oku"]
    out[t("cmp.col.change", lang)] = rows["change_oku"]
    out[t("cmp.col.pct", lang)] = rows["change_pct"]
    out[t("cmp.col.direction", lang)] = [direction(r, lang) for r in rows.itertuples()]
    if level == "item":
        out[t("cmp.col.flags", lang)] = rows["flags"]
    else:
        out[t("cmp.col.n_items", lang)] = rows["n_items"]
        out[t("cmp.col.n_new", lang)] = rows["n_new"]
        if rows["stated_request_oku"].notna().any():
            out[t("cmp.col.stated_request", lang, year=request_year)] = rows["stated_request_oku"]
            out[t("cmp.col.stated_base", lang, year=base_year)] = rows["stated_base_oku"]
    return out


def summary(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    """Sums of the rows shown, as text: request, base and change (内数 rows left out)."""
    if "is_portion" in rows:
        rows = rows[~rows["is_portion"].astype(bool)]
    request, base = rows["request_oku"].sum(), rows["base_oku"].sum()
    return {"request": oku(request, lang), "base": oku(base, lang), "change": signed_oku(request - base, lang)}


def direction(row: object, lang: str) -> str:
    """増額 / 減額 / 同額 / 新規 in words (a decrease is never shown by colour alone)."""
    if getattr(row, "n_items", 0) == 1 and pd.isna(row.base_oku):
        return t("cmp.dir.new", lang) if getattr(row, "n_new", 0) == 1 else t("cmp.dir.nobase", lang)
    if pd.isna(row.change_oku):
        return "—"
    if row.change_oku > 0:
        return t("cmp.dir.up", lang)
    if row.change_oku < 0:
        return t("cmp.dir.down", lang)
    return t("cmp.dir.same", lang)


def figure(rows: pd.DataFrame, lang: str, years: tuple[str, str]) -> go.Figure:
    """Grouped horizontal bars, base (grey) vs request (blue), first row on top.

    The request bar carries the change in 億円 and % as text; 新規 rows are marked in
    the axis label, decreases by their minus sign.
    """
    request_year, base_year = years
    labels, seen = [], set()
    for row in rows.itertuples():
        # Two lines of 14 characters: on a phone the labels would otherwise squeeze the bars.
        label = wrap(html.escape(str(row.label), quote=False), 14, 2)
        if getattr(row, "n_items", 0) == 1 and row.n_new == 1 and pd.isna(row.base_oku):
            label = t("cmp.mark.new", lang) + label
        while label in seen:  # two projects with the same short name must not share a bar
            label += " "
        seen.add(label)
        labels.append(label)
    change_text = [
        d if d == t("cmp.dir.new", lang) else f"{signed_oku(c, lang)} ({d if pd.isna(p) else signed_pct(p)})"
        for c, p, d in zip(
            rows["change_oku"], rows["change_pct"], [direction(r, lang) for r in rows.itertuples()], strict=True
        )
    ]
    hover_names = [html.escape(str(v), quote=False) for v in rows["label"]]
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            y=labels,
            x=rows["base_oku"].fillna(0.0).tolist(),
            name=base_year,
            orientation="h",
            marker_color=BASE_COLOUR,
            customdata=[[n, oku(v, lang)] for n, v in zip(hover_names, rows["base_oku"], strict=True)],
            hovertemplate="%{customdata[0]}<br>" + base_year + ": %{customdata[1]}<extra></extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            y=labels,
            x=rows["request_oku"].tolist(),
            name=request_year,
            orientation="h",
            marker_color=REQUEST_COLOUR,
            text=change_text,
            textposition="outside",
            textfont={"size": 11},
            cliponaxis=False,
            customdata=[
                [n, oku(v, lang), c] for n, v, c in zip(hover_names, rows["request_oku"], change_text, strict=True)
            ],
            hovertemplate="%{customdata[0]}<br>"
            + request_year
            + ": %{customdata[1]}<br>"
            + t("cmp.hover.change", lang)
            + ": %{customdata[2]}<extra></extra>",
        )
    )
    longest = (
        max((r or 0) for r in rows["request_oku"].tolist() + rows["base_oku"].fillna(0).tolist()) if len(rows) else 1
    )
    figure.update_layout(
        barmode="group",
        height=bar_height(len(rows), 46),
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        xaxis={"title": t("cmp.axis.oku", lang), "range": [0, longest * 1.6 or 1]},
        yaxis={"automargin": True, "autorange": "reversed"},
        legend=LEGEND_TOP,
        uniformtext={"minsize": 9, "mode": "show"},
    )
    return figure


# --- page contract (see dashboard/view.py) ---------------------------------------------


def specs(tables: Mapping[str, pd.DataFrame]) -> list[Param]:
    """URL keys of /compare: ``level``, ``section`` and ``account`` (repeatable), ``new``, ``sort``, ``top``."""
    present = set(tables["items"]["account"])
    accounts = [a for a in ACCOUNTS_NAMES if a in present]
    return [
        Param("level", "choice", LEVELS, default="section"),
        Param("section", "multi", tuple(tables["sections"].sort_values("order")["section_id"]), default=[]),
        Param("account", "multi", tuple(accounts), default=[]),
        Param("new", "choice", ("1",), default=None),
        Param("sort", "choice", SORTS, default="change"),
        Param("top", "int", default=20, minimum=1, maximum=1000),
    ]


@dataclass(frozen=True)
class Filters:
    """What /compare filters on (hashable: it is part of the view's cache key)."""

    level: str = "section"
    sections: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    new_only: bool = False
    sort: str = "change"
    top: int | None = 20

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> Filters:
        return cls(
            level=str(values.get("level") or "section"),
            sections=tuple(values.get("section") or ()),
            accounts=tuple(values.get("account") or ()),
            new_only=values.get("new") == "1",
            sort=str(values.get("sort") or "change"),
            top=int(values["top"]) if values.get("top") else None,
        )


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Rows, chart and table of /compare for ``filters``."""
    years = year_labels(tables["documents"], lang)
    everything = compare_rows(
        tables["items"],
        tables["sections"],
        tables["accounts"],
        filters.level,
        lang,
        list(filters.sections),
        list(filters.accounts),
        filters.new_only,
        filters.sort,
    )
    rows = everything.head(filters.top) if filters.top else everything
    frame = table(rows, filters.level, lang, years)
    kinds = {t("cmp.col.change", lang): SIGNED, t("cmp.col.pct", lang): PCT}
    csv_filters = {
        "level": filters.level,
        "section": list(filters.sections),
        "account": list(filters.accounts),
        "new": "1" if filters.new_only else None,
        "sort": filters.sort,
        "top": filters.top,
    }
    return View(
        tables={"rows": Table(frame, {c: k for c, k in kinds.items() if c in frame}, "compare", csv_filters)},
        figures={"bars": figure(rows, lang, years) if not rows.empty else None},
        texts={"shown": len(rows), "total": len(everything), **(summary(rows, lang) if not rows.empty else {})},
    )
