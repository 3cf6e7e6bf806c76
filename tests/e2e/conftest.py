"""Browser tests: a real Chromium (Playwright) against ``streamlit run app.py`` on a free port.

The browser is the system Chromium: ``CHROMIUM_PATH`` (default /usr/bin/chromium);
Playwright's own browser download is never used. A missing browser fails the
tests (deselect them with ``-m "not e2e"`` on a machine without one).
Screenshots go to ``artifacts/screenshots/`` (ignored by git); the path is printed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.registry import PAGES
from deploy import servers
from loaders.build import RAW_DIR, ensure_built
from tests.conftest import ROOT
from tests.fixtures_years import write_two_years

SHOTS = ROOT / "artifacts" / "screenshots"
#: Server logs; under pytest-xdist each worker has its own folder (its servers' logs would collide).
LOGS = ROOT / "artifacts" / "logs" / os.environ.get("PYTEST_XDIST_WORKER", "")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# As root on a closed network Chromium needs these (background networking is refused here).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=ja-JP",
]
WIDTHS = {"desktop": 1400, "phone": 400}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def pytest_terminal_summary(terminalreporter) -> None:
    if SHOTS.exists() and any(SHOTS.iterdir()):
        terminalreporter.write_line(f"browser screenshots: {SHOTS}")


@contextlib.contextmanager
def streamlit_server(name: str = "streamlit-e2e", env: dict[str, str] | None = None) -> Iterator[str]:
    """``streamlit run app.py`` on a free port (deploy.servers, as the benchmarks and deploy.local), its URL.

    ``env`` adds to this process's environment (e.g. ``BUDGET_RAW_DIR`` for another document).
    The shipped document's server writes and serves the real static/data (Streamlit serves only
    <app dir>/static/; tests/conftest.py moves it elsewhere for in-process builds, so
    BUDGET_STATIC_DIR is dropped); a server of another document writes its package beside its tables.
    """
    LOGS.mkdir(parents=True, exist_ok=True)
    env = dict(env or {})
    if "BUDGET_RAW_DIR" in env and "BUDGET_STATIC_DIR" not in env:
        # Another document's server must not overwrite the shipped document's package in static/data.
        env["BUDGET_STATIC_DIR"] = str(Path(env.get("BUDGET_OUT_DIR", env["BUDGET_RAW_DIR"])).parent / "static")
        environment = servers.environment(env)
    else:
        environment = servers.environment(env, drop=["BUDGET_STATIC_DIR"])
    with servers.serving(LOGS / f"{name}.log", env=environment) as server:
        yield server.url


@pytest.fixture(scope="session")
def shipped_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped document's tables that :func:`server` reads: built once per run, shared by the
    pytest-xdist workers (``ensure_built`` holds the folder's lock). Every worker's server writes the
    data package to the checkout's static/data (the only folder Streamlit serves); built from the same
    tables, a second server finds the package current and leaves it, so it is the tables every worker reads.
    """
    root = tmp_path_factory.getbasetemp()
    root = root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root
    out = root / "e2e-shipped" / "processed"
    ensure_built(RAW_DIR, out)
    return out


@pytest.fixture(scope="session")
def server(shipped_dir: Path) -> Iterator[str]:
    """Base URL of the shipped document's app server, one per pytest worker (output in artifacts/logs/)."""
    with streamlit_server(env={"BUDGET_OUT_DIR": str(shipped_dir)}) as url:
        yield url


@pytest.fixture(scope="session")
def two_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of two documents: the shipped text and the next-year fixture (tests/fixtures_years.py).

    The server for pages that need two documents (``min_documents`` in dashboard/registry.py) and the
    browser tests of /years and document choice; uploads stay in their browser session, so one serves all.
    """
    folder = tmp_path_factory.mktemp("two-years")
    write_two_years(folder / "raw")
    env = {"BUDGET_RAW_DIR": str(folder / "raw"), "BUDGET_OUT_DIR": str(folder / "processed")}
    with streamlit_server("streamlit-two-years", env=env) as url:
        yield url


def page_paths(documents: int | None = None) -> list[str]:
    """URL paths of the app's pages (dashboard/registry.py), in navigation order.

    ``documents``: only the pages shown when that many documents are loaded (``min_documents``).
    """
    return [p.url_path for p in PAGES if documents is None or p.min_documents <= documents]


def server_for(request: pytest.FixtureRequest, path: str) -> str:
    """The server to open ``path`` on: ``two_server`` for a page that needs two documents, else ``server``."""
    info = next(p for p in PAGES if p.url_path == path.split("?")[0])
    return request.getfixturevalue("two_server" if info.min_documents > 1 else "server")


def skip_if_needs_documents(path: str, documents: int = 1) -> None:
    """Skip a page that is not shown when ``documents`` documents are served (with the reason)."""
    info = next(p for p in PAGES if p.url_path == path.split("?")[0])
    if info.min_documents > documents:
        pytest.skip(f"/{path} needs {info.min_documents} documents; this server serves {documents}")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        new_context = browser.new_context

        def watched_context(*args, **kwargs):
            """Every context counts its pages' runs from the start (:data:`RUNS`, for :func:`wait_idle`)."""
            context = new_context(*args, **kwargs)
            context.add_init_script(RUNS)
            return context

        browser.new_context = watched_context
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _shared_context(browser):
    """One browser context for every test module's :func:`page` (per pytest worker): its HTTP cache
    keeps Streamlit's JavaScript (several MB) parsed and compiled from one module to the next, as a
    reader's browser does. A new context starts cold: its first load of a server took 4.6 s, a load
    with the cache warm about 1.6 s. Cookies are cleared before each test (:func:`page`).
    """
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 1000}, accept_downloads=True)
    yield context
    context.close()


