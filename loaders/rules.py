"""The listings rule every sum follows, in one place: a project's *primary listing* and what is *counted*.

The contract: a project's primary listing is its one listing that is not re-listed (再掲), not
forward (後掲), not reference (※); sums over projects use primary listings only, and 内数 figures
(a part of a larger budget) are never summed. The loader marks ``items.is_primary`` with
:func:`mark_primary`; the reconciliation, and every page through ``dashboard.domain.listings``,
select rows with :func:`primary_mask` and :func:`counted_mask`, so no site re-expresses the rule.

>>> items = pd.DataFrame(
...     {
...         "project_key": ["a", "a", "b", "c"],
...         "order": [1, 2, 3, 4],
...         "is_relisted": [False, True, False, False],
...         "is_forward": [False, False, False, False],
...         "is_reference": [False, False, False, True],
...         "is_portion": [False, False, True, False],
...     }
... )
>>> primary_mask(items).tolist(), counted_mask(items).tolist()
([True, False, True, False], [True, False, False, False])
>>> one_per_project(items)["order"].tolist()  # c has no primary listing: its first listing stands for it
[1, 3, 4]
"""

from __future__ import annotations

import pandas as pd


def _flag(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].fillna(False).astype(bool)


def primary_candidates(items: pd.DataFrame) -> pd.Series:
    """Listings that may be a project's primary one: not 再掲, not 後掲, not ※."""
    return ~(_flag(items, "is_relisted") | _flag(items, "is_forward") | _flag(items, "is_reference"))


def mark_primary(items: pd.DataFrame) -> pd.Series:
    """The loader's ``is_primary``: each project's first candidate listing in the frame's (document) order."""
    candidate = primary_candidates(items)
    later = items.loc[candidate, "project_key"].duplicated(keep="first")
    return candidate & ~later.reindex(items.index, fill_value=False)


def primary_mask(items: pd.DataFrame) -> pd.Series:
    """Listings the sums use (``is_primary`` as the loader wrote it; marked here when a frame lacks it)."""
    return _flag(items, "is_primary") if "is_primary" in items else mark_primary(items)


def portion_mask(items: pd.DataFrame) -> pd.Series:
    """Listings whose request is 内数 (a part of a larger budget): shown, never summed."""
    return _flag(items, "is_portion")


def counted_mask(items: pd.DataFrame) -> pd.Series:
    """Listings that may be added up: primary and not 内数."""
    return primary_mask(items) & ~portion_mask(items)


def one_per_project(items: pd.DataFrame) -> pd.DataFrame:
    """One row per project in document order: its primary listing, else (※ rows only) its first listing."""
    ranked = items.assign(_rank=(~primary_mask(items)).astype(int)).sort_values(["_rank", "order"], kind="stable")
    return ranked.drop_duplicates("project_key").sort_values("order", kind="stable").drop(columns="_rank")
