"""Shared fixtures: the shipped document's tables, built once per test session."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.data import for_document, read_tables  # noqa: E402
from loaders.build import build, ensure_built  # noqa: E402

SHIPPED = ROOT / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"
# Builds in tests write their data package here, never into the checkout's static/
# (the browser tests' server drops this and serves the real static/data).
os.environ["BUDGET_STATIC_DIR"] = tempfile.mkdtemp(prefix="budget-static-")
atexit.register(shutil.rmtree, os.environ["BUDGET_STATIC_DIR"], True)
APP = str(ROOT / "app.py")


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped document built into a private folder (the real data/processed is untouched)."""
    out = tmp_path_factory.mktemp("processed")
    build([SHIPPED], out)
    return out


@pytest.fixture(scope="session")
def tables(built_dir: Path) -> dict:
    """Every table of the shipped document (one document)."""
    every = read_tables(built_dir)
    return for_document(every, every["documents"]["document_id"].iloc[0])


@pytest.fixture(scope="session", autouse=True)
def app_data() -> None:
    """data/processed/ as the app reads it (AppTest and the browser tests run the real app)."""
    ensure_built()