def _kept_tab(context, kept: dict, width: int, height: int):
    """The tab kept in ``kept`` for this size, opened in ``context`` on first use (or after a test
    closed it), at this size (a test may have resized it)."""
    tab = kept.get((width, height))
    if tab is None or tab.is_closed():
        tab = kept[width, height] = context.new_page()
    if tab.viewport_size != {"width": width, "height": height}:
        tab.set_viewport_size({"width": width, "height": height})
    return tab


@pytest.fixture(scope="session")
def _shared_tab() -> dict:
    """Where :func:`page` keeps its one tab (see :func:`_kept_tab`)."""
    return {}


@pytest.fixture
def page(_shared_context, _shared_tab):
    """The worker's one tab at 1,400 × 1,000 on about:blank, without cookies, so each test starts a new app session.

    :func:`open_page` loads a page, which starts a new app session (Streamlit keeps nothing of a
    session in the browser's storage): what a pasted link opens. :func:`visit` reaches a further view
    in the session the test opened, as Back/Forward does, for about half the cost of a load.
    The tab is reused because a new tab costs far more than a page: measured on 16 opens of 8 pages,
    a new tab each time took 3.2 s and 4.5 CPU-seconds an open, a reused tab 1.6 s and 1.8 (Chromium
    starts a renderer and sets it up for every tab). After the test any other tab it opened is
    closed and the tab goes back to about:blank (which ends the test's app session: a popover or a
    choice left open never reaches the next test). The tests share the context's HTTP cache, as a
    reader's tabs do (:func:`_shared_context`). An upload needs no context of its own (it is found by
    a cookie, and the cookies are cleared before each test); a test that needs a second browser, the
    proxy's sticky cookies, an init script or a cold cache makes its own context.
    """
    _shared_context.clear_cookies()
    tab = _kept_tab(_shared_context, _shared_tab, WIDTHS["desktop"], 1000)
    kept = set(_shared_context.pages)  # this tab and the sweeps' tabs (:func:`tabs`)
    yield tab
    for opened in _shared_context.pages:  # any tab the test opened beside them
        if opened not in kept:
            opened.close()
    if not tab.is_closed():
        tab.goto("about:blank")


@pytest.fixture(scope="session")
def tabs(_shared_context):
    """``tabs(width, height)``: a tab of that size kept open from one test to the next (per pytest
    worker), in the context of :func:`page` (whose warm HTTP cache it shares; :func:`page` closes only
    the tabs a test opened).

    For the tests that only look at views (the sweeps, a view per parameter): each view after the
    first is reached in the open app session with :func:`visit`, as Back/Forward does, instead of a
    new load per test. A test that clicks, types or reloads uses :func:`page`.
    """
    kept: dict = {}

    def tab(width: int = WIDTHS["desktop"], height: int = 1000):
        return _kept_tab(_shared_context, kept, width, height)

    return tab


