"""R5 vs R6: the same primary listings summed by account, section and project; filters, sort, top, CSV."""

from __future__ import annotations

import io
import json
from functools import partial

import pandas as pd
import pytest

from dashboard import compare as cmp
from dashboard.csvout import to_csv_bytes
from tests.conftest import open_app_page

YEARS = ("令和6年度", "令和5年度")


def rows(tables: dict, level: str, lang: str = "ja", **kwargs) -> pd.DataFrame:
    return cmp.compare_rows(tables["items"], tables["sections"], tables["accounts"], level, lang, **kwargs)


def test_section_sums_equal_primary_listings(tables: dict) -> None:
    items = tables["items"]
    counted = items[items["is_primary"] & ~items["is_portion"]]
    expected = counted.groupby("section_id")["request_oku"].sum()
    by_section = rows(tables, "section").set_index("key")
    pd.testing.assert_series_equal(by_section["request_oku"].sort_index(), expected.sort_index(), check_names=False)
    assert by_section.at["p1-t1-s1", "request_oku"] == pytest.approx(15155.0)
    assert by_section.at["p1-t1-s1", "base_oku"] == pytest.approx(4177.0)
    assert by_section.at["p2", "base_oku"] == pytest.approx(804.2)  # 廃炉 compared with R4補正: not initial
    assert by_section.at["p2", "stated_request_oku"] == 910.0


@pytest.mark.parametrize("level", cmp.LEVELS)
def test_every_level_adds_up_to_the_same_total(tables: dict, level: str) -> None:
    out = rows(tables, level)
    if level == "item":
        out = out[~out["is_portion"]]
    assert out["request_oku"].sum() == pytest.approx(18938.2)
    assert out["base_oku"].fillna(0).sum() == pytest.approx(7328.2)


def test_account_level_with_stated_totals(tables: dict) -> None:
    out = rows(tables, "account").set_index("key")
    assert out.at["GX推進対策費", "request_oku"] == pytest.approx(10437.0)
    assert out.at["GX推進対策費", "stated_request_oku"] == 10985.0
    assert pd.isna(out.at["東日本大震災復興特別会計", "stated_request_oku"])  # not in the summary table
    assert out.at["東日本大震災復興特別会計", "change_oku"] == pytest.approx(-4.4)
    # a section filter makes the stated account totals incomparable: they are left out
    assert rows(tables, "account", section_filter=["p2"])["stated_request_oku"].isna().all()


def test_item_level_keeps_portion_marked_and_basis_noted(tables: dict) -> None:
    out = rows(tables, "item").set_index("key")
    assert len(out) == 120
    assert out.at["i0067", "is_portion"] and "内数" in out.at["i0067", "flags"]
    assert pd.isna(out.at["i0146", "base_oku"]) and "R4補正" in out.at["i0146", "flags"]
    assert out.at["i0007", "flags"] == "新規" and pd.isna(out.at["i0007", "change_pct"])


@pytest.mark.parametrize(
    ("kwargs", "count", "request_sum"),
    [
        ({"new_only": True}, 20, None),
        ({"section_filter": ["p2"]}, 11, 975.8),
        ({"account_filter": ["特許特別会計"]}, 1, 3.0),
        ({"section_filter": ["p2", "p1-t4-s2"], "account_filter": ["一般会計"]}, 3, 199.0),
        ({"section_filter": ["p2"], "new_only": True}, 0, 0.0),
    ],
)
def test_filters(tables: dict, kwargs: dict, count: int, request_sum: float | None) -> None:
    out = rows(tables, "item", **kwargs)
    assert len(out) == count
    if kwargs.get("new_only"):
        assert out["is_new"].all() if count else out.empty
    if request_sum is not None:
        assert out["request_oku"].sum() == pytest.approx(request_sum)


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("change", "蓄電池の製造サプライチェーン強靱化支援事業"),
        ("request", "蓄電池の製造サプライチェーン強靱化支援事業"),
        ("pct", "データセンターの地方拠点整備"),
    ],
)
def test_sort_and_top(tables: dict, sort: str, first: str) -> None:
    out = rows(tables, "item", sort=sort, top=5)
    assert len(out) == 5
    assert out["label"].iloc[0] == first
    column = {"change": "change_oku", "pct": "change_pct", "request": "request_oku"}[sort]
    assert out[column].is_monotonic_decreasing


