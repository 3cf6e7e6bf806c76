"""Server rerun time per page, measured in-process with Streamlit's AppTest.

For each page: one run to warm (caches filled, modules imported), then ``--runs`` timed
warm reruns with nothing changed, then ``--runs`` timed reruns each flipping one filter
widget (alternating between two values). The empty one-widget app is measured the same
way: AppTest has its own overhead per run (a mock runtime, a fresh script runner, parsing
the whole element tree), which that line shows.

    python benchmarks/bench_rerun.py [--runs 30] [page ...]

Target (issue 6): under 100 ms for each page, warm and on a filter change.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import parse_qs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EMPTY_APP, ROOT, Page, machine, median, p95, pick_pages

TARGET_MS = 100.0


def _find_widget(node, key: str):
    """The widget with user key ``key`` anywhere in an AppTest element tree (sidebar included)."""
    if getattr(node, "key", None) == key and hasattr(node, "set_value"):
        return node
    for child in getattr(node, "children", {}).values():
        found = _find_widget(child, key)
        if found is not None:
            return found
    return None


def _timed_runs(at, runs: int, before_each=None) -> list[float]:
    times = []
    for i in range(runs):
        if before_each is not None:
            before_each(i)
        start = time.perf_counter()
        at.run(timeout=60)
        times.append((time.perf_counter() - start) * 1000)
        if at.exception:
            raise RuntimeError(f"exception during run: {at.exception[0].value}")
    return times


def bench_page(page: Page, runs: int) -> tuple[list[float], list[float]]:
    """(warm rerun times, filter-change rerun times) in ms."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    if page.url_path:
        at.switch_page(page.script)
    at.run()  # warm: the page's own caches and imports
    if at.exception:
        raise RuntimeError(f"{page.label}: {at.exception[0].value}")
    warm = _timed_runs(at, runs)

    how: set[str] = set()

    def flip(i: int) -> None:
        widget = _find_widget(at._tree, page.widget_key)
        if widget is not None:
            widget.set_value(page.values[i % 2])
            how.add(f"widget {page.widget_key}={page.values[0]!r}<->{page.values[1]!r}")
        else:
            # AppTest drops sidebar widgets from its tree after the first run, so the
            # language switch is flipped through the URL, as a pasted link would.
            at.query_params.clear()
            at.query_params.update(parse_qs(page.queries[i % 2], keep_blank_values=True))
            how.add(f"URL ?{page.queries[0]} <-> ?{page.queries[1]}")

    flip(0)
    at.run()  # the first flip fills the filter's caches; time steady-state flips
    changes = _timed_runs(at, runs, lambda i: flip(i + 1))
    return warm, changes, " / ".join(sorted(how))


def bench_empty(runs: int) -> tuple[list[float], list[float]]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(EMPTY_APP), default_timeout=60)
    at.run()
    warm = _timed_runs(at, runs)
    changes = _timed_runs(at, runs, lambda i: at.text_input[0].set_value(f"v{i}"))
    return warm, changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="overview treemap compare priority items quality glossary")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    os.chdir(ROOT)
    warnings.simplefilter("ignore")
    import logging

    import streamlit.testing.v1  # noqa: F401 - creates the logger silenced next
    from streamlit.runtime.scriptrunner_utils import script_run_context

    # AppTest's main thread has no ScriptRunContext; Streamlit warns about it on every page.
    logging.getLogger(script_run_context.__name__).disabled = True

    print(machine())
    print(f"bench_rerun: AppTest, {args.runs} timed runs each after one warm-up run; ms")
    print("note: AppTest adds its own overhead per run (see the empty-app line); a served app has none of it")
    print(f"{'page':<10} {'warm p50':>9} {'warm p95':>9} {'filter p50':>11} {'filter p95':>11}  filter change")
    worst = 0.0
    for page in pick_pages(args.pages):
        try:
            warm, changes, how = bench_page(page, args.runs)
        except Exception as exc:  # a page still being written must not hide the others' figures
            print(f"{page.label:<10} FAILED: {exc}")
            continue
        worst = max(worst, p95(warm), p95(changes))
        flag = "" if max(median(warm), median(changes)) < TARGET_MS else "  <- over target"
        print(
            f"{page.label:<10} {median(warm):9.1f} {p95(warm):9.1f} {median(changes):11.1f} {p95(changes):11.1f}"
            f"  {how}{flag}"
        )
    warm, changes = bench_empty(args.runs)
    print(
        f"{'empty app':<10} {median(warm):9.1f} {p95(warm):9.1f} {median(changes):11.1f} {p95(changes):11.1f}"
        "  text_input (AppTest overhead)"
    )
    print(f"target: median < {TARGET_MS:.0f} ms per page, warm and on a filter change; worst p95 {worst:.1f} ms")


if __name__ == "__main__":
    main()
