"""Issue 24 in the browser: an analyst's workflow with the shipped document and an edited copy.

One server of this module's own: the shipped text and the issue's 令和7年度 copy (three requests
changed, one project deleted, the accounts table's header left at 令和6/令和5:
:func:`tests.fixtures_years.workflow_text`). What is checked: /years' changes as rows, search
attribution, the printout (PDF text and page images), chart images, the title/header years warning.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.i18n import t
from dashboard.views import compare as cmp
from dashboard.views import priority as pr
from loaders.build import parse_sources
from tests.conftest import ROOT
from tests.e2e.conftest import exceptions, grid_rows, shot, streamlit_server, visit, wait_idle
from tests.fixtures_years import SHIPPED_ID, WORKFLOW_CHANGED, WORKFLOW_DELETED, WORKFLOW_ID, write_workflow

PRINTS = ROOT / "artifacts" / "print"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def workflow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("workflow")
    write_workflow(folder / "raw", header=False)
    env = {"BUDGET_RAW_DIR": str(folder / "raw"), "BUDGET_OUT_DIR": str(folder / "processed")}
    with streamlit_server("streamlit-workflow", env=env) as url:
        yield url


@pytest.fixture(scope="module")
def copy_tables(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The analyst's copy's own tables (for the column headers the printout must carry)."""
    raw = write_workflow(tmp_path_factory.mktemp("workflow-tables"), header=False)
    tables = parse_sources(sorted(raw.iterdir()))
    return {
        name: frame[frame["document_id"] == WORKFLOW_ID].reset_index(drop=True)
        for name, frame in tables.items()
        if "document_id" in frame.columns  # the reference tables are shared by every document
    }


def _query(url: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlparse(url).query)


