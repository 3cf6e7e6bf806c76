"""The same document, re-encoded or re-spaced, must give the same tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from loaders.tables import load_document
from tests.conftest import SHIPPED

TEXT = SHIPPED.read_text(encoding="utf-8")
COMPARED = ("items", "sections", "accounts", "priority_requests", "matter_requests", "reconciliation")
#: Columns that describe the file rather than the budget.
IGNORED = ("loaded_at", "source_sha256", "source_encoding", "raw", "source_file")

_FULL = str.maketrans("0123456789,.()", "０１２３４５６７８９，．（）")


def _widen_amounts(text: str) -> str:
    """Digits, commas, points and brackets of every amount and 【…】 in full width."""
    text = re.sub(r"【[^】\n]*】", lambda m: m.group(0).translate(_FULL), text)
    return re.sub(r"[\d][\d,. ]*(?=\s*(?:兆|億円))", lambda m: m.group(0).translate(_FULL), text)


def _spaces_in_names(text: str) -> str:
    """Extraction spaces inside names: 事業 → 事 業, 支援 → 支 援, 会計 → 会 計."""
    return text.replace("事業", "事 業").replace("支援", "支  援").replace("会計", "会 計")


def _tabs_to_runs(text: str) -> str:
    runs = iter([2, 5, 3, 8] * 1000)
    return re.sub(r"\t", lambda _m: " " * next(runs), text)


CP932_SAFE = TEXT.replace("₂", "2")  # CO₂ has no CP932 code; it is in a paragraph, not a figure

VARIANTS: dict[str, Callable[[], bytes]] = {
    "cp932": lambda: CP932_SAFE.encode("cp932"),
    "utf8-bom": lambda: TEXT.encode("utf-8-sig"),
    "crlf": lambda: TEXT.replace("\n", "\r\n").encode("utf-8"),
    "cp932-crlf": lambda: CP932_SAFE.replace("\n", "\r\n").encode("cp932"),
    "tabs-as-spaces": lambda: _tabs_to_runs(TEXT).encode("utf-8"),
    "fullwidth-amounts": lambda: _widen_amounts(TEXT).encode("utf-8"),
    "spaces-in-names": lambda: _spaces_in_names(TEXT).encode("utf-8"),
    "trailing-newline": lambda: (TEXT + "\n").encode("utf-8"),
    "all-at-once": lambda: (
        _spaces_in_names(_widen_amounts(_tabs_to_runs(CP932_SAFE))).replace("\n", "\r\n").encode("cp932")
    ),
}


def _load(tmp: Path, data: bytes) -> dict[str, pd.DataFrame]:
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / SHIPPED.name  # same file name, so the same document_id
    path.write_bytes(data)
    return load_document(path)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    return _load(tmp_path_factory.mktemp("ref"), TEXT.encode("utf-8"))


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in IGNORED if c in frame.columns]).reset_index(drop=True)


def test_transforms_really_change_the_bytes() -> None:
    # A variant identical to the original would make its test meaningless.
    original = TEXT.encode("utf-8")
    for name, make in VARIANTS.items():
        assert make() != original, name
    assert "４，６１５" in _widen_amounts(TEXT) and "【９１０億円（新規）】" in _widen_amounts(TEXT)
    assert "\t" not in _tabs_to_runs(TEXT)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_variant_gives_the_same_tables(tmp_path: Path, reference, variant: str) -> None:
    tables = _load(tmp_path / variant, VARIANTS[variant]())
    assert not (tables["parse_log"]["level"] == "error").any()
    for name in COMPARED:
        pd.testing.assert_frame_equal(_comparable(tables[name]), _comparable(reference[name]), obj=f"{variant}: {name}")
    doc, ref = tables["documents"].iloc[0], reference["documents"].iloc[0]
    for column in ("document_id", "title", "request_fiscal_year", "base_fiscal_year", "source_lines"):
        assert doc[column] == ref[column], column


@pytest.mark.parametrize(("variant", "encoding"), [("cp932", "cp932"), ("utf8-bom", "utf-8"), ("crlf", "utf-8")])
def test_encoding_is_recorded(tmp_path: Path, variant: str, encoding: str) -> None:
    tables = _load(tmp_path / variant, VARIANTS[variant]())
    assert tables["documents"]["source_encoding"].iloc[0] == encoding


@pytest.mark.parametrize("copies", [1, 3])
def test_synthetic_benchmark_document_is_valid(tmp_path: Path, reference, copies: int) -> None:
    # The benchmark's 10x/100x documents must be real summaries, or their timings mean nothing.
    from benchmarks.synthetic import make_document

    text = make_document(copies)
    if copies == 1:
        assert text == TEXT
    tables = _load(tmp_path, text.encode("utf-8"))
    assert not (tables["parse_log"]["level"] == "error").any()
    for name in ("items", "sections", "policies", "priority_requests"):
        assert len(tables[name]) == copies * len(reference[name]), name
    assert len(tables["accounts"]) == len(reference["accounts"])
    for flag in ("is_primary", "is_relisted", "is_reference", "is_portion"):
        assert tables["items"][flag].sum() == copies * reference["items"][flag].sum(), flag
    matches = tables["priority_requests"]["match"].value_counts()
    assert matches.to_dict() == (reference["priority_requests"]["match"].value_counts() * copies).to_dict()
    assert tables["items"]["project_key"].nunique() == copies * reference["items"]["project_key"].nunique()
