"""What an English-mode page shows that is Japanese but not a name from the source.

Names, headings and texts of the document (project and section names, the title, policy
paragraphs, 事項要求 topics, account names and notes) may appear as printed, whole or
wrapped over lines of a chart label, or cut with "…"; the glossary's Japanese terms may
appear on the pages that explain them. Any other Japanese is interface text that was not
translated. (Raw source lines are not allowed wholesale: they hold 億円 and every word.)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping

import pandas as pd

#: Hiragana, katakana, CJK ideographs, full-width forms and Japanese punctuation.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef▲※【】]")
RUN = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef▲※【】]+")
_TAG = re.compile(r"<[^>]*>")
#: Shown in both languages on purpose (the language switch names itself in both).
BILINGUAL = ("言語 / Language",)
#: The columns whose text a page may show as printed.
NAME_COLUMNS = {
    "documents": ("title", "ministry"),
    "accounts": ("account", "note", "parent"),
    "sections": ("pillar", "theme", "name"),
    "policies": ("text",),
    "items": ("name",),
    "priority_requests": ("name",),
    "matter_requests": ("text", "requested_by"),
    # the reference sources: budget-book and review names, and their publishers (attribution)
    "budget_items": ("name", "section_name", "major_expense_name", "budget_type", "account", "sub_account", "ministry"),
    "review_records": ("name", "bureau", "category", "purpose", "overview"),
    "review_links": ("item_name", "review_name"),
    "reference_sources": ("publisher", "licence"),
}


#: Pages whose subject is the document's own words: its terms may stand in their explanations.
REFERENCE_PAGES = ("glossary", "data")


def reference_words(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The document's words a reference page explains: the glossary's terms, the years as printed
    (令和6年度), the notation of a budget's source (R4補正), the brackets the document writes them in."""
    from dashboard.views.glossary import japanese_words

    years = [
        str(v)
        for column in ("request_year_label", "base_year_label")
        for v in tables["documents"][column].dropna().unique()
    ]
    return [run for w in [*japanese_words(), "R4補正", *years] for run in RUN.findall(w)] + ["（", "）", "・", "※"]


#: Source lines a page may show whole (the parse log, raw lines): allowed only as the entire text.
LINE_COLUMNS = {"parse_log": ("text",), "items": ("raw",)}


def source_lines(tables: Mapping[str, pd.DataFrame]) -> set[str]:
    """Whole source lines as the loader kept them (a grid shows a "- …" line with a leading ')."""
    lines: set[str] = set()
    for table, columns in LINE_COLUMNS.items():
        frame = tables.get(table)
        for column in columns if frame is not None else ():
            lines.update(str(v).strip() for v in frame[column].dropna().unique())
    return lines


