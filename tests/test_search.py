"""Search across the document (issue 11): matching, the hits and where they are, the page."""

from __future__ import annotations

import doctest
import io
import urllib.parse

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.domain import text as tx
from dashboard.domain.csvout import csv_filename, to_csv_bytes
from dashboard.views import priority as pr
from dashboard.views import search as sr
from tests.conftest import SHIPPED, open_app_page

#: The projects listed under the policy paragraph holding サイバー対処能力 (source lines 143-156 of
#: the shipped text: the paragraph on 143-144, the listings on 145-156).
CYBER_PROJECTS = [
    "IoT社会実現に向けた次世代人工知能・センシング等中核技術開発",
    "生成AIに係る情報処理基盤産業振興事業",
    "量子・古典ハイブリッド技術のサイバー・フィジカル開発事業",
    "地域の中堅・中核企業の経営力向上支援事業",
    "国立研究開発法人産業技術総合研究所運営費交付金",
    "経済環境変化に応じた重要物資サプライチェーン強靱化支援事業",
    "ポスト5G情報通信システム基盤強化研究開発事業",
    "規制改革推進のための国際連携事業",
    "産業サイバーセキュリティ強靱化事業",
    "サイバーセキュリティ経済基盤構築事業",
    "サプライチェーン・中小企業サイバーセキュリティ対策促進事業",
    "独立行政法人情報処理推進機構運営費交付金",
]


# ---------------------------------------------------------------- matching and marking


def test_doctests() -> None:
    for module in (tx, pr):
        assert doctest.testmod(module).failed == 0


def test_priority_uses_the_shared_matching() -> None:
    assert pr.name_matches is tx.name_matches
    assert not hasattr(pr, "_normalize_copy")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＧＸ サプライ", "gxサプライ"),
        ("ｻｲﾊﾞｰ対処", "サイバー対処"),
        ("  ", ""),
        ("", ""),
        (None, ""),
        ("Ａ\tb\u3000C", "abc"),
    ],
)
def test_normalize(text: str | None, expected: str) -> None:
    assert tx.normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "query", "spans"),
    [
        ("サイバー対処能力の向上", "サイバー対処能力", [(0, 8)]),
        ("サイバー 対処能力", "サイバー対処", [(0, 7)]),  # a space inside the document's text
        ("ｻｲﾊﾞｰ対処", "サイバー", [(0, 5)]),  # half-width: five characters, one match
        ("GXサプライチェーン", "ｇｘ　サプライ", [(0, 6)]),
        ("中小企業の支援と中小企業", "中小企業", [(0, 4), (8, 12)]),
        ("中小企業の支援", "支援 中小", [(0, 2), (5, 7)]),  # words apart, each marked
        ("中小企業の支援", "存在しない", []),
        ("中小企業", "", []),
        ("", "中小", []),
    ],
)
def test_match_spans(text: str, query: str, spans: list[tuple[int, int]]) -> None:
    assert tx.match_spans(text, query) == spans


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("短い文", "文", "短い«文»"),
        ("**太字** [link](http://x)", "太字", "**«太字»** [link](http://x)"),  # never Markdown: as printed
        ("<b>x</b>", "x", "<b>«x»</b>"),
        ("一行目\n二行目", "二行", "一行目 «二行»目"),
        ("あ" * 100 + "対象" + "い" * 100, "対象", "…" + "あ" * 40 + "«対象»" + "い" * 40 + "…"),
    ],
)
def test_excerpt(text: str, query: str, expected: str) -> None:
    assert tx.excerpt(text, query) == expected


def test_excerpt_window_before_and_after() -> None:
    text = "あ" * 100 + "対象" + "い" * 100 + "対象"
    assert tx.excerpt(text, "対象", 5, before=2) == "…ああ«対象»いいいいい…"
    assert tx.excerpt("対象" + "い" * 3, "対象", 5, before=2) == "«対象»いいい"


