"""Streamlit glue shared by every page: tables, language, URL notices, CSV downloads.

The only dashboard module that imports Streamlit; it holds no pandas logic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import chartimage, data, doccheck, printout, widths
from dashboard import upload as uploads
from dashboard import view as vw
from dashboard.csvout import csv_filename, neutralize, to_csv_bytes
from dashboard.format import md_code, md_literal, year_label
from dashboard.i18n import DEFAULT_LANG, LANGS, t
from dashboard.params import Param, parse_all, serialize
from loaders import LoaderError
from loaders import build as loader_build
from loaders.build import ensure_built, raw_stamp, watch_stamp

_log = logging.getLogger(__name__)
#: Lines of a loader message shown to a visitor (the server log has all of it).
_SHOWN_LINES = 12


def lang() -> str:
    """The interface language chosen in the sidebar (``lang`` in the URL).

    Every page asks for it first, so it also makes sure the page runs inside app.py's router.
    """
    _require_router()
    return _current_lang()


def _current_lang() -> str:
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
        notices([(key, bad)])
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
        "doc", ids, ids[0], widget, label=t("doc.label", _current_lang()), format_func=lambda d: titles[d]
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
            _log.warning("reading the tables in %s failed; checking them again", out_dir, exc_info=True)
            ensure_built(raw_dir, out_dir)
            loaded = _read(str(out_dir), data.stamp(out_dir))
    except Exception as exc:
        # Visitors get a short message without server paths; the full one goes to the log,
        # once per change of the sources (not once per page view: the log must not grow with traffic).
        if _first_report((str(raw_dir), str(out_dir), _raw_stamp_or_none(raw_dir), str(exc))):
            _log.error(
                "the tables in %s could not be built or read: %s",
                out_dir,
                exc,
                exc_info=not isinstance(exc, LoaderError),
            )
        message = _public(exc, raw_dir, out_dir, loader_build.ROOT)
        if message:
            st.error(t("build.failed", _current_lang()))
            st.code(message, language=None)
        else:  # not the source's fault: do not send the visitor to data/raw/
            st.error(t("build.unreadable", _current_lang()))
        st.stop()
    if not loaded.ids:
        st.error(t("build.empty", _current_lang()))
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
    lang = _current_lang()
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


def _this_run() -> Loaded:
    return st.session_state.get("_loaded") or load()


def all_tables() -> data.Tables:
    """Every table of every document (shared: do not modify)."""
    return _this_run().tables


def session_uploads() -> dict[str, uploads.Uploaded]:
    """Documents uploaded in this session (``document_id → Uploaded``), oldest first; see dashboard/upload_ui.py."""
    return st.session_state.get("_uploads") or {}


def documents(loaded: Loaded | None = None) -> tuple[tuple[str, ...], dict[str, str]]:
    """Ids and titles of the documents this session can show: the server's (newest first), then its uploads."""
    loaded = loaded or _this_run()
    own = session_uploads()
    titles = loaded.titles | {
        d: t("doc.uploaded_title", _current_lang(), title=u.title, file=u.file_name) for d, u in own.items()
    }
    return loaded.ids + tuple(own), titles


def _document_tables(loaded: Loaded, doc: str) -> tuple[data.Tables, tuple]:
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
    loaded = _this_run()
    shared, _ = _document_tables(loaded, document_id(loaded))
    # pandas 3 copy-on-write: a shallow copy shares the data until the page writes to it,
    # so a page can never change another session's tables and nothing is copied up front.
    return {name: frame.copy(deep=False) for name, frame in shared.items()}


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
    entered = st.session_state.get("_url_marker") != _url_marker(page, specs)
    # A widget's key can be gone at the start of a run although its widget was drawn in the
    # last one: Streamlit drops the state of widgets it counts as stale (a session's first
    # page runs, a page switch, a run cut short), and a rerun sent without widget states
    # (a reconnect, a script client) does not bring it back. The URL, written by sync_url at
    # the end of every run, holds the same values, so a missing key is seeded from it:
    # after this call every key exists and the page may read it before its widget is drawn.
    missing = [spec for spec in specs if keys[spec.key] not in st.session_state]
    if entered or missing:
        raw = {spec.key: st.query_params.get_all(spec.key) for spec in specs}
        values, bad = parse_all(raw, specs)
        for spec in specs if entered else missing:
            st.session_state[keys[spec.key]] = values[spec.key]
        if entered:
            st.session_state["_url_notices"] = bad
    notices(st.session_state.pop("_url_notices", []))
    return keys


