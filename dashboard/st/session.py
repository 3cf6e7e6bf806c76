"""The session's data: language and document choice, loading and building the tables, cached views.

Everything a page reads goes through here: :func:`lang`, :func:`tables`, :func:`cached_view`.
The session keys this module owns (``_chosen.*``, ``_loaded``, ``_uploads``) are read and written
only here; other modules call :func:`choose_document` and :func:`log`.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dashboard.domain import contract as vw
from dashboard.domain import data
from dashboard.domain.format import md_code
from dashboard.i18n import DEFAULT_LANG, LANGS, t
from dashboard.st import prose
from dashboard.uploads import store as uploads
from loaders import LoaderError
from loaders import build as loader_build
from loaders.build import ensure_built, raw_stamp, watch_stamp

log = logging.getLogger(__name__)
#: Lines of a loader message shown to a visitor (the server log has all of it).
_SHOWN_LINES = 12


def lang() -> str:
    """The interface language chosen in the sidebar (``lang`` in the URL).

    Every page asks for it first, so it also makes sure the page runs inside app.py's router.
    """
    _require_router()
    return current_lang()


def current_lang() -> str:
    # The router's own calls (notices, pickers) must not rerun: they read the language plainly.
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
        prose.notices([(key, bad)], current_lang())
    return chosen


def language_picker(show: bool = True) -> str:
    """The language switch in the sidebar (``lang=ja|en`` in the URL, Japanese by default); no widget unless ``show``."""
    widget = st.sidebar.segmented_control if show else None
    return _global_choice("lang", LANGS, DEFAULT_LANG, widget, label=t("lang.label"), required=True)


def document_picker(loaded: Loaded, show: bool = True) -> str:
    """The document shown (``doc=<document_id>`` in the URL, newest by default); a menu only when there are several."""
    ids, titles = documents(loaded)
    if len(ids) == 1:
        st.session_state["_chosen.doc"] = ids[0]
        return ids[0]
    widget = st.sidebar.selectbox if show else None
    return _global_choice(
        "doc", ids, ids[0], widget, label=t("doc.label", current_lang()), format_func=lambda d: titles[d]
    )


def data_dirs() -> tuple[Path, Path]:
    """data/raw and data/processed; ``BUDGET_RAW_DIR`` / ``BUDGET_OUT_DIR`` point elsewhere (tests, hosting)."""
    return loader_build.data_dirs()


@st.cache_resource(show_spinner=False, max_entries=4)
def _ensure(raw_dir: str, out_dir: str, raw_key: tuple, out_key: tuple, watch_key: tuple) -> None:
    # Keyed by the raw files' and the tables' mtimes and sizes, the tables' manifest and the
    # data package's files: the freshness check (sha256 of sources, tables and package files)
    # runs once per change, and a table, the manifest or a package file deleted or damaged
    # while the server runs changes a key, so the next rerun checks again and rebuilds.
    ensure_built(Path(raw_dir), Path(out_dir))


def _public(exc: Exception, *dirs: Path) -> str:
    """A loader message for visitors: file names without server folders, and not too long."""
    if not isinstance(exc, LoaderError):
        return ""  # an OSError or pyarrow message says little to a visitor and names server paths
    text = str(exc)
    for folder in sorted({str(d) for d in dirs} | {str(d.resolve()) for d in dirs}, key=len, reverse=True):
        folder = folder.rstrip("/\\")
        text = text.replace(folder + "/", "").replace(folder + "\\", "").replace(folder, Path(folder).name)
    lines = text.splitlines()
    if len(lines) > _SHOWN_LINES:
        lines = [*lines[: _SHOWN_LINES - 1], f"… ({len(lines) - _SHOWN_LINES + 1} more lines in the server log)"]
    return "\n".join(line[:300] for line in lines)


@dataclass(frozen=True)
class Loaded:
    """Every table on disk and what a rerun asks of it, read once per change of the files."""

    tables: data.Tables
    out_dir: str
    stamp: tuple
    ids: tuple[str, ...]
    titles: dict[str, str]
    #: Sources in the raw folder the last build could not load: (file name, first error line, kept).
    failures: tuple[tuple[str, str, bool], ...] = ()


@st.cache_resource(show_spinner=False, max_entries=4)
def _read(out_dir: str, stamp: tuple) -> Loaded:
    # Shared and read-only, not st.cache_data: st.cache_data would unpickle a fresh copy of
    # all nine tables on every call (pyarrow string columns: ~12% of the server's CPU, py-spy).
    tables = data.read_tables(Path(out_dir))
    titles = dict(zip(tables["documents"]["document_id"], tables["documents"]["title"], strict=True))
    failures = tuple(
        (name, (str(note.get("message") or "").splitlines() or [""])[0], bool(note.get("kept")))
        for name, note in sorted(loader_build.source_failures(Path(out_dir)).items())
    )
    return Loaded(tables, out_dir, stamp, tuple(data.document_ids(tables)), titles, failures)


def load() -> Loaded:
    """The tables, built first when missing or stale; stops the page with a message on failure.

    app.py calls this once at the start of every run; pages reuse that run's result.
    """
    raw_dir, out_dir = data_dirs()
    try:
        try:
            _ensure(str(raw_dir), str(out_dir), raw_stamp(raw_dir), data.stamp(out_dir), watch_stamp(out_dir))
            loaded = _read(str(out_dir), data.stamp(out_dir))
        except LoaderError:
            raise
        except Exception:
            # A table that cannot be read (damaged after the freshness check, or a race with
            # a rebuild): check again, which rebuilds it, then read once more.
            log.warning("reading the tables in %s failed; checking them again", out_dir, exc_info=True)
            ensure_built(raw_dir, out_dir)
            loaded = _read(str(out_dir), data.stamp(out_dir))
    except Exception as exc:
        # Visitors get a short message without server paths; the full one goes to the log,
        # once per change of the sources (not once per page view: the log must not grow with traffic).
        if _first_report((str(raw_dir), str(out_dir), _raw_stamp_or_none(raw_dir), str(exc))):
            log.error(
                "the tables in %s could not be built or read: %s",
                out_dir,
                exc,
                exc_info=not isinstance(exc, LoaderError),
            )
        message = _public(exc, raw_dir, out_dir, loader_build.ROOT)
        if message:
            st.error(t("build.failed", current_lang()))
            st.code(message, language=None)
        else:  # not the source's fault: do not send the visitor to data/raw/
            st.error(t("build.unreadable", current_lang()))
        st.stop()
    if not loaded.ids:
        st.error(t("build.empty", current_lang()))
        st.stop()
    _freeze_once()
    source_notices(loaded)
    st.session_state["_loaded"] = loaded
    return loaded


_reported: dict[tuple, None] = {}


def _raw_stamp_or_none(raw_dir: Path) -> tuple | None:
    try:
        return raw_stamp(raw_dir)
    except OSError:
        return None


def _first_report(key: tuple) -> bool:
    """True the first time this failure is met in this process (the last few remembered)."""
    if key in _reported:
        return False
    _reported[key] = None
    while len(_reported) > 16:
        del _reported[next(iter(_reported))]
    return True


def source_notices(loaded: Loaded) -> None:
    """One notice per source the last build could not load: its file and first error (file:line), never markup."""
    lang = current_lang()
    for name, message, kept in loaded.failures:
        after = t("build.source_failed.kept" if kept else "build.source_failed.skipped", lang)
        text = t("build.source_failed", lang, file=md_code(name, 80), message=md_code(message, 200))
        st.warning(f"{text} {after}", icon="⚠️")


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


def this_run() -> Loaded:
    return st.session_state.get("_loaded") or load()


def all_tables() -> data.Tables:
    """Every table of every document (shared: do not modify)."""
    return this_run().tables


def session_uploads() -> dict[str, uploads.Uploaded]:
    """Documents uploaded in this session (``document_id → Uploaded``), oldest first; see dashboard/st/upload.py."""
    return st.session_state.get("_uploads") or {}


def uploads_restored() -> bool:
    """Whether this session's uploads were set (restored from the browser's store or added) yet."""
    return "_uploads" in st.session_state


def set_session_uploads(own: dict[str, uploads.Uploaded]) -> None:
    """Replace this session's uploads (``document_id → Uploaded``, oldest first): dashboard/st/upload.py's only write."""
    st.session_state["_uploads"] = own


def choose_document(document_id: str | None) -> None:
    """Show ``document_id`` from the next run on (the picker writes ``doc=`` to the URL); None: the newest."""
    if document_id is None:
        st.session_state.pop("_chosen.doc", None)
    else:
        st.session_state["_chosen.doc"] = document_id


def documents(loaded: Loaded | None = None) -> tuple[tuple[str, ...], dict[str, str]]:
    """Ids and titles of the documents this session can show: the server's (newest first), then its uploads."""
    loaded = loaded or this_run()
    own = session_uploads()
    titles = loaded.titles | {
        d: t("doc.uploaded_title", current_lang(), title=u.title, file=u.file_name) for d, u in own.items()
    }
    return loaded.ids + tuple(own), titles


