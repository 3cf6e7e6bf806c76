"""重要政策推進枠 page: the linked list, its filters, sums, chart and CSV, and the page in AppTest."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.domain.csvout import csv_filename, to_csv_bytes
from dashboard.domain.params import parse_all
from dashboard.views import priority as pr
from tests.conftest import open_app_page

# ---------------------------------------------------------------- pure functions


@pytest.fixture(scope="module")
def linked(tables: dict) -> pd.DataFrame:
    return pr.linked_requests(tables["priority_requests"], tables["items"], tables["sections"])


def _row(frame: pd.DataFrame, name: str) -> pd.Series:
    rows = frame[frame["name"] == name]
    assert len(rows) == 1, name
    return rows.iloc[0]


def test_every_request_is_listed_once_in_document_order(linked: pd.DataFrame) -> None:
    assert len(linked) == 71
    assert linked["request_id"].is_unique
    assert linked["order"].tolist() == list(range(1, 72))
    assert linked["request_oku"].sum() == pytest.approx(2408.08)


def test_without_transfer_the_sum_is_the_projects_only(linked: pd.DataFrame) -> None:
    shown = pr.filter_requests(linked, pr.Filters(transfer=False))
    assert len(shown) == 70
    assert shown["request_oku"].sum() == pytest.approx(814.08)
    assert not shown["name"].eq("エネルギー対策特別会計へ繰入").any()


def test_match_kinds(linked: pd.DataFrame) -> None:
    counts = {m: len(pr.filter_requests(linked, pr.Filters(match=m))) for m in pr.MATCH_KINDS}
    assert counts == {"exact": 42, "fuzzy": 2, "none": 27}
    fuzzy = pr.filter_requests(linked, pr.Filters(match="fuzzy"))
    # The fuzzy link is to the main text's spelling, one character apart (手続き / 手続).
    row = _row(fuzzy, "貿易プラットフォーム活用による貿易手続きデジタル化推進事業")
    assert row["project_name"] == "貿易プラットフォーム活用による貿易手続デジタル化推進事業"
    assert 0.9 < row["match_score"] < 1


@pytest.mark.parametrize(
    ("name", "quota", "project_request", "share"),
    [
        ("工業用水道事業費", 29.0, 47.0, 61.7),
        ("独立行政法人日本貿易振興機構運営費交付金", 127.0, 295.0, 43.1),
        ("チップレット設計基盤構築に向けた技術開発事業", 20.0, 20.0, 100.0),
        ("中小企業活性化・事業承継総合支援事業", 103.0, 223.0, 46.2),
    ],
)
def test_share_of_the_linked_project(
    linked: pd.DataFrame, name: str, quota: float, project_request: float, share: float
) -> None:
    row = _row(linked, name)
    assert row["request_oku"] == quota
    assert row["project_request_oku"] == project_request
    assert row["share_pct"] == pytest.approx(share)


def test_unlinked_rows_have_no_project_share_or_score(linked: pd.DataFrame) -> None:
    row = _row(linked, "経済産業統計の整備")
    assert row["match"] == "none"
    assert pd.isna(row["section_id"]) and pd.isna(row["project_request_oku"])
    assert pd.isna(row["share_pct"]) and pd.isna(row["match_score"])
    transfer = _row(linked, "エネルギー対策特別会計へ繰入")
    assert transfer["is_transfer"] and transfer["request_oku"] == 1594


def test_portion_project_is_flagged(linked: pd.DataFrame) -> None:
    assert _row(linked, "独立行政法人情報処理推進機構運営費交付金")["project_is_portion"]
    assert not _row(linked, "工業用水道事業費")["project_is_portion"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("中小企業", 8),
        ("中小 企業", 8),
        ("中小企業 支援", 3),  # every word, anywhere in the name
        ("ＡＳＥＡＮ", 1),  # full-width Latin finds 日・ASEAN
        ("asean", 1),
        ("サイバー セキュリティ", 3),
        ("運営費交付金", 5),
        ("存在しない事業", 0),
        ("", 71),
        ("   ", 71),
    ],
)
def test_query_ignores_width_case_and_spaces(linked: pd.DataFrame, query: str, expected: int) -> None:
    assert len(pr.filter_requests(linked, pr.Filters(q=query))) == expected


def test_query_with_extraction_space_finds_the_joined_name() -> None:
    names = pd.Series(["GXサプライチェーン構築支援事業", "水素供給"])
    assert pr.name_matches(names, "GX サプライ").tolist() == [True, False]
    assert pr.name_matches(names, "ｇｘ　サプライ").tolist() == [True, False]


@pytest.mark.parametrize(
    ("low", "high", "count", "total"),
    [
        (100, None, 4, 1594 + 176 + 127 + 103),
        (None, 0.05, 3, 0.05 + 0.02 + 0.01),
        (10, 30, 8, 10 + 29 + 15 + 20 + 15 + 10 + 26 + 19),
        (5, 5, 7, 35),
        (50, 10, 0, 0),
    ],
)
def test_min_max_are_inclusive(
    linked: pd.DataFrame, low: float | None, high: float | None, count: int, total: float
) -> None:
    shown = pr.filter_requests(linked, pr.Filters(min_oku=low, max_oku=high))
    assert len(shown) == count
    assert shown["request_oku"].sum() == pytest.approx(total)
    if len(shown):
        assert shown["request_oku"].min() >= (low or 0)
        assert shown["request_oku"].max() <= (high if high is not None else float("inf"))


def test_section_filter_and_unlinked(linked: pd.DataFrame) -> None:
    regional = pr.filter_requests(linked, pr.Filters(sections=("p1-t3-s2",)))
    assert len(regional) == 10
    assert set(regional["section_name"]) == {"地域の中堅、中小企業・小規模事業者の発展、投資環境の整備"}
    unlinked = pr.filter_requests(linked, pr.Filters(sections=(pr.UNLINKED,)))
    assert len(unlinked) == 27 and unlinked["section_id"].isna().all()
    both = pr.filter_requests(linked, pr.Filters(sections=("p1-t3-s2", pr.UNLINKED)))
    assert len(both) == 37
    assert pr.section_counts(linked)["p1-t3-s2"] == 10
    assert pr.section_counts(linked)[pr.UNLINKED] == 27


def test_filters_combine(linked: pd.DataFrame) -> None:
    shown = pr.filter_requests(
        linked, pr.Filters(q="中小企業", min_oku=20, sections=("p1-t3-s2",), match="exact", transfer=False)
    )
    assert shown["name"].tolist() == [
        "独立行政法人中小企業基盤整備機構運営費交付金",
        "中小企業信用補完制度関連補助事業",
        "中小企業活性化・事業承継総合支援事業",
        "成長型中小企業等研究開発支援事業",
    ]


def test_filters_from_url_values(tables: dict) -> None:
    specs = pr.specs(tables)
    raw = {
        "q": ["水素"],
        "min": ["1.5"],
        "max": ["abc"],
        "section": ["p2", "unlinked", "nope"],
        "match": ["xyz"],
        "transfer": ["0"],
    }
    values, bad = parse_all(raw, specs)
    assert sorted(bad) == [("match", "xyz"), ("max", "abc"), ("section", "nope")]
    filters = pr.Filters.from_values(values)
    assert filters == pr.Filters(q="水素", min_oku=1.5, sections=("p2", pr.UNLINKED), transfer=False)
    # The file name mentions what is set, as the URL writes it (p2 is the 福島 pillar: fukushima).
    assert filters.csv_filters(tables) == {
        "q": "水素",
        "min": "1.5",
        "section": ["fukushima", "unlinked"],
        "transfer": "0",
    }
    defaults, _ = parse_all({}, specs)
    assert pr.Filters.from_values(defaults) == pr.Filters()
    assert pr.Filters().csv_filters(tables) == {}


def test_summary_against_the_stated_total(linked: pd.DataFrame, tables: dict) -> None:
    shown = pr.filter_requests(linked, pr.Filters(q="中小企業"))
    s = pr.summary(shown, linked, tables["reconciliation"])
    assert (s.count, s.total_count) == (8, 71)
    assert s.sum_oku == pytest.approx(242.2)
    assert s.all_sum_oku == pytest.approx(2408.08)
    assert s.stated_oku == 2400
    assert s.difference_oku == pytest.approx(-8.08)
    assert s.transfer_oku == 1594 and s.transfer_names == ("エネルギー対策特別会計へ繰入",)


def test_summary_without_a_stated_total(linked: pd.DataFrame, tables: dict) -> None:
    reconciliation = tables["reconciliation"]
    s = pr.summary(linked, linked, reconciliation[reconciliation["scope"] != "priority_requests"])
    assert s.stated_oku is None and s.difference_oku is None
    assert s.all_sum_oku == pytest.approx(2408.08)


def test_display_table_japanese(linked: pd.DataFrame) -> None:
    table = pr.display_table(pr.filter_requests(linked, pr.Filters(q="工業用水道")), "ja")
    assert list(table.columns) == [
        "No.",
        "事業名",
        "要望額（億円）",
        "合計に占める割合（%）",
        "繰入を除く計に占める割合（%）",
        "事業の要求額（億円）",
        "事業に占める割合（%）",
        "対応する施策",
        "本文との対応",
        "一致度",
        "注記",
    ]
    row = table.iloc[0]
    assert row["事業名"] == "工業用水道事業費"
    assert (row["要望額（億円）"], row["事業の要求額（億円）"], row["事業に占める割合（%）"]) == (29, 47, 61.7)
    assert row["対応する施策"] == "地域の中堅、中小企業・小規模事業者の発展、投資環境の整備"
    assert row["本文との対応"] == "一致"


def test_display_table_notes_and_english(linked: pd.DataFrame) -> None:
    table = pr.display_table(linked, "en")
    assert "Priority-policy quota request (100M yen)" in table.columns and "Linked section" in table.columns
    by_name = table.set_index("Project")
    assert by_name.at["工業用水道事業費", "Linked section"] == (
        "Regional mid-sized, small and micro businesses, and the investment environment"
    )
    assert "transfer" in by_name.at["エネルギー対策特別会計へ繰入", "Note"]
    assert "貿易手続デジタル" in by_name.at["貿易プラットフォーム活用による貿易手続きデジタル化推進事業", "Note"]
    assert by_name.at["貿易プラットフォーム活用による貿易手続きデジタル化推進事業", "Link"] == "Near (spelling variant)"
    assert "part of a larger budget" in by_name.at["独立行政法人情報処理推進機構運営費交付金", "Note"]
    assert by_name.at["経済産業統計の整備", "Linked section"] == ""


def test_csv_of_the_filtered_rows(linked: pd.DataFrame, tables: dict) -> None:
    specs = pr.specs(tables)
    values, _ = parse_all({"q": ["中小企業"], "transfer": ["0"]}, specs)
    shown = pr.filter_requests(linked, pr.Filters.from_values(values))
    data = to_csv_bytes(pr.display_table(shown, "ja"))
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert len(back) == 8
    assert back["事業名"].tolist() == shown["name"].tolist()
    assert back["要望額（億円）"].sum() == pytest.approx(242.2)
    name = csv_filename("priority", pr.Filters.from_values(values).csv_filters(tables))
    assert name.startswith("priority_q-中小企業_transfer-0_") and name.endswith(".csv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("短い名前", "短い名前"),
        ("中小企業活性化・事業承継総合支援事業", "中小企業活性化・事業承継総合支援<br>事業"),
        (
            "我が国におけるデジタル社会の形成に向けた基盤整備のための調査事業",
            "我が国におけるデジタル社会の形成<br>に向けた基盤整備のための調査事業",
        ),
        ("あ" * 16 + "い" * 16 + "うう", "あ" * 16 + "<br>" + "い" * 15 + "…"),
        ("", ""),
    ],
)
def test_wrap_label(text: str, expected: str) -> None:
    assert pr.wrap_label(text) == expected


def test_bar_figure(linked: pd.DataFrame) -> None:
    shown = pr.filter_requests(linked, pr.Filters(q="中小企業"))
    figure = pr.bar_figure(shown, "ja")
    bar = figure.data[0]
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.x) == [0.2, 2, 6, 19, 26, 32, 54, 103]  # largest drawn on top
    assert len(figure.data) == 1  # no transfer among these, no empty grey trace
    ticks = dict(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True))
    assert ticks[bar.y[-1]] == "中小企業活性化・事業承継総合支援<br>事業"
    assert bar.text[-1] == "103億円"
    assert figure.layout.xaxis.range[1] >= 103


def test_bar_figure_marks_the_transfer_and_survives_empty(linked: pd.DataFrame) -> None:
    figure = pr.bar_figure(linked, "en")
    requests, transfer = figure.data
    # English: the axis and the labels in ¥ billion (176億円 = ¥17.6 billion)
    assert (
        len(requests.x) == 70 and max(requests.x) == pytest.approx(17.6) and requests.marker.color == pr.REQUEST_COLOUR
    )
    assert list(transfer.x) == [pytest.approx(159.4)] and transfer.marker.color == pr.TRANSFER_COLOUR
    assert transfer.text == ("¥159.4 billion",) and figure.layout.xaxis.title.text == "Request (¥ billion)"
    assert max(pr.bar_figure(linked, "ja").data[0].x) == 176  # Japanese: 億円 on both
    # one order for both traces: the transfer, the largest, on top
    order = list(figure.layout.yaxis.categoryarray)
    assert len(order) == 71 and order[-1] == transfer.y[0] and order[-2] == requests.y[-1]
    assert "エネルギー対策特別会計へ繰入" in transfer.hovertext[0]
    only_transfer = pr.bar_figure(linked[linked["is_transfer"]], "ja")
    assert [len(trace.x) for trace in only_transfer.data] == [1]
    empty = pr.bar_figure(linked.iloc[0:0], "ja")
    assert len(empty.data) == 1 and len(empty.data[0].x) == 0


# ---------------------------------------------------------------- the page


def _page(lang: str | None = None, **params: str | list[str]) -> AppTest:
    return open_app_page("priority", lang, **params)


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _bars(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]


def test_page_default_shows_all_71() -> None:
    at = _page()
    table = at.dataframe[0].value
    assert len(table) == 71
    assert table["要望額（億円）"].sum() == pytest.approx(2408.08)
    metrics = _metrics(at)
    assert metrics["表示中の件数"] == "71 / 71件"
    assert metrics["表示中の要望額の計"] == "2,408.08億円"
    assert metrics["資料記載の合計"] == "2,400億円"
    captions = " ".join(c.value for c in at.caption)
    assert "四捨五入" in captions and "2,408.08億円" in captions
    assert "エネルギー対策特別会計へ繰入" in captions and "814.08億円" in captions
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace["type"] for trace in spec["data"]] == ["bar", "bar"]
    assert len(spec["data"][0]["x"]) == 70 and max(spec["data"][0]["x"]) == 176
    assert spec["data"][1]["x"] == [1594]
    assert not at.warning
    assert at.download_button[0].label == "CSVをダウンロード"


def test_page_query_filter() -> None:
    at = _page(q="中小企業")
    table = at.dataframe[0].value
    assert len(table) == 8
    assert table["事業名"].str.contains("中小企業").all()
    assert _metrics(at)["表示中の件数"] == "8 / 71件"
    assert _metrics(at)["表示中の要望額の計"] == "242.2億円"
    assert _bars(at)["x"] == [0.2, 2, 6, 19, 26, 32, 54, 103]
    assert at.text_input(key="priority.ja.q").value == "中小企業"


def test_page_all_filters_from_the_url() -> None:
    at = _page(min="10", max="200", section=["p1-t3-s2", "unlinked"], match="exact", transfer="0")
    table = at.dataframe[0].value
    assert table["事業名"].tolist() == [
        "地域の中堅・中核企業の経営力向上支援事業",
        "工業用水道事業費",
        "現地進出支援強化事業",
        "独立行政法人中小企業基盤整備機構運営費交付金",
        "中小企業信用補完制度関連補助事業",
        "中小企業活性化・事業承継総合支援事業",
        "成長型中小企業等研究開発支援事業",
    ]
    row = table.set_index("事業名").loc["工業用水道事業費"]
    assert (row["事業の要求額（億円）"], row["事業に占める割合（%）"]) == (47, 61.7)
    assert at.multiselect(key="priority.ja.section").value == ["p1-t3-s2", "unlinked"]
    assert at.number_input(key="priority.ja.min").value == 10
    assert at.radio(key="priority.ja.transfer").value == "0"
    assert _metrics(at)["表示中の件数"] == "7 / 71件"


def test_page_bad_params_fall_back_with_a_notice() -> None:
    at = _page(min="abc", match="xyz", section="nope", transfer="2")
    warnings = " ".join(w.value for w in at.warning)
    for key, bad in (("min", "abc"), ("match", "xyz"), ("section", "nope"), ("transfer", "2")):
        assert f"`{key}`" in warnings and f"`{bad}`" in warnings
    assert len(at.dataframe[0].value) == 71
    assert at.number_input(key="priority.ja.min").value is None
    assert at.multiselect(key="priority.ja.section").value == []


def test_page_min_above_max_says_so() -> None:
    at = _page(min="50", max="10")
    assert len(at.dataframe[0].value) == 0
    infos = " ".join(i.value for i in at.info)
    assert "下限" in infos and "条件に合う要望はありません" in infos
    assert not at.get("plotly_chart")


def test_page_widget_change_updates_the_url() -> None:
    at = _page()
    at.text_input(key="priority.ja.q").input("水道").run()
    assert not at.exception
    assert at.query_params["q"] == ["水道"] or at.query_params["q"] == "水道"
    assert at.dataframe[0].value["事業名"].tolist() == ["工業用水道事業費"]


def test_page_in_english() -> None:
    at = _page(lang="en", match="fuzzy")
    table = at.dataframe[0].value
    assert list(table.columns[:3]) == ["No.", "Project", "Priority-policy quota request (100M yen)"]
    assert len(table) == 2
    metrics = _metrics(at)
    assert metrics["Requests shown"] == "2 of 71"
    assert metrics["Total stated in the document"] == "¥240 billion"


# ---------------------------------------------------------------- shares and section subtotals (issue 11)


def _stated(tables: dict) -> float:
    rec = tables["reconciliation"]
    return float(rec.loc[rec["scope"] == "priority_requests", "stated_oku"].iloc[0])


def test_the_shipped_totals_come_from_the_tables(linked: pd.DataFrame, tables: dict) -> None:
    s = pr.summary(linked, linked, tables["reconciliation"])
    assert (s.count, s.total_count) == (71, 71)
    assert s.sum_oku == pytest.approx(2408.08)
    assert s.total_oku == _stated(tables) == 2400
    assert s.transfer_oku == 1594
    assert s.without_oku == pytest.approx(814.08)
    # every request against the stated total: above 100%, because each of the 71 is rounded
    assert s.share_total_pct == pytest.approx(2408.08 / 2400 * 100)
    assert s.share_without_pct == pytest.approx(100)


@pytest.mark.parametrize(
    ("filters", "count", "total", "without"),
    [
        (pr.Filters(q="中小企業"), 8, 242.2, 242.2),
        (pr.Filters(transfer=False), 70, 814.08, 814.08),
        (pr.Filters(min_oku=100), 4, 2000.0, 406.0),  # the transfer is shown, but not part of the second share
        (pr.Filters(sections=("p1-t3-s2",)), 10, 285.0, 285.0),
        (pr.Filters(q="存在しない"), 0, 0.0, 0.0),
    ],
)
def test_shares_of_a_filtered_set(
    linked: pd.DataFrame, tables: dict, filters: pr.Filters, count: int, total: float, without: float
) -> None:
    s = pr.summary(pr.filter_requests(linked, filters), linked, tables["reconciliation"])
    assert s.count == count
    assert s.sum_oku == pytest.approx(total)
    assert s.sum_without_oku == pytest.approx(without)
    assert s.share_total_pct == pytest.approx(total / 2400 * 100)
    assert s.share_without_pct == pytest.approx(without / 814.08 * 100)


def test_small_and_medium_shares_as_text(linked: pd.DataFrame, tables: dict) -> None:
    s = pr.summary(pr.filter_requests(linked, pr.Filters(q="中小企業")), linked, tables["reconciliation"])
    assert (pr.share_text(s.share_total_pct), pr.share_text(s.share_without_pct)) == ("10.1%", "29.8%")
    # a sliver keeps two significant digits instead of showing as 0.0%
    assert pr.share_text(0.01 / 2400 * 100) == "0.00042%"
    assert pr.share_text(0.05 / 814.08 * 100) == "0.0061%"
    assert (pr.share_text(0), pr.share_text(None), pr.share_text(100.336)) == ("0%", "—", "100.3%")


def test_transfers_are_the_structured_column_not_a_word(linked: pd.DataFrame, tables: dict) -> None:
    renamed = linked.copy()
    renamed.loc[renamed["is_transfer"], "name"] = "別の名前"
    s = pr.summary(renamed, renamed, tables["reconciliation"])
    assert s.transfer_oku == 1594 and s.without_oku == pytest.approx(814.08)
    flagged = linked.copy()
    flagged.loc[flagged["name"] == "工業用水道事業費", "is_transfer"] = True
    s = pr.summary(flagged, flagged, tables["reconciliation"])
    assert s.transfer_oku == 1594 + 29 and s.without_oku == pytest.approx(814.08 - 29)
    assert len(pr.filter_requests(flagged, pr.Filters(transfer=False))) == 69


def test_without_a_stated_total_shares_are_of_the_sum(linked: pd.DataFrame, tables: dict) -> None:
    rec = tables["reconciliation"]
    shown = pr.filter_requests(linked, pr.Filters(q="中小企業"))
    s = pr.summary(shown, linked, rec[rec["scope"] != "priority_requests"])
    assert s.total_oku == pytest.approx(2408.08)
    assert s.share_total_pct == pytest.approx(242.2 / 2408.08 * 100)


def test_each_request_has_two_shares(linked: pd.DataFrame) -> None:
    table = pr.display_table(linked, "ja", 2400, 814.08).set_index("事業名")
    assert table.at["工業用水道事業費", "合計に占める割合（%）"] == pytest.approx(1.208)
    assert table.at["工業用水道事業費", "繰入を除く計に占める割合（%）"] == pytest.approx(3.562)
    assert table.at["エネルギー対策特別会計へ繰入", "合計に占める割合（%）"] == pytest.approx(66.417)
    # a transfer has no share of the total without transfers
    assert pd.isna(table.at["エネルギー対策特別会計へ繰入", "繰入を除く計に占める割合（%）"])
    assert table["繰入を除く計に占める割合（%）"].sum() == pytest.approx(100, abs=0.01)
    english = pr.display_table(linked, "en", 2400, 814.08)
    assert {"Share of the total (%)", "Share of the total without transfers (%)"} <= set(english.columns)


def test_section_subtotals_of_everything(linked: pd.DataFrame, tables: dict) -> None:
    sub = pr.section_subtotals(linked, tables["sections"], "ja", 2400, 814.08)
    assert sub["count"].sum() == 71
    assert sub["sum_oku"].sum() == pytest.approx(2408.08)
    by_group = sub.set_index("group")
    assert by_group.at["p1-t3-s2", "count"] == 10 and by_group.at["p1-t3-s2", "sum_oku"] == pytest.approx(285)
    assert by_group.at[pr.UNLINKED, "count"] == 26  # the 27 unlinked less the transfer
    assert by_group.at[pr.TRANSFER, "count"] == 1 and by_group.at[pr.TRANSFER, "sum_oku"] == 1594
    assert pd.isna(by_group.at[pr.TRANSFER, "share_without_pct"])
    assert sub["share_without_pct"].sum() == pytest.approx(100, abs=0.01)
    assert sub["share_total_pct"].sum() == pytest.approx(2408.08 / 24, abs=0.01)
    # document order: the sections as printed, then the unlinked requests, then the transfer
    order = tables["sections"].sort_values("order")["section_id"].tolist()
    assert sub["group"].tolist()[:-2] == [g for g in order if g in by_group.index]
    assert sub["group"].tolist()[-2:] == [pr.UNLINKED, pr.TRANSFER]
    assert by_group.at["p1-t3-s2", "label"] == "(3)② 地域の中堅、中小企業・小規模事業者の発展、投資環境の整備"


def test_section_subtotals_of_a_filtered_set(linked: pd.DataFrame, tables: dict) -> None:
    shown = pr.filter_requests(linked, pr.Filters(q="中小企業"))
    sub = pr.section_subtotals(shown, tables["sections"], "en", 2400, 814.08).set_index("group")
    assert sub["count"].to_dict() == {"p1-t1-s2": 1, "p1-t3-s2": 4, "p1-t3-s3": 1, pr.UNLINKED: 2}
    assert sub.at["p1-t3-s2", "sum_oku"] == pytest.approx(32 + 26 + 103 + 54)
    assert sub.at["p1-t3-s2", "share_total_pct"] == pytest.approx(round(215 / 2400 * 100, 3))
    assert sub.at["p1-t3-s2", "share_without_pct"] == pytest.approx(round(215 / 814.08 * 100, 3))
    assert sub.at[pr.UNLINKED, "sum_oku"] == pytest.approx(19.2)
    assert sub.at[pr.UNLINKED, "label"] == "Not in the main text"
    empty = pr.section_subtotals(linked.iloc[0:0], tables["sections"], "ja", 2400, 814.08)
    assert empty.empty


def test_section_figure(linked: pd.DataFrame, tables: dict) -> None:
    sub = pr.section_subtotals(linked, tables["sections"], "ja", 2400, 814.08)
    figure = pr.section_figure(sub, "ja")
    sections, transfer = figure.data
    assert sections.type == "bar" and sections.orientation == "h"
    assert sum(sections.x) == pytest.approx(814.08)
    assert list(transfer.x) == [1594] and transfer.marker.color == pr.TRANSFER_COLOUR
    assert transfer.text[0] == "1,594億円 (66.4%)"
    # first section on top: plotly draws the category array bottom-up
    assert list(figure.layout.yaxis.categoryarray)[-1] == sub["group"].iloc[0]


def test_document_text_is_escaped_in_the_figures(linked: pd.DataFrame, tables: dict) -> None:
    odd = linked.copy()
    odd.loc[0, "name"] = "<b>太字</b>&事業"
    figure = pr.bar_figure(odd.iloc[[0]], "ja")
    assert "<b>" not in figure.layout.yaxis.ticktext[0] and "&lt;b&gt;" in figure.layout.yaxis.ticktext[0]
    assert "&lt;b&gt;太字&lt;/b&gt;&amp;事業" in figure.data[0].hovertext[0]


def test_view_of_a_filtered_set(tables: dict) -> None:
    view = pr.view(tables, pr.Filters(q="中小企業", transfer=False), "ja")
    requests, sections = view.tables["requests"], view.tables["sections"]
    assert len(requests.frame) == 8 and requests.csv == "priority"
    assert requests.csv_filters == {"q": "中小企業", "transfer": "0"}
    assert requests.kind("合計に占める割合（%）") == "share" and requests.kind("No.") == "int"
    assert sections.csv == "priority_sections" and sections.frame["件数"].sum() == 8
    assert sections.frame["要望額の計（億円）"].sum() == pytest.approx(242.2)
    assert view.texts["share_total"] == "10.1%" and view.texts["share_without"] == "29.8%"
    assert view.texts["q_matched"] == 8
    assert [s["section_id"] for s in view.texts["q_sections"]] == ["p1-t3-s2"]
    assert view.texts["q_sections"][0]["count"] == 10
    assert view.figures["bars"] is not None and view.figures["sections"] is not None
    empty = pr.view(tables, pr.Filters(min_oku=50, max_oku=10), "en")
    assert empty.figures["bars"] is None and empty.texts["min_above_max"]
    assert pr.view(tables, pr.Filters(), "ja").texts["q_matched"] is None


def test_the_section_menu_labels(tables: dict) -> None:
    labels = pr.choices(tables, pr.Filters(), "ja").texts["section_labels"]
    assert labels["p1-t3-s2"] == "地域の中堅、中小企業・小規模事業者の発展、投資環境の整備 (10)"
    assert labels[pr.UNLINKED] == "本文に対応なし (27)"
    assert list(labels)[-1] == pr.UNLINKED


def _captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_page_shows_the_shares_of_a_filtered_set() -> None:
    at = _page(q="中小企業")
    metrics = _metrics(at)
    assert metrics["合計に占める割合"] == "10.1%"
    assert metrics["繰入を除く計に占める割合"] == "29.8%"
    captions = _captions(at)
    assert "表示中の8件の計 242.2億円は、資料の合計 2,400億円の 10.1%" in captions
    assert "814.08億円の 29.8%" in captions
    # the name search says what it matched and what it did not look at
    assert "71件の要望の事業名だけを探し、8件が一致しました" in captions
    links = [link.proto for link in at.get("page_link")]
    assert any(link.page.endswith("search") or "search" in link.page for link in links)
    table = at.dataframe[0].value
    assert table["合計に占める割合（%）"].tolist()[-1] == pytest.approx(2.25)  # 54 / 2400
    # the requests tab is open: its chart, table and CSV only
    assert len(at.dataframe) == 1 and len(at.get("plotly_chart")) == 1 and len(at.download_button) == 1
    at = _page(q="中小企業", tab="sections")
    subtotals = at.dataframe[0].value
    assert subtotals["件数"].tolist() == [1, 4, 1, 2]
    assert subtotals["要望額の計（億円）"].sum() == pytest.approx(242.2)
    assert len(at.dataframe) == 1 and len(at.get("plotly_chart")) == 1 and len(at.download_button) == 1
    assert _metrics(at)["合計に占める割合"] == "10.1%"  # the metrics above the tabs stay


def test_page_section_filter_subtotal() -> None:
    at = _page(section="p1-t3-s2")
    assert _metrics(at)["合計に占める割合"] == "11.9%"  # 285 / 2400
    assert "後継者支援ネットワーク事業" in at.dataframe[0].value["事業名"].tolist()
    subtotals = _page(section="p1-t3-s2", tab="sections").dataframe[0].value
    assert subtotals.iloc[0].tolist()[:3] == ["(3)② 地域の中堅、中小企業・小規模事業者の発展、投資環境の整備", 10, 285]


def test_page_shares_in_english() -> None:
    at = _page(lang="en", q="中小企業", tab="sections")
    metrics = _metrics(at)
    assert metrics["Share of the total"] == "10.1%" and metrics["Share without transfers"] == "29.8%"
    assert "searched the names of the 71 requests only; 8 matched" in _captions(at)
    assert list(at.dataframe[0].value.columns) == [
        "Section",
        "Requests",
        "Sum of requests (100M yen)",
        "Share of the total (%)",
        "Share of the total without transfers (%)",
    ]


# ---------------------------------------------------------------- curated topics


MISSED_BY_NAME = [
    "小規模事業対策推進等事業",
    "地方公共団体による小規模事業者支援推進事業",
    "後継者支援ネットワーク事業",
]


def test_the_sme_topic_finds_what_the_name_search_misses(linked: pd.DataFrame, tables: dict) -> None:
    by_name = pr.filter_requests(linked, pr.Filters(q="中小企業"))
    assert not set(MISSED_BY_NAME) & set(by_name["name"])
    topic = pr.filter_requests(linked, pr.Filters(topic="sme"))
    assert len(topic) == 11
    assert set(by_name["name"]) | set(MISSED_BY_NAME) == set(topic["name"])
    s = pr.summary(topic, linked, tables["reconciliation"])
    assert s.sum_oku == pytest.approx(242.2 + 5 + 3 + 6)
    assert pr.share_text(s.share_total_pct) == "10.7%"


@pytest.mark.parametrize(
    ("topic", "includes", "excludes"),
    [
        ("digital", "産業サイバーセキュリティ強靱化事業", "工業用水道事業費"),
        ("international", "日・ASEAN経済産業協力拠出金", "中小企業取引対策事業"),
        ("health", "医工連携イノベーション推進事業", "エネルギー対策特別会計へ繰入"),
    ],
)
def test_topics(linked: pd.DataFrame, topic: str, includes: str, excludes: str) -> None:
    names = set(pr.filter_requests(linked, pr.Filters(topic=topic))["name"])
    assert includes in names and excludes not in names


def test_topic_from_the_url_and_the_query_suggests_it(tables: dict) -> None:
    values, bad = parse_all({"topic": ["sme"]}, pr.specs(tables))
    assert pr.Filters.from_values(values).topic == "sme" and not bad
    values, bad = parse_all({"topic": ["nope"]}, pr.specs(tables))
    assert pr.Filters.from_values(values).topic is None and bad == [("topic", "nope")]
    assert pr.query_topics("中小企業") == ["sme"] and pr.query_topics("") == []
    view = pr.view(tables, pr.Filters(q="中小企業"), "ja")
    assert view.texts["q_topics"] == [{"topic": "sme", "count": 11}]
    topic = pr.view(tables, pr.Filters(topic="sme"), "en")
    assert topic.texts["topic_matched"] == 11
    assert topic.texts["topic_words"] == "中小企業, 小規模, 事業承継, 後継者"
    assert topic.tables["requests"].csv_filters == {"topic": "sme"}


def test_page_topic() -> None:
    at = _page(topic="sme")
    assert len(at.dataframe[0].value) == 11
    assert at.selectbox(key="priority.ja.topic").value == "sme"
    assert "事業名に 中小企業、小規模、事業承継、後継者 のどれかを含む要望（全71件中11件）" in _captions(at)
    at = _page(q="中小企業")
    button = at.button(key="priority.to_topic.sme")
    assert button.label == "テーマ「中小企業・小規模事業者」で見る（関連する語も含めて11件）"
    button.click().run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 11
    assert at.query_params["topic"] in ("sme", ["sme"]) and "q" not in at.query_params
    assert at.text_input(key="priority.ja.q").value == ""


def test_page_query_offers_the_section() -> None:
    at = _page(q="中小企業")
    at.button(key="priority.to_section.p1-t3-s2").click().run()
    assert not at.exception
    names = at.dataframe[0].value["事業名"].tolist()
    assert len(names) == 10 and "後継者支援ネットワーク事業" in names
    assert at.multiselect(key="priority.ja.section").value == ["p1-t3-s2"]


@pytest.mark.parametrize(
    ("lang", "share", "without", "stated_without", "direction"),
    [
        ("ja", "66.4%", "814.08億円", "806億円", "資料の合計 2,400億円より 8.08億円多くなります"),
        ("en", "66.4%", "¥81.41 billion", "¥80.6 billion", "¥808 million above the stated total of ¥240 billion"),
    ],
)
def test_default_view_states_the_transfer_share_and_the_total_without_it(
    lang: str, share: str, without: str, stated_without: str, direction: str
) -> None:
    at = open_app_page("priority", lang=lang)
    captions = "\n".join(c.value for c in at.caption)
    transfer = next(c.value for c in at.caption if share in c.value)  # the default view, no filter set
    assert "2,400" in transfer or "¥240 billion" in transfer
    assert without in transfer
    assert stated_without in captions
    assert direction in captions
    assert "差 ▲" not in captions and "difference −" not in captions


def test_difference_words_follow_the_direction() -> None:
    assert pr.difference_words(2400, 2408.08, "ja") == "資料の合計 2,400億円より 8.08億円多くなります"
    assert pr.difference_words(2400, 2390, "ja") == "資料の合計 2,400億円より 10億円少なくなります"
    assert pr.difference_words(2400, 2400.001, "en") == "exactly the stated total of ¥240 billion"
    assert pr.difference_words(None, 1.0, "ja") == ""
