"""Hosting: two replicas behind nginx (deploy.local, the Docker topology's config) under /budget.

Every page renders in Chromium through the proxy; static JavaScript arrives gzipped with
long cache headers and the security headers; a browser's requests stick to one replica;
20 websocket sessions at once all finish, spread over the replicas; the command line starts and stops everything;
and, last, the replica serving a browser is killed: the page reconnects through the proxy
to the other replica and shows the same view, rebuilt from its URL.
"""

from __future__ import annotations

import asyncio
import gzip
import http.server
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from deploy.local import STICKY_COOKIE, free_port, healthy, running
from tests.e2e.conftest import (
    LOGS,
    ROOT,
    WIDTHS,
    exceptions,
    open_page,
    page_paths,
    shot,
    skip_if_needs_documents,
    visit,
    wait_idle,
)

# Every page of dashboard/registry.py; the replicas serve the shipped document only, so a page that
# needs two documents is skipped (its two-document rendering is tested without the proxy).
PAGES = page_paths()
BASE_PATH = "budget"

# Before Streamlit's scripts: collect CSP violations and the script state's changes (with times).
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
window.__states = [];
new MutationObserver(() => {
  const app = document.querySelector('[data-testid=stApp]');
  const state = app && app.getAttribute('data-test-script-state');
  const last = window.__states[window.__states.length - 1];
  if (state && (!last || last.state !== state)) window.__states.push({state, t: performance.now()});
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state'], childList: true});
"""


@pytest.fixture(scope="module")
def proxy():
    workdir = LOGS / "proxy"
    shutil.rmtree(workdir, ignore_errors=True)
    # Three: the failover tests take two away, one crashed and one stopped.
    with running(3, free_port(), base_path=BASE_PATH, workdir=workdir) as topology:
        yield topology


@pytest.fixture(scope="module")
def _watched_tab(browser):
    """The module's tab with :data:`WATCH` in every document it loads, and its console messages."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 1000})
    context.add_init_script(WATCH)
    page = context.new_page()
    page.console = []
    page.on("console", lambda message: page.console.append(message.text))
    yield page
    context.close()


@pytest.fixture
def watched(_watched_tab):
    """The module's tab with no cookie (a page loaded next is given a replica afresh) and no console message.

    It keeps the page the last test left, so the page sweep reaches each page in the open app session
    (:func:`tests.e2e.conftest.visit`); every other test loads its page.
    """
    _watched_tab.context.clear_cookies()
    _watched_tab.console.clear()
    return _watched_tab


def _get(url: str, cookie: str = "", gzip_ok: bool = True):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    if cookie:
        headers["Cookie"] = f"{STICKY_COOKIE}={cookie}"
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
        return response.status, response.headers, response.read()


def _log_lines(topology, cookie: str | None = None) -> list[str]:
    lines = topology.access_log.read_text().splitlines()
    return [line for line in lines if cookie is None or f"cookie={cookie}" in line]


def _logged(topology, start: int, needle: str, timeout: float = 10.0) -> str:
    """The access-log line of a request for ``needle`` among the lines after the first
    ``start``. nginx writes a request's line when it frees the request, which for a large
    body or a lingering close can come after a later request's line, so this waits for the
    line rather than reading the log's last one."""
    deadline = time.monotonic() + timeout
    while True:
        found = [line for line in _log_lines(topology)[start:] if needle in line]
        if found or time.monotonic() > deadline:
            assert found, f"no access-log line for {needle} after line {start}"
            return found[-1]
        time.sleep(0.05)


def _upstreams(lines: list[str]) -> set[str]:
    """The replicas that answered: the last of each ``up=A, B`` list (nginx tried A, then B);
    ``up=-`` is nginx answering itself (the reconnect script)."""
    return {re.search(r" up=(.*?) cookie=", line).group(1).split(", ")[-1] for line in lines} - {"-"}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_through_the_proxy(watched, proxy, path: str) -> None:
    skip_if_needs_documents(path, documents=1)
    # The first page is loaded, the others are reached in its app session (Back/Forward's way); the
    # loads of deeper paths, an embedded page and a failover are tested below.
    visit(watched, f"{proxy.url}/{path}")
    shot(watched, f"proxy-{path or 'overview'}")
    assert exceptions(watched) == []
    assert len(watched.locator("[data-testid=stMain]").inner_text().strip()) > 50
    blocked = watched.evaluate("window.__csp") + [m for m in watched.console if "Content Security Policy" in m]
    assert blocked == [], "the proxy's Content-Security-Policy blocked something"
    assert watched.url.startswith(f"{proxy.url}/{path}")


def _status_and_location(url: str) -> tuple[int, str | None]:
    """One request, redirects not followed."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=30)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


@pytest.mark.parametrize(("path", "page"), [("items/x?lang=en", "items?lang=en"), ("priority/a/b", "priority")])
def test_a_deeper_path_goes_to_its_page(watched, proxy, path: str, page: str) -> None:
    """/budget/items/x once showed "Connection error … 404" for good: the page looked for its
    server under /budget/items/x/ and /budget/items/. The proxy sends it to /budget/items."""
    assert _status_and_location(f"{proxy.url}/{path}") == (302, f"/{BASE_PATH}/{page}")
    open_page(watched, f"{proxy.url}/{path}", charts=1 if page.startswith("priority") else 0)
    assert watched.url == f"{proxy.url}/{page}"
    assert exceptions(watched) == []
    main = watched.locator("[data-testid=stMain]").inner_text()
    assert "Connection error" not in watched.inner_text("body") and len(main.strip()) > 50
    # Streamlit's own routes under a page or at the root are not redirected.
    assert _status_and_location(f"{proxy.url}/_stcore/health")[0] == 200
    assert _status_and_location(f"{proxy.url}/items/_stcore/health")[0] == 404  # the frontend's probe
    assert _status_and_location(f"{proxy.url}/app/static/data/datapackage.json")[0] == 200


def test_a_page_embeds_in_another_sites_iframe(watched, proxy) -> None:
    """frame-ancestors * (the default) lets an <iframe> on another origin show ?embed=true pages."""
    html = f'<html><body><iframe src="{proxy.url}/compare?embed=true" width="1200" height="800"></iframe></body></html>'

    class Host(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args):
            pass

    host = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Host)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    try:
        watched.goto(f"http://127.0.0.1:{host.server_port}/")
        frame = watched.frame_locator("iframe")
        frame.locator("[data-testid=stApp][data-test-script-state=notRunning]").wait_for(timeout=45_000)
        frame.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=45_000)
        shot(watched, "proxy-embedded")
        assert len(frame.locator("[data-testid=stMain]").inner_text().strip()) > 50
        assert not [m for m in watched.console if "frame-ancestors" in m or "Refused to frame" in m]
    finally:
        host.shutdown()


def test_static_javascript_is_compressed_and_cached(proxy) -> None:
    status, headers, html = _get(f"{proxy.url}/")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(html).decode()
    assert headers["Cache-Control"] == "no-cache", "the page itself must be revalidated (it names the bundles)"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "frame-ancestors *" in headers["Content-Security-Policy"], "pages are embedded with ?embed=true"
    assert "X-Frame-Options" not in headers
    assert headers["Server"] == "nginx", "no version in the Server header"
    assert '<script src="./_proxy/reconnect.js"></script></head>' in html, "the failover script is added"
    status, headers, body = _get(f"{proxy.url}/_proxy/reconnect.js")
    script = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    assert status == 200 and b"location.reload" in script

    import streamlit

    bundles = Path(streamlit.__file__).parent / "static" / "static" / "js"
    plotly = max(bundles.glob("PlotlyChart.*.js"), key=lambda p: p.stat().st_size)
    index = re.search(r"static/js/index\.[\w-]+\.js", html).group(0)
    start = len(_log_lines(proxy))
    for name, raw in (
        (index, (bundles / Path(index).name).read_bytes()),
        (f"static/js/{plotly.name}", plotly.read_bytes()),
    ):
        status, headers, body = _get(f"{proxy.url}/{name}")
        assert status == 200 and headers["Content-Encoding"] == "gzip", name
        assert gzip.decompress(body) == raw, name
        assert len(body) < 0.4 * len(raw), f"{name}: {len(body)} of {len(raw)} bytes"
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", name
        assert headers["Vary"] == "Accept-Encoding"
        print(f"{name}: {len(raw):,} bytes, {len(body):,} gzipped through the proxy")
    # Those came from nginx's precompressed copy (gzip_static), not from a replica ...
    served = [_logged(proxy, start, plotly.name), _logged(proxy, start, Path(index).name)]
    assert all(" up=- " in line for line in served), served
    # ... and a bundle missing from the copy (a stale Docker volume) comes from a replica.
    copy = proxy.files / "static" / "js" / Path(index).name
    moved = [(path, path.with_name(path.name + ".away")) for path in (copy, copy.with_name(copy.name + ".gz"))]
    for path, away in moved:
        path.rename(away)
    try:
        start = len(_log_lines(proxy))
        status, headers, body = _get(f"{proxy.url}/{index}")
        assert status == 200 and gzip.decompress(body) == (bundles / Path(index).name).read_bytes()
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        line = _logged(proxy, start, Path(index).name)
        assert " up=127.0.0.1:" in line, line
    finally:
        for path, away in moved:
            away.rename(path)
    # Without Accept-Encoding the same file arrives as it is.
    status, headers, body = _get(f"{proxy.url}/static/js/{plotly.name}", gzip_ok=False)
    assert "Content-Encoding" not in headers and len(body) == plotly.stat().st_size


def test_metrics_are_not_exposed(proxy) -> None:
    replica = proxy.replicas[0]
    status, _, _ = _get(f"{replica.url}/_stcore/metrics")
    assert status == 200, "the replica serves metrics (so the proxy's 404 means something)"
    with pytest.raises(urllib.error.HTTPError) as error:
        _get(f"{proxy.url}/_stcore/metrics")
    assert error.value.code == 404


def test_a_browser_sticks_to_one_replica(watched, proxy) -> None:
    open_page(watched, f"{proxy.url}/compare", charts=1)
    open_page(watched, f"{proxy.url}/priority", charts=1)  # a second load, a second session, the same cookie
    cookie = next(c["value"] for c in watched.context.cookies() if c["name"] == STICKY_COOKIE)
    lines = _log_lines(proxy, cookie)
    # After the first page set the cookie: its health and host-config, its websocket (logged when the
    # second load closed it), the second page and its own; the bundles may come from the tab's cache.
    assert len(lines) >= 5, lines
    assert len(_upstreams(lines)) == 1, lines


#: Sessions held open at once through the proxy: enough to prove that they all finish side by side
#: and that sessions without the sticky cookie are spread over the replicas (3 replicas: all 20 on one
#: has probability 3 × 3⁻²⁰). Throughput and CPU shares are measured in benchmarks/bench_concurrency.py.
SESSIONS = 20


def test_sessions_at_once_through_the_proxy_all_finish_on_several_replicas(proxy) -> None:
    from benchmarks._common import cpu_seconds
    from benchmarks.bench_concurrency import _level

    pids = [r.process.pid for r in proxy.replicas]
    before = [cpu_seconds(pid) for pid in pids]
    # In a thread: Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        level = pool.submit(
            asyncio.run, _level("app", proxy.port, pids, SESSIONS, 1, base_path=proxy.base_path)
        ).result()
    work = [cpu_seconds(pid) - start for pid, start in zip(pids, before, strict=True)]
    assert level.failed == 0, level.errors[:3]
    assert level.exceptions == []
    assert len(level.latencies) == 2 * SESSIONS  # the first run and one change, every session
    # Sessions without the cookie are hashed by their request id: at least two replicas did a real
    # share of the work (the even split over three is a measurement: benchmarks/bench_concurrency.py).
    assert sorted(work)[-2] > 0.1 * sum(work), work


def test_command_line_prints_the_url_and_stops_everything_on_sigterm() -> None:
    port = free_port()
    command = [sys.executable, "-m", "deploy.local", "--replicas", "1", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = process.stdout.readline().strip()
        assert url == f"http://127.0.0.1:{port}/", process.stderr.read() if process.poll() is not None else url
        assert healthy(url.rstrip("/"))
        children = [int(pid) for pid in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()]
        assert len(children) == 2, children  # one replica and nginx's master
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert not healthy(url.rstrip("/"))
        for pid in children:
            assert not os.path.exists(f"/proc/{pid}"), f"process {pid} outlived deploy.local"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("how", ["crash", "stop"])
def test_losing_the_replica_of_a_session_keeps_the_view(watched, proxy, how: str) -> None:
    """Runs last: each case takes a replica of the module's proxy away (SIGKILL, then SIGTERM)."""
    open_page(watched, f"{proxy.url}/treemap?size=base&lang=en", charts=1)
    # Mid-use: a filter changed by a click, which the page writes into its URL.
    buttons = watched.locator("[data-testid=stMain] [data-testid=stButtonGroup] button")
    buttons.filter(has_text="Account").click()
    watched.wait_for_url("**color=account**")
    wait_idle(watched, charts=1)
    view = watched.url
    shot(watched, f"proxy-failover-{how}-before")
    cookie = next(c["value"] for c in watched.context.cookies() if c["name"] == STICKY_COOKIE)
    (served_by,) = _upstreams(_log_lines(proxy, cookie))
    replica = proxy.replica(served_by)
    assert replica.process.poll() is None
    survivors = [r for r in proxy.replicas if r is not replica and r.process.poll() is None]
    assert survivors

    watched.evaluate("window.__beforeFailover = true")
    if how == "crash":
        replica.process.kill()
    else:  # a replica stopped for a deployment or a scale-down: Streamlit shuts down cleanly
        replica.process.terminate()
    replica.process.wait(timeout=15)
    started = time.monotonic()
    # deploy/nginx/reconnect.js reloads the page once the websocket is back (on the survivor).
    watched.wait_for_function(
        "() => !window.__beforeFailover && window.__states.some(s => s.state === 'running')", timeout=60_000
    )
    wait_idle(watched, charts=1)
    seconds = time.monotonic() - started
    shot(watched, f"proxy-failover-{how}-after")

    assert exceptions(watched) == []
    assert watched.url == view, "the address changed"
    assert "Composition" in watched.locator("[data-testid=stSidebarNav]").inner_text(), "not English any more"
    assert watched.locator("[data-testid=stMain] .js-plotly-plot .main-svg").count() >= 1
    selected = watched.locator("[data-testid=stMain] [data-testid=stButtonGroup] button[aria-checked=true]")
    chosen = selected.all_inner_texts()
    assert any("budget" in c for c in chosen), f"size=base is no longer selected: {chosen}"
    assert "Account" in chosen, f"the clicked colour is lost: {chosen}"
    # The session's websocket was on the killed replica (its line is written when it closed) ...
    lines = _log_lines(proxy, cookie)
    assert any("/_stcore/stream" in line and f"up={served_by} " in line for line in lines), lines[-5:]
    # ... and the page came back from a survivor.
    (answered,) = _upstreams([line for line in lines if "/_stcore/health" in line][-1:])
    assert answered in {r.address for r in survivors}, answered
    print(f"failover ({how}): replica {served_by} lost, view back from {answered} in {seconds:.1f}s")
