"""The loader on any platform, and its tables healing themselves (issues 9 and 14)."""

from __future__ import annotations

import importlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from loaders import LoaderError, build
from loaders.build import check, ensure_built, is_fresh, parse_sources
from loaders.decode import MAX_SOURCE_BYTES, MAX_SOURCE_MB
from loaders.schema import TABLES
from loaders.write import read_table
from tests.conftest import ROOT, SHIPPED, app_test, build_shipped, copy_of_build


def test_loader_imports_without_fcntl() -> None:
    # fcntl exists only on Unix: importing the writer on Windows failed and the app could not start.
    code = "import sys; sys.modules['fcntl'] = None; import loaders.write, loaders.build; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr


def test_requirements_name_filelock() -> None:
    importlib.import_module("filelock")
    assert "filelock" in (ROOT / "requirements.txt").read_text(encoding="utf-8")


# -- issue 14 #5: damaged or missing tables are rebuilt, visitors get a short message -------


TEXT = SHIPPED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


@pytest.fixture(scope="module")
def _built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with raw/ (a copy of the shipped document) and data/ (its tables), built once."""
    root = tmp_path_factory.mktemp("built")
    build_shipped(root / "raw", root / "data" / "processed")
    return root


@pytest.fixture
def dirs(tmp_path: Path, _built: Path) -> tuple[Path, Path]:
    """A raw folder holding a copy of the shipped document, and its built tables: a copy of one
    build (with the files' times, so they are current), which the test may damage."""
    raw, out = tmp_path / "raw", tmp_path / "data" / "processed"
    copy_of_build(_built, tmp_path)
    assert is_fresh(raw, out)
    return raw, out


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", ["truncate", "delete", "swap-tables", "garbage"])
@pytest.mark.parametrize("table", ["priority_requests", "items", "parse_log"])
def test_a_damaged_table_is_stale_and_rebuilt(dirs, damage: str, table: str) -> None:
    raw, out = dirs
    path = out / f"{table}.parquet"
    if damage == "truncate":
        _truncate(path)
    elif damage == "delete":
        path.unlink()
    elif damage == "swap-tables":  # a readable table, but not the one that was built
        shutil.copy2(out / "documents.parquet", path)
    else:
        path.write_bytes(b"PAR1" + b"\0" * (path.stat().st_size - 8) + b"PAR1")
    assert not is_fresh(raw, out)  # before: only documents.parquet was looked at
    assert ensure_built(raw, out)
    assert is_fresh(raw, out)
    assert len(read_table(out, "priority_requests")) == 71
    assert len(read_table(out, "items")) == 158


def test_a_missing_manifest_means_a_rebuild(dirs) -> None:
    raw, out = dirs
    (out / "manifest.json").unlink()  # tables of an older loader
    assert not is_fresh(raw, out)
    assert ensure_built(raw, out) and (out / "manifest.json").exists()


def test_check_names_a_truncated_table(dirs, capsys) -> None:
    _, out = dirs
    _truncate(out / "matter_requests.parquet")
    assert any("matter_requests.parquet" in p for p in check(out))


def _app(monkeypatch: pytest.MonkeyPatch, raw: Path, out: Path) -> AppTest:
    monkeypatch.setenv("BUDGET_RAW_DIR", str(raw))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(out))
    return app_test().run()


@pytest.mark.parametrize("damage", ["truncate", "delete"])
def test_the_app_rebuilds_a_table_damaged_while_it_runs(monkeypatch, dirs, damage: str) -> None:
    raw, out = dirs
    at = _app(monkeypatch, raw, out)
    assert not at.exception and not at.error
    path = out / "priority_requests.parquet"
    _truncate(path) if damage == "truncate" else path.unlink()
    at.switch_page("pages/priority.py").run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert len(read_table(out, "priority_requests")) == 71


