"""重要政策推進枠: the priority-quota list linked to its projects, filtered, summed and charted.

Pure functions of DataFrames and small values (no Streamlit), so tests call them directly.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.format import oku, wrap
from dashboard.i18n import name, t
from dashboard.params import Param

#: URL value of the "not linked to any project" choice of ``section`` (section ids are never this).
UNLINKED = "unlinked"
MATCH_KINDS = ("exact", "fuzzy", "none")

REQUEST_COLOUR = "#1f6fb2"
TRANSFER_COLOUR = "#9aa5b1"
#: Characters per line of a bar label and lines per label: long project names wrap, never run off the chart.
LABEL_WIDTH = 16
LABEL_LINES = 2


def specs(section_ids: Sequence[str]) -> list[Param]:
    """The page's URL keys; ``section`` accepts the document's section ids and ``unlinked``."""
    return [
        Param("q", "text", default=""),
        Param("min", "number", minimum=0),
        Param("max", "number", minimum=0),
        Param("section", "multi", choices=(*section_ids, UNLINKED), default=[]),
        Param("match", "choice", choices=MATCH_KINDS),
        Param("transfer", "choice", choices=("1", "0"), default="1"),
    ]


def filename_filters(values: Mapping[str, object], page_specs: Sequence[Param]) -> dict[str, object]:
    """The filters that differ from their defaults (what the CSV file name should mention)."""
    return {s.key: values.get(s.key) for s in page_specs if values.get(s.key) not in (s.default, None, "", [])}


def normalize(text: str | None) -> str:
    """Text for matching: NFKC, no spaces, case-folded ("ＧＸ サプライ" → "gxサプライ")."""
    if not text:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def name_matches(names: pd.Series, query: str | None) -> pd.Series:
    """Rows whose name holds the query, ignoring width, case and spaces.

    "GX サプライ" finds "GXサプライチェーン"; words apart ("中小企業 支援") find names holding each of them.
    """
    if not query or not query.strip():
        return pd.Series(True, index=names.index)
    joined = normalize(query)
    words = [normalize(w) for w in unicodedata.normalize("NFKC", query).split()]
    normalized = names.map(normalize)
    return normalized.map(lambda n: joined in n or all(w in n for w in words)).astype(bool)


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


@dataclass(frozen=True)
class Filters:
    """What the page filters on (URL values parsed by :mod:`dashboard.params`)."""

    q: str = ""
    min_oku: float | None = None
    max_oku: float | None = None
    sections: tuple[str, ...] = ()
    match: str | None = None
    transfer: bool = True

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> Filters:
        return cls(
            q=str(values.get("q") or ""),
            min_oku=values.get("min"),
            max_oku=values.get("max"),
            sections=tuple(values.get("section") or ()),
            match=values.get("match") or None,
            transfer=values.get("transfer") != "0",
        )


def filter_requests(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of :func:`linked_requests` that pass every filter (index reset)."""
    keep = name_matches(frame["name"], filters.q)
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
    """Count and sum of what is shown, beside the document's stated 合計."""

    count: int
    total_count: int
    sum_oku: float
    all_sum_oku: float
    transfer_oku: float
    transfer_names: tuple[str, ...]
    stated_oku: float | None
    difference_oku: float | None
    tolerance_oku: float | None


def summary(filtered: pd.DataFrame, everything: pd.DataFrame, reconciliation: pd.DataFrame) -> Summary:
    """The filtered count and sum, the sum of all rows, and the stated 合計 (None when not stated)."""
    stated = reconciliation[reconciliation["scope"] == "priority_requests"]
    row = stated.iloc[0] if not stated.empty else None

    def _num(column: str) -> float | None:
        return None if row is None or pd.isna(row[column]) else float(row[column])

    return Summary(
        count=len(filtered),
        total_count=len(everything),
        sum_oku=round(float(filtered["request_oku"].sum()), 6),
        all_sum_oku=round(float(everything["request_oku"].sum()), 6),
        transfer_oku=round(float(everything.loc[everything["is_transfer"], "request_oku"].sum()), 6),
        transfer_names=tuple(everything.loc[everything["is_transfer"], "name"]),
        stated_oku=_num("stated_oku"),
        difference_oku=_num("difference_oku"),
        tolerance_oku=_num("tolerance_oku"),
    )


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


def display_table(filtered: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The filtered rows as shown on screen and in the CSV: localized headers, amounts as plain 億円.

    The share sits next to the amounts it comes from; the long section names follow.
    """
    return pd.DataFrame(
        {
            t("pr.col.order", lang): filtered["order"].astype("int64"),
            t("pr.col.name", lang): filtered["name"].astype(object),
            t("pr.col.request", lang): filtered["request_oku"].astype(float),
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


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A bar label on at most two lines of 16 characters (see :func:`dashboard.format.wrap`)."""
    return wrap(text, width, lines)


def bar_figure(filtered: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars of the filtered requests, largest on top; the transfer as a second, grey trace.

    Bars are placed by request id (two requests may share a name) and labelled with the name.
    One colour per trace and hover text as plain strings: plotly validates a per-bar colour list
    or a customdata list element by element, which made this figure 40 ms instead of 8.
    """
    rows = filtered.sort_values(["request_oku", "order"], ascending=[True, False])
    ids = rows["request_id"].tolist()
    traces = []
    for is_transfer, colour in ((False, REQUEST_COLOUR), (True, TRANSFER_COLOUR)):
        part = rows[rows["is_transfer"] == is_transfer]
        if part.empty and (is_transfer or not rows.empty):
            continue
        sections = [name(s, lang) if isinstance(s, str) else t("pr.unlinked", lang) for s in part["section_name"]]
        traces.append(
            go.Bar(
                y=part["request_id"].tolist(),
                x=part["request_oku"].tolist(),
                orientation="h",
                marker_color=colour,
                name=t("pr.legend.transfer" if is_transfer else "pr.legend.request", lang),
                text=[oku(v, lang) for v in part["request_oku"]],
                textposition="outside",
                cliponaxis=False,
                hovertext=[f"{n}<br>{s}" for n, s in zip(part["name"], sections, strict=True)],
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
        xaxis={"title": t("pr.axis.oku", lang), "range": [0, top * 1.04 if math.isfinite(top) and top > 0 else 1]},
        yaxis={
            "categoryorder": "array",
            "categoryarray": ids,
            "tickmode": "array",
            "tickvals": ids,
            "ticktext": [wrap_label(n) for n in rows["name"]],
            "automargin": True,
            "tickfont": {"size": 12},
        },
        showlegend=False,
        barmode="overlay",
        bargap=0.25,
    )
    return go.Figure(data=traces, layout=layout)
