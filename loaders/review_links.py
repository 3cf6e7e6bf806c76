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
from collections import defaultdict

import pandas as pd

from loaders.matching import _BODY_GRANTS, _MIN_FUZZY_LENGTH, within_one_edit
from loaders.rules import primary_mask
from loaders.schema import typed
from loaders.text import nfkc

KINDS = ("exact", "normalized", "fuzzy", "part")
_DASHES = re.compile(r"[‐‑‒–—―−ｰー-]")


def normalize(name: str) -> str:
    """The name compared by ``normalized`` (every dash and the long-vowel mark ー read as one "-").

    >>> normalize("ＧＸ サプライチェーン・構築支援事業")
    'gxサプライチェ-ン構築支援事業'
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
        index = _Index(records)
        primary = items[(items["document_id"] == doc.document_id) & primary_mask(items)]
        for item in primary.itertuples():
            rows += _rows_for(doc.document_id, item, index, target)
    return typed("review_links", rows)


class _Index:
    """The review records by exact name, normalized name, one-deletion variants and (うち…) parts.

    Hash lookups instead of comparing every project with every record: the full files hold
    about 11,000 records, the shipped subset about 900.
    """

    def __init__(self, records: list[tuple]) -> None:
        self.exact: dict[str, list[tuple]] = defaultdict(list)
        self.norm: dict[str, list[tuple]] = defaultdict(list)
        self.variants: dict[str, set[int]] = defaultdict(set)
        self.part: dict[str, list[tuple]] = defaultdict(list)
        self.keys: list[str] = []
        for i, record in enumerate(records):
            key = normalize(record[2])
            self.keys.append(key)
            self.exact[record[2]].append(record)
            self.norm[key].append(record)
            for variant in _variants(key):
                self.variants[variant].add(i)
            for piece in set(_parts(record[2]) or ()):
                self.part[piece].append(record)
        self.records = records

    def find(self, kind: str, name: str, key: str) -> list[tuple]:
        if kind == "exact":
            return self.exact.get(name, [])
        if kind == "normalized":
            return self.norm.get(key, [])
        if kind == "part":
            return self.part.get(key, [])
        near = {i for v in _variants(key) for i in self.variants.get(v, ())}
        return [self.records[i] for i in sorted(near) if _fuzzy_ok(self.keys[i], key)]


def _variants(key: str) -> set[str]:
    """The key and every string one deletion away (two keys within one edit share one of these)."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _rows_for(document_id: str, item, index: _Index, target: int) -> list[dict]:
    name, key = item.name, normalize(item.name)
    base = {"document_id": document_id, "project_key": item.project_key, "item_id": item.item_id, "item_name": name}
    for kind in KINDS:
        found = index.find(kind, name, key)
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
