"""The one literal-text rule (dashboard.domain.format.md_literal) against Streamlit's own Markdown extensions.

The patterns below are the ones Streamlit 1.67's frontend applies (StreamlitMarkdown: the raw
source's ``:material/`` rewrite, then, on text nodes *after* backslash escapes are removed,
material icons, its logo, remark-emoji's shortcodes; remark-directive's text directives need a
letter right after the colon (the label in brackets is optional); a plugin turns `` -> `` and friends into arrows). The browser test
(tests/e2e/test_hostile.py) checks the rendered page; this one names each construct.
"""

from __future__ import annotations

import re

import pytest

from dashboard.domain.format import JOINER, md_code, md_literal

# What CommonMark leaves of an escaped text: "\x" becomes "x" for ASCII punctuation.
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")

MATERIAL = re.compile(r":material_(\w+):")
LOGO = re.compile(r":streamlit:")
EMOJI = re.compile(r":[\w+-][\w_+-]*:")
# A text directive needs only its name (":red" alone is an empty coloured span); its label is optional.
DIRECTIVE = re.compile(r"(?<!:):[A-Za-z]")
ARROW = re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)")


def _text_node(markdown: str) -> str:
    """The text Streamlit's plugins see: the raw rewrite, then the escapes removed."""
    return _UNESCAPE.sub(r"\1", markdown.replace(":material/", ":material_"))


@pytest.mark.parametrize(
    "construct",
    [
        ":material/warning:",
        ":rocket:",
        ":+1:",
        ":streamlit:",
        ":red[x]",
        ":blue-background[x]",
        ":small[x]",
        ":violet-badge[x]",
        ":rainbow[x]",
        ":help[x]",
        ":color[x]{foreground=red}",
        "a -> b",
        "a <-> b",
        "a -- b",
        "a >= b",
    ],
)
def test_streamlit_constructs_are_broken(construct: str) -> None:
    source = md_literal(f"名前{construct}名前")
    text = _text_node(source)
    for pattern in (MATERIAL, LOGO, EMOJI, ARROW):
        assert not pattern.search(text), (construct, pattern.pattern)
    assert not DIRECTIVE.search(source), construct
    # It reads the same: only invisible joiners were added.
    assert text.replace(JOINER, "") == f"名前{construct}名前"


@pytest.mark.parametrize(
    ("raw", "markup"),
    [
        ("**b**", "*"),
        ("[a](http://x)", "["),
        ("<b>t</b>", "<"),
        ("$x^2$", "$"),
        ("&copy;", "&"),
        ("# h", "#"),
    ],
)
def test_commonmark_marks_are_escaped(raw: str, markup: str) -> None:
    assert "\\" + markup in md_literal(raw)


def test_bare_urls_do_not_autolink() -> None:
    text = _text_node(md_literal("http://evil.example www.evil.example a@evil.example"))
    assert "http:" not in text and "www." not in text and "a@e" not in text


def test_code_spans_keep_material_as_typed() -> None:
    # Streamlit rewrites ":material/" in the raw source, inside code spans too.
    assert ":material/" not in md_code(":material/x:")
    assert md_code(":material/x:").replace(JOINER, "") == "`:material/x:`"
