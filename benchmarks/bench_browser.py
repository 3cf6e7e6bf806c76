"""Browser render time per page, side by side with an empty one-widget Streamlit app.

Chromium (Playwright, the system browser) opens each page of ``streamlit run app.py`` and
the empty app (``benchmarks/empty_app.py``, same Streamlit, another port) in one run,
``--loads`` times each, interleaved so a busy machine slows both alike. A load is a new tab
in a browser context whose HTTP cache is already warm (one discarded load of each first),
so the figures compare the apps, not the download of Streamlit's JavaScript.

Time = from navigation start (``performance.timeOrigin``) until the page is idle: the app
has run its script (``[data-testid=stApp][data-test-script-state=notRunning]`` after it
was ``running``), something is rendered, and every plotly chart on the page is drawn
(``.js-plotly-plot .main-svg`` inside each ``stPlotlyChart``).

    python benchmarks/bench_browser.py [--loads 5] [page ...]

Target (issue 6): page / empty app ≤ 1.5x for every page (medians).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    EMPTY_APP,
    ROOT,
    StreamlitSession,
    add_server_option_argument,
    machine,
    median,
    pick_pages,
    servers,
    use_server_options,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOAD_TIMEOUT_MS = 60_000
TARGET = 1.5

# Runs in the page before Streamlit's own scripts: remember whether the script ever ran,
# so an idle state before the first run does not count as idle.
WATCH_RUNNING = """
window.__benchSawRunning = false;
window.__benchRunDone = null;
new MutationObserver(() => {
  const app = document.querySelector('[data-testid=stApp]');
  const state = app && app.getAttribute('data-test-script-state');
  if (state === 'running') window.__benchSawRunning = true;
  if (state === 'notRunning' && window.__benchSawRunning && window.__benchRunDone === null)
    window.__benchRunDone = performance.now();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state'], childList: true});
"""

# The plotly element is loaded lazily, so "every chart drawn" needs the page's chart count:
# the plotly_chart elements the server sends for the page (counted over the websocket).
IDLE = """
(expected) => {
  const app = document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]');
  if (!app || !window.__benchSawRunning) return false;
  if (!document.querySelector('[data-testid=stMain] [data-testid=stElementContainer]')) return false;
  const drawn = [...document.querySelectorAll('.js-plotly-plot')].filter((e) => e.querySelector('.main-svg'));
  if (drawn.length < expected) return false;
  return {ms: performance.now(), run: window.__benchRunDone ?? performance.now()};
}
"""


def load_once(context, url: str, expected: int) -> tuple[float, float]:
    """ms from navigation start to idle with ``expected`` plotly charts drawn, in a new tab,
    and ms until the script run had finished (the rest is drawing the charts)."""
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        handle = page.wait_for_function(IDLE, arg=expected, timeout=LOAD_TIMEOUT_MS, polling="raf")
        result = handle.json_value()
        return float(result["ms"]), float(result["run"])
    finally:
        page.close()


async def _chart_count(port: int, url_path: str) -> int:
    session = StreamlitSession(port)
    await session.connect()
    try:
        return (await session.rerun("", url_path)).elements.get("plotly_chart", 0)
    finally:
        await session.close()


def _browse(p, targets: list[tuple[str, str]], charts: dict[str, int], loads: int) -> tuple[dict, dict, dict]:
    """Load every target ``loads`` times, interleaved; (times by label, failures by label)."""
    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    times: dict[str, list[float]] = {label: [] for label, _ in targets}
    runs: dict[str, list[float]] = {label: [] for label, _ in targets}
    failures: dict[str, str] = {}
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(WATCH_RUNNING)
        for round_ in range(loads + 1):  # round 0 warms the HTTP cache and the servers
            for label, url in targets:
                if label in failures:
                    continue
                try:
                    ms, run = load_once(context, url, charts[label])
                except Exception as exc:
                    failures[label] = f"{type(exc).__name__}: {exc}".splitlines()[0][:160]
                    continue
                if round_:
                    times[label].append(ms)
                    runs[label].append(run)
        context.close()
    finally:
        browser.close()
    return times, runs, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="overview treemap compare priority items quality glossary")
    parser.add_argument("--loads", type=int, default=5)
    add_server_option_argument(parser)
    args = parser.parse_args()
    pages = pick_pages(args.pages)
    from playwright.sync_api import sync_playwright

    print(machine())
    use_server_options(args.server_option)
    print(
        f"bench_browser: Chromium, navigation start -> idle (script run finished, charts drawn), "
        f"median of {args.loads} loads each, HTTP cache warm, a new tab per load; ms"
    )
    with servers([ROOT / "app.py", EMPTY_APP]) as (app, empty):
        targets = [(page.label, f"{app.url}/{page.url_path}") for page in pages]
        targets.append(("empty app", f"{empty.url}/"))
        targets.append(("empty+plot", f"{empty.url}/?chart=1"))
        # Playwright's sync API owns the thread's event loop, so count the charts first.
        charts = {page.label: asyncio.run(_chart_count(app.port, page.url_path)) for page in pages}
        charts["empty app"] = asyncio.run(_chart_count(empty.port, ""))
        charts["empty+plot"] = 1
        with sync_playwright() as p:
            times, runs, failures = _browse(p, targets, charts, args.loads)

    if "empty app" in failures:
        raise SystemExit(f"the empty app did not load: {failures['empty app']}")
    empty_ms = median(times["empty app"])
    print(f"{'page':<10} {'median':>7} {'min':>6} {'max':>6} {'ratio':>6} {'charts':>6} {'run done':>8}")
    for label, _ in targets:
        if label in failures:
            print(f"{label:<10} FAILED: {failures[label]}")
            continue
        ms = times[label]
        ratio = median(ms) / empty_ms
        flag = "" if ratio <= TARGET or label.startswith("empty") else "  <- over target"
        print(
            f"{label:<10} {median(ms):7.0f} {min(ms):6.0f} {max(ms):6.0f} {ratio:5.2f}x {charts[label]:6d} "
            f"{median(runs[label]):8.0f}{flag}"
        )
    print("empty+plot: the empty app with one small go.Bar (?chart=1): the floor for a page with a Plotly chart")
    print("run done: median ms until the script state went back to notRunning (before charts were drawn)")
    print(f"target: page / empty app <= {TARGET}x for every page")


if __name__ == "__main__":
    main()
