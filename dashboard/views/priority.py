"""重要政策推進枠: the priority-quota list linked to its projects, filtered, summed and charted.

Pure functions of DataFrames and small values (no Streamlit), so tests call them directly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain.contract import AMOUNT, INT, SCORE, SHARE, Table, View
from dashboard.domain.figures import REQUEST_COLOUR, TRANSFER_COLOUR, amount_axis
from dashboard.domain.format import oku, plotly_text
from dashboard.domain.format import wrap_label as format_wrap_label
from dashboard.domain.labels import section_labels, section_url_names
from dashboard.domain.params import Filter, FilterValues, filter_dataclass
from dashboard.domain.text import Query, name_matches, normalize
from dashboard.i18n import name, t

#: URL value of the "not linked to any project" choice of ``section`` (section ids are never this).
UNLINKED = "unlinked"
MATCH_KINDS = ("exact", "fuzzy", "none")
#: The page's tabs (``tab=`` in the URL): the requests, or their subtotals by section.
TABS = ("requests", "sections")

#: Curated topics: a request belongs to one when its name holds any of the words (width, case and
#: spaces ignored). A name search for 中小企業 misses 小規模事業対策推進等事業 and 後継者支援ネットワーク事業;
#: the topic finds them. The words are shown on the page, so what a topic holds is never hidden.
TOPICS: dict[str, tuple[str, ...]] = {
    "sme": ("中小企業", "小規模", "事業承継", "後継者"),
    "digital": ("デジタル", "DX", "サイバー", "AI", "データ", "情報処理", "チップレット"),
    "international": ("海外", "国際", "貿易", "ASEAN", "拠出金", "新興国", "現地進出"),
    "health": ("医療", "健康", "ヘルスケア", "創薬", "医工", "治療"),
}
#: Characters per line of a bar label and lines per label: long project names wrap, never run off the chart.
LABEL_WIDTH = 16
LABEL_LINES = 2


def linked_requests(priority: pd.DataFrame, items: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Every priority request with its linked project's own request and section, in document order.

    ``share_pct`` is the priority request as a percentage of the project's request (None when the
    request is not linked or the project states no amount).
    """
    project = items[["item_id", "name", "request_oku", "is_portion"]].rename(
        columns={
            "item_id": "matched_item_id",
            "name": "project_name",
            "request_oku": "project_request_oku",
            "is_portion": "project_is_portion",
        }
    )
    frame = priority.sort_values("order").merge(project, on="matched_item_id", how="left")
    frame = frame.merge(
        sections[["section_id", "name"]].rename(columns={"name": "section_name"}), on="section_id", how="left"
    )
    base = frame["project_request_oku"].where(frame["project_request_oku"] > 0)
    frame["share_pct"] = (frame["request_oku"] / base * 100).round(1)
    frame["project_is_portion"] = frame["project_is_portion"].fillna(False).astype(bool)
    frame.loc[frame["match"] == "none", "match_score"] = float("nan")
    columns = [
        "request_id",
        "order",
        "name",
        "request_oku",
        "section_id",
        "section_name",
        "matched_item_id",
        "project_name",
        "project_request_oku",
        "share_pct",
        "project_is_portion",
        "match",
        "match_score",
        "is_transfer",
    ]
    return frame[columns].reset_index(drop=True)


@filter_dataclass
class Filters(FilterValues):
    """What the page filters on (URL values parsed by :mod:`dashboard.domain.params`); ``section`` takes
    the sections' readable names (``regional-sme``; old section ids are still read) and ``unlinked``.
    The page keeps ``tab`` (the table shown), which the view does not depend on."""

    FILTERS = (
        Filter("q", "text", default=""),
        Filter("min", "number", attr="min_oku", minimum=0),
        Filter("max", "number", attr="max_oku", minimum=0),
        Filter(
            "section",
            "multi",
            default=(),
            attr="sections",
            choices=lambda tables: (*tables["sections"].sort_values("order")["section_id"], UNLINKED),
            url_names=lambda tables: section_url_names(tables["sections"]),
        ),
        Filter("match", "choice", choices=MATCH_KINDS),
        # transfer=0 leaves out the transfer between accounts; the field says whether it is in.
        Filter(
            "transfer",
            "choice",
            default="1",
            choices=("1", "0"),
            parse=lambda value: value != "0",
            url_value=lambda included: "1" if included else "0",
        ),
        Filter("topic", "choice", choices=tuple(TOPICS)),
    )
    PAGE_ONLY = (Filter("tab", "choice", default=TABS[0], choices=TABS, named="never"),)


