"""The tables as a Frictionless Data Package: ``datapackage.json``, CSV, Parquet and one zip.

Written by the build next to the Parquet tables and served by Streamlit's static file
serving at ``/app/static/data/`` (``static/data/`` beside app.py; ``BUDGET_STATIC_DIR``
moves the static folder, for tests). Layout::

    static/data/
        datapackage.json        the descriptor: every table, its fields, keys, sources
        csv/<table>.csv         UTF-8 (no BOM), contract column names, plain numbers,
                                booleans true/false, empty cell = null, timestamps ISO 8601 UTC
        parquet/<table>.parquet the same rows with the schema's types (loaders/schema.py)
        README.md               how to sum, the headline's table and row, snippets, licences
        LICENSE                 the data's terms (政府標準利用規約 2.0, CC BY 4.0 compatible); the code's
        datapackage.zip         all of the above in one file
        manifest.json           every file above with its bytes and sha256 (not served
                                as data: what the package must be, to notice damage)

Decisions:

- Each table is one resource, its CSV (the Data Package's tabular format, which every
  Data Package tool reads). Its Parquet twin is named in the resource's own
  ``parquet`` property (path, bytes, sha256), not as a second resource: frictionless
  reads Parquet through pandas, which turns an integer column with nulls into floats
  and fails its own integer check (and infers ``R4補正`` as a year-month without a
  schema), and other tools (R's frictionless) read CSV resources only. The Parquet
  rows are checked against the tables by the tests instead.
- Field types come from the pyarrow schema; ``required``/``unique``/``enum`` constraints
  from the schema's rules; descriptions (English in ``description``, Japanese in
  ``description_ja``) and units from :mod:`loaders.contract_docs`.
- Foreign keys are only those that hold on every document (a test validates them).
  ``reconciliation.ref_id`` points at an account or a section depending on ``scope``,
  so it has none.
- The descriptor carries ``loader_version`` and the ``sources`` with their sha256: that
  pair is the package's stamp, compared with the tables' to know when to rewrite it.
- Every file is listed with its size and sha256 in ``manifest.json``: a truncated zip, a
  damaged CSV or a deleted Parquet file makes the package stale, and it is rewritten from
  the tables, at start and while the app runs (:func:`package_problems`, as the tables'
  own manifest does for them).
- Writing goes to a staging folder beside the destination, then two renames swap it in
  (as :func:`loaders.write.write_tables` does): a failure leaves the previous package
  whole. Between the two renames (microseconds) a request can get a 404.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from loaders import LOADER_VERSION, ROOT
from loaders.contract_docs import TABLE_DOCS, column_doc
from loaders.decode import sha256_of
from loaders.package_readme import COUNTED_SQL, LICENSES, licence_text, readme
from loaders.schema import TABLES, validate
from loaders.write import locked, read_table, recorded_file_problem

STATIC_DIR = ROOT / "static"
DESCRIPTOR = "datapackage.json"
ZIP_NAME = "datapackage.zip"
MANIFEST = "manifest.json"
README = "README.md"
LICENSE = "LICENSE"
NAME = "meti-budget-request-summary"

PRIMARY_KEYS: dict[str, list[str]] = {
    "documents": ["document_id"],
    "accounts": ["document_id", "order"],
    "sections": ["document_id", "section_id"],
    "policies": ["document_id", "policy_id"],
    "items": ["document_id", "item_id"],
    "priority_requests": ["document_id", "request_id"],
    "matter_requests": ["document_id", "order"],
}

#: table → [(fields, referenced table, referenced fields)]; every table also points at documents.
FOREIGN_KEYS: dict[str, list[tuple[list[str], str, list[str]]]] = {
    "policies": [(["document_id", "section_id"], "sections", ["document_id", "section_id"])],
    "items": [
        (["document_id", "section_id"], "sections", ["document_id", "section_id"]),
        (["policy_id"], "policies", ["policy_id"]),
    ],
    "priority_requests": [
        (["matched_item_id"], "items", ["item_id"]),
        (["section_id"], "sections", ["section_id"]),
    ],
}


def static_dir() -> Path:
    """The folder Streamlit serves at /app/static (``BUDGET_STATIC_DIR`` moves it, for tests)."""
    return Path(os.environ.get("BUDGET_STATIC_DIR", STATIC_DIR))


def package_dir() -> Path:
    """Where the package is written and served from: ``<static>/data``."""
    return static_dir() / "data"


def csv_path(table: str) -> str:
    return f"csv/{table}.csv"


def parquet_path(table: str) -> str:
    return f"parquet/{table}.parquet"


def _field_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_floating(arrow_type):
        return "number"
    if pa.types.is_timestamp(arrow_type):
        return "datetime"
    return "string"


def table_schema(name: str) -> dict:
    """The Table Schema of one table (fields, constraints, docs); keys are added by :func:`descriptor`."""
    table = TABLES[name]
    single_unique = {cols[0] for cols in table.unique if len(cols) == 1}
    fields = []
    for arrow_field in table.schema:
        doc = column_doc(name, arrow_field.name)
        field: dict = {
            "name": arrow_field.name,
            "type": _field_type(arrow_field.type),
            "description": doc.en,
            "description_ja": doc.ja,
        }
        if doc.unit:
            field["unit"] = doc.unit
        constraints: dict = {}
        if arrow_field.name in table.required or not arrow_field.nullable:
            constraints["required"] = True
        if arrow_field.name in single_unique:
            constraints["unique"] = True
        if arrow_field.name in table.choices:
            constraints["enum"] = list(table.choices[arrow_field.name])
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def csv_frame(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The table as it goes into CSV: booleans as true/false, timestamps ISO 8601 UTC, nulls empty.

    >>> csv_frame(pd.DataFrame({"is_new": [True, None]}), "x")["is_new"].tolist()
    ['true', '']
    """
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_bool_dtype(series) or (
            series.dtype == object and series.dropna().map(type).eq(bool).all() and series.notna().any()
        ):
            out[column] = series.map(lambda v: "" if pd.isna(v) else ("true" if v else "false")).astype(object)
        elif isinstance(series.dtype, pd.DatetimeTZDtype):
            out[column] = series.dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ").astype(object).where(series.notna(), "")
    return out


