"""Across years (年度比較): several documents side by side, matched account, section and project.

Pure functions of every document's tables (the page hands :func:`view` all documents,
not one). How rows of two documents are matched, and said so in a column:

- **accounts** by the account registry (``loaders/accounts.py``): a registry account is
  the same account in every year; a row the registry does not know is matched by its
  normalized name (:func:`dashboard.domain.text.normalize`: NFKC, no spaces, case-folded) only.
- **sections** by normalized name (the same normalizer): a renamed section is two sections.
- **projects** by project key (each document's primary listings): the same key in two
  documents is an *exact* match; then, between documents next to each other in time,
  a project only in the newer one is matched with one only in the older one when the
  keys differ by one character, the 推進枠 rule of ``loaders/matching.py`` (six
  characters or more, never two bodies' grants, no match when ambiguous): *fuzzy*.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain.contract import AMOUNT, INT, PCT, SCORE, SIGNED, TEXT, Table, View
from dashboard.domain.figures import BASE_COLOUR, LEGEND_TOP, REQUEST_COLOUR, amount_axis, bar_height
from dashboard.domain.format import oku, plotly_text, signed_oku, signed_pct, wrap_label, year_label
from dashboard.domain.listings import base_figures, other_base_text, primary_mask
from dashboard.domain.params import Filter, FilterValues, Param, filter_dataclass
from dashboard.domain.text import Query, normalize
from dashboard.i18n import name, t
from loaders import accounts as registry
from loaders.matching import KeyIndex

#: A decrease in the chart of changes (an increase is the request colour).
DECREASE_COLOUR = "#c55a11"
EXACT, FUZZY, ONLY = "exact", "fuzzy", "only"
REGISTRY, NAME = "registry", "name"
#: What happened to a project between the older and the newer document (``change=`` in the URL).
CHANGED, NEW, DROPPED, UNCHANGED = "changed", "new", "dropped", "unchanged"
CHANGES = (CHANGED, NEW, DROPPED, UNCHANGED)
#: How /years orders its projects (``sort=``): document order, or the largest change (億円 or %) first, up or down.
SORTS = ("order", "change", "pct")
#: Bars in the chart of the largest changes.
TOP_CHANGES = 15


def ordered(documents: pd.DataFrame) -> list[str]:
    """Document ids, oldest request year first (the order of every across-years column)."""
    docs = documents.sort_values(["request_fiscal_year", "document_id"])
    return docs["document_id"].tolist()


def column_labels(documents: pd.DataFrame, lang: str) -> dict[str, str]:
    """``document_id → "令和7年度"`` (``FY2025``): the request year, with the id when two documents share it."""
    docs = documents.set_index("document_id")
    labels = {
        d: year_label(docs.at[d, "request_year_label"], docs.at[d, "request_fiscal_year"], lang)
        for d in ordered(documents)
    }
    counts = pd.Series(list(labels.values())).value_counts()
    return {d: (f"{v} ({d})" if counts[v] > 1 else v) for d, v in labels.items()}


# --- accounts and sections ---------------------------------------------------------------


def account_key(account: str) -> tuple[str, str]:
    """``(key, how)``: the registry's code for an account it knows, else the normalized name.

    >>> account_key("GX推進対策費"), account_key("宇宙 特別会計")
    (('gx', 'registry'), ('宇宙特別会計', 'name'))
    """
    if registry.is_known(account):
        return registry.by_name(account).code, REGISTRY
    return normalize(account), NAME


def match_accounts(accounts: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per account across documents: ``key, account, kind, how, n_documents, order`` and
    ``request:<document_id>`` / ``base:<document_id>`` for every document (null where absent).

    Rows follow the newest document's accounts table; accounts only in older ones come after.
    """
    ids = ordered(documents)
    rows: dict[str, dict] = {}
    for rank, doc in enumerate(reversed(ids)):
        frame = accounts[accounts["document_id"] == doc].sort_values("order")
        for row in frame.itertuples():
            key, how = account_key(row.account)
            if isinstance(row.parent, str):  # a うち row: その他 under two accounts is two rows
                key = f"{account_key(row.parent)[0]}/{key}"
            entry = rows.setdefault(
                key,
                {"key": key, "account": row.account, "kind": row.kind, "how": how, "order": (rank, row.order)},
            )
            entry[f"request:{doc}"] = row.request_oku
            entry[f"base:{doc}"] = row.base_oku
    out = pd.DataFrame(list(rows.values()), columns=None if rows else ["key", "account", "kind", "how", "order"])
    for doc in ids:
        for part in ("request", "base"):
            if f"{part}:{doc}" not in out:
                out[f"{part}:{doc}"] = float("nan")
    out["n_documents"] = out[[f"request:{d}" for d in ids]].notna().sum(axis=1) if ids else 0
    return out.sort_values("order", kind="stable").reset_index(drop=True)


