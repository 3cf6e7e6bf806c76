"""The router: several documents side by side (``doc``), and a source that cannot be loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import SHIPPED, app_test


def _app(monkeypatch: pytest.MonkeyPatch, raw: Path, out: Path, **params: str) -> AppTest:
    monkeypatch.setenv("BUDGET_RAW_DIR", str(raw))
    monkeypatch.setenv("BUDGET_OUT_DIR", str(out))
    at = app_test()
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.fixture
def two_years(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SHIPPED.read_text(encoding="utf-8")
    (raw / SHIPPED.name).write_text(text, encoding="utf-8")
    (raw / "meti_r7_copy.txt").write_text(
        text.replace("令和6年度 経済産業省関係", "令和7年度 経済産業省関係", 1), encoding="utf-8"
    )
    return raw


def test_newest_document_is_shown_first_and_doc_picks_another(monkeypatch, tmp_path, two_years) -> None:
    at = _app(monkeypatch, two_years, tmp_path / "out")
    assert not at.exception
    picker = at.sidebar.selectbox[0]
    assert picker.options == ["令和7年度 経済産業省関係 概算要求等概要", "令和6年度 経済産業省関係 概算要求等概要"]
    assert at.title[0].value.startswith("令和7年度")

    at = _app(monkeypatch, two_years, tmp_path / "out", doc="meti_r6_gaisan_gaiyou")
    assert not at.exception
    assert at.title[0].value.startswith("令和6年度")
    assert at.query_params["doc"] == "meti_r6_gaisan_gaiyou"


def test_unknown_doc_falls_back_with_a_notice(monkeypatch, tmp_path, two_years) -> None:
    at = _app(monkeypatch, two_years, tmp_path / "out", doc="nope")
    assert not at.exception
    assert any("`doc`" in w.value and "`nope`" in w.value for w in at.warning)
    assert at.title[0].value.startswith("令和7年度")


def test_a_single_document_has_no_picker(monkeypatch, tmp_path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / SHIPPED.name).write_bytes(SHIPPED.read_bytes())
    at = _app(monkeypatch, raw, tmp_path / "out")
    assert not at.exception
    assert len(at.sidebar.selectbox) == 0


def test_a_source_that_cannot_be_loaded_shows_the_loader_message(monkeypatch, tmp_path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "broken.txt").write_bytes(b"\x00\x01garbage\x00")
    at = _app(monkeypatch, raw, tmp_path / "out")
    assert not at.exception
    assert at.error, "no error message for a source that cannot be loaded"
    assert "broken.txt" in at.code[0].value
    assert not (tmp_path / "out" / "items.parquet").exists()
