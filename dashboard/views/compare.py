"""R5 vs R6: the request against last year's initial budget, by account, section or project.

The account and section levels compare **the document's stated totals** (the accounts
table, each section's 【total】): a section total is the sum of *all* its related
projects, of which the document lists only the main ones, so the stated figures are
what an analyst quotes. Beside them: the sum of the listed projects (primary listings,
内数 left out) and the unlisted remainder (stated − listed). Where no stated total fits
the filters (an account filter on sections, a section filter on accounts, 新規 only),
the rows are listed sums and say so (``measure`` = listed).

The project level compares each project's primary listing. The 当初予算 (base) of a
project is its printed comparison figure only when that figure is the initial budget
(:func:`dashboard.views.items.base_figures`, the rule every view shares); a figure from a
supplementary budget (``base_basis`` "R4補正") has a column of its own, and such a
project has no change (it is neither new nor comparable with an initial budget).
内数 figures (a whole agency grant) are shown at project level, in a column of their own.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain.comparison import LEVELS, LISTED, STATED, compare_rows, measure_of
from dashboard.domain.contract import AMOUNT, INT, PCT, SIGNED, Table, View
from dashboard.domain.figures import BASE_COLOUR, LEGEND_TOP, REQUEST_COLOUR, UNLISTED_COLOUR, amount_axis, bar_height
from dashboard.domain.format import oku, plotly_text, signed_oku, signed_pct, wrap_label
from dashboard.domain.labels import year_labels
from dashboard.domain.listings import SECTION_FILTER
from dashboard.domain.params import Filter, FilterValues, filter_dataclass
from dashboard.i18n import t
from loaders.accounts import by_name

SORTS = ("change", "pct", "request")


def table(rows: pd.DataFrame, level: str, lang: str, years: tuple[str, str]) -> pd.DataFrame:
    """The rows as shown on screen and in the CSV: plain 億円 numbers, headers that say which measure."""
    request_year, base_year = years
    label_key = {"account": "cmp.col.account", "section": "cmp.col.section", "item": "cmp.col.item"}[level]
    labels = rows["label"]
    if level == "account":
        labels = [
            (t("cmp.of_which", lang) if k == "breakdown" else "") + v for k, v in zip(rows["kind"], labels, strict=True)
        ]
    out = pd.DataFrame({t(label_key, lang): labels})
    grouped = level != "item"
    measure = "" if not grouped else "." + ("stated" if measure_of(rows) == STATED else "listed")
    if grouped and measure_of(rows) == "mixed":
        measure = ".mixed"
    if level == "item":
        out[t("cmp.col.section", lang)] = rows["section"].to_numpy()
        out[t("cmp.col.account", lang)] = rows["account"].to_numpy()
    out[t(f"cmp.col.request{measure}", lang, year=request_year)] = rows["request_oku"].to_numpy()
    out[t(f"cmp.col.base{measure}", lang, year=base_year)] = rows["base_oku"].to_numpy()
    out[t("cmp.col.change", lang)] = rows["change_oku"].to_numpy()
    out[t("cmp.col.pct", lang)] = rows["change_pct"].to_numpy()
    out[t("cmp.col.direction", lang)] = [direction(r, lang) for r in rows.itertuples()]
    if level == "item":
        out[t("cmp.col.other_base", lang)] = rows["other_base"].fillna("").to_numpy()
        out[t("cmp.col.portion", lang, year=request_year)] = rows["portion_oku"].to_numpy()
        out[t("cmp.col.multiyear", lang)] = rows["multiyear_oku"].to_numpy()
        out[t("cmp.col.multiyear_years", lang)] = rows["multiyear_years"].astype("Float64").to_numpy()
        out[t("cmp.col.flags", lang)] = rows["flags"].to_numpy()
    else:
        if measure != ".listed":
            out[t("cmp.col.listed_request", lang, year=request_year)] = rows["listed_request_oku"].to_numpy()
            out[t("cmp.col.unlisted_request", lang, year=request_year)] = rows["unlisted_request_oku"].to_numpy()
            out[t("cmp.col.listed_base", lang, year=base_year)] = rows["listed_base_oku"].to_numpy()
        out[t("cmp.col.n_items", lang)] = rows["n_items"].astype(int).to_numpy()
        out[t("cmp.col.n_new", lang)] = rows["n_new"].astype(int).to_numpy()
    return out


def table_kinds(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    """Column kinds of :func:`table`: changes signed, rates in %, years and counts as integers."""
    kinds = {t("cmp.col.change", lang): SIGNED, t("cmp.col.pct", lang): PCT}
    for key in ("cmp.col.multiyear_years", "cmp.col.n_items", "cmp.col.n_new"):
        kinds[t(key, lang)] = INT
    return {c: k for c, k in kinds.items() if c in frame} | {
        c: AMOUNT for c in frame if c not in kinds and frame[c].dtype.kind == "f"
    }


def summary(rows: pd.DataFrame, lang: str, stated_total: tuple[float, float] | None = None) -> dict[str, str]:
    """Sums of the rows shown, as text: request, base and change (うち rows and 内数 left out).

    With stated and listed rows side by side (an account missing from the accounts table),
    only the stated rows are summed, so the sum is the document's own total.
    """
    counted = rows[rows["kind"] != "breakdown"]
    if measure_of(counted) == "mixed":
        counted = counted[counted["measure"] == STATED]
    request, base = counted["request_oku"].sum(), counted["base_oku"].sum()
    if stated_total is not None:  # every stated account shown: the document's own total, not a rounded sum
        request, base = stated_total
    return {"request": oku(request, lang), "base": oku(base, lang), "change": signed_oku(request - base, lang)}


def _stated_total(accounts: pd.DataFrame, rows: pd.DataFrame, filters: Filters) -> tuple[float, float] | None:
    """The accounts table's total row when the account level shows every stated account, unfiltered."""
    total = accounts[accounts["kind"] == "total"]
    stated = set(accounts.loc[accounts["kind"] == "account", "account"])
    if filters.level != "account" or total.empty or filters.set_filters():
        return None
    if not stated <= set(rows["key"]):
        return None
    return float(total["request_oku"].iloc[-1]), float(total["base_oku"].iloc[-1])