def filter_values(page: str, specs: Sequence[Param]) -> dict[str, object]:
    """The page's filter values now (``key → value``), before or after its widgets are drawn.

    Call after :func:`url_filters`, which makes sure every key exists; a key that is still
    missing reads as its default instead of raising ``KeyError`` in the visitor's page.
    """
    return {spec.key: st.session_state.get(_widget_key(page, spec.key), spec.default) for spec in specs}


#: At most this many bad URL values are named; the rest are counted.
MAX_NOTICES = 5


def notices(bad: Sequence[tuple[str, object]]) -> None:
    """One notice per distinct bad URL value, the value shown as code (never as Markdown).

    A URL is untrusted: ``?lang=**b**[a](http://x)`` must show those characters, not
    bold text and a link. Repeats of one key and value collapse; past
    :data:`MAX_NOTICES` the rest are counted in one line.
    """
    distinct = list(dict.fromkeys((str(key)[:40], str(value)) for key, value in bad))
    for key, value in distinct[:MAX_NOTICES]:
        st.warning(t("notice.bad_param", _current_lang(), param=md_code(key, 40), value=md_code(value, 60)), icon="⚠️")
    if len(distinct) > MAX_NOTICES:
        st.warning(t("notice.more", _current_lang(), n=len(distinct) - MAX_NOTICES), icon="⚠️")


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


def url_tabs(value_key: str, labels: Mapping[str, str]) -> tuple[str, object]:
    """Tabs whose choice is one of the page's URL keys; returns the open tab's value and container.

    ``value_key`` is the widget key :func:`url_filters` gave the page's ``tab`` Param (its
    values are the keys of ``labels``, language-free, the first the default), so the tab
    is seeded from a pasted link, written back by :func:`sync_url` and named in the README's
    table like any filter. The tabs themselves are labelled in the page's language; a click
    reruns the page (``on_change``). The page fills only the container returned: a hidden
    tab sends nothing, so a chart page draws one tab's tables and charts, not all.
    """
    widget_key = f"_tabs.{value_key}"
    values = list(labels)
    by_label = {label: value for value, label in labels.items()}

    def chosen() -> None:
        st.session_state[value_key] = by_label.get(st.session_state.get(widget_key), values[0])

    current = st.session_state.get(value_key)
    current = current if current in labels else values[0]
    st.session_state[widget_key] = labels[current]
    tabs = dict(zip(values, st.tabs(list(labels.values()), key=widget_key, on_change=chosen), strict=True))
    return current, tabs[current]


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
            ensure_built(*data_dirs())
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
        t("csv.download", _current_lang()),
        # Built only when clicked, and the click does not rerun the page.
        data=lambda: to_csv_bytes(frame),
        file_name=csv_filename(page, filters, dt.date.today()),
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )


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
    loaded = _this_run()
    doc = document_id(loaded)
    shared, stamp = _document_tables(loaded, doc)
    name = f"{build.__module__}.{build.__qualname__}"
    return _cached_view(name, doc, stamp, filters, _current_lang(), _build=build, _tables=shared)


@st.cache_resource(show_spinner=False, max_entries=16)
def _every_document(out_dir: str, stamp: tuple, shas: tuple[str, ...], _uploads: tuple) -> data.Tables:
    return uploads.merged(_read(out_dir, stamp).tables, list(_uploads))


