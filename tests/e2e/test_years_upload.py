"""Several documents in a real browser: every page names its document, /years side by side, uploads per browser.

Two servers: the session's ``two_server`` (tests/e2e/conftest.py: the shipped text and a next-year
fixture, :mod:`tests.fixtures_years`, never shipped, in its raw folder) and one of this module's own
with the shipped text only, to which the fixture is uploaded from the browser.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator

import pytest

from dashboard.i18n import t
from tests.e2e.conftest import WIDTHS, exceptions, open_page, page_paths, shot, streamlit_server, visit, wait_idle
from tests.fixtures_years import CHANGED, DROPPED, NEW, NEXT_TITLE, RENAMED, SHIPPED, next_year_text

NEXT_CAPTION = f"表示中の資料: {NEXT_TITLE}（令和7年度 概算要求 / 令和6年度 当初予算との比較）"
# Every page of the registry except /years (its own tests below) names the document it shows.
PAGES = [path for path in page_paths(documents=2) if path != "years"]


@pytest.fixture(scope="module")
def one_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("one-year")
    (folder / "raw").mkdir()
    (folder / "raw" / SHIPPED.name).write_bytes(SHIPPED.read_bytes())
    env = {"BUDGET_RAW_DIR": str(folder / "raw"), "BUDGET_OUT_DIR": str(folder / "processed")}
    with streamlit_server("streamlit-one-year", env=env) as url:
        yield url


def _nav_paths(page) -> list[str]:
    links = page.query_selector_all("[data-testid=stSidebarNav] a")
    return [link.get_attribute("href").rsplit("/", 1)[-1].split("?")[0] for link in links]


def test_every_page_names_its_document_and_keeps_doc(page, two_server) -> None:
    for path in PAGES:
        visit(page, f"{two_server}/{path}")  # the first loaded, the others in its session
        body = page.inner_text("[data-testid=stMain]")
        assert NEXT_CAPTION in body, path
        assert not exceptions(page), path
    open_page(page, f"{two_server}/priority?doc=meti_r6_gaisan_gaiyou")
    assert "表示中の資料: 令和6年度 経済産業省関係 概算要求等概要" in page.inner_text("[data-testid=stMain]")
    shot(page, "years-doc-named-priority-ja-desktop")
    # Navigating keeps doc= (the link of every page carries it after the router runs)
    page.locator("[data-testid=stSidebarNav] a[href$='/items']").click()
    wait_idle(page)
    assert "doc=meti_r6_gaisan_gaiyou" in page.url
    assert "表示中の資料: 令和6年度" in page.inner_text("[data-testid=stMain]")
    assert "years" in _nav_paths(page)
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    open_page(page, f"{two_server}/compare?lang=en&doc=meti_r6_gaisan_gaiyou")
    assert "Document shown: 令和6年度 経済産業省関係 概算要求等概要 (FY2024 request vs FY2023" in page.inner_text(
        "[data-testid=stMain]"
    )
    shot(page, "years-doc-named-compare-en-phone")


def _csv(page, index: int) -> list[dict[str, str]]:
    with page.expect_download() as info:
        page.get_by_role("button", name=t("csv.download")).nth(index).click()
    data = info.value.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_years_page_lists_both_years(page, two_server) -> None:
    """In both languages at both widths: the first view loaded, the others reached in its session."""
    for lang, width in [("ja", "desktop"), ("en", "desktop"), ("ja", "phone"), ("en", "phone")]:
        page.set_viewport_size({"width": WIDTHS[width], "height": 1000})
        visit(page, f"{two_server}/years?lang={lang}", charts=1)
        body = page.inner_text("[data-testid=stMain]")
        assert not exceptions(page), (lang, width)
        if lang == "ja":
            assert "令和6年度 → 令和7年度: 新規に掲載 1 事業（要求 計 50億円）、掲載がなくなった 1 事業" in body, width
        else:
            assert "FY2024 → FY2025: newly listed projects: 1 (¥5 billion requested)" in body, width
        shot(page, f"years-{lang}-{width}")


def test_years_history_new_dropped_and_csvs_match_the_fixture(page, two_server) -> None:
    open_page(page, f"{two_server}/years?project={CHANGED[0]}", charts=2)
    # issue 24: the changes (chart and table) come first, then the history
    chart = page.locator(".js-plotly-plot").nth(1).inner_text()
    assert "令和6年度" in chart and "令和7年度" in chart
    history = _csv(page, 1)
    assert [(r["要求年度"], float(r["概算要求額（億円）"]), float(r["当初予算額（億円）"])) for r in history] == [
        ("令和6年度", CHANGED[1][0], CHANGED[1][1]),
        ("令和7年度", CHANGED[2][0], CHANGED[2][1]),
    ]
    new, dropped = _csv(page, 2), _csv(page, 3)
    assert [(r["事業"], float(r["要求額（億円）"])) for r in new] == [NEW]
    assert [r["事業"] for r in dropped] == [DROPPED]
    projects = {r["事業"]: r for r in _csv(page, 0)}
    assert projects[RENAMED[1]]["照合"] == "あいまい一致（1文字違い）"
    assert projects[RENAMED[1]]["名称の変化"] == f"{RENAMED[0]} → {RENAMED[1]}"
    assert float(projects[CHANGED[0]]["増減 令和6年度→令和7年度（億円）"]) == CHANGED[2][0] - CHANGED[1][0]
    assert projects[NEW[0]]["照合"] == projects[DROPPED]["照合"] == "1資料のみ"
    accounts = {r["会計"]: r for r in _csv(page, 4)}
    assert accounts["宇宙特別会計"]["照合方法"] == "名称（正規化）" and accounts["宇宙特別会計"]["掲載資料数"] == "1"
    assert accounts["一般会計"]["照合方法"] == "会計の登録簿"
    assert float(accounts["一般会計"]["令和7年度 要求（億円）"]) == 4299
    sections = _csv(page, 5)
    assert all(r["照合方法"] == "名称（正規化）" and r["掲載資料数"] == "2" for r in sections)
    shot(page, "years-history-ja-desktop")


def _open_uploader(page) -> None:
    box = page.locator("[data-testid=stSidebar] [data-testid=stExpander]").filter(has_text=t("up.heading"))
    if not box.locator("[data-testid=stFileUploaderDropzoneInput]").is_visible():
        box.locator("summary").click()


def _upload(page, name: str, data: bytes) -> None:
    _open_uploader(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        {"name": name, "mimeType": "text/plain", "buffer": data}
    )
    wait_idle(page)  # waits for the upload and the run that follows it (conftest.RUNS)


def test_an_upload_shows_in_its_browser_only_and_survives_a_reload(page, browser, one_server) -> None:
    """The upload stays in this browser (:func:`page` starts without cookies); another browser does not see it."""
    second = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 1000})
    try:
        open_page(page, f"{one_server}/priority")
        assert "years" not in _nav_paths(page)  # one document: no /years in the navigation
        assert "表示中の資料" not in page.inner_text("[data-testid=stMain]")
        _upload(page, "r7.txt", next_year_text().encode("utf-8-sig"))
        assert not exceptions(page)
        main = page.inner_text("[data-testid=stMain]")
        assert NEXT_CAPTION in main and "共有リンクには含まれません" in main
        assert "doc=upload-" in page.url
        uploaded_id = page.url.split("doc=")[-1].split("&")[0]
        assert "years" in _nav_paths(page)
        shot(page, "upload-loaded-ja-desktop")
        page.get_by_role("button", name="共有").click()  # the share popover says the link cannot carry it
        wait_idle(page)
        popover = page.locator("[data-testid=stPopoverBody]")
        popover.locator("[data-testid=stCode]").first.wait_for()
        assert "リンクでは共有できません" in popover.inner_text()
        page.keyboard.press("Escape")
        # Closing the popover reruns too (on_change="rerun"): a click during that run would ask for the
        # package under the file id of the run before, which the server has dropped when it ends.
        popover.wait_for(state="hidden")
        wait_idle(page)
        with page.expect_download() as info:
            page.get_by_role("button", name=t("up.package")).click()
        with zipfile.ZipFile(io.BytesIO(info.value.path().read_bytes())) as archive:
            assert "datapackage.json" in archive.namelist()
            documents = list(csv.DictReader(io.StringIO(archive.read("csv/documents.csv").decode("utf-8"))))
        assert [d["title"] for d in documents] == [NEXT_TITLE]

        page.reload()  # a new Streamlit session: the browser's cookie finds the upload again
        wait_idle(page)
        assert NEXT_CAPTION in page.inner_text("[data-testid=stMain]") and uploaded_id in page.url
        open_page(page, f"{one_server}/years", charts=1)
        assert "令和6年度 → 令和7年度" in page.inner_text("[data-testid=stMain]")
        shot(page, "upload-years-ja-desktop")

        other = second.new_page()  # another browser: the server's document only, and a link to the upload says why
        open_page(other, f"{one_server}/priority?doc={uploaded_id}")
        main = other.inner_text("[data-testid=stMain]")
        assert NEXT_TITLE not in main and "表示中の資料" not in main
        assert "別のブラウザで読み込まれた" in main
        assert "years" not in _nav_paths(other)
        shot(other, "upload-other-browser-ja-desktop")
    finally:
        second.close()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "picture.png:3: binary data"),
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("big.txt", b"x" * (6 * 1024 * 1024), "5 MB を超えるファイルは上の欄が受け付けず、赤い印を付けます"),
    ],
    ids=["binary", "empty", "6mb"],
)
def test_a_bad_file_gives_a_clear_message_and_the_app_keeps_working(page, one_server, name, data, message) -> None:
    open_page(page, f"{one_server}/compare")
    _upload(page, name, data)
    sidebar = page.inner_text("[data-testid=stSidebar]")
    assert message in sidebar, sidebar[-600:]
    assert not exceptions(page)
    shot(page, f"upload-bad-{name.split('.')[0]}")
    page.locator("[data-testid=stSidebarNav] a[href$='/items']").click()  # still working
    wait_idle(page)
    assert page.locator("h1").first.is_visible() and not exceptions(page)