def document_tables(loaded: Loaded, doc: str) -> tuple[data.Tables, tuple]:
    """One document's shared tables and their cache stamp (an upload's: its sha256, never another session's)."""
    own = session_uploads().get(doc)
    if own is not None:
        return own.tables, own.stamp
    return _for_document(loaded.out_dir, loaded.stamp, doc), loaded.stamp


def document_id(loaded: Loaded | None = None) -> str:
    """The document chosen in the sidebar (``doc`` in the URL), newest by default."""
    ids = documents(loaded)[0]
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
    loaded = this_run()
    shared, _ = document_tables(loaded, document_id(loaded))
    # pandas 3 copy-on-write: a shallow copy shares the data until the page writes to it,
    # so a page can never change another session's tables and nothing is copied up front.
    return {name: frame.copy(deep=False) for name, frame in shared.items()}


# --- the page contract: one cache scheme, one way to show a table and untrusted text ---------


@st.cache_resource(show_spinner=False, max_entries=256)
def _cached_view(builder: str, document_id: str, stamp: tuple, filters: object, lang: str, _build, _tables) -> vw.View:
    # Shared and read-only (st.cache_data would pickle figures and frames on every hit).
    # Keyed by the builder's name, the document, the table files, the filters (a frozen
    # dataclass) and the language; the builder and the tables themselves are not hashed.
    return _build(_tables, filters, lang)


