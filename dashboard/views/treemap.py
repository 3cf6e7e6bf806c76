"""Treemap: pillar → theme → section → project, sized by the request or the base year.

Only primary listings are tiles (nothing counted twice); 内数 only on request; ※
reference money never. Each section gets a "未掲載" tile for its stated total minus
the listed projects, so areas match the document's totals. Where the listed projects
exceed the stated total (福島: 975.8 listed vs 910 stated) the section is as large as
its projects and says so. Every parent's value is computed here as the sum of its
children: with ``branchvalues="total"`` plotly draws nothing at all when a parent is
smaller than its children.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain.contract import INT, PCT, SIGNED, Table, View
from dashboard.domain.format import (
    basis_label,
    oku,
    pct,
    plotly_text,
    signed_number,
    signed_oku,
    signed_pct,
    wrap_label,
)
from dashboard.domain.labels import section_labels, section_url_names, year_labels
from dashboard.domain.listings import counted_mask, flag_words, portion_mask, primary
from dashboard.domain.params import Filter, FilterValues, filter_dataclass
from dashboard.i18n import name, t
from dashboard.i18n.names import SHORT_NAMES
from loaders.accounts import REGISTRY, by_name

SIZES = ("request", "base")
COLORS = ("change", "account")
#: The tabs of the tables under the treemap (``tab=`` in the URL): its tiles, the section totals, ※ reference money.
TABS = ("tiles", "sections", "references")
ROOT_ID = "root"

#: Change-rate bands (%, lower edge included) and their colours: a diverging red–blue scale
#: (plotly's RdBu) with breakpoints over the range the document has (▲ to +1,400%), so a +46%
#: and a +335% section differ at a glance; the legend under the chart names each band.
CHANGE_BANDS: tuple[tuple[float, float, str], ...] = (
    (-math.inf, -25.0, "rgb(214, 96, 77)"),
    (-25.0, 0.0, "rgb(244, 165, 130)"),
    (0.0, 25.0, "rgb(209, 229, 240)"),
    (25.0, 100.0, "rgb(146, 197, 222)"),
    (100.0, 300.0, "rgb(67, 147, 195)"),
    (300.0, math.inf, "rgb(33, 102, 172)"),
)
NEW_COLOUR = "#f2a900"  # 新規: outside the red–blue scale on purpose
NO_BASE_COLOUR = "#c9b8a6"  # compared with a supplementary budget: no initial-budget rate
UNLISTED_COLOUR = "#e3e6ea"
PARENT_COLOUR = "#f7f8fa"
#: Account → colour, from the registry (an account it does not know: its generic grey).
ACCOUNT_COLOURS = {a.name: a.colour for a in REGISTRY}


@dataclass(frozen=True)
class Tree:
    """What the treemap shows: leaf tiles, per-section totals, and what was left out."""

    leaves: pd.DataFrame
    sections: pd.DataFrame
    size: str
    portion: bool
    portion_left_out: int
    portion_left_out_oku: float
    no_size: int  # listed projects with no figure for this size (新規 on the base year)


def _size_column(size: str) -> str:
    return "request_oku" if size == "request" else "initial_base_oku"


def build(items: pd.DataFrame, sections: pd.DataFrame, size: str = "request", portion: bool = False) -> Tree:
    """Leaf tiles (projects and 未掲載) and section totals for ``size`` = request | base.

    ``leaves``: ``id, section_id, kind (item | unlisted), item_id, name, size_oku, request_oku,
    initial_base_oku, base_oku, base_basis, change_oku, change_pct, account, account_partial,
    is_new, is_portion``. ``sections``: ``section_id, stated_oku, listed_oku, unlisted_oku,
    over_oku, value_oku, stated_request_oku, stated_base_oku, n_listed``.
    """
    rows = primary(items)
    portions = rows[portion_mask(rows)]
    if not portion:
        rows = rows[counted_mask(rows)]
    column = _size_column(size)
    sized = rows[rows[column].fillna(0.0) > 0].copy()
    sized["size_oku"] = sized[column]
    sized["id"] = sized["item_id"]
    sized["kind"] = "item"

    listed = sized.groupby("section_id")["size_oku"].sum()
    counts = sized.groupby("section_id").size()
    stated = sections.set_index("section_id")["request_oku" if size == "request" else "base_oku"]
    totals = pd.DataFrame({"section_id": sections["section_id"]})
    totals["stated_oku"] = totals["section_id"].map(stated)
    totals["listed_oku"] = totals["section_id"].map(listed).fillna(0.0).round(6)
    gap = (totals["stated_oku"] - totals["listed_oku"]).round(6)
    totals["unlisted_oku"] = gap.clip(lower=0.0).fillna(0.0)
    totals["over_oku"] = (-gap).clip(lower=0.0).fillna(0.0)
    totals["value_oku"] = (totals["listed_oku"] + totals["unlisted_oku"]).round(6)
    totals["stated_request_oku"] = sections["request_oku"].to_numpy()
    totals["stated_base_oku"] = sections["base_oku"].to_numpy()
    totals["n_listed"] = totals["section_id"].map(counts).fillna(0).astype(int)

    unlisted = totals[totals["unlisted_oku"] > 0]
    filler = pd.DataFrame(
        {
            "id": unlisted["section_id"] + "/unlisted",
            "section_id": unlisted["section_id"],
            "kind": "unlisted",
            "item_id": None,
            "name": "",
            "size_oku": unlisted["unlisted_oku"],
        }
    )
    keep = [
        "id",
        "section_id",
        "kind",
        "item_id",
        "name",
        "size_oku",
        "request_oku",
        "initial_base_oku",
        "base_oku",
        "base_basis",
        "change_oku",
        "change_pct",
        "account",
        "account_partial",
        "is_new",
        "is_portion",
        "order",
    ]
    order = {s: i for i, s in enumerate(sections["section_id"])}
    leaves = pd.concat([sized[keep], filler], ignore_index=True)
    leaves["section_order"] = leaves["section_id"].map(order)
    leaves["is_unlisted"] = leaves["kind"] == "unlisted"
    leaves = leaves.sort_values(["section_order", "is_unlisted", "order"], kind="stable").reset_index(drop=True)
    left_out = portions if not portion else portions.iloc[0:0]
    return Tree(
        leaves=leaves.drop(columns=["section_order", "is_unlisted"]),
        sections=totals,
        size=size,
        portion=portion,
        portion_left_out=len(left_out),
        portion_left_out_oku=float(left_out[column].fillna(0.0).sum()),
        no_size=int((rows[column].fillna(0.0) <= 0).sum()),
    )


def _change_colour(rate: float) -> str:
    """The colour of a change rate's band (:data:`CHANGE_BANDS`).

    >>> _change_colour(46.6) != _change_colour(334.7), _change_colour(-5.7) == _change_colour(-0.1)
    (True, True)
    """
    rate = float(rate)
    return next(colour for low, high, colour in CHANGE_BANDS if low <= rate < high)


def band_label(low: float, high: float, lang: str) -> str:
    """A band in words with the language's signs: "+25〜+100%", "▲25%以上の減" / "−25% or less"."""
    if low == -math.inf:
        return t("tm.band.low", lang, rate=signed_number(high, lang, 0, "%"))
    if high == math.inf:
        return t("tm.band.high", lang, rate=signed_number(low, lang, 0, "%"))
    return t("tm.band", lang, low=signed_number(low, lang, 0, "%"), high=signed_number(high, lang, 0, "%"))


