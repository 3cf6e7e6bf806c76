"""Building all sources into one set of tables, checking them, and keeping them fresh."""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from loaders import LOADER_VERSION, ROOT, LoaderError, assemble
from loaders.budget_checks import check_documents
from loaders.decode import sha256_of
from loaders.package import ensure_package, package_dir, package_problems, package_stamp, read_stamp, write_package
from loaders.package import stamp as package_source_stamp
from loaders.reference import read_reference, reference_dir, reference_hashes
from loaders.review_links import link_reviews
from loaders.schema import DOCUMENT_TABLES, TABLES, check_accounts, validate
from loaders.tables import document_id_of, load_document
from loaders.write import locked, read_manifest, read_table, table_problems, write_tables

_log = logging.getLogger(__name__)

RAW_DIR = ROOT / "data" / "raw"
OUT_DIR = ROOT / "data" / "processed"
#: Errors listed in a failure message; the rest are counted ("… and N more errors"). A
#: 50 MB garbage file gave 327,290 error lines: 66 MB on stderr, too big for the browser.
MAX_ERRORS = assemble.MAX_ERRORS
#: Failed builds remembered per (raw folder, out folder): a source that cannot be loaded
#: is not parsed again on every page load, only once its files change.
_FAILURES: OrderedDict[tuple, str] = OrderedDict()
_MAX_FAILURES = 8


def data_dirs() -> tuple[Path, Path]:
    """data/raw and data/processed; ``BUDGET_RAW_DIR`` / ``BUDGET_OUT_DIR`` point elsewhere.

    The one place for this setting: the app and ``python -m loaders`` both use it.
    """
    return Path(os.environ.get("BUDGET_RAW_DIR") or RAW_DIR), Path(os.environ.get("BUDGET_OUT_DIR") or OUT_DIR)


def default_sources(raw_dir: Path | None = None) -> list[Path]:
    """Every visible file in the raw folder (``data/raw/``), in name order."""
    raw_dir = Path(raw_dir) if raw_dir is not None else data_dirs()[0]
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))


def raw_stamp(raw_dir: Path) -> tuple:
    """A cheap fingerprint of the raw folder's files (name, mtime, size): one stat per file."""
    with os.scandir(raw_dir) as entries:
        found = [(e.name, e.stat()) for e in entries if e.is_file() and not e.name.startswith(".")]
    return tuple(sorted((name, st.st_mtime_ns, st.st_size) for name, st in found))


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


def _error_lines(source: Path, log: pd.DataFrame) -> tuple[list[str], int]:
    """A source's errors as ``file:line: message``, and how many more the walker only counted."""
    lines, more = [], 0
    for row in log[log["level"] == "error"].itertuples():
        counted = assemble.MORE_ERRORS.match(row.message)
        if counted:
            more += int(counted.group(1))
            continue
        lines.append(f"{source}:{_line(row.source_line)}: {row.message}" + (f" — {row.text[:60]}" if row.text else ""))
    return lines, more


def _message(errors: list[str], more: int) -> str:
    more += max(0, len(errors) - MAX_ERRORS)
    listed = errors[:MAX_ERRORS]
    if more:
        listed.append(f"… and {more} more errors")
    return "\n".join(listed)


def _parse_each(
    sources: list[Path],
) -> tuple[dict[Path, dict[str, pd.DataFrame]], dict[Path, tuple[list[str], int]]]:
    """Every source on its own: the tables of those that parse; the errors (listed, counted) of the others."""
    good: dict[Path, dict[str, pd.DataFrame]] = {}
    failed: dict[Path, tuple[list[str], int]] = {}
    seen: dict[str, Path] = {}
    for source in sources:
        try:
            tables = load_document(source)
        except LoaderError as exc:
            failed[source] = ([str(exc)], 0)
            continue
        document_id = tables["documents"]["document_id"].iloc[0]
        if document_id in seen:
            failed[source] = ([f"{source}: same document_id {document_id!r} as {seen[document_id]}"], 0)
            continue
        listed, counted = _error_lines(source, tables["parse_log"])
        if listed or counted:
            failed[source] = (listed, counted)
            continue
        seen[document_id] = source
        good[source] = tables
    return good, failed