def direction(row: object, lang: str) -> str:
    """増額 / 減額 / 同額 / 新規 in words (a decrease is never shown by colour alone)."""
    if getattr(row, "is_portion", False) is True:
        return t("cmp.dir.portion", lang)
    if getattr(row, "kind", "") == "item" and isinstance(getattr(row, "other_base", None), str) and row.other_base:
        return t("cmp.dir.other_base", lang)
    if getattr(row, "kind", "") == "item" and pd.isna(row.base_oku):
        return t("cmp.dir.new", lang) if getattr(row, "n_new", 0) == 1 else t("cmp.dir.nobase", lang)
    if pd.isna(row.change_oku):
        return "—"
    if row.change_oku > 0:
        return t("cmp.dir.up", lang)
    if row.change_oku < 0:
        return t("cmp.dir.down", lang)
    return t("cmp.dir.same", lang)


def _bar_labels(rows: pd.DataFrame, lang: str) -> list[str]:
    labels, seen = [], set()
    for row in rows.itertuples():
        # Two lines of 14 characters: on a phone the labels would otherwise squeeze the bars.
        label = wrap_label(str(row.label), 14, 2)
        if row.kind == "breakdown":
            label = t("cmp.of_which", lang) + label
        if row.kind == "item" and row.n_new == 1 and pd.isna(row.base_oku):
            label = t("cmp.mark.new", lang) + label
        while label in seen:  # two projects with the same short name must not share a bar
            label += " "
        seen.add(label)
        labels.append(label)
    return labels


