"""Command line: ``python -m loaders build [SOURCE ...] [--out DIR]`` and ``python -m loaders check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loaders import LoaderError
from loaders.build import build, check, data_dirs


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 1 failure, 2 usage)."""
    parser = argparse.ArgumentParser(prog="python -m loaders", description="概算要求等概要 → Parquet tables")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="parse the sources and write the tables")
    raw_dir, out_dir = data_dirs()  # BUDGET_RAW_DIR / BUDGET_OUT_DIR, as the app reads them
    build_cmd.add_argument(
        "sources", nargs="*", type=Path, help=f"source files (default: every file in {raw_dir}; BUDGET_RAW_DIR)"
    )
    build_cmd.add_argument(
        "--out", type=Path, default=out_dir, help=f"output folder (default: {out_dir}; BUDGET_OUT_DIR)"
    )
    check_cmd = commands.add_parser("check", help="exit non-zero when the tables are missing, invalid or stale")
    check_cmd.add_argument("--out", type=Path, default=out_dir)
    subset_cmd = commands.add_parser(
        "reference-subset", help="copy one ministry's records of the full reference files (same formats)"
    )
    subset_cmd.add_argument("source", type=Path, help="folder of the full mof-jikou-*.json.gz and rs*.json.gz files")
    subset_cmd.add_argument("dest", type=Path, help="folder to write the subset to (data/reference)")
    subset_cmd.add_argument("--ministry", default="経済産業省")
    args = parser.parse_args(argv)

    if args.command == "reference-subset":
        from loaders.reference import write_subset

        try:
            written = write_subset(args.source, args.dest, args.ministry)
        except LoaderError as exc:
            print(f"reference-subset failed: {exc}", file=sys.stderr)
            return 1
        for name, count, size in written:
            print(f"{name}: {count} records, {size:,} bytes")
        print(f"total {sum(s for _, _, s in written):,} bytes in {args.dest}")
        return 0

    if args.command == "build":
        try:
            result = build(args.sources or None, args.out)
        except LoaderError as exc:
            print(f"build failed; {args.out} left as it was:\n{exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"build failed; {args.out} left as it was: {exc}", file=sys.stderr)
            return 1
        print(f"wrote {len(result.tables)} tables to {args.out}")
        print(result.summary())
        return 0
    problems = check(args.out)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{args.out}: all tables present, valid and built from the current sources")
    return 1 if problems else 0
