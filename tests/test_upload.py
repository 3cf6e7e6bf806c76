"""Loading a summary from the browser: the same loader, this browser only, errors as file:line, its tables as a zip."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard.uploads import store as up
from loaders import LoaderError
from tests.conftest import open_app_page
from tests.fixtures_years import CHANGED, NEXT_TITLE, SHIPPED, next_year_text

NEXT = next_year_text()


def _cp932(text: str) -> bytes:
    # CO₂ has no CP932 character; the ministry's CP932 files write CO2.
    return text.replace("₂", "2").encode("cp932")


@pytest.mark.parametrize(
    "data",
    [NEXT.encode("utf-8"), NEXT.encode("utf-8-sig"), NEXT.replace("\n", "\r\n").encode("utf-8"), _cp932(NEXT)],
    ids=["utf-8", "utf-8-bom", "crlf", "cp932"],
)
def test_an_upload_is_loaded_by_the_same_loader(data: bytes) -> None:
    uploaded = up.parse_upload(data, "r7.txt")
    assert uploaded.title == NEXT_TITLE
    assert uploaded.document_id.startswith("upload-") and uploaded.document_id == up.document_id_of(uploaded.sha256)
    docs = uploaded.tables["documents"]
    assert docs["document_id"].tolist() == [uploaded.document_id]
    assert docs["source_file"].tolist() == [f"{uploaded.document_id}.txt"]
    assert uploaded.file_name == "r7.txt"  # kept for this session's sidebar only
    assert docs["request_fiscal_year"].tolist() == [2025] and docs["base_fiscal_year"].tolist() == [2024]
    items = uploaded.tables["items"]
    row = items[items["is_primary"] & (items["name"] == CHANGED[0])].iloc[0]
    assert (row["request_oku"], row["base_oku"]) == CHANGED[2]
    assert any("account not in the registry" in w for w in uploaded.warnings)
    assert all(w.startswith("r7.txt:") for w in uploaded.warnings)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty.txt: the file is empty"),
        (b"   \n\n", "blank.txt", "blank.txt: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.png", "picture.png:3: binary data (NUL byte)"),
        (b"x" * (6 * 1024 * 1024), "big.txt", "big.txt: 6.0 MB, over the 5 MB limit"),
        ("こんにちは\n世界\n".encode(), "hello.txt", "hello.txt: no text found"),
        (NEXT.encode("utf-8")[:-1] + b"\xe3", "cut.txt", "cut.txt:"),
        ("令和7年度 経済産業省関係 概算要求等概要\n".encode(), "title-only.txt", "title-only.txt"),
        (b"a\n" * 10, "../../etc/passwd", "passwd:"),
    ],
    ids=["empty", "blank", "binary", "6mb", "no-title", "cut", "title-only", "path-name"],
)
def test_a_bad_upload_gives_the_loaders_message_with_the_users_file_name(data, name, message) -> None:
    with pytest.raises(LoaderError) as caught:
        up.parse_upload(data, name)
    text = str(caught.value)
    assert text.startswith(message) or message in text, text
    assert "/tmp" not in text and "budget-upload" not in text  # never a server path


def test_nothing_is_written_to_the_servers_tables(tmp_path: Path) -> None:
    out = Path(os.environ["BUDGET_OUT_DIR"])
    before = sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir())
    up.parse_upload(NEXT.encode(), "r7.txt")
    assert sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir()) == before


def test_the_upload_downloads_as_the_open_data_package() -> None:
    uploaded = up.parse_upload(NEXT.encode(), "r7.txt")
    data = up.package_zip(uploaded)
    names = up.zip_names(data)
    assert "datapackage.json" in names and "csv/items.csv" in names and "parquet/items.parquet" in names
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        descriptor = json.loads(archive.read("datapackage.json"))
        documents = pd.read_csv(archive.open("csv/documents.csv"))
        items = pd.read_csv(archive.open("csv/items.csv"))
    assert len(descriptor["resources"]) == 14  # the summary's 9 tables and the 5 reference tables (attribution)
    assert documents["title"].tolist() == [NEXT_TITLE]
    row = items[items["is_primary"] & (items["name"] == CHANGED[0])].iloc[0]
    assert (row["request_oku"], row["base_oku"]) == CHANGED[2]


def test_merged_appends_the_uploads_rows(tables) -> None:
    uploaded = up.parse_upload(NEXT.encode(), "r7.txt")
    merged = up.merged(tables, [uploaded])
    assert merged["documents"]["document_id"].tolist() == [
        tables["documents"]["document_id"].iloc[0],
        uploaded.document_id,
    ]
    assert len(merged["items"]) == len(tables["items"]) + len(uploaded.tables["items"])
    assert up.merged(tables, []) is tables


def test_the_browser_store_keeps_each_browsers_uploads_apart(monkeypatch) -> None:
    store = up.BrowserStore()
    first = up.parse_upload(NEXT.encode(), "r7.txt")
    store.put("browser-a", first)
    assert store.get("browser-a") == [first]
    assert store.get("browser-b") == [] and store.get(None) == [] and store.get("") == []
    for n in range(up.MAX_PER_BROWSER + 1):
        store.put("browser-c", up.Uploaded(f"upload-{n}", f"{n:064x}", "x.txt", "t", {}))
    assert [u.document_id for u in store.get("browser-c")] == [f"upload-{n}" for n in range(1, up.MAX_PER_BROWSER + 1)]
    store.remove("browser-a", first.document_id)
    assert store.get("browser-a") == []
    clock = [1000.0]
    monkeypatch.setattr(up.time, "monotonic", lambda: clock[0])
    store = up.BrowserStore()
    store.put("browser-d", first)
    clock[0] += up.KEEP_SECONDS + 1
    assert store.get("browser-d") == []
    assert up.BrowserStore.new_token() != up.BrowserStore.new_token()


def test_the_browser_store_is_bounded_by_memory_and_browsers() -> None:
    store = up.BrowserStore()
    big = up.MAX_STORE_MEMORY // 3
    for n in range(4):
        store.put(f"browser-{n}", up.Uploaded(f"upload-{n}", f"{n:064x}", "x.txt", "t", {}, memory=big))
    assert store.get("browser-0") == []  # the least recently seen went when the fourth came
    assert [len(store.get(f"browser-{n}")) for n in (1, 2, 3)] == [1, 1, 1]
    for n in range(up.MAX_BROWSERS + 5):
        store.put(f"many-{n}", up.Uploaded("upload-x", "0" * 64, "x.txt", "t", {}, size=1))
    assert store.get("many-0") == [] and len(store.get(f"many-{up.MAX_BROWSERS + 4}")) == 1


@pytest.mark.parametrize(("name", "shown"), [("r7.txt", "r7.txt"), ("a/b\\c.txt", "c.txt"), ("\x00\n", "upload.txt")])
def test_safe_name(name, shown) -> None:
    assert up.safe_name(name) == shown


# --- in the app (AppTest: one session each) -----------------------------------------------


def _upload(at, data: bytes, name: str):
    at.sidebar.expander[0]  # the box is in the sidebar
    at.file_uploader[0].set_value((name, data, "text/plain"))
    return at.run()


def test_uploading_adds_a_document_to_this_session_only() -> None:
    at = open_app_page()
    assert len(at.sidebar.selectbox) == 0  # one document on the server: no picker
    at = _upload(at, NEXT.encode("utf-8-sig"), "r7.txt")
    assert not at.exception, [e.value for e in at.exception]
    picker = at.sidebar.selectbox[0]
    assert picker.options[-1] == f"{NEXT_TITLE}（読み込み: r7.txt）"
    assert at.query_params["doc"].startswith("upload-")
    assert at.title[0].value.startswith("令和7年度")
    assert any(
        c.value.startswith("表示中の資料: 令和7年度") and "共有リンクには含まれません" in c.value for c in at.caption
    )
    assert any(s.value.startswith("読み込みました") for s in at.success)
    # a rerun (a click, a widget) keeps it; the upload is not parsed again
    at = at.run()
    assert at.query_params["doc"].startswith("upload-") and not at.exception
    # /years is now in the navigation and lists both years
    at.switch_page("pages/years.py")
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "年度比較（資料ごとの概算要求）"
    assert "令和6年度 → 令和7年度" in at.info[0].value

    other = open_app_page()  # another session (another browser): the server's document only
    assert len(other.sidebar.selectbox) == 0 and other.title[0].value.startswith("令和6年度")


def test_a_link_to_another_browsers_upload_says_why_it_shows_the_default() -> None:
    at = open_app_page(doc="upload-0123456789ab")
    assert any("別のブラウザで読み込まれた" in i.value for i in at.info)
    assert at.title[0].value.startswith("令和6年度") and "doc" not in at.query_params


@pytest.mark.parametrize(
    ("data", "name", "shown"),
    [
        (b"\x00\x01\x02binary", "x.bin", "x.bin:1: binary data (NUL byte), not a text summary"),
        (b"", "empty.txt", "empty.txt: the file is empty"),
        (SHIPPED.read_bytes()[:400] + b"\n- \xff\xfe bad", "broken.txt", "broken.txt:"),
        (b"**bold** <b>x</b>\n", "markup.txt", "markup.txt: no text found"),
    ],
    ids=["binary", "empty", "not-utf8", "markup"],
)
def test_a_bad_upload_shows_the_message_as_code_and_the_app_keeps_working(data, name, shown) -> None:
    at = _upload(open_app_page(), data, name)
    assert not at.exception, [e.value for e in at.exception]
    assert any(e.value == "この資料は読み込めませんでした:" for e in at.error)
    assert at.code[-1].value.startswith(shown) or shown in at.code[-1].value
    assert at.title[0].value.startswith("令和6年度")  # still the server's document
    assert len(at.sidebar.selectbox) == 0
    at.file_uploader[0].set_value(None)  # the user clears the box: the message goes with the file
    at = at.run()
    assert not at.error and not at.exception


def test_the_upload_box_says_what_it_does_in_english() -> None:
    at = open_app_page(lang="en")
    texts = " ".join(c.value for c in at.sidebar.caption)
    assert "A shared link cannot carry an uploaded document" in texts
    assert "A page reload keeps it until this browser is closed" in texts


def test_every_page_works_on_an_uploaded_document() -> None:
    from dashboard.registry import PAGES

    at = _upload(open_app_page(), NEXT.encode(), "r7.txt")
    for info in PAGES:
        at.switch_page(info.path)
        at = at.run()
        assert not at.exception, (info.script, [e.value for e in at.exception])
        if info.script != "years":
            assert at.caption[0].value.startswith(f"表示中の資料: {NEXT_TITLE}"), info.script
        assert at.query_params["doc"].startswith("upload-"), info.script
        if info.script == "quality":  # the sources listed include this session's upload, by its sha256
            sha = up.parse_upload(NEXT.encode(), "r7.txt").sha256
            assert any(c.value.startswith(sha) for c in at.code)
            at.query_params["line"] = "3"  # a source line in context: the uploaded text is not kept on the server
            at = at.run()
            assert not at.exception and any("upload" in w.value for w in at.warning), [w.value for w in at.warning]
            del at.query_params["line"]


def test_an_uploaded_documents_text_never_renders_as_markup() -> None:
    from dashboard.domain.format import md_literal
    from tests.hostile import EVIL, MARKUP, hostile_text

    at = _upload(open_app_page(), hostile_text().encode(), "hostile.txt")
    assert not at.exception
    raw_title = f"令和6年度 経済産業省関係 概算要求等概要 {MARKUP}"
    assert any(raw_title in e.value for e in at.sidebar.text)  # st.text: plain
    success = next(s.value for s in at.success)
    assert md_literal(raw_title) in success and f"(http://{EVIL}" not in success  # every mark escaped
    caption = at.caption[0].value
    assert md_literal(raw_title) in caption and f"(http://{EVIL}" not in caption


def test_a_text_without_a_title_is_a_loader_error_in_the_server_build_too(tmp_path: Path) -> None:
    # It escaped parse_sources as a bare ValueError (LineError) before: the app then said
    # "tables could not be read" instead of naming the file.
    from loaders.build import parse_sources

    source = tmp_path / "notes.txt"
    source.write_text("こんにちは\n", encoding="utf-8")
    with pytest.raises(LoaderError, match=r"notes\.txt: no text found: no title line"):
        parse_sources([source])


# --- the upload cookie (issue 21, point 7): Secure behind HTTPS --------------------------------


@pytest.mark.parametrize(
    ("headers", "url", "secure"),
    [
        ({"X-Forwarded-Proto": "https"}, "http://127.0.0.1:8501/", True),  # nginx ended TLS
        ({"x-forwarded-proto": "https, http"}, None, True),  # the hop nearest the browser first
        ({}, "https://budget.example/items", True),
        ({"X-Forwarded-Proto": "http"}, "http://localhost:8501/", False),
        ({}, None, False),
    ],
)
def test_the_cookie_is_secure_when_the_page_came_over_https(headers: dict, url: str | None, secure: bool) -> None:
    from dashboard.st.upload import cookie_script, served_over_https

    assert served_over_https(headers, url) is secure
    script = cookie_script("A" * 22, served_over_https(headers, url))
    assert ("+ (true ? '; Secure'" in script) is secure
    # Over plain HTTP the browser's own location still decides (TLS ended before the proxy).
    assert "SameSite=Strict" in script and ("location.protocol === 'https:'" in script) is not secure


def test_the_cookie_script_takes_only_a_token() -> None:
    from dashboard.st.upload import cookie_script

    with pytest.raises(ValueError):
        cookie_script("x'; alert(1); '", True)