def every_document() -> data.Tables:
    """Every table of every document this session can show: the server's and its uploads (shared: do not modify)."""
    loaded = _this_run()
    own = tuple(session_uploads().values())
    return _every_document(loaded.out_dir, loaded.stamp, tuple(u.sha256 for u in own), _uploads=own)


def cached_view_all(build: Callable[[data.Tables, object, str], vw.View], filters: object) -> vw.View:
    """:func:`cached_view` over every document this session can show (the server's and its uploads)."""
    _require_router()
    loaded = _this_run()
    shas = tuple(u.sha256 for u in session_uploads().values())
    shared = every_document()
    name = f"{build.__module__}.{build.__qualname__}"
    return _cached_view(name, "*", (loaded.stamp, shas), filters, _current_lang(), _build=build, _tables=shared)


def link_params() -> dict[str, str]:
    """What every link to another page carries: ``lang`` and ``doc`` where they are not the defaults.

    (The router writes both back to the URL after a click anyway; a link opened in a new tab or
    copied has only its own URL.)
    """
    params = {} if _current_lang() == DEFAULT_LANG else {"lang": _current_lang()}
    ids = documents()[0]
    doc = document_id()
    if len(ids) > 1 and doc != ids[0]:
        params["doc"] = doc
    return params


def document_note(skip: bool = False) -> None:
    """With several documents, a caption naming the one on screen (title, request year vs base year)."""
    loaded = _this_run()
    ids, _ = documents(loaded)
    if skip:
        return
    doc = document_id(loaded)
    row = _document_tables(loaded, doc)[0]["documents"].iloc[0]
    tables = _document_tables(loaded, doc)[0]
    warning = doccheck.header_years_warning(tables["parse_log"], tables["documents"], _current_lang())
    if len(ids) < 2:
        # One document: the screen does not name it, a printout must (escaped, print-only).
        st.html(printout.note_html(_print_document(row)))
        if warning:
            st.warning(warning, icon=":material/event_busy:")
        return
    text = t(
        "doc.on_screen",
        _current_lang(),
        title=literal(row["title"]),
        request=year_label(row["request_year_label"], row["request_fiscal_year"], _current_lang()),
        base=year_label(row["base_year_label"], row["base_fiscal_year"], _current_lang()),
    )
    if doc in session_uploads():
        text += " " + t("doc.uploaded_note", _current_lang())
    st.caption(text)
    if warning:
        st.warning(warning, icon=":material/event_busy:")


def _print_document(row: pd.Series) -> str:
    lang = _current_lang()
    return t(
        "print.document",
        lang,
        title=row["title"],
        request=year_label(row["request_year_label"], row["request_fiscal_year"], lang),
        base=year_label(row["base_year_label"], row["base_fiscal_year"], lang),
    )


def print_stylesheet() -> None:
    """The app's print stylesheet (our constant text, no document's), once per run from the router."""
    st.html(printout.PRINT_CSS)


def _column_config(kind: str, help: str | None = None, width: int | None = None, pinned: bool | None = None):
    column = st.column_config
    size = {"help": help, "width": width, "pinned": pinned}
    return {
        vw.AMOUNT: lambda: column.NumberColumn(format="localized", **size),
        # Shown as signed text (vw.display): right-aligned like the other figures.
        vw.SIGNED: lambda: column.TextColumn(alignment="right", **size),
        vw.PCT: lambda: column.TextColumn(alignment="right", **size),
        vw.SHARE: lambda: column.ProgressColumn(format="%.1f%%", min_value=0, max_value=100, **size),
        vw.INT: lambda: column.NumberColumn(format="%d", **size),
        vw.SCORE: lambda: column.NumberColumn(format="%.3f", **size),
        vw.TEXT: lambda: column.TextColumn(**size),
        vw.LONG_TEXT: lambda: column.TextColumn(**size),
        vw.LINK: lambda: column.LinkColumn(**size),
    }[kind]()


