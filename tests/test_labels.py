"""Year and section labels shared by the pages."""

from __future__ import annotations

from dashboard.domain.labels import section_labels, year_labels


def test_year_labels_follow_the_document_and_the_language(tables: dict) -> None:
    assert year_labels(tables["documents"], "ja") == ("令和6年度", "令和5年度")
    assert year_labels(tables["documents"], "en") == ("FY2024", "FY2023")


def test_section_labels_are_unique_and_carry_theme_and_section_numbers(tables: dict) -> None:
    labels = section_labels(tables["sections"], "ja")
    assert len(labels) == 10 and len(set(labels.values())) == 10
    assert labels["p1-t1-s1"] == "(1)① GXの実現とエネルギー安定供給の確保"
    assert labels["p1-t2-s1"] == "(2)① スタートアップ育成・新陳代謝の促進"
    assert labels["p2"] == "福島復興の更なる加速"
    english = section_labels(tables["sections"], "en")
    assert english["p2"] == "Accelerating Fukushima's reconstruction"
    assert list(labels) == list(english)