def stamp(documents: pd.DataFrame) -> dict:
    """What the package was built from: the loader version and each source's file, sha256 and load time.

    The load time makes the package follow every rebuild of the tables, so its rows are the
    tables' rows exactly (documents.loaded_at included).
    """
    versions = sorted(set(documents["loader_version"].dropna()))
    return {
        "loader_version": versions[0] if len(versions) == 1 else ",".join(versions) or LOADER_VERSION,
        "sources": [
            {
                "document_id": r.document_id,
                "path": r.source_file,
                "sha256": r.source_sha256,
                "loaded_at": pd.Timestamp(r.loaded_at).isoformat(),
            }
            for r in documents.sort_values("document_id").itertuples()
        ],
    }


def read_stamp(dest: Path) -> dict | None:
    """The stamp stored in ``dest/datapackage.json``, or None when there is no readable package."""
    try:
        descriptor = json.loads((Path(dest) / DESCRIPTOR).read_text(encoding="utf-8"))
        sources = [{k: s[k] for k in ("document_id", "path", "sha256", "loaded_at")} for s in descriptor["sources"]]
        return {"loader_version": descriptor["loader_version"], "sources": sources}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def descriptor(tables: dict[str, pd.DataFrame], files: dict[str, Path]) -> dict:
    """The datapackage.json for ``tables``, whose files (path in package → file) are already written."""
    documents = tables["documents"]
    built = stamp(documents)
    titles = sorted(set(documents["title"].dropna()))
    resources = []
    for name in TABLES:
        schema = table_schema(name)
        doc = TABLE_DOCS[name]
        keyed = dict(schema)
        if name in PRIMARY_KEYS:
            keyed["primaryKey"] = PRIMARY_KEYS[name]
        shared = "document_id" not in TABLES[name].schema.names  # reference tables: no document
        fks = [] if name == "documents" or shared else [(["document_id"], "documents", ["document_id"])]
        fks += FOREIGN_KEYS.get(name, [])
        if fks:
            keyed["foreignKeys"] = [
                {"fields": f, "reference": {"resource": "" if ref == name else ref, "fields": rf}} for f, ref, rf in fks
            ]
        path = csv_path(name)
        resources.append(
            {
                "name": name,
                "type": "table",
                "path": path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": name,
                "description": doc.en,
                "description_ja": doc.ja,
                "bytes": files[path].stat().st_size,
                "hash": f"sha256:{sha256_of(files[path])}",
                "rows": len(tables[name]),
                "schema": keyed,
                "parquet": {
                    "path": parquet_path(name),
                    "mediatype": "application/vnd.apache.parquet",
                    "bytes": files[parquet_path(name)].stat().st_size,
                    "hash": f"sha256:{sha256_of(files[parquet_path(name)])}",
                },
            }
        )
    return {
        "name": NAME,
        "title": "METI budget-request summary (概算要求等概要) as tables",
        "description": (
            "Tables parsed from "
            + "; ".join(titles)
            + f". Amounts in 億円 (100 million yen) as printed. Sum items where {COUNTED_SQL} "
            "(primary listings; 内数 figures are never summed); items list each section's main projects only, "
            "and the document's headline total is the accounts table's row with kind = 'total'. "
            "A base with base_basis set (e.g. R4補正) is not an initial budget. See README.md."
        ),
        "licenses": LICENSES,
        "version": LOADER_VERSION,
        "created": pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ"),
        "loader_version": built["loader_version"],
        "sources": [{"title": f"{s['document_id']} ({s['path']})", **s} for s in built["sources"]],
        "resources": resources,
    }


