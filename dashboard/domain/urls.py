"""Links to the current view and the ``<iframe>`` that embeds it (pure: no Streamlit).

The link is the page's URL plus its URL keys, which the page has already written to
``st.query_params`` (every filter lives in the URL). The embedded view adds Streamlit's
own ``embed=true``: Streamlit then drops its header and toolbar, and the router sees it
through ``st.context.is_embedded`` and leaves out the navigation and the sidebar. So no
key of the app's own is needed, and filters keep working inside the frame.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import quote, urlencode

#: Streamlit's own embed key; Streamlit hides it from st.query_params, so it is never in ``params``.
EMBED = ("embed", "true")


def view_link(page_url: str | None, url_path: str, params: Iterable[tuple[str, str]], embed: bool = False) -> str:
    """The URL of a view: the page's address (``st.context.url``) with its URL keys.

    Without the browser's address (a test client) the link is relative to the server root.

    >>> view_link("http://localhost:8501/priority", "priority", [("q", "サイバー")])
    'http://localhost:8501/priority?q=%E3%82%B5%E3%82%A4%E3%83%90%E3%83%BC'
    >>> view_link(None, "priority", [("section", "a"), ("section", "b")], embed=True)
    '/priority?section=a&section=b&embed=true'
    >>> view_link("https://example.org/budget", "", [])
    'https://example.org/budget'
    """
    base = page_url.rstrip("/") if page_url else "/" + url_path
    pairs = [(k, v) for k, v in params if k.lower() not in ("embed", "embed_options")]
    if embed:
        pairs.append(EMBED)
    query = urlencode(pairs, quote_via=quote)
    return f"{base}?{query}" if query else base


def iframe_snippet(src: str, title: str, height: int = 800) -> str:
    """An ``<iframe>`` element for ``src``, attribute values escaped.

    >>> iframe_snippet("/items?q=a&embed=true", 'x"y')
    '<iframe src="/items?q=a&amp;embed=true" title="x&quot;y" width="100%" height="800" style="border:0" loading="lazy"></iframe>'
    """
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'width="100%" height="{int(height)}" style="border:0" loading="lazy"></iframe>'
    )


def iframe_src(snippet: str) -> str:
    """The URL an ``<iframe>`` snippet opens (the inverse of :func:`iframe_snippet`, for tests and docs).

    >>> iframe_src(iframe_snippet("/a?x=1&embed=true", "t"))
    '/a?x=1&embed=true'
    """
    start = snippet.index('src="') + len('src="')
    return html.unescape(snippet[start : snippet.index('"', start)])