def cached_view(build: Callable[[data.Tables, object, str], vw.View], filters: object) -> vw.View:
    """``build(tables, filters, lang)`` for the chosen document, computed once per key for every session.

    The one cache-key scheme of the app: builder, document, table files, filters, language.
    ``build`` must treat the tables as read-only (they are shared).
    """
    _require_router()
    loaded = this_run()
    doc = document_id(loaded)
    shared, stamp = document_tables(loaded, doc)
    name = f"{build.__module__}.{build.__qualname__}"
    return _cached_view(name, doc, stamp, filters, current_lang(), _build=build, _tables=shared)


@st.cache_resource(show_spinner=False, max_entries=16)
def _every_document(out_dir: str, stamp: tuple, shas: tuple[str, ...], _uploads: tuple) -> data.Tables:
    return uploads.merged(_read(out_dir, stamp).tables, list(_uploads))


def every_document() -> data.Tables:
    """Every table of every document this session can show: the server's and its uploads (shared: do not modify)."""
    loaded = this_run()
    own = tuple(session_uploads().values())
    return _every_document(loaded.out_dir, loaded.stamp, tuple(u.sha256 for u in own), _uploads=own)


def cached_view_all(
    build: Callable[[data.Tables, object, str], vw.View], filters: object, with_uploads: bool = True
) -> vw.View:
    """:func:`cached_view` over every document this session can show (the server's and its uploads;
    the server's only with ``with_uploads=False``: what the open-data package holds)."""
    _require_router()
    loaded = this_run()
    if not with_uploads:
        name = f"{build.__module__}.{build.__qualname__}"
        return _cached_view(name, "server", loaded.stamp, filters, current_lang(), _build=build, _tables=loaded.tables)
    shas = tuple(u.sha256 for u in session_uploads().values())
    shared = every_document()
    name = f"{build.__module__}.{build.__qualname__}"
    return _cached_view(name, "*", (loaded.stamp, shas), filters, current_lang(), _build=build, _tables=shared)
