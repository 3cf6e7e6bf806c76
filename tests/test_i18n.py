"""Interface text: both languages for every key, every used key defined, and no Japanese left under lang=en."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.glossary import japanese_words
from dashboard.i18n import TEXT
from dashboard.i18n.names import NAMES_EN
from dashboard.registry import PAGES as REGISTRY
from tests.conftest import APP, ROOT

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
#: t("key" …), t(f"prefix.{x}" …) or t("prefix." + x …) anywhere in the code.
USED_KEY = re.compile(r"""\bt\(\s*(f?)(["'])(.+?)\2(\s*\+)?""")
#: The sidebar's language switch is bilingual on purpose, so either reader can find it.
BILINGUAL = ("言語 / Language",)
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_key_has_both_languages(key: str) -> None:
    entry = TEXT[key]
    assert entry.get("ja", "").strip(), f"{key}: no Japanese"
    assert entry.get("en", "").strip(), f"{key}: no English"


@pytest.mark.parametrize("key", sorted(TEXT))
def test_placeholders_agree(key: str) -> None:
    fields = {lang: {f for _, f, _, _ in string.Formatter().parse(TEXT[key][lang]) if f} for lang in ("ja", "en")}
    assert fields["ja"] == fields["en"], key


def _used_keys() -> list[tuple[str, str, bool]]:
    found = []
    for folder in ("pages", "dashboard"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for match in USED_KEY.finditer(path.read_text(encoding="utf-8")):
                key = match.group(3) + ("{…}" if match.group(4) else "")  # "prefix." + x: like an f-string
                found.append((path.relative_to(ROOT).as_posix(), key, bool(match.group(1) or match.group(4))))
    return found


def test_the_scan_finds_keys() -> None:
    used = _used_keys()
    assert len(used) > 100
    assert ("pages/items.py", "it.heading", False) in used


@pytest.mark.parametrize(("where", "key", "is_f"), _used_keys(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_used_key_exists(where: str, key: str, is_f: bool) -> None:
    if not is_f:
        assert key in TEXT, f"{where}: t({key!r}) is not defined"
        return
    # an f-string key: its fixed parts must match at least one defined key
    pattern = re.compile("^" + ".+".join(re.escape(part) for part in re.split(r"\{[^}]*\}", key)) + "$")
    assert any(pattern.match(k) for k in TEXT), f"{where}: no key matches t(f{key!r})"


# --- lang=en on every page --------------------------------------------------------------


@pytest.fixture(scope="module")
def allowed(tables: dict) -> list[str]:
    """Names from the document (every text value of its tables), the mapped names, the glossary's words."""
    words = set(NAMES_EN) | set(japanese_words()) | set(BILINGUAL)
    for frame in tables.values():
        for column in frame.columns:
            if pd.api.types.is_string_dtype(frame[column]) or frame[column].dtype == object:
                words.update(v for v in frame[column].dropna().astype(str) if JAPANESE.search(v))
    return sorted(words, key=len, reverse=True)


def _visible_text(at: AppTest) -> list[str]:
    texts = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success", "text"):
        texts += [str(e.value) for e in getattr(at, kind)]
    texts += [m.label for m in at.metric]
    texts += [tab.label for tab in at.tabs]
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
        for widget in getattr(at, kind):
            texts.append(widget.label)
            texts += [str(o) for o in getattr(widget, "options", []) or []]
            texts.append(getattr(widget, "help", "") or "")
    for group in at.get("button_group"):
        proto = group.proto
        texts.append(proto.label)
        texts += [o.content for o in proto.options]
    for frame in at.dataframe:
        texts += [str(c) for c in frame.value.columns]
    for frame in at.table:
        texts += [str(c) for c in frame.value.columns]
    return [t for t in texts if t]


def _leftover(text: str, allowed: list[str]) -> str:
    text = text.replace("\\", "")  # markdown escapes around document names
    if text in allowed:
        return ""
    for word in allowed:
        if word in text:
            text = text.replace(word, " ")
    return text if JAPANESE.search(text) else ""


def test_leftover_check_can_fail() -> None:
    assert _leftover("事業名", ["新規"]) == "事業名"
    assert _leftover("new (新規)", ["新規"]) == ""


#: The further tabs of the pages with tabs (``tab=``; only the open tab is sent).
TABS = {info.path: getattr(info.dashboard(), "TABS", ())[1:] for info in REGISTRY}


@pytest.mark.parametrize(("page", "tab"), [(p, None) for p in PAGES] + [(p, t) for p in TABS for t in TABS[p]])
def test_english_page_has_no_japanese_interface_text(page: str, tab: str | None, allowed: list[str]) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    if tab:
        at.query_params["tab"] = tab
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, page
    visible = _visible_text(at)
    assert visible, f"{page}: nothing visible"
    leftovers = sorted({text for text in visible if _leftover(text, allowed)})
    assert not leftovers, f"{page} shows Japanese interface text under lang=en: {leftovers[:10]}"
