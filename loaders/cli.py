"""Command line: ``python -m loaders build [SOURCE ...] [--out DIR]`` and ``python -m loaders check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loaders import LoaderError
from loaders.build import OUT_DIR, build, check


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 1 failure, 2 usage)."""
    parser = argparse.ArgumentParser(prog="python -m loaders", description="概算要求等概要 → Parquet tables")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="parse the sources and write the tables")
    build_cmd.add_argument("sources", nargs="*", type=Path, help="source files (default: every file in data/raw/)")
    build_cmd.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: data/processed/)")
    check_cmd = commands.add_parser("check", help="exit non-zero when the tables are missing, invalid or stale")
    check_cmd.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)

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