def match_sections(sections: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per section across documents, matched by normalized name: ``key, name, theme_no,
    section_no, n_documents`` and ``request:<id>`` / ``base:<id>`` (stated totals) per document."""
    ids = ordered(documents)
    rows: dict[str, dict] = {}
    for rank, doc in enumerate(reversed(ids)):
        frame = sections[sections["document_id"] == doc].sort_values("order")
        for row in frame.itertuples():
            key = normalize(row.name)
            entry = rows.setdefault(
                key,
                {
                    "key": key,
                    "name": row.name,
                    "number": "".join(p for p in (row.theme_no, row.section_no) if isinstance(p, str)),
                    "order": (rank, row.order),
                },
            )
            entry[f"request:{doc}"] = row.request_oku
            entry[f"base:{doc}"] = row.base_oku
    out = pd.DataFrame(list(rows.values()), columns=None if rows else ["key", "name", "number", "order"])
    for doc in ids:
        for part in ("request", "base"):
            if f"{part}:{doc}" not in out:
                out[f"{part}:{doc}"] = float("nan")
    out["n_documents"] = out[[f"request:{d}" for d in ids]].notna().sum(axis=1) if ids else 0
    return out.sort_values("order", kind="stable").reset_index(drop=True)


# --- projects ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A match between a project of an older and of a newer document."""

    older: str  # document id
    newer: str
    old_key: str
    new_key: str
    kind: str  # exact | fuzzy
    score: float


def project_links(items: pd.DataFrame, documents: pd.DataFrame) -> tuple[dict[tuple[str, str], str], list[Link]]:
    """Group every document's primary listings into projects across documents.

    Returns ``(group, links)``: ``group[(document_id, project_key)]`` is the project's
    group id (its key in the newest document that lists it), and every link made
    between documents next to each other in time, exact or fuzzy.
    """
    ids = ordered(documents)
    primary = items[primary_mask(items)]
    keys = {d: list(dict.fromkeys(primary.loc[primary["document_id"] == d, "project_key"])) for d in ids}
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    links: list[Link] = []
    last_seen: dict[str, str] = {}  # key → the newest document so far that lists it
    for older, newer in itertools.pairwise(ids):
        old_keys, new_keys = set(keys[older]), keys[newer]
        for key in new_keys:
            if key in old_keys:
                links.append(Link(older, newer, key, key, EXACT, 1.0))
        orphans_old = [k for k in keys[older] if k not in set(new_keys)]
        index = KeyIndex(orphans_old)
        claimed: set[str] = set()
        for key in new_keys:
            if key in old_keys:
                continue
            found, kind, score = index.match(key)
            if kind == FUZZY and found not in claimed:
                claimed.add(found)
                links.append(Link(older, newer, found, key, FUZZY, score))
    for doc in ids:  # the same key in documents that are not next to each other: exact too
        for key in keys[doc]:
            if key in last_seen:
                parent[find((last_seen[key], key))] = find((doc, key))
            last_seen[key] = doc
    for link in links:
        if link.kind == FUZZY:
            parent[find((link.older, link.old_key))] = find((link.newer, link.new_key))
    newest: dict[tuple[str, str], str] = {}  # a component's root → its key in the newest document listing it
    for doc in ids:
        for key in keys[doc]:
            newest[find((doc, key))] = key
    group = {(doc, key): newest[find((doc, key))] for doc in ids for key in keys[doc]}
    return group, links


PROJECT_COLUMNS = ["group", "name", "names", "match", "score", "section", "n_documents"]


def match_projects(items: pd.DataFrame, sections: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per project across documents (primary listings): ``group`` (URL value), ``name``
    (newest), ``names`` (every printed name, oldest first, when they differ), ``match``
    (exact | fuzzy | only: listed in one document), ``score`` (lowest fuzzy score),
    ``section_id`` (newest), and ``request:<id>`` / ``base:<id>`` / ``basis:<id>`` / ``new:<id>`` per document."""
    ids = ordered(documents)
    group, links = project_links(items, documents)
    fuzzy = {}
    for link in links:
        if link.kind == FUZZY:
            g = group[(link.newer, link.new_key)]
            fuzzy[g] = min(fuzzy.get(g, 1.0), link.score)
    primary = items[primary_mask(items)]
    primary = pd.concat([primary, base_figures(primary)[["initial_base_oku", "other_base_oku"]]], axis=1)
    rows: dict[str, dict] = {}
    for doc in reversed(ids):
        for row in primary[primary["document_id"] == doc].sort_values("order").itertuples():
            g = group[(doc, row.project_key)]
            entry = rows.setdefault(g, {"group": g, "name": row.name, "section_id": row.section_id, "_names": []})
            entry["_names"].insert(0, row.name)
            entry[f"request:{doc}"] = row.request_oku
            # The one rule (dashboard.views.items.base_figures): only an initial budget is a base.
            entry[f"base:{doc}"] = row.initial_base_oku
            entry[f"other:{doc}"] = row.other_base_oku
            entry[f"basis:{doc}"] = row.base_basis
            entry[f"new:{doc}"] = bool(row.is_new)
            entry[f"portion:{doc}"] = bool(row.is_portion)
    out = []
    for entry in rows.values():
        names = list(dict.fromkeys(entry.pop("_names")))
        present = sum(f"request:{d}" in entry or f"new:{d}" in entry for d in ids)
        entry["names"] = " → ".join(names) if len(names) > 1 else ""
        entry["n_documents"] = present
        entry["match"] = ONLY if present < 2 else FUZZY if entry["group"] in fuzzy else EXACT
        entry["score"] = fuzzy.get(entry["group"], 1.0 if present > 1 else float("nan"))
        out.append(entry)
    empty_columns = ["group", "name", "section_id", "names", "n_documents", "match", "score"]
    frame = pd.DataFrame(out, columns=None if out else empty_columns)
    for doc in ids:
        for part, empty in (
            ("request", float("nan")),
            ("base", float("nan")),
            ("other", float("nan")),
            ("basis", None),
            ("new", None),
        ):
            if f"{part}:{doc}" not in frame:
                frame[f"{part}:{doc}"] = empty
        if f"portion:{doc}" not in frame:
            frame[f"portion:{doc}"] = None
    return frame


def present_in(projects: pd.DataFrame, doc: str) -> pd.Series:
    """True where the project has a primary listing in ``doc``."""
    return projects[f"new:{doc}"].notna()


def new_and_dropped(projects: pd.DataFrame, older: str, newer: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Projects listed in ``newer`` but not ``older`` (new), and in ``older`` but not ``newer`` (dropped)."""
    in_old, in_new = present_in(projects, older), present_in(projects, newer)
    return projects[in_new & ~in_old], projects[in_old & ~in_new]


def changes(projects: pd.DataFrame, older: str, newer: str) -> pd.DataFrame:
    """Each project's change between ``older`` and ``newer``: ``status``, ``change_oku``, ``change_pct``.

    - ``changed``: listed in both, the requests differ (one of them stated, the other not included);
    - ``unchanged``: listed in both with the same request (or none in both);
    - ``new`` / ``dropped``: listed in only one of the two; the change is its whole request
      (grows from or falls to nothing, as /compare counts a new project) and no percentage;
    - ``None``: in neither (another document's project).

    The percentage is of the older request, only where that is above zero.

    >>> p = pd.DataFrame({"request:a": [10.0, 5.0, None, 3.0], "new:a": [False, False, None, False],
    ...                   "request:b": [12.0, 5.0, 7.0, None], "new:b": [False, False, True, None]})
    >>> changes(p, "a", "b").to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    {'status': ['changed', 'unchanged', 'new', 'dropped'], 'change_oku': [2.0, 0.0, 7.0, -3.0],
     'change_pct': [20.0, 0.0, nan, nan]}
    """
    in_old, in_new = present_in(projects, older), present_in(projects, newer)
    old, new = projects[f"request:{older}"].astype(float), projects[f"request:{newer}"].astype(float)
    both = in_old & in_new
    same = (old == new) | (old.isna() & new.isna())
    status = [
        (UNCHANGED if s else CHANGED) if o and n else NEW if n else DROPPED if o else None
        for o, n, s in zip(in_old, in_new, same, strict=True)
    ]
    change = (new - old).where(both)
    change = change.where(~(in_new & ~in_old), new).where(~(in_old & ~in_new), -old).round(6)
    pct = (change / old * 100).where(both & (old > 0)).round(4)
    return pd.DataFrame(
        {"status": pd.Series(status, index=projects.index, dtype=object), "change_oku": change, "change_pct": pct}
    )


def sorted_by_change(frame: pd.DataFrame, sort: str) -> pd.DataFrame:
    """``frame`` (with :func:`changes`' columns) largest change first, up or down (``sort`` = change | pct);
    ``order`` keeps document order. A missing figure goes last; ties keep document order."""
    column = {"change": "change_oku", "pct": "change_pct"}.get(sort)
    if column is None:
        return frame
    size = frame[column].abs()
    return (
        frame.assign(_size=size)
        .sort_values("_size", ascending=False, na_position="last", kind="stable")
        .drop(columns="_size")
    )


def changes_figure(rows: pd.DataFrame, older: str, newer: str, lang: str, top: int = TOP_CHANGES) -> go.Figure:
    """Horizontal bars of the ``top`` largest changes (億円) among ``rows`` (projects with :func:`changes`'
    columns), the largest on top; an increase blue, a decrease orange; new and dropped marked in the label."""
    scale, axis = amount_axis(lang)
    moved = rows[rows["status"].isin([CHANGED, NEW, DROPPED]) & rows["change_oku"].notna()]
    moved = sorted_by_change(moved, "change").head(top)
    labels, seen = [], set()
    for name_, status in zip(moved["name"], moved["status"], strict=True):
        label = wrap_label(name_, 18, 2)
        if status in (NEW, DROPPED):
            label = f"{t(f'yrs.change.{status}', lang)}: {label}"
        while label in seen:  # two projects with one short label must not share a bar
            label += " "
        seen.add(label)
        labels.append(label)
    texts = [
        signed_oku(c, lang) + ("" if pd.isna(p) else f" ({signed_pct(p, lang)})")
        for c, p in zip(moved["change_oku"], moved["change_pct"], strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=[round(float(v) * scale, 3) for v in moved["change_oku"]],
            orientation="h",
            marker_color=[REQUEST_COLOUR if v >= 0 else DECREASE_COLOUR for v in moved["change_oku"]],
            text=texts,
            textposition="auto",
            customdata=[[plotly_text(n), x] for n, x in zip(moved["name"], texts, strict=True)],
            hovertemplate=f"%{{customdata[0]}}<br>{plotly_text(older)}→{plotly_text(newer)}: %{{customdata[1]}}<extra></extra>",
        )
    )
    figure.update_layout(
        height=bar_height(len(moved), 34, chrome=90),
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        xaxis={**axis, "zeroline": True},
        yaxis={"autorange": "reversed", "automargin": True},
        showlegend=False,
        meta={"rows": len(moved)},
    )
    return figure


def history(projects: pd.DataFrame, group: str, documents: pd.DataFrame) -> pd.DataFrame:
    """A project's figures in every document that lists it, oldest first: ``document_id, title,
    request_year, request_fiscal_year, request_oku, base_year, base_fiscal_year, base_oku, base_basis``."""
    row = projects[projects["group"] == group]
    docs = documents.set_index("document_id")
    out = []
    if row.empty:
        return pd.DataFrame(columns=["document_id", "title", "request_oku", "base_oku"])
    row = row.iloc[0]
    for doc in ordered(documents):
        if pd.isna(row[f"new:{doc}"]):
            continue
        out.append(
            {
                "document_id": doc,
                "title": docs.at[doc, "title"],
                "request_year_label": docs.at[doc, "request_year_label"],
                "request_fiscal_year": int(docs.at[doc, "request_fiscal_year"]),
                "request_oku": row[f"request:{doc}"],
                "base_year_label": docs.at[doc, "base_year_label"],
                "base_fiscal_year": int(docs.at[doc, "base_fiscal_year"]),
                "base_oku": row[f"base:{doc}"],
                "other_base_oku": row[f"other:{doc}"],
                "base_basis": row[f"basis:{doc}"],
                "is_new": bool(row[f"new:{doc}"]),
            }
        )
    return pd.DataFrame(out)


def history_figure(rows: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Each document's request (blue) at its request year and base (grey) at its base year, by fiscal year."""
    scale, axis = amount_axis(lang)
    figure = go.Figure()
    if not rows.empty:

        def label(fiscal_year: int, printed: str) -> str:
            return year_label(printed, fiscal_year, lang)

        figure.add_trace(
            go.Scatter(
                x=[label(y, p) for y, p in zip(rows["base_fiscal_year"], rows["base_year_label"], strict=True)],
                y=[None if pd.isna(v) else round(float(v) * scale, 3) for v in rows["base_oku"]],
                name=t("yrs.trace.base", lang),
                mode="markers+lines",
                marker={"color": BASE_COLOUR, "size": 10, "symbol": "square"},
                line={"color": BASE_COLOUR, "dash": "dot"},
                hovertemplate="%{x}: %{y}<extra></extra>",
            )
        )
        figure.add_trace(
            go.Scatter(
                x=[label(y, p) for y, p in zip(rows["request_fiscal_year"], rows["request_year_label"], strict=True)],
                y=[None if pd.isna(v) else round(float(v) * scale, 3) for v in rows["request_oku"]],
                name=t("yrs.trace.request", lang),
                mode="markers+lines",
                marker={"color": REQUEST_COLOUR, "size": 10},
                line={"color": REQUEST_COLOUR},
                hovertemplate="%{x}: %{y}<extra></extra>",
            )
        )
    years = sorted(set(rows.get("base_fiscal_year", [])) | set(rows.get("request_fiscal_year", [])))
    figure.update_layout(
        height=320,
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        yaxis={**axis, "rangemode": "tozero"},
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": _year_order(rows, years, lang)},
        legend=LEGEND_TOP,
        # The project's name is the menu above the chart; a title here would collide with the legend.
        meta={"project": plotly_text(title)},
    )
    return figure


def _year_order(rows: pd.DataFrame, years: list[int], lang: str) -> list[str]:
    printed = {}
    for y, p in zip(rows.get("base_fiscal_year", []), rows.get("base_year_label", []), strict=True):
        printed[y] = p
    for y, p in zip(rows.get("request_fiscal_year", []), rows.get("request_year_label", []), strict=True):
        printed[y] = p
    return [year_label(printed[y], y, lang) for y in years]


# --- tables as shown ---------------------------------------------------------------------


def _how(how: str, lang: str) -> str:
    return t(f"yrs.how.{how}", lang)


def _per_document(out: pd.DataFrame, frame: pd.DataFrame, ids: list[str], labels: dict[str, str], lang: str) -> None:
    for doc in ids:
        out[t("yrs.col.request", lang, year=labels[doc])] = frame[f"request:{doc}"].to_numpy(dtype=float)


def _change(frame: pd.DataFrame, older: str, newer: str) -> pd.Series:
    return (frame[f"request:{newer}"] - frame[f"request:{older}"]).round(6)


def accounts_table(matched: pd.DataFrame, ids, labels, older, newer, lang) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            t("yrs.col.account", lang): [
                (t("yrs.of_which", lang) if k == "breakdown" else "") + name(a, lang)
                for a, k in zip(matched["account"], matched["kind"], strict=True)
            ],
            t("yrs.col.how", lang): [_how(h, lang) for h in matched["how"]],
            t("yrs.col.n_documents", lang): matched["n_documents"].astype(int).to_numpy(),
        }
    )
    _per_document(out, matched, ids, labels, lang)
    out[t("yrs.col.change", lang, older=labels[older], newer=labels[newer])] = _change(matched, older, newer).to_numpy()
    return out


def sections_table(matched: pd.DataFrame, ids, labels, older, newer, lang) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            t("yrs.col.section", lang): [
                f"{n} {name(s, lang)}".strip() for n, s in zip(matched["number"], matched["name"], strict=True)
            ],
            t("yrs.col.how", lang): [_how(NAME, lang)] * len(matched),
            t("yrs.col.n_documents", lang): matched["n_documents"].astype(int).to_numpy(),
        }
    )
    _per_document(out, matched, ids, labels, lang)
    out[t("yrs.col.change", lang, older=labels[older], newer=labels[newer])] = _change(matched, older, newer).to_numpy()
    return out


def projects_table(projects: pd.DataFrame, section_names: dict[str, str], ids, labels, older, newer, lang):
    """Projects as shown and downloaded: name, what changed, each document's request, the change
    (億円, %) between ``older`` and ``newer``, then how the project was matched and its section."""
    out = pd.DataFrame(
        {
            t("yrs.col.project", lang): projects["name"].to_numpy(),
            t("yrs.col.status", lang): [t(f"yrs.change.{s}", lang) if s else "" for s in projects["status"]],
        }
    )
    _per_document(out, projects, ids, labels, lang)
    out[t("yrs.col.change", lang, older=labels[older], newer=labels[newer])] = projects["change_oku"].to_numpy(
        dtype=float
    )
    out[t("yrs.col.pct", lang)] = projects["change_pct"].to_numpy(dtype=float)
    out[t("yrs.col.match", lang)] = [t(f"yrs.match.{m}", lang) for m in projects["match"]]
    out[t("yrs.col.score", lang)] = projects["score"].to_numpy(dtype=float)
    out[t("yrs.col.names", lang)] = projects["names"].to_numpy()
    out[t("yrs.col.section", lang)] = [section_names.get(s, "") for s in projects["section_id"]]
    return out


def listing_table(projects: pd.DataFrame, section_names: dict[str, str], doc: str, lang: str) -> pd.DataFrame:
    """New or dropped projects: name, section and the figures of the document that lists them."""
    return pd.DataFrame(
        {
            t("yrs.col.project", lang): projects["name"].to_numpy(),
            t("yrs.col.section", lang): [section_names.get(s, "") for s in projects["section_id"]],
            t("yrs.col.request_in", lang): projects[f"request:{doc}"].to_numpy(dtype=float),
            t("yrs.col.base_in", lang): projects[f"base:{doc}"].to_numpy(dtype=float),
            t("yrs.col.other_base", lang): [
                other_base_text(a, b, lang)
                for a, b in zip(projects[f"other:{doc}"], projects[f"basis:{doc}"], strict=True)
            ],
        }
    )


