"""Shared fixtures: the shipped document's tables, built once per test session into a temporary folder.

Nothing is written inside the checkout: ``BUDGET_OUT_DIR`` points the app (AppTest in
this process, ``streamlit run`` in the browser tests, which inherit the environment)
at a folder of this session's own.
"""

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

from dashboard.domain.data import for_document, read_tables  # noqa: E402
from loaders.build import RAW_DIR, build, ensure_built  # noqa: E402

SHIPPED = ROOT / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"
APP = str(ROOT / "app.py")

# Set at import, before any fixture or server starts: every app run of this session reads and
# writes here. (The browser tests' server drops BUDGET_STATIC_DIR: Streamlit serves only the
# checkout's static/, so that server writes and serves the real static/data, which git ignores.)
_SESSION_DATA = Path(tempfile.mkdtemp(prefix="budget-tests-"))
atexit.register(shutil.rmtree, _SESSION_DATA, True)
# Set, not defaulted: pytest-xdist's workers inherit the environment of the process that started
# them, which imported this file too; each worker must have folders of its own.
os.environ["BUDGET_OUT_DIR"] = str(_SESSION_DATA / "processed")
os.environ["BUDGET_STATIC_DIR"] = str(_SESSION_DATA / "static")


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadfile`` with the browser files kept off one worker (tests/scheduling.py)."""
    if config.getvalue("dist") == "loadfile":
        from tests.scheduling import BrowserFilesApart

        return BrowserFilesApart(config, log)
    return None


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped document built into a private folder."""
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
    """The tables as the app reads them, in this session's folder (never data/processed/)."""
    ensure_built(RAW_DIR, Path(os.environ["BUDGET_OUT_DIR"]))


def build_shipped(raw: Path, out: Path) -> None:
    """``raw`` holding a copy of the shipped document (with its file time), built into ``out``."""
    raw.mkdir(parents=True)
    shutil.copy2(SHIPPED, raw / SHIPPED.name)
    assert ensure_built(raw, out)


def copy_of_build(built: Path, target: Path) -> None:
    """A copy of a folder built once (:func:`build_shipped`) for a test that may damage it.

    The files keep their times, so the copy is as current as the build; a build per test cost
    the loader-health and package-heal tests 31 s and 17 s, a copy per test 24 s and 11 s.
    """
    shutil.copytree(built, target, dirs_exist_ok=True)


def app_test(context: dict | None = None, **params: str | list[str]):
    """The suite's one AppTest factory: app.py (the router) with ``params`` in the URL, not run yet.

    ``default_timeout`` is sized for a busy 2-core machine; ``context`` sets what the browser would
    tell (``url``, ``is_embedded``). Every AppTest of the suite starts here or in :func:`open_app_page`.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    if context:
        at.context = context
    for key, value in params.items():
        at.query_params[key] = value
    return at


def open_app_page(script: str | None = None, lang: str | None = None, **params: str | list[str]):
    """Run app.py (the router), switch to ``pages/<script>.py`` with ``params`` in the URL; no exception.

    The one AppTest entry of the page tests. The router runs first: ``switch_page``
    before a first run would skip app.py (AppTest's behaviour).
    """
    at = app_test()
    if script:
        at.switch_page(f"pages/{script}.py")
    if lang:
        at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