specs = Filters.specs


def topic_matches(names: pd.Series, topic: str) -> pd.Series:
    """Rows whose name holds any word of the topic (see :data:`TOPICS`)."""
    words = [normalize(w) for w in TOPICS[topic]]
    return names.map(lambda n: any(w in normalize(n) for w in words) if isinstance(n, str) else False).astype(bool)


def query_topics(query: str) -> list[str]:
    """Topics one of whose words is the query or holds it: 中小企業 → sme (which also finds 小規模 …)."""
    needle = normalize(query)
    if not needle:
        return []
    return [topic for topic, words in TOPICS.items() if any(needle in normalize(w) for w in words)]


def filter_requests(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of :func:`linked_requests` that pass every filter (index reset)."""
    keep = name_matches(frame["name"], filters.q)
    if filters.topic:
        keep &= topic_matches(frame["name"], filters.topic)
    if filters.min_oku is not None:
        keep &= frame["request_oku"] >= filters.min_oku
    if filters.max_oku is not None:
        keep &= frame["request_oku"] <= filters.max_oku
    if filters.sections:
        wanted = frame["section_id"].isin([s for s in filters.sections if s != UNLINKED])
        if UNLINKED in filters.sections:
            wanted |= frame["section_id"].isna()
        keep &= wanted
    if filters.match:
        keep &= frame["match"] == filters.match
    if not filters.transfer:
        keep &= ~frame["is_transfer"]
    return frame[keep].reset_index(drop=True)


@dataclass(frozen=True)
class Summary:
    """Count and sum of what is shown, beside the document's stated 合計, and their shares.

    ``total_oku`` is what "share of the total" divides by: the stated 合計, or the sum of
    every request when the document states none. ``without_oku`` is the sum of every
    request that is not a transfer; ``sum_without_oku`` the same over the rows shown.
    """

    count: int
    total_count: int
    sum_oku: float
    all_sum_oku: float
    transfer_oku: float
    transfer_names: tuple[str, ...]
    stated_oku: float | None
    difference_oku: float | None
    tolerance_oku: float | None
    total_oku: float = 0.0
    without_oku: float = 0.0
    sum_without_oku: float = 0.0
    share_total_pct: float | None = None
    share_without_pct: float | None = None


def _share(part: float, whole: float | None) -> float | None:
    return None if not whole or not math.isfinite(whole) else part / whole * 100


def summary(filtered: pd.DataFrame, everything: pd.DataFrame, reconciliation: pd.DataFrame) -> Summary:
    """The filtered count and sum, the sum of all rows, the stated 合計 (None when not stated), the shares."""
    stated = reconciliation[reconciliation["scope"] == "priority_requests"]
    row = stated.iloc[0] if not stated.empty else None

    def _num(column: str) -> float | None:
        return None if row is None or pd.isna(row[column]) else float(row[column])

    all_sum = round(float(everything["request_oku"].sum()), 6)
    transfer = round(float(everything.loc[everything["is_transfer"], "request_oku"].sum()), 6)
    total = _num("stated_oku") if _num("stated_oku") is not None else all_sum
    shown_sum = round(float(filtered["request_oku"].sum()), 6)
    shown_without = round(float(filtered.loc[~filtered["is_transfer"].astype(bool), "request_oku"].sum()), 6)
    without = round(all_sum - transfer, 6)
    return Summary(
        count=len(filtered),
        total_count=len(everything),
        sum_oku=shown_sum,
        all_sum_oku=all_sum,
        transfer_oku=transfer,
        transfer_names=tuple(everything.loc[everything["is_transfer"], "name"]),
        stated_oku=_num("stated_oku"),
        difference_oku=_num("difference_oku"),
        tolerance_oku=_num("tolerance_oku"),
        total_oku=total,
        without_oku=without,
        sum_without_oku=shown_without,
        share_total_pct=_share(shown_sum, total),
        share_without_pct=_share(shown_without, without),
    )


def difference_words(stated: float | None, computed: float, lang: str, stated_words: bool = True) -> str:
    """How a computed sum stands against a stated figure, by direction, in words.

    "差 ▲8.08億円" (stated − computed) reads as if the list were short; these words say which is
    larger. ``stated_words=False`` for a figure derived from stated ones (2,400 − 1,594 = 806).

    >>> difference_words(2400, 2408.08, "ja"), difference_words(2400, 2408.08, "en")
    ('資料の合計 2,400億円より 8.08億円多くなります', '¥808 million above the stated total of ¥240 billion')
    >>> difference_words(806, 814.08, "ja", stated_words=False), difference_words(10, 9, "ja")
    ('806億円より 8.08億円多くなります', '資料の合計 10億円より 1億円少なくなります')
    """
    if stated is None:
        return ""
    gap = round(computed - stated, 6)
    key = "pr.diff.equal" if round(gap, 2) == 0 else "pr.diff.above" if gap > 0 else "pr.diff.below"
    than = t("pr.diff.stated", lang, stated=oku(stated, lang)) if stated_words else oku(stated, lang)
    return t(key, lang, diff=oku(abs(gap), lang), than=than)


def transfer_texts(s: Summary, lang: str) -> dict[str, object]:
    """The transfer's share of the total and the total without it, for the default view.

    The share divides by the stated 合計 (2,400億円: 1,594 is 66.4%); without the transfer the
    other requests add up to ``without`` (814.08億円, computed), while the stated 合計 less the
    transfer is ``stated_without`` (806億円): both are given, the gap is the rounding of each figure.
    """
    n = s.total_count - len(s.transfer_names)
    stated_without = None if s.stated_oku is None else round(s.stated_oku - s.transfer_oku, 6)
    return {
        "name": "、".join(s.transfer_names),
        "amount": oku(s.transfer_oku, lang),
        "share": share_text(_share(s.transfer_oku, s.total_oku)),
        "total": oku(s.total_oku, lang),
        "n": n,
        "without": oku(s.without_oku, lang),
        "stated_without": oku(stated_without, lang) if stated_without is not None else None,
        "direction": difference_words(stated_without, s.without_oku, lang, stated_words=False),
    }


def share_text(value: float | None) -> str:
    """A share as people read it: one decimal, more for a sliver that would show as 0.0%.

    >>> share_text(10.0917), share_text(0.0021), share_text(0.01 / 2400 * 100), share_text(0), share_text(None)
    ('10.1%', '0.0021%', '0.00042%', '0%', '—')
    """
    if value is None or not math.isfinite(value):
        return "—"
    if value == 0:
        return "0%"
    if abs(value) < 0.1:  # two significant digits, never 0.0%
        decimals = min(8, 1 - math.floor(math.log10(abs(value))))
        return f"{value:.{decimals}f}%"
    return f"{value:.1f}%"


def section_label(section_id: str, sections: pd.DataFrame, counts: Mapping[str, int], lang: str) -> str:
    """A section choice as shown: its name (or "not linked") and how many requests it has."""
    if section_id == UNLINKED:
        text = t("pr.unlinked", lang)
    else:
        names = sections.loc[sections["section_id"] == section_id, "name"]
        text = name(names.iloc[0], lang) if not names.empty else section_id
    return f"{text} ({counts.get(section_id, 0)})"


def section_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Requests per linked section id, with the unlinked ones under :data:`UNLINKED`."""
    return frame["section_id"].fillna(UNLINKED).value_counts().to_dict()


def _note(is_transfer: bool, is_portion: bool, match: str, project_name: object, lang: str) -> str:
    notes = []
    if is_transfer:
        notes.append(t("pr.note.transfer", lang))
    if is_portion:
        notes.append(t("pr.note.portion", lang))
    if match == "fuzzy" and isinstance(project_name, str):
        notes.append(t("pr.note.fuzzy", lang, name=project_name))
    return " / ".join(notes)


def _shares(amounts: pd.Series, whole: float | None, keep: pd.Series | None = None) -> pd.Series:
    """Each amount as a percentage of ``whole`` (three decimals; NaN where ``keep`` is False)."""
    if not whole:
        return pd.Series(float("nan"), index=amounts.index)
    shares = (amounts.astype(float) / whole * 100).round(3)
    return shares if keep is None else shares.where(keep)


def display_table(
    filtered: pd.DataFrame, lang: str, total_oku: float | None = None, without_oku: float | None = None
) -> pd.DataFrame:
    """The filtered rows as shown on screen and in the CSV: localized headers, amounts as plain 億円.

    Each request's two shares follow it (of the total, and of the total without transfers,
    where a transfer itself has none); the project's request and the share of it follow;
    the long section names come last.
    """
    not_transfer = ~filtered["is_transfer"].astype(bool)
    return pd.DataFrame(
        {
            t("pr.col.order", lang): filtered["order"].astype("int64"),
            t("pr.col.name", lang): filtered["name"].astype(object),
            t("pr.col.request", lang): filtered["request_oku"].astype(float),
            t("pr.col.share_total", lang): _shares(filtered["request_oku"], total_oku),
            t("pr.col.share_without", lang): _shares(filtered["request_oku"], without_oku, not_transfer),
            t("pr.col.project_request", lang): filtered["project_request_oku"].astype(float),
            t("pr.col.share", lang): filtered["share_pct"].astype(float),
            t("pr.col.section", lang): [name(s, lang) if isinstance(s, str) else "" for s in filtered["section_name"]],
            t("pr.col.match", lang): [t(f"pr.match.{m}", lang) for m in filtered["match"]],
            t("pr.col.score", lang): filtered["match_score"].astype(float),
            t("pr.col.note", lang): [
                _note(*flags, lang)
                for flags in zip(
                    filtered["is_transfer"],
                    filtered["project_is_portion"],
                    filtered["match"],
                    filtered["project_name"],
                    strict=True,
                )
            ],
        }
    )


def table_kinds(lang: str) -> dict[str, str]:
    """Column kinds of :func:`display_table` (by column, never by position)."""
    return {
        t("pr.col.order", lang): INT,
        t("pr.col.request", lang): AMOUNT,
        t("pr.col.share_total", lang): SHARE,
        t("pr.col.share_without", lang): SHARE,
        t("pr.col.project_request", lang): AMOUNT,
        t("pr.col.share", lang): SHARE,
        t("pr.col.score", lang): SCORE,
    }


#: The group of :func:`section_subtotals` that holds the transfers (section ids are never this).
TRANSFER = "transfer"


def section_subtotals(
    filtered: pd.DataFrame, sections: pd.DataFrame, lang: str, total_oku: float | None, without_oku: float | None
) -> pd.DataFrame:
    """Count, sum and shares of the filtered requests per linked section, in document order.

    Requests not linked to the main text form one group after the sections, and transfers
    their own (a transfer funds projects listed elsewhere, so it belongs to no section and
    has no share of the total without transfers). ``group`` is the section id,
    :data:`UNLINKED` or :data:`TRANSFER`.
    """
    is_transfer = filtered["is_transfer"].astype(bool)
    group = filtered["section_id"].astype(object).where(filtered["section_id"].notna(), UNLINKED)
    group = group.where(~is_transfer, TRANSFER)
    sums = filtered.groupby(group.to_numpy(), sort=False)["request_oku"].agg(["count", "sum"])
    labels = section_labels(sections, lang)
    order = [g for g in [*labels, UNLINKED, TRANSFER] if g in sums.index]
    sums = sums.loc[order]
    label_of = {**labels, UNLINKED: t("pr.unlinked", lang), TRANSFER: t("pr.group.transfer", lang)}
    frame = pd.DataFrame(
        {
            "group": order,
            "label": [label_of.get(g, g) for g in order],
            "count": sums["count"].astype("int64").to_numpy(),
            "sum_oku": sums["sum"].round(6).to_numpy(),
        }
    )
    frame["share_total_pct"] = _shares(frame["sum_oku"], total_oku)
    frame["share_without_pct"] = _shares(frame["sum_oku"], without_oku, frame["group"] != TRANSFER)
    return frame


def subtotal_table(subtotals: pd.DataFrame, lang: str, csv: str | None = None, csv_filters=None) -> Table:
    """:func:`section_subtotals` as shown and downloaded (headers in ``lang``)."""
    frame = pd.DataFrame(
        {
            t("pr.sub.col.section", lang): subtotals["label"].astype(object),
            t("pr.sub.col.count", lang): subtotals["count"].astype("int64"),
            t("pr.sub.col.sum", lang): subtotals["sum_oku"].astype(float),
            t("pr.col.share_total", lang): subtotals["share_total_pct"].astype(float),
            t("pr.col.share_without", lang): subtotals["share_without_pct"].astype(float),
        }
    )
    kinds = {
        t("pr.sub.col.count", lang): INT,
        t("pr.sub.col.sum", lang): AMOUNT,
        t("pr.col.share_total", lang): SHARE,
        t("pr.col.share_without", lang): SHARE,
    }
    return Table(frame, kinds, csv, csv_filters or {})


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A bar label on at most two lines of 16 characters (see :func:`dashboard.domain.format.wrap`), HTML-escaped."""
    return format_wrap_label(text, width, lines)


def _amount_xaxis(top: float, lang: str) -> dict:
    """The amount axis of both bar charts: the language's unit (as the labels) from 0 to just past ``top`` 億円."""
    scale, axis = amount_axis(lang)
    return {
        **axis,
        "title": t("pr.axis.oku", lang),
        "range": [0, top * scale * 1.04 if math.isfinite(top) and top > 0 else 1],
    }


def _label_yaxis(order: list, ticks: list, labels: list[str]) -> dict:
    """A category axis placed by id (two bars may share a name) and labelled with the names."""
    return {
        "categoryorder": "array",
        "categoryarray": order,
        "tickmode": "array",
        "tickvals": ticks,
        "ticktext": labels,
        "automargin": True,
        "tickfont": {"size": 12},
    }


def section_figure(subtotals: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars of the section subtotals, first section on top; the transfer in grey.

    Each bar says its sum and its share of the total; the hover adds the count.
    """
    traces = []
    scale = amount_axis(lang)[0]  # the bars in the axis unit (¥ billion in English), as the labels
    top = float(subtotals["sum_oku"].max()) if len(subtotals) else 1.0
    for is_transfer, colour in ((False, REQUEST_COLOUR), (True, TRANSFER_COLOUR)):
        part = subtotals[(subtotals["group"] == TRANSFER) == is_transfer]
        if part.empty:
            continue
        traces.append(
            go.Bar(
                y=part["group"].tolist(),
                x=[v * scale for v in part["sum_oku"]],
                orientation="h",
                marker_color=colour,
                name=t("pr.legend.transfer" if is_transfer else "pr.legend.request", lang),
                text=[
                    f"{oku(v, lang)} ({share_text(p)})"
                    for v, p in zip(part["sum_oku"], part["share_total_pct"], strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
                hovertext=[
                    f"{plotly_text(label)}<br>{t('pr.sub.hover', lang, count=count)}"
                    for label, count in zip(part["label"], part["count"], strict=True)
                ],
                hovertemplate="%{hovertext}<br>%{text}<extra></extra>",
            )
        )
    groups = subtotals["group"].tolist()
    layout = go.Layout(
        height=max(200, 80 + 34 * len(groups)),
        margin={"l": 10, "r": 110, "t": 10, "b": 40},
        xaxis=_amount_xaxis(top, lang),
        yaxis=_label_yaxis(groups[::-1], groups, [format_wrap_label(label, 18, 2) for label in subtotals["label"]]),
        showlegend=False,
        barmode="overlay",
        bargap=0.3,
    )
    return go.Figure(data=traces, layout=layout)


def bar_figure(filtered: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars of the filtered requests, largest on top; the transfer as a second, grey trace.

    Bars are placed by request id (two requests may share a name) and labelled with the name.
    One colour per trace and hover text as plain strings: plotly validates a per-bar colour list
    or a customdata list element by element, which made this figure 40 ms instead of 8.
    """
    rows = filtered.sort_values(["request_oku", "order"], ascending=[True, False])
    ids = rows["request_id"].tolist()
    scale = amount_axis(lang)[0]  # the bars in the axis unit (¥ billion in English), as the labels
    traces = []
    for is_transfer, colour in ((False, REQUEST_COLOUR), (True, TRANSFER_COLOUR)):
        part = rows[rows["is_transfer"] == is_transfer]
        if part.empty and (is_transfer or not rows.empty):
            continue
        sections = [name(s, lang) if isinstance(s, str) else t("pr.unlinked", lang) for s in part["section_name"]]
        traces.append(
            go.Bar(
                y=part["request_id"].tolist(),
                x=[v * scale for v in part["request_oku"]],
                orientation="h",
                marker_color=colour,
                name=t("pr.legend.transfer" if is_transfer else "pr.legend.request", lang),
                text=[oku(v, lang) for v in part["request_oku"]],
                textposition="outside",
                cliponaxis=False,
                hovertext=[
                    f"{plotly_text(n)}<br>{plotly_text(s)}" for n, s in zip(part["name"], sections, strict=True)
                ],
                hovertemplate="%{hovertext}<br>%{text}<extra></extra>",
            )
        )
    longest = max((len(n) for n in rows["name"]), default=0)
    per_bar = 32 if longest > LABEL_WIDTH else 24
    top = float(rows["request_oku"].max()) if len(rows) else 1.0
    layout = go.Layout(
        height=max(220, 90 + per_bar * len(rows)),
        # The right margin holds the amount printed past the longest bar (narrow screens included).
        margin={"l": 10, "r": 75, "t": 10, "b": 40},
        xaxis=_amount_xaxis(top, lang),
        yaxis=_label_yaxis(ids, ids, [wrap_label(n) for n in rows["name"]]),
        showlegend=False,
        barmode="overlay",
        bargap=0.25,
    )
    return go.Figure(data=traces, layout=layout)


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


def choices(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """The section menu: each choice's label with its number of requests (independent of the filters)."""
    everything = linked_requests(tables["priority_requests"], tables["items"], tables["sections"])
    counts = section_counts(everything)
    ids = [*tables["sections"].sort_values("order")["section_id"], UNLINKED]
    return View(texts={"section_labels": {s: section_label(s, tables["sections"], counts, lang) for s in ids}})


def query_sections(sections: pd.DataFrame, everything: pd.DataFrame, query: str, lang: str) -> list[dict]:
    """Sections whose own name holds the query, with their number of requests: the section filter
    also finds requests whose names do not hold it (a 小規模事業者 request under 中小企業)."""
    parsed = Query.parse(query)
    if not parsed:
        return []
    counts = section_counts(everything)
    labels = section_labels(sections, lang)
    found = [row for row in sections.sort_values("order").itertuples() if parsed.matches(normalize(row.name))]
    return [
        {"section_id": row.section_id, "label": labels[row.section_id], "count": counts.get(row.section_id, 0)}
        for row in found
        if counts.get(row.section_id, 0)
    ]


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Everything /priority shows for ``filters``: the requests, their section subtotals, sums and shares."""
    everything = linked_requests(tables["priority_requests"], tables["items"], tables["sections"])
    shown = filter_requests(everything, filters)
    s = summary(shown, everything, tables["reconciliation"])
    csv_filters = filters.csv_filters(tables)
    requests = Table(display_table(shown, lang, s.total_oku, s.without_oku), table_kinds(lang), "priority", csv_filters)
    subtotals = section_subtotals(shown, tables["sections"], lang, s.total_oku, s.without_oku)
    texts = {
        "summary": s,
        "count": t("pr.m.count.value", lang, count=s.count, total=s.total_count),
        "sum": oku(s.sum_oku, lang),
        "stated": oku(s.stated_oku, lang) if s.stated_oku is not None else None,
        "all": oku(s.all_sum_oku, lang),
        "total": oku(s.total_oku, lang),
        "transfer": oku(s.transfer_oku, lang),
        "transfer_names": s.transfer_names,
        "without": oku(s.without_oku, lang),
        "sum_without": oku(s.sum_without_oku, lang),
        "share_total": share_text(s.share_total_pct),
        "share_without": share_text(s.share_without_pct),
        # the values of the page's captions, by the names their texts use
        "shares": {
            "count": s.count,
            "sum": oku(s.sum_oku, lang),
            "total": oku(s.total_oku, lang),
            "share_total": share_text(s.share_total_pct),
            "sum_without": oku(s.sum_without_oku, lang),
            "without": oku(s.without_oku, lang),
            "share_without": share_text(s.share_without_pct),
        },
        "rounding": {
            "total": s.total_count,
            "all": oku(s.all_sum_oku, lang),
            "direction": difference_words(s.stated_oku, s.all_sum_oku, lang),
            "tol": oku(s.tolerance_oku, lang),
        },
        "transfer_texts": transfer_texts(s, lang),
        "q": filters.q,
        "q_matched": int(name_matches(everything["name"], filters.q).sum()) if Query.parse(filters.q) else None,
        "q_sections": query_sections(tables["sections"], everything, filters.q, lang),
        "topic": filters.topic,
        "q_topics": [
            {"topic": topic, "count": int(topic_matches(everything["name"], topic).sum())}
            for topic in query_topics(filters.q)
            if topic != filters.topic
        ],
        "topic_words": ("、" if lang == "ja" else ", ").join(TOPICS[filters.topic]) if filters.topic else None,
        "topic_matched": int(topic_matches(everything["name"], filters.topic).sum()) if filters.topic else None,
        "min_above_max": filters.min_oku is not None
        and filters.max_oku is not None
        and filters.min_oku > filters.max_oku,
    }
    return View(
        tables={
            "requests": requests,
            "sections": subtotal_table(subtotals, lang, "priority_sections", csv_filters),
        },
        figures={
            "bars": bar_figure(shown, lang) if not shown.empty else None,
            "sections": section_figure(subtotals, lang) if not shown.empty else None,
        },
        texts=texts,
    )
