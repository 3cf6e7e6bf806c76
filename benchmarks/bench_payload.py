"""Bytes sent to the browser per page load and per filter change (websocket messages).

One fresh session per page against ``streamlit run app.py``: the page load (a new tab:
empty message cache), then ``--changes`` filter changes alternating between two URL query
strings. The client keeps the browser's message cache (it sends back the hashes of the
cacheable messages it received), so a repeated filter value costs a reference, not the
element again. Static files (JS, CSS, fonts) are not counted: the browser caches them,
and they are the same for every Streamlit app. The empty one-widget app is measured the
same way (its "filter change" is typing into its text_input).

    python benchmarks/bench_payload.py [--changes 6] [page ...]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    EMPTY_APP,
    ROOT,
    StreamlitSession,
    add_server_option_argument,
    machine,
    pick_pages,
    servers,
    text_input_state,
    use_server_options,
)


def _kb(n: float) -> str:
    return f"{n / 1024:8.1f}"


async def page_payload(port: int, url_path: str, queries: tuple[str, str], changes: int) -> tuple:
    session = StreamlitSession(port)
    await session.connect()
    try:
        load = await session.rerun("", url_path)
        runs = [await session.rerun(queries[i % 2], url_path) for i in range(changes)]
    finally:
        await session.close()
    return load, runs


async def empty_payload(port: int, changes: int) -> tuple:
    session = StreamlitSession(port)
    await session.connect()
    try:
        load = await session.rerun()
        widget = session.widget_ids["text_input"]
        runs = [await session.rerun(widget_states=[text_input_state(widget, f"v{i % 2}")]) for i in range(changes)]
    finally:
        await session.close()
    return load, runs


def _line(label: str, load, runs, how: str) -> str:
    first, rest = runs[0], runs[1:] or runs
    exceptions = sum(len(r.exceptions) for r in [load, *runs])
    return (
        f"{label:<10} {_kb(load.bytes_received)} {load.messages:5d} {_kb(first.bytes_received)} "
        f"{_kb(statistics.median(r.bytes_received for r in rest))} {statistics.median(r.messages for r in rest):5.0f}"
        f"  {exceptions:3d}  {how}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="overview treemap compare priority items quality glossary")
    parser.add_argument("--changes", type=int, default=6)
    add_server_option_argument(parser)
    args = parser.parse_args()
    pages = pick_pages(args.pages)

    print(machine())
    use_server_options(args.server_option)
    print("bench_payload: websocket bytes from server to browser (ForwardMsgs), KiB; static files not counted")
    print(f"{'page':<10} {'load KiB':>8} {'msgs':>5} {'1st chg':>8} {'chg KiB':>8} {'msgs':>5}  exc  filter change")
    print(f"{'':<10} {'':>8} {'':>5} {'':>8} {'(median':>8} {'of the':>5}  {'':3}  later changes, message cache on)")
    with servers([ROOT / "app.py", EMPTY_APP]) as (app, empty):
        for page in pages:
            load, runs = asyncio.run(page_payload(app.port, page.url_path, page.queries, args.changes))
            print(_line(page.label, load, runs, f"?{page.queries[0]} <-> ?{page.queries[1]}"))
        load, runs = asyncio.run(empty_payload(empty.port, args.changes))
        print(_line("empty app", load, runs, "text_input typed"))


if __name__ == "__main__":
    main()
