"""Projects page: filters, flags in words, a project's detail, CSV, and the page itself (AppTest)."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest

from dashboard.domain import listings
from dashboard.domain.csvout import to_csv_bytes
from dashboard.domain.format import md_escape
from dashboard.views import items as it
from tests.conftest import app_test, open_app_page

IPA = "独立行政法人情報処理推進機構運営費交付金"
GX_CHAIN = "GXサプライチェーン構築支援事業"
YEARS = ("令和6年度", "令和5年度")


def _row(items: pd.DataFrame, line: int) -> pd.Series:
    return items[items["source_line"] == line].iloc[0]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("GX サプライチェーン構築", 2),  # extraction space and full listing name
        ("ｇｘサプライチェーン構築", 2),  # full-width, lower case
        ("情報処理推進機構運営費", 3),
        ("", 158),
        ("存在しない事業", 0),
    ],
)
def test_search_ignores_width_case_and_spaces(tables: dict, q: str, expected: int) -> None:
    assert len(it.filter_items(tables["items"], q=q)) == expected


def test_filters_combine(tables: dict) -> None:
    items = tables["items"]
    gx_new = it.filter_items(items, accounts=["gx"], flags=["new"])
    assert len(gx_new) > 0
    assert (gx_new["account"] == "GX推進対策費").all() and gx_new["is_new"].all()
    assert it.filter_items(items, accounts=["nonsense"]).empty
    multiyear = it.filter_items(items, flags=["multiyear"])
    assert len(multiyear) == items["multiyear_oku"].notna().sum()
    # a row needs any of the chosen flags
    either = it.filter_items(items, flags=["relisted", "forward"])
    assert len(either) == (items["is_relisted"] | items["is_forward"]).sum()
    section = it.filter_items(items, sections=["p2"])
    assert set(section["section_id"]) == {"p2"}


def test_primary_gives_one_row_per_project(tables: dict) -> None:
    primary = it.filter_items(tables["items"], primary=True)
    assert primary["project_key"].is_unique
    assert not primary["is_relisted"].any() and not primary["is_reference"].any()


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        (49, "ja", "新規、国庫債務負担行為 5年 1,925億円"),
        (49, "en", "new, multi-year authority (5 years) ¥192.5 billion"),
        (139, "ja", "内数"),
        (156, "ja", "内数、再掲"),
        (156, "en", "part of a larger budget, re-listed"),
        (50, "ja", ""),
    ],
)
def test_flag_words(tables: dict, line: int, lang: str, expected: str) -> None:
    assert listings.flag_words(_row(tables["items"], line), lang) == expected


def test_reference_and_supplementary_base_in_words(tables: dict) -> None:
    items = tables["items"]
    reference = items[items["is_reference"] & (items["reference_basis"] == "R4補正")].iloc[0]
    assert "※参考 (R4補正)" in listings.flag_words(reference, "ja")
    supplementary = items[items["base_basis"].notna()].iloc[0]
    assert f"比較額は当初予算以外: 149億円（{supplementary['base_basis']}）" in listings.flag_words(supplementary, "ja")


def test_listing_table_numbers_and_partial_account(tables: dict) -> None:
    shown = it.listing_table(tables["items"], tables["sections"], "ja", YEARS)
    assert len(shown) == len(tables["items"])
    request = "令和6年度 要求額（億円）"
    assert shown[request].dtype == "float64"
    assert shown["会計"].str.endswith("（一部）").sum() == tables["items"]["account_partial"].sum()
    new = shown[shown["区分"].str.startswith("新規")]
    assert new["増減（億円）"].isna().all()  # no base, no change: not a change from zero
    assert "(1)① GXの実現とエネルギー安定供給の確保" in set(shown["項目"])
    english = it.listing_table(tables["items"], tables["sections"], "en", YEARS)
    assert "Accelerating Fukushima's reconstruction" in set(english["Section"])


def test_empty_selection_keeps_the_columns(tables: dict) -> None:
    empty = it.listing_table(tables["items"].iloc[0:0], tables["sections"], "en", YEARS)
    assert empty.empty and list(empty.columns)[:2] == ["Project", "令和6年度 request (100M yen)"]
    detail = it.listing_table(tables["items"].iloc[0:0], tables["sections"], "ja", YEARS, with_raw=True)
    assert next(iter(detail.columns)) == "行" and "原文" not in detail and "事業名" not in detail


def test_project_detail_parts(tables: dict) -> None:
    listings = it.project_listings(tables["items"], IPA)
    assert listings["source_line"].tolist() == [139, 156, 168]
    priority = it.project_priority(tables["priority_requests"], IPA, listings)
    assert priority["request_oku"].tolist() == [9.0]
    texts = it.detail_texts(listings, priority, "ja")
    assert texts == {
        "name": IPA,
        "request": "69億円（内数）",
        "base": "70億円（内数）",
        "base_label": "前年度当初予算額",
        "base_note": "",
        "listings": "3",
        "priority": "9億円",
    }
    assert len(it.project_policies(tables["policies"], listings)) == 3
    assert it.source_lines_text(listings).splitlines()[0].startswith("139 | - 独立行政法人情報処理推進機構")
    assert it.project_listings(tables["items"], "no such project").empty


def test_csv_of_filtered_rows(tables: dict) -> None:
    shown = it.listing_table(
        it.filter_items(tables["items"], q="GXサプライチェーン構築"), tables["sections"], "ja", YEARS
    )
    data = to_csv_bytes(shown)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith(
        "事業名,令和6年度 要求額（億円）,令和5年度 当初予算額（億円）,増減（億円）,当初予算以外の比較額（増減に含めない）,区分"
    )
    assert len(lines) == 3 and all(GX_CHAIN in line for line in lines[1:])


def test_md_escape_keeps_document_text_literal() -> None:
    assert md_escape("[link](http://x) *em*") == r"\[link\]\(http://x\) \*em\*"


# --- the page --------------------------------------------------------------------------


_page = partial(open_app_page, "items")


def test_page_lists_every_listing() -> None:
    at = _page()
    assert len(at.dataframe[0].value) == 158
    assert at.info  # no project chosen: the hint to select a row


@pytest.mark.parametrize(("key", "listed"), [(IPA, 3), (GX_CHAIN, 2)])
def test_page_project_detail_shows_every_listing(tables: dict, key: str, listed: int) -> None:
    at = _page(project=key)
    expected = tables["items"][tables["items"]["project_key"] == key]
    assert len(expected) == listed
    detail = at.dataframe[1].value
    assert len(detail) == listed
    assert detail["行"].tolist() == expected["source_line"].tolist()
    assert "原文" not in detail  # verbatim in the code block instead (the grid neutralizes "- …")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["記載箇所の数"] == str(listed)
    code = at.code[0].value
    assert all(str(line) in code for line in expected["source_line"])
    assert all(raw in code for raw in expected["raw"])


def test_page_ipa_priority_request() -> None:
    at = _page(project=IPA)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["重要政策推進枠の要望額"] == "9億円"
    assert any("要望額 9億円" in m.value for m in at.markdown)
    assert any("生成AI" in x.value for x in at.text)  # its policy paragraph


def test_page_filters_from_url(tables: dict) -> None:
    at = _page(account="gx", flag=["new", "multiyear"], primary="1")
    items = tables["items"]
    expected = items[
        (items["account"] == "GX推進対策費") & (items["is_new"] | items["multiyear_oku"].notna()) & items["is_primary"]
    ]
    assert len(at.dataframe[0].value) == len(expected) > 0
    assert at.query_params["account"] in ("gx", ["gx"])  # written back, not dropped


def test_page_bad_params_warn() -> None:
    at = _page(account="nonsense", flag="bogus", project="no such project")
    assert len(at.warning) >= 3
    assert len(at.dataframe[0].value) == 158


def test_page_english() -> None:
    at = app_test()
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/items.py")
    at.query_params["project"] = IPA
    at.run()
    assert not at.exception
    assert at.title[0].value == "Projects"
    assert list(at.dataframe[0].value.columns)[:2] == ["Project", "FY2024 request (100M yen)"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Priority-policy quota request"] == "¥900 million"


def test_multiyear_filter_totals_the_authority() -> None:
    """/items?flag=multiyear&primary=1 lists the 国庫債務負担行為 projects with their total, 11,265億円."""
    at = _page(flag="multiyear", primary="1")
    table = at.dataframe[0].value
    assert len(table) == 5
    assert table["国庫債務負担行為（億円）"].sum() == pytest.approx(11265.0)
    assert table["国庫債務負担行為（年）"].notna().all()
    assert any("1兆1,265億円" in c.value for c in at.caption)


def test_portion_figures_apart_from_counted_amounts(tables: dict) -> None:
    shown = it.listing_table(tables["items"], tables["sections"], "ja", YEARS)
    items = tables["items"]
    portion = items["is_portion"].to_numpy()
    assert shown.loc[portion, "令和6年度 要求額（億円）"].isna().all()
    # a ※ row's figure stays in the reference column (not this request's money at all)
    requested = (items["is_portion"] & ~items["is_reference"]).to_numpy()
    assert shown.loc[requested, "内数の額（合計に含めない、億円）"].notna().all() and requested.sum() == 8


@pytest.mark.parametrize(
    ("kwargs", "check"),
    [
        ({"exclude": ["new"]}, lambda rows: not rows["is_new"].any()),
        ({"has": ["base"]}, lambda rows: rows["base_oku"].notna().all() and not rows["base_is_portion"].any()),
        ({"counted": True}, lambda rows: rows["is_primary"].all() and not rows["is_portion"].any()),
    ],
)
def test_negative_and_has_filters(tables: dict, kwargs: dict, check) -> None:
    rows = it.filter_items(tables["items"], **kwargs)
    assert 0 < len(rows) < len(tables["items"]) and check(rows)


def test_counted_rows_add_up_to_the_listed_total(tables: dict) -> None:
    rows = it.filter_items(tables["items"], counted=True)
    assert rows["request_oku"].sum() == pytest.approx(18938.2)


def test_page_not_new_with_a_base_by_readable_section() -> None:
    at = _page(section="gx-energy", exclude="new", has="base")
    table = at.dataframe[0].value
    assert not at.warning and len(table) > 0
    assert not table["区分"].str.contains("新規").any()
    assert at.query_params["section"] in ("gx-energy", ["gx-energy"])
