"""Linking 重要政策推進枠 rows to the projects listed in the body."""

from __future__ import annotations

from collections import defaultdict

#: Words that name a grant to one body: two such names differing anywhere are two bodies.
_BODY_GRANTS = ("交付金", "拠出金", "出資金", "補給金")
_MIN_FUZZY_LENGTH = 6


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one inserted, deleted or replaced character.

    >>> within_one_edit("貿易手続きデジタル化", "貿易手続デジタル化"), within_one_edit("ab", "ba")
    (True, False)
    """
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    for i, (ca, cb) in enumerate(zip(a, b, strict=False)):  # noqa: B007 - i is the first mismatch
        if ca != cb:
            break
    else:
        return True  # one is the other plus a last character
    return a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]


def _variants(key: str) -> set[str]:
    """The key and every string one deletion away from it (a symmetric-delete index)."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


class KeyIndex:
    """Project keys of the body, ready for exact and one-edit lookups.

    A plain scan compared every 推進枠 row with every key (quadratic in the document's size);
    the deletion index finds the few keys within one edit by hashing instead.
    """

    def __init__(self, keys: list[str]) -> None:
        self.keys = set(keys)
        self._by_variant: dict[str, set[str]] | None = None

    def _index(self) -> dict[str, set[str]]:
        if self._by_variant is None:
            self._by_variant = defaultdict(set)
            for key in self.keys:
                if any(word in key for word in _BODY_GRANTS):
                    continue  # a body's grant is never a fuzzy candidate
                for variant in _variants(key):
                    self._by_variant[variant].add(key)
        return self._by_variant

    def match(self, key: str) -> tuple[str | None, str, float]:
        """Best project key for a 推進枠 name: ``(key, "exact"|"fuzzy"|"none", score)``.

        Fuzzy means one inserted, deleted or replaced character (手続/手続き,
        強靱化/強化) in a name of six or more characters, and never between grants to
        two bodies (…機構運営費交付金).
        """
        if key in self.keys:
            return key, "exact", 1.0
        if len(key) < _MIN_FUZZY_LENGTH or any(word in key for word in _BODY_GRANTS):
            return None, "none", 0.0
        index = self._index()
        found = {c for v in _variants(key) for c in index.get(v, ()) if within_one_edit(key, c)}
        if len(found) != 1:  # none, or ambiguous: better no link than a wrong one
            return None, "none", 0.0
        (best,) = found
        return best, "fuzzy", round(1 - 1 / max(len(key), len(best)), 3)


def match_key(key: str, candidates: list[str]) -> tuple[str | None, str, float]:
    """:meth:`KeyIndex.match` against a list of keys.

    >>> match_key("貿易手続きデジタル化推進事業", ["貿易手続デジタル化推進事業"])[1:]
    ('fuzzy', 0.929)
    """
    return KeyIndex(candidates).match(key)