def figure(rows: pd.DataFrame, lang: str, years: tuple[str, str]) -> go.Figure:
    """Grouped horizontal bars, base (grey) vs request (blue), first row on top.

    On the stated levels the request bar is split: the listed projects (blue) and the
    unlisted remainder (pale), together the stated total. Each row's label carries the
    change in 億円 and % on a line of its own: text beside the longest bar would be cut
    off on a phone, a label never is.
    """
    request_year, base_year = years
    scale, axis = amount_axis(lang)
    change_text = [
        d
        if d in (t("cmp.dir.new", lang), t("cmp.dir.portion", lang))
        else f"{signed_oku(c, lang)} ({d if pd.isna(p) else signed_pct(p, lang)})"
        for c, p, d in zip(
            rows["change_oku"], rows["change_pct"], [direction(r, lang) for r in rows.itertuples()], strict=True
        )
    ]
    labels = [
        f"{label}<br><span style='font-size:10px;color:#444'>{change}</span>"
        for label, change in zip(_bar_labels(rows, lang), change_text, strict=True)
    ]
    hover_names = [plotly_text(v) for v in rows["label"]]
    stated = rows["measure"] == STATED
    split = stated & rows["listed_request_oku"].notna()
    listed_part = (
        rows["listed_request_oku"].clip(upper=rows["request_oku"]).where(split, rows["request_oku"]).fillna(0.0)
    )
    rest = (rows["request_oku"] - listed_part).where(split, 0.0).clip(lower=0).fillna(0.0)

    def scaled(values: pd.Series) -> list[float]:
        return [round(float(v) * scale, 3) for v in values]

    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            y=labels,
            x=scaled(rows["base_oku"].fillna(0.0)),
            name=t("cmp.trace.base", lang, year=base_year),
            orientation="h",
            marker_color=BASE_COLOUR,
            offsetgroup="base",
            customdata=[[n, oku(v, lang)] for n, v in zip(hover_names, rows["base_oku"], strict=True)],
            hovertemplate="%{customdata[0]}<br>" + base_year + ": %{customdata[1]}<extra></extra>",
        )
    )
    any_split = bool(split.any())
    figure.add_trace(
        go.Bar(
            y=labels,
            x=scaled(listed_part),
            name=t("cmp.trace.listed" if any_split else "cmp.trace.request", lang, year=request_year),
            orientation="h",
            marker_color=REQUEST_COLOUR,
            offsetgroup="request",
            customdata=[
                [n, oku(v, lang), oku(s, lang) if sp else ""]
                for n, v, s, sp in zip(hover_names, rows["request_oku"], rows["listed_request_oku"], split, strict=True)
            ],
            hovertemplate="%{customdata[0]}<br>"
            + request_year
            + ": %{customdata[1]}"
            + (("<br>" + t("cmp.hover.listed", lang) + ": %{customdata[2]}") if any_split else "")
            + "<extra></extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            y=labels,
            x=scaled(rest),
            base=scaled(listed_part),
            name=t("cmp.trace.unlisted", lang),
            orientation="h",
            marker={"color": UNLISTED_COLOUR, "line": {"color": REQUEST_COLOUR, "width": 1}},
            offsetgroup="request",
            showlegend=any_split,
            customdata=[[n, oku(r, lang), c] for n, r, c in zip(hover_names, rest, change_text, strict=True)],
            hovertemplate="%{customdata[0]}<br>"
            + t("cmp.hover.unlisted", lang)
            + ": %{customdata[1]}<br>"
            + t("cmp.hover.change", lang)
            + ": %{customdata[2]}<extra></extra>",
        )
    )
    values = rows["request_oku"].fillna(0).tolist() + rows["base_oku"].fillna(0).tolist()
    longest = max(values) * scale if values else 1
    figure.update_layout(
        barmode="group",
        height=bar_height(len(rows), 52),
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        xaxis={**axis, "range": [0, longest * 1.05 or 1]},
        yaxis={"automargin": True, "autorange": "reversed"},
        legend=LEGEND_TOP,
    )
    return figure


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


def account_choices(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Accounts that fund a listed project or have a stated row, in the table's order → URL code."""
    present = list(dict.fromkeys([*tables["accounts"].sort_values("order")["account"], *tables["items"]["account"]]))
    kinds = dict(zip(tables["accounts"]["account"], tables["accounts"]["kind"], strict=True))
    return {a: by_name(a).code for a in present if kinds.get(a, "account") == "account"}


@filter_dataclass
class Filters(FilterValues):
    """What /compare filters on (hashable: it is part of the view's cache key).

    Sections and accounts are written by readable codes (``section=gx-energy``, ``account=gx``);
    section ids and Japanese account names of links shared before are still read. The file names
    always say the level, the sort and how many rows (``top=all`` for every row).
    """

    FILTERS = (
        Filter("level", "choice", default="section", choices=LEVELS, named="always"),
        SECTION_FILTER,
        Filter(
            "account",
            "multi",
            default=(),
            attr="accounts",
            choices=lambda tables: tuple(account_choices(tables)),
            url_names=account_choices,
            apply=lambda rows, names, context: rows["account"].isin(names),
        ),
        Filter("new", "flag", attr="new_only", words={"0": None}, apply=lambda rows, on, context: rows["is_new"]),
        Filter("sort", "choice", default="change", choices=SORTS, named="always"),
        Filter("top", "int", default=20, minimum=1, maximum=1000, words={"all": None, "0": None}, named="always"),
    )


specs = Filters.specs


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Rows, chart and table of /compare for ``filters``."""
    years = year_labels(tables["documents"], lang)
    everything = compare_rows(
        tables["items"],
        tables["sections"],
        tables["accounts"],
        filters.level,
        lang,
        filters,
        sort=filters.sort,
    )
    rows = everything.head(filters.top) if filters.top else everything
    frame = table(rows, filters.level, lang, years)
    csv_filters = filters.csv_filters(tables)
    measure = "item" if filters.level == "item" else measure_of(rows) if not rows.empty else LISTED
    texts = {"shown": len(rows), "total": len(everything), "measure": measure}
    if not rows.empty:
        texts |= summary(rows, lang, _stated_total(tables["accounts"], rows, filters))
    if filters.level == "item":
        multiyear = rows[rows["multiyear_oku"].notna()]
        texts["multiyear"] = {"n": len(multiyear), "amount": oku(multiyear["multiyear_oku"].sum(), lang)}
    return View(
        tables={"rows": Table(frame, table_kinds(frame, lang), "compare", csv_filters)},
        figures={"bars": figure(rows, lang, years) if not rows.empty else None},
        texts=texts,
    )
