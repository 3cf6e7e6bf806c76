"""Downloads: a table's CSV (named by :func:`dashboard.domain.csvout.csv_filename`) and the data package's files."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard.domain.csvout import csv_filename, to_csv_bytes
from dashboard.i18n import t
from dashboard.st import session
from loaders.build import ensure_built

_log = logging.getLogger(__name__)


def package_file(path: str) -> bytes:
    """A data package file's bytes for a download button, healing the package first when it is damaged.

    The button reads the file when clicked, maybe long after the page was drawn: a file
    deleted or truncated since is rewritten from the tables (:func:`ensure_built`) instead
    of failing with a ``FileNotFoundError`` traceback in the server log.
    """
    from loaders.package import package_dir, package_problems

    folder = package_dir()
    if package_problems(folder):
        try:
            ensure_built(*session.data_dirs())
        except Exception as exc:  # the visitor's click is not the place to fail loudly
            _log.warning("the data package could not be rewritten: %s", exc)
    try:
        return (folder / path).read_bytes()
    except OSError as exc:
        _log.warning("data package file %s could not be read: %s", path, exc.strerror)
        return b""


def download_csv(frame: pd.DataFrame, page: str, filters: Mapping[str, object], key: str = "csv") -> None:
    """A "CSV" download button for exactly ``frame`` (headers as shown on screen)."""
    st.download_button(
        t("csv.download", session.current_lang()),
        # Built only when clicked, and the click does not rerun the page.
        data=lambda: to_csv_bytes(frame),
        file_name=csv_filename(page, filters, dt.date.today()),
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )
