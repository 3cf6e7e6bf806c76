"""The rule "primary listing, not 内数" is one rule (``loaders/rules.py``) that every site applies the same way.

Each site (the reconciliation, the package's counted sum, /compare, /treemap, /items, /search) is
checked against an oracle written here from the contract's words, on the shipped document and on a
copy with more 再掲/後掲/※/内数 rows; and no module outside the rule re-expresses it.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard.domain.comparison import _listed, filtered
from dashboard.views import items as items_view
from dashboard.views import search as search_view
from dashboard.views import treemap as treemap_view
from loaders import package_readme
from loaders.reconcile import reconcile
from loaders.rules import mark_primary

ROOT = Path(__file__).resolve().parent.parent


def _oracle(items: pd.DataFrame) -> tuple[set[str], set[str]]:
    """(primary item ids, counted item ids) from the contract: the one listing of a project that is not
    re-listed, not forward, not reference (the first in document order); counted: primary and not 内数."""
    primary, seen = set(), set()
    for row in items.sort_values("order").itertuples():
        if row.is_relisted or row.is_forward or row.is_reference or row.project_key in seen:
            continue
        seen.add(row.project_key)
        primary.add(row.item_id)
    counted = {i for i in primary if not bool(items.loc[items["item_id"] == i, "is_portion"].iloc[0])}
    return primary, counted


def _reshuffled(items: pd.DataFrame) -> pd.DataFrame:
    """The shipped items with more marks: some primary listings become 再掲, 後掲, ※ or 内数 (so the
    project's next listing, if any, becomes its primary), and ``is_primary`` is marked anew by the loader."""
    out = items.copy()
    primary = out.index[out["is_primary"]]
    for step, column in enumerate(("is_relisted", "is_forward", "is_reference", "is_portion")):
        out.loc[primary[step::7], column] = True
    # a project listed twice without marks: only the first listing counts
    twin = out.loc[primary[5]].copy()
    twin["item_id"], twin["order"] = "i9999", out["order"].max() + 1
    out = pd.concat([out, twin.to_frame().T.astype(out.dtypes.to_dict())], ignore_index=True)
    out["is_primary"] = mark_primary(out.sort_values("order")).reindex(out.index)
    return out


@pytest.fixture(scope="module", params=["shipped", "reshuffled"])
def case(request, tables) -> dict:
    items = tables["items"] if request.param == "shipped" else _reshuffled(tables["items"])
    return {**tables, "items": items}


def test_the_fixture_has_every_mark(case) -> None:
    items = case["items"]
    for column in ("is_relisted", "is_forward", "is_reference", "is_portion"):
        assert items[column].any(), column
    primary, counted = _oracle(items)
    assert set(items.loc[items["is_primary"], "item_id"]) == primary  # the loader's own mark
    assert counted < primary


def _section_sums(items: pd.DataFrame, ids: set[str]) -> dict[str, float]:
    rows = items[items["item_id"].isin(ids) & items["request_oku"].notna()]
    return {k: round(v, 6) for k, v in rows.groupby("section_id")["request_oku"].sum().items()}


def test_reconciliation_sums_the_counted_listings(case) -> None:
    items = case["items"]
    _, counted = _oracle(items)
    rows = pd.DataFrame(
        reconcile(case["accounts"], case["sections"], items, case["priority_requests"], None),
    )
    got = rows[(rows["scope"] == "sections") & (rows["measure"] == "request")].set_index("ref_id")["computed_oku"]
    expected = _section_sums(items, counted)
    assert {k: v for k, v in got.items() if v} == {k: v for k, v in expected.items() if v}


def test_package_figures_count_the_counted_listings(case) -> None:
    items = case["items"]
    _, counted = _oracle(items)
    figures = package_readme.figures({**case, "items": items})[0]
    assert figures.counted_n == len(counted)
    assert math.isclose(
        figures.counted_request_oku, items.loc[items["item_id"].isin(counted), "request_oku"].sum(), abs_tol=1e-6
    )


def test_compare_uses_primary_listings_and_sums_the_counted(case) -> None:
    items = case["items"]
    primary, counted = _oracle(items)
    rows = filtered(items)
    assert set(rows["item_id"]) == primary
    listed = _listed(rows, "section_id")["listed_request_oku"]
    assert {k: round(v, 6) for k, v in listed.items() if v} == {
        k: v for k, v in _section_sums(items, counted).items() if v
    }


def test_treemap_tiles_are_the_counted_listings(case) -> None:
    items = case["items"]
    primary, counted = _oracle(items)
    sized = set(items.loc[items["request_oku"].fillna(0) > 0, "item_id"])
    tree = treemap_view.build(items, case["sections"], "request", portion=False)
    assert set(tree.leaves.loc[tree.leaves["kind"] == "item", "item_id"]) == counted & sized
    with_portion = treemap_view.build(items, case["sections"], "request", portion=True)
    assert set(with_portion.leaves.loc[with_portion.leaves["kind"] == "item", "item_id"]) == primary & sized


def test_items_and_search_stand_a_project_by_its_primary_listing(case) -> None:
    items = case["items"]
    primary, _ = _oracle(items)
    projects = search_view._projects(items)
    with_primary = items.loc[items["item_id"].isin(primary), "project_key"]
    assert set(projects.loc[with_primary, "item_id"]) == primary
    for key in items["project_key"].unique()[:60]:
        listing = items_view.primary_listing(items_view.project_listings(items, key))
        assert listing["item_id"] == projects.loc[key, "item_id"]
    totals = items_view.totals(items, "ja")
    assert totals["n_primary"] == len(primary)


#: Where the rule may be written out: the rule itself, the schema and docs that name the column,
#: and the loader that stores the mark.
_RULE_HOMES = {
    "loaders/rules.py",
    "loaders/schema.py",
    "loaders/contract_docs.py",
    "loaders/package_readme.py",  # the SQL/pandas/R snippets printed for the package's readers
    "loaders/tables.py",
    "dashboard/i18n/data.py",  # the same snippet in the /data page's words
}
#: Reading the primary mark, or combining the three marks that exclude a listing from being primary.
_RESTATED = re.compile(r"""["']is_primary["']\s*\]|is_relisted["']\]\s*\|\s*\w+\[["']is_forward""")


def test_no_site_restates_the_rule() -> None:
    found = []
    for folder in ("loaders", "dashboard", "pages"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative in _RULE_HOMES:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if _RESTATED.search(line):
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "use loaders.rules (primary_mask / counted_mask / one_per_project):\n" + "\n".join(found)
