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

import html
from dataclasses import dataclass

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

from dashboard.compare import primary
from dashboard.format import oku, pct, signed_oku, signed_pct, wrap
from dashboard.i18n import name, t
from dashboard.items import flag_words
from dashboard.labels import section_labels

SIZES = ("request", "base")
COLORS = ("change", "account")
ROOT_ID = "root"

#: Diverging red (cut) → blue (increase), without the darkest ends so labels stay readable.
CHANGE_SCALE = pc.diverging.RdBu[1:-1]
CHANGE_CLIP = 50.0  # % at which the colour stops getting darker
NEW_COLOUR = "#f2a900"  # 新規: outside the red–blue scale on purpose
NO_BASE_COLOUR = "#c9b8a6"  # compared with a supplementary budget: no initial-budget rate
UNLISTED_COLOUR = "#e3e6ea"
PARENT_COLOUR = "#f7f8fa"
ACCOUNT_COLOURS = {
    "一般会計": "#4a90d9",
    "エネルギー対策特別会計": "#f5a623",
    "GX推進対策費": "#3cb371",
    "特許特別会計": "#9b7fd1",
    "東日本大震災復興特別会計": "#e5685f",
}


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
    portions = rows[rows["is_portion"]]
    if not portion:
        rows = rows[~rows["is_portion"]]
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


_SCALE_RGB = [pc.unlabel_rgb(c) for c in CHANGE_SCALE]


def _change_colour(rate: float) -> str:
    """The diverging colour of a change rate (plain interpolation: plotly's sampler costs 1 ms a call)."""
    clipped = max(-CHANGE_CLIP, min(CHANGE_CLIP, float(rate)))
    position = (clipped + CHANGE_CLIP) / (2 * CHANGE_CLIP) * (len(_SCALE_RGB) - 1)
    low = min(int(position), len(_SCALE_RGB) - 2)
    share = position - low
    rgb = [round(a + (b - a) * share) for a, b in zip(_SCALE_RGB[low], _SCALE_RGB[low + 1], strict=True)]
    return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"


def _esc(text: object) -> str:
    # Plotly reads a few HTML-like tags in labels and hovers; document text stays text.
    return html.escape(str(text), quote=False)


