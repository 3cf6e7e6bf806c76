"""Browser time per page: cold, warm and in-app navigation, beside two reference apps.

Chromium (Playwright, the system browser) loads each page of ``streamlit run app.py`` and
the references in one run, ``--loads`` times each, interleaved (page after page, mode after
mode) so a busy machine slows every figure alike; a first round is discarded (it warms the
servers). References: the empty one-widget app (``benchmarks/empty_app.py``), the same app
with one small Plotly bar (``?chart=1``, the floor for a page with a chart), and for clicks a
two-page app written to a temporary folder (a one-widget page and a one-bar page, the same
``st.navigation`` sidebar as the app).

- **cold**: a new browser context (empty HTTP cache): navigation start → idle.
- **warm**: a new tab in a context that has loaded every page before (HTTP cache warm).
- **nav**: in a loaded page, a click on the page's sidebar link → idle. Chart pages are
  reached from another chart page (the overview from /compare, the others from the
  overview), so Plotly is already loaded, and compared with a click from one one-bar page
  to another; /items is reached from the overview and compared with a click from a
  one-bar page to the one-widget page.
- **tables after run**: for pages with tables, ms from the script's end (its state back to
  ``notRunning``) until every table's grid canvas and every download button is on screen
  (measured on the warm loads; the chart may still be drawing). Not the grid's
  ``[role=grid]``: glide-data-grid builds that accessibility tree 200 ms (debounced) after
  it draws the canvas, which once added ~350 ms to every table page's figure.

Idle = the script has run (``[data-test-script-state=notRunning]`` after ``running``),
something is rendered, and every plotly chart of the page is drawn (``.main-svg``).

    python benchmarks/bench_browser.py [--loads 4] [page ...]
    python benchmarks/bench_browser.py --trace treemap   # where one warm load's time goes
    python benchmarks/bench_browser.py --trace treemap --trace-click   # ... or one sidebar click

Targets (printed, never asserted): a chart page ≤ 1.2x the one-bar app, cold and warm; a
page without a chart ≤ 1.5x the empty app; in-app navigation ≤ 1.5x the reference click;
the tables of a chart page on screen ≤ 300 ms after its script finished.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import sys
import tempfile
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
DEFAULT_PAGES = ("overview", "treemap", "compare", "priority", "items")
TARGET_CHART = 1.2  # chart page / one-bar app
TARGET_PLAIN = 1.5  # page without a chart / empty app
TARGET_NAV = 1.5  # in-app click / reference click
TARGET_TABLES_MS = 300

#: The click reference: the same sidebar navigation as the app, one widget, or one widget and one bar.
NAV_APP = """
import streamlit as st


def empty():
    st.text_input("x")


def plot():
    import plotly.graph_objects as go

    st.text_input("x")
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), width="stretch")


def plot2():
    plot()