def _csv(page, index: int, lang: str = "ja") -> list[dict[str, str]]:
    with page.expect_download() as info:
        page.get_by_role("button", name=t("csv.download", lang)).nth(index).click()
    return list(csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig"))))


# ---------------------------------------------------------------- /years


def test_years_shows_the_changes_as_rows_with_counts_filter_sort_and_chart(page, workflow) -> None:
    visit(page, f"{workflow}/years", charts=2)
    assert exceptions(page) == []
    metrics = dict(
        zip(
            [m.inner_text() for m in page.locator("[data-testid=stMetricLabel]").all()],
            [m.inner_text() for m in page.locator("[data-testid=stMetricValue]").all()],
            strict=True,
        )
    )
    assert metrics["金額が変化した事業"] == "3" and metrics["新規掲載の事業"] == "0"
    assert metrics["掲載終了の事業"] == "1" and int(metrics["変化のない事業"]) > 100
    # the chart of the largest changes: three changes and the dropped project, the largest on top
    bars = page.locator(".js-plotly-plot").first.inner_text()
    assert "+30億円 (+6.4%)" in bars and "▲13億円 (▲4.9%)" in bars and "掲載終了" in bars
    shot(page, "workflow-years-ja-desktop")

    # a filter pill writes change= to the URL; the table and its CSV follow
    page.locator("[data-testid=stButtonGroup] button", has_text="金額が変化").first.click()
    wait_idle(page, charts=2)
    assert _query(page.url)["change"] == ["changed"]
    assert grid_rows(page, 0) == 3
    rows = _csv(page, 0)
    change = "増減 令和6年度→令和7年度（億円）"
    assert {r["事業"]: float(r[change]) for r in rows} == {n: new - old for n, old, new in WORKFLOW_CHANGED}
    assert {r["変化"] for r in rows} == {"金額が変化"} and all(r["増減率"] for r in rows)


def test_years_sorted_by_change_from_a_link(page, workflow) -> None:
    visit(page, f"{workflow}/years?change=changed&change=dropped&sort=change&lang=en", charts=2)
    assert exceptions(page) == []
    rows = _csv(page, 0, "en")
    assert [r["Project"] for r in rows] == [
        "原子力損害賠償廃炉等支援機構交付金",
        "国際博覧会事業",
        "石油備蓄事業補給金",
        WORKFLOW_DELETED,
    ]
    assert [r["Change"] for r in rows] == ["changed", "changed", "changed", "dropped"]
    assert _query(page.url)["sort"] == ["change"] and _query(page.url)["change"] == ["changed", "dropped"]
    shot(page, "workflow-years-en-sorted")


# ---------------------------------------------------------------- search


def test_search_says_what_matched(page, workflow) -> None:
    visit(page, f"{workflow}/search?q={urllib.parse.quote('サイバー')}")
    assert exceptions(page) == []
    main = page.locator("[data-testid=stMain]").inner_text()
    assert "事業名に一致した事業（4件）" in main and "施策の説明文に一致（1件）" in main
    # 4 names, 1 paragraph (not 12 projects), 3 推進枠 requests; then 7 review purposes and overviews (issue 23)
    assert grid_rows(page) == 15
    assert "行政事業レビューに一致（7件）" in main
    # 産総研 and ポスト5G: under the paragraph, once each, never a hit of their own
    assert page.get_by_role("link", name="国立研究開発法人産業技術総合研究所運営費交付金（後掲）").count() == 1
    assert page.get_by_role("link", name=re.compile("^ポスト5G情報通信システム基盤強化研究開発事業")).count() == 1
    shot(page, "workflow-search-cyber-ja")


def test_a_priority_only_hit_links_to_priority_with_the_query_language_and_document(page, workflow) -> None:
    q = "伝統的工芸品"
    visit(page, f"{workflow}/search?q={urllib.parse.quote(q)}&lang=en&doc={SHIPPED_ID}")
    link = page.get_by_role("link", name=re.compile("^See the requests matching"))
    href = link.get_attribute("href") or ""
    assert _query(href) == {"q": [q], "lang": ["en"], "doc": [SHIPPED_ID]}
    link.click()
    page.wait_for_url("**/priority?**")
    wait_idle(page, charts=1)
    assert _query(page.url)["q"] == [q] and _query(page.url)["doc"] == [SHIPPED_ID]
    assert grid_rows(page) == 1
    assert exceptions(page) == []


# ---------------------------------------------------------------- print


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def _pdf_words(pdf: Path) -> tuple[list[list[Word]], float]:
    """Every page's words with their boxes (pdftotext -bbox), and the page width."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages, width = [], 0.0
    for chunk in out.split("<page ")[1:]:
        width = float(re.search(r'width="([\d.]+)"', chunk).group(1))
        words = [
            Word(html.unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5)))
            for m in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', chunk
            )
        ]
        pages.append(words)
    return pages, width


def _find(words: list[Word], text: str) -> Word | None:
    """``text`` as printed in one table cell: its pieces left to right on a line, or wrapped onto the
    next lines of the same cell (starting at the cell's left edge); the cell's box, or None."""

    def extend(last: Word, left: float, found: str, box: Word) -> Word | None:
        if found == text:
            return box
        rest = text[len(found) :]
        for w in words:
            if not w.text or not rest.startswith(w.text):
                continue
            same_line = abs(w.y0 - last.y0) < 8 and abs(w.x0 - last.x1) < 3
            next_line = 0 < w.y0 - last.y0 < 20 and abs(w.x0 - left) < 3
            if same_line or next_line:
                grown = Word(found + w.text, min(box.x0, w.x0), box.y0, max(box.x1, w.x1), max(box.y1, w.y1))
                done = extend(w, left, found + w.text, grown)
                if done:
                    return done
        return None

    for w in words:
        if w.text and text.startswith(w.text):
            done = extend(w, w.x0, w.text, w)
            if done:
                return done
    return None


def _print(page, url: str, name: str, charts: int) -> tuple[str, list[list[Word]], float]:
    visit(page, url, charts=charts)
    PRINTS.mkdir(parents=True, exist_ok=True)
    pdf = PRINTS / f"{name}.pdf"
    page.pdf(path=str(pdf), print_background=True, prefer_css_page_size=True)
    for old in PRINTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(PRINTS / name)], check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words, width = _pdf_words(pdf)
    return text, words, width


@pytest.fixture(scope="module")
def poppler() -> None:
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        pytest.fail("pdftotext/pdftoppm missing: apt-get install poppler-utils (bash .ci/run installs it)")


@pytest.mark.parametrize(
    ("path", "module", "table", "charts"),
    [("compare", cmp, "rows", 1), ("priority", pr, "requests", 1)],
)
def test_the_printout_keeps_title_document_filters_and_whole_tables_without_navigation(
    page, workflow, poppler, copy_tables, path: str, module, table: str, charts: int
) -> None:
    text, pages, width = _print(page, f"{workflow}/{path}", f"{path}-ja", charts)
    flat = re.sub(r"\s+", "", text)
    # the page title, the document's name and the filters are on paper
    assert (
        re.sub(
            r"\s+",
            "",
            t("doc.on_screen", title="令和7年度 経済産業省関係 概算要求等概要", request="令和7年度", base="令和6年度"),
        )
        in flat
    )
    if path == "compare":
        assert "前年度との比較" in flat and "並べ替え" in flat and "増減額の大きい順" in flat
    else:
        assert "重要政策推進枠" in flat and "事業名に含む文字" in flat
    # the sidebar (navigation, language, document picker), the share button and the CSV buttons are not
    for absent in ("言語 / Language", "データ品質・出典", "年度比較", "資料を読み込む", "共有", t("csv.download")):
        assert re.sub(r"\s+", "", absent) not in flat, absent
    # every column of the table, the last one too, inside the page's width (the grid's canvas is not text)
    specs = module.specs(copy_tables)
    view = module.view(copy_tables, module.Filters.from_values({s.key: s.default for s in specs}), "ja")
    columns = list(view.tables[table].frame.columns)
    last = next((b for b in (_find(words, re.sub(r"\s+", "", columns[-1])) for words in pages) if b), None)
    assert last is not None, f"the last column {columns[-1]!r} is not in the PDF's text"
    assert last.x1 <= width, (last, width)
    for column in columns:
        assert any(_find(words, re.sub(r"\s+", "", column)) for words in pages), column


def test_the_printout_in_english_of_the_widest_table(page, workflow, poppler, copy_tables) -> None:
    text, pages, width = _print(page, f"{workflow}/compare?lang=en&level=item&top=5", "compare-item-en", 1)
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", t("cmp.heading", "en", base="FY2024", request="FY2025")) in flat
    assert "Language" not in flat and "Share" not in flat
    view = cmp.view(copy_tables, cmp.Filters.from_values({"level": "item", "top": 5}), "en")
    words = [w for on_page in pages for w in on_page]
    for column in view.tables["rows"].frame.columns:
        box = _find(words, re.sub(r"\s+", "", column))
        assert box is not None and box.x1 <= width, column


# ---------------------------------------------------------------- chart images


@pytest.mark.parametrize(
    ("url", "charts", "button", "name"),
    [
        ("compare?level=section", 1, "PNG画像としてダウンロード", "compare-bars_level-section_sort-change_top-20_"),
        (
            "priority?q=%E4%B8%AD%E5%B0%8F%E4%BC%81%E6%A5%AD&lang=en",
            1,
            "Download plot as a PNG",
            "priority-bars_q-中小企業_",
        ),
        ("years?change=changed", 2, "PNG画像としてダウンロード", "years-changes_older-"),
    ],
)
def test_every_chart_downloads_as_a_named_png_from_a_toolbar_in_the_pages_language(
    page, workflow, url: str, charts: int, button: str, name: str
) -> None:
    visit(page, f"{workflow}/{url}", charts=charts)
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    titles = [b.get_attribute("data-title") for b in chart.locator(".modebar-btn").all()]
    assert button in titles
    if "lang=en" not in url:
        assert "Zoom in" not in titles and "拡大" in titles  # the toolbar speaks Japanese
    with page.expect_download() as info:
        chart.locator(f'.modebar-btn[data-title="{button}"]').click()
    download = info.value
    assert download.suggested_filename.startswith(name) and download.suggested_filename.endswith(".png")
    assert download.path().read_bytes().startswith(PNG)
    if url.startswith("years"):
        assert "change-changed" in download.suggested_filename


# ---------------------------------------------------------------- title and header years


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_title_and_header_years_that_disagree_are_said_in_both_languages(page, workflow, lang: str) -> None:
    expected = {
        "ja": "表題は令和7年度ですが、会計表の見出しは 令和6年度 / 令和5年度（5行目）のままです。",
        "en": "The title says FY2025, but the accounts table's header says 令和6年度 / 令和5年度 (line 5).",
    }[lang]
    for path in ("priority", "quality"):
        visit(page, f"{workflow}/{path}?lang={lang}", charts=1 if path == "priority" else 0)
        alerts = " ".join(page.locator("[data-testid=stAlert]").all_inner_texts())
        assert expected in alerts, path
        assert exceptions(page) == []
    # on the quality page the warning comes twice: beside the document's name, and in the page's own text
    assert sum(expected in a for a in page.locator("[data-testid=stAlert]").all_inner_texts()) == 2
    shot(page, f"workflow-header-years-quality-{lang}")
    # the shipped document's title and header agree: no warning
    visit(page, f"{workflow}/quality?lang={lang}&doc={SHIPPED_ID}")
    assert expected not in " ".join(page.locator("[data-testid=stAlert]").all_inner_texts())
