"""The reference sources on the quality page and in a project's detail (AppTest, real data)."""

from __future__ import annotations

from dashboard.domain import reference as domain_reference
from dashboard.views import reference as rv
from tests.conftest import open_app_page


def test_quality_page_has_the_base_checks_with_a_sentence_each() -> None:
    at = open_app_page("quality")
    frames = [f.value for f in at.dataframe if "資料（億円）" in f.value.columns]
    assert len(frames) == 1
    checks = frames[0]
    assert len(checks) == 11
    by_status = dict(zip(checks.iloc[:, 0], checks["結果"], strict=True))
    assert by_status["一般会計"] == "丸めの範囲内" and by_status["特許特別会計"] == "丸めの範囲内"
    assert by_status["エネルギー対策特別会計"] == "比較不可"
    texts = [e.value for e in at.text]
    assert any(s.startswith("一般会計の2023年度当初予算: 資料は3,495.00億円、予算書は3,494.75億円") for s in texts)
    assert sum("2023年度当初予算" in s for s in texts) == 11  # one sentence per check


def test_quality_page_shows_the_link_rate_and_the_unlinked_projects(tables) -> None:
    at = open_app_page("quality", lang="en")
    counts = rv.link_counts(tables["review_links"])
    assert counts["total"] == 120 and counts["linked"] + counts["unlinked"] == 120
    rate = f"{counts['linked'] / counts['total']:.1%}"
    assert any(f"{counts['linked']} of 120 projects ({rate})" in m.value for m in at.markdown)
    unlinked = [f.value for f in at.dataframe if list(f.value.columns) == ["Project"]]
    assert len(unlinked) == 1 and len(unlinked[0]) == counts["unlinked"]
    assert "スタートアップ知財支援基盤整備事業" in set(unlinked[0]["Project"])


def test_project_detail_shows_its_review_record() -> None:
    at = open_app_page("items", project="高温ガス炉実証炉開発事業")
    bold = [m.value for m in at.markdown]
    assert any("予算事業ID 7141" in m for m in bold)
    texts = [e.value for e in at.text]
    assert any(t.startswith("局・庁: 資源エネルギー庁 · 事業区分: ") for t in texts)
    assert any(t.startswith("2050年のカーボンニュートラルの実現には") for t in texts)  # the purpose in full


def test_an_ambiguous_project_shows_both_records_and_says_so() -> None:
    at = open_app_page("items", project="クリーンエネルギー自動車導入促進補助金")
    assert any("2件の記録" in w.value for w in at.warning)
    bold = [m.value for m in at.markdown]
    assert any("予算事業ID 6019" in m for m in bold) and any("予算事業ID 7268" in m for m in bold)


def test_an_unlinked_project_says_so() -> None:
    at = open_app_page("items", project="スタートアップ知財支援基盤整備事業")
    assert any(c.value == "対応する行政事業レビューの記録はありません。" for c in at.caption)


def test_review_url_is_a_link_only_when_safe() -> None:
    assert domain_reference.review_url("https://www.meti.go.jp/main/yosangaisan/fy2025/pr/a.pdf")
    assert domain_reference.review_url("https://www.nedo.go.jp/activities/ZZJP_100196.html")
    for bad in ("https://evil.example/a.pdf", "http://www.meti.go.jp/a.pdf", "https://go.jp.evil.example/x", None):
        assert domain_reference.review_url(bad) is None
