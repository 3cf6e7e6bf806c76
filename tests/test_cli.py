"""The command line: ``python -m loaders build [SOURCE ...] [--out DIR]`` and ``check``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from loaders.cli import main
from loaders.schema import SHARED_TABLES, TABLES
from tests.conftest import ROOT, SHIPPED


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A private copy of the shipped document (so a test may change it)."""
    copy = tmp_path / "src" / SHIPPED.name
    copy.parent.mkdir()
    shutil.copy2(SHIPPED, copy)
    return copy


@pytest.fixture
def built(tmp_path: Path, source: Path, capsys, monkeypatch) -> Path:
    # A data package of its own (the session's static folder holds whatever another test wrote last):
    # ``check`` compares the package with these tables.
    monkeypatch.setenv("BUDGET_STATIC_DIR", str(tmp_path / "static"))
    out = tmp_path / "processed"
    assert main(["build", str(source), "--out", str(out)]) == 0
    capsys.readouterr()
    return out


def test_build_prints_a_summary_and_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "loaders", "build", str(SHIPPED), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote {len(TABLES)} tables to {out}" in result.stdout
    assert "documents: meti_r6_gaisan_gaiyou" in result.stdout
    counts = dict(re.findall(r"(\w+) (\d+)", re.search(r"rows: (.*)", result.stdout).group(1)))
    for name in TABLES:
        assert int(counts[name]) == len(pd.read_parquet(out / f"{name}.parquet")), name
    assert counts["items"] == "158"
    assert "reconciliation: gap 18, ok 2, rounding 7" in result.stdout
    assert "0 warnings" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == sorted([*(f"{name}.parquet" for name in TABLES), "manifest.json"])


def test_check_passes_on_fresh_tables(built: Path, capsys) -> None:
    assert main(["check", "--out", str(built)]) == 0
    assert "valid" in capsys.readouterr().out


def test_check_fails_when_a_table_is_missing(built: Path, capsys) -> None:
    (built / "items.parquet").unlink()
    assert main(["check", "--out", str(built)]) != 0
    assert "items.parquet: missing" in capsys.readouterr().err


def test_check_fails_when_the_folder_is_missing(tmp_path: Path, capsys) -> None:
    assert main(["check", "--out", str(tmp_path / "nowhere")]) != 0
    assert "missing" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("table", "spoil", "message"),
    [
        ("items", lambda df: df.drop(columns=["is_primary"]), "is_primary"),
        ("reconciliation", lambda df: df.assign(status="perfect"), "status"),
        ("items", lambda df: df.assign(account="宇宙特別会計"), "account"),
        ("items", lambda df: pd.concat([df, df.head(1)]), "not unique"),
        ("sections", lambda df: df.assign(name=None), "name"),
    ],
)
def test_check_fails_when_a_table_breaks_the_schema(built: Path, capsys, table: str, spoil, message: str) -> None:
    frame = spoil(pd.read_parquet(built / f"{table}.parquet"))
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), built / f"{table}.parquet")
    assert main(["check", "--out", str(built)]) != 0
    err = capsys.readouterr().err
    assert f"{table}.parquet" in err and message in err


def test_check_fails_when_the_source_changed(built: Path, source: Path, capsys) -> None:
    source.write_text(source.read_text(encoding="utf-8").replace("4,286 億円", "4,287 億円"), encoding="utf-8")
    assert main(["check", "--out", str(built)]) != 0
    assert "sha256" in capsys.readouterr().err


def test_check_fails_when_the_source_is_gone(built: Path, source: Path, capsys) -> None:
    source.unlink()
    assert main(["check", "--out", str(built)]) != 0
    assert "no longer exists" in capsys.readouterr().err


def test_check_finds_the_source_from_another_working_directory(built: Path, tmp_path: Path) -> None:
    # The stored source path must not depend on where the build or the check ran.
    result = subprocess.run(
        [sys.executable, "-m", "loaders", "check", "--out", str(built)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr


def test_two_sources_side_by_side(tmp_path: Path, capsys) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    r6, r7 = tmp_path / "meti_r6.txt", tmp_path / "meti_r7.txt"
    r6.write_text(text, encoding="utf-8")
    r7.write_text(text.replace("令和6年度 経済産業省関係", "令和7年度 経済産業省関係", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(r6), str(r7), "--out", str(out)]) == 0
    capsys.readouterr()
    documents = pd.read_parquet(out / "documents.parquet")
    assert sorted(documents["document_id"]) == ["meti_r6", "meti_r7"]
    assert dict(zip(documents["document_id"], documents["request_fiscal_year"], strict=True)) == {
        "meti_r6": 2024,
        "meti_r7": 2025,
    }
    for name in TABLES:
        if name in SHARED_TABLES:  # the reference tables: one copy for every document
            continue
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert set(frame["document_id"]) == {"meti_r6", "meti_r7"}, name
    items = pd.read_parquet(out / "items.parquet")
    assert items.groupby("document_id").size().to_dict() == {"meti_r6": 158, "meti_r7": 158}
    assert not items.duplicated(["document_id", "item_id"]).any()
    assert main(["check", "--out", str(out)]) == 0


def test_two_sources_with_one_document_id_are_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt"
    shutil.copy2(SHIPPED, first)
    shutil.copy2(SHIPPED, second)
    assert main(["build", str(first), str(second), "--out", str(tmp_path / "out")]) != 0
    assert "same document_id" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_usage_error_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
