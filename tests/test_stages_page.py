"""The budget-stages page (/stages) in AppTest: figures, URL keys, sentences for accounts that cannot be compared."""

from __future__ import annotations

import json

import pytest

from tests.conftest import open_app_page


def _frame(at, *headers: str):
    for frame in at.dataframe:
        if set(headers) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {headers!r}")


def test_default_view_is_the_request_year_general_account() -> None:
    at = open_app_page("stages")
    summary = _frame(at, "概算要求（億円）").set_index("会計")
    assert list(summary.index) == ["一般会計", "特許特別会計"]  # the comparable accounts only
    general = summary.loc["一般会計"]
    assert general["概算要求（億円）"] == 4286.0
    assert general["当初予算（億円）"] == pytest.approx(3579.92612)
    assert general["補正による増減（億円）"] == pytest.approx(37028.69326)
    assert general["支出済歳出額（億円）"] == pytest.approx(57433.885024)
    texts = [e.value for e in at.text]
    assert any(text.startswith("エネルギー対策特別会計: エネルギー対策特別会計は複数府省の共管") for text in texts)
    flow = _frame(at, "段階")
    assert flow["段階"].tolist()[:3] == ["概算要求（資料）", "当初予算（成立）", "補正予算（第1号）による増減"]
    charts = at.get("plotly_chart")
    assert len(charts) == 3 and json.loads(charts[0].proto.spec)["data"][0]["type"] == "bar"


def test_url_keys_pick_year_account_and_stage() -> None:
    at = open_app_page("stages", year="2023", account="patent", stage="initial")
    assert at.selectbox[0].value == "2023" and at.selectbox[1].value == "特許特別会計"
    jikou = _frame(at, "事項")
    assert set(jikou["予算種別"]) == {"当初予算"}
    assert jikou["金額（億円）"].sum() == pytest.approx(1454.21334)  # the document's 1,454億円 base
    assert any("要求年度は2024年度" in c.value for c in at.caption)  # no request for another year


def test_supplementary_list_shows_what_each_item_added() -> None:
    at = open_app_page("stages", stage="supplementary")
    jikou = _frame(at, "予算種別", "補正による増減（億円）")
    assert set(jikou["予算種別"]) == {"補正予算（第1号）"}
    assert jikou["補正による増減（億円）"].sum() == pytest.approx(37028.69326)


def test_settled_list_links_only_to_the_budget_book() -> None:
    at = open_app_page("stages", stage="settled")
    jikou = _frame(at, "出典")
    assert len(jikou) > 40
    assert jikou["出典"].dropna().str.match(r"^https://www\.bb\.mof\.go\.jp/").all()
    assert {"支出済歳出額（億円）", "不用額（億円）"} <= set(jikou.columns)


def test_energy_account_shows_a_sentence_not_a_number() -> None:
    at = open_app_page("stages", account="energy", lang="en")
    texts = [e.value for e in at.text]
    assert any("managed jointly" in text for text in texts)
    assert "Stage" not in {c for frame in at.dataframe for c in frame.value.columns}  # no stage-by-stage table


def test_a_bad_year_falls_back_with_a_notice() -> None:
    at = open_app_page("stages", year="1999")
    assert at.selectbox[0].value == "2024"
    assert any("1999" in w.value for w in at.warning)
