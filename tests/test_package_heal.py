"""The data package heals like the tables (issue 21, point 5).

Every file of static/data is listed with its size and sha256 in the package's manifest; a
truncated zip or CSV, a deleted Parquet file or a deleted manifest makes the package stale,
and it is rewritten at start and while the app runs. ``python -m loaders check`` covers it.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard.st import downloads
from loaders.build import check, ensure_built
from loaders.package import MANIFEST, ZIP_NAME, package_dir, package_problems, shipped_files
from loaders.schema import TABLES
from tests.conftest import app_test, build_shipped, copy_of_build


def _folders(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """raw/, processed/ and static/ under ``root``, named in the environment as the app reads them."""
    monkeypatch.setenv("BUDGET_RAW_DIR", str(root / "raw"))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(root / "processed"))
    monkeypatch.setenv("BUDGET_STATIC_DIR", str(root / "static"))
    return root / "raw", root / "processed"


@pytest.fixture(scope="module")
def _built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped document's raw folder, tables and data package, built once."""
    root = tmp_path_factory.mktemp("built")
    with pytest.MonkeyPatch.context() as monkeypatch:
        build_shipped(*_folders(root, monkeypatch))
    return root


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _built: Path) -> tuple[Path, Path]:
    """A copy of one build (with the files' times, so it is current), which the test may damage."""
    copy_of_build(_built, tmp_path)
    raw, out = _folders(tmp_path, monkeypatch)
    assert not ensure_built(raw, out) and package_problems(package_dir()) == []
    return raw, out


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:1000])


DAMAGE = {
    "truncate the zip": lambda d: _truncate(d / ZIP_NAME),
    "truncate csv/items.csv": lambda d: _truncate(d / "csv" / "items.csv"),
    "delete parquet/sections.parquet": lambda d: (d / "parquet" / "sections.parquet").unlink(),
    "all three": lambda d: [DAMAGE[k](d) for k in list(DAMAGE)[:3]],
    "delete the package manifest": lambda d: (d / MANIFEST).unlink(),
}


def _intact(folder: Path) -> None:
    with zipfile.ZipFile(folder / ZIP_NAME) as archive:
        assert archive.testzip() is None
    assert len(pd.read_csv(folder / "csv" / "items.csv")) == 158
    assert len(pd.read_parquet(folder / "parquet" / "sections.parquet")) > 0
    assert package_problems(folder) == []


def test_the_manifest_lists_every_file_with_size_and_sha256(dirs) -> None:
    folder = package_dir()
    listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    on_disk = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
    assert sorted(listed) == on_disk and len(on_disk) == 4 + 2 * len(TABLES)
    assert all(set(entry) == {"bytes", "sha256"} and len(entry["sha256"]) == 64 for entry in listed.values())


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_package_is_named_by_check_and_rewritten_at_start(dirs, damage: str) -> None:
    raw, out = dirs
    DAMAGE[damage](package_dir())
    assert check(out)  # before: the tables were checked, not the package
    ensure_built(raw, out)  # what a restart does first; before: nothing was rewritten
    _intact(package_dir())
    assert check(out) == []


def test_the_app_heals_the_package_and_the_manifest_while_it_runs(dirs) -> None:
    _, out = dirs
    at = app_test().run()
    assert not at.exception and not at.error
    DAMAGE["all three"](package_dir())
    at.run()  # the next page view
    _intact(package_dir())
    (out / "manifest.json").unlink()
    at.switch_page("pages/overview.py").run()
    assert not at.exception and not at.error
    assert check(out) == []  # before: "manifest.json: missing or unreadable" until a restart


def test_the_parquet_button_reads_a_file_deleted_since_the_page_was_drawn(dirs, caplog) -> None:
    (package_dir() / "parquet" / "items.parquet").unlink()
    data = downloads.package_file("parquet/items.parquet")  # before: FileNotFoundError and a traceback in the log
    assert len(pd.read_parquet(io.BytesIO(data))) == 158
    assert not [r for r in caplog.records if r.exc_info]


@pytest.mark.parametrize("gone", ["README.md", "LICENSE", ZIP_NAME, "csv/items.csv"])
def test_a_shipped_file_dropped_with_its_manifest_entry_is_named(dirs, gone: str) -> None:
    """Every file the package ships is expected in the manifest: a README.md or LICENSE deleted together
    with its manifest entry made an intact-looking package (only the descriptor, zip and tables were expected)."""
    folder = package_dir()
    on_disk = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
    assert sorted(shipped_files()) == on_disk
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    del manifest["files"][gone]
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (folder / gone).unlink()
    assert package_problems(folder) == [f"{gone}: not in {MANIFEST}"]
