"""Building all sources into one set of tables, checking them, and keeping them fresh."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from loaders import LOADER_VERSION, LoaderError
from loaders.decode import sha256_of
from loaders.package import ensure_package, package_dir, write_package
from loaders.schema import TABLES, validate
from loaders.tables import load_document
from loaders.write import locked, read_table, write_tables

ROOT = Path(__file__).resolve().parent.parent
RAW_DIR = ROOT / "data" / "raw"
OUT_DIR = ROOT / "data" / "processed"


def default_sources(raw_dir: Path = RAW_DIR) -> list[Path]:
    """Every visible file in ``data/raw/``, in name order."""
    return sorted(p for p in Path(raw_dir).iterdir() if p.is_file() and not p.name.startswith("."))


@dataclass
class BuildResult:
    """What a build wrote: the tables, and the lines worth telling the user."""

    tables: dict[str, pd.DataFrame]

    def summary(self) -> str:
        """A few lines: row counts, warnings and the reconciliation statuses."""
        t = self.tables
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in t.items())
        log = t["parse_log"]
        warnings = log[log["level"] == "warning"]
        status = t["reconciliation"]["status"].value_counts().to_dict()
        lines = [
            f"documents: {', '.join(t['documents']['document_id'])}",
            f"rows: {counts}",
            "reconciliation: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items())),
            f"parse log: {len(log)} lines, {len(warnings)} warnings",
        ]
        lines += [f"  warning {r.document_id}:{_line(r.source_line)}: {r.message}" for r in warnings.itertuples()]
        return "\n".join(lines)


def _line(value) -> str:
    return "-" if pd.isna(value) else str(int(value))


def parse_sources(sources: list[Path]) -> dict[str, pd.DataFrame]:
    """Parse every source; raise :class:`LoaderError` listing every error (file:line: message)."""
    if not sources:
        raise LoaderError("no source files given (data/raw/ is empty?)")
    per_table: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    errors: list[str] = []
    seen: dict[str, Path] = {}
    for source in sources:
        try:
            tables = load_document(source)
        except LoaderError as exc:
            errors.append(str(exc))
            continue
        document_id = tables["documents"]["document_id"].iloc[0]
        if document_id in seen:
            errors.append(f"{source}: same document_id {document_id!r} as {seen[document_id]}")
            continue
        seen[document_id] = source
        log = tables["parse_log"]
        for row in log[log["level"] == "error"].itertuples():
            errors.append(
                f"{source}:{_line(row.source_line)}: {row.message}" + (f" — {row.text[:60]}" if row.text else "")
            )
        for name, frame in tables.items():
            per_table[name].append(frame)
    if errors:
        raise LoaderError("\n".join(errors))
    return {
        name: pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        for name, frames in per_table.items()
    }


def build(sources: list[Path] | None = None, out_dir: Path = OUT_DIR) -> BuildResult:
    """Parse ``sources`` (default: data/raw/*) and replace the tables in ``out_dir``.

    Nothing is written unless every source parses without an error.
    """
    sources = [Path(s) for s in sources] if sources else default_sources()
    tables = parse_sources(sources)
    with locked(Path(out_dir)):
        write_tables(tables, Path(out_dir))
        write_package(tables, package_dir())
    return BuildResult(tables)


def check(out_dir: Path = OUT_DIR) -> list[str]:
    """Problems with the tables in ``out_dir``: missing, off-schema, or built from other bytes."""
    out_dir = Path(out_dir)
    problems = []
    for name in TABLES:
        if not (out_dir / f"{name}.parquet").exists():
            problems.append(f"{out_dir / (name + '.parquet')}: missing")
    if problems:
        return problems
    for name in TABLES:
        try:
            validate(name, read_table(out_dir, name))
        except Exception as exc:
            problems.append(f"{out_dir / (name + '.parquet')}: {exc}")
    if problems:
        return problems
    for row in read_table(out_dir, "documents").itertuples():
        source = Path(row.source_file)
        source = source if source.is_absolute() else ROOT / source
        if not source.exists():
            problems.append(f"{row.source_file}: source of {row.document_id} no longer exists")
        elif sha256_of(source) != row.source_sha256:
            problems.append(f"{row.source_file}: changed since the tables were built (sha256 differs)")
        if row.loader_version != LOADER_VERSION:
            problems.append(f"{row.document_id}: built by loader {row.loader_version}, this is {LOADER_VERSION}")
    return problems


def is_fresh(raw_dir: Path = RAW_DIR, out_dir: Path = OUT_DIR) -> bool:
    """True when ``out_dir`` holds tables of exactly the files in ``raw_dir``, by sha256 and loader version."""
    path = Path(out_dir) / "documents.parquet"
    if not all((Path(out_dir) / f"{name}.parquet").exists() for name in TABLES):
        return False
    try:
        documents = read_table(Path(out_dir), "documents")
    except Exception:
        return False
    built = {(Path(f).name, h) for f, h in zip(documents["source_file"], documents["source_sha256"], strict=True)}
    current = {(p.name, sha256_of(p)) for p in default_sources(raw_dir)}
    return path.exists() and built == current and set(documents["loader_version"]) == {LOADER_VERSION}


def ensure_built(raw_dir: Path = RAW_DIR, out_dir: Path = OUT_DIR) -> bool:
    """Build the tables when absent or stale; return True when a build ran."""
    if is_fresh(raw_dir, out_dir):
        ensure_package(Path(out_dir))  # the data package too, when missing or of other tables
        return False
    with locked(Path(out_dir)):
        if is_fresh(raw_dir, out_dir):  # another process built them while we waited
            return False
        tables = parse_sources(default_sources(raw_dir))
        write_tables(tables, Path(out_dir))
        write_package(tables, package_dir())
    return True