def test_folding_agrees_with_normalize_on_every_document_text(tables: dict) -> None:
    texts = [
        *tables["policies"]["text"],
        *tables["items"]["name"],
        *tables["items"]["raw"],
        *tables["priority_requests"]["name"],
        *tables["matter_requests"]["text"],
        *tables["accounts"]["note"].dropna(),
    ]
    assert len(texts) > 400
    for text in texts:
        assert tx._folded(text)[0] == tx.normalize(text), text


# ---------------------------------------------------------------- hits


def test_the_cyber_paragraph_is_where_the_shipped_text_has_it(tables: dict) -> None:
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    assert "サイバー対処能力" in lines[144 - 1]
    listed = [tx.normalize(line) for line in lines[145 - 1 : 156]]
    for name, line in zip(CYBER_PROJECTS, listed, strict=True):
        assert tx.normalize(name) in line


def test_a_policy_paragraph_is_one_hit_with_its_projects_beside_it(tables: dict) -> None:
    # issue 24: one row for the paragraph, not one per project under it (they are not about the words)
    found = sr.hits(tables, "サイバー対処能力")
    assert found["where"].tolist() == ["policy"] and found["label"].tolist() == [""]
    assert found["source_line"].tolist() == [143] and found["project_key"].isna().all()
    assert "«サイバー対処能力»" in found["context"].iloc[0]
    listed = found["projects"].iloc[0]
    assert [n for _, n, _ in listed] == CYBER_PROJECTS
    keys = dict(zip(tables["items"]["name"], tables["items"]["project_key"], strict=False))
    assert [k for k, _, _ in listed] == [keys[n] for n in CYBER_PROJECTS]
    # the marks are those of the listing under this paragraph
    assert dict((n, f) for _, n, f in listed)["独立行政法人情報処理推進機構運営費交付金"] == ("relisted",)


@pytest.mark.parametrize("query", ["ｻｲﾊﾞｰ対処能力", "サイバー 対処 能力", "サイバー対処能力 ", "サイバー　対処能力"])
def test_width_and_spaces_do_not_matter(tables: dict, query: str) -> None:
    assert [n for _, n, _ in sr.hits(tables, query)["projects"].iloc[0]] == CYBER_PROJECTS


def test_where_each_hit_matched(tables: dict) -> None:
    cyber = sr.hits(tables, "サイバーセキュリティ")
    by_where = cyber.groupby("where")["label"].apply(list).to_dict()
    assert by_where["name"] == [
        "産業サイバーセキュリティ強靱化事業",
        "サイバーセキュリティ経済基盤構築事業",
        "サプライチェーン・中小企業サイバーセキュリティ対策促進事業",
    ]
    assert len(by_where["priority"]) == 3
    priority = cyber[cyber["where"] == "priority"].set_index("label")
    assert priority.at["産業サイバーセキュリティ強靱化事業", "priority_oku"] == 5
    assert priority.at["産業サイバーセキュリティ強靱化事業", "project_request_oku"] == 28
    # a note: the account's note, and an amount on a project's line (not in its name)
    note = sr.hits(tables, "1兆8691億円")
    assert note["where"].tolist() == ["note"] and note["label"].tolist() == ["GX推進対策費"]
    line = sr.hits(tables, "2,034億円")
    assert set(line["where"]) == {"note"} and "GX分野のディープテック・スタートアップ支援事業" in set(line["label"])
    assert line["context"].str.contains(r"«2,034 ?億円»").all()
    matter = sr.hits(tables, "総合的な防衛力")
    assert matter["where"].tolist() == ["matter"] and matter["project_key"].isna().all()
    assert matter["label"].tolist() == ["総合的な防衛力の強化に資する研究開発"]
    expo = sr.hits(tables, "万博")  # a topic that is both a 事項要求 and in policy paragraphs
    assert {"matter", "policy"} <= set(expo["where"])
    transfer = sr.hits(tables, "特別会計へ繰入")
    assert transfer["where"].tolist() == ["priority"] and transfer["flags"].tolist() == [("transfer",)]
    assert transfer["project_key"].isna().all() and transfer["priority_oku"].tolist() == [1594]


