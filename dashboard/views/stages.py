"""Budget stages (予算の行方): the request, the enacted budget, supplementaries and settlement.

Pure (no Streamlit). Reads ``documents``, ``accounts`` and the budget books
(``budget_items``). Which 事項 make a document's account is the loader's rule
(:func:`loaders.budget_checks.book_scope`): the general account without transfers to special
accounts (繰入), a special account the ministry manages alone whole; a co-managed account is
not comparable and gets a sentence instead of a number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain.contract import INT, LINK, LONG_TEXT, Table, View
from dashboard.domain.figures import BASE_COLOUR, REQUEST_COLOUR, amount_axis
from dashboard.domain.format import oku
from dashboard.domain.params import Filter, FilterValues, filter_dataclass
from dashboard.domain.reference import attribution
from dashboard.i18n import name, t
from loaders.budget_checks import book_scope

STAGES = ("initial", "supplementary", "provisional", "settled")
#: The one host whose links the page renders: the budget book (財務省 予算書・決算書データベース).
BOOK_HOST = "www.bb.mof.go.jp"
YEN_PER_OKU = 100_000_000
SUPPLEMENTARY_COLOUR = "#e69f00"


def safe_url(url: object) -> str | None:
    """``url`` when it is an https URL on the budget book's host, else None (shown as plain text).

    >>> safe_url("https://www.bb.mof.go.jp/server/2024/xml/x.xml"), safe_url("javascript:alert(1)")
    ('https://www.bb.mof.go.jp/server/2024/xml/x.xml', None)
    >>> safe_url("https://www.bb.mof.go.jp.evil.example/x"), safe_url("http://www.bb.mof.go.jp/x")
    (None, None)
    """
    if not isinstance(url, str) or any(c in url for c in " \t\r\n\"'<>`"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "https" or parts.hostname != BOOK_HOST or parts.username or parts.password or parts.port:
        return None
    return url


@dataclass(frozen=True)
class Stages:
    """One account's money through one fiscal year's stages (億円), or why it cannot be shown."""

    account: str
    fiscal_year: int
    request_oku: float | None = None  # the document's request, when its request year is this year
    initial_oku: float | None = None
    supplementary_oku: Mapping[int, float] | None = None  # by supplementary number: what each added
    provisional_oku: float | None = None
    current_oku: float | None = None  # 決算: 歳出予算現額 (budget available, with carry-over)
    spent_oku: float | None = None
    carried_over_oku: float | None = None
    unused_oku: float | None = None
    reason: str | None = None  # not comparable: why (English)
    reason_ja: str | None = None

    @property
    def supplementary_total_oku(self) -> float | None:
        return sum(self.supplementary_oku.values()) if self.supplementary_oku else None

    @property
    def comparable(self) -> bool:
        return self.reason is None


def _sum_oku(rows: pd.DataFrame, column: str) -> float | None:
    values = rows[column].dropna()
    return float(values.sum()) / YEN_PER_OKU if len(values) else None  # exact integer sum, one division


def stage_figures(
    book: pd.DataFrame, ministry: str, account: str, year: int, request: Mapping[str, float] | None = None
) -> Stages:
    """The stages of ``account`` (a document account name) in fiscal ``year``; ``request`` by account name."""
    scope = book_scope(book, ministry, account, None, [])
    req = (request or {}).get(account)
    if scope.mask is None:
        return Stages(account, year, request_oku=req, reason=scope.reason, reason_ja=scope.reason_ja)
    rows = book[scope.mask & (book["fiscal_year"] == year)]
    sup = rows[rows["stage"] == "supplementary"]
    settled = rows[rows["stage"] == "settled"]
    return Stages(
        account,
        year,
        request_oku=req,
        initial_oku=_sum_oku(rows[rows["stage"] == "initial"], "amount_yen"),
        supplementary_oku={
            int(n): float(g["difference_yen"].sum()) / YEN_PER_OKU for n, g in sup.groupby("supplementary_no")
        },
        provisional_oku=_sum_oku(rows[rows["stage"] == "provisional"], "amount_yen"),
        current_oku=_sum_oku(settled, "current_yen"),
        spent_oku=_sum_oku(settled, "spent_yen"),
        carried_over_oku=_sum_oku(settled, "carried_over_yen"),
        unused_oku=_sum_oku(settled, "unused_yen"),
    )


# --- URL keys --------------------------------------------------------------------------------


def _codes(accounts: pd.DataFrame) -> dict[str, str]:
    """Account name → URL code, for the document's accounts (not うち rows or the total)."""
    top = accounts[accounts["kind"] == "account"].sort_values("order")
    return {row.account: row.code for row in top.itertuples() if isinstance(row.code, str)}


