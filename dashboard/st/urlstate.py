"""A page's filters in the URL: widgets seeded from it, values read back, notices for bad values,
the URL rewritten from the widgets, tabs kept in the URL, and the links to other pages (built by
:mod:`dashboard.domain.urls`, carrying ``lang`` and ``doc``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from dashboard.domain import urls
from dashboard.domain.params import Param, parse_all, serialize
from dashboard.st import prose, session


def _widget_key(page: str, key: str) -> str:
    """The widget key of a page's filter, in the language shown.

    The language is part of the key: Streamlit 1.67's selectbox keeps showing the option label it
    was drawn with when ``format_func`` gives another (streamlit/streamlit#13788), so after a switch
    to English the sort of /compare still read 増減額の大きい順. A key per language draws the widgets
    anew, seeded from the URL as any missing key is (:func:`url_filters`), so no value is lost.
    """
    return f"{page}.{session.current_lang()}.{key}"


def _url_marker(page: str, specs: Sequence[Param]) -> tuple:
    own = tuple((s.key, tuple(st.query_params.get_all(s.key))) for s in specs)
    # The language too: its switch enters the page's widgets of that language (``_widget_key``),
    # seeded from the URL, never from what they held when that language was last shown.
    return (page, session.current_lang(), own)


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
    prose.notices(st.session_state.pop("_url_notices", []), session.current_lang())
    return keys


def filter_values(page: str, specs: Sequence[Param]) -> dict[str, object]:
    """The page's filter values now (``key → value``), before or after its widgets are drawn.

    Call after :func:`url_filters`, which makes sure every key exists; a key that is still
    missing reads as its default instead of raising ``KeyError`` in the visitor's page.
    """
    return {spec.key: st.session_state.get(_widget_key(page, spec.key), spec.default) for spec in specs}


#: At most this many bad URL values are named; the rest are counted.


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


def link_query(filters: Mapping[str, urls.Values] | None = None) -> dict[str, urls.Values]:
    """The query of a link to another page: ``lang`` and ``doc`` where they are not the defaults, then
    ``filters`` (:func:`dashboard.domain.urls.page_query`, the one builder)."""
    return urls.page_query(session.current_lang(), session.document_id(), session.documents()[0], filters)


def page_link(script: str, label: str, filters: Mapping[str, urls.Values] | None = None, **kwargs: object) -> None:
    """``st.page_link`` to ``script`` with :func:`link_query` (Streamlit puts a proxy's base path in front)."""
    st.page_link(script, label=label, query_params=link_query(filters) or None, **kwargs)
