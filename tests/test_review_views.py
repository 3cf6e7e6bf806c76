"""Issue 23, the project reviews beside the document: the /items review filter and columns, search in the
reviews' purposes and overviews, and the sentence for a document whose ministry the reference does not cover."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.domain import data
from dashboard.uploads import store as upload
from dashboard.views import items as it
from dashboard.views import reference as rv
from dashboard.views import search as sr
from dashboard.views import stages as sg
from tests.conftest import SHIPPED, open_app_page

# --- /items -----------------------------------------------------------------------------------------


def _project_links(tables: dict) -> pd.DataFrame:
    return it.review_summary(tables["review_links"])


def test_items_review_filter_unlinked_shows_only_unlinked_projects(tables) -> None:
    at = open_app_page("items", review="unlinked")
    shown = at.dataframe[0].value
    summary = _project_links(tables)
    unlinked = set(summary.index[~summary["linked"].astype(bool)])
    expected = tables["items"][tables["items"]["project_key"].isin(unlinked)]
    assert len(shown) == len(expected) > 0
    assert set(shown["レビュー対応"]) == {"対応なし"}
    assert set(shown["予算事業ID"]) == {""}
    assert "スタートアップ知財支援基盤整備事業" in set(shown["事業名"])
    assert "高温ガス炉実証炉開発事業" not in set(shown["事業名"])
    assert at.query_params["review"] == "unlinked"


def test_items_review_filter_linked_and_columns_in_english(tables) -> None:
    at = open_app_page("items", lang="en", review="linked")
    shown = at.dataframe[0].value
    row = shown[shown["Project"] == "高温ガス炉実証炉開発事業"].iloc[0]
    assert row["Review link"] == "same name" and row["Review project ID"] == "7141"
    assert "none" not in set(shown["Review link"])
    assert "スタートアップ知財支援基盤整備事業" not in set(shown["Project"])
    words = set(shown["Review link"])
    assert words <= {
        "same name",
        "same name once normalized",
        "one character differs",
        "part of a larger review record",
    } | {w for w in words if "(ambiguous: " in w}


def test_items_review_filter_ambiguous_names_every_candidate() -> None:
    at = open_app_page("items", lang="en", review="ambiguous")
    shown = at.dataframe[0].value
    row = shown[shown["Project"] == "クリーンエネルギー自動車導入促進補助金"].iloc[0]
    assert row["Review link"] == "same name (ambiguous: 2 records)"
    assert row["Review project ID"] == "6019, 7268"
    assert len(set(shown["Project"])) == 5  # the five projects whose name matches two records


def test_other_listings_show_their_primary_listings_link(tables) -> None:
    items = tables["items"]
    listing = items[(items["project_key"] == "GXサプライチェーン構築支援事業") & ~items["is_primary"]]
    assert len(listing) >= 1  # a re-listed row: it has no link of its own
    assert not (tables["review_links"]["item_id"].isin(listing["item_id"])).any()
    frame = it.listing_table(listing, tables["sections"], "ja", ("R6", "R5"), links=tables["review_links"])
    primary = _project_links(tables).loc["GXサプライチェーン構築支援事業"]
    assert primary["linked"] and primary["ids"]
    assert (frame["予算事業ID"] == primary["ids"]).all()
    assert (frame["レビュー対応"] == it.review_words(primary["match"], False, 1, "ja")).all()


def test_review_filter_is_in_the_csv_name_and_falls_back_on_garbage(tables) -> None:
    from dashboard.domain.csvout import csv_filename

    filters = it.Filters.from_values({"review": "unlinked", "primary": "1"}).csv_filters()
    assert csv_filename("items", filters).startswith("items_primary-1_review-unlinked_")
    at = open_app_page("items", review="everything")
    assert len(at.dataframe[0].value) == len(tables["items"])  # the default: every listing
    assert any("review" in w.value and "everything" in w.value for w in at.warning)


# --- search ---------------------------------------------------------------------------------------------


def test_search_finds_a_review_overview_after_the_documents_hits(tables) -> None:
    found = sr.hits(tables, "メタン熱分解")  # only in 高温ガス炉実証炉開発事業's review overview
    assert found["where"].tolist() == ["review_overview"]
    hit = found.iloc[0]
    assert hit["project_key"] == "高温ガス炉実証炉開発事業" and hit["review"] == (7141, 2025)
    assert "«メタン熱分解»" in hit["context"]

    both = sr.hits(tables, "高温ガス炉")  # the document's own hits first, then the review's
    wheres = both["where"].tolist()
    assert wheres[0] == "name" and {"review_purpose", "review_overview"} <= set(wheres)
    first_review = min(i for i, w in enumerate(wheres) if w.startswith("review_"))
    assert all(w.startswith("review_") for w in wheres[first_review:])


def test_search_page_marks_review_hits_and_links_the_project() -> None:
    at = open_app_page("search", lang="en", q="メタン熱分解")
    frame = at.dataframe[0].value
    assert frame["Matched in"].tolist() == ["review overview"]
    assert frame["Note"].tolist() == ["project review, ID 7141 (2025)"]
    assert any(s.value == "Project reviews that matched (1)" for s in at.subheader)
    assert any(c.value.startswith("review overview · project review, ID 7141") for c in at.caption)
    assert any("«メタン熱分解»" in e.value for e in at.text)


def test_search_review_text_is_never_markup(tables) -> None:
    hostile = dict(tables)
    records = tables["review_records"].copy()
    link = tables["review_links"].query("project_key == '高温ガス炉実証炉開発事業'").iloc[0]
    mine = (records["project_id"] == link["project_id"]) & (records["review_year"] == link["review_year"])
    records.loc[mine, "purpose"] = "**ゼータ炉** <script>alert(1)</script> [x](javascript:alert(1))"
    hostile["review_records"] = records
    view = sr.view(hostile, sr.Filters(q="ゼータ炉"), "ja")
    (hit,) = view.texts["reviews"]
    assert hit["context"].startswith("**«ゼータ炉»** <script>")  # kept as text, for prose.plain
    assert hit["where"] == "レビューの事業の目的"


# --- a document of a ministry the reference does not cover ----------------------------------------------


@pytest.fixture(scope="module")
def other_ministry(tables) -> dict:
    text = SHIPPED.read_bytes().replace("経済産業省".encode(), "厚生労働省".encode(), 1)
    uploaded = upload.parse_upload(text, "mhlw.txt")
    assert uploaded.tables["documents"]["ministry"].iloc[0] == "厚生労働省"
    return data.for_document(upload.merged(tables, [uploaded]), uploaded.document_id)


def test_other_ministry_says_so_on_the_quality_page_and_stages(other_ministry) -> None:
    view = rv.view(other_ministry, rv.Filters(), "en")
    assert view.texts["review_coverage"] == (
        "The project-review data has no records of 厚生労働省, so none of this document's projects can be linked."
    )
    assert view.texts["counts"]["linked"] == 0
    assert all("have no 厚生労働省 records for FY2023" in s for s in view.texts["sentences"])
    ja = rv.view(other_ministry, rv.Filters(), "ja")
    assert "厚生労働省の記録がないため" in ja.texts["review_coverage"]
    stages = sg.view(other_ministry, sg.Filters.from_values({}), "ja")
    assert not stages.texts["covered"] and stages.texts["note"] == "予算書のデータに厚生労働省の記録がありません。"
    items = it.view(other_ministry, it.Filters(review="linked"), "ja")
    assert items.texts["shown"] == 0


def test_shipped_document_needs_no_coverage_sentence(tables) -> None:
    assert rv.view(tables, rv.Filters(), "ja").texts["review_coverage"] is None
    later = tables["documents"].assign(request_fiscal_year=2026)
    sentence = rv.review_coverage(later, tables["review_records"], "en")
    assert sentence == (
        "The project-review data has 経済産業省's reviews of 2024, 2025; none of 2027, which covers FY2026, "
        "so the links use the nearest review year."
    )


def test_review_hits_in_english_have_no_untranslated_interface_text(tables) -> None:
    from tests.english_scan import page_texts, source_lines, source_strings, untranslated

    at = open_app_page("search", lang="en", q="高温ガス炉")
    assert any(s.value.startswith("Project reviews that matched") for s in at.subheader)
    # the query itself is echoed (the reader's own words): allowed, nothing else Japanese but the sources'
    assert untranslated(page_texts(at), source_strings(tables), source_lines(tables), ["高温ガス炉"]) == []
    at = open_app_page("items", lang="en", review="ambiguous")
    assert untranslated(page_texts(at), source_strings(tables), source_lines(tables), []) == []
