"""Issue 24 without a browser: the printout's tables and stylesheet, chart image names and toolbar,
the title/header years check (loader code, sentence in both languages, quality page)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from dashboard.domain import chartimage, doccheck, printout
from dashboard.domain import contract as vw
from dashboard.views import quality as qa
from loaders.build import parse_sources
from loaders.tables import HEADER_YEARS
from tests.conftest import open_app_page
from tests.fixtures_years import WORKFLOW_ID, write_workflow

# ---------------------------------------------------------------- printout


def test_a_print_table_escapes_every_cell_and_header_and_formats_as_the_grid() -> None:
    frame = pd.DataFrame(
        {
            "<script>x</script>": ["**b** <img src=x onerror=alert(1)>", "A&B"],
            "要求額（億円）": [12345.6, None],
            "増減（億円）": [5165.0, -14.0],
        }
    )
    table = vw.Table(frame, {"増減（億円）": vw.SIGNED})
    markup = printout.table_html(table, "ja")
    assert "<script>" not in markup and "<img" not in markup
    assert "&lt;script&gt;x&lt;/script&gt;" in markup and "&lt;img src=x onerror=alert(1)&gt;" in markup
    assert "A&amp;B" in markup
    cells = re.findall(r"<td[^>]*>(.*?)</td>", markup)
    assert cells == ["**b** &lt;img src=x onerror=alert(1)&gt;", "12,345.6", "+5,165", "A&amp;B", "—", "▲14"]
    assert printout.table_html(table, "en").count("−14") == 1  # the English minus, as the grid


def test_a_long_table_prints_its_first_rows_and_says_so() -> None:
    table = vw.Table(pd.DataFrame({"n": range(12)}), {"n": vw.INT})
    markup = printout.table_html(table, "en", max_rows=10)
    assert markup.count("<tr>") == 11  # header + 10 rows
    assert "the first 10 of 12 rows; the CSV has them all" in markup


def test_the_stylesheet_is_print_only_apart_from_hiding_the_copies() -> None:
    css = printout.PRINT_CSS
    screen, _, paper = css.partition("@media print")
    assert "display: none" in screen and "stSidebar" not in screen and "stDataFrame" not in screen
    for hidden in ("stSidebar", "stHeader", "stToolbar", "stDownloadButton", "stDataFrame", "modebar"):
        assert hidden in paper, hidden
    assert "print-only" in paper and "display: block !important" in paper


def test_every_table_on_a_page_has_its_print_copy_and_the_document_is_named_on_paper() -> None:
    at = open_app_page("compare", None)
    assert not at.exception
    copies = [h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="print-only"><table')]
    assert len(copies) == len(at.dataframe) == 1
    for column in at.dataframe[0].value.columns:
        assert f"<th>{column}</th>" in copies[0]
    notes = [h.proto.body for h in at.get("html") if "print-note" in h.proto.body]
    assert notes and "令和6年度 経済産業省関係 概算要求等概要" in notes[0]
    assert any("@media print" in h.proto.body for h in at.get("html"))


# ---------------------------------------------------------------- chart images


def test_chart_image_names_follow_the_csv_names() -> None:
    today = dt.date(2026, 12, 7)
    assert chartimage.image_filename("treemap", {}, today) == "treemap_2026-12-07"
    assert (
        chartimage.image_filename("years.changes", {"change": ["changed", "new"], "sort": None}, today)
        == "years-changes_change-changed+new_2026-12-07"
    )
    config = chartimage.chart_config("compare.bars", {"level": "item"}, "en", today)
    assert config["toImageButtonOptions"] == {
        "format": "png",
        "filename": "compare-bars_level-item_2026-12-07",
        "scale": 2,
    }
    assert "locale" not in config


def test_every_chart_on_a_page_carries_its_config() -> None:
    import json

    at = open_app_page("priority", None, q="中小企業")
    charts = at.get("plotly_chart")
    assert charts
    for chart in charts:
        config = json.loads(chart.proto.config)
        assert config["toImageButtonOptions"]["filename"].startswith("priority-")
        assert "q-中小企業" in config["toImageButtonOptions"]["filename"]
        assert config["locale"] == "ja" and config["locales"]["ja"]["dictionary"]["Download plot as a PNG"]


# ---------------------------------------------------------------- title and header years


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, dict[str, pd.DataFrame]]:
    out = {}
    for header in (True, False):
        raw = write_workflow(tmp_path_factory.mktemp(f"header-{header}"), header=header)
        tables = parse_sources(sorted(raw.iterdir()))
        out[header] = {
            n: f[f["document_id"] == WORKFLOW_ID].reset_index(drop=True)
            for n, f in tables.items()
            if "document_id" in f.columns  # the reference tables are shared by every document
        }
    return out


def test_the_loader_codes_a_title_and_header_that_disagree(copies) -> None:
    bad = doccheck.coded(copies[False]["parse_log"], HEADER_YEARS)
    assert len(bad) == 1 and bad["level"].tolist() == ["warning"]
    assert bad["source_line"].tolist() == [5] and bad["text"].tolist() == ["令和6年度 / 令和5年度"]
    assert doccheck.coded(copies[True]["parse_log"], HEADER_YEARS).empty


def test_the_warning_in_both_languages(copies) -> None:
    bad = copies[False]
    ja = doccheck.header_years_warning(bad["parse_log"], bad["documents"], "ja")
    en = doccheck.header_years_warning(bad["parse_log"], bad["documents"], "en")
    assert ja.startswith("表題は令和7年度ですが、会計表の見出しは 令和6年度 / 令和5年度（5行目）のままです。")
    assert en.startswith("The title says FY2025, but the accounts table's header says 令和6年度 / 令和5年度 (line 5).")
    assert "FY2025 request vs FY2024 initial budget" in en
    good = copies[True]
    assert doccheck.header_years_warning(good["parse_log"], good["documents"], "ja") is None
    # tables built before the column existed: no warning, no error
    assert doccheck.header_years_warning(good["parse_log"].drop(columns="code"), good["documents"], "en") is None


def test_the_quality_log_says_it_from_the_code(copies) -> None:
    log = copies[False]["parse_log"]
    table = qa.parse_log_table(log, "en", ["warning"])
    assert "the title's year and the accounts table's header years disagree" in table["Message"].tolist()
    ja = qa.parse_log_table(log, "ja", ["warning"])
    assert "表題の年度と会計表の見出しの年度が合わない" in ja.iloc[:, 2].tolist()
