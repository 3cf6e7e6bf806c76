"""The loader on any platform, and its tables healing themselves (issues 9 and 14)."""

from __future__ import annotations

import importlib
import subprocess
import sys

from tests.conftest import ROOT


def test_loader_imports_without_fcntl() -> None:
    # fcntl exists only on Unix: importing the writer on Windows failed and the app could not start.
    code = "import sys; sys.modules['fcntl'] = None; import loaders.write, loaders.build; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr


def test_requirements_name_filelock() -> None:
    importlib.import_module("filelock")
    assert "filelock" in (ROOT / "requirements.txt").read_text(encoding="utf-8")
