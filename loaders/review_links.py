"""Linking a summary's projects to the project reviews (行政事業レビュー) by name.

Kinds, tried in this order; a project takes the first kind that finds anything:

- ``exact``: the review's 事業名 is the project's name as printed;
- ``normalized``: equal after NFKC, without spaces, ・ and dash variants, case folded;
- ``fuzzy``: one inserted, deleted or replaced character (手続/手続き) in names of six or more
  characters, never between grants to a named body (…交付金, …拠出金), as the 推進枠 linking;
- ``part``: the review's name has a (うち…) part and the project's name is that part
  (石油備蓄事業(うち産油国共同石油備蓄事業費補助金) for 産油国共同石油備蓄事業費補助金: the review
  groups the project under a larger one) or the name before it (the review splits the
  project into several records).

When a kind finds more than one 予算事業ID, every one is a row and each row is flagged
``ambiguous``: a reader sees the choice, the loader never makes it silently. A project
without any match is one row with ``match = "none"``. Only records of the document's
ministry are candidates.
"""

from __future__ import annotations

import re

import pandas as pd

from loaders.matching import _BODY_GRANTS, _MIN_FUZZY_LENGTH, within_one_edit
from loaders.schema import typed
from loaders.text import nfkc

KINDS = ("exact", "normalized", "fuzzy", "part")
_DASHES = re.compile(r"[‐‑‒–—―−ｰー-]")


def normalize(name: str) -> str:
    """The name compared by ``normalized``.

    >>> normalize("ＧＸ サプライチェーン・構築支援事業")
    'gxサプライチェーン構築支援事業'
    """
    text = re.sub(r"\s+", "", nfkc(name or ""))
    text = text.replace("・", "").replace("･", "")
    return _DASHES.sub("-", text).casefold()


def _fuzzy_ok(a: str, b: str) -> bool:
    if min(len(a), len(b)) < _MIN_FUZZY_LENGTH:
        return False
    if any(word in a or word in b for word in _BODY_GRANTS):
        return False
    return within_one_edit(a, b)


def _parts(name: str) -> tuple[str, str] | None:
    """A review name's (name before, うち part), normalized; None without a (うち…) part.

    The part may hold brackets itself: 石油備蓄事業(うち…管理委託費(石油分)).

    >>> _parts("石油備蓄事業(うち産油国共同石油備蓄事業費補助金)")
    ('石油備蓄事業', '産油国共同石油備蓄事業費補助金')
    """
    text = normalize(name)
    start = text.find("(うち")
    if start <= 0 or not text.endswith(")"):
        return None
    return text[:start], text[start + 3 : -1]


def link_reviews(tables: dict[str, pd.DataFrame], reviews: pd.DataFrame) -> pd.DataFrame:
    """``review_links`` for the documents in ``tables``: one row per (project, 予算事業ID), or one 'none' row."""
    rows = []
    documents = tables["documents"]
    items = tables["items"]
    for doc in documents.itertuples():
        mine = reviews[reviews["ministry"] == doc.ministry] if len(reviews) else reviews
        # the review year that describes the request year's budget (review 2025 covers FY2024)
        target = int(doc.request_fiscal_year) + 1
        records = list(mine[["project_id", "review_year", "name"]].itertuples(index=False, name=None))
        by_norm = [(pid, year, name, normalize(name), _parts(name)) for pid, year, name in records]
        primary = items[(items["document_id"] == doc.document_id) & items["is_primary"]]
        for item in primary.itertuples():
            rows += _rows_for(doc.document_id, item, by_norm, target)
    return typed("review_links", rows)


def _rows_for(document_id: str, item, records: list[tuple], target: int) -> list[dict]:
    name, key = item.name, normalize(item.name)
    tests = {
        "exact": lambda r: r[2] == name,
        "normalized": lambda r: r[3] == key,
        "fuzzy": lambda r: _fuzzy_ok(r[3], key),
        "part": lambda r: r[4] is not None and key in r[4],
    }
    base = {"document_id": document_id, "project_key": item.project_key, "item_id": item.item_id, "item_name": name}
    for kind in KINDS:
        found = [r for r in records if tests[kind](r)]
        if not found:
            continue
        chosen: dict[int, tuple] = {}
        for record in found:  # per 予算事業ID the record of the year closest to the request year's review
            pid, year = record[0], record[1]
            best = chosen.get(pid)
            if best is None or (abs(year - target), -year) < (abs(best[1] - target), -best[1]):
                chosen[pid] = record
        ambiguous = len(chosen) > 1
        return [
            {
                **base,
                "match": kind,
                "ambiguous": ambiguous,
                "candidates": len(chosen),
                "project_id": pid,
                "review_year": record[1],
                "review_name": record[2],
            }
            for pid, record in sorted(chosen.items())
        ]
    return [
        {**base, "match": "none", "ambiguous": False, "candidates": 0, "project_id": None, "review_year": None}
        | {"review_name": None}
    ]
