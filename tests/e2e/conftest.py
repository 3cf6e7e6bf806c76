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

from deploy import servers
from tests.conftest import ROOT

SHOTS = ROOT / "artifacts" / "screenshots"
LOGS = ROOT / "artifacts" / "logs"
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
def server() -> Iterator[str]:
    """Base URL of the app server shared by the browser tests (output in artifacts/logs/)."""
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def wait_idle(page, charts: int = 0, timeout: float = 45_000) -> None:
    """Wait for the app's own state: the script has run and stopped (and ``charts`` plotly SVGs drawn)."""
    app = "[data-testid=stApp]"
    page.wait_for_selector(f"{app}[data-test-script-state]", timeout=timeout)
    # A run may start just after the page loads: wait until it has stopped twice in a row.
    for _ in range(2):
        page.wait_for_selector(f"{app}[data-test-script-state=notRunning]", timeout=timeout)
        page.wait_for_timeout(250)
    if charts:
        page.wait_for_function(
            "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n", arg=charts, timeout=timeout
        )
    # Every table drawn and readable: the tests read the grid's accessibility tree ([role=grid]),
    # which glide-data-grid builds 200 ms (debounced) after it has drawn the canvas.
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stDataFrame]')].every(d => d.querySelector('[role=grid]'))",
        timeout=timeout,
    )


def open_page(page, url: str, charts: int = 0) -> None:
    """Go to ``url`` and wait until the app is idle."""
    page.goto(url)
    wait_idle(page, charts)


def shot(page, name: str) -> Path:
    """Save a screenshot of the whole page under artifacts/screenshots/.

    Streamlit scrolls inside its main container, so a "full page" screenshot would
    stop at the window: the window is stretched to the content's height first.
    """
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppScrollToBottomContainer]')]"
        ".map(e => e.scrollHeight), document.body.scrollHeight)"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 12000)})
    page.wait_for_timeout(300)
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
