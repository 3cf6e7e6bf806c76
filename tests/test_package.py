"""The data package: frictionless-valid, every CSV and Parquet file reads back as the tables, atomic."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow as pa
import pytest

from dashboard.domain.data import read_tables
from loaders import LOADER_VERSION, LoaderError
from loaders.build import parse_sources
from loaders.contract_docs import column_doc
from loaders.package import (
    DESCRIPTOR,
    LICENSE,
    README,
    ZIP_NAME,
    csv_path,
    ensure_package,
    is_current,
    parquet_path,
    write_package,
)
from loaders.schema import TABLES
from tests.conftest import SHIPPED

COLUMNS = [(name, field.name) for name, table in TABLES.items() for field in table.schema]


def test_every_column_has_a_description_in_both_languages() -> None:
    """One test naming every column without a description in a language (an item per column made 200)."""
    missing = []
    for table, column in COLUMNS:
        doc = column_doc(table, column)  # KeyError for a column with no entry at all
        missing += [f"{table}.{column}: {lang}" for lang in ("ja", "en") if not getattr(doc, lang).strip()]
    assert len(COLUMNS) > 100 and missing == []


def test_a_column_without_a_description_is_an_error() -> None:
    with pytest.raises(KeyError):
        column_doc("items", "no_such_column")


@pytest.fixture(scope="module")
def source_tables(built_dir: Path) -> dict[str, pd.DataFrame]:
    """The Parquet tables as the build wrote them (the reference for every read-back)."""
    return read_tables(built_dir)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, source_tables: dict) -> Path:
    dest = tmp_path_factory.mktemp("static") / "data"
    assert write_package(source_tables, dest) == dest / DESCRIPTOR
    return dest


def plain(frame: pd.DataFrame, name: str) -> list[tuple]:
    """Rows as plain Python values typed by the schema (None for null), whatever pandas inferred."""
    columns = {}
    for field in TABLES[name].schema:
        values = frame[field.name]
        if pa.types.is_timestamp(field.type):
            values = pd.to_datetime(values, utc=True)
        elif pa.types.is_boolean(field.type):
            values = values.map(lambda v: v if pd.isna(v) else {"true": True, "false": False}.get(v, v))
        converted = []
        for v in values.astype(object):
            if pd.isna(v):
                converted.append(None)
            elif pa.types.is_integer(field.type):
                converted.append(int(v))
            elif pa.types.is_floating(field.type):
                converted.append(float(v))
            elif pa.types.is_boolean(field.type):
                assert isinstance(v, bool), (name, field.name, v)
                converted.append(bool(v))
            else:
                converted.append(v)
        columns[field.name] = converted
    return list(zip(*columns.values(), strict=True))


def test_frictionless_validates_the_package_with_no_errors(package: Path) -> None:
    report = frictionless.validate(str(package / DESCRIPTOR))
    errors = [f"{task.name}: {e.type}: {e.message}" for task in report.tasks for e in task.errors]
    assert report.valid, errors[:10]
    assert report.stats["tasks"] == len(TABLES)
    assert report.stats["errors"] == 0


def test_frictionless_validates_the_zip_too(package: Path) -> None:
    report = frictionless.validate(str(package / ZIP_NAME))
    assert report.valid, [e.message for task in report.tasks for e in task.errors][:5]


@pytest.mark.parametrize("name", list(TABLES))
def test_each_csv_reads_back_as_the_table(package: Path, source_tables: dict, name: str) -> None:
    # string columns read as strings: a code such as the budget book's 項 "001" keeps its zeros
    strings = {f.name: str for f in TABLES[name].schema if pa.types.is_string(f.type)}
    csv = pd.read_csv(package / csv_path(name), dtype=strings)
    assert list(csv.columns) == TABLES[name].schema.names  # contract column names, nothing else
    assert plain(csv, name) == plain(source_tables[name], name)


@pytest.mark.parametrize("name", list(TABLES))
def test_each_parquet_reads_back_as_the_table_with_its_types(package: Path, source_tables: dict, name: str) -> None:
    parquet = pd.read_parquet(package / parquet_path(name))
    assert plain(parquet, name) == plain(source_tables[name], name)
    assert pa.Schema.from_pandas(parquet, preserve_index=False).names == TABLES[name].schema.names


def test_the_csv_is_for_machines_not_people(package: Path) -> None:
    raw = (package / csv_path("items")).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    text = raw.decode("utf-8")
    header = text.splitlines()[0]
    assert header.startswith("document_id,item_id,project_key,section_id")
    assert ",true," in text and ",false," in text
    assert "True" not in text and "False" not in text
    assert ",910.0," in text  # plain numbers: no thousands separators, no 億円
    assert len(pd.read_csv(package / csv_path("items"))) == 158


def test_the_descriptor_carries_sources_loader_version_and_keys(package: Path, source_tables: dict) -> None:
    descriptor = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    documents = source_tables["documents"]
    assert descriptor["loader_version"] == LOADER_VERSION
    assert [s["sha256"] for s in descriptor["sources"]] == list(documents["source_sha256"])
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(TABLES)
    assert resources["items"]["schema"]["primaryKey"] == ["document_id", "item_id"]
    assert resources["documents"]["schema"]["primaryKey"] == ["document_id"]
    fks = {tuple(fk["fields"]): fk["reference"] for fk in resources["items"]["schema"]["foreignKeys"]}
    assert fks[("document_id", "section_id")] == {"resource": "sections", "fields": ["document_id", "section_id"]}
    fields = {f["name"]: f for f in resources["items"]["schema"]["fields"]}
    assert fields["is_new"]["type"] == "boolean"
    assert fields["request_oku"]["type"] == "number" and "億円" in fields["request_oku"]["unit"]
    assert fields["multiyear_years"]["type"] == "integer"
    assert fields["is_new"]["description_ja"].startswith("新規")
    assert resources["items"]["rows"] == 158
    assert resources["items"]["parquet"]["path"] == "parquet/items.parquet"


def test_the_zip_holds_the_whole_package(package: Path) -> None:
    with zipfile.ZipFile(package / ZIP_NAME) as archive:
        names = set(archive.namelist())
        assert archive.read(DESCRIPTOR) == (package / DESCRIPTOR).read_bytes()
        assert archive.read(csv_path("items")) == (package / csv_path("items")).read_bytes()
    assert names == {DESCRIPTOR, README, LICENSE} | {csv_path(n) for n in TABLES} | {parquet_path(n) for n in TABLES}


def test_a_foreign_key_that_does_not_hold_is_reported(package: Path, tmp_path: Path) -> None:
    # The keys are checked, not just declared: break one and frictionless must say so.
    descriptor = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (tmp_path / "csv").mkdir()
    for name in TABLES:
        text = (package / csv_path(name)).read_text(encoding="utf-8")
        if name == "items":
            text = text.replace(",p1-t1-s1,", ",p9-no-such-section,", 1)
        (tmp_path / csv_path(name)).write_text(text, encoding="utf-8")
    (tmp_path / DESCRIPTOR).write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / DESCRIPTOR))
    assert not report.valid
    assert {e.type for task in report.tasks for e in task.errors} == {"foreign-key"}


def test_a_failed_write_leaves_the_previous_package_untouched(package: Path, source_tables: dict) -> None:
    before = {p: p.read_bytes() for p in package.rglob("*") if p.is_file()}
    broken = dict(source_tables, items=source_tables["items"].drop(columns=["is_new"]))
    with pytest.raises(LoaderError):
        write_package(broken, package)
    assert {p: p.read_bytes() for p in package.rglob("*") if p.is_file()} == before
    assert [p.name for p in package.parent.iterdir()] == ["data"], "a staging folder was left behind"


def test_ensure_package_writes_only_when_missing_or_stale(built_dir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "static" / "data"
    assert ensure_package(built_dir, dest) is True  # missing
    first = (dest / DESCRIPTOR).read_bytes()
    assert ensure_package(built_dir, dest) is False  # same tables: left alone
    assert (dest / DESCRIPTOR).read_bytes() == first
    documents = read_tables(built_dir)["documents"]
    assert is_current(documents, dest)
    assert not is_current(documents.assign(source_sha256="0" * 64), dest)
    assert not is_current(documents.assign(loader_version="0.0.1"), dest)
    (dest / DESCRIPTOR).write_text("not json", encoding="utf-8")
    assert ensure_package(built_dir, dest) is True  # unreadable: rewritten
    assert json.loads((dest / DESCRIPTOR).read_text(encoding="utf-8"))["loader_version"] == LOADER_VERSION


def test_two_documents_make_one_valid_package(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SHIPPED.read_text(encoding="utf-8")
    (raw / SHIPPED.name).write_text(text, encoding="utf-8")
    (raw / "meti_r7_copy.txt").write_text(text.replace("令和6年度 経済産業省関係", "令和7年度 経済産業省関係", 1))
    tables = parse_sources(sorted(raw.iterdir()))
    write_package(tables, tmp_path / "data")
    report = frictionless.validate(str(tmp_path / "data" / DESCRIPTOR))
    assert report.valid, [e.message for task in report.tasks for e in task.errors][:5]
    assert len(pd.read_csv(tmp_path / "data" / csv_path("items"))) == 2 * 158
