"""Loader build time: the shipped summary and synthetic ones 10x and 100x its size.

Run: ``python benchmarks/bench_loader.py [--runs N]``. Measures, inside this process and
after every import, what ``python -m loaders build`` does for one source: decode, parse,
assemble the tables, validate them against the schema and write the Parquet files
(``loaders.build.build``). Prints the median of several runs and the time per source line,
so linear growth shows as a flat last column. Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import SHIPPED, write_document  # noqa: E402
from loaders.build import build  # noqa: E402

TARGET_SHIPPED_S = 0.2


def time_build(source: Path, out: Path, runs: int) -> tuple[float, float, dict[str, int]]:
    """Median wall and CPU time of ``build([source], out)`` over ``runs`` runs (after one warm-up).

    CPU time is printed beside wall time because a shared machine makes wall time noisy.
    """
    result = build([source], out)  # warm-up: first-call costs (regex compilation, pyarrow) are not the loader's
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        build([source], out)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    counts = {name: len(frame) for name, frame in result.tables.items()}
    return statistics.median(walls), statistics.median(cpus), counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per document (median); 100x uses fewer")
    args = parser.parse_args(argv)
    print(f"loader build (decode+parse+assemble+validate+write), median of runs; Python {platform.python_version()}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        for label, copies in (("shipped", 1), ("10x", 10), ("100x", 100)):
            source = SHIPPED if copies == 1 else write_document(copies, tmp_dir / f"synthetic_{copies}x.txt")
            lines = len(source.read_text(encoding="utf-8").splitlines())
            runs = args.runs if copies < 100 else max(3, args.runs // 2)
            seconds, cpu, counts = time_build(source, tmp_dir / f"out_{copies}", runs)
            rows.append((label, lines, counts["items"], runs, seconds, cpu))
    base_cpu = rows[0][5] / rows[0][1]
    header = f"{'document':<9} {'lines':>7} {'items':>7} {'runs':>4} {'wall s':>8} {'cpu s':>7}"
    print(f"{header} {'wall µs/line':>13} {'cpu µs/line':>12} {'cpu/line vs shipped':>20}")
    for label, lines, items, runs, seconds, cpu in rows:
        cells = f"{label:<9} {lines:>7} {items:>7} {runs:>4} {seconds:>8.3f} {cpu:>7.3f}"
        print(f"{cells} {seconds / lines * 1e6:>13.1f} {cpu / lines * 1e6:>12.1f} {cpu / lines / base_cpu:>19.2f}x")
    shipped_wall, shipped_cpu = rows[0][4], rows[0][5]
    for name, value in (("wall", shipped_wall), ("cpu", shipped_cpu)):
        verdict = "meets" if value < TARGET_SHIPPED_S else "misses"
        print(f"shipped document, {name} time: {value:.3f} s, {verdict} the {TARGET_SHIPPED_S} s target")
    if hasattr(os, "getloadavg"):
        print(
            f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
            "(wall time counts waiting for a CPU; cpu time does not)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