#: Installed in every page before the app's scripts (and by :func:`wait_idle` in a page without it).
#: On one counter it numbers the browser's requests for a run (BackMsg ``rerun_script``) and the
#: server's reports of a finished run (ForwardMsg ``script_finished`` other than "stopped early for a
#: rerun"), so :func:`wait_idle` can tell whether the last request has been answered. The script-state
#: attribute alone cannot: React may batch a quick run's "running" and "notRunning" into one render,
#: and before the server has answered a request the page still shows the previous run's "notRunning".
#: An upload is counted from its request for URLs (BackMsg ``file_urls_request``) to the server's
#: answer (ForwardMsg ``file_urls_response``) and then while its HTTP upload lasts; the run that
#: follows a good upload is asked for when the upload ends.
RUNS = """(() => {
  if (window.__runs) return;
  const runs = (window.__runs = {seq: 0, asked: 0, finished: 0, uploads: 0});
  const varint = (bytes, at) => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return [value, at];
  };
  const received = (event) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const bytes = new Uint8Array(event.data);
    for (let at = 0, tag, value; at < bytes.length;) {
      [tag, at] = varint(bytes, at);
      const type = tag & 7;
      if (type === 0) [value, at] = varint(bytes, at);
      else if (type === 2) { [value, at] = varint(bytes, at); at += value; }
      else if (type === 1) at += 8;
      else if (type === 5) at += 4;
      else return;
      // ForwardMsg field 6: script_finished; 2 is FINISHED_EARLY_FOR_RERUN (another run follows)
      if (tag >> 3 === 6 && type === 0) { if (value !== 2) runs.finished = ++runs.seq; return; }
      if (tag >> 3 === 19 && type === 2) { runs.uploads = Math.max(0, runs.uploads - 1); return; }
    }
  };
  const open = XMLHttpRequest.prototype.open, post = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) { this.__url = String(url); return open.apply(this, arguments); };
  XMLHttpRequest.prototype.send = function () {
    if (this.__url && this.__url.includes('upload_file')) {
      runs.uploads += 1;
      this.addEventListener('loadend', () => { runs.uploads -= 1; });
    }
    return post.apply(this, arguments);
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (!this.__watched) { this.__watched = true; this.addEventListener('message', received); }
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, Math.min(2, data.byteLength)) : null;
    // BackMsg tags: field 11 (rerun_script) is 0x5a, field 16 (file_urls_request) is 0x82 0x01
    if (bytes && bytes[0] === 0x5a) runs.asked = ++runs.seq;
    if (bytes && bytes[0] === 0x82 && bytes[1] === 0x01) runs.uploads += 1;
    return send.apply(this, arguments);
  };
})()"""

#: True once the app is idle and has stayed so, with the same number of elements, for two polls in a
#: row (:data:`POLL_MS` apart): connected, the script stopped after the last run the page
#: asked for, no stale element left from a previous run, no element still loading its code (Streamlit's
#: skeleton while a lazy chunk loads, e.g. Plotly's), every Plotly chart drawn (and at least
#: ``charts`` SVGs) and every table's accessibility tree built (the tests read [role=grid], which glide-data-grid builds 200 ms, debounced,
#: after it has drawn the canvas).
IDLE = """(charts) => {
  const app = document.querySelector('[data-testid=stApp]');
  const runs = window.__runs;
  const idle = !!app
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && (!runs || ((runs.asked === 0 || runs.finished > runs.asked) && runs.uploads === 0))
    && !document.querySelector('[data-stale=true]')
    && !document.querySelector('[data-testid=stElementContainer] [data-testid=stSkeleton]')
    && document.querySelectorAll('.js-plotly-plot .main-svg').length >= charts
    && [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every((d) => d.querySelector('.main-svg'))
    && [...document.querySelectorAll('[data-testid=stDataFrame]')].every((d) => d.querySelector('[role=grid]'));
  const seen = (window.__idleFrames = window.__idleFrames || {count: -1, frames: 0, since: 0});
  const grids = [...document.querySelectorAll('[role=grid]')].map((g) => g.getAttribute('aria-rowcount'));
  const count = idle ? [document.getElementsByTagName('*').length, ...grids].join(',') : -1;
  if (idle && count === seen.count) seen.frames += 1;
  else Object.assign(seen, {count, frames: 0, since: performance.now()});
  // glide-data-grid rebuilds a table's accessibility tree (rows read by the tests) 200 ms, debounced,
  // after it redraws: with a table on the page that tree must have held for longer than that.
  return seen.frames >= 2 && (grids.length === 0 || performance.now() - seen.since > 250);
}"""

#: True once the page's layout has stayed the same for two animation frames (after a resize).
SETTLED = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const sizes = [...document.querySelectorAll('.js-plotly-plot .main-svg, canvas')].map((e) => e.clientWidth);
  const key = [document.getElementsByTagName('*').length, main && main.scrollHeight, ...sizes].join(',');
  const seen = (window.__settled = window.__settled || {key: null, frames: 0});
  if (key === seen.key) seen.frames += 1;
  else Object.assign(seen, {key, frames: 0});
  return seen.frames >= 2;
}"""


#: How often :func:`wait_idle` looks (ms). Polling once an animation frame made the page draw 60
#: frames a second while it waited, for nothing: measured on 20 page loads, 100 ms polls took 11% less
#: time and 15% less CPU (Chromium and the server) than polling every frame.
POLL_MS = 100


def wait_idle(page, charts: int = 0, timeout: float = 45_000) -> None:
    """Wait for the app's own signals: the last run the page asked for has finished and the page is drawn.

    No fixed sleep. "A run may start just after the page loads" (the browser asks for one when
    it connects, and again when a widget or an upload changes): :data:`RUNS` counts the page's
    requests for a run, so an idle state left from before a request does not count.
    """
    page.wait_for_selector("[data-testid=stApp][data-test-script-state]", timeout=timeout)
    page.evaluate(RUNS)  # a no-op where the context installed it before the app's scripts
    page.evaluate("() => { window.__idleFrames = null; }")
    page.wait_for_function(IDLE, arg=charts, polling=POLL_MS, timeout=timeout)


def after_transition(page, act, timeout: float = 20_000) -> None:
    """Do ``act()`` (a click on a chart) and wait for Plotly's transition to end (``plotly_animated``)."""
    page.evaluate(
        "() => { window.__animated = false; document.querySelectorAll('.js-plotly-plot')"
        ".forEach((gd) => gd.once('plotly_animated', () => { window.__animated = true; })); }"
    )
    act()
    page.wait_for_function("() => window.__animated", polling="raf", timeout=timeout)