def _header_help(header: str, help: str | None, cut: bool, name: bool, lang: str) -> str | None:
    """A column's tooltip: its own help, the whole header when the column cuts it, how to read a cut name."""
    parts = [literal(header)] if cut else []
    if help:
        parts.append(help)
    if name:
        parts.append(t("grid.name_help", lang))
    return "\n\n".join(parts) or None


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the grid shows it: text cells a spreadsheet would run as a formula get a leading '.

    The grid's own toolbar offers "Download as CSV" of what it shows, and Streamlit has no
    switch to turn that off, so the protection of :func:`dashboard.csvout.to_csv_bytes` is
    applied to the displayed cells too (numbers are untouched; a name never starts with =).
    """
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    risky = [c for c in text if frame[c].map(lambda v: neutralize(v) is not v).any()]
    if not risky and not any(neutralize(str(c)) != str(c) for c in frame.columns):
        return frame
    safe = frame.copy()
    for column in risky:
        safe[column] = safe[column].map(neutralize)
    safe.columns = [neutralize(str(c)) for c in safe.columns]
    return safe


# --- one guard for the websocket's message size ---------------------------------------------


def message_budget() -> int:
    """Bytes one table or chart may take in a message: half of ``server.maxMessageSize``.

    Streamlit sends each element as one websocket message and refuses one over the limit
    with ``MessageSizeError`` shown to the visitor (a 100,000-line upload's treemap: 32.6 MB).
    Half leaves room for the element's own framing and the grid's column settings.
    """
    return int(st.get_option("server.maxMessageSize")) * 1024 * 1024 // 2


def payload_bytes(frame: pd.DataFrame) -> int:
    """What a frame weighs in memory, strings included: an upper bound of its Arrow message (pandas deep)."""
    return int(frame.memory_usage(deep=True, index=True).sum())


def fitting_rows(frame: pd.DataFrame, budget: int) -> int:
    """How many of the frame's first rows fit in ``budget`` bytes (all of them when it fits; at least one)."""
    size = payload_bytes(frame)
    if size <= budget or len(frame) <= 1:
        return len(frame)
    rows = max(1, len(frame) * budget // size)
    while rows > 1 and payload_bytes(frame.head(rows)) > budget:
        rows = max(1, rows * 9 // 10)
    return rows


def _figure_bytes(figure) -> int:
    # Measured once per figure (the views are cached and shared, so a figure is drawn many times).
    size = getattr(figure, "_message_bytes", None)
    if size is None:
        size = len(figure.to_json())
        with contextlib.suppress(Exception):  # a figure that refuses new attributes: measured again next time
            figure._message_bytes = size
    return size


def table(table: vw.Table, key: str | None = None, **dataframe_kwargs) -> object:
    """Show a :class:`~dashboard.view.Table` (formats by column kind) and its CSV button under it.

    Missing figures show as a dash (never None or nan). A table too big for one websocket
    message (:func:`message_budget`) shows its first rows with a notice; its CSV has every row.
    """
    lang = _current_lang()
    frame = shown(vw.display(table, lang))
    rows = fitting_rows(frame, message_budget())
    if rows < len(frame):
        st.info(t("guard.rows", lang, shown=f"{rows:,}", total=f"{len(frame):,}"), icon="✂️")
        frame = frame.head(rows)
    dataframe_kwargs.setdefault("placeholder", widths.PLACEHOLDER)
    # Sized to what the columns show (dashboard/widths.py): no figure cut, amounts first.
    kinds = {neutralize(str(c)): table.kind(c) for c in table.frame.columns}
    grid = widths.layout(frame, kinds, selectable="selection_mode" in dataframe_kwargs)
    config = {
        column: _column_config(
            kinds[column],
            _header_help(column, table.helps.get(column), column in grid.cut_headers, column == grid.name, lang),
            grid.widths[column],
            column in grid.pinned,
        )
        for column in frame.columns
    }
    result = st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config=config,
        column_order=grid.order,
        key=key,
        **dataframe_kwargs,
    )
    # The grid is a canvas, never text on paper: its print-only copy (see dashboard/printout.py).
    st.html(printout.table_html(table, lang))
    if table.csv:
        # The CSV's columns in the grid's order ("headers as on screen").
        in_grid_order = table.frame.iloc[:, [list(frame.columns).index(c) for c in grid.order]]
        download_csv(in_grid_order, table.csv, table.csv_filters, key=f"csv.{key or table.csv}")
    return result


def plain(text: object) -> None:
    """Untrusted text (a document's, an upload's, a URL's) as plain text: never Markdown or HTML."""
    st.text("" if text is None else str(text))


def literal(text: object) -> str:
    """Untrusted text for an element that only takes Markdown (title, caption, metric label)."""
    return md_literal("" if text is None else str(text))


# --- charts: drawn after the tables -------------------------------------------------------

#: How long the first chart of a browser tab is held back after the rest of its page.
#: Streamlit loads Plotly's 4.7 MB chunk when a tab's first chart element mounts, and its
#: evaluation holds the browser's main thread for 0.7-1.2 s; sent with the page, it keeps
#: every table and CSV button a skeleton until it is done. Held back this long, the grids
#: (whose own chunk takes ~0.4 s to load and draw) are on screen first, and the chart is
#: drawn when it would have been anyway (measured in BENCHMARKS.md, section 6).
FIRST_CHART_HOLD_S = 0.4


@dataclass(frozen=True)
class ChartSlot:
    """A chart's place on the page, reserved at its height, drawn by :func:`draw_charts`."""

    box: object
    figure: object
    key: str
    filters: Mapping[str, object] | None = None


def chart_slot(figure, key: str, filters: Mapping[str, object] | None = None) -> ChartSlot:
    """Reserve ``figure``'s place here (a box of its height, so nothing below jumps when it comes).

    ``key`` and ``filters`` also name the chart's PNG download (as the CSVs are named).
    """
    height = int(figure.layout.height or 450) + 8
    return ChartSlot(st.container(height=height, border=False), figure, key, filters)


def chart_hold_seconds(user_agent: str, chart_sent: bool) -> float:
    """How long to hold back a page's charts: :data:`FIRST_CHART_HOLD_S` for the first chart of a
    browser tab (not AppTest or a script client, whose agents do not start with ``Mozilla/``), else 0.

    >>> chart_hold_seconds("Mozilla/5.0 (X11; Linux x86_64)", chart_sent=False)
    0.4
    >>> chart_hold_seconds("Mozilla/5.0 (X11; Linux x86_64)", chart_sent=True)
    0.0
    >>> chart_hold_seconds("Python/3.11 websockets/17.4", chart_sent=False)
    0.0
    """
    return FIRST_CHART_HOLD_S if (user_agent or "").startswith("Mozilla/") and not chart_sent else 0.0


def draw_charts(*slots: ChartSlot) -> None:
    """Draw the page's reserved charts, as the last thing the page sends.

    Each chart has a stable key, so a rerun that changes a filter updates it in place and an
    unchanged figure is not sent again. The first chart of a browser tab is held back
    :data:`FIRST_CHART_HOLD_S` (see there); later ones are not: Plotly is loaded by then.
    """
    if not slots:
        return
    hold = chart_hold_seconds(st.context.headers.get("User-Agent") or "", bool(st.session_state.get("_chart_sent")))
    if hold:
        time.sleep(hold)
    budget = message_budget()
    for slot in slots:
        if _figure_bytes(slot.figure) > budget:
            slot.box.info(t("guard.chart", _current_lang()), icon="✂️")
            continue
        config = chartimage.chart_config(slot.key, slot.filters or {}, _current_lang(), dt.date.today())
        slot.box.plotly_chart(slot.figure, width="stretch", key=slot.key, config=config)
    st.session_state["_chart_sent"] = True
