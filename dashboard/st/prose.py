"""Untrusted text (documents, uploads, URLs) shown literally, never as markup; notices for bad URL values."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from dashboard.domain.format import md_code, md_literal
from dashboard.i18n import t


def plain(text: object) -> None:
    """Untrusted text (a document's, an upload's, a URL's) as plain text: never Markdown or HTML."""
    st.text("" if text is None else str(text))


def literal(text: object) -> str:
    """Untrusted text for an element that only takes Markdown (title, caption, metric label)."""
    return md_literal("" if text is None else str(text))


MAX_NOTICES = 5


def notices(bad: Sequence[tuple[str, object]], lang: str) -> None:
    """One notice per distinct bad URL value, the value shown as code (never as Markdown).

    A URL is untrusted: ``?lang=**b**[a](http://x)`` must show those characters, not
    bold text and a link. Repeats of one key and value collapse; past
    :data:`MAX_NOTICES` the rest are counted in one line.
    """
    distinct = list(dict.fromkeys((str(key)[:40], str(value)) for key, value in bad))
    for key, value in distinct[:MAX_NOTICES]:
        st.warning(t("notice.bad_param", lang, param=md_code(key, 40), value=md_code(value, 60)), icon="⚠️")
    if len(distinct) > MAX_NOTICES:
        st.warning(t("notice.more", lang, n=len(distinct) - MAX_NOTICES), icon="⚠️")