def history_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    if rows.empty:
        rows = pd.DataFrame(
            columns=[
                "title",
                "request_year_label",
                "request_fiscal_year",
                "request_oku",
                "base_year_label",
                "base_fiscal_year",
                "base_oku",
                "other_base_oku",
                "base_basis",
                "is_new",
            ]
        )
    return pd.DataFrame(
        {
            t("yrs.col.document", lang): rows["title"].to_numpy(),
            t("yrs.col.request_year", lang): [
                year_label(p, y, lang)
                for p, y in zip(rows["request_year_label"], rows["request_fiscal_year"], strict=True)
            ],
            t("yrs.col.request_oku", lang): rows["request_oku"].to_numpy(dtype=float),
            t("yrs.col.base_year", lang): [
                year_label(p, y, lang) for p, y in zip(rows["base_year_label"], rows["base_fiscal_year"], strict=True)
            ],
            t("yrs.col.base_oku", lang): rows["base_oku"].to_numpy(dtype=float),
            t("yrs.col.basis", lang): [
                t("yrs.basis.new", lang) if n else other_base_text(a, b, lang)
                for a, b, n in zip(rows["other_base_oku"], rows["base_basis"], rows["is_new"], strict=True)
            ],
        }
    )


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


def _section_names(tables: Mapping[str, pd.DataFrame], lang: str) -> dict[str, str]:
    """``section_id → "(1)① name"`` of every document (ids are per document; the newest wins)."""
    names = {}
    for doc in ordered(tables["documents"]):
        sections = tables["sections"][tables["sections"]["document_id"] == doc].sort_values("order")
        for row in sections.itertuples():
            number = "".join(p for p in (row.theme_no, row.section_no) if isinstance(p, str))
            names[row.section_id] = f"{number} {name(row.name, lang)}".strip()
    return names


