"""Linking 重要政策推進枠 rows to the projects listed in the body."""

from __future__ import annotations

#: Words that name a grant to one body: two such names differing anywhere are two bodies.
_BODY_GRANTS = ("交付金", "拠出金", "出資金", "補給金")
_MIN_FUZZY_LENGTH = 6


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def match_key(key: str, candidates: list[str]) -> tuple[str | None, str, float]:
    """Best project key for a 推進枠 name: ``(key, "exact"|"fuzzy"|"none", score)``.

    Fuzzy means one inserted, deleted or replaced character (手続/手続き,
    強靱化/強化) in a name of six or more characters, and never between grants to
    two bodies (…機構運営費交付金).
    >>> match_key("貿易手続きデジタル化推進事業", ["貿易手続デジタル化推進事業"])[1:]
    ('fuzzy', 0.923)
    """
    if key in candidates:
        return key, "exact", 1.0
    if len(key) < _MIN_FUZZY_LENGTH or any(word in key for word in _BODY_GRANTS):
        return None, "none", 0.0
    best = [c for c in candidates if edit_distance(key, c, 1) <= 1 and not any(w in c for w in _BODY_GRANTS)]
    if len(best) != 1:  # none, or ambiguous: better no link than a wrong one
        return None, "none", 0.0
    return best[0], "fuzzy", round(1 - 1 / max(len(key), len(best[0])), 3)
