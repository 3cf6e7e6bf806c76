"""English mode: no Japanese interface text on any page, and one English term per concept.

Project and document names stay as printed (they are the source's); the glossary and
data pages, which map the document's words to English, may show those words.
"""

from __future__ import annotations

import json
import re

import pytest

from dashboard.glossary import TERMS, japanese_words
from dashboard.i18n import TEXT
from dashboard.registry import PAGES
from tests.conftest import open_app_page
from tests.english_scan import RUN as JAPANESE_RUN
from tests.english_scan import source_lines, source_strings, untranslated

#: Pages whose subject is the document's own words.
REFERENCE_PAGES = ("glossary", "data")


def _texts(at) -> list[str]:
    """Every string the page shows: text elements, tab labels, widget labels and options, grid headers and text cells,
    chart trace names, hovers, labels and axis titles."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "text"):
        out += [e.value for e in at.get(kind)]
    for metric in at.metric:
        out += [metric.label, metric.value]
    out += [tab.label for tab in at.tabs]
    for widget in [*at.selectbox, *at.multiselect, *at.radio]:
        out += [widget.label, *map(str, widget.options)]
    out += [w.label for w in [*at.text_input, *at.number_input]]
    for frame in at.dataframe:
        value = frame.value
        out += [str(c) for c in value.columns]
        for column in value.columns:
            if value[column].dtype == object or str(value[column].dtype).startswith("str"):
                out += [str(v) for v in value[column].dropna().unique()]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            for key in ("name", "hovertemplate", "text", "texttemplate", "labels", "y"):
                value = trace.get(key)
                out += [value] if isinstance(value, str) else [str(v) for v in value or [] if isinstance(v, str)]
        out.append(json.dumps(spec.get("layout", {}).get("xaxis", {}).get("title", ""), ensure_ascii=False))
    return out


#: Every page, and every further tab of a page with tabs (only the open tab is sent).
VIEWS = [(info, None) for info in PAGES] + [
    (info, tab) for info in PAGES for tab in getattr(info.dashboard(), "TABS", ())[1:]
]


@pytest.mark.parametrize(("info", "tab"), VIEWS, ids=lambda v: getattr(v, "script", v or ""))
def test_no_japanese_interface_text_in_english(info, tab, tables: dict) -> None:
    at = open_app_page(info.script, lang="en", **({"tab": tab} if tab else {}))
    # The reference pages name the document's words (and its notation, R4補正) in Japanese.
    words = [run for w in [*japanese_words(), "R4補正"] for run in JAPANESE_RUN.findall(w)] + ["（", "）", "・", "※"]
    words = words if info.script in REFERENCE_PAGES else []
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
