"""The one URL builder: links between pages, the current view's link, the ``<iframe>`` (pure: no Streamlit).

Every link carries ``lang`` and ``doc`` where they are not the defaults (:func:`link_params`), then
the filter values as the URL writes them; behind a proxy the app's base path (Streamlit's
``server.baseUrlPath``) stays in front. :func:`page_query` is what ``st.page_link`` gets (Streamlit adds
the base path itself); :func:`page_url` is a whole link (the Share control, the data package's URLs).
The embedded view adds Streamlit's own ``embed=true``: Streamlit then drops its header and
toolbar, and the router sees it through ``st.context.is_embedded`` and leaves out the navigation
and the sidebar. So no key of the app's own is needed, and filters keep working inside the frame.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote, urlencode

from dashboard.i18n import DEFAULT_LANG

#: Streamlit's own embed key; Streamlit hides it from st.query_params, so it is never in ``params``.
EMBED = ("embed", "true")
#: The keys the router owns on every page (the language and the document).
ROUTER_KEYS = ("lang", "doc")

#: A filter's URL value(s): one value or several (a repeatable key).
Values = str | Sequence[str]


def link_params(lang: str, doc: str | None, documents: Sequence[str]) -> dict[str, str]:
    """What every link carries: ``lang`` and ``doc`` where they are not the defaults (Japanese; the
    newest document, first of ``documents``). The router writes both back to the URL after a click
    anyway; a link opened in a new tab or copied has only its own URL.

    >>> link_params("en", "r7", ["r7", "r6"]), link_params("ja", "r6", ["r7", "r6"]), link_params("ja", "r6", ["r6"])
    ({'lang': 'en'}, {'doc': 'r6'}, {})
    """
    params = {} if lang == DEFAULT_LANG else {"lang": lang}
    if doc and len(documents) > 1 and doc != documents[0]:
        params["doc"] = doc
    return params


def page_query(
    lang: str, doc: str | None, documents: Sequence[str], filters: Mapping[str, Values] | None = None
) -> dict[str, Values]:
    """The query of a link to a page: :func:`link_params`, then the filter values (empty ones left out).

    A filter never overrides ``lang`` or ``doc``: those are the router's.

    >>> page_query("en", "r6", ["r7", "r6"], {"section": ["gx-energy", "startups"], "q": "", "lang": "ja"})
    {'lang': 'en', 'doc': 'r6', 'section': ['gx-energy', 'startups']}
    """
    query: dict[str, Values] = dict(link_params(lang, doc, documents))
    for key, value in (filters or {}).items():
        if key in ROUTER_KEYS or value in (None, "", [], ()):
            continue
        query[key] = value if isinstance(value, str) else [str(v) for v in value]
    return query


def _pairs(query: Mapping[str, Values] | Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    items = query.items() if isinstance(query, Mapping) else query
    pairs = []
    for key, value in items:
        pairs += [(key, value)] if isinstance(value, str) else [(key, v) for v in value]
    return pairs


def page_url(
    base: str | None,
    url_path: str,
    lang: str,
    doc: str | None,
    documents: Sequence[str],
    filters: Mapping[str, Values] | None = None,
    embed: bool = False,
) -> str:
    """A whole link to a page: ``base`` (the app's root URL or its base path behind a proxy; :func:`app_root`),
    the page's ``url_path``, then :func:`page_query`.

    >>> page_url("https://example.org/budget", "priority", "en", "r7", ["r7"], {"q": "サイバー"})
    'https://example.org/budget/priority?lang=en&q=%E3%82%B5%E3%82%A4%E3%83%90%E3%83%BC'
    >>> page_url("/budget/", "", "ja", "r6", ["r7", "r6"], embed=True), page_url("", "", "en", None, [])
    ('/budget?doc=r6&embed=true', '/?lang=en')
    >>> page_url(None, "items", "ja", None, [], {"section": ["a", "b"]})
    '/items?section=a&section=b'
    """
    root = (base or "").rstrip("/")
    return view_link(f"{root}/{url_path}", url_path, _pairs(page_query(lang, doc, documents, filters)), embed)


def app_root(page_url: str | None, url_path: str) -> str:
    """The app's root URL from a page's URL (``st.context.url``), without a trailing slash: behind a
    proxy it keeps the base path.

    >>> app_root("http://localhost:8501/data", "data")
    'http://localhost:8501'
    >>> app_root("https://example.org/budget/data", "data")
    'https://example.org/budget'
    >>> app_root("https://example.org/budget/", "")
    'https://example.org/budget'
    >>> app_root(None, "data")
    ''
    """
    if not page_url:
        return ""
    root = page_url.split("?", 1)[0].rstrip("/")
    if url_path and root.endswith("/" + url_path):
        root = root[: -len(url_path) - 1]
    return root


def current_filters(params: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """A URL's ``(key, value)`` pairs without the router's keys and Streamlit's embed: the page's own filters.

    >>> current_filters([("lang", "en"), ("q", "a"), ("section", "x"), ("section", "y"), ("embed", "true")])
    {'q': ['a'], 'section': ['x', 'y']}
    """
    out: dict[str, list[str]] = {}
    for key, value in params:
        if key not in ROUTER_KEYS and key.lower() not in ("embed", "embed_options"):
            out.setdefault(key, []).append(value)
    return out


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
    base = (page_url.rstrip("/") or "/") if page_url else "/" + url_path
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
