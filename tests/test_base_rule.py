"""One rule for the comparison figure: a base that is not the base year's initial budget.

``廃炉・汚染水・処理水対策事業【176 億円（149 億円（R4 補正））】``: 149 is the R4 supplementary
budget. It never sits in an initial-budget column nor in a change (176 − 149 = +27, or +176 as
if new); every view shows it in a column of its own, "149億円（R4補正）". The rule lives in
``dashboard.domain.listings.base_figures``; these tests walk every page (AppTest) and every CSV.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.domain import comparison, listings
from dashboard.domain.csvout import to_csv_bytes
from dashboard.domain.params import parse_all
from dashboard.registry import PAGES
from dashboard.views import items as it
from dashboard.views import years as yrs
from tests.conftest import open_app_page
from tests.fixtures_years import write_two_years

PROJECT = "廃炉・汚染水・処理水対策事業"
REQUEST, SUPPLEMENTARY = 176.0, 149.0
OTHER_TEXT = {"ja": "149億円（R4補正）", "en": "¥14.9 billion (FY2022 supplementary)"}
#: Headers of an initial-budget column and of a change column, in both languages.
INITIAL_WORDS = ("当初予算", "当初（", "initial budget", "Initial budget", "Previous initial")
CHANGE_WORDS = ("増減", "Change")
#: Every page with the URL that shows the project.
PAGE_PARAMS = {
    "overview": {},
    "search": {"q": PROJECT},
    "treemap": {"focus": "fukushima", "tab": "tiles"},
    "compare": {"level": "item", "section": "fukushima"},
    "priority": {"q": "廃炉"},
    "items": {"project": PROJECT},
    "quality": {},
    "glossary": {},
    "data": {},
}


def _is_initial(column: str) -> bool:
    return any(w in column for w in INITIAL_WORDS) and "以外" not in column and "not from" not in column


def _is_change(column: str) -> bool:
    return any(column.startswith(w) or f" {w}" in column for w in CHANGE_WORDS)


def wrong_cells(frame: pd.DataFrame) -> list[str]:
    """Cells of the project's rows that put 149 in an initial-budget column or show a change."""
    names = frame.astype(str).apply(lambda col: col.str.contains(PROJECT, regex=False)).any(axis=1)
    found = []
    for _, row in frame[names].iterrows():
        for column, value in row.items():
            number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
            if _is_initial(str(column)) and number == SUPPLEMENTARY:
                found.append(f"{column}={value}")
            if _is_change(str(column)) and pd.notna(number) and number in (REQUEST - SUPPLEMENTARY, REQUEST):
                found.append(f"{column}={value}")
    return found


def other_texts(frame: pd.DataFrame) -> set[str]:
    return {str(v) for v in frame.to_numpy().ravel() if isinstance(v, str)}


def test_the_rule_splits_the_base(tables: dict) -> None:
    items = tables["items"]
    row = items[items["project_key"] == PROJECT]
    figures = listings.base_figures(row).iloc[0]
    assert pd.isna(figures["initial_base_oku"]) and figures["other_base_oku"] == SUPPLEMENTARY
    assert figures["other_base_basis"] == "R4補正" and not figures["comparable"]
    plain = listings.base_figures(items[items["base_basis"].isna()])
    assert plain["comparable"].all() and plain["other_base_oku"].isna().all()
    assert plain["initial_base_oku"].equals(items.loc[items["base_basis"].isna(), "base_oku"].astype("float64"))
    for lang, text in OTHER_TEXT.items():
        assert listings.other_base_text(SUPPLEMENTARY, "R4補正", lang) == text
    assert listings.other_base_text(70.0, None, "ja") == ""


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("info", [p for p in PAGES if p.script in PAGE_PARAMS], ids=lambda p: p.script)
def test_every_page_keeps_the_supplementary_base_out(info, lang: str) -> None:
    at = open_app_page(info.script, lang=lang, **PAGE_PARAMS[info.script])
    frames = [d.value for d in at.dataframe]
    for frame in frames:
        assert not wrong_cells(frame), (info.script, wrong_cells(frame))
    if info.script in ("items", "compare"):
        assert any(OTHER_TEXT[lang] in other_texts(f) for f in frames), info.script
    if info.script == "items":
        labels = [m.label for m in at.metric]
        assert "前年度当初予算額" not in labels and "Initial budget the year before" not in labels
        base = next(m for m in at.metric if m.label in ("比較額（当初予算ではない）", "Base (not an initial budget)"))
        assert base.value == {"ja": "149億円", "en": "¥14.9 billion"}[lang]
        assert any(OTHER_TEXT[lang] in c.value.replace("\\", "") for c in at.caption)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_csv_keeps_the_supplementary_base_out(tables: dict, lang: str) -> None:
    checked = 0
    for info in PAGES:
        if info.script not in PAGE_PARAMS:
            continue
        module = info.dashboard()
        raw = {k: [v] for k, v in PAGE_PARAMS[info.script].items()}
        values, bad = parse_all(raw, module.specs(tables))
        assert not bad
        view = module.view(tables, module.Filters.from_values(values), lang)
        for name, table in view.tables.items():
            frame = pd.read_csv(io.BytesIO(to_csv_bytes(table.frame)), encoding="utf-8-sig")
            assert not wrong_cells(frame), (info.script, name, wrong_cells(frame))
            checked += int(frame.astype(str).apply(lambda c: c.str.contains(PROJECT, regex=False)).any(axis=None))
    assert checked >= 4  # items (list and detail), compare, treemap tiles at least hold the project


@pytest.fixture
def two_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path_factory.getbasetemp() / "years-base-rule"
    if not root.exists():
        write_two_years(root / "raw")
    monkeypatch.setenv("BUDGET_RAW_DIR", str(root / "raw"))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(root / "out"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_years_keeps_the_supplementary_base_out(two_dirs, lang: str) -> None:
    at = open_app_page(None, lang=lang, project=PROJECT)
    at.switch_page("pages/years.py")
    at.run()
    assert not at.exception
    history = at.dataframe[1].value  # after the changes between the documents (projects), the project's history
    assert len(history) == 2 and not wrong_cells(history.assign(name=PROJECT))
    base = next(c for c in history.columns if _is_initial(c))
    assert history[base].isna().all()
    assert set(history.iloc[:, -1]) == {OTHER_TEXT[lang]}
    chart = at.get("plotly_chart")[1].proto.spec  # the history chart (the first is the largest changes)
    assert "149" not in chart  # no grey base point at 149 as if it were an initial budget


def test_compare_rows_have_no_change_for_the_project(tables: dict) -> None:
    rows = comparison.compare_rows(tables["items"], tables["sections"], tables["accounts"], "item", "ja")
    row = rows[rows["label"] == PROJECT].iloc[0]
    assert pd.isna(row["base_oku"]) and pd.isna(row["change_oku"]) and row["other_base"] == OTHER_TEXT["ja"]
    listed = it.view(tables, it.Filters(q=PROJECT), "ja").tables["items"].frame.iloc[0]
    assert pd.isna(listed["令和5年度 当初予算額（億円）"]) and pd.isna(listed["増減（億円）"])


def test_years_history_uses_the_rule(tables: dict) -> None:
    documents = pd.concat([tables["documents"], tables["documents"].assign(document_id="b", request_fiscal_year=2025)])
    items = pd.concat([tables["items"], tables["items"].assign(document_id="b")])
    projects = yrs.match_projects(items, pd.concat([tables["sections"]] * 2), documents)
    history = yrs.history(projects, PROJECT, documents)
    assert history["base_oku"].isna().all() and (history["other_base_oku"] == SUPPLEMENTARY).all()
