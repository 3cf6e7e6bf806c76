"""Issue 24: each search hit says what matched, and name hits come first.

サイバー is in four projects' names and in a paragraph over twelve projects (産総研 and ポスト5G among
them, whose names do not hold it); 大阪 only in paragraphs (over 無人自動運転…) and a 事項要求;
伝統的工芸品 only in the 推進枠 list, with no project in the main text.
"""

from __future__ import annotations

import urllib.parse

import pytest

from dashboard.views import search as sr
from tests.conftest import open_app_page

AIST = "国立研究開発法人産業技術総合研究所運営費交付金"
POST5G = "ポスト5G情報通信システム基盤強化研究開発事業"
CYBER_NAMES = [
    "量子・古典ハイブリッド技術のサイバー・フィジカル開発事業",
    "産業サイバーセキュリティ強靱化事業",
    "サイバーセキュリティ経済基盤構築事業",
    "サプライチェーン・中小企業サイバーセキュリティ対策促進事業",
]
AUTONOMOUS = "無人自動運転等のCASE対応に向けた実証・支援事業"
KOGEI = "伝統的工芸品産業振興補助金"


def _where(found) -> list[str]:
    """Where the document's own text matched (the project reviews' hits, issue 23, come after them)."""
    return [w for w in found["where"] if not w.startswith("review_")]


def test_cyber_names_are_name_hits_and_the_paragraphs_projects_are_not(tables: dict) -> None:
    found = sr.hits(tables, "サイバー")
    names = found[found["where"] == "name"]
    assert names["label"].tolist() == CYBER_NAMES
    assert AIST not in set(found["label"]) and POST5G not in set(found["label"])
    paragraph = found[found["where"] == "policy"]
    assert len(paragraph) == 1  # one hit for the paragraph, not one per project under it
    under = [n for _, n, _ in paragraph["projects"].iloc[0]]
    assert AIST in under and POST5G in under and len(under) == 12
    # name hits first, then the paragraph, then the 推進枠 requests
    assert _where(found) == ["name"] * 4 + ["policy"] + ["priority"] * 3
    view = sr.view(tables, sr.Filters(q="サイバー"), "ja")
    assert [n for _, n in view.texts["projects"]] == CYBER_NAMES


def test_osaka_is_no_project_hit(tables: dict) -> None:
    found = sr.hits(tables, "大阪")
    own = found[~found["where"].str.startswith("review_")]
    assert "name" not in set(found["where"]) and own["project_key"].isna().all()
    assert _where(found) == ["policy", "policy", "matter"]
    under = {n for listed in found["projects"] for _, n, _ in listed}
    assert AUTONOMOUS in under  # listed under the paragraph that mentions 大阪圏, never as a hit of its own
    assert sr.view(tables, sr.Filters(q="大阪"), "ja").texts["projects"] == []


def test_a_priority_only_hit_links_to_the_priority_page(tables: dict) -> None:
    found = sr.hits(tables, "伝統的工芸品")
    assert _where(found) == ["priority"] and found["label"].tolist() == [KOGEI]
    assert found["project_key"].isna().all() and found["priority_oku"].tolist() == [0.5]
    assert sr.view(tables, sr.Filters(q=" 伝統的工芸品 "), "ja").texts["priority"] == {"q": "伝統的工芸品"}


@pytest.mark.parametrize(
    ("query", "labels", "section"),
    [
        ("エコシステム", ["(2)② イノベーションエコシステムの構築"], "p1-t2-s2"),
        ("有志国連携", ["(4) 有志国連携による産業政策・経済安全保障"], None),
        ("福島復興", ["最重要課題：福島復興の更なる加速", "福島復興の更なる加速"], "p2"),
    ],
)
def test_headings_are_searched(tables: dict, query: str, labels: list[str], section: str | None) -> None:
    found = sr.hits(tables, query)
    headings = found[found["where"] == "heading"]
    assert headings["label"].tolist() == labels
    assert headings["section_id"].iloc[-1] == section if section else headings["section_id"].isna().all()
    assert "heading" in set(sr.view(tables, sr.Filters(q=query), "en").tables["hits"].frame["Matched in"])


def test_the_page_links_the_priority_hit_with_the_query_and_language() -> None:
    at = open_app_page("search", "en", q="伝統的工芸品")
    links = [(link.proto.page, urllib.parse.parse_qs(link.proto.query_string)) for link in at.get("page_link")]
    priority = [query for page, query in links if "priority" in page]
    assert priority == [{"q": ["伝統的工芸品"], "lang": ["en"]}]
    assert [s.value for s in at.subheader] == ["Priority-policy quota requests that matched (1)"]


def test_the_page_lists_paragraph_projects_under_the_paragraph_once() -> None:
    at = open_app_page("search", None, q="サイバー")
    assert [s.value for s in at.subheader][:3] == [
        "事業名に一致した事業（4件）",
        "施策の説明文に一致（1件）",
        "重要政策推進枠の要望に一致（3件）",
    ]
    assert at.dataframe[0].value["一致した箇所"].tolist()[:5] == ["事業名"] * 4 + ["施策の説明文"]
    labels = [link.proto.label for link in at.get("page_link")]
    assert labels.count("ポスト5G情報通信システム基盤強化研究開発事業（再掲、※参考）") == 1
