"""Glossary: every term the issue names, in both languages, with how the dashboard treats it."""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import TEXT
from dashboard.views import glossary as gl
from tests.conftest import app_test

REQUIRED = (
    "概算要求",
    "当初予算",
    "補正予算",
    "新規",
    "内数",
    "再掲",
    "後掲",
    "※参考",
    "国庫債務負担行為",
    "事項要求",
    "重要政策推進枠",
    "一般会計",
    "エネルギー対策特別会計",
    "GX推進対策費",
    "特許特別会計",
    "東日本大震災復興特別会計",
    "億円",
    "兆円",
)


@pytest.mark.parametrize("word", REQUIRED)
def test_required_terms_present(word: str) -> None:
    assert any(word in term.ja for term in gl.TERMS)


@pytest.mark.parametrize("term", gl.TERMS, ids=lambda term: term.id)
def test_each_term_explained_in_both_languages(term: gl.Term) -> None:
    for part in ("meaning", "treat"):
        entry = TEXT[f"gl.{term.id}.{part}"]
        assert entry["ja"].strip() and entry["en"].strip()
    assert term.en and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", term.en)


def test_counts_come_from_the_document(tables: dict) -> None:
    counts = gl.counts(tables["items"], tables["priority_requests"], tables["matter_requests"])
    assert counts["shinki"] == tables["items"]["is_new"].sum() == 25
    assert counts["naisu"] == tables["items"]["is_portion"].sum()
    assert counts["suishin"] == len(tables["priority_requests"]) == 71
    assert counts["jiko"] == len(tables["matter_requests"])
    assert sum(counts[f"acc_{code}"] for code in ("general", "energy", "gx", "patent", "reconstruction")) == len(
        tables["items"]
    )


@pytest.mark.parametrize(("q", "ids"), [("内数", {"naisu"}), ("ｍｕｌｔｉ－ｙｅａｒ", {"kokusai"}), ("zzz", set())])
def test_search(tables: dict, q: str, ids: set[str]) -> None:
    years = gl.document_years(tables["documents"].iloc[0])
    found = {term.id for term in gl.search(gl.TERMS, q, "en", years)}
    assert ids <= found if ids else not found
    assert len(found) < len(gl.TERMS) // 2  # a search narrows: returning every term would not pass


def test_years_come_from_the_document(tables: dict) -> None:
    years = gl.document_years(tables["documents"].iloc[0])
    term = next(term for term in gl.TERMS if term.id == "gaisan")
    assert "令和6年度（2024年度）" in gl.explain(term, "ja", years)[0]
    assert "FY2024" in gl.explain(term, "en", years)[0]


def test_page_lists_every_term() -> None:
    at = app_test()
    at.switch_page("pages/glossary.py")
    at.run()
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert len(headings) == len(gl.TERMS)
    for word in REQUIRED:
        assert any(word in heading for heading in headings), word
    assert "新規 — new" in headings
    assert "この資料では 25 件" in [c.value for c in at.caption]


def test_page_search_and_english() -> None:
    at = app_test()
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/glossary.py")
    at.query_params["q"] = "内数"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Glossary"
    headings = [s.value for s in at.subheader]
    assert "内数 — part of a larger budget" in headings and len(headings) < len(gl.TERMS)
    assert any(m.value.startswith("**In this dashboard**: Never added") for m in at.markdown)
