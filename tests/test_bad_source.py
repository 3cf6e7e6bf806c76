"""A bad source never hides good data (issue 21, point 4).

A garbage or 50 MB file beside the good source, or the good source's own text broken: the
app serves the last good tables of every document it can, with one notice naming the file
and line, and the error is logged once per change of the source, not once per page view.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from loaders import build
from loaders.build import check, ensure_built, source_failures
from loaders.write import read_table
from tests.conftest import SHIPPED, app_test

LINES = SHIPPED.read_text(encoding="utf-8").split("\n")
BROKEN = "\n".join([*LINES[:60], " - 事業【1億円(新規)", *LINES[60:]])  # line 61: a 【 never closed


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _huge(path: Path) -> None:
    with open(path, "wb") as handle:  # sparse: 50 MB without writing them
        handle.truncate(50 * 1024 * 1024)


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy2(SHIPPED, raw / SHIPPED.name)
    monkeypatch.setenv("BUDGET_STATIC_DIR", str(tmp_path / "static"))
    return raw, out


def _errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("bad", "make", "where"), [("junk.txt", _garbage, "junk.txt:"), ("huge.txt", _huge, "huge.txt: 50.0 MB")]
)
def test_a_bad_file_beside_the_source_leaves_the_good_document(dirs, caplog, monkeypatch, bad, make, where) -> None:
    raw, out = dirs
    make(raw / bad)
    calls = []
    real = build.load_document
    monkeypatch.setattr(build, "load_document", lambda path: calls.append(path.name) or real(path))
    caplog.set_level(logging.ERROR)
    assert ensure_built(raw, out)  # before: LoaderError, nothing served
    for _ in range(3):  # three page views: nothing parsed or logged again
        assert not ensure_built(raw, out)
    assert len(read_table(out, "items")) == 158
    assert read_table(out, "documents")["document_id"].tolist() == ["meti_r6_gaisan_gaiyou"]
    failed = source_failures(out)
    assert list(failed) == [bad] and failed[bad]["message"].startswith(where) and not failed[bad]["kept"]
    assert str(raw) not in failed[bad]["message"]
    assert sorted(calls) == sorted([SHIPPED.name, bad])
    assert len(_errors(caplog)) == 1 and bad in _errors(caplog)[0]
    assert any(p.startswith(f"{bad}: could not be loaded") for p in check(out))


def test_the_same_document_keeps_its_last_good_tables_when_its_new_text_fails(dirs, caplog) -> None:
    raw, out = dirs
    _garbage(raw / "junk.txt")
    caplog.set_level(logging.ERROR)
    assert ensure_built(raw, out)
    caplog.clear()
    (raw / SHIPPED.name).write_text(BROKEN, encoding="utf-8")
    assert ensure_built(raw, out)
    assert not ensure_built(raw, out)
    assert len(read_table(out, "items")) == 158  # the previous text's tables
    failed = source_failures(out)
    assert failed[SHIPPED.name]["kept"] and failed[SHIPPED.name]["message"].startswith(f"{SHIPPED.name}:61: ")
    # Logged once: the new failure only (junk.txt did not change and was logged by the first build).
    assert len(_errors(caplog)) == 1 and SHIPPED.name in _errors(caplog)[0]
    (raw / SHIPPED.name).write_bytes(SHIPPED.read_bytes())  # fixed: loaded again, its notice gone
    assert ensure_built(raw, out) and list(source_failures(out)) == ["junk.txt"]


def _app(monkeypatch: pytest.MonkeyPatch, raw: Path, out: Path) -> AppTest:
    monkeypatch.setenv("BUDGET_RAW_DIR", str(raw))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(out))
    return app_test()


def test_the_app_serves_the_good_document_with_one_notice(dirs, monkeypatch) -> None:
    raw, out = dirs
    _garbage(raw / "junk.txt")
    at = _app(monkeypatch, raw, out).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    notices = [w.value for w in at.warning if "junk.txt" in w.value]
    assert len(notices) == 1 and "junk.txt:" in notices[0]
    assert "2兆4,615億円" in "".join(m.value for m in at.metric)  # the overview's headline is there
    at.switch_page("pages/items.py").run()
    assert not at.exception and not at.error
    assert len([w for w in at.warning if "junk.txt" in w.value]) == 1


def test_a_failure_with_nothing_to_show_is_logged_once_per_change(tmp_path: Path, monkeypatch, caplog) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "only.txt").write_text(BROKEN, encoding="utf-8")
    caplog.set_level(logging.ERROR)
    at = _app(monkeypatch, raw, tmp_path / "out")
    for _ in range(3):
        at.run()
        assert at.error and not at.exception
    assert len(_errors(caplog)) == 1  # before: one ERROR (with 20 lines) per page view
    os.utime(raw / "only.txt", ns=(1, 1))  # the file changed (its mtime): logged again once
    at.run()
    assert len(_errors(caplog)) == 2
