"""R5 vs R6: the same primary listings summed by account, section and project; filters, sort, top, CSV."""

from __future__ import annotations

import io
import json
from functools import partial

import pandas as pd
import pytest

from dashboard.domain import comparison
from dashboard.domain.csvout import to_csv_bytes
from dashboard.views import compare as cmp
from tests.conftest import open_app_page

YEARS = ("令和6年度", "令和5年度")


def rows(
    tables: dict, level: str, lang: str = "ja", sort: str = "change", top: int | None = None, **fields
) -> pd.DataFrame:
    """/compare's rows at ``level`` for the filters' fields (``sections=("p2",)``, ``new_only=True`` …)."""
    filters = cmp.Filters(level=level, **{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})
    return comparison.compare_rows(
        tables["items"], tables["sections"], tables["accounts"], level, lang, filters, sort=sort, top=top
    )


def test_section_listed_sums_equal_primary_listings(tables: dict) -> None:
    items = tables["items"]
    counted = items[items["is_primary"] & ~items["is_portion"]]
    expected = counted.groupby("section_id")["request_oku"].sum()
    by_section = rows(tables, "section").set_index("key")
    pd.testing.assert_series_equal(
        by_section["listed_request_oku"].sort_index(), expected.sort_index(), check_names=False
    )
    assert by_section.at["p1-t1-s1", "listed_request_oku"] == pytest.approx(15155.0)
    assert by_section.at["p1-t1-s1", "listed_base_oku"] == pytest.approx(4177.0)
    assert by_section.at["p2", "listed_base_oku"] == pytest.approx(804.2)  # 廃炉 compared with R4補正: not initial


def test_sections_compare_stated_totals_first(tables: dict) -> None:
    """The document's own 【totals】 are the figures: GX +5,165 first, デジタル +1,225 second."""
    out = rows(tables, "section")
    assert (out["measure"] == "stated").all()
    first, second = out.iloc[0], out.iloc[1]
    assert first["key"] == "p1-t1-s1" and first["request_oku"] == 16241 and first["base_oku"] == 11076
    assert first["change_oku"] == pytest.approx(5165.0)
    assert first["unlisted_request_oku"] == pytest.approx(16241 - 15155)
    assert second["key"] == "p1-t1-s2" and second["change_oku"] == pytest.approx(1225.0)
    stated = tables["sections"].set_index("section_id")
    for row in out.itertuples():
        assert row.request_oku == stated.at[row.key, "request_oku"]
    fukushima = out.set_index("key").loc["p2"]
    assert fukushima["request_oku"] == 910 and fukushima["unlisted_request_oku"] == pytest.approx(910 - 975.8)


@pytest.mark.parametrize("level", ["account", "section"])
def test_listed_sums_add_up_to_the_same_total(tables: dict, level: str) -> None:
    out = rows(tables, level)
    assert out["listed_request_oku"].sum() == pytest.approx(18938.2)
    assert out["listed_base_oku"].fillna(0).sum() == pytest.approx(7328.2)


def test_item_level_adds_up_to_the_listed_total(tables: dict) -> None:
    out = rows(tables, "item")
    assert out["request_oku"].sum() == pytest.approx(18938.2)  # 内数 in its own column, never in request
    assert out["base_oku"].fillna(0).sum() == pytest.approx(7328.2)
    assert out.loc[out["is_portion"], "request_oku"].isna().all() and out["portion_oku"].notna().sum() > 0


def test_account_level_with_stated_totals(tables: dict) -> None:
    out = rows(tables, "account").set_index("key")
    gx = out.loc["GX推進対策費"]
    assert (gx["request_oku"], gx["base_oku"]) == (10985.0, 4896.0)  # as the overview states
    assert gx["change_pct"] == pytest.approx(124.37, abs=0.01)
    assert gx["listed_request_oku"] == pytest.approx(10437.0) and gx["unlisted_request_oku"] == pytest.approx(548.0)
    assert out.at["科学技術振興費", "kind"] == "breakdown" and out.at["科学技術振興費", "parent"] == "一般会計"
    keys = list(out.index)
    assert keys.index("科学技術振興費") == keys.index("一般会計") + 1  # a うち row stays under its account
    assert out.at["東日本大震災復興特別会計", "measure"] == "listed"  # not in the summary table
    assert out.at["東日本大震災復興特別会計", "change_oku"] == pytest.approx(-4.4)
    # a section filter makes the stated account totals incomparable: listed sums, said so
    filtered = rows(tables, "account", sections=["p2"])
    assert (filtered["measure"] == "listed").all() and "breakdown" not in set(filtered["kind"])


def test_account_summary_is_the_stated_total(tables: dict) -> None:
    texts = cmp.view(tables, cmp.Filters(level="account"), "ja").texts
    assert (texts["request"], texts["base"], texts["change"]) == ("2兆4,615億円", "1兆6,896億円", "+7,719億円")
    # the four rounded account figures add up to 24,616: the stated total row is quoted instead
    assert cmp.summary(rows(tables, "account"), "ja")["request"] == "2兆4,616億円"


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
        ({"sections": ["p2"]}, 11, 975.8),
        ({"accounts": ["特許特別会計"]}, 1, 3.0),
        ({"sections": ["p2", "p1-t4-s2"], "accounts": ["一般会計"]}, 3, 199.0),
        ({"sections": ["p2"], "new_only": True}, 0, 0.0),
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
    # 内数 rows (a whole grant) carry no rate of their own: 99 rates before, 97 now
    assert rates.notna().sum() == 97 and rates.iloc[97:].isna().all()