def project_groups(tables: Mapping[str, pd.DataFrame]) -> tuple[str, ...]:
    """The projects' keys across the documents (the fuzzy project linking): the ``project`` key's choices."""
    ids = ordered(tables["documents"])
    if len(ids) < 2:
        return ()
    group, _ = project_links(tables["items"], tables["documents"])
    return tuple(dict.fromkeys(group.values()))


#: Where a page hands :func:`specs` the groups it got from :func:`groups_view` (cached): the linking
#: runs once per set of documents, not on every rerun.
GROUPS = "_project_groups"


def _older(tables: Mapping[str, pd.DataFrame]) -> str | None:
    ids = ordered(tables["documents"])
    return ids[-2] if len(ids) > 1 else (ids[0] if ids else None)


def _newer(tables: Mapping[str, pd.DataFrame]) -> str | None:
    ids = ordered(tables["documents"])
    return ids[-1] if ids else None


@filter_dataclass
class Filters(FilterValues):
    """What /years filters on (hashable: part of the view's cache key): ``older`` and ``newer``
    (document ids), ``project`` (a project's key in the newest document that lists it), ``q`` (words in
    a project's name), ``match`` (exact | fuzzy | only), ``change`` (repeatable: changed, new, dropped,
    unchanged; none means all), ``sort`` (order | change | pct). The file names always say the two
    documents compared."""

    FILTERS = (
        Filter(
            "older",
            "choice",
            default=_older,
            choices=lambda tables: tuple(ordered(tables["documents"])),
            named="always",
        ),
        Filter(
            "newer",
            "choice",
            default=_newer,
            choices=lambda tables: tuple(ordered(tables["documents"])),
            named="always",
        ),
        Filter(
            "project",
            "choice",
            choices=lambda tables: tables[GROUPS] if GROUPS in tables else project_groups(tables),
        ),
        Filter("q", "text", default="", parse=lambda value: str(value or "").strip()),
        Filter("match", "choice", choices=(EXACT, FUZZY, ONLY)),
        Filter("change", "multi", default=(), choices=CHANGES),
        Filter("sort", "choice", default="order", choices=SORTS),
    )