def nodes(tree: Tree, sections: pd.DataFrame, color: str, lang: str, years: tuple[str, str]) -> pd.DataFrame:
    """Every node of the tree: ``id, parent, label, value, colour, text, hover, kind``.

    A parent's ``value`` is the sum of its children's, so ``branchvalues="total"`` always draws.
    """
    request_year, base_year = years
    labels = section_labels(sections, lang)
    size_year = request_year if tree.size == "request" else base_year
    records: list[dict] = []
    parent_of: dict[str, str] = {}
    stated_sums: dict[str, list[float]] = {}

    pillar_ids: dict[str, str] = {}
    for row in sections.itertuples():
        pillar_id = pillar_ids.setdefault(row.pillar, f"pillar{len(pillar_ids) + 1}")
        parent_of.setdefault(pillar_id, ROOT_ID)
        parent = pillar_id
        if isinstance(row.theme, str) and row.theme:
            theme_id = f"{pillar_id}/{row.theme_no or row.theme}"
            parent_of.setdefault(theme_id, pillar_id)
            parent = theme_id
        parent_of[row.section_id] = parent
    titles = {ROOT_ID: t("tm.root", lang)}
    for pillar, pillar_id in pillar_ids.items():
        titles[pillar_id] = name(pillar, lang)
    for row in sections.itertuples():
        if isinstance(row.theme, str) and row.theme:
            titles[parent_of[row.section_id]] = (
                f"{row.theme_no} {name(row.theme, lang)}" if row.theme_no else name(row.theme, lang)
            )
        titles[row.section_id] = labels[row.section_id]

    # leaves, and the sums that parents need
    values: dict[str, float] = {}

    def add_up(node: str, amount: float) -> None:
        while node:
            values[node] = values.get(node, 0.0) + amount
            node = parent_of.get(node, "")

    section_totals = {row.section_id: row for row in tree.sections.itertuples()}
    for leaf in tree.leaves.itertuples():
        add_up(leaf.section_id, float(leaf.size_oku))
        if leaf.kind == "unlisted":
            totals = section_totals[leaf.section_id]
            label = t("tm.unlisted", lang)
            hover = "<br>".join(
                [
                    f"<b>{_esc(label)}</b> — {_esc(titles[leaf.section_id])}",
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
            records.append(
                {
                    "id": leaf.id,
                    "parent": leaf.section_id,
                    "label": label,
                    "value": leaf.size_oku,
                    "colour": UNLISTED_COLOUR,
                    "text": oku(leaf.size_oku, lang),
                    "hover": hover,
                    "kind": "unlisted",
                }
            )
            continue
        marks = []
        if leaf.is_new:
            marks.append(t("tm.mark.new", lang))
        if leaf.is_portion:
            marks.append(t("tm.mark.portion", lang))
        label = "".join(marks) + _esc(leaf.name)
        if leaf.is_new:
            rate_text = t("cmp.flag.new", lang)
        elif pd.isna(leaf.change_pct):
            rate_text = t("cmp.dir.nobase", lang)
        else:
            rate_text = signed_pct(leaf.change_pct)
        if color == "account":
            colour = ACCOUNT_COLOURS.get(leaf.account, UNLISTED_COLOUR)
        elif leaf.is_new:
            colour = NEW_COLOUR
        elif pd.isna(leaf.change_pct):
            colour = NO_BASE_COLOUR
        else:
            colour = _change_colour(leaf.change_pct)
        account = name(leaf.account, lang) + (t("tm.hover.partial", lang) if leaf.account_partial else "")
        base_text = oku(leaf.initial_base_oku, lang) if pd.notna(leaf.initial_base_oku) else "—"
        change_text = f"{signed_oku(leaf.change_oku, lang)} ({rate_text})"
        qualifiers = flag_words(leaf, lang, multiyear=False)
        hover = "<br>".join(
            filter(
                None,
                [
                    f"<b>{_esc(leaf.name)}</b>",
                    f"{request_year} {t('tm.hover.request', lang)}: {oku(leaf.request_oku, lang)}",
                    f"{base_year} {t('tm.hover.base', lang)}: {base_text}",
                    f"{t('tm.hover.change', lang)}: {change_text}",
                    f"{t('tm.hover.account', lang)}: {_esc(account)}",
                    f"{t('tm.hover.flags', lang)}: {_esc(qualifiers)}" if qualifiers else "",
                ],
            )
        )
        records.append(
            {
                "id": leaf.id,
                "parent": leaf.section_id,
                "label": wrap(label, 14),
                "value": leaf.size_oku,
                "colour": colour,
                "text": f"{oku(leaf.size_oku, lang)} · {rate_text}",
                "hover": hover,
                "kind": "item",
            }
        )

    # sections and their ancestors, with the stated totals in the hover
    for row in sections.itertuples():
        if row.section_id not in values:
            continue
        totals = section_totals[row.section_id]
        for node in _ancestors(row.section_id, parent_of):
            sums = stated_sums.setdefault(node, [0.0, 0.0])
            sums[0] += 0.0 if pd.isna(row.request_oku) else row.request_oku
            sums[1] += 0.0 if pd.isna(row.base_oku) else row.base_oku
        lines = [f"<b>{_esc(titles[row.section_id])}</b>", *_stated_lines(row.request_oku, row.base_oku, lang, years)]
        lines.append(
            t("tm.hover.listed", lang, year=size_year, listed=oku(totals.listed_oku, lang), n=int(totals.n_listed))
        )
        if totals.over_oku > 0:
            lines.append(
                "⚠ "
                + t(
                    "tm.over",
                    lang,
                    year=size_year,
                    listed=oku(totals.listed_oku, lang),
                    stated=oku(totals.stated_oku, lang),
                    over=oku(totals.over_oku, lang),
                )
            )
        rate = pct(row.request_oku, row.base_oku)
        records.append(
            {
                "id": row.section_id,
                "parent": parent_of[row.section_id],
                "label": _esc(titles[row.section_id]),
                "value": values[row.section_id],
                "colour": _parent_colour(rate, color),
                "text": "",
                "hover": "<br>".join(lines),
                "kind": "section",
            }
        )
    for node, parent in parent_of.items():
        if node in values and node not in section_totals:
            request, base = stated_sums.get(node, [float("nan"), float("nan")])
            lines = [f"<b>{_esc(titles[node])}</b>", *_stated_lines(request, base, lang, years)]
            records.append(
                {
                    "id": node,
                    "parent": parent,
                    "label": _esc(titles[node]),
                    "value": values[node],
                    "colour": PARENT_COLOUR,
                    "text": "",
                    "hover": "<br>".join(lines),
                    "kind": "group",
                }
            )
    if ROOT_ID in values:
        request, base = stated_sums.get(ROOT_ID, [float("nan"), float("nan")])
        lines = [f"<b>{_esc(titles[ROOT_ID])}</b>", *_stated_lines(request, base, lang, years)]
        records.append(
            {
                "id": ROOT_ID,
                "parent": "",
                "label": _esc(titles[ROOT_ID]),
                "value": values[ROOT_ID],
                "colour": PARENT_COLOUR,
                "text": "",
                "hover": "<br>".join(lines),
                "kind": "root",
            }
        )
    frame = pd.DataFrame(records, columns=["id", "parent", "label", "value", "colour", "text", "hover", "kind"])
    frame["value"] = frame["value"].astype(float).round(6)
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
        f"{t('tm.hover.change', lang)}: {signed_oku(None if rate is None else request - base, lang)} "
        f"({signed_pct(rate)})",
    ]


def figure(frame: pd.DataFrame, focus: str | None = None, note: str = "") -> go.Figure:
    """The treemap from :func:`nodes`, opened at ``focus`` (a node id) when given."""
    trace = go.Treemap(
        ids=frame["id"].tolist(),
        parents=frame["parent"].tolist(),
        labels=frame["label"].tolist(),
        values=frame["value"].tolist(),
        branchvalues="total",
        marker={"colors": frame["colour"].tolist(), "line": {"width": 1, "color": "#ffffff"}},
        customdata=frame[["text", "hover"]].to_numpy().tolist(),
        texttemplate="%{label}<br>%{customdata[0]}",
        hovertemplate="%{customdata[1]}<extra></extra>",
        sort=True,
        pathbar={"visible": True},
        maxdepth=-1,
        tiling={"pad": 2},
    )
    if focus and focus in set(frame["id"]):
        trace.level = focus
    fig = go.Figure(trace)
    lines = note.splitlines()
    fig.update_layout(
        height=680 + 17 * len(lines),
        margin={"l": 4, "r": 4, "t": 40 + 18 * len(lines), "b": 4},
        uniformtext={"minsize": 9, "mode": "hide"},
    )
    if lines:
        # An annotation, not the title: plotly misplaces a multi-line title anchored at its top.
        fig.add_annotation(
            text="<br>".join(_esc(line) for line in lines),
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
        names.append(("【" + t("tm.word.new", lang) + "】" if leaf.is_new else "") + leaf.name)
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
            t("tm.col.basis", lang): rows["reference_basis"].fillna("").to_numpy(),
            t("tm.col.account", lang): [name(a, lang) for a in rows["account"]],
        }
    )


def legend(color: str, lang: str) -> str:
    """A Markdown line explaining the colours (Streamlit colour directives, no HTML)."""
    if color == "account":
        marks = {
            "一般会計": "blue",
            "エネルギー対策特別会計": "orange",
            "GX推進対策費": "green",
            "特許特別会計": "violet",
            "東日本大震災復興特別会計": "red",
        }
        parts = [f":{c}[■] {name(a, lang)}" for a, c in marks.items()]
        parts.append(f":gray[■] {t('tm.unlisted', lang)}")
        return t("tm.legend.account", lang) + " " + "　".join(parts)
    return t("tm.legend.change", lang, clip=int(CHANGE_CLIP))
