"""R5-vs-R6 rows by level (account with its うち rows, section, project): the document's stated totals
where it states them, else the sum of the counted listings. Used by /compare, /quality and /treemap. Pure."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.domain.labels import section_labels
from dashboard.domain.listings import (
    account_label,
    counted_mask,
    flag_words,
    other_base_text,
    portion_mask,
    primary,
)
from dashboard.domain.params import FilterValues
from dashboard.i18n import name

STATED, LISTED = "stated", "listed"


_SORT_COLUMN = {"change": "change_oku", "pct": "change_pct", "request": "request_oku"}


#: Every level's rows have these columns (project-only ones are empty on the other levels).
ROW_COLUMNS = [
    "key",
    "label",
    "kind",
    "parent",
    "measure",
    "request_oku",
    "base_oku",
    "change_oku",
    "change_pct",
    "listed_request_oku",
    "listed_base_oku",
    "unlisted_request_oku",
    "n_items",
    "n_new",
    "section",
    "account",
    "flags",
    "portion_oku",
    "multiyear_oku",
    "multiyear_years",
    "other_base",
    "is_new",
    "is_portion",
    "order",
]


def filtered(items: pd.DataFrame, filters: FilterValues | None = None) -> pd.DataFrame:
    """Primary listings kept by every listing filter of ``filters`` that is set (each its ``apply``)."""
    rows = primary(items)
    return rows[filters.mask(rows)] if filters is not None else rows


def _listed(rows: pd.DataFrame, key: str) -> pd.DataFrame:
    """Sums of the listed projects per ``key`` (内数 left out): request, initial base, counts."""
    counted = rows[counted_mask(rows)]
    grouped = counted.groupby(key, sort=False).agg(
        listed_request_oku=("request_oku", "sum"),
        listed_base_oku=("initial_base_oku", "sum"),
        n_items=("item_id", "size"),
        n_new=("is_new", "sum"),
    )
    return grouped


def _with_change(out: pd.DataFrame) -> pd.DataFrame:
    out["change_oku"] = (out["request_oku"] - out["base_oku"].fillna(0.0)).round(6)
    with_base = out["base_oku"].notna() & (out["base_oku"] != 0)
    out["change_pct"] = (out["change_oku"] / out["base_oku"] * 100).where(with_base).round(4)
    return out


def _grouped(keys: list, labels: list[str], stated: pd.DataFrame | None, listed: pd.DataFrame, **extra) -> pd.DataFrame:
    """Rows of the account or section level: stated totals as *the* figures where given, else listed sums."""
    listed = listed.reindex(keys)
    out = pd.DataFrame({"key": keys, "label": labels})
    out["listed_request_oku"] = listed["listed_request_oku"].to_numpy()
    out["listed_base_oku"] = listed["listed_base_oku"].to_numpy()
    out["n_items"] = listed["n_items"].fillna(0).astype(int).to_numpy()
    out["n_new"] = listed["n_new"].fillna(0).astype(int).to_numpy()
    if stated is not None:
        stated = stated.reindex(keys)
        has = stated["request_oku"].notna().to_numpy()
        out["request_oku"] = stated["request_oku"].where(has, listed["listed_request_oku"]).to_numpy()
        out["base_oku"] = stated["base_oku"].where(has, listed["listed_base_oku"]).to_numpy()
        out["measure"] = [STATED if h else LISTED for h in has]
    else:
        out["request_oku"] = out["listed_request_oku"]
        out["base_oku"] = out["listed_base_oku"]
        out["measure"] = LISTED
    out["unlisted_request_oku"] = (out["request_oku"] - out["listed_request_oku"]).where(out["measure"] == STATED)
    for column, value in extra.items():
        out[column] = value
    return _with_change(out)


def section_rows(
    rows: pd.DataFrame, sections: pd.DataFrame, accounts: pd.DataFrame, comparable: bool, lang: str
) -> pd.DataFrame:
    """One row per section: its stated 【total】 (when ``comparable``) beside its listed projects."""
    ordered = sections.sort_values("order")
    if not comparable:  # only sections that have a matching project
        ordered = ordered[ordered["section_id"].isin(rows["section_id"])]
    labels = section_labels(sections, lang)
    keys = ordered["section_id"].tolist()
    stated = sections.set_index("section_id")[["request_oku", "base_oku"]] if comparable else None
    return _grouped(
        keys,
        [labels.get(k, k) for k in keys],
        stated,
        _listed(rows, "section_id"),
        kind="section",
        order=ordered["order"].to_numpy(),
    )


def account_rows(
    rows: pd.DataFrame, sections: pd.DataFrame, accounts: pd.DataFrame, comparable: bool, lang: str
) -> pd.DataFrame:
    """One row per account with its うち breakdown rows (stated, from the accounts table), then accounts
    that fund listed projects but are not in the table (listed sums)."""
    table = accounts[accounts["kind"].isin(["account", "breakdown"])].sort_values("order")
    listed = _listed(rows, "account")
    if comparable:
        keys = table["account"].tolist()
        keys += [a for a in listed.index if a not in set(keys)]
        stated = table.set_index("account")[["request_oku", "base_oku"]]
    else:
        keys = [a for a in table.loc[table["kind"] == "account", "account"] if a in listed.index]
        keys += [a for a in listed.index if a not in set(keys)]
        stated = None
    kind = dict(zip(table["account"], table["kind"], strict=True))
    parent = dict(zip(table["account"], table["parent"], strict=True))
    out = _grouped(
        keys,
        [name(a, lang) for a in keys],
        stated,
        listed,
        kind=[kind.get(a, "account") for a in keys],
        parent=[parent.get(a) if comparable else None for a in keys],
        order=range(len(keys)),
    )
    # A うち row has no listed projects of its own (projects name only the account).
    breakdown = out["kind"] == "breakdown"
    out.loc[breakdown, ["listed_request_oku", "listed_base_oku", "unlisted_request_oku"]] = float("nan")
    return out


def item_rows(rows: pd.DataFrame, sections: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per project (its primary listing); 内数 figures in their own column, not in request."""
    labels = section_labels(sections, lang)
    portion = portion_mask(rows)
    out = pd.DataFrame(
        {
            "key": rows["item_id"],
            "label": rows["name"],
            "kind": "item",
            "measure": LISTED,
            "request_oku": rows["request_oku"].where(~portion),
            "base_oku": rows["initial_base_oku"].where(~portion),
            "change_oku": rows["change_oku"].where(~portion),
            "change_pct": rows["change_pct"].where(~portion),
            "n_items": 1,
            "n_new": rows["is_new"].astype(int),
            "section": [labels.get(s, s) for s in rows["section_id"]],
            "account": [
                account_label(a, p, lang) for a, p in zip(rows["account"], rows["account_partial"], strict=True)
            ],
            "flags": [flag_words(r, lang, multiyear=False) for r in rows.itertuples()],
            "portion_oku": rows["request_oku"].where(portion),
            "multiyear_oku": rows["multiyear_oku"],
            "multiyear_years": rows["multiyear_years"],
            "other_base": [
                other_base_text(a, b, lang) for a, b in zip(rows["other_base_oku"], rows["base_basis"], strict=True)
            ],
            "order": rows["order"],
            "is_new": rows["is_new"],
            "is_portion": portion,
        }
    )
    return out


def _sorted(out: pd.DataFrame, sort: str) -> pd.DataFrame:
    """Largest first by ``sort`` (no percentage last); a うち row stays under its account."""
    column = _SORT_COLUMN.get(sort, "change_oku")
    if "parent" in out and out["parent"].notna().any():
        value = dict(zip(out["key"], out[column], strict=True))
        group = [p if isinstance(p, str) else k for k, p in zip(out["key"], out["parent"], strict=True)]
        out = out.assign(_group=[value.get(g) for g in group], _child=out["parent"].notna())
        return out.sort_values(
            ["_group", "_child", column, "order"],
            ascending=[False, True, False, True],
            na_position="last",
            kind="stable",
        ).drop(columns=["_group", "_child"])
    return out.sort_values([column, "order"], ascending=[False, True], na_position="last", kind="stable")


def compare_rows(
    items: pd.DataFrame,
    sections: pd.DataFrame,
    accounts: pd.DataFrame,
    level: str,
    lang: str,
    filters: FilterValues | None = None,
    sort: str = "change",
    top: int | None = None,
) -> pd.DataFrame:
    """One row per account (with its うち rows), section or project, columns :data:`ROW_COLUMNS`.

    ``filters``: /compare's (its listing filters, each with its ``apply``: ``section``, ``account``,
    ``new``). Sorted by ``sort`` (largest first; no percentage last), cut to ``top`` rows (a うち row
    counts as a row). On the account and section levels the figures are the stated totals wherever
    they fit the filters (``measure``): when no listing filter is set but the level's own (a section's
    stated total fits a choice of sections), else the listed sums.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    rows = filtered(items, filters)
    chosen = {f.key: getattr(filters, f.field) for f in filters.set_filters()} if filters else {}
    if level == "item":
        out = item_rows(rows, sections, lang)
    else:
        comparable = not set(chosen) - {level}
        out = _LEVEL_ROWS[level](rows, sections, accounts, comparable, lang)
        if level == "section" and "section" in chosen:
            out = out[out["key"].isin(list(chosen["section"]))]
        if level == "account" and "account" in chosen:
            out = out[out["key"].isin(list(chosen["account"])) | out["parent"].isin(list(chosen["account"]))]
    out = _sorted(out.reindex(columns=ROW_COLUMNS), sort)
    if top:
        out = out.head(int(top))
    return out.reset_index(drop=True)


def measure_of(rows: pd.DataFrame) -> str:
    """stated when every row's figures are stated totals, listed when every row's are listed sums, else mixed."""
    kinds = set(rows["measure"])
    return kinds.pop() if len(kinds) == 1 else "mixed"


LEVELS = ("account", "section", "item")


_LEVEL_ROWS: dict[str, Callable[..., pd.DataFrame]] = {"account": account_rows, "section": section_rows}