def open_page(page, url: str, charts: int = 0) -> None:
    """Go to ``url`` and wait until the app is idle."""
    page.goto(url)
    wait_idle(page, charts)


#: Back/Forward's way into another view of the app already open in the tab: the URL is pushed and a
#: popstate event sent; Streamlit's frontend then asks for a run of the page the path names, with the
#: URL's query (the app seeds its widgets from a URL that changed from outside, as on a pasted link).
NAVIGATE = "(url) => { history.pushState(null, '', url); window.dispatchEvent(new PopStateEvent('popstate')); }"
CONNECTED = """() => !!window.__runs && document.querySelector('[data-testid=stApp]')
  ?.getAttribute('data-test-connection-state') === 'CONNECTED'"""


def visit(page, url: str, charts: int = 0) -> None:
    """Show ``url`` in the tab: as Back/Forward does when the tab shows the same server's app, else by loading it.

    For the sweeps and a test's further views: a view reached in the open app session costs about half
    of a page load (measured on 16 views of 8 pages in one tab: 1.0 s and 0.8 CPU-seconds a view, a load
    1.6 s and 1.8: the load starts Streamlit's frontend again). Tests of what a pasted link opens in a
    new session use :func:`open_page`. A URL without ``lang=`` is visited with ``lang=ja``: a session
    keeps the language it last showed, a new session starts in Japanese. (A session keeps its document
    too: tests in a kept session on a server of several documents name ``doc=`` or use :func:`page`.)
    """
    if page.url.split("/")[:3] != url.split("/")[:3] or not page.evaluate(CONNECTED):
        open_page(page, url, charts)
        return
    if "lang=" not in url.split("#")[0].partition("?")[2]:
        # The session keeps the language it was last shown in (a link without lang= does not reset
        # it); a new session starts in Japanese. Naming it makes the view the one a load would show.
        url += ("&" if "?" in url else "?") + "lang=ja"
    asked = page.evaluate("() => window.__runs.asked")
    page.evaluate(NAVIGATE, url)
    page.wait_for_function("(n) => window.__runs.asked > n", arg=asked, polling=POLL_MS, timeout=20_000)
    wait_idle(page, charts)


def shot(page, name: str) -> Path | None:
    """Save a screenshot of the whole page under artifacts/screenshots/ (None when ``SCREENSHOTS=0``).

    Streamlit scrolls inside its main container, so a "full page" screenshot would
    stop at the window: the window is stretched to the content's height first.
    The screenshots are for people to look at, no test reads them: ``.ci/run`` sets
    ``SCREENSHOTS=0`` (a clean clone's artifacts are thrown away), which saves a relayout
    and a full-page capture per page.
    """
    if os.environ.get("SCREENSHOTS", "1") == "0":
        return None
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppScrollToBottomContainer]')]"
        ".map(e => e.scrollHeight), document.body.scrollHeight)"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 12000)})
    page.evaluate("() => { window.__settled = null; }")
    page.wait_for_function(SETTLED, polling="raf", timeout=10_000)  # charts and tables laid out again
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def exceptions(page) -> list[str]:
    """Texts of Streamlit exception boxes and anything that looks like a traceback."""
    found = [e.inner_text() for e in page.query_selector_all("[data-testid=stException]")]
    body = page.inner_text("body")
    if "Traceback (most recent call last)" in body:
        found.append("traceback in page text")
    return found


def grid_rows(page, index: int = 0) -> int:
    """Data rows of the ``index``-th st.dataframe (glide grid's aria-rowcount minus the header)."""
    grid = page.locator("[data-testid=stDataFrame] [role=grid]").nth(index)
    return int(grid.get_attribute("aria-rowcount")) - 1


def in_own_loop(coroutine):
    """Run a websocket client's coroutine to its end on a thread of its own.

    Playwright's sync API keeps an event loop running on the test's thread once a browser
    fixture has started, and ``asyncio.run`` refuses to run inside it.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