def test_the_app_shows_a_short_message_without_server_paths(monkeypatch, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    bad = "\n".join(LINES[:60] + [" - 事業【1億円(新規)"] * 200 + LINES[60:])
    (raw / "broken.txt").write_text(bad, encoding="utf-8")
    at = _app(monkeypatch, raw, tmp_path / "out")
    assert not at.exception and at.error
    shown = at.code[0].value
    assert "broken.txt:61:" in shown  # file:line, as the loader says it
    assert str(tmp_path) not in shown and str(raw) not in shown
    assert len(shown.splitlines()) <= 12 and len(shown) < 3000


# -- issue 14 #6: bounded work on a bad or huge source ---------------------------------------


def test_a_source_over_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "huge.txt"
    with open(source, "wb") as handle:
        handle.write(TEXT.encode("utf-8"))
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: no 5 MB written to the disk
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(LoaderError, match=rf"huge\.txt: 5\.0 MB, over the {MAX_SOURCE_MB} MB limit"):
        parse_sources([source])


def test_the_size_limit_is_the_apps_upload_cap() -> None:
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert f"maxUploadSize = {MAX_SOURCE_MB}\n" in config


def test_errors_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    source = tmp_path / "many_errors.txt"
    source.write_text("\n".join(LINES[:60] + [" - 事業【1億円(新規)"] * 500 + LINES[60:]), encoding="utf-8")
    with pytest.raises(LoaderError) as caught:
        parse_sources([source])
    lines = str(caught.value).splitlines()
    assert len(lines) == build.MAX_ERRORS + 1  # before: 500 lines (327,290 for a 50 MB file)
    assert lines[0].startswith(f"{source}:61:")
    assert lines[-1] == "… and 480 more errors"


def test_a_failed_source_is_not_parsed_again_until_it_changes(tmp_path: Path, monkeypatch) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    source = raw / "bad.txt"
    source.write_text("\n".join(LINES[:60]), encoding="utf-8")  # cut short: refused
    calls = []
    real = build.load_document
    monkeypatch.setattr(build, "load_document", lambda path: calls.append(path) or real(path))
    for _ in range(3):  # three page loads
        with pytest.raises(LoaderError, match="cut short"):
            ensure_built(raw, out)
    assert len(calls) == 1
    source.write_text(TEXT, encoding="utf-8")  # fixed: built on the next page load
    assert ensure_built(raw, out) and len(calls) == 2


# -- issue 14 #7: settings, permissions, leftovers, the source viewer -------------------------


def test_command_line_honours_the_data_folders(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "elsewhere" / "processed"
    raw.mkdir()
    shutil.copy2(SHIPPED, raw / "meti_copy.txt")
    env = {**os.environ, "BUDGET_RAW_DIR": str(raw), "BUDGET_OUT_DIR": str(out)}
    for command in (["build"], ["check"]):
        result = subprocess.run(
            [sys.executable, "-m", "loaders", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
    assert read_table(out, "documents")["document_id"].tolist() == ["meti_copy"]


def test_data_dirs_is_one_setting(monkeypatch, tmp_path: Path) -> None:
    from dashboard.st import session

    monkeypatch.setenv("BUDGET_RAW_DIR", str(tmp_path / "r"))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(tmp_path / "o"))
    assert build.data_dirs() == session.data_dirs() == (tmp_path / "r", tmp_path / "o")


def test_table_folder_is_a_normal_folder_and_leftovers_are_swept(tmp_path: Path) -> None:
    out = tmp_path / "processed"
    crashed = [tmp_path / ".processed.old-99999", tmp_path / ".processed.new-abc123"]
    for folder in crashed:
        folder.mkdir()
        (folder / "items.parquet").write_bytes(b"x")
    build.build([SHIPPED], out)
    build.build([SHIPPED], out)  # a forced rebuild over existing tables
    assert stat.S_IMODE(out.stat().st_mode) == 0o755  # before: 0700 (tempfile.mkdtemp)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".processed.lock", "processed"]


def test_source_viewer_opens_a_raw_folder_outside_the_checkout(monkeypatch, tmp_path: Path) -> None:
    from dashboard.views import quality as qa

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy2(SHIPPED, raw / SHIPPED.name)
    monkeypatch.setenv("BUDGET_RAW_DIR", str(raw))
    tables = parse_sources([raw / SHIPPED.name])
    source_file = tables["documents"]["source_file"].iloc[0]
    assert Path(source_file).is_absolute()  # stored absolute: it is outside the checkout
    assert qa.source_path(source_file) == (raw / SHIPPED.name).resolve()
    assert qa.source_path(str(tmp_path / "other.txt")) is None
    assert len(TABLES) == 14  # 9 of the summary, 5 of the reference sources (budget books, reviews)


def test_a_failed_swap_puts_the_previous_tables_back(tmp_path: Path, monkeypatch) -> None:
    from loaders import write

    out = tmp_path / "processed"
    build.build([SHIPPED], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real, calls = os.replace, []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # staging → out fails (a reader holding a file on Windows, a full disk …)
            raise PermissionError("swap refused")
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", flaky)
    with pytest.raises(PermissionError):
        build.build([SHIPPED], out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".processed.lock", "processed"]
