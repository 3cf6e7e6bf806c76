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