def _concat(documents: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The documents' own tables, one frame each (the reference tables are added by :func:`with_reference`)."""
    return {
        name: pd.concat([d[name] for d in documents], ignore_index=True) if len(documents) > 1 else documents[0][name]
        for name in DOCUMENT_TABLES
    }


def parse_sources(sources: list[Path]) -> dict[str, pd.DataFrame]:
    """Parse every source; raise :class:`LoaderError` listing the errors (file:line: message).

    At most :data:`MAX_ERRORS` are listed; the rest are counted.
    """
    if not sources:
        raise LoaderError("no source files given (data/raw/ is empty?)")
    good, failed = _parse_each(sources)
    if failed:
        raise LoaderError(
            _message([line for lines, _ in failed.values() for line in lines], sum(n for _, n in failed.values()))
        )
    return with_reference(_concat(list(good.values())))


def with_reference(tables: dict[str, pd.DataFrame], folder: Path | None = None) -> dict[str, pd.DataFrame]:
    """The documents' tables plus the reference tables (``data/reference/``) and their joins.

    Without reference files the reference tables are empty: the summary still loads.
    """
    shared = read_reference(folder)
    return {
        **tables,
        **shared,
        "review_links": link_reviews(tables, shared["review_records"]),
        "budget_checks": check_documents(tables, shared["budget_items"]),
    }


def build(sources: list[Path] | None = None, out_dir: Path | None = None) -> BuildResult:
    """Parse ``sources`` (default: every file of the raw folder) and replace the tables in ``out_dir``.

    Nothing is written unless every source parses without an error.
    """
    raw_dir, default_out = data_dirs()
    out_dir = Path(out_dir) if out_dir is not None else default_out
    sources = [Path(s) for s in sources] if sources else default_sources(raw_dir)
    tables = parse_sources(sources)
    with locked(out_dir):
        write_tables(tables, out_dir)
        write_package(tables, package_dir())
    return BuildResult(tables)


def check(out_dir: Path | None = None) -> list[str]:
    """Problems with the tables in ``out_dir``: missing, damaged, off-schema, or built from other bytes."""
    out_dir = Path(out_dir) if out_dir is not None else data_dirs()[1]
    problems = []
    for name in TABLES:
        if not (out_dir / f"{name}.parquet").exists():
            problems.append(f"{out_dir / (name + '.parquet')}: missing")
    if problems:
        return problems
    read: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        try:
            read[name] = read_table(out_dir, name)
            validate(name, read[name])
        except Exception as exc:
            problems.append(f"{out_dir / (name + '.parquet')}: {exc}")
    if problems:
        return problems
    try:
        check_accounts(read)
    except LoaderError as exc:
        problems.append(f"{out_dir / 'items.parquet'}: {exc}")
    problems += [f"{out_dir}/{problem}" for problem in table_problems(out_dir)]
    package = package_dir()
    problems += [f"{package}/{problem}" for problem in package_problems(package)]
    if read_stamp(package) != package_source_stamp(read["documents"]):
        problems.append(f"{package}: the data package was written from other tables")
    failed = source_failures(out_dir)
    for name, note in failed.items():
        what = "its previous tables are kept" if note.get("kept") else "left out of the tables"
        first = str(note.get("message", "")).splitlines()[:1]
        problems.append(f"{name}: could not be loaded ({first[0] if first else 'no message'}); {what}")
    for row in read["documents"].itertuples():
        source = Path(row.source_file)
        source = source if source.is_absolute() else ROOT / source
        if source.name in failed:
            continue  # said above
        if not source.exists():
            problems.append(f"{row.source_file}: source of {row.document_id} no longer exists")
        elif sha256_of(source) != row.source_sha256:
            problems.append(f"{row.source_file}: changed since the tables were built (sha256 differs)")
        if row.loader_version != LOADER_VERSION:
            problems.append(f"{row.document_id}: built by loader {row.loader_version}, this is {LOADER_VERSION}")
    return problems


def _sources_now(raw_dir: Path) -> dict[str, str]:
    return {p.name: sha256_of(p) for p in default_sources(raw_dir)}


def is_fresh(raw_dir: Path | None = None, out_dir: Path | None = None) -> bool:
    """True when ``out_dir`` holds intact tables of exactly the files in ``raw_dir``.

    Every table is checked against the build's manifest (size, sha256, rows, schema), so
    a truncated or deleted table is stale too; then the sources by sha256 and the loader version.
    """
    default_raw, default_out = data_dirs()
    raw_dir = Path(raw_dir) if raw_dir is not None else default_raw
    out_dir = Path(out_dir) if out_dir is not None else default_out
    manifest = read_manifest(out_dir)
    if manifest is None or manifest.get("loader_version") != LOADER_VERSION:
        return False
    if table_problems(out_dir, manifest):
        return False
    try:
        return manifest.get("sources") == _sources_now(raw_dir) and manifest.get("reference", {}) == (
            reference_hashes(reference_dir())
        )
    except (OSError, LoaderError):
        return False


def watch_stamp(out_dir: Path | None = None) -> tuple:
    """A cheap fingerprint of what the app must notice change while it runs, beside the tables:

    the tables' manifest and every file of the data package (one stat each). A page view whose
    fingerprint differs from the last one checks again (:func:`ensure_built`), which heals them.
    """
    out_dir = Path(out_dir) if out_dir is not None else data_dirs()[1]
    try:
        manifest = (out_dir / "manifest.json").stat()
        tables = (manifest.st_mtime_ns, manifest.st_size)
    except OSError:
        tables = None
    return (tables, package_stamp(package_dir()))


def _remember_failure(key: tuple, message: str) -> None:
    _FAILURES[key] = message
    _FAILURES.move_to_end(key)
    while len(_FAILURES) > _MAX_FAILURES:
        _FAILURES.popitem(last=False)


def _public_message(lines: list[str], more: int, raw_dir: Path) -> str:
    """A source's errors without the server's folder (the file name and line stay)."""
    folder = str(raw_dir).rstrip("/\\")
    return _message([line.replace(folder + os.sep, "").replace(folder + "/", "") for line in lines], more)


def _last_good(out_dir: Path, failed: list[Path]) -> dict[Path, dict[str, pd.DataFrame]]:
    """The previous build's rows of each failed source's document, when the tables on disk are intact."""
    manifest = read_manifest(out_dir)
    if manifest is None or manifest.get("loader_version") != LOADER_VERSION or table_problems(out_dir, manifest):
        return {}
    try:
        previous = {name: read_table(out_dir, name) for name in DOCUMENT_TABLES}
    except Exception:  # damaged after the check: nothing to keep
        return {}
    kept = {}
    for source in failed:
        document_id = document_id_of(source)
        if (previous["documents"]["document_id"] == document_id).any():
            kept[source] = {
                name: frame[frame["document_id"] == document_id].reset_index(drop=True)
                for name, frame in previous.items()
            }
    return kept


def source_failures(out_dir: Path | None = None) -> dict[str, dict]:
    """Sources the last build could not load (file name → ``message``, ``kept``), from its manifest."""
    out_dir = Path(out_dir) if out_dir is not None else data_dirs()[1]
    failed = (read_manifest(out_dir) or {}).get("failed") or {}
    return failed if isinstance(failed, dict) else {}


def ensure_built(raw_dir: Path | None = None, out_dir: Path | None = None) -> bool:
    """Build the tables when absent, stale or damaged; return True when a build ran.

    A bad source never hides good data: the sources that load are written, a source that
    fails keeps its document's rows of the previous build (when there are any), and the
    failure (file:line) is recorded in the manifest and logged once, in the build that met
    it. Only when nothing at all can be shown is :class:`LoaderError` raised; that failure
    is remembered by the raw files' names, sizes and mtimes: until they change the same
    error is raised again without parsing anything.
    """
    default_raw, default_out = data_dirs()
    raw_dir = Path(raw_dir) if raw_dir is not None else default_raw
    out_dir = Path(out_dir) if out_dir is not None else default_out
    try:
        stamp = raw_stamp(raw_dir)
    except FileNotFoundError:
        raise LoaderError(f"{raw_dir}: the source folder does not exist (BUDGET_RAW_DIR?)") from None
    key = (str(raw_dir), str(out_dir), LOADER_VERSION, stamp)
    if key in _FAILURES:
        raise LoaderError(_FAILURES[key])
    if is_fresh(raw_dir, out_dir):
        ensure_package(Path(out_dir))  # the data package too, when missing or of other tables
        return False
    with locked(out_dir):
        if is_fresh(raw_dir, out_dir):  # another process built them while we waited
            return False
        sources = default_sources(raw_dir)
        if not sources:
            _remember_failure(key, "no source files given (data/raw/ is empty?)")
            raise LoaderError(_FAILURES[key])
        good, failed = _parse_each(sources)
        kept = _last_good(out_dir, list(failed)) if failed else {}
        if not good and not kept:
            message = _message(
                [line for lines, _ in failed.values() for line in lines], sum(n for _, n in failed.values())
            )
            _remember_failure(key, message)
            raise LoaderError(message)
        shas = {p.name: sha256_of(p) for p in sources}
        notes = {
            source.name: {
                "message": _public_message(*errors, raw_dir),
                "kept": source in kept,
                "sha256": shas[source.name],
            }
            for source, errors in failed.items()
        }
        before = source_failures(out_dir)
        for name, note in notes.items():
            if (before.get(name) or {}).get("sha256") == note["sha256"]:
                continue  # logged by the build that first met this file
            _log.error(
                "%s could not be loaded (%s); %s",
                name,
                note["message"],
                "its previous tables are kept" if note["kept"] else "it is left out",
            )
        tables = with_reference(
            _concat([good.get(source) or kept[source] for source in sources if source in good or source in kept])
        )
        write_tables(tables, out_dir, sources=shas, failed=notes)
        write_package(tables, package_dir())
    return True