def test_table_headers_and_words(tables: dict) -> None:
    out = cmp.table(rows(tables, "section"), "section", "ja", YEARS)
    assert list(out.columns[:4]) == [
        "施策",
        "令和6年度 要求額（資料の合計、億円）",
        "令和5年度 当初予算額（資料の合計、億円）",
        "増減（億円）",
    ]
    assert "令和6年度 未掲載分（資料の合計−掲載計、億円）" in out.columns
    listed = cmp.table(rows(tables, "section", accounts=["一般会計"]), "section", "ja", YEARS)
    assert (
        "令和6年度 要求額（掲載事業の計、億円）" in listed.columns
        and "令和6年度 未掲載分（資料の合計−掲載計、億円）" not in listed
    )
    items = cmp.table(rows(tables, "item", sections=["p2"]), "item", "en", ("FY2024", "FY2023"))
    directions = dict(zip(items["Project"], items["Direction"], strict=True))
    assert directions["福島国際研究教育機構関連事業"] == "down"  # 88 → 83: a decrease said in words
    assert directions["廃炉・汚染水・処理水対策事業"] == "base not an initial budget"  # 149 is R4補正
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
    assert [d.type for d in fig.data] == ["bar", "bar", "bar"] and fig.layout.barmode == "group"
    assert fig.data[1].x == (4958.0, 1171.0, 1078.0)
    assert fig.data[2].x == (0.0, 0.0, 0.0)  # projects have no unlisted remainder
    assert fig.data[1].y[0].startswith("【新規】")
    assert fig.data[1].y[0].endswith(">新規</span>")  # the change on its own line of the label: never cut off
    assert fig.layout.yaxis.autorange == "reversed"


_page = partial(open_app_page, "compare")


def test_page_default_is_by_section_stated() -> None:
    at = _page()
    table = at.dataframe[0].value
    assert table.shape[0] == 10
    assert table["令和6年度 要求額（資料の合計、億円）"].sum() == pytest.approx(21772.0)
    assert table["施策"].iloc[0].startswith("(1)① GX") and table["増減（億円）"].iloc[0] == "+5,165"
    assert table["施策"].iloc[1].startswith("(1)② デジタル") and table["増減（億円）"].iloc[1] == "+1,225"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [d["type"] for d in spec["data"]] == ["bar", "bar", "bar"]
    listed, rest = spec["data"][1]["x"], spec["data"][2]["x"]
    assert sum(listed) + sum(rest) == pytest.approx(21772.0 + 65.8 - 65.8)  # bars drawn to the stated totals
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


@pytest.mark.parametrize("accounts", [["general", "gx"], ["一般会計", "GX推進対策費"]])  # codes; old names still read
def test_page_account_level_with_account_filter(accounts: list[str]) -> None:
    at = _page(level="account", account=accounts)
    table = at.dataframe[0].value
    assert table["会計"].tolist() == [
        "GX推進対策費",
        "一般会計",
        "うち 科学技術振興費",
        "うち 中小企業対策費",
        "うち その他",
    ]
    assert table["増減率（%）"].iloc[0] == "+124.4%"
    assert not at.warning
    assert at.query_params["account"] == ["general", "gx"]  # written back as codes


def test_page_account_gx_alone() -> None:
    at = _page(level="account", account="gx")
    table = at.dataframe[0].value
    assert table["会計"].tolist() == ["GX推進対策費"] and table["増減率（%）"].iloc[0] == "+124.4%"


def test_page_old_section_id_is_read_and_written_readably() -> None:
    at = _page(section="p1-t1-s1")
    assert not at.warning and at.dataframe[0].value.shape[0] == 1
    assert at.query_params["section"] in ("gx-energy", ["gx-energy"])


@pytest.mark.parametrize("value", ["all", "0"])
def test_page_top_all_shows_every_row_and_stays_in_the_url(value: str) -> None:
    at = _page(level="item", top=value)
    assert not at.warning
    assert at.dataframe[0].value.shape[0] == 120
    assert at.query_params["top"] in ("all", ["all"])


def test_page_clearing_top_writes_all() -> None:
    at = _page(level="item")
    assert at.dataframe[0].value.shape[0] == 20
    at.number_input[0].set_value(None).run()
    assert at.dataframe[0].value.shape[0] == 120
    assert at.query_params["top"] in ("all", ["all"])


def test_page_decrease_shows_a_triangle_in_japanese_and_a_minus_in_english() -> None:
    ja = _page(level="item", section="fukushima", top="all").dataframe[0].value
    row = ja[ja["事業名"] == "福島国際研究教育機構関連事業"].iloc[0]
    assert row["増減（億円）"] == "▲5" and row["増減"] == "減額"
    en = _page(level="item", section="fukushima", top="all", lang="en").dataframe[0].value
    assert en[en["Project"] == "福島国際研究教育機構関連事業"].iloc[0]["Change (100M yen)"] == "\u22125"


@pytest.mark.parametrize(
    "params", [{"top": "abc"}, {"level": "region"}, {"sort": "name"}, {"section": ["zz"]}, {"top": "-3"}]
)
def test_page_bad_params_warn_and_fall_back(params: dict) -> None:
    at = _page(**params)
    assert len(at.warning) == 1
    assert at.dataframe[0].value.shape[0] == 10


def test_page_empty_result_says_so() -> None:
    at = _page(level="item", new="1", section="p2")
    assert at.info and not at.dataframe