pages = [st.Page(empty, title="empty", default=True), st.Page(plot, title="plot", url_path="plot")]
st.navigation([*pages, st.Page(plot2, title="plot2", url_path="plot2")]).run()
"""

# Runs in every page before Streamlit's own scripts. Records when the script run ends (its
# state back to notRunning after running) and, every frame, the first moment the page's
# tables and download buttons are all on screen. ``__benchArm()`` starts a new measurement
# (before an in-app click).
WATCH = """
window.__benchArm = () => {
  window.__benchSawRunning = false;
  window.__benchRunDone = null;
  window.__benchTablesAt = null;
};
window.__benchArm();
window.__benchExpect = {tables: 0, buttons: 0};
new MutationObserver(() => {
  const app = document.querySelector('[data-testid=stApp]');
  const state = app && app.getAttribute('data-test-script-state');
  if (state === 'running') { window.__benchSawRunning = true; window.__benchRunDone = null; }
  if (state === 'notRunning' && window.__benchSawRunning && window.__benchRunDone === null)
    window.__benchRunDone = performance.now();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state'], childList: true});
const benchTables = () => {
  const want = window.__benchExpect;
  if (window.__benchTablesAt === null && window.__benchRunDone !== null && want.tables) {
    // A table is on screen when its grid's canvas is laid out (glide-data-grid draws it in
    // the same frame). Not [role=grid]: that is the grid's accessibility tree, which
    // glide-data-grid builds 200 ms (debounced) after the canvas is drawn.
    const grids = [...document.querySelectorAll('[data-testid=stMain] [data-testid=stDataFrame]')]
      .filter((e) => [...e.querySelectorAll('canvas')].some((c) => c.getBoundingClientRect().width > 0)).length;
    const buttons = document.querySelectorAll('[data-testid=stMain] [data-testid=stDownloadButton] button').length;
    if (grids >= want.tables && buttons >= want.buttons) window.__benchTablesAt = performance.now();
  }
  requestAnimationFrame(benchTables);
};
requestAnimationFrame(benchTables);
"""

# "Every chart drawn" needs the page's chart count (the plotly element is loaded lazily):
# the plotly_chart elements the server sends for the page, counted over the websocket.
IDLE = """
(want) => {
  const app = document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]');
  if (!app) return false;
  if (want.path === null) {
    // a load: the first run must have happened (an idle state before it does not count)
    if (!window.__benchSawRunning || window.__benchRunDone === null) return false;
  } else {
    // a click: the new page is on screen once the URL, the title and the charts are the target's
    // (a short run may never show the running state); a stale element means the run is not over
    if (!location.pathname.endsWith(want.path)) return false;
    const h1 = document.querySelector('[data-testid=stMain] h1');
    if ((h1 ? h1.innerText : '') !== want.title) return false;
    if (document.querySelector('[data-testid=stMain] [data-stale=true]')) return false;
    if (window.__benchRunDone === null) window.__benchRunDone = performance.now();
  }
  if (!document.querySelector('[data-testid=stMain] [data-testid=stElementContainer]')) return false;
  const drawn = [...document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')]
    .filter((e) => e.querySelector('.main-svg'));
  if (want.path === null ? drawn.length < want.charts : drawn.length !== want.charts) return false;
  if (want.tables && window.__benchTablesAt === null) return false;
  return {ms: performance.now(), run: window.__benchRunDone, tables: window.__benchTablesAt,
          title: (document.querySelector('[data-testid=stMain] h1') || {innerText: ''}).innerText};
}
"""


class Target:
    """One page to measure: its URL, what it draws, and where a click to it starts."""

    def __init__(self, label: str, base: str, path: str, query: str = "", nav_from: str = "") -> None:
        self.label, self.base, self.path, self.query, self.nav_from = label, base, path, query, nav_from
        self.charts = self.tables = self.buttons = 0
        self.chart_bytes: list[int] = []
        self.title = ""  # the page's h1 as the browser shows it (read on its first load)

    @property
    def url(self) -> str:
        return f"{self.base}/{self.path}{self.query}"

    def want(self, path: str | None = None) -> dict:
        return {"charts": self.charts, "tables": self.tables, "path": path, "title": self.title}


def _arm(page, target: Target) -> None:
    page.evaluate(
        "(e) => { window.__benchExpect = e; window.__benchArm(); }",
        {"tables": target.tables, "buttons": target.buttons},
    )


def _wait(page, target: Target, path: str | None = None) -> dict:
    handle = page.wait_for_function(IDLE, arg=target.want(path), timeout=LOAD_TIMEOUT_MS, polling="raf")
    return handle.json_value()


def load(context, target: Target) -> dict:
    """Navigation start → idle in a new tab of ``context`` (ms from ``performance.timeOrigin``)."""
    page = context.new_page()
    try:
        page.goto(target.url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        page.evaluate("(e) => { window.__benchExpect = e; }", {"tables": target.tables, "buttons": target.buttons})
        result = _wait(page, target)
        target.title = result["title"]
        return result
    finally:
        page.close()


def click(context, target: Target, source: Target) -> float:
    """ms from a click on ``target``'s sidebar link, in a loaded ``source`` page, to idle."""
    page = context.new_page()
    try:
        page.goto(source.url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        page.evaluate("(e) => { window.__benchExpect = e; }", {"tables": source.tables, "buttons": source.buttons})
        _wait(page, source)
        page.wait_for_timeout(300)  # let the source page settle (its chart, late reruns)
        link = page.locator(f'[data-testid=stSidebarNav] a[href$="/{target.path}"]').first
        if not target.path:
            link = page.locator("[data-testid=stSidebarNav] a").first
        _arm(page, target)
        start = page.evaluate("() => performance.now()")
        link.click()
        result = _wait(page, target, "/" + target.path)
        return float(result["ms"]) - start
    finally:
        page.close()


async def _count(port: int, target: Target) -> None:
    session = StreamlitSession(port)
    await session.connect()
    try:
        run = await session.rerun(target.query.lstrip("?"), target.path)
    finally:
        await session.close()
    target.charts = run.elements.get("plotly_chart", 0)
    target.tables = run.elements.get("dataframe", 0)
    target.buttons = run.elements.get("download_button", 0)
    target.chart_bytes = run.chart_bytes


def _browse(p, targets: list[Target], sources: dict[str, Target], loads: int) -> tuple[dict, list[str]]:
    """Every target ``loads`` times in each mode, interleaved; figures by (label, mode)."""
    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    figures: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    failures: list[str] = []
    try:
        warm = browser.new_context(viewport={"width": 1400, "height": 900})
        warm.add_init_script(WATCH)
        for round_ in range(loads + 1):  # round 0 warms the HTTP cache and the servers
            for target in targets:
                mode = "cold"
                try:
                    cold = browser.new_context(viewport={"width": 1400, "height": 900})
                    cold.add_init_script(WATCH)
                    try:
                        cold_result = load(cold, target)
                    finally:
                        cold.close()
                    mode = "warm"
                    warm_result = load(warm, target)
                    mode = "nav"
                    nav_ms = click(warm, target, sources[target.nav_from]) if target.nav_from else None
                except Exception as exc:
                    failures.append(f"{target.label} ({mode}): {type(exc).__name__}: {exc}".splitlines()[0][:200])
                    continue
                if not round_:
                    continue
                figures[(target.label, "cold")].append(cold_result["ms"])
                figures[(target.label, "warm")].append(warm_result["ms"])
                figures[(target.label, "run")].append(warm_result["run"])
                if warm_result.get("tables") is not None:
                    figures[(target.label, "tables")].append(warm_result["tables"] - warm_result["run"])
                if nav_ms is not None:
                    figures[(target.label, "nav")].append(nav_ms)
        warm.close()
    finally:
        browser.close()
    return figures, failures


TRACE_CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline.stack",
    "v8",
    "blink",
    "toplevel",
    "blink.user_timing",
    "loading",
]


def trace(p, target: Target, out: Path, source: Target | None = None) -> None:
    """One warm load (or, with ``source``, one sidebar click from ``source`` to ``target``)
    under Chromium's tracing; prints where the renderer's main thread spent it."""
    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(WATCH)
        load(context, target)  # warm the HTTP cache
        page = context.new_page()
        if source is None:
            browser.start_tracing(page=page, path=str(out), categories=TRACE_CATEGORIES)
            page.goto(target.url, wait_until="commit")
            page.evaluate("(e) => { window.__benchExpect = e; }", {"tables": target.tables, "buttons": target.buttons})
            result = _wait(page, target)
        else:
            page.goto(source.url, wait_until="commit")
            page.evaluate("(e) => { window.__benchExpect = e; }", {"tables": source.tables, "buttons": source.buttons})
            _wait(page, source)
            page.wait_for_timeout(500)
            link = page.locator(f'[data-testid=stSidebarNav] a[href$="/{target.path}"]').first
            _arm(page, target)
            browser.start_tracing(page=page, path=str(out), categories=TRACE_CATEGORIES)
            start = page.evaluate("() => performance.now()")
            link.click()
            result = _wait(page, target, "/" + target.path)
            result = {**result, "ms": result["ms"] - start, "run": (result["run"] or start) - start}
        browser.stop_tracing()
        context.close()
    finally:
        browser.close()
    events = json.loads(out.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }
    totals: dict[str, float] = collections.Counter()
    for event in events:
        if event.get("ph") == "X" and (event.get("pid"), event.get("tid")) in main and event.get("dur"):
            name = event["name"]
            if name in ("RunTask", "ThreadControllerImpl::RunTask"):
                continue
            data = event.get("args", {}).get("data", {})
            url = str(data.get("url") or data.get("functionName") or "")
            key = f"{name} {url.rsplit('/', 1)[-1][:48]}".strip() if url else name
            totals[key] += event["dur"] / 1000
    what = f"a click from {source.label} to" if source else "one warm load of"
    print(f"trace of {what} {target.label}: idle at {result['ms']:.0f} ms, run done {result['run']:.0f} ms")
    print("renderer main thread, top events (inclusive ms; nested events overlap):")
    for key, ms in totals.most_common(18):
        print(f"  {ms:8.1f}  {key}")
    # Long tasks (> 50 ms) in time order, each named by its longest inner event: what the
    # main thread was busy with between navigation and idle.
    timed = [e for e in events if e.get("ph") == "X" and (e.get("pid"), e.get("tid")) in main and e.get("dur")]
    origin = next(
        (e["ts"] for e in events if e.get("name") == "navigationStart" and (e.get("pid"), e.get("tid")) in main),
        None,
    )
    if origin is None or source is not None:  # a click: time from the first event of the trace
        origin = min(e["ts"] for e in timed)
    tasks = [e for e in timed if e["name"] in ("RunTask", "ThreadControllerImpl::RunTask") and e["dur"] > 50_000]
    print("long tasks (start ms from navigation, duration ms, longest inner event):")
    for task in sorted(tasks, key=lambda e: e["ts"]):
        inner = [
            e
            for e in timed
            if e is not task
            and e["name"] not in ("RunTask", "ThreadControllerImpl::RunTask")
            and task["ts"] <= e["ts"] < task["ts"] + task["dur"]
        ]
        top = max(inner, key=lambda e: e["dur"], default=None)
        what = ""
        if top is not None:
            data = top.get("args", {}).get("data", {})
            url = str(data.get("url") or data.get("functionName") or "") if isinstance(data, dict) else ""
            what = f"{top['name']} {url.rsplit('/', 1)[-1][:40]}".strip()
        print(f"  {(task['ts'] - origin) / 1000:7.0f} {task['dur'] / 1000:7.0f}  {what}")
    print(f"trace file: {out} (open in chrome://tracing or Perfetto)")


def _ratio(value: float, reference: float) -> str:
    return f"{value / reference:5.2f}x" if reference == reference and reference else "   —  "


def report(targets: list[Target], figures: dict, failures: list[str]) -> None:
    m = {key: median(values) for key, values in figures.items()}
    empty, bar = "empty app", "one-bar app"
    ref_nav = {0: m.get(("ref: click → empty", "nav")), 1: m.get(("ref: click → bar", "nav"))}
    print(
        f"{'page':<20} {'charts':>6} {'fig KB':>6} {'cold':>6} {'ratio':>6} {'warm':>6} {'ratio':>6} "
        f"{'run':>6} {'nav':>6} {'ratio':>6} {'tables':>6} {'nav/empty click':>15}"
    )
    for target in targets:
        label = target.label
        if (label, "warm") not in m:
            continue
        reference = bar if target.charts else empty
        nav_ref = ref_nav[1 if target.charts else 0]
        nav = m.get((label, "nav"))
        tables = m.get((label, "tables"))
        over = []
        if not label.startswith(("empty app", "one-bar", "ref:")):
            limit = TARGET_CHART if target.charts else TARGET_PLAIN
            if m[(label, "cold")] / m[(reference, "cold")] > limit:
                over.append("cold")
            if m[(label, "warm")] / m[(reference, "warm")] > limit:
                over.append("warm")
            if nav is not None and nav_ref and nav / nav_ref > TARGET_NAV:
                over.append("nav")
            if target.charts and tables is not None and tables > TARGET_TABLES_MS:
                over.append("tables")
        kb = f"{sum(target.chart_bytes) / 1024:6.1f}" if target.chart_bytes else "     —"
        print(
            f"{label:<20} {target.charts:6d} {kb} {m[(label, 'cold')]:6.0f} "
            f"{_ratio(m[(label, 'cold')], m.get((reference, 'cold'), 0))} {m[(label, 'warm')]:6.0f} "
            f"{_ratio(m[(label, 'warm')], m.get((reference, 'warm'), 0))} {m[(label, 'run')]:6.0f} "
            f"{'' if nav is None else f'{nav:6.0f}':>6} "
            f"{_ratio(nav, nav_ref) if nav is not None and nav_ref else '   —  ':>6} "
            f"{'' if tables is None else f'{tables:6.0f}':>6} "
            f"{_ratio(nav, ref_nav[0]) if nav is not None and ref_nav[0] else '':>15}"
            + (f"  <- over target: {', '.join(over)}" if over else "")
        )
    for failure in failures:
        print(f"FAILED {failure}")
    print(
        "ms, medians. ratio: cold/warm against the one-bar app for a page with a chart, the empty app "
        "otherwise; nav against the reference click to the one-bar page (chart pages) or the one-widget page. "
        "nav/empty click: against the click to the one-widget page (the reference of issue 16). "
        "run: the warm load's script end. tables: ms after the script end until every table and CSV button "
        "is on screen. fig KB: the figure JSON sent."
    )
    print(
        f"targets: chart page <= {TARGET_CHART}x one-bar app, other pages <= {TARGET_PLAIN}x empty app (cold and "
        f"warm); nav <= {TARGET_NAV}x the reference click; tables <= {TARGET_TABLES_MS} ms after the script end"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help=" ".join(DEFAULT_PAGES) + " (and quality glossary)")
    parser.add_argument("--loads", type=int, default=4)
    parser.add_argument("--trace", metavar="PAGE", help="trace one warm load of PAGE instead of timing")
    parser.add_argument("--trace-click", action="store_true", help="with --trace: trace the sidebar click to PAGE")
    add_server_option_argument(parser)
    args = parser.parse_args()
    pages = pick_pages((args.trace and [args.trace]) or args.pages or list(DEFAULT_PAGES))
    from playwright.sync_api import sync_playwright

    print(machine())
    use_server_options(args.server_option)
    with tempfile.TemporaryDirectory() as folder:
        nav_app = Path(folder) / "nav_app.py"
        nav_app.write_text(NAV_APP)
        with servers([ROOT / "app.py", EMPTY_APP, nav_app]) as (app, empty, ref):
            targets = [
                Target(page.label, app.url, page.url_path, nav_from="compare" if not page.url_path else "overview")
                for page in pages
            ]
            by_label = {t.label: t for t in targets}
            for source in ("overview", "compare"):
                if source not in by_label and any(t.nav_from == source for t in targets):
                    extra = Target(source, app.url, "" if source == "overview" else source)
                    by_label[source] = extra
            targets += [
                Target("empty app", empty.url, ""),
                Target("one-bar app", empty.url, "", "?chart=1"),
                Target("ref: click → bar", ref.url, "plot", nav_from="ref: bar page 2"),
                Target("ref: click → empty", ref.url, "", nav_from="ref: bar page"),
            ]
            by_label.update({t.label: t for t in targets if t.label not in by_label})
            by_label["ref: bar page 2"] = Target("ref: bar page 2", ref.url, "plot2")
            by_label["ref: bar page"] = Target("ref: bar page", ref.url, "plot")
            everything = {id(t): t for t in [*targets, *by_label.values()]}.values()
            # Playwright's sync API owns the thread's event loop, so count the elements first.
            for target in everything:
                asyncio.run(_count(int(target.base.rsplit(":", 1)[1]), target))
            with sync_playwright() as p:
                if args.trace:
                    source = by_label[targets[0].nav_from] if args.trace_click else None
                    trace(p, targets[0], Path(folder).parent / f"trace-{targets[0].label}.json", source)
                    return
                print(
                    f"bench_browser: Chromium, {args.loads} rounds (+1 discarded), interleaved: cold (new context), "
                    "warm (new tab, HTTP cache warm), nav (sidebar click in a loaded page)"
                )
                figures, failures = _browse(p, targets, by_label, args.loads)
    report(targets, figures, failures)


if __name__ == "__main__":
    main()
