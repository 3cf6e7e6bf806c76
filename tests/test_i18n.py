"""Interface text: both languages for every key, every used key defined, and no Japanese left under lang=en."""

from __future__ import annotations

import re
import string

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.i18n import TEXT
from dashboard.registry import PAGES as REGISTRY
from tests.conftest import ROOT, app_test
from tests.english_scan import REFERENCE_PAGES, page_texts, reference_words, source_lines, source_strings, untranslated

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
#: t("key" …), t(f"prefix.{x}" …) or t("prefix." + x …) anywhere in the code.
USED_KEY = re.compile(r"""\bt\(\s*(f?)(["'])(.+?)\2(\s*\+)?""")
#: The sidebar's language switch is bilingual on purpose, so either reader can find it.
BILINGUAL = ("言語 / Language",)
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


# One test per rule, naming every key that breaks it (a test item per key made 2,300 items of three checks).


def _missing_language(text: dict) -> list[str]:
    return [
        f"{key}: no {name}"
        for key, entry in text.items()
        for lang, name in (("ja", "Japanese"), ("en", "English"))
        if not entry.get(lang, "").strip()
    ]


def _placeholders_differ(text: dict) -> list[str]:
    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}

    return [key for key, entry in text.items() if fields(entry.get("ja", "")) != fields(entry.get("en", ""))]


def test_every_key_has_both_languages() -> None:
    assert _missing_language(TEXT) == []


def test_placeholders_agree() -> None:
    assert _placeholders_differ(TEXT) == []


def test_the_key_checks_can_fail() -> None:
    broken = {"a": {"ja": "x {n}", "en": ""}, "b": {"ja": "{n}件", "en": "{count} items"}, "c": {"ja": "y", "en": "y"}}
    assert _missing_language(broken) == ["a: no English"]
    assert _placeholders_differ(broken) == ["a", "b"]
    assert _undefined([("pages/x.py", "no.such.key", False), ("pages/x.py", "it.{x}.nope", True)], TEXT) == [
        "pages/x.py: t('no.such.key') is not defined",
        "pages/x.py: no key matches t(f'it.{x}.nope')",
    ]


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


def _undefined(used: list[tuple[str, str, bool]], text: dict) -> list[str]:
    """The uses of a key that is not defined; an f-string key's fixed parts must match a defined key."""
    problems = []
    for where, key, is_f in used:
        if not is_f:
            if key not in text:
                problems.append(f"{where}: t({key!r}) is not defined")
            continue
        pattern = re.compile("^" + ".+".join(re.escape(part) for part in re.split(r"\{[^}]*\}", key)) + "$")
        if not any(pattern.match(k) for k in text):
            problems.append(f"{where}: no key matches t(f{key!r})")
    return problems


def test_every_used_key_exists() -> None:
    assert _undefined(_used_keys(), TEXT) == []


# --- lang=en on every page --------------------------------------------------------------


@pytest.fixture(scope="module")
def allowed(tables: dict) -> list[str]:
    """Names from the document as it prints them (not every value of every table: a table's column
    of flags or units would let "新規" or "億円" through), and the bilingual language switch."""
    return sorted({*source_strings(tables), *BILINGUAL}, key=len, reverse=True)


def _visible_text(at: AppTest) -> list[str]:
    return page_texts(at)


def _leftover(text: str, allowed: list[str]) -> str:
    """``text`` when it holds Japanese that is not a whole allowed name (:func:`tests.english_scan.untranslated`)."""
    return text if untranslated([text], list(allowed)) else ""


def test_leftover_check_can_fail() -> None:
    assert _leftover("事業名", ["新規"]) == "事業名"
    assert _leftover("new (新規)", ["新規"]) == ""
    # A name from the document inside other text does not let the other Japanese through.
    assert _leftover("Flag: 新規", ["新規事業"]) == "Flag: 新規"


#: The further tabs of the pages with tabs (``tab=``; only the open tab is sent).
TABS = {info.path: getattr(info.dashboard(), "TABS", ())[1:] for info in REGISTRY}


@pytest.mark.parametrize(("page", "tab"), [(p, None) for p in PAGES] + [(p, t) for p in TABS for t in TABS[p]])
def test_english_page_has_no_japanese_interface_text(
    page: str, tab: str | None, allowed: list[str], tables: dict
) -> None:
    at = app_test()
    at.query_params["lang"] = "en"
    if tab:
        at.query_params["tab"] = tab
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, page
    visible = _visible_text(at)
    assert visible, f"{page}: nothing visible"
    script = page.removeprefix("pages/").removesuffix(".py")
    words = reference_words(tables) if script in REFERENCE_PAGES else []
    leftovers = sorted(set(untranslated(visible, allowed, source_lines(tables), words)))
    assert not leftovers, f"{page} shows Japanese interface text under lang=en: {leftovers[:10]}"
