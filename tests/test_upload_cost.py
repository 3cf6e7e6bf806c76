"""Uploads bounded by what they cost (issue 21, point 3): lines, listings, memory, and the page's messages.

A 100,000-line upload (3.4 MB, under the 5 MB byte cap) took 6 s and 320 MB to parse and
was kept for 8 hours; it is now refused before any line is parsed. The upload store is
bounded by the measured memory of its tables, per browser and per process, the least
recently used first. A table or chart too big for one websocket message is cut with a notice.
"""

from __future__ import annotations

import tracemalloc

import pandas as pd
import pytest

from dashboard.st import grids
from dashboard.uploads import store as up
from loaders import LoaderError
from loaders.tables import MAX_LINES, MAX_LISTINGS
from tests.conftest import SHIPPED, open_app_page

LINES = SHIPPED.read_text(encoding="utf-8").split("\n")
FIRST_ITEM = next(i for i, line in enumerate(LINES) if line.startswith(" - ") and "【" in line) + 1


def with_projects(n: int) -> bytes:
    """The shipped summary with ``n`` more project lines in its first section (each a distinct project)."""
    extra = [f" - 事業{i:06d}【1億円(新規)】" for i in range(n)]
    return "\n".join([*LINES[:FIRST_ITEM], *extra, *LINES[FIRST_ITEM:]]).encode("utf-8")


def test_a_100000_line_upload_is_refused_and_leaves_nothing_held() -> None:
    data = with_projects(100_000)
    assert 3 * 1024 * 1024 < len(data) < up.MAX_SOURCE_BYTES  # the byte cap alone let it through
    store = up.BrowserStore()
    tracemalloc.start()
    try:
        with pytest.raises(LoaderError) as refused:
            store.put("browser", up.parse_upload(data, "big.txt"))  # before: loaded, 100,158 listings
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(refused.value).startswith(f"big.txt:{MAX_LINES + 1}: more than 5,000 lines (100,3")
    assert store.get("browser") == [] and store.memory() == 0
    assert peak < 40 * 1024 * 1024  # the decoded text and its lines; before: hundreds of MB of rows


def test_a_document_with_too_many_listings_is_refused_with_its_line() -> None:
    extra = MAX_LISTINGS - 158 - 71 + 1  # one listing over the cap, well under the line cap
    with pytest.raises(
        LoaderError, match=r"^many\.txt:\d+: more than 2,000 listings \(projects and 推進枠 rows: 2,001;"
    ):
        up.parse_upload(with_projects(extra), "many.txt")
    largest = up.parse_upload(with_projects(extra - 1), "largest.txt")  # at the cap: loaded
    assert len(largest.tables["items"]) + len(largest.tables["priority_requests"]) == MAX_LISTINGS


def test_an_upload_carries_its_measured_memory_and_the_store_evicts_by_it() -> None:
    shipped = up.parse_upload(SHIPPED.read_bytes(), "r6.txt")
    assert shipped.memory == up.memory_of(shipped.tables) > 50_000  # measured, not the file's 40 kB
    store = up.BrowserStore()
    # One browser: past its budget its oldest upload goes, the newest stays.
    half = up.MAX_BROWSER_MEMORY // 2 + 1
    for n in range(2):
        store.put("a", up.Uploaded(f"upload-{n}", f"{n:064x}", "x.txt", "t", {}, memory=half))
    assert [u.document_id for u in store.get("a")] == ["upload-1"]
    # The process: past its budget the least recently used browser goes, whatever its count.
    per = up.MAX_BROWSER_MEMORY - 1
    browsers = up.MAX_STORE_MEMORY // per + 1
    for n in range(browsers):
        store.put(f"b{n}", up.Uploaded(f"upload-b{n}", f"{n:064x}", "x.txt", "t", {}, memory=per))
        assert store.memory() <= up.MAX_STORE_MEMORY
    store.get("b1")  # seen again: b2 is now the least recently used
    store.put("c", up.Uploaded("upload-c", "c" * 64, "x.txt", "t", {}, memory=per))
    assert store.get("b1") and not store.get("b2") and store.memory() <= up.MAX_STORE_MEMORY


def test_a_100000_line_upload_is_refused_in_the_app() -> None:
    at = open_app_page()
    at.file_uploader[0].set_value(("big.txt", with_projects(100_000), "text/plain"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(e.value == "この資料は読み込めませんでした:" for e in at.error)
    assert at.code[-1].value.startswith("big.txt:5001: more than 5,000 lines")
    assert len(at.sidebar.selectbox) == 0  # still the server's one document


# --- one guard for the websocket's message size, in the Streamlit glue ------------------------


def test_a_frame_too_big_for_one_message_is_cut_to_what_fits() -> None:
    frame = pd.DataFrame({"name": [f"事業{i:06d}" * 20 for i in range(10_000)], "request_oku": range(10_000)})
    budget = grids.message_budget()
    assert budget == 25 * 1024 * 1024 // 2  # half of server.maxMessageSize (.streamlit/config.toml)
    assert grids.fitting_rows(frame, budget) == len(frame)
    rows = grids.fitting_rows(frame, 1024 * 1024)
    assert 0 < rows < len(frame)
    assert grids.payload_bytes(frame.head(rows)) <= 1024 * 1024 < grids.payload_bytes(frame)


@pytest.mark.parametrize(
    ("script", "params"),
    [
        ("compare", {"level": "item", "top": "all"}),
        ("treemap", {}),
        ("search", {"q": "事業"}),
        ("items", {}),
    ],
)
def test_views_over_the_message_limit_are_cut_with_a_notice(monkeypatch, script, params) -> None:
    # The shipped document fits easily; a budget of a few kB makes its views "too big" (as a
    # 100,000-line document's were at 32.6 MB: MessageSizeError shown to the visitor).
    monkeypatch.setattr(grids, "message_budget", lambda: 4_000)
    at = open_app_page(script, **params)
    assert not at.exception, [e.value for e in at.exception]
    notices = [i.value for i in at.info if "大きすぎて一度に送れない" in i.value]
    assert notices, [i.value for i in at.info]
    for frame in at.dataframe:
        assert grids.payload_bytes(frame.value) <= 4_000 or len(frame.value) == 1
    if script in ("compare", "treemap"):  # their charts: a notice instead
        assert any("図が大きすぎて" in n for n in notices) and not at.get("plotly_chart")


def test_a_chart_is_measured_in_the_bytes_it_sends_once() -> None:
    """The chart guard compares bytes with the message budget: a Japanese label is three bytes (it was
    counted as one character), and the figure is serialized once however often it is drawn."""
    import plotly.graph_objects as go
    import plotly.io

    from dashboard.st import charts

    figure = go.Figure(go.Bar(x=[1.0] * 200, y=[f"中小企業対策費{i}" for i in range(200)]))
    sent = plotly.io.to_json(figure, validate=False).encode("utf-8")
    assert len(sent) - len(sent.decode("utf-8")) == 2 * 7 * 200  # 7 kanji a label, 3 bytes each
    assert charts._figure_bytes(figure) == len(sent)
    figure.data[0].y = ["x"]  # a cached figure is shared and never changed: the measure is not redone
    assert charts._figure_bytes(figure) == len(sent)
