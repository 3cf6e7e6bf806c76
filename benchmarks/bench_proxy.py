"""Hosting: throughput through nginx with 1, 2, 3 replicas, and a throttled cold load direct vs proxied.

Part 1 (``--sessions``, default 100): for each replica count, ``python -m deploy.local``'s
topology is started (``deploy.local.running``), every replica is warmed directly (one
session over every page), then N websocket sessions connect at once *through the proxy*
(bench_concurrency's driver: each loads a page, page i mod 7, and changes a filter
``--changes`` times). Reported: reruns/s over the level, p50/p95 round trip, failures,
exceptions, and CPU ms per rerun summed over the replicas and nginx's worker (from
/proc, so other load on the machine does not inflate it). 1000 / (replica CPU ms per
rerun) is what one core can serve. The 1-replica level is also run direct (no proxy).

Part 2 (``--loads``, default 3): Chromium opens ``/treemap`` with an empty cache (a new
browser context per load) under DevTools network throttling (``--down`` Mbit/s,
``--rtt`` ms, ``--up`` Mbit/s), alternately straight from the replica and through the
compressing proxy; time from navigation start to the script run finished and the chart
drawn, and the bytes the page fetched over HTTP (transferSize, websocket excluded).

    python benchmarks/bench_proxy.py [--replicas 1 2 3] [--sessions 100] [--changes 4] [--loads 3]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import PAGES, cpu_seconds, machine, median, p95
from bench_browser import CHROMIUM, CHROMIUM_ARGS, IDLE, LOAD_TIMEOUT_MS, WATCH_RUNNING
from bench_concurrency import _level, _warm

from deploy.local import free_port, running

TREEMAP_CHARTS = 1
BYTES = "() => performance.getEntries().reduce((sum, e) => sum + (e.transferSize || 0), 0)"


def _nginx_worker(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def throughput(replicas: int, sessions: int, changes: int, direct: bool = False) -> dict:
    with running(replicas, free_port()) as topology:
        for replica in topology.replicas:
            asyncio.run(_warm("app", replica.port))
        time.sleep(1.0)
        pids = [r.process.pid for r in topology.replicas]
        worker = _nginx_worker(topology.nginx.pid)
        port = topology.replicas[0].port if direct else topology.port
        nginx_before = cpu_seconds(worker)
        level = asyncio.run(_level("app", port, pids, sessions, changes))
        nginx_cpu = cpu_seconds(worker) - nginx_before
    runs = len(level.latencies)
    return {
        "label": f"{replicas} replica{'s' if replicas > 1 else ''}" + (" direct" if direct else ""),
        "replicas": replicas,
        "runs": runs,
        "throughput": level.throughput,
        "p50": median(level.latencies) * 1000,
        "p95": p95(level.latencies) * 1000,
        "failed": level.failed,
        "exceptions": len(level.exceptions),
        "cpu_ms": level.cpu_ms_per_run,
        "nginx_ms": nginx_cpu * 1000 / runs if runs else float("nan"),
        "errors": sorted(set(level.errors))[:3],
    }


def cold_load(browser, url: str, down: float, up: float, rtt: float) -> tuple[float, int]:
    """ms from navigation start to idle with the chart drawn, and bytes fetched, with an empty cache."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(WATCH_RUNNING)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": rtt,
                "downloadThroughput": down * 1e6 / 8,
                "uploadThroughput": up * 1e6 / 8,
            },
        )
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        handle = page.wait_for_function(IDLE, arg=TREEMAP_CHARTS, timeout=LOAD_TIMEOUT_MS, polling="raf")
        ms = float(handle.json_value()["ms"])
        return ms, int(page.evaluate(BYTES))
    finally:
        context.close()


def cold_loads(loads: int, down: float, up: float, rtt: float) -> dict[str, list[tuple[float, int]]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[tuple[float, int]]] = {"direct": [], "proxied": []}
    with running(1, free_port()) as topology:
        asyncio.run(_warm("app", topology.replicas[0].port))
        targets = {"direct": f"{topology.replicas[0].url}/treemap", "proxied": f"{topology.url}/treemap"}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for _ in range(loads):
                    for label, url in targets.items():
                        results[label].append(cold_load(browser, url, down, up, rtt))
            finally:
                browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--changes", type=int, default=4, help="filter changes per session")
    parser.add_argument("--loads", type=int, default=3, help="cold loads of /treemap each way (0: skip)")
    parser.add_argument("--down", type=float, default=20.0, help="Mbit/s down")
    parser.add_argument("--up", type=float, default=5.0, help="Mbit/s up")
    parser.add_argument("--rtt", type=float, default=40.0, help="ms round trip")
    args = parser.parse_args()
    print(machine())
    pages = len(PAGES)

    if args.sessions:
        print(
            f"bench_proxy: {args.sessions} sessions at once through nginx, each loads a page (i mod {pages}) "
            f"and changes a filter {args.changes}x; a fresh topology per line, replicas warmed"
        )
        print(
            f"{'topology':<18} {'runs':>5} {'runs/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'failed':>6} {'exc':>4} "
            f"{'app CPU ms/run':>14} {'nginx CPU ms/run':>16} {'runs/s per core':>15}"
        )
        levels = [(1, True)] if 1 in args.replicas else []
        levels += [(n, False) for n in args.replicas]
        for replicas, direct in levels:
            row = throughput(replicas, args.sessions, args.changes, direct)
            print(
                f"{row['label']:<18} {row['runs']:5d} {row['throughput']:7.1f} {row['p50']:7.0f} {row['p95']:7.0f} "
                f"{row['failed']:6d} {row['exceptions']:4d} {row['cpu_ms']:14.1f} {row['nginx_ms']:16.2f} "
                f"{1000 / row['cpu_ms']:15.1f}",
                flush=True,
            )
            for error in row["errors"]:
                print(f"    failure: {error}")

    if args.loads:
        print(
            f"cold load of /treemap, empty cache, throttled to {args.down:g} Mbit/s down, {args.up:g} up, "
            f"{args.rtt:g} ms RTT (DevTools); navigation start -> script run and chart drawn"
        )
        results = cold_loads(args.loads, args.down, args.up, args.rtt)
        for label, loads in results.items():
            times = [ms for ms, _ in loads]
            sizes = [size for _, size in loads]
            print(
                f"  {label:<8} median {median(times):7.0f} ms (min {min(times):.0f}, max {max(times):.0f}), "
                f"{median(sizes) / 1e6:.2f} MB over HTTP"
            )
        ratio = median([ms for ms, _ in results["proxied"]]) / median([ms for ms, _ in results["direct"]])
        print(f"  proxied / direct: {ratio:.2f}x")


if __name__ == "__main__":
    main()
