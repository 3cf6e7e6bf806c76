"""Writing tables: validate everything first, then replace the output folder in one step.

Beside the tables the folder holds ``manifest.json``: what each table file must be
(bytes, sha256, rows, schema) and which sources it was built from, so a table that is
later truncated, replaced or deleted is noticed and rebuilt (see :func:`table_problems`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock

from loaders import LOADER_VERSION
from loaders.decode import sha256_of
from loaders.schema import TABLES, check_accounts, validate

MANIFEST = "manifest.json"
#: Permissions of the table folder: a normal folder (tempfile.mkdtemp makes it 0700,
#: which locks out a web server or a colleague running under another user).
FOLDER_MODE = 0o755


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``out_dir`` so two builders never interleave.

    filelock, not fcntl: fcntl does not exist on Windows, where the app must start too.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out_dir.parent / f".{out_dir.name}.lock")):
        yield


def schema_fingerprint(schema: pa.Schema) -> str:
    """A short digest of column names, types and nullability (metadata left out)."""
    return hashlib.sha256(schema.remove_metadata().to_string().encode("utf-8")).hexdigest()[:16]


def _sweep_leftovers(out_dir: Path) -> None:
    """Remove the staging and old folders that a crashed or interrupted build left beside ``out_dir``.

    Only called with the lock held, so no other build is using them.
    """
    for pattern in (f".{out_dir.name}.new-*", f".{out_dir.name}.old-*"):
        for leftover in out_dir.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)


def write_tables(
    tables: dict[str, pd.DataFrame],
    out_dir: Path,
    sources: dict[str, str] | None = None,
    failed: dict[str, dict] | None = None,
) -> None:
    """Validate every table, write them to a temporary folder, then swap it in.

    A failure anywhere before the swap leaves ``out_dir`` exactly as it was. Call it
    with :func:`locked` held. ``sources`` (file name → sha256) are the raw files the build
    read, by default those of the documents table; ``failed`` (file name → what went
    wrong) the ones that could not be loaded, recorded so they are not parsed again
    until they change and so the app can say so.
    """
    out_dir = Path(out_dir)
    arrows = {name: validate(name, tables[name]) for name in TABLES}
    check_accounts(tables)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _sweep_leftovers(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    try:
        os.chmod(staging, FOLDER_MODE)
        entries = {}
        for name, arrow in arrows.items():
            path = staging / f"{name}.parquet"
            pq.write_table(arrow, path)
            entries[name] = _entry(path)
        documents = tables["documents"]
        if sources is None:
            sources = dict(
                zip((Path(f).name for f in documents["source_file"]), documents["source_sha256"], strict=True)
            )
        manifest = {
            "loader_version": LOADER_VERSION,
            "sources": sources,
            "tables": entries,
            # the reference files (data/reference/) the tables were built from: a change rebuilds them
            "reference": dict(
                zip(tables["reference_sources"]["file"], tables["reference_sources"]["sha256"], strict=True)
            ),
        }
        if failed:
            manifest["failed"] = failed
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        keep = (
            [p for p in out_dir.iterdir() if p.suffix != ".parquet" and p.name != MANIFEST] if out_dir.exists() else []
        )
        for extra in keep:  # a .gitkeep or README in the folder survives the swap
            shutil.copy2(extra, staging / extra.name) if extra.is_file() else None
        if out_dir.exists():
            os.replace(out_dir, old)
        try:
            os.replace(staging, out_dir)
        except OSError:
            if old.exists() and not out_dir.exists():
                os.replace(old, out_dir)  # put the previous tables back
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if out_dir.exists():  # never delete the previous tables while nothing replaced them
            shutil.rmtree(old, ignore_errors=True)


def _entry(path: Path) -> dict:
    meta = pq.read_metadata(path)
    return {
        "bytes": path.stat().st_size,
        "sha256": sha256_of(path),
        "rows": meta.num_rows,
        "schema": schema_fingerprint(meta.schema.to_arrow_schema()),
    }


def read_manifest(out_dir: Path) -> dict | None:
    """The manifest of ``out_dir``; None when missing or unreadable (tables of an older loader)."""
    try:
        manifest = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def recorded_file_problem(
    path: Path, label: str, entry: Mapping, since: str, check: Callable[[Path], str | None] | None = None
) -> str | None:
    """Why the file at ``path`` is not the one a manifest ``entry`` (``bytes``, ``sha256``) records; None when
    it is. Missing, then its size, then ``check`` (a cheaper test than hashing, if any), then its sha256.

    ``label`` names the file in the message (never a server path); ``since`` says when it was recorded.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.csv").write_text("x,y,z", encoding="utf-8")
    5
    >>> recorded_file_problem(folder / "a.csv", "a.csv", {"bytes": 4, "sha256": ""}, "written")
    'a.csv: 5 bytes, 4 when written (truncated or replaced)'
    >>> recorded_file_problem(folder / "b.csv", "b.csv", {"bytes": 4}, "written")
    'b.csv: missing'
    >>> shutil.rmtree(folder)
    """
    try:
        size = path.stat().st_size
    except OSError:
        return f"{label}: missing"
    if size != entry.get("bytes"):
        return f"{label}: {size} bytes, {entry.get('bytes')} when {since} (truncated or replaced)"
    found = check(path) if check is not None else None
    if found is not None:
        return found
    if sha256_of(path) != entry.get("sha256"):
        return f"{label}: content differs from when it was {since} (sha256)"
    return None


def table_problems(out_dir: Path, manifest: dict | None = None) -> list[str]:
    """Why the table files in ``out_dir`` are not the ones the last build wrote; [] when intact.

    Checks every table (not only ``documents``): present, same size and sha256, readable
    footer with the recorded rows and schema. Table names only, no server paths.
    """
    out_dir = Path(out_dir)
    manifest = manifest if manifest is not None else read_manifest(out_dir)
    if manifest is None:
        return [f"{MANIFEST}: missing or unreadable"]
    recorded = manifest.get("tables") or {}
    problems = []
    for name in TABLES:
        label, entry = f"{name}.parquet", recorded.get(name)
        if entry is None:
            problems.append(f"{label}: not in {MANIFEST}")
            continue

        def footer(path: Path, label: str = label, entry: dict = entry) -> str | None:
            try:
                meta = pq.read_metadata(path)
                fingerprint = schema_fingerprint(meta.schema.to_arrow_schema())
            except Exception as exc:  # pyarrow raises several kinds for a damaged file
                return f"{label}: unreadable ({type(exc).__name__})"
            if meta.num_rows != entry.get("rows") or fingerprint != entry.get("schema"):
                return f"{label}: rows or columns differ from the build"
            return None

        problem = recorded_file_problem(out_dir / label, label, entry, "built", footer)
        if problem is None and entry.get("schema") != schema_fingerprint(TABLES[name].schema):
            problem = f"{label}: columns differ from this loader's schema"
        if problem is not None:
            problems.append(problem)
    return problems


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """Read one table back with the schema's types."""
    return pq.read_table(Path(out_dir) / f"{name}.parquet", schema=TABLES[name].schema).to_pandas()
