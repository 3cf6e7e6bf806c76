"""Streamlit glue shared by every page: tables, language, URL notices, CSV downloads.

The only dashboard module that imports Streamlit; it holds no pandas logic.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.csvout import csv_filename, to_csv_bytes
from dashboard.i18n import DEFAULT_LANG, LANGS, t
from dashboard.params import Param, parse_all, serialize
from loaders import LoaderError
from loaders.build import OUT_DIR, RAW_DIR, ensure_built


def lang() -> str:
    """The interface language chosen in the sidebar (``lang`` in the URL)."""
    value = st.session_state.get("_chosen.lang")
    return value if value in LANGS else DEFAULT_LANG


def _global_choice(key: str, options: Sequence[str], default: str, widget, **kwargs) -> str:
    """A sidebar choice shared by every page and kept in the URL as ``key``.

    Streamlit forgets widget state and bound URL keys when the user changes page,
    so the choice lives in a plain session key and is written back to the URL.
    A pasted link or Back/Forward (the URL changed from outside) wins.
    """
    chosen_key, raw_key, widget_key = f"_chosen.{key}", f"_raw.{key}", f"_widget.{key}"
    raw = st.query_params.get_all(key)
    bad = None
    if raw and raw != st.session_state.get(raw_key):
        if raw[-1] in options:
            st.session_state[chosen_key] = raw[-1]
        else:
            bad = raw[-1]
    if st.session_state.get(chosen_key) not in options:
        st.session_state[chosen_key] = default
    chosen = st.session_state[chosen_key]
    st.session_state[widget_key] = chosen

    def remember() -> None:
        st.session_state[chosen_key] = st.session_state[widget_key]

    if widget is not None:  # None: embedded, no sidebar; the value still comes from the URL
        widget(options=list(options), key=widget_key, on_change=remember, **kwargs)
    if chosen == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != [chosen]:
        st.query_params[key] = chosen
    st.session_state[raw_key] = st.query_params.get_all(key)
    if bad is not None:
        st.warning(t("notice.bad_param", lang(), param=key, value=str(bad)[:40]), icon="⚠️")
    return chosen


def language_picker(show: bool = True) -> str:
    """The language switch in the sidebar (``lang=ja|en`` in the URL, Japanese by default); no widget unless ``show``."""
    widget = st.sidebar.segmented_control if show else None
    return _global_choice("lang", LANGS, DEFAULT_LANG, widget, label=t("lang.label"), required=True)


def document_picker(loaded: Loaded, show: bool = True) -> str:
    """The document shown (``doc=<document_id>`` in the URL, newest by default); a menu only when there are several."""
    ids, titles = loaded.ids, loaded.titles
    if len(ids) == 1:
        st.session_state["_chosen.doc"] = ids[0]
        return ids[0]
    widget = st.sidebar.selectbox if show else None
    return _global_choice("doc", ids, ids[0], widget, label=t("doc.label", lang()), format_func=lambda d: titles[d])


def data_dirs() -> tuple[Path, Path]:
    """data/raw and data/processed; ``BUDGET_RAW_DIR`` / ``BUDGET_OUT_DIR`` point elsewhere (tests, hosting)."""
    return Path(os.environ.get("BUDGET_RAW_DIR", RAW_DIR)), Path(os.environ.get("BUDGET_OUT_DIR", OUT_DIR))


def _raw_stamp(raw_dir: Path) -> tuple:
    with os.scandir(raw_dir) as entries:
        found = [(e.name, e.stat()) for e in entries if e.is_file() and not e.name.startswith(".")]
    return tuple(sorted((name, st.st_mtime_ns, st.st_size) for name, st in found))


@st.cache_resource(show_spinner=False, max_entries=4)
def _ensure(raw_dir: str, out_dir: str, raw_stamp: tuple) -> None:
    # Keyed by the raw files' mtimes and sizes: the sha256 check runs once per change.
    ensure_built(Path(raw_dir), Path(out_dir))


@dataclass(frozen=True)
class Loaded:
    """Every table on disk and what a rerun asks of it, read once per change of the files."""

    tables: data.Tables
    out_dir: str
    stamp: tuple
    ids: tuple[str, ...]
    titles: dict[str, str]


@st.cache_resource(show_spinner=False, max_entries=4)
def _read(out_dir: str, stamp: tuple) -> Loaded:
    # Shared and read-only, not st.cache_data: st.cache_data would unpickle a fresh copy of
    # all nine tables on every call (pyarrow string columns: ~12% of the server's CPU, py-spy).
    tables = data.read_tables(Path(out_dir))
    titles = dict(zip(tables["documents"]["document_id"], tables["documents"]["title"], strict=True))
    return Loaded(tables, out_dir, stamp, tuple(data.document_ids(tables)), titles)


def load() -> Loaded:
    """The tables, built first when missing or stale; stops the page with a message on failure.

    app.py calls this once at the start of every run; pages reuse that run's result.
    """
    raw_dir, out_dir = data_dirs()
    try:
        _ensure(str(raw_dir), str(out_dir), _raw_stamp(raw_dir))
        loaded = _read(str(out_dir), data.stamp(out_dir))
    except (LoaderError, OSError) as exc:
        st.error(t("build.failed", lang()))
        st.code(str(exc), language=None)
        st.stop()
    if not loaded.ids:
        st.error(t("build.empty", lang()))
        st.stop()
    _freeze_once()
    st.session_state["_loaded"] = loaded
    return loaded


_frozen = False


def _freeze_once() -> None:
    """Move what is alive after the first load (modules, cached tables) out of the GC's sight.

    Every rerun otherwise pays a full collection over pandas', pyarrow's and plotly's
    objects (about 110 ms of a 140 ms rerun with Streamlit's runner.postScriptGC on,
    py-spy). Frozen objects are still freed by reference counting.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def _this_run() -> Loaded:
    return st.session_state.get("_loaded") or load()