def legend_entries(color: str, lang: str) -> list[tuple[str, str]]:
    """What each colour means, as (words, colour): the change bands or the registry's accounts, then the
    colours outside the scale (新規, a supplementary base, 未掲載)."""
    if color == "account":
        entries = [(name(account.name, lang), account.colour) for account in REGISTRY]
    else:
        entries = [(band_label(low, high, lang), colour) for low, high, colour in CHANGE_BANDS]
        entries += [(t("tm.flag.new", lang), NEW_COLOUR), (t("tm.legend.nobase", lang), NO_BASE_COLOUR)]
    return [*entries, (t("tm.unlisted", lang), UNLISTED_COLOUR)]


def _label(text: str, lang: str, width: int) -> str:
    """A tile label broken into lines (plotly does not wrap), each line escaped.

    Japanese breaks every ``width`` characters; English at spaces, about twice as wide.
    """
    # Tiles have room for more English letters than the bar labels' 1 : 0.6.
    return wrap_label(text, width * 1.2 if lang == "en" else width)


# --- the nodes of the figure: hierarchy, titles, leaves, parents ------------------------------


def hierarchy(sections: pd.DataFrame) -> dict[str, str]:
    """``node → parent`` for sections, themes and pillars (pillars hang under :data:`ROOT_ID`).

    Pillars are ``pillar1``, ``pillar2`` … in document order; a theme is ``<pillar>/<theme_no>``;
    a section without a theme (福島) hangs directly under its pillar.
    """
    parent_of: dict[str, str] = {}
    pillar_ids: dict[str, str] = {}
    for row in sections.itertuples():
        pillar_id = pillar_ids.setdefault(row.pillar, f"pillar{len(pillar_ids) + 1}")
        parent_of.setdefault(pillar_id, ROOT_ID)
        parent = pillar_id
        if isinstance(row.theme, str) and row.theme:
            parent = f"{pillar_id}/{row.theme_no or row.theme}"
            parent_of.setdefault(parent, pillar_id)
        parent_of[row.section_id] = parent
    return parent_of


def titles(sections: pd.DataFrame, parent_of: dict[str, str], lang: str, short: bool = False) -> dict[str, str]:
    """The title of every node in ``lang`` (unescaped): root, pillars, themes with their number, sections.

    ``short``: pillars and themes by their short names (:data:`SHORT_NAMES`), for the tiles and
    the path bar, where the whole name would not fit and plotly would show nothing.
    """

    def called(text: str) -> str:
        return SHORT_NAMES.get(text, {}).get(lang) or name(text, lang) if short else name(text, lang)

    found = {ROOT_ID: t("tm.root", lang)}
    labels = section_labels(sections, lang)
    for row in sections.itertuples():
        parent = parent_of[row.section_id]
        if isinstance(row.theme, str) and row.theme:
            found[parent] = f"{row.theme_no} {called(row.theme)}" if row.theme_no else called(row.theme)
            parent = parent_of[parent]
        found[parent] = called(row.pillar)
        found[row.section_id] = labels[row.section_id]
    return found


def _rate_text(leaf: object, lang: str) -> str:
    if leaf.is_new:
        return t("tm.flag.new", lang)
    if pd.isna(leaf.change_pct):
        return t("tm.nobase", lang)
    return signed_pct(leaf.change_pct, lang)


def _leaf_colour(leaf: object, color: str) -> str:
    if color == "account":
        return by_name(leaf.account).colour
    if leaf.is_new:
        return NEW_COLOUR
    if pd.isna(leaf.change_pct):
        return NO_BASE_COLOUR
    return _change_colour(leaf.change_pct)


def _node(
    id_: str, parent: str, title: str, value: float, colour: str, detail: str, hover: str, kind: str, lang: str
) -> dict:
    """One node. ``label`` is the title on one line (plotly draws it in headers and the path bar,
    where a second line would not fit); ``text`` is what a tile shows: the title broken into
    lines, then ``detail`` (amount, change)."""
    # Characters a line: 110 px at 11 px, so tiles of a phone's width still get labels; a
    # project's tile (the smallest, often tall and narrow in an opened section) 7, about 80 px.
    width = 7 if kind == "item" else 10
    return {
        "id": id_,
        "parent": parent,
        "label": plotly_text(title),
        "value": value,
        "colour": colour,
        "text": _label(title, lang, width) + "<br>" + detail,
        "hover": hover,
        "kind": kind,
    }


def _unlisted_record(leaf: object, totals: object, section_title: str, lang: str, size_year: str) -> dict:
    label = t("tm.unlisted", lang)
    hover = "<br>".join(
        [
            f"<b>{plotly_text(label)}</b> — {plotly_text(section_title)}",
            t(
                "tm.hover.unlisted",
                lang,
                year=size_year,
                stated=oku(totals.stated_oku, lang),
                listed=oku(totals.listed_oku, lang),
                rest=oku(leaf.size_oku, lang),
            ),
        ]
    )
    node = _node(leaf.id, leaf.section_id, label, leaf.size_oku, UNLISTED_COLOUR, "", hover, "unlisted", lang)
    # The tile says its amount and what it is: "未掲載 1,086億円 / 資料の合計のうち…".
    node["text"] = "<br>".join(
        [plotly_text(f"{label} {oku(leaf.size_oku, lang)}"), _label(t("tm.unlisted.what", lang), lang, 14)]
    )
    return node


def _item_record(leaf: object, color: str, lang: str, years: tuple[str, str]) -> dict:
    request_year, base_year = years
    marks = (t("tm.mark.new", lang) if leaf.is_new else "") + (t("tm.mark.portion", lang) if leaf.is_portion else "")
    rate_text = _rate_text(leaf, lang)
    account = name(leaf.account, lang) + (t("tm.hover.partial", lang) if leaf.account_partial else "")
    base_text = oku(leaf.initial_base_oku, lang) if pd.notna(leaf.initial_base_oku) else "—"
    qualifiers = flag_words(leaf, lang, multiyear=False)
    hover = "<br>".join(
        filter(
            None,
            [
                f"<b>{plotly_text(leaf.name)}</b>",
                t("tm.hover.request", lang, year=request_year, amount=oku(leaf.request_oku, lang)),
                t("tm.hover.base", lang, year=base_year, amount=base_text),
                t("tm.hover.change", lang, base=base_year, request=request_year)
                + f": {signed_oku(leaf.change_oku, lang)} ({rate_text})",
                f"{t('tm.hover.account', lang)}: {plotly_text(account)}",
                f"{t('tm.hover.flags', lang)}: {plotly_text(qualifiers)}" if qualifiers else "",
            ],
        )
    )
    detail = f"{oku(leaf.size_oku, lang)} · {rate_text}"
    node = _node(
        leaf.id,
        leaf.section_id,
        marks + str(leaf.name),
        leaf.size_oku,
        _leaf_colour(leaf, color),
        detail,
        hover,
        "item",
        lang,
    )
    if marks and lang == "en":
        # "[new]" on a line of its own: the document's Japanese name is wrapped apart from English words.
        node["text"] = "<br>".join([plotly_text(marks.strip()), _label(str(leaf.name), lang, 7), detail])
    return node


def leaf_records(
    tree: Tree, section_titles: dict[str, str], color: str, lang: str, years: tuple[str, str]
) -> list[dict]:
    """One node per tile: a project, or a section's 未掲載 rest."""
    size_year = years[0] if tree.size == "request" else years[1]
    totals = {row.section_id: row for row in tree.sections.itertuples()}
    return [
        _unlisted_record(leaf, totals[leaf.section_id], section_titles[leaf.section_id], lang, size_year)
        if leaf.kind == "unlisted"
        else _item_record(leaf, color, lang, years)
        for leaf in tree.leaves.itertuples()
    ]


def _sums(leaves: pd.DataFrame, sections: pd.DataFrame, parent_of: dict[str, str]) -> tuple[dict, dict]:
    """Every parent's value (the sum of its tiles) and its stated (request, base) totals."""
    values: dict[str, float] = {}
    for section_id, amount in leaves.groupby("section_id", sort=False)["size_oku"].sum().items():
        for node in [section_id, *_ancestors(section_id, parent_of)]:
            values[node] = values.get(node, 0.0) + float(amount)
    stated: dict[str, list[float]] = {}
    for row in sections.itertuples():
        if row.section_id not in values:
            continue
        for node in _ancestors(row.section_id, parent_of):
            sums = stated.setdefault(node, [0.0, 0.0])
            sums[0] += 0.0 if pd.isna(row.request_oku) else row.request_oku
            sums[1] += 0.0 if pd.isna(row.base_oku) else row.base_oku
    return values, stated


def _section_hover(row: object, totals: object, title: str, lang: str, years: tuple[str, str], size_year: str) -> str:
    lines = [f"<b>{plotly_text(title)}</b>", *_stated_lines(row.request_oku, row.base_oku, lang, years)]
    lines.append(
        t("tm.hover.listed", lang, year=size_year, listed=oku(totals.listed_oku, lang), n=int(totals.n_listed))
    )
    if totals.over_oku > 0:
        over = t(
            "tm.over",
            lang,
            year=size_year,
            listed=oku(totals.listed_oku, lang),
            stated=oku(totals.stated_oku, lang),
            over=oku(totals.over_oku, lang),
        )
        lines.append("⚠ " + over)
    return "<br>".join(lines)


def parent_records(
    tree: Tree,
    sections: pd.DataFrame,
    parent_of: dict[str, str],
    node_titles: dict[str, str],
    color: str,
    lang: str,
    years: tuple[str, str],
) -> list[dict]:
    """Sections, themes, pillars and the root: value = sum of children, stated totals in the hover.

    In change colouring a parent takes the colour of its stated change rate, so a theme or
    section drawn as a tile (two levels at a time) reads like its projects.
    """
    size_year = years[0] if tree.size == "request" else years[1]
    values, stated = _sums(tree.leaves, sections, parent_of)
    short = titles(sections, parent_of, lang, short=True)
    totals = {row.section_id: row for row in tree.sections.itertuples()}
    records = []
    for row in sections.itertuples():
        if row.section_id not in values:
            continue
        value = values[row.section_id]
        records.append(
            _node(
                row.section_id,
                parent_of[row.section_id],
                node_titles[row.section_id],
                value,
                _parent_colour(pct(row.request_oku, row.base_oku), color),
                oku(value, lang),
                _section_hover(row, totals[row.section_id], node_titles[row.section_id], lang, years, size_year),
                "section",
                lang,
            )
        )
    groups = [(node, parent) for node, parent in parent_of.items() if node not in totals]
    for node, parent in [*groups, (ROOT_ID, "")]:
        if node not in values:
            continue
        request, base = stated.get(node, [float("nan"), float("nan")])
        hover = "<br>".join([f"<b>{plotly_text(node_titles[node])}</b>", *_stated_lines(request, base, lang, years)])
        colour = PARENT_COLOUR if node == ROOT_ID else _parent_colour(pct(request, base), color)
        records.append(
            _node(
                node,
                parent,
                short[node],
                values[node],
                colour,
                oku(values[node], lang),
                hover,
                "root" if node == ROOT_ID else "group",
                lang,
            )
        )
    return records


NODE_COLUMNS = ["id", "parent", "label", "value", "colour", "text", "hover", "kind"]


def nodes(tree: Tree, sections: pd.DataFrame, color: str, lang: str, years: tuple[str, str]) -> pd.DataFrame:
    """Every node of the tree: ``id, parent, label, value, colour, text, hover, kind``.

    A parent's ``value`` is the sum of its children's, so ``branchvalues="total"`` always draws.
    Labels and hovers are HTML-escaped (plotly reads a few tags in them).
    """
    parent_of = hierarchy(sections)
    node_titles = titles(sections, parent_of, lang)
    records = leaf_records(tree, node_titles, color, lang, years)
    records += parent_records(tree, sections, parent_of, node_titles, color, lang, years)
    frame = pd.DataFrame(records, columns=NODE_COLUMNS)
    # Two decimals: the document prints at most two, and a parent (a sum) stays ≥ its children.
    frame["value"] = frame["value"].astype(float).round(2)
    return frame


def _ancestors(node: str, parent_of: dict[str, str]) -> list[str]:
    chain = []
    node = parent_of.get(node, "")
    while node:
        chain.append(node)
        node = parent_of.get(node, "")
    return chain


def _parent_colour(rate: float | None, color: str) -> str:
    if color == "account" or rate is None:
        return PARENT_COLOUR
    return _change_colour(rate)