def test_pct_sort_puts_rows_without_rate_last(tables: dict) -> None:
    out = rows(tables, "item", sort="pct")
    rates = out["change_pct"]
    assert rates.notna().sum() == 99 and rates.iloc[99:].isna().all()


def test_table_headers_and_words(tables: dict) -> None:
    out = cmp.table(rows(tables, "section"), "section", "ja", YEARS)
    assert list(out.columns[:4]) == ["施策", "令和6年度 要求額（億円）", "令和5年度 当初予算額（億円）", "増減（億円）"]
    assert "資料の合計 令和6年度 要求額（億円）" in out.columns
    items = cmp.table(rows(tables, "item", section_filter=["p2"]), "item", "en", ("FY2024", "FY2023"))
    directions = dict(zip(items["Project"], items["Direction"], strict=True))
    assert directions["福島国際研究教育機構関連事業"] == "▼ down"  # 88 → 83: a decrease said in words
    assert directions["廃炉・汚染水・処理水対策事業"] == "no initial budget last year"
    assert cmp.table(rows(tables, "item", new_only=True), "item", "ja", YEARS)["増減"].eq("新規").all()


def test_csv_has_the_table_rows_and_headers(tables: dict) -> None:
    frame = cmp.table(rows(tables, "item", top=7), "item", "ja", YEARS)
    data = to_csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.columns) == list(frame.columns) and len(back) == 7
    assert back["令和6年度 要求額（億円）"].sum() == pytest.approx(frame["令和6年度 要求額（億円）"].sum())


def test_figure_grouped_bars_first_row_on_top(tables: dict) -> None:
    out = rows(tables, "item", new_only=True, sort="request", top=3)
    fig = cmp.figure(out, "ja", YEARS)
    assert [d.type for d in fig.data] == ["bar", "bar"] and fig.layout.barmode == "group"
    assert fig.data[1].x == (4958.0, 1171.0, 1078.0)
    assert fig.data[1].y[0].startswith("【新規】")
    assert fig.layout.yaxis.autorange == "reversed"


_page = partial(open_app_page, "compare")


def test_page_default_is_by_section() -> None:
    at = _page()
    table = at.dataframe[0].value
    assert table.shape[0] == 10
    assert table["令和6年度 要求額（億円）"].sum() == pytest.approx(18938.2)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [d["type"] for d in spec["data"]] == ["bar", "bar"]
    assert sum(spec["data"][1]["x"]) == pytest.approx(18938.2)
    assert not at.warning


def test_page_items_new_sorted_top() -> None:
    at = _page(level="item", new="1", sort="request", top="3", section=["p1-t1-s1", "p1-t1-s2"])
    table = at.dataframe[0].value
    assert table["事業名"].tolist() == [
        "蓄電池の製造サプライチェーン強靱化支援事業",
        "GXサプライチェーン構築支援事業",
        "GXを実現する半導体の製造サプライチェーン強靱化支援事業",
    ]
    assert at.multiselect[0].value == ["p1-t1-s1", "p1-t1-s2"]
    assert at.number_input[0].value == 3


def test_page_account_level_with_account_filter() -> None:
    at = _page(level="account", account=["一般会計", "GX推進対策費"])
    table = at.dataframe[0].value
    assert table["会計"].tolist() == ["GX推進対策費", "一般会計"]
    assert table["令和6年度 要求額（億円）"].sum() == pytest.approx(10437.0 + 2775.4)


@pytest.mark.parametrize(
    "params", [{"top": "abc"}, {"level": "region"}, {"sort": "name"}, {"section": ["zz"]}, {"top": "0"}]
)
def test_page_bad_params_warn_and_fall_back(params: dict) -> None:
    at = _page(**params)
    assert len(at.warning) == 1
    assert at.dataframe[0].value.shape[0] == 10


def test_page_empty_result_says_so() -> None:
    at = _page(level="item", new="1", section="p2")
    assert at.info and not at.dataframe