@contextlib.contextmanager
def _staging(dest: Path) -> Iterator[Path]:
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.new-", dir=dest.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_package(tables: dict[str, pd.DataFrame], dest: Path) -> Path:
    """Write the package for ``tables`` and swap it in at ``dest``; return the descriptor's path.

    Every table is validated against the schema first; a failure anywhere before the
    swap leaves ``dest`` exactly as it was.
    """
    dest = Path(dest)
    arrows = {name: validate(name, tables[name]) for name in TABLES}
    with _staging(dest) as staging:
        (staging / "csv").mkdir()
        (staging / "parquet").mkdir()
        files: dict[str, Path] = {}
        for name, arrow in arrows.items():
            files[csv_path(name)] = staging / csv_path(name)
            # Written from the validated Arrow table, so types are the schema's (Int64 stays integer).
            frame = csv_frame(arrow.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get), name)
            frame.to_csv(files[csv_path(name)], index=False, encoding="utf-8", lineterminator="\n")
            files[parquet_path(name)] = staging / parquet_path(name)
            pq.write_table(arrow, files[parquet_path(name)])
        described = descriptor(tables, files)
        (staging / DESCRIPTOR).write_text(json.dumps(described, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (staging / README).write_text(readme(tables), encoding="utf-8")
        (staging / LICENSE).write_text(licence_text(), encoding="utf-8")
        with zipfile.ZipFile(staging / ZIP_NAME, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(staging / DESCRIPTOR, DESCRIPTOR)
            archive.write(staging / README, README)
            archive.write(staging / LICENSE, LICENSE)
            for path, file in files.items():
                archive.write(file, path)
        _write_manifest(staging)
        staging.chmod(0o755)  # mkdtemp makes it private; the served folder is public
        old = dest.parent / f".{dest.name}.old-{os.getpid()}"
        shutil.rmtree(old, ignore_errors=True)
        if dest.exists():
            os.replace(dest, old)
        os.replace(staging, dest)
        shutil.rmtree(old, ignore_errors=True)
    return dest / DESCRIPTOR


def _files(dest: Path) -> list[Path]:
    return sorted(p for p in dest.rglob("*") if p.is_file() and p.name != MANIFEST)


def _write_manifest(dest: Path) -> None:
    files = {p.relative_to(dest).as_posix(): {"bytes": p.stat().st_size, "sha256": sha256_of(p)} for p in _files(dest)}
    (dest / MANIFEST).write_text(json.dumps({"files": files}, indent=1) + "\n", encoding="utf-8")


def package_stamp(dest: Path | None = None) -> tuple:
    """A cheap fingerprint of the package's files (path, mtime, size): one stat per file, for a cache key."""
    dest = Path(dest) if dest is not None else package_dir()
    try:
        found = [(p.relative_to(dest).as_posix(), p.stat()) for p in dest.rglob("*") if p.is_file()]
    except OSError:  # the folder or a file went away while listed
        return ("unreadable",)
    return tuple(sorted((name, st.st_mtime_ns, st.st_size) for name, st in found))


def package_problems(dest: Path | None = None) -> list[str]:
    """Why the files in ``dest`` are not the package the last write made; [] when every one is intact.

    Every file of the manifest present with its size and sha256, and every file the package ships
    (:func:`shipped_files`) listed in it. Paths inside the package only.
    """
    dest = Path(dest) if dest is not None else package_dir()
    try:
        listed = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        listed = None
    if not isinstance(listed, dict):
        return [f"{MANIFEST}: missing or unreadable"]
    problems = [f"{path}: not in {MANIFEST}" for path in shipped_files() if path not in listed]
    for path, entry in listed.items():
        problem = recorded_file_problem(dest / path, path, entry if isinstance(entry, dict) else {}, "written")
        if problem is not None:
            problems.append(problem)
    return problems


def shipped_files() -> list[str]:
    """The package's files (paths inside it) that :func:`write_package` writes, the manifest aside."""
    tables = [p for name in TABLES for p in (csv_path(name), parquet_path(name))]
    return [DESCRIPTOR, README, LICENSE, ZIP_NAME, *tables]


def is_current(documents: pd.DataFrame, dest: Path) -> bool:
    """True when ``dest`` holds an intact package built from exactly these documents (sha256s, loader version)."""
    return read_stamp(dest) == stamp(documents) and not package_problems(dest)


def ensure_package(tables_dir: Path, dest: Path | None = None) -> bool:
    """(Re)write the package from the tables in ``tables_dir`` when missing, damaged or built from other tables.

    For tables that are already fresh (the build writes the package itself). Takes the
    tables' lock to write, so concurrent sessions write once; returns True when it wrote.
    """
    tables_dir = Path(tables_dir)
    dest = Path(dest) if dest is not None else package_dir()
    if is_current(read_table(tables_dir, "documents"), dest):
        return False
    with locked(tables_dir):
        if is_current(read_table(tables_dir, "documents"), dest):  # written while we waited
            return False
        write_package({name: read_table(tables_dir, name) for name in TABLES}, dest)
    return True