def _stated_lines(request: float | None, base: float | None, lang: str, years: tuple[str, str]) -> list[str]:
    rate = pct(request, base)
    return [
        t("tm.hover.stated", lang, year=years[0], amount=oku(request, lang)),
        t("tm.hover.stated_base", lang, year=years[1], amount=oku(base, lang)),
        t("tm.hover.change", lang, base=years[1], request=years[0])
        + f": {signed_oku(None if rate is None else request - base, lang)} ({signed_pct(rate, lang)})",
    ]


#: Levels drawn at once (plotly's ``maxdepth``): the level opened and two below it. From the
#: top: pillars and their themes (福島, a pillar without themes, shows its section); from a
#: theme: its sections and their projects; from a section: its projects. ~150 tiles at once
#: were unreadable and cost the browser most of its drawing time.
MAXDEPTH = 3
#: Tile text that would need a smaller font is hidden, not shrunk (plotly's ``uniformtext``).
TEXT_MIN_PX = 11
#: Characters per line of the note above the chart (it must fit a 400 px phone).
NOTE_WIDTH = {"ja": 30, "en": 56}
HEIGHT = 640
#: Height of a row of the colour legend under the chart (three entries a row at 1,400 px).
LEGEND_ROW_PX = 21


def figure(
    frame: pd.DataFrame, focus: str | None = None, note: str = "", legend: list[tuple[str, str]] | None = None
) -> go.Figure:
    """The treemap from :func:`nodes`, two levels at a time, opened at ``focus`` (a node id) when given.

    Lean on purpose (it is sent to and laid out by every browser): one array per attribute
    that differs per node, no customdata, text hidden where it would not fit.
    """
    trace = go.Treemap(
        ids=frame["id"].tolist(),
        parents=frame["parent"].tolist(),
        labels=frame["label"].tolist(),
        values=frame["value"].tolist(),
        branchvalues="total",
        marker={"colors": frame["colour"].tolist(), "line": {"width": 1, "color": "#ffffff"}},
        text=frame["text"].tolist(),
        hovertext=frame["hover"].tolist(),
        texttemplate="%{text}",
        hovertemplate="%{hovertext}<extra></extra>",
        maxdepth=MAXDEPTH,
        tiling={"pad": 2},
        # The path bar names where you are (the short titles fit it), not only chevrons.
        pathbar={"visible": True, "side": "top", "thickness": 22, "textfont": {"size": 13}, "edgeshape": ">"},
    )
    if focus and focus in set(frame["id"]):
        trace.level = focus
    fig = go.Figure(trace)
    # What each colour means: one empty square-marker trace per colour, so plotly's own legend
    # (which wraps on a phone) names it; they hold no data and clicking them does nothing.
    for words, colour in legend or []:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": "square", "size": 13, "color": colour, "line": {"width": 1, "color": "#8a8f98"}},
                name=plotly_text(words),
                hoverinfo="skip",
            )
        )
    lines = [part for line in note.splitlines() for part in _note_lines(line)]
    fig.update_layout(
        height=HEIGHT + 17 * len(lines) + LEGEND_ROW_PX * math.ceil(len(legend or []) / 3),
        # Room for the legend under the chart (plotly's own margin push was short by a row in English).
        margin={"l": 4, "r": 4, "t": 40 + 18 * len(lines), "b": 4 + LEGEND_ROW_PX * math.ceil(len(legend or []) / 3)},
        uniformtext={"minsize": TEXT_MIN_PX, "mode": "hide"},
        showlegend=bool(legend),
        legend={
            "orientation": "h",
            "x": 0,
            "y": -0.01,
            "yanchor": "top",
            "itemclick": False,
            "itemdoubleclick": False,
            "font": {"size": 12},
        },
        xaxis={"visible": False},
        yaxis={"visible": False},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    if lines:
        # An annotation, not the title: plotly misplaces a multi-line title anchored at its top.
        fig.add_annotation(
            text="<br>".join(plotly_text(line) for line in lines),
            xref="paper",
            yref="paper",
            x=0,
            y=1,
            xanchor="left",
            yanchor="bottom",
            yshift=26,  # above the path bar, which plotly draws over the top of the domain
            align="left",
            showarrow=False,
            font={"size": 12},
        )
    return fig


def _note_lines(line: str) -> list[str]:
    japanese = any(ord(c) > 0x3000 for c in line)
    if japanese:
        width = NOTE_WIDTH["ja"]
        return [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return textwrap.wrap(line, NOTE_WIDTH["en"]) or [""]


def note(tree: Tree, lang: str) -> str:
    """The line above the chart: what is sized and what was left out."""
    parts = [t("tm.note.size." + tree.size, lang)]
    if tree.portion:
        parts.append(t("tm.note.portion_in", lang))
    elif tree.portion_left_out:
        parts.append(
            t("tm.note.portion_out", lang, n=tree.portion_left_out, amount=oku(tree.portion_left_out_oku, lang))
        )
    if tree.no_size:
        parts.append(t("tm.note.no_size." + tree.size, lang, n=tree.no_size))
    parts.append(t("tm.note.reference", lang))
    return "\n".join(parts)


def leaf_table(
    tree: Tree, sections: pd.DataFrame, lang: str, years: tuple[str, str], focus: str | None = None
) -> pd.DataFrame:
    """One row per tile (projects and 未掲載), in the order of the document."""
    request_year, base_year = years
    labels = section_labels(sections, lang)
    rows = tree.leaves if not focus else tree.leaves[tree.leaves["section_id"] == focus]
    over = tree.sections.set_index("section_id")
    size_year = request_year if tree.size == "request" else base_year
    names, notes = [], []
    for leaf in rows.itertuples():
        if leaf.kind == "unlisted":
            names.append(t("tm.unlisted", lang))
            notes.append(t("tm.note.unlisted_row", lang))
            continue
        names.append((t("tm.mark.new", lang) if leaf.is_new else "") + leaf.name)
        extra = flag_words(leaf, lang, multiyear=False)
        if over.at[leaf.section_id, "over_oku"] > 0:
            short = t("tm.over.short", lang)
            extra = f"{extra} / {short}" if extra else short
        notes.append(extra)
    is_item = rows["kind"] == "item"
    return pd.DataFrame(
        {
            t("tm.col.section", lang): [labels.get(s, s) for s in rows["section_id"]],
            t("tm.col.name", lang): names,
            t("tm.col.size", lang, year=size_year): rows["size_oku"].to_numpy(),
            t("tm.col.request", lang, year=request_year): rows["request_oku"].to_numpy(),
            t("tm.col.base", lang, year=base_year): rows["initial_base_oku"].to_numpy(),
            t("tm.col.change", lang): rows["change_oku"].where(is_item).to_numpy(),
            t("tm.col.pct", lang): rows["change_pct"].where(is_item).to_numpy(),
            t("tm.col.account", lang): [name(a, lang) if isinstance(a, str) else "" for a in rows["account"]],
            t("tm.col.notes", lang): notes,
        }
    )


def section_table(
    tree: Tree, sections: pd.DataFrame, lang: str, years: tuple[str, str], focus: str | None = None
) -> pd.DataFrame:
    """Per section: the stated total, the listed projects, 未掲載, and any over-listing, in words too."""
    labels = section_labels(sections, lang)
    size_year = years[0] if tree.size == "request" else years[1]
    rows = tree.sections if not focus else tree.sections[tree.sections["section_id"] == focus]
    status = []
    for row in rows.itertuples():
        if row.over_oku > 0:
            status.append(
                t(
                    "tm.over",
                    lang,
                    year=size_year,
                    listed=oku(row.listed_oku, lang),
                    stated=oku(row.stated_oku, lang),
                    over=oku(row.over_oku, lang),
                )
            )
        elif row.unlisted_oku > 0:
            status.append(t("tm.status.unlisted", lang))
        else:
            status.append(t("tm.status.match", lang))
    return pd.DataFrame(
        {
            t("tm.col.section", lang): [labels.get(s, s) for s in rows["section_id"]],
            t("tm.col.stated", lang, year=size_year): rows["stated_oku"].to_numpy(),
            t("tm.col.listed", lang, year=size_year): rows["listed_oku"].to_numpy(),
            t("tm.col.unlisted", lang): rows["unlisted_oku"].to_numpy(),
            t("tm.col.over", lang): rows["over_oku"].to_numpy(),
            t("tm.col.tile", lang): rows["value_oku"].to_numpy(),
            t("tm.col.n_listed", lang): rows["n_listed"].to_numpy(),
            t("tm.col.status", lang): status,
        }
    )


def references(items: pd.DataFrame, sections: pd.DataFrame, lang: str, focus: str | None = None) -> pd.DataFrame:
    """※ money (補正 or multi-year funds, not part of this request), once per project: never in the treemap."""
    labels = section_labels(sections, lang)
    rows = items[items["is_reference"] & ~items["is_relisted"] & ~items["is_forward"]]
    rows = rows.drop_duplicates("project_key")
    if focus:
        rows = rows[rows["section_id"] == focus]
    return pd.DataFrame(
        {
            t("tm.col.section", lang): [labels.get(s, s) for s in rows["section_id"]],
            t("tm.col.name", lang): rows["name"].to_numpy(),
            t("tm.col.reference", lang): rows["reference_oku"].to_numpy(),
            t("tm.col.basis", lang): [basis_label(b, lang) for b in rows["reference_basis"]],
            t("tm.col.account", lang): [name(a, lang) for a in rows["account"]],
        }
    )


def legend(color: str, lang: str) -> str:
    """The line under the chart: what the colours are (the chart's own legend names each colour)."""
    return t("tm.legend." + color, lang)


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


@filter_dataclass
class Filters(FilterValues):
    """What /treemap shows (hashable: it is part of the view's cache key): ``size``, ``color``,
    ``portion`` (1 or absent), ``focus`` (a section, by its readable URL name); the page keeps ``tab``
    (the table shown), which the view does not depend on."""

    FILTERS = (
        Filter("size", "choice", default="request", choices=SIZES),
        Filter("color", "choice", default="change", choices=COLORS),
        Filter("portion", "flag"),
        Filter(
            "focus",
            "choice",
            choices=lambda tables: tuple(section_labels(tables["sections"], "ja")),
            url_names=lambda tables: section_url_names(tables["sections"]),
        ),
    )
    PAGE_ONLY = (Filter("tab", "choice", default=TABS[0], choices=TABS, named="never"),)


specs = Filters.specs


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Figure, legend and the three tables of /treemap for ``filters``.

    ``figures["treemap"]`` is ``None`` when nothing has an area; ``texts``: ``legend``
    (Markdown of interface text only), ``focus`` and ``focus_label`` (the section opened).
    """
    sections, items = tables["sections"], tables["items"]
    years = year_labels(tables["documents"], lang)
    tree = build(items, sections, filters.size, filters.portion)
    frame = nodes(tree, sections, filters.color, lang, years)
    csv_filters = filters.csv_filters(tables)
    size_year = years[0] if filters.size == "request" else years[1]
    tiles = leaf_table(tree, sections, lang, years, filters.focus)
    per_section = section_table(tree, sections, lang, years, filters.focus)
    refs = references(items, sections, lang, filters.focus)
    return View(
        tables={
            "tiles": Table(
                tiles,
                {t("tm.col.change", lang): SIGNED, t("tm.col.pct", lang): PCT},
                "treemap_tiles",
                csv_filters,
            ),
            "sections": Table(per_section, {t("tm.col.n_listed", lang): INT}, "treemap_sections", csv_filters),
            "references": Table(refs, {}, "treemap_references", csv_filters),
        },
        figures={
            "treemap": None
            if frame.empty
            else figure(frame, filters.focus, note(tree, lang), legend_entries(filters.color, lang))
        },
        texts={
            "legend": legend(filters.color, lang),
            "focus": filters.focus,
            "focus_label": section_labels(sections, lang).get(filters.focus) if filters.focus else None,
            # The focused section's projects on /items (``section=`` as the URL writes it).
            "focus_link": {"section": section_url_names(sections).get(filters.focus, filters.focus)}
            if filters.focus
            else None,
            "size_year": size_year,
        },
    )
