"""N websocket sessions through the proxy, each rerunning one page with language switches; counts exceptions.

``python -m deploy.local``'s topology (``deploy.local.running``, one replica by default) is
started; after one warm-up session straight to the replica, N sessions connect at once
*through nginx*, session i on page i mod (the one-document pages), and rerun it with
``lang=en`` three times then ``lang=ja`` (the query string alone, no widget states, as a
reconnecting tab sends). Reported: reruns, wall seconds, exceptions (by page and query),
runs that did not finish, sessions that failed. Issue 21 point 6: at 21d7d0f, 22 of 400
reruns showed ``KeyError: st.session_state has no key "quality.status"``.

    python benchmarks/bench_lang_switch.py [--sessions 100] [--replicas 1]

Prints figures only; tests/e2e/test_sessions.py is the test of the same behaviour.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import StreamlitSession, machine

from dashboard.registry import PAGES
from deploy.local import free_port, running

QUERIES = ("lang=en", "lang=en", "lang=en", "lang=ja")
PATHS = [p.url_path for p in PAGES if p.min_documents == 1]


async def _session(port: int, page: str, out: dict) -> None:
    session = StreamlitSession(port)
    try:
        await session.connect(timeout=120)
        for query in QUERIES:
            result = await session.rerun(query, page, timeout=300)
            out["runs"] += 1
            out["exceptions"] += [f"/{page}?{query}" for _ in result.exceptions]
            out["unfinished"] += result.status != "FINISHED_SUCCESSFULLY"
    except Exception as exc:  # a connection error or a timeout: counted, not raised
        out["failed"].append(repr(exc)[:80])
    finally:
        await session.close()


async def _level(port: int, sessions: int) -> dict:
    out: dict = {"runs": 0, "exceptions": [], "unfinished": 0, "failed": []}
    await asyncio.gather(*(_session(port, PATHS[i % len(PATHS)], out) for i in range(sessions)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--replicas", type=int, default=1)
    args = parser.parse_args()
    print(machine())
    with running(args.replicas, free_port()) as topology:
        asyncio.run(_level(topology.replicas[0].port, 1))  # warm-up, straight to the replica
        start = time.perf_counter()
        out = asyncio.run(_level(topology.port, args.sessions))
        wall = time.perf_counter() - start
    print(
        f"{args.sessions} sessions through nginx ({args.replicas} replica{'s' if args.replicas > 1 else ''}): "
        f"{out['runs']} reruns in {wall:.0f} s; exceptions {len(out['exceptions'])}, "
        f"unfinished {out['unfinished']}, failed sessions {len(out['failed'])}"
    )
    for where, count in Counter(out["exceptions"]).most_common(5):
        print(f"  {count:4d} exceptions on {where}")
    for failure in out["failed"][:3]:
        print(f"  failed: {failure}")


if __name__ == "__main__":
    main()
