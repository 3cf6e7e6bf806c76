"""Numbers for people: 億円 amounts and changes, in Japanese or English.

Signs follow each language's convention: in Japanese budget documents a decrease is
written with ▲ (▲14億円) and an increase plain or with +, never ▲; English uses a
minus sign (−, U+2212). A missing figure is a dash (—), never None, nan or 0.
CSVs keep plain signed numbers: these functions are for the screen only.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata

import pandas as pd


def _is_missing(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is not one amount
        return False


def _trim(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def oku(value: float | None, lang: str = "ja") -> str:
    """An amount in 億円 as people write it.

    >>> oku(24615)
    '2兆4,615億円'
    >>> oku(0.05)
    '0.05億円'
    >>> oku(24615, "en")
    '¥2.46 trillion'
    >>> oku(0.05, "en")
    '¥5 million'
    >>> oku(-14), oku(-14, "en")
    ('▲14億円', '−¥1.4 billion')
    """
    if _is_missing(value):
        return "—"
    if lang == "en":
        yen = round(float(value) * 1e8)
        sign, yen = (MINUS[lang] if yen < 0 else ""), abs(yen)
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            # Round, then pick the unit: 9,999.99億円 is ¥1 trillion, not ¥1,000 billion.
            if round(yen / size, 2) >= 1:
                return f"{sign}¥{_trim(round(yen / size, 2))} {word}"
        return f"{sign}¥{yen:,.0f}"
    value = round(float(value), 2)  # the document's precision: -0.004 is 0億円, not -0億円
    sign = MINUS["ja"] if value < 0 else ""
    cho, rest = divmod(abs(value), 10000)
    rest = round(rest, 2)
    if cho >= 1:
        rest_text = f"{_trim(rest)}億円" if rest else "円"
        return f"{sign}{int(cho)}兆{rest_text}"
    return f"{sign}{_trim(rest)}億円"


def change(request: float | None, base: float | None) -> float | None:
    """Request minus base in 億円 (None when either is missing)."""
    if _is_missing(request) or _is_missing(base):
        return None
    return round(float(request) - float(base), 6)


def pct(request: float | None, base: float | None) -> float | None:
    """Change as a percentage of the base (None when there is no base)."""
    if _is_missing(request) or _is_missing(base) or not base:
        return None
    return round((float(request) - float(base)) / float(base) * 100, 4)


#: The sign of a decrease: ▲ in Japanese (as the ministry prints it), the minus sign in English.
MINUS = {"ja": "▲", "en": "\u2212"}


def signed_oku(value: float | None, lang: str = "ja") -> str:
    """``+791億円`` / ``▲1億円`` (``−¥100 million`` in English): a change with its sign in words' place.

    >>> signed_oku(791), signed_oku(-1), signed_oku(0)
    ('+791億円', '▲1億円', '0億円')
    """
    if _is_missing(value):
        return "—"
    text = oku(value, lang)
    return text if text.startswith(MINUS[_lang(lang)]) or round(float(value), 2) == 0 else "+" + text


def signed_pct(value: float | None, lang: str = "ja") -> str:
    """``+22.6%`` / ``▲3.1%`` (``−3.1%`` in English); — when there is no base.

    >>> signed_pct(22.64), signed_pct(-3.14), signed_pct(-3.14, "en"), signed_pct(None)
    ('+22.6%', '▲3.1%', '−3.1%', '—')
    """
    return signed_number(value, lang, 1, "%")


def signed_number(value: float | None, lang: str = "ja", decimals: int = 2, suffix: str = "") -> str:
    """A change as the grid shows it: thousands separators, + or the language's minus, trailing zeros cut.

    >>> signed_number(10978), signed_number(-14.5), signed_number(-14.5, "en"), signed_number(0), signed_number(None)
    ('+10,978', '▲14.5', '−14.5', '0', '—')
    """
    if _is_missing(value):
        return "—"
    rounded = round(float(value), decimals)
    if rounded == 0:
        return (f"{0:.{decimals}f}" if suffix else "0") + suffix
    text = f"{abs(rounded):,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".") if suffix == "" else text
    return ("+" if rounded > 0 else MINUS[_lang(lang)]) + text + suffix


def _lang(lang: str) -> str:
    return lang if lang in MINUS else "ja"


_ERA = re.compile(r"R\s*(\d+)")
_BUDGET_WORDS = {"補正": " supplementary", "当初": " initial budget", "、": ", ", "年度": ""}


def basis_label(basis: str | None, lang: str = "ja") -> str:
    """Where a comparison or reference figure comes from, as printed in Japanese and in English words.

    令和 n is FY2018 + n. Words the mapping does not know stay as printed.

    >>> basis_label("R4補正", "en"), basis_label("R2、4補正、R5当初", "en"), basis_label("R4補正")
    ('FY2022 supplementary', 'FY2020, FY2022 supplementary, FY2023 initial budget', 'R4補正')
    """
    if not basis:
        return ""
    if lang != "en":
        return basis
    # "R2、4補正" names R2 and R4: a bare number after 、 keeps the era of the one before it.
    text = re.sub(r"、\s*(\d+)", r"、R\1", basis)
    text = _ERA.sub(lambda m: f"FY{2018 + int(m.group(1))}", text)
    for word, english in _BUDGET_WORDS.items():
        text = text.replace(word, english)
    return re.sub(r"\s+", " ", text).strip()


def year_label(label: str, fiscal_year: int, lang: str = "ja") -> str:
    """The year as printed (令和6年度) in Japanese, ``FY2024`` in English.

    >>> year_label("令和6年度", 2024, "en")
    'FY2024'
    """
    return f"FY{int(fiscal_year)}" if lang == "en" else label


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")


def md_escape(text: str | None) -> str:
    r"""Document text with every CommonMark punctuation mark backslash-escaped (no emphasis,
    links, headings, HTML, entities or KaTeX from it). Not enough on its own: use :func:`md_literal`.

    >>> print(md_escape("A*B [x](y) &amp;"))
    A\*B \[x\]\(y\) \&amp;
    """
    return _MARKDOWN.sub(r"\\\1", text or "")


#: U+2060 WORD JOINER: invisible, not a word character, not punctuation Markdown knows.
JOINER = "\u2060"
# GFM turns bare URLs, www. names and e-mail addresses into links even in escaped text;
# a word joiner after the scheme, "www" or "@" stops it.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www|@)")
# Streamlit's own Markdown constructs all start with an ASCII colon and are found where a
# backslash cannot reach them: ``:material/x:`` is rewritten in the raw source, and
# ``:material_x:``, ``:streamlit:`` and emoji shortcodes (``:rocket:``) are matched in the
# text *after* Markdown has removed the escapes (frontend StreamlitMarkdown: mdast
# find-and-replace and remark-emoji over text nodes). Directives (``:red[x]``,
# ``:blue-background[x]``, ``:small[x]``, ``:violet-badge[x]``, ``:help[x]``) need a
# letter right after the colon. A word joiner after every colon that touches the next
# character breaks all of them; a colon before a space or the end ("Project: 事業") opens
# none, and stays as typed, so interface sentences and copied text carry no joiner there.
_COLON = re.compile(r":(?=\S)")
# Streamlit also rewrites " -> ", " <- ", " <-> ", " -- ", " >= ", " <= ", " ~= " in text
# into arrows and dashes; a joiner inside the pair keeps the characters as written.
_TYPOGRAPHY = re.compile(r"([<>~-])(?=[->=])")


def md_literal(text: str | None) -> str:
    r"""Untrusted text (a document's, an upload's or a URL's) for an element that renders
    Markdown: no emphasis, links, auto-links, headings, HTML, entities, KaTeX, icons, emoji,
    colour or badge directives, arrows; it reads the same (the joiners are invisible).

    >>> md_literal("**b** http://evil.example $x$") == "\\*\\*b\\*\\* http\u2060:\u2060//evil\\.example \\$x\\$"
    True
    >>> md_literal(":rocket: :red[x]") == ":\u2060rocket: :\u2060red\\[x\\]"
    True
    >>> md_literal("Project: 事業") == "Project: 事業"
    True
    """
    text = _TYPOGRAPHY.sub("\\1" + JOINER, text or "")
    return _COLON.sub(":" + JOINER, _AUTOLINK.sub("\\1" + JOINER, md_escape(text)))


def md_code(text: str | None, limit: int = 60) -> str:
    """Untrusted text as a Markdown code span, cut to ``limit`` characters (nothing in it renders).

    >>> md_code("a`b")
    '`` a`b ``'
    >>> md_code("x" * 70, 5)
    '`xxxxx…`'
    """
    text = str(text or "").replace("\n", " ").replace("\r", " ")
    if len(text) > limit:
        text = text[:limit] + "…"
    # Streamlit rewrites ":material/" in the raw source, code spans included: keep it as written.
    text = text.replace(":material/", ":" + JOINER + "material/")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


#: Width of a Latin letter against a Japanese character (a label's ``width`` counts Japanese characters).
LATIN_CHAR = 0.6


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _units(text: str) -> list[str]:
    """Spaces, each wide character, and runs of other characters (a Latin word stays one unit)."""
    units: list[str] = []
    for chunk in re.findall(r"\s+|\S+", text):
        if chunk.isspace():
            units.append(" ")
            continue
        for wide, run in itertools.groupby(chunk, _is_wide):
            chars = list(run)
            units.extend(chars if wide else ["".join(chars)])
    return units


def wrap_lines(text: str, width: float, lines: int | None = None) -> list[str]:
    """A label as lines of about ``width`` Japanese characters (plotly does not wrap); past ``lines``, "…".

    Breaks at spaces and between Japanese characters, never inside a Latin word (a word longer
    than a line gets a line of its own). Text without Japanese counts a letter as
    :data:`LATIN_CHAR` of a character, so English lines hold about 1.7 times as many letters.

    >>> wrap_lines("(4)① Rebuilding the international order", 14)
    ['(4)① Rebuilding the', 'international order']
    >>> wrap_lines("中小企業活性化・事業承継総合支援事業", 8, 2)
    ['中小企業活性化・', '事業承継総合支…']
    >>> wrap_lines("(1)① GXの実現とエネルギー安定供給の確保", 10)
    ['(1)① GXの実現', 'とエネルギー安定供給', 'の確保']
    """
    text = str(text or "")
    unit = 1.0 if any(_is_wide(c) for c in text) else LATIN_CHAR

    def size(s: str) -> float:
        return sum(1.0 if _is_wide(c) else unit for c in s)

    out: list[str] = []
    line = ""
    for piece in _units(text):
        if piece == " ":
            line = line + " " if line else line
            continue
        if line.strip() and size(line + piece) > width + 1e-9:
            out.append(line.rstrip())
            line = piece
        else:
            line += piece
    out.append(line.rstrip())
    if lines is not None and len(out) > lines:
        out = out[:lines]
        last = out[-1]
        if unit < 1:  # English: drop whole words to make room for the ellipsis
            while size(last + " …") > width and " " in last:
                last = last.rsplit(" ", 1)[0]
        if unit < 1 and size(last + " …") <= width:
            last += " …"
        else:
            while last and size(last + "…") > width:
                last = last[:-1]
            last += "…"
        out[-1] = last
    return out


def wrap(text: str, width: float, lines: int | None = None) -> str:
    """:func:`wrap_lines` joined with ``<br>`` (the text must not need escaping: see :func:`wrap_label`).

    >>> wrap("GX promotion measures", 8)
    'GX promotion<br>measures'
    >>> wrap("中小企業活性化・事業承継総合支援事業", 8, 2)
    '中小企業活性化・<br>事業承継総合支…'
    """
    return "<br>".join(wrap_lines(text, width, lines))


def plotly_text(text: object) -> str:
    """Document text for a Plotly label, hover, title or meta: the app's one Plotly escape.

    Plotly reads a few HTML-like tags in these (``<b>``, ``<br>``, ``<a href>``), so ``&``, ``<`` and ``>``
    are escaped and the text stays text (quotes need not be: it is never an attribute).

    >>> plotly_text('<a href="x">R&D</a>'), plotly_text(12.5)
    ('&lt;a href="x"&gt;R&amp;D&lt;/a&gt;', '12.5')
    """
    return html.escape(str(text), quote=False)


def wrap_label(text: str, width: float, lines: int | None = None) -> str:
    """:func:`wrap_lines` for a plotly label: each line HTML-escaped, joined with ``<br>``.

    Plotly reads a few HTML-like tags in labels; escaping after wrapping never cuts an entity.

    >>> wrap_label("R&D <b>tax</b> credit", 9)
    'R&amp;D &lt;b&gt;tax&lt;/b&gt;<br>credit'
    """
    return "<br>".join(plotly_text(line) for line in wrap_lines(text, width, lines))