def all_tables() -> data.Tables:
    """Every table of every document (shared: do not modify)."""
    return _this_run().tables


def document_id(loaded: Loaded | None = None) -> str:
    """The document chosen in the sidebar (``doc`` in the URL), newest by default."""
    ids = (loaded or _this_run()).ids
    chosen = st.session_state.get("_chosen.doc")
    return chosen if chosen in ids else ids[0]


@st.cache_resource(show_spinner=False, max_entries=8)
def _for_document(out_dir: str, stamp: tuple, document_id: str) -> data.Tables:
    return data.for_document(_read(out_dir, stamp).tables, document_id)


def _require_router() -> None:
    """Make a page run inside app.py's navigation, even as the first request of a fresh server.

    Streamlit runs the scripts of a ``pages/`` folder on their own (its first
    multipage mode) until some session has called ``st.navigation``. A shared link
    to /treemap opened first after a restart would then miss the router: no language,
    no page config, the folder's file names as navigation. Switching that mode off
    and rerunning sends the same URL through app.py.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def tables() -> data.Tables:
    """The tables of the chosen document, as the page's own (copy-on-write) frames."""
    _require_router()
    loaded = _this_run()
    shared = _for_document(loaded.out_dir, loaded.stamp, document_id(loaded))
    # pandas 3 copy-on-write: a shallow copy shares the data until the page writes to it,
    # so a page can never change another session's tables and nothing is copied up front.
    return {name: frame.copy(deep=False) for name, frame in shared.items()}


def tables_key() -> tuple:
    """A small hashable key for caching frames derived from :func:`tables` (document and table files)."""
    loaded = _this_run()
    return document_id(loaded), loaded.stamp


def _widget_key(page: str, key: str) -> str:
    return f"{page}.{key}"


def _url_marker(page: str, specs: Sequence[Param]) -> tuple:
    own = tuple((s.key, tuple(st.query_params.get_all(s.key))) for s in specs)
    return (page, own)


def url_filters(page: str, specs: Sequence[Param]) -> dict[str, str]:
    """Seed the page's widgets from the URL; return ``key → widget key`` for the widgets.

    Seeding happens when the page is entered and whenever the URL changed from
    outside (a pasted link, Back/Forward), so a shared link reproduces the view.
    Invalid values get a notice and fall back to the default.
    """
    keys = {spec.key: _widget_key(page, spec.key) for spec in specs}
    if st.session_state.get("_url_marker") != _url_marker(page, specs):
        raw = {spec.key: st.query_params.get_all(spec.key) for spec in specs}
        values, bad = parse_all(raw, specs)
        for spec in specs:
            st.session_state[keys[spec.key]] = values[spec.key]
        st.session_state["_url_notices"] = bad
    for key, value in st.session_state.pop("_url_notices", []):
        st.warning(t("notice.bad_param", lang(), param=key, value=str(value)[:40]), icon="⚠️")
    return keys


def sync_url(page: str, specs: Sequence[Param]) -> dict[str, object]:
    """Write the widgets' values back to the URL (defaults left out); return them for CSV names."""
    values = {}
    for spec in specs:
        value = st.session_state.get(_widget_key(page, spec.key), spec.default)
        values[spec.key] = value
        encoded = serialize(spec, value)
        if encoded is None:
            if spec.key in st.query_params:
                del st.query_params[spec.key]
        elif st.query_params.get_all(spec.key) != encoded:
            st.query_params[spec.key] = encoded if spec.kind == "multi" else encoded[0]
    st.session_state["_url_marker"] = _url_marker(page, specs)
    return values


def download_csv(frame: pd.DataFrame, page: str, filters: dict[str, object], key: str = "csv") -> None:
    """A "CSV" download button for exactly ``frame`` (headers as shown on screen)."""
    st.download_button(
        t("csv.download", lang()),
        # Built only when clicked, and the click does not rerun the page.
        data=lambda: to_csv_bytes(frame),
        file_name=csv_filename(page, filters, dt.date.today()),
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )
