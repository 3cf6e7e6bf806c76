"""English mode: no Japanese interface text on any page, and one English term per concept.

Project and document names stay as printed (they are the source's); the glossary and
data pages, which map the document's words to English, may show those words.
"""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import TEXT
from dashboard.registry import PAGES
from dashboard.views.glossary import TERMS
from tests.conftest import open_app_page
from tests.english_scan import REFERENCE_PAGES, page_texts, reference_words, source_lines, source_strings, untranslated


def _texts(at) -> list[str]:
    """Every string the page shows (:func:`tests.english_scan.page_texts`)."""
    return page_texts(at)


#: Every page, and every further tab of a page with tabs (only the open tab is sent).
VIEWS = [(info, None) for info in PAGES] + [
    (info, tab) for info in PAGES for tab in getattr(info.dashboard(), "TABS", ())[1:]
]


@pytest.mark.parametrize(("info", "tab"), VIEWS, ids=lambda v: getattr(v, "script", v or ""))
def test_no_japanese_interface_text_in_english(info, tab, tables: dict) -> None:
    at = open_app_page(info.script, lang="en", **({"tab": tab} if tab else {}))
    # The reference pages name the document's words (and its notation, R4補正) in Japanese.
    words = reference_words(tables) if info.script in REFERENCE_PAGES else []
    assert untranslated(_texts(at), source_strings(tables), source_lines(tables), words) == []


#: English names a concept must not go by: the glossary's name is the one term.
VARIANTS = {
    "kokei": ("forward", "listed later", "later rows", "later listing"),
    "suishin": ("priority quota", "priority policy quota", "priority-policy request quota", "priority-quota"),
    "naisu": ("part-of (", "part of)", "portion figure"),
}


def test_one_english_term_per_concept() -> None:
    english = {key: value["en"] for key, value in TEXT.items()}
    names = {term.id: term.en for term in TERMS}
    assert names["kokei"] == "listed again later" and names["suishin"] == "priority-policy quota"
    found = [
        (key, variant)
        for key, text in english.items()
        for variants in VARIANTS.values()
        for variant in variants
        if re.search(re.escape(variant), text, re.IGNORECASE)
    ]
    assert found == []


# --- the scan is strict: probes that must fail -------------------------------------------

#: Interface strings with a leaked unit, flag word or label; a name from the document does not excuse them.
LEAKS = [
    "Request: 14億円",
    "Flag: 新規",
    "Total 合計",
    "Change (億円)",
    "Flags: 再掲",
    "廃炉・汚染水・処理水対策事業の要求",  # a name glued to Japanese interface text
    "¥17.6 billion 億円…",  # a unit is not a cut name
]
#: Names standing as names: these pass.
NAMES = [
    "Project: 廃炉・汚染水・処理水対策事業",
    "Document shown: 令和6年度 経済産業省関係 概算要求等概要 (FY2024 request vs FY2023)",
    "“エネルギー対策特別会計へ繰入” (¥159.4 billion)",
]


@pytest.mark.parametrize("text", LEAKS)
def test_probe_a_leaked_word_fails_the_scan(text: str, tables: dict) -> None:
    assert untranslated([text], source_strings(tables), source_lines(tables)) == [text]


@pytest.mark.parametrize("text", NAMES)
def test_probe_a_name_standing_as_a_name_passes(text: str, tables: dict) -> None:
    assert untranslated([text], source_strings(tables), source_lines(tables)) == []


@pytest.mark.parametrize(
    ("script", "key", "leak", "params"),
    [
        ("items", "it.count", "{shown} of {total} listings 件", {}),  # a caption
        ("items", "it.detail.listings", "Places listed 件数", {"project": "廃炉・汚染水・処理水対策事業"}),  # a metric
        ("items", "it.col.request", "{year} request (億円)", {}),  # a grid header
        ("items", "it.flag.new", "新規", {"flag": "new"}),  # a grid cell: the flag word
        ("priority", "pr.tab.requests", "Requests 要望", {}),  # a tab label
        ("compare", "cmp.col.change", "Change (億円)", {}),  # a header and the chart's hover
    ],
)
def test_probe_an_injected_leak_fails_the_page_scan(
    monkeypatch: pytest.MonkeyPatch, tables: dict, script: str, key: str, leak: str, params: dict
) -> None:
    import streamlit as st

    monkeypatch.setitem(TEXT[key], "en", leak)
    st.cache_resource.clear()  # the views are cached (session._cached_view): the leak must reach the page
    try:
        at = open_app_page(script, lang="en", **params)
        found = untranslated(_texts(at), source_strings(tables), source_lines(tables))
    finally:
        monkeypatch.undo()
        st.cache_resource.clear()
    assert found, f"{key}: the scan let {leak!r} through"


@pytest.mark.parametrize("info", PAGES, ids=lambda p: p.script)
def test_csv_headers_and_cells_in_english(info, tables: dict) -> None:
    """Every table a page hands its CSV button, built in English: headers and text cells."""
    from dashboard.domain.csvout import to_csv_bytes

    module = info.dashboard()
    if info.min_documents > 1:
        pytest.skip("needs two documents (tests/test_years.py scans it)")
    view = module.view(tables, module.Filters.from_values({}), "en")
    texts = []
    for table in view.tables.values():
        header = to_csv_bytes(table.frame).decode("utf-8-sig").splitlines()[0]
        texts += [header, *map(str, table.frame.columns)]
        for column in table.frame.columns:
            if table.frame[column].dtype == object or str(table.frame[column].dtype).startswith("str"):
                texts += [str(v) for v in table.frame[column].dropna().unique()]
    words = reference_words(tables) if info.script in REFERENCE_PAGES else []
    assert untranslated(texts, source_strings(tables), source_lines(tables), words) == []


def test_probe_a_leaked_csv_header_fails(monkeypatch: pytest.MonkeyPatch, tables: dict) -> None:
    from dashboard.domain.csvout import to_csv_bytes
    from dashboard.views import items as it

    monkeypatch.setitem(TEXT["it.col.request"], "en", "{year} 要求額 (100M yen)")
    header = to_csv_bytes(it.view(tables, it.Filters(), "en").tables["items"].frame).decode("utf-8-sig")
    assert untranslated([header.splitlines()[0]], source_strings(tables)) != []