def specs(tables: Mapping[str, pd.DataFrame], groups: tuple[str, ...] | None = None) -> list[Param]:
    """The URL keys of /years (:class:`Filters`); ``groups``: :func:`project_groups`, when the page has them."""
    return Filters.specs(tables if groups is None else {**tables, GROUPS: groups})


def groups_view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """:func:`project_groups` as a view, so a page gets them from the cache."""
    return View(texts={"groups": project_groups(tables)})


def _empty_view(n: int) -> View:
    return View(tables={}, figures={}, texts={"documents": n})


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Every table and the history chart of /years, for every document in ``tables``."""
    documents = tables["documents"]
    ids = ordered(documents)
    if len(ids) < 2:
        return _empty_view(len(ids))
    older = filters.older if filters.older in ids else ids[-2]
    newer = filters.newer if filters.newer in ids else ids[-1]
    if older == newer:
        older = next(d for d in reversed(ids) if d != newer)
    labels = column_labels(documents, lang)
    sections = _section_names(tables, lang)
    # The documents compared are the ones shown (an older equal to the newer was moved), as is the project.
    named = replace(filters, older=older, newer=newer)
    csv = named.csv_filters(tables, ("older", "newer"))

    accounts = match_accounts(tables["accounts"], documents)
    matched_sections = match_sections(tables["sections"], documents)
    projects = match_projects(tables["items"], tables["sections"], documents)
    projects = pd.concat([projects, changes(projects, older, newer)], axis=1)
    shown = projects
    query = Query.parse(filters.q)
    if query:
        keys = shown["name"].map(normalize) + " " + shown["names"].fillna("").map(normalize)
        shown = shown[[query.matches(k) for k in keys]]
    if filters.match:
        shown = shown[shown["match"] == filters.match]
    if filters.change:
        shown = shown[shown["status"].isin(filters.change)]
    shown = sorted_by_change(shown, filters.sort)
    new, dropped = new_and_dropped(projects, older, newer)

    project = filters.project
    if project not in set(projects["group"]):
        both = projects[present_in(projects, older) & present_in(projects, newer)]
        change = _change(both, older, newer).abs()
        project = both.loc[change.idxmax(), "group"] if change.notna().any() else None
    hist = history(projects, project, documents) if project else pd.DataFrame()
    project_name = projects.loc[projects["group"] == project, "name"].iloc[0] if project else ""

    def amounts(frame: pd.DataFrame, signed: str | None = None, **extra: str) -> dict[str, str]:
        kinds = {c: AMOUNT for c in frame.columns if frame[c].dtype.kind == "f"}
        if signed:
            kinds[signed] = SIGNED
        return kinds | extra

    change_col = t("yrs.col.change", lang, older=labels[older], newer=labels[newer])
    n_col = t("yrs.col.n_documents", lang)
    tables_out = {
        "accounts": Table(
            accounts_table(accounts, ids, labels, older, newer, lang), {}, csv="years_accounts", csv_filters=csv
        ),
        "sections": Table(sections_table(matched_sections, ids, labels, older, newer, lang), {}, "years_sections", csv),
        "projects": Table(
            projects_table(shown, sections, ids, labels, older, newer, lang),
            {},
            "years_projects",
            named.csv_filters(tables, ("older", "newer", "q", "match", "change", "sort")),
        ),
        "new": Table(listing_table(new, sections, newer, lang), {}, "years_new", csv),
        "dropped": Table(listing_table(dropped, sections, older, lang), {}, "years_dropped", csv),
        "history": Table(
            history_table(hist, lang),
            {},
            "years_history",
            replace(named, project=project).csv_filters({**tables, GROUPS: tuple(projects["group"])}, ("project",)),
        ),
    }
    for key, table in tables_out.items():
        frame = table.frame
        extra = {n_col: INT} if n_col in frame else {}
        if t("yrs.col.score", lang) in frame:
            extra[t("yrs.col.score", lang)] = SCORE
        if t("yrs.col.pct", lang) in frame:
            extra[t("yrs.col.pct", lang)] = PCT
        kinds = amounts(frame, change_col if change_col in frame else None, **extra)
        kinds |= {c: TEXT for c in frame.columns if frame[c].dtype.kind != "f" and c not in kinds}
        tables_out[key] = Table(frame, kinds, table.csv, table.csv_filters)
    counts = projects["match"].value_counts()
    statuses = projects["status"].value_counts()
    texts = {
        "documents": len(ids),
        "older": labels[older],
        "newer": labels[newer],
        "older_id": older,
        "newer_id": newer,
        "n_projects": len(projects),
        "n_shown": len(shown),
        "n_exact": int(counts.get(EXACT, 0)),
        "n_fuzzy": int(counts.get(FUZZY, 0)),
        "n_only": int(counts.get(ONLY, 0)),
        **{f"n_{s}": int(statuses.get(s, 0)) for s in (CHANGED, UNCHANGED)},
        "n_new": len(new),
        "n_dropped": len(dropped),
        "new_request": oku(new[f"request:{newer}"].sum(), lang),
        "dropped_request": oku(dropped[f"request:{older}"].sum(), lang),
        "project": project,
        "project_name": project_name,
        "project_suggested": filters.project != project,
        "labels": labels,
        "titles": dict(zip(documents["document_id"], documents["title"], strict=True)),
        "total_change": signed_oku(
            float(accounts.loc[accounts["kind"] == "total", f"request:{newer}"].sum())
            - float(accounts.loc[accounts["kind"] == "total", f"request:{older}"].sum()),
            lang,
        ),
    }
    figures = {
        "history": history_figure(hist, project_name, lang),
        "changes": changes_figure(shown, labels[older], labels[newer], lang),
    }
    return View(tables=tables_out, figures=figures, texts=texts)
