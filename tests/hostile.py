"""A hostile copy of the shipped source, built inside the tests (never shipped as data).

Every kind of text a document can carry into the app is given Markdown, KaTeX, HTML,
a bare URL, Streamlit's shortcodes and directives and spreadsheet-formula starts: the
title, an account and its note, a section name, a policy paragraph, project names,
priority-request names, a 事項要求 topic.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"

EVIL = "evil.example"
#: Inserted into names and text: what must show as characters, never as markup.
MARKUP = f"**bold** _em_ [link](http://{EVIL}/a) http://{EVIL}/b $x^2$ <b>tag</b>"
#: Streamlit's own Markdown: a material icon, an emoji, its logo, colour, background, small,
#: badge, rainbow and help directives, an entity and the arrow it would draw.
SHORTCODES = (
    ":material/warning: :rocket: :streamlit: :red[x] :blue-background[x] :small[x] "
    ":violet-badge[x] :rainbow[x] :help[x] a -> b &copy;"
)
#: Both together: what every document text field carries.
HOSTILE = f"{MARKUP} {SHORTCODES}"
#: Project and priority names that a spreadsheet would run as formulas.
FORMULAS = ('=HYPERLINK("http://evil.example","x")', "@SUM(1)", "+1+2")


def _swap(lines: list[str], old: str, new: str) -> None:
    for i, line in enumerate(lines):
        if old in line:
            lines[i] = line.replace(old, new, 1)
            return
    raise AssertionError(f"the shipped text no longer holds {old!r}: update tests/hostile.py")


def hostile_text() -> str:
    """The shipped text with hostile strings in every kind of document text it has."""
    lines = SHIPPED.read_text(encoding="utf-8-sig").splitlines()
    _swap(lines, "令和6年度 経済産業省関係 概算要求等概要", f"令和6年度 経済産業省関係 概算要求等概要 {HOSTILE}")
    _swap(lines, "うち、その他\t", f"うち、その他{HOSTILE}\t")  # an account (a breakdown row)
    _swap(lines, "※GX 推進対策費を除く\t", f"※GX 推進対策費を除く{HOSTILE}\t")  # an account's note
    _swap(
        lines, "- ・大阪・関西万博の会場整備に関する施策、", f"- ・大阪・関西万博の会場整備に関する施策{HOSTILE}、"
    )  # 事項要求
    _swap(lines, "GXの実現とエネルギー安定供給の確保 【", f"GXの実現とエネルギー安定供給の確保{HOSTILE} 【")
    _swap(lines, "- 工場等における省エネ性能の高い設備", f"- {HOSTILE} 工場等における省エネ性能の高い設備")  # a policy
    _swap(lines, "- 省エネルギー設備への更新を促進するための補助金【", f"- {FORMULAS[0]}補助金【")
    _swap(lines, "- 中小企業等エネルギー利用最適化推進事業費【", f"- {FORMULAS[1]}事業費{HOSTILE}【")
    _swap(lines, "国際連合工業開発機関拠出金\t", f"{FORMULAS[2]}拠出金{HOSTILE}\t")
    _swap(lines, "日・ASEAN 経済産業協力拠出金\t", f"{FORMULAS[0]}\t")
    return "\n".join(lines) + "\n"


def write_hostile(raw_dir: Path) -> Path:
    """The hostile copy as ``raw_dir/hostile.txt`` (its only file)."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    path = raw_dir / "hostile.txt"
    path.write_text(hostile_text(), encoding="utf-8")
    return path