def test_name_hits_are_one_row_per_project(tables: dict) -> None:
    found = sr.hits(tables, "産業技術総合研究所")
    names = found[found["where"] == "name"]
    assert len(names) == 1  # listed three times, one project
    assert names["project_request_oku"].tolist() == [654]
    assert names["section_id"].tolist() == ["p1-t2-s2"]  # the primary listing's section


@pytest.mark.parametrize("query", ["", "   ", "存在しない文字列", "«»", "'; DROP TABLE", "\\d+", ".*"])
def test_no_hits_and_garbage(tables: dict, query: str) -> None:
    found = sr.hits(tables, query)
    assert found.empty and list(found.columns) == sr.COLUMNS


def test_view_and_csv(tables: dict) -> None:
    view = sr.view(tables, sr.Filters(q="サイバー対処能力"), "ja")
    table = view.tables["hits"]
    assert table.csv == "search" and table.csv_filters == {"q": "サイバー対処能力"}
    assert table.kind("行") == "int" and table.kind("事業の要求額（億円）") == "amount"
    assert len(table.frame) == 1 and set(table.frame["一致した箇所"]) == {"施策の説明文"}
    assert view.texts["by_where"] == {
        "name": 0,
        "heading": 0,
        "policy": 1,
        "note": 0,
        "priority": 0,
        "matter": 0,
        "review_purpose": 0,
        "review_overview": 0,
    }
    assert view.texts["projects"] == []  # no project's own name holds the words
    assert [n for _, n in view.texts["paragraphs"][0]["projects"]][:2] == CYBER_PROJECTS[:2]
    assert view.texts["row_projects"] == [None] and view.texts["priority"] is None
    back = pd.read_csv(io.BytesIO(to_csv_bytes(table.frame)), encoding="utf-8-sig")
    under = back["説明文の下の事業"].iloc[0]
    assert (
        under.startswith("、".join(CYBER_PROJECTS[:3])) and "独立行政法人情報処理推進機構運営費交付金（再掲）" in under
    )
    assert csv_filename("search", table.csv_filters).startswith("search_q-サイバー対処能力_")
    english = sr.view(tables, sr.Filters(q="サイバー対処能力"), "en").tables["hits"].frame
    assert set(english["Matched in"]) == {"policy paragraph"}
    assert sr.item_link("k") == {"project": "k"}  # lang and doc: the URL builder (dashboard/domain/urls.py)


# ---------------------------------------------------------------- the page


def _page(lang: str | None = None, **params: str | list[str]) -> AppTest:
    return open_app_page("search", lang, **params)


def _links(at: AppTest) -> list[tuple[str, dict]]:
    found = []
    for link in at.get("page_link"):
        query = urllib.parse.parse_qs(link.proto.query_string)
        found.append((link.proto.page, {k: v[-1] for k, v in query.items()}))
    return found


def test_page_finds_the_projects_of_the_paragraph(tables: dict) -> None:
    at = _page(q="サイバー対処能力")
    table = at.dataframe[0].value
    assert table["一致した箇所"].tolist() == ["施策の説明文"]
    assert table["一致した文（«»が一致部分）"].str.contains("«サイバー対処能力»", regex=False).all()
    assert at.text_input(key="search.ja.q").value == "サイバー対処能力"
    captions = " ".join(c.value for c in at.caption)
    assert "1件（事業名 0、見出し 0、施策の説明文 1" in captions
    assert [s.value for s in at.subheader] == ["施策の説明文に一致（1件）"]
    links = _links(at)
    assert len(links) == 12
    keys = dict(zip(tables["items"]["name"], tables["items"]["project_key"], strict=False))
    assert [params["project"] for _, params in links] == [keys[n] for n in CYBER_PROJECTS]
    assert all(page.endswith("items") or "items" in page for page, _ in links)
    assert at.download_button[0].label == "CSVをダウンロード"


