"""Build time with the reference sources (budget books, project reviews): none, the shipped subset, the full files.

Run: ``python benchmarks/bench_reference.py [--runs N] [--full DIR]``. Times what
``python -m loaders build`` does for the shipped summary (decode, parse, read the reference
files, join, validate, write the Parquet tables and the data package) with
``BUDGET_REFERENCE_DIR`` pointing at: an empty folder (the build as it was before the
reference tables, plus their empty joins), ``data/reference/`` (the shipped METI subset),
and ``--full`` (every ministry, e.g. ``../shared/reference/upstream``). "cold" clears the
in-process cache of the reference files before each run (a fresh ``python -m loaders
build`` or server start); "warm" keeps it (a rebuild in a running server, an upload).
Prints figures only; it asserts nothing.
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

from benchmarks.synthetic import SHIPPED  # noqa: E402
from loaders import reference  # noqa: E402
from loaders.build import build  # noqa: E402


def time_build(folder: Path, out: Path, runs: int, cold: bool) -> tuple[float, float, dict[str, int]]:
    """Median wall and CPU seconds of ``build([SHIPPED], out)`` with ``folder`` as the reference folder."""
    os.environ["BUDGET_REFERENCE_DIR"] = str(folder)
    result = build([SHIPPED], out)  # warm-up: imports, regex compilation, pyarrow
    walls, cpus = [], []
    for _ in range(runs):
        if cold:
            reference._read_cached.cache_clear()
        wall, cpu = time.perf_counter(), time.process_time()
        build([SHIPPED], out)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), {k: len(v) for k, v in result.tables.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    shared = next((p for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "reference").is_dir()), ROOT.parent)
    parser.add_argument("--full", type=Path, default=shared / "shared" / "reference" / "upstream")
    args = parser.parse_args(argv)
    print(
        f"build of the shipped summary with reference data, median of {args.runs} runs; Python {platform.python_version()}"
    )
    print(
        f"{'reference folder':<22}{'files MB':>9}{'mode':>6}{'wall s':>8}{'cpu s':>7}{'budget_items':>13}{'reviews':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        os.environ["BUDGET_STATIC_DIR"] = str(tmp_dir / "static")  # never the checkout's static/
        empty = tmp_dir / "empty"
        empty.mkdir()
        folders = [("none (empty folder)", empty), ("shipped subset", ROOT / "data" / "reference")]
        if args.full.is_dir():
            folders.append(("full files", args.full))
        for label, folder in folders:
            size = sum(p.stat().st_size for p in reference.reference_files(folder)) / 1e6
            for cold in (True, False):
                if folder == empty and not cold:
                    continue
                wall, cpu, counts = time_build(folder, tmp_dir / "out", args.runs, cold)
                mode = "cold" if cold else "warm"
                print(
                    f"{label:<22}{size:>9.2f}{mode:>6}{wall:>8.3f}{cpu:>7.3f}"
                    f"{counts['budget_items']:>13,}{counts['review_records']:>9,}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