def _years(tables: Mapping[str, pd.DataFrame]) -> list[int]:
    book = tables.get("budget_items")
    return sorted(int(y) for y in book["fiscal_year"].unique()) if book is not None and len(book) else []


def _request_year(tables: Mapping[str, pd.DataFrame]) -> int | None:
    docs = tables["documents"]
    return int(docs["request_fiscal_year"].iloc[0]) if len(docs) else None


def _default_year(tables: Mapping[str, pd.DataFrame]) -> str | None:
    """The document's request year when the budget books have it, else their last year."""
    years = [str(y) for y in _years(tables)]
    request_year = _request_year(tables)
    if request_year is not None and str(request_year) in years:
        return str(request_year)
    return years[-1] if years else None


def _default_account(tables: Mapping[str, pd.DataFrame]) -> str | None:
    codes = _codes(tables["accounts"])
    return next((a for a, c in codes.items() if c == "general"), next(iter(codes), None))


@filter_dataclass
class Filters(FilterValues):
    """The page's filters: ``year`` (fiscal year, default the document's request year), ``account``
    (its name; the URL writes its code) and the ``stage`` of the 事項 list."""

    FILTERS = (
        Filter("year", "choice", default=_default_year, choices=lambda tables: [str(y) for y in _years(tables)]),
        Filter(
            "account",
            "choice",
            default=_default_account,
            choices=lambda tables: tuple(_codes(tables["accounts"])),
            url_names=lambda tables: _codes(tables["accounts"]),
        ),
        Filter("stage", "choice", default="initial", choices=STAGES),
    )


specs = Filters.specs


# --- tables and figures ------------------------------------------------------------------------


def stage_rows(stages: Stages, lang: str) -> pd.DataFrame:
    """request → initial → each supplementary → settled, one row per figure (None where not published)."""
    rows = [
        (t("st.stage.request", lang), stages.request_oku),
        (t("st.stage.initial", lang), stages.initial_oku),
    ]
    for n, added in sorted((stages.supplementary_oku or {}).items()):
        rows.append((t("st.stage.supplementary", lang, n=n), added))
    if stages.provisional_oku is not None:
        rows.append((t("st.stage.provisional", lang), stages.provisional_oku))
    rows += [
        (t("st.stage.current", lang), stages.current_oku),
        (t("st.stage.spent", lang), stages.spent_oku),
        (t("st.stage.carried", lang), stages.carried_over_oku),
        (t("st.stage.unused", lang), stages.unused_oku),
    ]
    return pd.DataFrame(rows, columns=[t("st.col.stage", lang), t("st.col.amount", lang)])