def test_page_without_a_query_and_without_hits() -> None:
    at = _page()
    assert not at.dataframe and "探す文字を入力してください" in at.info[0].value
    at = _page(q="存在しない文字列")
    assert not at.dataframe and "存在しない文字列" in at.info[0].value


def test_page_query_is_shown_as_code_never_markdown() -> None:
    at = _page(q="**b**[a](http://x)")
    assert "`**b**[a](http://x)`" in at.info[0].value


def test_page_in_english_keeps_document_text_only(tables: dict) -> None:
    at = _page(lang="en", q="サイバー対処能力")
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Matched in",
        "Text matched (match in «»)",
        "Project or entry",
        "Projects under the paragraph",
        "Section",
        "Project request (100M yen)",
        "Priority-policy quota request (100M yen)",
        "Note",
        "Line",
    ]
    assert set(table["Matched in"]) == {"policy paragraph"}
    under = table["Projects under the paragraph"].iloc[0]
    assert "独立行政法人情報処理推進機構運営費交付金 (re-listed)" in under  # the projects page's words
    assert "(listed again later)" in under
    assert all(params.get("lang") == "en" for _, params in _links(at))
    captions = " ".join(c.value for c in at.caption)
    assert "1 hits (project name 0, heading 0, policy paragraph 1" in captions


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("pages/search.py", {"q": "サイバー対処能力"}),
        ("pages/search.py", {"q": "繰入"}),
        ("pages/priority.py", {"q": "中小企業"}),
        ("pages/priority.py", {"section": "p1-t3-s2", "transfer": "0"}),
        ("pages/priority.py", {"topic": "sme"}),
    ],
)
def test_english_pages_with_results_show_no_japanese_interface_text(page: str, params: dict, tables: dict) -> None:
    from tests.test_i18n import _leftover, _visible_text, allowed

    # the document's text and what the user typed are not interface text
    # (and a topic's match words, shown as the words the names are searched for)
    topic_words = [w for words in pr.TOPICS.values() for w in words]
    words = sorted([*allowed.__wrapped__(tables), *params.values(), *topic_words], key=len, reverse=True)
    at = open_app_page(page.removeprefix("pages/").removesuffix(".py"), "en", **params)
    documents = [v.replace("\n", " ") for v in words]
    visible = []
    for value in _visible_text(at) + [link.proto.label for link in at.get("page_link")]:
        # a paragraph's excerpt shown as plain text under the table (issue 24) is document text
        excerpt = value.replace("«", "").replace("»", "").strip("…")
        if not ("«" in value and any(excerpt in d for d in documents)):
            visible.append(value)
    for frame in at.dataframe:
        for column in frame.value.columns:
            values = frame.value[column]
            if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
                continue
            if "«" in str(column):
                # an excerpt: document text cut to a window, the match between « »
                for value in values.dropna():
                    plain = value.replace("«", "").replace("»", "").strip("…")
                    assert any(plain in d for d in documents), value
                continue
            visible += [v for v in values.dropna().astype(str) if v]
    leftovers = sorted({v for v in visible if _leftover(v, words)})
    assert not leftovers, leftovers[:10]


@pytest.mark.parametrize(
    ("script", "params"),
    [("search", {"q": "サイバー対処能力"}), ("priority", {"q": "中小企業"}), ("priority", {"section": "p1-t3-s2"})],
)
def test_main_english_scan_on_pages_with_results(script: str, params: dict, tables: dict) -> None:
    from tests.english_scan import source_strings, untranslated
    from tests.test_english import _texts

    at = open_app_page(script, "en", **params)
    texts = [v for v in _texts(at) if "«" not in v]  # excerpts: checked as document text above
    assert untranslated(texts, [*source_strings(tables), *params.values()]) == []
