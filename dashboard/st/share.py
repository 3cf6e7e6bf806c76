"""The Share control (共有 / Share) the router puts on every page, and the embedded mode.

Kept apart from :mod:`dashboard.st.session` so every page gets it without a page file changing;
the links themselves are built by :mod:`dashboard.domain.urls` (pure), with ``lang`` and ``doc``
as every link has them and a proxy's base path kept.
"""

from __future__ import annotations

import streamlit as st

from dashboard.domain.urls import app_root, current_filters, iframe_snippet, page_url
from dashboard.i18n import t
from dashboard.st import session
from dashboard.uploads.store import is_upload


def is_embedded() -> bool:
    """True when the URL has Streamlit's ``embed=true`` (hidden from st.query_params; read from st.context)."""
    return bool(st.context.is_embedded)


def _params() -> list[tuple[str, str]]:
    return [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]


def share_control(page, lang: str) -> None:
    """A 共有 / Share popover at the top right: the link of this view and the ``<iframe>`` of its embedded view.

    Drawn before the page runs (a page may ``st.stop()``), so it reads the URL the
    previous run left; opening it reruns (``on_change="rerun"``) and only then fills
    it, so the link always has the filters as they are now. Query values appear in
    ``st.code`` only, never as Markdown.
    """
    with st.container(horizontal=True, horizontal_alignment="right"):
        popover = st.popover(
            t("share.label", lang),
            icon=":material/share:",
            help=t("share.help", lang),
            type="tertiary",
            key="_share",
            on_change="rerun",
        )
    if not popover.open:
        return
    doc, documents = session.document_id(), session.documents()[0]
    root, filters = app_root(st.context.url, page.url_path), current_filters(_params())
    link = page_url(root, page.url_path, lang, doc, documents, filters)
    embedded = page_url(root, page.url_path, lang, doc, documents, filters, embed=True)
    with popover:
        if is_upload(doc):
            st.warning(t("up.share_note", lang), icon=":material/link_off:")
        st.caption(t("share.link", lang))
        st.code(link, language=None, wrap_lines=True)
        st.caption(t("share.embed", lang))
        st.code(iframe_snippet(embedded, page.title), language="html", wrap_lines=True)
        st.link_button(t("share.embed_link", lang), embedded, icon=":material/open_in_new:")
