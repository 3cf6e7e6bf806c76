"""N simultaneous sessions against one server, through Streamlit's own websocket protocol.

For each N (1, 10, 25, 50) and for each app (this dashboard, then the empty one-widget
app) a fresh ``streamlit run`` server is started and warmed with one session per page.
Then N sessions connect at once; each loads a page (session i gets page i mod 7) and
changes a filter ``--changes`` times (the page's URL query string, alternating; the pages
seed their widgets from the URL), waiting for ``script_finished`` each time. With N = 1
the one session visits every page in turn. The empty app's filter change is a typed
text_input value sent as widget state.

Reported per N and app: server CPU ms per rerun (the server process's own CPU time, so
other load on the machine does not inflate it), reruns/s over the whole level (loads + changes), p50/p95 round
trip (send ``rerun_script`` → ``script_finished``), failed sessions (connection error,
timeout, a run that did not finish successfully), exceptions (exception elements in the
deltas), and server RSS (VmRSS) before the sessions connect and with all of them still
connected, per extra session.

    python benchmarks/bench_concurrency.py [--sessions 1 10 25 50] [--changes 4]

Targets (issue 6), as ratios to the empty app: single-session rerun round trip ≤ 1.5x;
throughput at 25 sessions ≥ 0.5x; 0 failures and 0 exceptions at 50 sessions;
< 5 MB RSS per extra session.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    EMPTY_APP,
    PAGES,
    ROOT,
    StreamlitSession,
    add_server_option_argument,
    cpu_seconds,
    machine,
    median,
    p95,
    rss_mb,
    servers,
    text_input_state,
    use_server_options,
)

LEVEL_TIMEOUT = 600.0  # seconds for one level of N sessions, all included
RUN_TIMEOUT = 120.0  # seconds for one rerun


@dataclass
class Level:
    app: str
    sessions: int
    wall: float = 0.0
    latencies: list[float] = field(default_factory=list)  # all runs, s
    loads: list[float] = field(default_factory=list)
    changes: list[float] = field(default_factory=list)
    per_page: dict[str, list[float]] = field(default_factory=dict)  # N=1: filter changes per page
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    finished: int = 0  # sessions done with their runs (still connected)
    cpu: float = 0.0  # server CPU seconds over the level
    rss_before: float = 0.0
    rss_after: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0

    @property
    def cpu_ms_per_run(self) -> float:
        return self.cpu * 1000 / len(self.latencies) if self.latencies else float("nan")

    @property
    def rss_per_session(self) -> float:
        return (self.rss_after - self.rss_before) / self.sessions


def _record(level: Level, runs: list) -> None:
    """Count a session's runs into its level; a run that did not finish fails the session."""
    for run in runs:
        level.latencies.append(run.seconds)
        level.exceptions += run.exceptions
        if run.status != "FINISHED_SUCCESSFULLY":
            raise RuntimeError(run.status)


async def _app_session(
    port: int, pages, changes: int, level: Level, connected: asyncio.Event | None, base_path: str = ""
) -> None:
    session = StreamlitSession(port, base_path)
    try:
        await session.connect()
        for page in pages:
            load = await session.rerun("", page.url_path, timeout=RUN_TIMEOUT)
            runs = [load]
            level.loads.append(load.seconds)
            for i in range(changes):
                run = await session.rerun(page.queries[i % 2], page.url_path, timeout=RUN_TIMEOUT)
                runs.append(run)
                level.changes.append(run.seconds)
                level.per_page.setdefault(page.label, []).append(run.seconds)
            _record(level, runs)
    except Exception as exc:
        level.failed += 1
        level.errors.append(f"{type(exc).__name__}: {exc}"[:200])
    finally:
        level.finished += 1
        if connected is not None:
            await connected.wait()  # keep the session open until RSS is read
        await session.close()


async def _empty_session(port: int, changes: int, level: Level, connected: asyncio.Event | None) -> None:
    session = StreamlitSession(port)
    try:
        await session.connect()
        load = await session.rerun(timeout=RUN_TIMEOUT)
        runs = [load]
        level.loads.append(load.seconds)
        widget = session.widget_ids["text_input"]
        for i in range(changes):
            run = await session.rerun(widget_states=[text_input_state(widget, f"v{i % 2}")], timeout=RUN_TIMEOUT)
            runs.append(run)
            level.changes.append(run.seconds)
        _record(level, runs)
    except Exception as exc:
        level.failed += 1
        level.errors.append(f"{type(exc).__name__}: {exc}"[:200])
    finally:
        level.finished += 1
        if connected is not None:
            await connected.wait()
        await session.close()


