"""Overview page: headline figures, the accounts table and chart, the 事項要求, in both languages."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.views import overview as ov
from tests.conftest import app_test

YEARS_JA = ("令和6年度", "令和5年度")
YEARS_EN = ("FY2024", "FY2023")

# ---------------------------------------------------------------- pure functions


def test_headline_is_the_stated_total(tables: dict) -> None:
    h = ov.headline(tables["accounts"])
    assert h is not None
    assert h.label == "経済産業省関連合計"
    assert (h.request_oku, h.base_oku, h.change_oku) == (24615, 16896, 7719)
    assert h.change_pct == pytest.approx(45.6854, abs=1e-3)


def test_headline_texts(tables: dict) -> None:
    h = ov.headline(tables["accounts"])
    ja = ov.headline_texts(h, "ja")
    assert (ja["request"], ja["base"], ja["change"], ja["pct"]) == (
        "2兆4,615億円",
        "1兆6,896億円",
        "+7,719億円",
        "+45.7%",
    )
    en = ov.headline_texts(h, "en")
    assert (en["request"], en["base"], en["change"]) == ("¥2.46 trillion", "¥1.69 trillion", "+¥771.9 billion")


def test_headline_without_a_total_row_sums_the_accounts(tables: dict) -> None:
    accounts = tables["accounts"]
    h = ov.headline(accounts[accounts["kind"] != "total"])
    # 4,286 + 7,820 + 10,985 + 1,525: one more than the stated 24,615 (each account is rounded)
    assert (h.label, h.request_oku, h.base_oku) == ("合計", 24616, 16897)
    assert ov.headline(accounts.iloc[0:0]) is None


def test_headline_without_a_base(tables: dict) -> None:
    accounts = tables["accounts"].assign(base_oku=float("nan"))
    h = ov.headline(accounts)
    assert h.base_oku is None and h.change_oku is None and h.change_pct is None
    texts = ov.headline_texts(h, "ja")
    assert texts["base"] == "—" and texts["change"] == "—" and texts["pct"] == "—"


def test_accounts_table_japanese(tables: dict) -> None:
    table = ov.accounts_table(tables["accounts"], "ja", YEARS_JA)
    assert list(table.columns) == [
        "会計",
        "令和6年度 要求額（億円）",
        "令和5年度 当初予算額（億円）",
        "増減（億円）",
        "増減率（%）",
        "注記",
    ]
    assert len(table) == 11
    assert table["会計"].tolist() == [
        "一般会計",
        "　うち 中小企業対策費",
        "　うち 科学技術振興費",
        "　うち その他",
        "エネルギー対策特別会計",
        "　うち エネルギー需給勘定",
        "　うち 電源開発促進勘定",
        "　うち 原子力損害賠償支援勘定",
        "GX推進対策費",
        "特許特別会計",
        "経済産業省関連合計",
    ]
    gx = table.iloc[8]
    assert (gx["令和6年度 要求額（億円）"], gx["令和5年度 当初予算額（億円）"], gx["増減（億円）"]) == (
        10985,
        4896,
        6089,
    )
    assert gx["増減率（%）"] == pytest.approx(124.37, abs=0.01)
    assert "1兆8691億円" in gx["注記"]
    assert table.iloc[4]["注記"] == "GX推進対策費を除く"
    # the breakdowns add up to their account (一般会計 1,336 + 1,510 + 1,439 = 4,285 vs 4,286: rounding)
    assert table["令和6年度 要求額（億円）"].iloc[1:4].sum() == pytest.approx(4285)
    assert table["令和6年度 要求額（億円）"].iloc[5:8].sum() == pytest.approx(7821)


def test_accounts_table_empty_note_is_blank(tables: dict) -> None:
    table = ov.accounts_table(tables["accounts"], "ja", YEARS_JA)
    assert table["注記"].iloc[0] == ""


def test_accounts_table_english(tables: dict) -> None:
    table = ov.accounts_table(tables["accounts"], "en", YEARS_EN)
    assert list(table.columns) == [
        "Account",
        "FY2024 request (100M yen)",
        "FY2023 initial budget (100M yen)",
        "Change (100M yen)",
        "Change (%)",
        "Note",
    ]
    assert table["Account"].iloc[0] == "General Account"
    assert table["Account"].iloc[1].strip() == "of which SME measures"
    assert table["Account"].iloc[-1] == "METI total"
    assert table["Note"].iloc[4] == "excluding GX promotion measures"


def test_accounts_figure(tables: dict) -> None:
    figure = ov.accounts_figure(tables["accounts"], "ja", YEARS_JA)
    assert [trace.type for trace in figure.data] == ["bar", "bar"]
    base, request = figure.data
    assert (base.name, request.name) == ("令和5年度", "令和6年度")
    assert base.orientation == request.orientation == "h"
    # the four accounts, not the うち rows or the total; the first account drawn on top
    assert list(request.y) == ["特許特別会計", "GX推進対策費", "エネルギー対策特別会計", "一般会計"]
    assert list(request.x) == [1525, 10985, 7820, 4286]
    assert list(base.x) == [1454, 4896, 7052, 3495]
    assert request.text[1] == "1兆985億円"
    assert figure.layout.barmode == "group"
    english = ov.accounts_figure(tables["accounts"], "en", YEARS_EN)
    assert list(english.data[1].y)[-1] == "General Account" and english.data[1].name == "FY2024"


def test_matter_list_never_zero(tables: dict) -> None:
    lines = ov.matter_list(tables["matter_requests"], "経済産業省", "ja")
    assert len(lines) == 6
    for line in lines:
        assert line.endswith("金額の記載なし")
        assert "0億円" not in line and "0円" not in line
    assert lines[0].startswith("産業競争力強化・経済成長及び排出削減の効果が高いGXの促進")
    # the one requested by another ministry says so; the ministry's own do not
    assert "内閣府" in lines[5] and "経済産業省" not in "".join(lines)
    english = ov.matter_list(tables["matter_requests"], "経済産業省", "en")
    assert all(line.endswith("amount not stated") for line in english)
    assert "(requested by 内閣府)" in english[5]
    assert ov.matter_list(tables["matter_requests"].iloc[0:0], "経済産業省", "ja") == []


# ---------------------------------------------------------------- the page


def _overview(lang: str | None = None) -> AppTest:
    at = app_test()
    if lang:
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metric_texts(at: AppTest) -> str:
    return " ".join(f"{m.label}: {m.value} {m.delta or ''}" for m in at.metric)


def test_page_headline() -> None:
    at = _overview()
    assert at.title[0].value == "令和6年度 経済産業省関係 概算要求等概要"
    values = [m.value for m in at.metric]
    assert "2兆4,615億円" in values and "1兆6,896億円" in values
    texts = _metric_texts(at)
    assert "+7,719億円" in texts and "+45.7%" in texts
    assert "令和6年度" in texts and "令和5年度" in texts


def test_page_accounts_table_and_chart() -> None:
    at = _overview()
    table = at.dataframe[0].value
    assert table.shape == (11, 6)
    assert table["令和6年度 要求額（億円）"].iloc[-1] == 24615
    assert table["会計"].str.startswith("　うち").sum() == 6
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace["type"] for trace in spec["data"]] == ["bar", "bar"]
    assert spec["data"][1]["x"] == [1525, 10985, 7820, 4286]
    assert spec["data"][0]["x"] == [1454, 4896, 7052, 3495]


def test_page_matters_are_not_stated_amounts() -> None:
    at = _overview()
    markdown = next(m.value for m in at.markdown if "金額の記載なし" in m.value)  # not the accounts' notes
    lines = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert len(lines) == 6
    assert all(line.endswith("金額の記載なし") for line in lines)
    assert not any("0億円" in line for line in lines)


def test_page_in_english() -> None:
    at = _overview("en")
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Account",
        "FY2024 request (100M yen)",
        "FY2023 initial budget (100M yen)",
        "Change (100M yen)",
        "Change (%)",
        "Note",
    ]
    assert table["Account"].iloc[0] == "General Account"
    values = [m.value for m in at.metric]
    assert "¥2.46 trillion" in values
    assert "FY2024 request" in _metric_texts(at)
    markdown = "\n".join(m.value for m in at.markdown)
    assert markdown.count("amount not stated") == 6


def test_page_bad_language_falls_back_to_japanese() -> None:
    at = _overview("xx")
    assert any("`lang`" in w.value and "`xx`" in w.value for w in at.warning)
    assert at.dataframe[0].value.columns[0] == "会計"


def test_page_table_sums_match_the_document(tables: dict) -> None:
    at = _overview()
    table = at.dataframe[0].value
    accounts = table[~table["会計"].str.startswith("　うち")].iloc[:-1]
    # the accounts add up to the stated total within rounding (24,616 vs 24,615)
    assert accounts["令和6年度 要求額（億円）"].sum() == pytest.approx(24615, abs=len(accounts) * 0.5)


def test_english_chart_axis_and_labels_in_one_unit(tables: dict) -> None:
    """The axis and the bar labels say the same unit: ¥ billion in English, 億円 in Japanese."""
    english = ov.accounts_figure(tables["accounts"], "en", ("FY2024", "FY2023"))
    gx = english.data[1].y.index("GX promotion measures")
    assert english.data[1].x[gx] == pytest.approx(1098.5) and english.data[1].text[gx] == "¥1.1 trillion"
    assert english.layout.xaxis.title.text == "¥ billion"
    japanese = ov.accounts_figure(tables["accounts"], "ja", ("令和6年度", "令和5年度"))
    assert japanese.data[1].x[japanese.data[1].y.index("GX推進対策費")] == 10985.0
    assert japanese.layout.xaxis.title.text == "億円" and japanese.layout.xaxis.tickformat == ",.0f"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_shows_every_account_row_and_every_note_whole(tables: dict, lang: str) -> None:
    at = _overview(lang)
    assert len(at.dataframe[0].value) == 11
    # Streamlit's default height shows 10 rows: the 11th, the total 経済産業省関連合計, was below the fold.
    # (AppTest does not expose the grid's height; tests/e2e/test_figures_words.py measures the drawn grid.)
    assert ov.view(tables, ov.Filters(), lang).texts["accounts_height"] >= (11 + 1) * 35
    notes = [line.replace("\\", "") for m in at.markdown for line in m.value.splitlines()]
    gx = "総額1兆8691億円" if lang == "ja" else "¥1.8691 trillion"
    assert any(gx in line and line.rstrip().endswith(("新規要求", "too")) for line in notes), notes


def test_account_notes_are_whole(tables: dict) -> None:
    notes = ov.account_notes(tables["accounts"], "ja")
    assert notes == [
        "エネルギー対策特別会計: GX推進対策費を除く",
        "GX推進対策費: 国庫債務負担行為等も活用し、総額1兆8691億円の投資促進策を新規要求",
    ]
