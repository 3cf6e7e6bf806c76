"""The sidebar's "load a summary" box: upload → the loader → a document of this browser only.

Where an upload lives: :func:`dashboard.st.session.session_uploads` (``document_id → Uploaded``), which
:mod:`dashboard.st.session` adds to the server's documents for this session only. Streamlit starts
a new session on a page reload (session state is per websocket connection), so the uploads
are also kept in server memory (:class:`dashboard.uploads.store.BrowserStore`) under a random
token held in a browser session cookie: the reload's new session reads the cookie
(``st.context.cookies``, read-only, sent with the connection) and finds them again.
Streamlit has no API to write a cookie, so the page sets it with a line of JavaScript
(the token only: random URL-safe characters, no document text). Nothing is written to
``data/processed/`` or ``static/``; the loader's temporary copy of the bytes is deleted
as soon as it has parsed them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import streamlit as st

from dashboard.domain.format import md_code
from dashboard.i18n import t
from dashboard.st import prose, session
from dashboard.uploads import store as up
from loaders import LoaderError

COOKIE = "budget_uploads"
_STORE = up.BrowserStore()


#: What an upload token looks like (secrets.token_urlsafe): nothing else reaches the cookie script.
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")


def _token() -> str | None:
    token = st.session_state.get("_upload.token")
    if token is None:
        try:
            token = st.context.cookies.get(COOKIE)
        except Exception:  # no browser connection (AppTest, bare mode)
            token = None
        if not isinstance(token, str) or not TOKEN.fullmatch(token):  # the browser's cookie: ignore a forged one
            token = None
        st.session_state["_upload.token"] = token
    return token


def restore() -> None:
    """Before the document picker: this browser's uploads back in a new session (after a reload),
    and a link naming another browser's upload says why it shows the default document."""
    if not session.uploads_restored():  # this browser's uploads, back from the store (cookie token)
        session.set_session_uploads({u.document_id: u for u in _STORE.get(_token())})
    asked = st.query_params.get("doc")
    if asked and up.is_upload(asked) and asked not in session.session_uploads():
        st.session_state["_upload.foreign"] = asked
        del st.query_params["doc"]
    foreign = st.session_state.get("_upload.foreign")
    if foreign and "doc" not in st.query_params:  # said until another document is picked
        st.info(t("up.link_note", session.lang(), doc=md_code(foreign, 40)), icon=":material/link_off:")
    elif foreign:
        del st.session_state["_upload.foreign"]


def _add(uploaded: up.Uploaded) -> None:
    own = dict(session.session_uploads())
    own.pop(uploaded.document_id, None)
    own[uploaded.document_id] = uploaded
    while len(own) > up.MAX_PER_BROWSER:
        own.pop(next(iter(own)))
    session.set_session_uploads(own)
    token = _token() or up.BrowserStore.new_token()
    st.session_state["_upload.token"] = token
    _STORE.put(token, uploaded)
    session.choose_document(uploaded.document_id)  # show it: the picker writes doc= to the URL


def _remove(document_id: str) -> None:
    own = dict(session.session_uploads())
    own.pop(document_id, None)
    session.set_session_uploads(own)
    _STORE.remove(_token(), document_id)
    if session.document_id() == document_id:
        session.choose_document(None)


def served_over_https(headers: Mapping[str, str], url: str | None) -> bool:
    """True when the browser reached the page over HTTPS: the proxy's ``X-Forwarded-Proto``
    (its first value: the hop nearest the browser) or the page's own URL says so.

    >>> served_over_https({"x-forwarded-proto": "https, http"}, "http://replica:8501/")
    True
    """
    proto = next((v for k, v in headers.items() if k.lower() == "x-forwarded-proto"), "") or ""
    return proto.split(",")[0].strip().lower() == "https" or (url or "").lower().startswith("https://")


def cookie_script(token: str, secure: bool) -> str:
    """The script that stores the upload token: a session cookie (no expiry), this site only,
    ``Secure`` over HTTPS (said by the request, or by the page's own ``location`` when a proxy
    before nginx ended TLS). Not HttpOnly: it is written by script (README, "uploads")."""
    if not TOKEN.fullmatch(token):
        raise ValueError("not an upload token")
    flag = "true" if secure else "location.protocol === 'https:'"
    return (
        f"<script>document.cookie = '{COOKIE}={token}; path=/; SameSite=Strict' + ({flag} ? '; Secure' : '');</script>"
    )


def _set_cookie(token: str) -> None:
    try:
        secure = served_over_https(st.context.headers, st.context.url)
    except Exception:  # no browser connection (AppTest, bare mode)
        secure = False
    st.html(cookie_script(token, secure), unsafe_allow_javascript=True, width="content")


def _receive(lang: str) -> None:
    file = st.file_uploader(t("up.label", lang), key="_upload.file", max_upload_size=up.MAX_SOURCE_MB)
    # The widget refuses a bigger file in the browser with only a red mark and a tooltip; say it in words.
    st.caption(t("up.too_big", lang))
    if file is None:  # nothing in the box (or the user cleared it): no message about a file
        for key in ("_upload.done", "_upload.error", "_upload.last"):
            st.session_state.pop(key, None)
        return
    if st.session_state.get("_upload.done") == file.file_id:
        return  # parsed already on an earlier run
    st.session_state["_upload.done"] = file.file_id
    st.session_state.pop("_upload.error", None)
    try:
        uploaded = up.parse_upload(file.getvalue(), file.name)
    except LoaderError as exc:
        st.session_state["_upload.error"] = str(exc)
        return
    except Exception:  # never a traceback for a visitor's file
        session.log.exception("an upload could not be loaded")
        st.session_state["_upload.error"] = f"{up.safe_name(file.name)}: could not be read as a summary"
        return
    _add(uploaded)
    st.session_state["_upload.last"] = uploaded.document_id
    st.rerun()  # the picker and the navigation (/years) now include it


def sidebar(lang: str) -> None:
    """The expander in the sidebar: what an upload is, the uploader, errors, this browser's uploads."""
    own = session.session_uploads()
    with st.sidebar.expander(t("up.heading", lang), icon=":material/upload_file:", expanded=bool(own)):
        st.caption(t("up.intro", lang) + " " + t("up.keep", lang))
        _receive(lang)
        error = st.session_state.get("_upload.error")
        if error:
            st.error(t("up.failed", lang))
            st.code(error, language=None, wrap_lines=True)
        for doc, uploaded in list(own.items()):
            st.divider()
            if st.session_state.get("_upload.last") == doc:
                st.success(t("up.loaded", lang, title=prose.literal(uploaded.title)), icon=":material/check:")
            prose.plain(f"{uploaded.title}\n{uploaded.file_name} · sha256 {uploaded.sha256[:12]}…")
            if uploaded.warnings:
                st.caption(t("up.warnings", lang, n=len(uploaded.warnings)))
            c1, c2 = st.columns([3, 2])
            c1.download_button(
                t("up.package", lang),
                data=lambda u=uploaded: up.package_zip(u),
                file_name=f"{doc}_datapackage.zip",
                mime="application/zip",
                key=f"_upload.zip.{doc}",
                icon=":material/download:",
                on_click="ignore",
            )
            if c2.button(t("up.remove", lang), key=f"_upload.remove.{doc}"):
                _remove(doc)
                st.rerun()
        token = st.session_state.get("_upload.token")
        if own and token:
            _set_cookie(token)
