"""/years, issue 24: the changes between two documents as rows (the analyst's copy of the issue).

The fixture is the shipped text as a 令和7年度 copy with three requests changed (石油備蓄 −13,
国際博覧会 +16, 原賠機構 +30) and one project deleted (tests/fixtures_years.py).
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.domain.csvout import csv_filename
from dashboard.views import years as yrs
from loaders.build import parse_sources
from tests.fixtures_years import SHIPPED_ID, WORKFLOW_CHANGED, WORKFLOW_DELETED, WORKFLOW_ID, write_workflow

CHANGE_COL = "増減 令和6年度→令和7年度（億円）"


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    raw = write_workflow(tmp_path_factory.mktemp("workflow"))
    return parse_sources(sorted(raw.iterdir()))


def _view(tables, lang="ja", **values):
    return yrs.view(tables, yrs.Filters.from_values(values), lang)


def test_the_summary_counts_all_four(copy) -> None:
    texts = _view(copy).texts
    n = texts["n_projects"]
    assert (texts["n_changed"], texts["n_new"], texts["n_dropped"]) == (3, 0, 1)
    assert texts["n_unchanged"] == n - 4
    assert (texts["older_id"], texts["newer_id"]) == (SHIPPED_ID, WORKFLOW_ID)


def test_changed_rows_carry_both_requests_the_change_and_the_rate(copy) -> None:
    frame = _view(copy, change=["changed"]).tables["projects"].frame.set_index("事業")
    assert set(frame.index) == {name for name, _, _ in WORKFLOW_CHANGED}
    for name, old, new in WORKFLOW_CHANGED:
        row = frame.loc[name]
        assert row["令和6年度 要求（億円）"] == old and row["令和7年度 要求（億円）"] == new
        assert row[CHANGE_COL] == new - old
        assert row["増減率"] == pytest.approx((new - old) / old * 100, abs=1e-4)
        assert row["変化"] == "金額が変化"


def test_dropped_is_minus_its_request_without_a_rate(copy) -> None:
    frame = _view(copy, change=["dropped"]).tables["projects"].frame
    assert frame["事業"].tolist() == [WORKFLOW_DELETED]
    assert frame[CHANGE_COL].tolist() == [-5.0] and frame["増減率"].isna().all()
    assert frame["令和7年度 要求（億円）"].isna().all()


def test_sort_by_change_puts_the_largest_change_first_up_or_down(copy) -> None:
    frame = _view(copy, change=["changed", "dropped"], sort="change").tables["projects"].frame
    assert frame[CHANGE_COL].tolist() == [30.0, 16.0, -13.0, -5.0]
    by_pct = _view(copy, change=["changed"], sort="pct").tables["projects"].frame
    assert by_pct["事業"].tolist() == ["国際博覧会事業", "原子力損害賠償廃炉等支援機構交付金", "石油備蓄事業補給金"]
    in_order = _view(copy, change=["changed"]).tables["projects"].frame
    assert in_order["事業"].tolist() == ["石油備蓄事業補給金", "国際博覧会事業", "原子力損害賠償廃炉等支援機構交付金"]


def test_unchanged_filter_and_english_labels(copy) -> None:
    frame = _view(copy, "en", change=["unchanged"]).tables["projects"].frame
    assert set(frame["Change"]) == {"unchanged"}
    assert (frame["Change FY2024→FY2025 (100M yen)"] == 0).all()
    assert _view(copy, "en").texts["n_unchanged"] == len(frame)


def test_the_chart_shows_the_largest_changes_of_what_is_shown(copy) -> None:
    figure = _view(copy, sort="change").figures["changes"]
    bars = figure.data[0]
    assert bars.type == "bar" and bars.orientation == "h"
    assert list(bars.x) == [30.0, 16.0, -13.0, -5.0]
    assert bars.y[3].startswith("掲載終了: ")
    assert list(bars.marker.color) == [yrs.REQUEST_COLOUR] * 2 + [yrs.DECREASE_COLOUR] * 2
    assert list(bars.text)[:3] == ["+30億円 (+6.4%)", "+16億円 (+36.4%)", "▲13億円 (▲4.9%)"]
    english = _view(copy, "en").figures["changes"].data[0]
    assert list(english.x)[:3] == [3.0, 1.6, -1.3]  # ¥ billion
    # the filter narrows the chart too
    assert list(_view(copy, change=["dropped"]).figures["changes"].data[0].x) == [-5.0]
    assert _view(copy, change=["unchanged"]).figures["changes"].layout.meta["rows"] == 0


def test_the_csv_has_the_same_columns_and_names_the_filters(copy) -> None:
    table = _view(copy, change=["changed", "new"], sort="change").tables["projects"]
    assert {"変化", CHANGE_COL, "増減率", "令和6年度 要求（億円）", "令和7年度 要求（億円）"} <= set(
        table.frame.columns
    )
    name = csv_filename(table.csv, table.csv_filters)
    assert "change-changed+new" in name and "sort-change" in name
    assert "sort-" not in csv_filename(table.csv, _view(copy).tables["projects"].csv_filters)


def test_change_and_sort_in_the_url(copy) -> None:
    from dashboard.domain.params import parse_all

    specs = {s.key: s for s in yrs.specs(copy)}
    values, bad = parse_all({"change": ["changed", "nope"], "sort": ["size"]}, list(specs.values()))
    assert values["change"] == ["changed"] and values["sort"] == "order"
    assert bad == [("change", "nope"), ("sort", "size")]


def test_changes_status_rules() -> None:
    projects = pd.DataFrame(
        {
            "request:a": [10.0, None, 4.0, None, 1.0],
            "new:a": [False, False, False, None, None],
            "request:b": [10.0, None, None, None, 2.0],
            "new:b": [False, False, False, None, True],
        }
    )
    out = yrs.changes(projects, "a", "b")
    # equal, both unstated, stated then not (a change of unknown size), in neither, new
    assert out["status"].tolist() == ["unchanged", "unchanged", "changed", None, "new"]
    assert out["change_oku"].isna().tolist() == [False, True, True, True, False]