async def _level(app: str, port: int, pids: Sequence[int], n: int, changes: int, base_path: str = "") -> Level:
    """N sessions at once against ``port``; CPU and RSS summed over ``pids`` (the servers behind it)."""
    level = Level(app, n)
    done = asyncio.Event()
    if app == "app":
        jobs = [
            _app_session(port, PAGES if n == 1 else [PAGES[i % len(PAGES)]], changes, level, done, base_path)
            for i in range(n)
        ]
    else:
        jobs = [_empty_session(port, changes, level, done) for _ in range(n)]
    level.rss_before = sum(rss_mb(pid) for pid in pids)
    cpu_before = sum(cpu_seconds(pid) for pid in pids)
    tasks = [asyncio.create_task(job) for job in jobs]
    start = time.perf_counter()
    deadline = start + LEVEL_TIMEOUT
    # Wait until every session has finished its runs (each holds its socket until `done`).
    while time.perf_counter() < deadline and level.finished < n:
        await asyncio.sleep(0.01)
    if level.finished < n:
        level.failed += n - level.finished
        level.errors.append(f"TimeoutError: level not finished in {LEVEL_TIMEOUT:.0f}s")
    level.wall = time.perf_counter() - start
    level.rss_after = sum(rss_mb(pid) for pid in pids)
    level.cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
    done.set()
    for task in tasks:
        if not task.done():
            task.cancel()
    await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 60)
    return level


async def _warm(app: str, port: int, base_path: str = "") -> None:
    """One session over every page, so the level measures warm servers (caches filled)."""
    throwaway = Level(app, 1)
    if app == "app":
        await _app_session(port, PAGES, 2, throwaway, None, base_path)
    else:
        await _empty_session(port, 2, throwaway, None)
    if throwaway.failed:
        raise RuntimeError(f"warm-up failed on {app}: {throwaway.errors}")


def run_level(app_script: Path, app: str, n: int, changes: int) -> Level:
    with servers([app_script]) as (server,):
        asyncio.run(_warm(app, server.port))
        time.sleep(1.0)
        return asyncio.run(_level(app, server.port, [server.pid], n, changes))


def _ms(values: list[float], f) -> str:
    return f"{f(values) * 1000:8.0f}" if values else f"{'-':>8}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 25, 50])
    parser.add_argument("--changes", type=int, default=4, help="filter changes per session and page")
    add_server_option_argument(parser)
    args = parser.parse_args()

    print(machine())
    use_server_options(args.server_option)
    print(
        f"bench_concurrency: a fresh server per level, warmed; each session loads a page and changes a filter "
        f"{args.changes}x; latency = rerun_script -> script_finished round trip"
    )
    print(
        f"{'app':<6} {'N':>3} {'runs':>5} {'runs/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'load p50':>8} "
        f"{'chg p50':>8} {'failed':>6} {'exc':>4} {'RSS MB':>7} {'MB/sess':>7} {'CPU ms/run':>10}"
    )
    results: dict[tuple[str, int], Level] = {}
    for n in args.sessions:
        for app, script in (("app", ROOT / "app.py"), ("empty", EMPTY_APP)):
            level = run_level(script, app, n, args.changes)
            results[app, n] = level
            print(
                f"{app:<6} {n:3d} {len(level.latencies):5d} {level.throughput:7.1f} {_ms(level.latencies, median)} "
                f"{_ms(level.latencies, p95)} {_ms(level.loads, median)} {_ms(level.changes, median)} "
                f"{level.failed:6d} {len(level.exceptions):4d} {level.rss_after:7.1f} {level.rss_per_session:7.2f} "
                f"{level.cpu_ms_per_run:10.1f}",
                flush=True,
            )
            for error in sorted(set(level.errors))[:3]:
                print(f"    failure: {error}")
            for exception in sorted(set(level.exceptions))[:3]:
                print(f"    exception: {exception}")
            if app == "app" and n == 1:
                for page, times in level.per_page.items():
                    print(f"    {page:<9} filter change p50 {median(times) * 1000:6.0f} ms")

    print("ratios to the empty app (targets):")
    if ("app", 1) in results:
        ratio = median(results["app", 1].changes) / median(results["empty", 1].changes)
        print(f"  single-session filter-change round trip: {ratio:.2f}x (target <= 1.5x)")
        ratio = median(results["app", 1].latencies) / median(results["empty", 1].latencies)
        print(f"  single-session round trip, loads and changes: {ratio:.2f}x (target <= 1.5x)")
    if ("app", 25) in results:
        ratio = results["app", 25].throughput / results["empty", 25].throughput
        print(f"  throughput at 25 sessions: {ratio:.2f}x (target >= 0.5x)")
    if ("app", 50) in results:
        level = results["app", 50]
        print(f"  at 50 sessions: {level.failed} failed, {len(level.exceptions)} exceptions (target 0 and 0)")
    for n in args.sessions:
        if n > 1 and ("app", n) in results:
            print(
                f"  RSS per extra session at N={n}: app {results['app', n].rss_per_session:.2f} MB, "
                f"empty {results['empty', n].rss_per_session:.2f} MB (target < 5 MB)"
            )


if __name__ == "__main__":
    main()