def stages_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars of the stage figures (missing ones left out)."""
    scale, axis = amount_axis(lang)
    shown = frame.dropna().iloc[::-1]
    labels, values = shown.iloc[:, 0].tolist(), shown.iloc[:, 1].tolist()
    colours = [REQUEST_COLOUR if i == len(labels) - 1 else BASE_COLOUR for i in range(len(labels))]
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=[v * scale for v in values],
            orientation="h",
            marker_color=colours,
            text=[oku(v, lang) for v in values],
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        height=120 + 36 * len(labels), margin={"l": 10, "r": 10, "t": 10, "b": 40}, xaxis=axis, showlegend=False
    )
    return figure


def history(book: pd.DataFrame, ministry: str, accounts: list[str], lang: str) -> pd.DataFrame:
    """Initial budget and supplementaries per fiscal year and comparable account (億円)."""
    rows = []
    for account in accounts:
        scope = book_scope(book, ministry, account, None, [])
        if scope.mask is None:
            continue
        chosen = book[scope.mask]
        for year, rows_y in chosen.groupby("fiscal_year"):
            rows.append(
                {
                    t("st.col.year", lang): int(year),
                    t("st.col.account", lang): name(account, lang),
                    t("st.col.initial", lang): _sum_oku(rows_y[rows_y["stage"] == "initial"], "amount_yen"),
                    t("st.col.supplementary", lang): _sum_oku(
                        rows_y[rows_y["stage"] == "supplementary"], "difference_yen"
                    ),
                }
            )
    return pd.DataFrame(rows)


def by_major_expense(book: pd.DataFrame, ministry: str, lang: str) -> pd.DataFrame:
    """The general account (without 繰入) per fiscal year and 主要経費別分類: initial and supplementaries."""
    scope = book_scope(book, ministry, "一般会計", None, [])
    if scope.mask is None:
        return pd.DataFrame()
    chosen = book[scope.mask & book["stage"].isin(["initial", "supplementary"])]
    rows = []
    for (year, major), group in chosen.groupby(["fiscal_year", "major_expense_name"]):
        rows.append(
            {
                t("st.col.year", lang): int(year),
                t("st.col.major", lang): major,
                t("st.col.initial", lang): _sum_oku(group[group["stage"] == "initial"], "amount_yen"),
                t("st.col.supplementary", lang): _sum_oku(group[group["stage"] == "supplementary"], "difference_yen"),
            }
        )
    return pd.DataFrame(rows)


def stacked_figure(frame: pd.DataFrame, by: str, lang: str) -> go.Figure:
    """Stacked bars per fiscal year: the initial budget by ``by`` (account or 主要経費), supplementaries on top."""
    scale, axis = amount_axis(lang)
    year, initial, sup = t("st.col.year", lang), t("st.col.initial", lang), t("st.col.supplementary", lang)
    figure = go.Figure()
    for group, rows in frame.groupby(by, sort=False):
        figure.add_trace(
            go.Bar(
                x=rows[year],
                y=rows[initial].fillna(0) * scale,
                name=t("st.legend.initial", lang, group=group),
                hovertemplate="%{y:,.0f}",
            )
        )
    sums = frame.groupby(year)[sup].sum(min_count=1)
    figure.add_trace(
        go.Bar(
            x=sums.index,
            y=sums.fillna(0).values * scale,
            name=t("st.legend.supplementary", lang),
            marker_color=SUPPLEMENTARY_COLOUR,
            hovertemplate="%{y:,.0f}",
        )
    )
    figure.update_layout(
        barmode="stack",
        height=460,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis=axis,
        xaxis={"dtick": 1},
        # under the plot, clear of the year labels (a long legend wraps on a phone)
        legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
    )
    return figure


def jikou(book: pd.DataFrame, ministry: str, account: str, year: int, stage: str, lang: str) -> pd.DataFrame:
    """The 事項 of ``account`` in ``year`` at ``stage``, with their amounts and budget-book pages."""
    scope = book_scope(book, ministry, account, None, [])
    if scope.mask is None:
        return pd.DataFrame()
    rows = book[scope.mask & (book["fiscal_year"] == year) & (book["stage"] == stage)]
    rows = rows.sort_values(["section_code", "page", "name"], kind="stable")
    frame = pd.DataFrame(
        {
            t("st.col.budget_type", lang): rows["budget_type"],
            t("st.col.section", lang): rows["section_name"],
            t("st.col.major", lang): rows["major_expense_name"],
            t("st.col.jikou", lang): rows["name"],
            t("st.col.amount", lang): rows["amount_oku"],
        }
    )
    if stage == "supplementary":
        frame[t("st.col.added", lang)] = rows["difference_oku"]
    if stage == "settled":
        frame[t("st.col.current", lang)] = rows["current_oku"]
        frame[t("st.col.spent", lang)] = rows["spent_oku"]
        frame[t("st.col.carried", lang)] = rows["carried_over_oku"]
        frame[t("st.col.unused", lang)] = rows["unused_oku"]
    frame[t("st.col.page", lang)] = rows["page"].astype("Int64")
    frame[t("st.col.source", lang)] = [safe_url(u) for u in rows["source_url"]]
    return frame.reset_index(drop=True)


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Everything the page shows for ``filters``."""
    docs, accounts = tables["documents"], tables["accounts"]
    book = tables.get("budget_items")
    texts: dict[str, object] = {"covered": False}
    if book is None or book.empty or docs.empty:
        return View(texts=texts | {"note": t("st.none", lang)})
    doc = docs.iloc[0]
    ministry, request_year = doc["ministry"], int(doc["request_fiscal_year"])
    if not (book["ministry"] == ministry).any():
        return View(texts=texts | {"note": t("st.ministry_missing", lang, ministry=ministry)})
    year = int(filters.year) if filters.year else request_year
    codes = _codes(accounts)
    request = dict(zip(accounts["account"], accounts["request_oku"], strict=True)) if year == request_year else {}
    all_stages = [stage_figures(book, ministry, a, year, request) for a in codes]
    texts |= {
        "covered": True,
        "year": year,
        "request_year": request_year,
        "ministry": ministry,
        "not_comparable": [
            (name(s.account, lang), s.reason_ja if lang == "ja" else s.reason) for s in all_stages if not s.comparable
        ],
        "request_note": None if year == request_year else t("st.no_request", lang, year=request_year),
    }
    tables_out: dict[str, Table] = {}
    figures: dict[str, go.Figure] = {}
    csv_filters = filters.csv_filters(tables)
    selected = next((s for s in all_stages if s.account == filters.account), None) or all_stages[0]
    texts["account"] = name(selected.account, lang)
    texts["selected_reason"] = (
        None if selected.comparable else (selected.reason_ja if lang == "ja" else selected.reason)
    )
    summary = []
    for s in all_stages:
        if not s.comparable:
            continue
        summary.append(
            {
                t("st.col.account", lang): name(s.account, lang),
                t("st.col.request", lang): s.request_oku,
                t("st.col.initial", lang): s.initial_oku,
                t("st.col.supplementary", lang): s.supplementary_total_oku,
                t("st.col.current", lang): s.current_oku,
                t("st.col.spent", lang): s.spent_oku,
                t("st.col.carried", lang): s.carried_over_oku,
                t("st.col.unused", lang): s.unused_oku,
            }
        )
    if summary:
        tables_out["summary"] = Table(pd.DataFrame(summary), csv="stages", csv_filters=csv_filters)
    if selected.comparable:
        frame = stage_rows(selected, lang)
        tables_out["stages"] = Table(frame, csv="stages_account", csv_filters=csv_filters)
        figures["stages"] = stages_figure(frame, lang)
        texts["settled_note"] = t("st.settled_general_only", lang) if selected.current_oku is None else None
    hist = history(book, ministry, list(codes), lang)
    if not hist.empty:
        tables_out["history"] = Table(hist, {t("st.col.year", lang): INT}, csv="stages_history")
        figures["history"] = stacked_figure(hist, t("st.col.account", lang), lang)
    major = by_major_expense(book, ministry, lang)
    if not major.empty:
        tables_out["major"] = Table(major, {t("st.col.year", lang): INT}, csv="stages_major_expense")
        figures["major"] = stacked_figure(major, t("st.col.major", lang), lang)
    items = jikou(book, ministry, selected.account, year, filters.stage, lang)
    if not items.empty:
        tables_out["jikou"] = Table(
            items,
            {t("st.col.jikou", lang): LONG_TEXT, t("st.col.page", lang): INT, t("st.col.source", lang): LINK},
            csv="stages_jikou",
            csv_filters=csv_filters,
        )
        texts["jikou_total"] = oku(float(items[t("st.col.amount", lang)].sum()), lang)
    texts["jikou_count"] = len(items)
    texts["attribution"] = attribution(tables.get("reference_sources"), "budget_book", lang)
    return View(tables=tables_out, figures=figures, texts=texts)
