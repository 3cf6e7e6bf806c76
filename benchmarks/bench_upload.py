"""What an upload costs: parse time and memory of a big summary, and what the upload store holds.

For each document (the shipped summary; ``--lines`` project lines inserted after its first
project line, 100,000 by default, about 3.4 MB, under the 5 MB upload cap): the seconds of
``dashboard.uploads.store.parse_upload``, whether it was refused, the process RSS before and
after (VmRSS, MiB) and the parsed tables' own size in memory (pandas deep memory_usage).
With the caps, also the largest documents they let through (most listings; longest lines).
Then ``--browsers`` fresh browsers each upload into one BrowserStore (the big file; with
the caps the largest accepted one, unless ``--refused``), and the store's measured memory
and the RSS are printed.

    python benchmarks/bench_upload.py [--lines 100000] [--browsers 5]

Prints figures only; asserts nothing (timings never belong in tests).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, rss_mb

from dashboard.uploads import store as up
from loaders import LoaderError, tables

SHIPPED = ROOT / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"


def big_summary(extra_lines: int, name_chars: int = 0) -> bytes:
    """The shipped summary with ``extra_lines`` distinct project lines after its first project line."""
    lines = SHIPPED.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(" - ") and "【" in line) + 1
    extra = [f" - 事業{i:05d}{'あ' * name_chars}【1億円(新規)】" for i in range(extra_lines)]
    return "\n".join(lines[:at] + extra + lines[at:]).encode("utf-8")


def tables_mb(uploaded: up.Uploaded) -> float:
    return sum(int(f.memory_usage(deep=True).sum()) for f in uploaded.tables.values()) / 1024 / 1024


def parse(label: str, data: bytes) -> up.Uploaded | None:
    gc.collect()
    before = rss_mb(os.getpid())
    start = time.perf_counter()
    try:
        uploaded = up.parse_upload(data, f"{label}.txt")
        outcome = f"loaded, {len(uploaded.tables['items'])} listings, tables {tables_mb(uploaded):.1f} MiB"
    except LoaderError as exc:
        uploaded = None
        outcome = f"refused: {str(exc).splitlines()[0][:100]}"
    seconds = time.perf_counter() - start
    gc.collect()
    print(
        f"{label:>14}: {len(data) / 1024 / 1024:5.2f} MB, {seconds:6.2f} s, RSS {before:6.0f} → "
        f"{rss_mb(os.getpid()):6.0f} MiB; {outcome}"
    )
    return uploaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--browsers", type=int, default=5)
    parser.add_argument(
        "--refused", action="store_true", help="the browsers upload the --lines file even when it is refused"
    )
    args = parser.parse_args()
    print(machine())
    print(f"RSS at start (modules loaded): {rss_mb(os.getpid()):.0f} MiB")
    parse("shipped", SHIPPED.read_bytes())
    listings = getattr(tables, "MAX_LISTINGS", None)
    if listings:  # the largest documents the caps let through: most listings; most bytes in long names
        parse(f"{listings} listings", big_summary(listings - 229))
        parse("longest lines", big_summary(listings - 300, name_chars=900))
    data = big_summary(args.lines)
    uploaded = parse(f"+{args.lines} lines", data)
    store = up.BrowserStore()
    start = time.perf_counter()
    if listings and not args.refused:  # what the store holds of the largest accepted upload instead
        data = big_summary(listings - 300, name_chars=900)
    for _ in range(args.browsers):
        try:
            one = up.parse_upload(data, "big.txt")
        except LoaderError:
            continue
        store.put(store.new_token(), one)
    del uploaded
    gc.collect()
    held = getattr(store, "memory", lambda: None)()
    print(
        f"{args.browsers} browsers uploading it: {time.perf_counter() - start:.1f} s, RSS {rss_mb(os.getpid()):.0f} MiB, "
        f"store holds {sum(len(store.get(t)) for t in list(store._browsers))} uploads"
        + (f", {held / 1024 / 1024:.1f} MiB measured" if held is not None else "")
    )


if __name__ == "__main__":
    main()
