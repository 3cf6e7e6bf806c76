"""Across years (/years): matching accounts, sections and projects of two documents, and the view."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from dashboard.domain.contract import View
from dashboard.views import years as yrs
from loaders.build import parse_sources
from tests.fixtures_years import (
    ACCOUNT_ROWS,
    CHANGED,
    DROPPED,
    EXTRA_ACCOUNT,
    NEW,
    NEXT_ID,
    RENAMED,
    SHIPPED,
    SHIPPED_ID,
    next_year_text,
    write_two_years,
)


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    raw = write_two_years(tmp_path_factory.mktemp("raw"))
    return parse_sources(sorted(raw.iterdir()))


def test_the_fixture_is_built_from_the_shipped_text_and_not_shipped() -> None:
    text = next_year_text()
    assert text.startswith("\n") or "令和7年度 経済産業省関係 概算要求等概要" in text.splitlines()[:5]
    assert DROPPED not in text and NEW[0] in text and RENAMED[1] in text and RENAMED[0] not in text
    shipped = sorted(p.name for p in (SHIPPED.parent).iterdir())
    assert shipped == [SHIPPED.name], "the shipped data stays the one real document"


def test_documents_are_ordered_oldest_first_with_their_years(two) -> None:
    assert yrs.ordered(two["documents"]) == [SHIPPED_ID, NEXT_ID]
    assert yrs.column_labels(two["documents"], "ja") == {SHIPPED_ID: "令和6年度", NEXT_ID: "令和7年度"}
    assert yrs.column_labels(two["documents"], "en") == {SHIPPED_ID: "FY2024", NEXT_ID: "FY2025"}


def test_two_documents_of_one_year_are_told_apart() -> None:
    docs = pd.DataFrame(
        {"document_id": ["a", "b"], "request_year_label": ["令和7年度"] * 2, "request_fiscal_year": [2025, 2025]}
    )
    assert yrs.column_labels(docs, "ja") == {"a": "令和7年度 (a)", "b": "令和7年度 (b)"}


def test_accounts_are_matched_by_the_registry_and_an_unknown_one_by_its_name(two) -> None:
    matched = yrs.match_accounts(two["accounts"], two["documents"]).set_index("account")
    general = matched.loc["一般会計"]
    assert general["how"] == yrs.REGISTRY and general["n_documents"] == 2
    assert general[f"request:{SHIPPED_ID}"] == 4286 and general[f"request:{NEXT_ID}"] == 4299
    extra = matched.loc[EXTRA_ACCOUNT[0]]
    assert extra["how"] == yrs.NAME and extra["n_documents"] == 1
    assert pd.isna(extra[f"request:{SHIPPED_ID}"]) and extra[f"request:{NEXT_ID}"] == EXTRA_ACCOUNT[1]
    assert matched.loc["経済産業省関連合計", f"request:{NEXT_ID}"] == 24640
    assert "2 兆 4,640 億円" in ACCOUNT_ROWS[1][1]
    # a うち row belongs to its account: その他 under 一般会計 is keyed with it
    assert "general/その他" in set(matched["key"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [("GX推進対策費", ("gx", "registry")), ("宇宙 特別会計", ("宇宙特別会計", "name")), ("", ("", "name"))],
)
def test_account_key(name, expected) -> None:
    assert yrs.account_key(name) == expected


def test_sections_are_matched_by_normalized_name(two) -> None:
    matched = yrs.match_sections(two["sections"], two["documents"])
    assert (matched["n_documents"] == 2).all()
    gx = matched[matched["name"] == "GXの実現とエネルギー安定供給の確保"].iloc[0]
    assert gx[f"request:{SHIPPED_ID}"] == 16241 and gx[f"request:{NEXT_ID}"] == 16254


def test_a_renamed_section_is_two_rows(two) -> None:
    sections = two["sections"].copy()
    renamed = (sections["document_id"] == NEXT_ID) & (sections["name"] == "経済安全保障の実現")
    sections.loc[renamed, "name"] = "経済安全保障の確保"
    matched = yrs.match_sections(sections, two["documents"])
    assert set(matched.loc[matched["n_documents"] == 1, "name"]) == {"経済安全保障の実現", "経済安全保障の確保"}


def test_projects_exact_fuzzy_new_and_dropped(two) -> None:
    projects = yrs.match_projects(two["items"], two["sections"], two["documents"]).set_index("name")
    changed = projects.loc[CHANGED[0]]
    assert changed["match"] == yrs.EXACT
    assert (changed[f"request:{SHIPPED_ID}"], changed[f"request:{NEXT_ID}"]) == (CHANGED[1][0], CHANGED[2][0])
    renamed = projects.loc[RENAMED[1]]
    assert renamed["match"] == yrs.FUZZY and renamed["names"] == f"{RENAMED[0]} → {RENAMED[1]}"
    assert renamed["score"] == pytest.approx(0.941)
    assert renamed[f"request:{SHIPPED_ID}"] == 158 and renamed[f"request:{NEXT_ID}"] == 158
    assert projects.loc[NEW[0], "match"] == yrs.ONLY and projects.loc[DROPPED, "match"] == yrs.ONLY
    counts = projects["match"].value_counts().to_dict()
    assert counts == {yrs.EXACT: len(projects) - 3, yrs.FUZZY: 1, yrs.ONLY: 2}
    new, dropped = yrs.new_and_dropped(projects.reset_index(), SHIPPED_ID, NEXT_ID)
    assert new["name"].tolist() == [NEW[0]] and dropped["name"].tolist() == [DROPPED]


def test_fuzzy_never_links_two_bodies_grants() -> None:
    docs = pd.DataFrame(
        {
            "document_id": ["a", "b"],
            "request_fiscal_year": [2024, 2025],
        }
    )
    items = pd.DataFrame(
        {
            "document_id": ["a", "b"],
            "project_key": ["産業技術総合研究所運営費交付金", "産業技術総合研究所運営費交付金等"],
            "name": ["産業技術総合研究所運営費交付金", "産業技術総合研究所運営費交付金等"],
            "is_primary": [True, True],
            "order": [1, 1],
            "section_id": ["s", "s"],
            "request_oku": [1.0, 2.0],
            "base_oku": [1.0, 1.0],
            "base_basis": [None, None],
            "is_new": [False, False],
            "is_portion": [True, True],
        }
    )
    projects = yrs.match_projects(items, pd.DataFrame(), docs)
    assert projects["match"].tolist() == [yrs.ONLY, yrs.ONLY]


def test_history_has_each_documents_request_and_base(two) -> None:
    projects = yrs.match_projects(two["items"], two["sections"], two["documents"])
    rows = yrs.history(projects, CHANGED[0], two["documents"])
    assert rows[["request_fiscal_year", "request_oku", "base_fiscal_year", "base_oku"]].values.tolist() == [
        [2024, 32.0, 2023, 8.0],
        [2025, 45.0, 2024, 30.0],
    ]
    figure = yrs.history_figure(rows, CHANGED[0], "ja")
    assert [trace.type for trace in figure.data] == ["scatter", "scatter"]
    base, request = figure.data
    assert list(request.x) == ["令和6年度", "令和7年度"] and list(request.y) == [32.0, 45.0]
    assert list(base.x) == ["令和5年度", "令和6年度"] and list(base.y) == [8.0, 30.0]
    assert list(yrs.history_figure(rows, CHANGED[0], "en").data[1].y) == [3.2, 4.5]  # ¥ billion


def test_view_with_default_filters(two) -> None:
    specs = yrs.specs(two)
    filters = yrs.Filters.from_values({s.key: s.default for s in specs})
    assert (filters.older, filters.newer) == (SHIPPED_ID, NEXT_ID)
    result = yrs.view(two, filters, "ja")
    assert isinstance(result, View)
    texts = result.texts
    assert (texts["n_new"], texts["n_dropped"], texts["n_fuzzy"]) == (1, 1, 1)
    assert texts["project"] == CHANGED[0] and texts["project_suggested"]  # the largest change: 32 → 45
    assert texts["total_change"] == "+25億円"
    new = result.tables["new"].frame
    assert new.iloc[0].tolist()[0] == NEW[0] and new.iloc[0]["要求額（億円）"] == NEW[1]
    projects = result.tables["projects"].frame.set_index("事業")
    assert projects.loc[CHANGED[0], "増減 令和6年度→令和7年度（億円）"] == 13.0
    assert projects.loc[RENAMED[1], "照合"] == "あいまい一致（1文字違い）"
    assert {t.csv for t in result.tables.values()} == {
        "years_accounts",
        "years_sections",
        "years_projects",
        "years_new",
        "years_dropped",
        "years_history",
    }


@pytest.mark.parametrize(
    ("values", "shown"),
    [({"q": "太陽光"}, {RENAMED[1]}), ({"match": "fuzzy"}, {RENAMED[1]}), ({"match": "only"}, {NEW[0], DROPPED})],
)
def test_project_filters(two, values, shown) -> None:
    result = yrs.view(two, yrs.Filters.from_values(values), "ja")
    names = set(result.tables["projects"].frame["事業"])
    assert shown <= names and (values.get("q") or len(names) == len(shown))


def test_a_chosen_project_and_older_equal_newer(two) -> None:
    result = yrs.view(two, yrs.Filters(older=NEXT_ID, newer=NEXT_ID, project=RENAMED[1]), "en")
    assert (result.texts["older_id"], result.texts["newer_id"]) == (SHIPPED_ID, NEXT_ID)
    history = result.tables["history"].frame
    assert history["Request (100M yen)"].tolist() == [158.0, 158.0]
    assert not result.texts["project_suggested"]


def test_one_document_says_so(tables) -> None:
    result = yrs.view(tables, yrs.Filters(), "ja")
    assert result.texts == {"documents": 1} and not result.tables


def test_three_documents_one_project_renamed_and_back(tmp_path: Path, two) -> None:
    # 令和6 name, 令和7 one character more, 令和8 the 令和6 name again: one project in three documents.
    raw = write_two_years(tmp_path / "raw")
    text = next_year_text().replace("令和7年度", "令和8年度").replace("令和6年度 当初", "令和7年度 当初")
    (raw / "meti_r8.txt").write_text(text.replace("需要家主導型", "需要家主導"), encoding="utf-8")
    three = parse_sources(sorted(raw.iterdir()))
    projects = yrs.match_projects(three["items"], three["sections"], three["documents"])
    row = projects[projects["group"] == RENAMED[0]]
    assert len(row) == 1 and row.iloc[0]["n_documents"] == 3 and row.iloc[0]["match"] == yrs.FUZZY
    assert row.iloc[0]["names"] == f"{RENAMED[0]} → {RENAMED[1]}"  # printed names, oldest first, each once


def test_a_project_missing_from_the_middle_document_is_exact_across_the_gap(tmp_path: Path) -> None:
    raw = write_two_years(tmp_path / "raw")
    text = next_year_text().replace("令和7年度", "令和8年度").replace("令和6年度 当初", "令和7年度 当初")
    (raw / "meti_r8.txt").write_text(text + "", encoding="utf-8")
    middle = next_year_text()
    assert f"{NEW[0]}【" in middle
    (raw / f"{NEXT_ID}.txt").write_text(
        "\n".join(line for line in middle.splitlines() if CHANGED[0] not in line) + "\n", encoding="utf-8"
    )
    three = parse_sources(sorted(raw.iterdir()))
    projects = yrs.match_projects(three["items"], three["sections"], three["documents"])
    row = projects[projects["group"] == CHANGED[0]].iloc[0]
    assert row["n_documents"] == 2 and row["match"] == yrs.EXACT and pd.isna(row[f"request:{NEXT_ID}"])


# --- the app with both documents (AppTest) ------------------------------------------------

from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard.registry import PAGES  # noqa: E402
from tests.conftest import app_test  # noqa: E402


@pytest.fixture
def two_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path_factory.getbasetemp() / "years-app"
    if not root.exists():
        write_two_years(root / "raw")
    monkeypatch.setenv("BUDGET_RAW_DIR", str(root / "raw"))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(root / "out"))


def _run(script: str | None = None, **params: str) -> AppTest:
    at = app_test()
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if script:
        at.switch_page(f"pages/{script}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("info", [p for p in PAGES if p.script != "years"], ids=lambda p: p.script)
def test_every_page_names_its_document(two_dirs, info) -> None:
    at = _run(info.script)
    assert at.caption[0].value == (
        "表示中の資料: 令和7年度 経済産業省関係 概算要求等概要（令和7年度 概算要求 / 令和6年度 当初予算との比較）"
    )
    at = _run(info.script, doc=SHIPPED_ID, lang="en")
    assert at.caption[0].value.startswith(
        "Document shown: 令和6年度 経済産業省関係 概算要求等概要 (FY2024 request vs FY2023"
    )
    assert at.query_params["doc"] == SHIPPED_ID  # kept on every page


def test_years_page_with_two_documents(two_dirs) -> None:
    at = _run("years")
    assert at.title[0].value == "年度比較（資料ごとの概算要求）"
    assert not any(c.value.startswith("表示中の資料") for c in at.caption)  # every document is on screen
    assert at.info[0].value.startswith(
        "令和6年度 → 令和7年度: 新規に掲載 1 事業（要求 計 50億円）、掲載がなくなった 1 事業"
    )
    # issue 24: the projects' changes come first (table 0, chart 0), then the history
    history = at.dataframe[1].value
    assert history["概算要求額（億円）"].tolist() == [32.0, 45.0] and history["当初予算額（億円）"].tolist() == [
        8.0,
        30.0,
    ]
    assert at.dataframe[2].value["事業"].tolist() == [NEW[0]]
    assert at.dataframe[3].value["事業"].tolist() == [DROPPED]
    chart = at.get("plotly_chart")[1].proto.spec
    assert '"令和6年度","令和7年度"' in chart.replace(" ", "")

    at = _run("years", project=RENAMED[1], match="fuzzy")
    assert at.dataframe[1].value["概算要求額（億円）"].tolist() == [158.0, 158.0]
    projects = at.dataframe[0].value
    assert projects["事業"].tolist() == [RENAMED[1]] and projects["照合"].tolist() == ["あいまい一致（1文字違い）"]
    assert at.query_params["project"] == RENAMED[1] and at.query_params["match"] == "fuzzy"


@pytest.mark.parametrize("params", [{}, {"project": "廃炉・汚染水・処理水対策事業"}, {"q": "gx"}])
def test_years_page_in_english_has_no_japanese_interface_text(two_dirs, params: dict) -> None:
    from tests.english_scan import BILINGUAL, page_texts, source_lines, source_strings, untranslated

    at = _run("years", lang="en", **params)
    assert at.title[0].value == "Across years: the requests document by document"
    raw = Path(os.environ["BUDGET_RAW_DIR"])
    tables = parse_sources(sorted(raw.iterdir()))
    allowed = [*source_strings(tables), *BILINGUAL]
    assert untranslated(page_texts(at), allowed, source_lines(tables)) == []


def test_a_link_to_years_with_one_document_says_why_it_is_empty() -> None:
    # Out of the navigation then (the browser test checks the sidebar), but a link still opens.
    at = _run("years")
    assert at.info[0].value.startswith("年度比較には資料が2件以上必要です（いまは 1 件）")


def _pair(old: str, new: str) -> pd.DataFrame:
    docs = pd.DataFrame({"document_id": ["a", "b"], "request_fiscal_year": [2024, 2025]})
    items = pd.DataFrame(
        {
            "document_id": ["a", "b"],
            "project_key": [old, new],
            "name": [old, new],
            "is_primary": [True, True],
            "order": [1, 1],
            "section_id": ["s", "s"],
            "request_oku": [1.0, 2.0],
            "base_oku": [1.0, 1.0],
            "base_basis": [None, None],
            "is_new": [False, False],
            "is_portion": [False, False],
        }
    )
    return yrs.match_projects(items, pd.DataFrame(), docs)


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("貿易手続デジタル化推進事業", "貿易手続きデジタル化推進事業", yrs.FUZZY),  # a kana added
        (
            "蓄電池の製造サプライチェーン強靱化支援事業",
            "蓄電池の製造サプライチェーン強靭化支援事業",
            yrs.FUZZY,
        ),  # 靱/靭
        ("中小企業等エネルギー利用最適化推進事業費", "中小企業等エネルギー利用最適化推進事業", yrs.FUZZY),  # 費 dropped
        # What the one-edit rule misses (two projects, each "only"): say so rather than guess.
        ("省エネルギー設備導入補助金", "省エネルギー設備導入補助事業", yrs.ONLY),  # two characters
        ("水素・アンモニア供給基盤整備事業", "アンモニア・水素供給基盤整備事業", yrs.ONLY),  # words reordered
        ("AI事業", "AI事業費", yrs.ONLY),  # under six characters
        ("情報処理推進機構運営費交付金", "情報通信研究機構運営費交付金", yrs.ONLY),  # two bodies' grants
    ],
)
def test_what_the_fuzzy_match_finds_and_misses(old, new, kind) -> None:
    projects = _pair(old, new)
    assert set(projects["match"]) == {kind}


# --- one text normalizer, empty inputs ------------------------------------------------------


@pytest.mark.parametrize("q", ["gx", "ＧＸ", "Gx サプライ", "ｻﾌﾟﾗｲﾁｪｰﾝ"])
def test_years_search_finds_what_items_finds(two, q: str) -> None:
    from dashboard.views import items as it

    newest = two["items"][two["items"]["document_id"] == NEXT_ID]
    found_items = set(it.filter_items(newest, q=q, primary=True)["name"])
    view = yrs.view(two, yrs.Filters(q=q), "ja")
    found_years = set(view.tables["projects"].frame["事業"])
    assert found_items, q
    # The same normalizer (NFKC, no spaces, case-folded); words apart may also match separately.
    assert found_years >= found_items
    if " " not in q:
        assert found_years == found_items


def test_years_search_for_gx_is_not_case_sensitive(two) -> None:
    lower = yrs.view(two, yrs.Filters(q="gx"), "ja").texts["n_shown"]
    assert lower == yrs.view(two, yrs.Filters(q="GX"), "ja").texts["n_shown"] > 0


@pytest.mark.parametrize("empty", ["accounts", "sections", "items"])
def test_empty_inputs_never_raise(two, empty: str) -> None:
    tables = dict(two) | {empty: two[empty].iloc[0:0]}
    assert yrs.match_accounts(tables["accounts"], tables["documents"]).shape[0] == len(tables["accounts"]) * 0 + (
        0 if empty == "accounts" else len(yrs.match_accounts(two["accounts"], two["documents"]))
    )
    view = yrs.view(tables, yrs.Filters(q="  "), "en")
    assert isinstance(view, View)


def test_a_document_id_in_the_pair_sentence_is_literal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents of one year are told apart by their ids (file names): Markdown in one stays text."""
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SHIPPED.read_text(encoding="utf-8")
    (raw / "meti.txt").write_text(text, encoding="utf-8")
    (raw / "__x__.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("BUDGET_RAW_DIR", str(raw))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(tmp_path / "out"))
    at = _run("years", older="__x__", newer="meti")
    assert at.info[0].value.startswith("令和6年度 \\(\\_\\_x\\_\\_\\) → 令和6年度 \\(meti\\)"), at.info[0].value