def source_strings(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The names and texts of the document a page may show as printed (and their NFKC forms)."""
    found: set[str] = set()
    for table, columns in NAME_COLUMNS.items():
        frame = tables.get(table)
        if frame is None:
            continue
        for column in columns:
            if column in frame:
                for value in frame[column].dropna().unique():
                    found.update({str(value), unicodedata.normalize("NFKC", str(value))})
    return sorted(found, key=len, reverse=True)


#: Where a page shows a piece of a document's text: an excerpt's ends, a search match, a cut label.
FRAGMENT_MARKS = "…«»"
MIN_FRAGMENT = 4


def _japanese(char: str) -> bool:
    return bool(char) and bool(JAPANESE.match(char))


def _strip_whole(text: str, names: list[str]) -> str:
    """``text`` with every *whole* occurrence of a name blanked out.

    A name counts only where it stands as a name: not glued to other Japanese text, so
    "Flag: 新規" or "Request: 14億円" keep their Japanese even though some document text holds
    新規 or 億円, while "Document shown: 令和6年度 経済産業省関係 概算要求等概要 (FY2024 …)" is clean.
    """
    for name in names:
        if name not in text:
            continue
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            if not _japanese(before) and not _japanese(after):
                text = text[:start] + " " + text[end:]
                start = text.find(name, start + 1)
            else:
                start = text.find(name, start + 1)
    return text


def _made_of(run: str, words: list[str]) -> bool:
    """Whether a Japanese run is nothing but glossary terms ("再掲・後掲" on the glossary page)."""
    for word in words:
        run = run.replace(word, "")
    return not run


def untranslated(
    texts: Iterable[str], allowed: list[str], lines: set[str] = frozenset(), words: Iterable[str] = ()
) -> list[str]:
    """The texts holding Japanese that is not a name from the document standing as a name.

    A text that is a whole source line (``lines``) is the document's own. Otherwise chart
    markup is removed (``<br>`` joins a wrapped name back together), every whole occurrence
    of an ``allowed`` name (the document's names and texts, :func:`source_strings`) or of a
    glossary term (``words``, on the pages that explain them) is taken out, and what Japanese
    is left must be a piece of a document text cut by "…" or marked as a search match («»).
    A document name inside a longer Japanese run, or any other Japanese (a unit, a flag word,
    a header), is interface text that was not translated.
    """
    names = sorted({a for a in allowed if a and JAPANESE.search(a)}, key=len, reverse=True)
    corpus = "\n".join(names)
    words = sorted(set(words), key=len, reverse=True)

    def clean(text: str) -> bool:
        rest = _TAG.sub("", text).replace("\\", "")
        for phrase in BILINGUAL:
            rest = rest.replace(phrase, " ")
        if not JAPANESE.search(rest):
            return True
        rest = _strip_whole(rest, names)
        for match in RUN.finditer(rest):
            run = match.group()
            if words and _made_of(run, words):
                continue
            before = rest[match.start() - 1] if match.start() else ""
            after = rest[match.end()] if match.end() < len(rest) else ""
            cut = (before != "" and before in FRAGMENT_MARKS) or (after != "" and after in FRAGMENT_MARKS)
            # A cut piece is a few words at least: "億円…" or "新規…" is a leak, not a cut name.
            if cut and len(run) >= MIN_FRAGMENT and run in corpus:
                continue
            return False
        return True

    left = []
    for text in texts:
        if str(text).lstrip("'").strip() in lines:
            continue
        if not clean(str(text)):
            left.append(str(text))
    return left


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


#: Plotly trace keys a reader sees (legend, labels on bars and tiles, hovers); ids and parents are not shown.
TRACE_KEYS = ("name", "hovertemplate", "text", "texttemplate", "hovertext", "labels", "x", "y", "customdata")
#: Layout keys a reader sees: titles of the chart, its axes and legend, annotations.
LAYOUT_KEYS = ("title", "xaxis", "yaxis", "legend", "annotations", "coloraxis")


def page_texts(at) -> list[str]:
    """Every string an AppTest page shows: titles, captions, Markdown, alerts, code, metric labels and
    values, tab labels, widget labels, options and help, button labels, grid headers and text cells,
    and the charts' legends, labels, hover templates, axis and legend titles and annotations."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success", "text"):
        out += [str(e.value) for e in at.get(kind)]
    out += [str(e.value) for e in at.get("code")]
    for metric in at.metric:
        out += [metric.label, str(metric.value), str(getattr(metric, "help", "") or "")]
    out += [tab.label for tab in at.tabs]
    for kind in (
        "text_input",
        "number_input",
        "multiselect",
        "selectbox",
        "radio",
        "checkbox",
        "toggle",
        "button",
        "slider",
        "select_slider",
        "text_area",
        "date_input",
    ):
        for widget in at.get(kind):
            out.append(getattr(widget, "label", "") or "")
            out += [str(o) for o in getattr(widget, "options", []) or []]
            out.append(getattr(widget, "help", "") or "")
    for group in at.get("button_group"):
        out += [group.proto.label, group.proto.help]
        out += [o.content for o in group.proto.options]
    for button in at.get("download_button"):
        out.append(button.proto.label)
    for link in at.get("page_link"):
        out.append(link.proto.label)
    for frame in [*at.dataframe, *at.table]:
        value = frame.value
        out += [str(c) for c in value.columns]
        for column in value.columns:
            if value[column].dtype == object or str(value[column].dtype).startswith("str"):
                out += [str(v) for v in value[column].dropna().unique()]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec.get("data", []):
            for key in TRACE_KEYS:
                out += _strings(trace.get(key))
        layout = spec.get("layout", {})
        for key in LAYOUT_KEYS:
            value = layout.get(key)
            out += _strings(value.get("title") if isinstance(value, dict) and key != "title" else value)
            if key == "annotations":
                out += [a.get("text", "") for a in value or []]
    return [t for t in out if t]
