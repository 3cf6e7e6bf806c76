"""One text normalizer (``dashboard.domain.text.normalize``): NFKC, no spaces, case-folded, everywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from dashboard.domain.text import Query, excerpt, normalize
from dashboard.views.years import account_key, match_sections

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＧＸ サプライチェーン", "gxサプライチェーン"),
        ("Ｇ Ｘ", "gx"),
        ("Straße", "strasse"),  # casefold, not lower()
        ("", ""),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_normalize(text, expected) -> None:
    assert normalize(text) == expected


def _documents() -> pd.DataFrame:
    return pd.DataFrame({"document_id": ["a", "b"], "request_fiscal_year": [2024, 2025]})


def test_years_matches_sections_and_accounts_whatever_the_case() -> None:
    """/years matches names as /search finds them: "ＧＸ" and "gx" are one section, one account."""
    sections = pd.DataFrame(
        {
            "document_id": ["a", "b"],
            "order": [1, 1],
            "name": ["ＧＸ 実現への投資", "gx実現への投資"],
            "theme_no": [None, None],
            "section_no": ["①", "①"],
            "request_oku": [10.0, 12.0],
            "base_oku": [8.0, 10.0],
        }
    )
    matched = match_sections(sections, _documents())
    assert len(matched) == 1 and matched["n_documents"].iloc[0] == 2
    assert account_key("ＸＹＺ 特別会計") == account_key("xyz特別会計")


def test_search_agrees() -> None:
    assert Query.parse("GX").matches(normalize("ｇｘ実現"))
    assert excerpt("ＧＸ実現への投資", Query.parse("gx"), 20) == "«ＧＸ»実現への投資"


def test_no_second_normalizer() -> None:
    """No dashboard module defines its own normalizer beside the one in domain/text.py."""
    found = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and "normaliz" in node.name:
                found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}: {node.name}")
    assert found == ["dashboard/domain/text.py:19: normalize"]
