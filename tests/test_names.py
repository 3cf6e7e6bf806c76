"""Every heading and account of the shipped document has a reviewed English name."""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import name
from dashboard.i18n.names import NAMES_EN

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("sections", "pillar"),
        ("sections", "theme"),
        ("sections", "name"),
        ("accounts", "account"),
        ("accounts", "note"),
    ],
)
def test_document_headings_have_english_names(tables: dict, table: str, column: str) -> None:
    values = tables[table][column].dropna().unique()
    assert len(values) > 0
    missing = [v for v in values if v not in NAMES_EN]
    assert missing == []
    assert all(not JAPANESE.search(name(v, "en")) for v in values)


def test_names_stay_as_printed_in_japanese(tables: dict) -> None:
    for value in tables["sections"]["name"]:
        assert name(value, "ja") == value


def test_unknown_names_are_shown_as_printed() -> None:
    assert name("未知の事業", "en") == "未知の事業"
    assert name(None, "en") == ""
