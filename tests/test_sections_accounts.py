"""Section headers, theme lines and the accounts table at the top of the summary."""

from __future__ import annotations

import pytest

from loaders.assemble import walk
from loaders.lines import LineError, parse_account_row, parse_theme, section_marker, split_total
from loaders.text import nfkc

# -- section markers: read from the raw line, before NFKC turns ① into 1 ---------------


@pytest.mark.parametrize(
    ("raw", "marker"),
    [
        ("① GXの実現とエネルギー安定供給の確保 【1兆6,241億円(1兆1,076億円)】", "①"),
        ("② デジタル社会の実現・生成 AI への対応 【1,591 億円（366 億円）】", "②"),
        ("③ 物価上昇への対応、レジリエンス 【190 億円 (157 億円) 】", "③"),
        ("  ⑫ 十二番目", "⑫"),
        ("- ① 箇条書きの後", "①"),
        ("1 GXの実現", None),  # what NFKC would have left of ①
        ("(1) 世界をリードする先端分野への投資促進", None),
        ("", None),
        ("本文の中の①は見出しではない", None),
    ],
)
def test_section_marker(raw: str, marker: str | None) -> None:
    assert section_marker(raw) == marker


def test_nfkc_would_destroy_the_marker() -> None:
    # Why the marker is read first: after NFKC it is an ordinary digit.
    assert nfkc("①") == "1"
    assert section_marker(nfkc("① 名前")) is None


# -- theme lines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(1) 世界をリードする先端分野への投資促進", ("(1)", "世界をリードする先端分野への投資促進")),
        (nfkc("（１） 世界をリードする先端分野への投資促進"), ("(1)", "世界をリードする先端分野への投資促進")),
        ("(4) 有志国連携による産業政策・経済安全保障", ("(4)", "有志国連携による産業政策・経済安全保障")),
        ("( 12 )  構造的 課題", ("(12)", "構造的課題")),
        ("(1)", None),
        ("(R4 補正)", None),
        ("(1) 事業【5 億円】", None),  # an amount: not a heading
        ("1) 見出しではない", None),
        ("", None),
    ],
)
def test_parse_theme(line: str, expected: tuple[str, str] | None) -> None:
    assert parse_theme(line) == expected


# -- section totals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "request_oku", "base_oku"),
    [
        (
            "GXの実現とエネルギー安定供給の確保 【1兆6,241億円(1兆1,076億円)】",
            "GXの実現とエネルギー安定供給の確保",
            16241.0,
            11076.0,
        ),
        (
            nfkc("デジタル社会の実現・生成 AI への対応 【1,591 億円（366 億円）】"),
            "デジタル社会の実現・生成 AI への対応",
            1591.0,
            366.0,
        ),
        ("スタートアップ育成・新陳代謝の促進", "スタートアップ育成・新陳代謝の促進", None, None),
        (nfkc("【168 億円（141 億円）】"), "", 168.0, 141.0),
    ],
)
def test_split_total(line: str, name: str, request_oku: float | None, base_oku: float | None) -> None:
    got_name, figures = split_total(line)
    assert got_name == name
    assert (figures.amount if figures else None, figures.base if figures else None) == (request_oku, base_oku)


def test_text_after_a_total_is_an_error() -> None:
    with pytest.raises(LineError, match="after the section total"):
        split_total("名前 【5 億円（4 億円）】 余計")


_BODY = """令和6年度 経済産業省関係 概算要求等概要

国内投資の拡大とイノベーションの加速を通じた新たな経済社会構造への転換

{theme1}

① 同じ行に合計 【1兆6,241億円(1兆1,076億円)】

- 施策。
 - 事業A【10 億円（5 億円）】

{theme2}

① 合計は空行の後

【168 億円（141 億円）】

- 施策。
 - 事業B【3 億円（新規）】

最重要課題：福島復興の更なる加速

【910 億円（753 億円）】

- 施策。
 - 事業C【2.8 億円（3.2 億円）】（復興特）

予算の執行にあたって
"""


@pytest.mark.parametrize(
    ("theme1", "theme2"),
    [("(1) 先端分野", "(2) イノベーション"), ("（１） 先端分野", "（２）　イノベーション")],
)
def test_sections_from_a_small_body(theme1: str, theme2: str) -> None:
    parsed = walk(_BODY.format(theme1=theme1, theme2=theme2).splitlines())
    assert not [r for r in parsed.log if r["level"] == "error"]
    got = [(s["theme_no"], s["section_no"], s["name"], s["request_oku"], s["base_oku"]) for s in parsed.sections]
    assert got == [
        ("(1)", "①", "同じ行に合計", 16241.0, 11076.0),
        ("(2)", "①", "合計は空行の後", 168.0, 141.0),
        (None, None, "福島復興の更なる加速", 910.0, 753.0),
    ]
    assert [s["theme"] for s in parsed.sections] == ["先端分野", "イノベーション", None]
    assert parsed.sections[2]["pillar"] == "最重要課題：福島復興の更なる加速"
    assert len({s["section_id"] for s in parsed.sections}) == 3
    assert [i["section_id"] for i in parsed.items] == [s["section_id"] for s in parsed.sections]
    # the separate total line and every heading are accounted for in the log
    logged = {r["source_line"] for r in parsed.log}
    lines = _BODY.format(theme1=theme1, theme2=theme2).splitlines()
    for number, text in enumerate(lines, 1):
        if text.startswith(("【", "(", "（", "国内投資", "最重要課題")) and number not in {
            s["source_line"] for s in parsed.sections
        }:
            assert number in logged, text


def test_section_without_any_total_is_warned() -> None:
    text = _BODY.format(theme1="(1) 先端分野", theme2="(2) イノベーション").replace("【168 億円（141 億円）】", "")
    parsed = walk(text.splitlines())
    assert parsed.sections[1]["request_oku"] is None
    assert any(r["level"] == "warning" and "without a stated total" in r["message"] for r in parsed.log)


# -- the accounts table -------------------------------------------------------------------

GX_NOTE = "国庫債務負担行為等も活用し、総額1兆8691億円の投資促進策を新規要求"


@pytest.mark.parametrize(
    ("line", "account", "breakdown", "request_oku", "base_oku", "note"),
    [
        ("一般会計\t4,286 億円\t3,495 億円", "一般会計", False, 4286.0, 3495.0, None),
        ("一般会計     4,286 億円      3,495 億円", "一般会計", False, 4286.0, 3495.0, None),
        ("うち、中小企業対策費\t1,336 億円\t1,090 億円", "中小企業対策費", True, 1336.0, 1090.0, None),
        ("うち、原子力損害賠償支援勘定   69 億円    47 億円", "原子力損害賠償支援勘定", True, 69.0, 47.0, None),
        (
            "エネルギー対策特別会計 ※GX 推進対策費を除く\t7,820 億円\t7,052 億円",
            "エネルギー対策特別会計",
            False,
            7820.0,
            7052.0,
            "GX推進対策費を除く",
        ),
        (
            "GX 推進対策費\t1 兆 985 億円 ※国庫債務負担行為等も 活用し、総額 1 兆 8691 億円の 投資促進策を新規要求\t4,896 億円",
            "GX推進対策費",
            False,
            10985.0,
            4896.0,
            GX_NOTE,
        ),
        (
            "GX 推進対策費   1 兆 985 億円 ※国庫債務負担行為等も 活用し、総額 1 兆 8691 億円の 投資促進策を新規要求   4,896 億円",
            "GX推進対策費",
            False,
            10985.0,
            4896.0,
            GX_NOTE,
        ),
        ("経済産業省関連合計\t2 兆 4,615 億円\t1 兆 6,896 億円", "経済産業省関連合計", False, 24615.0, 16896.0, None),
        ("特許特別会計\t1,525 億円", "特許特別会計", False, 1525.0, None, None),
    ],
)
def test_account_row(line, account, breakdown, request_oku, base_oku, note) -> None:
    row = parse_account_row(nfkc(line).replace("\t", "  "))
    assert (row.account, row.parent_marker, row.request_oku, row.base_oku, row.note) == (
        account,
        breakdown,
        request_oku,
        base_oku,
        note,
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("謎の行", "without an amount"),
        ("", "without an amount"),
        ("4,286 億円  3,495 億円", "without an account name"),
        ("一般会計  4,286 億円 何か 3,495 億円", "between the amounts"),
        # issue 14: an amount it cannot read must not shift the base into the request column
        ("一般会計  abc 億円  3,495 億円", "cannot read 'abc 億円'"),
        ("一般会計  4.286.0 億円  3,495 億円", "cannot read"),
        ("一般会計  4,286 億円  3,495 億円 abc", "after the last amount"),
    ],
)
def test_bad_account_row(line: str, message: str) -> None:
    with pytest.raises(LineError, match=message):
        parse_account_row(line)


@pytest.mark.parametrize(
    ("line", "warned"),
    [
        ("特許特別会計  1,525 億円", True),  # one figure: which column it belongs to is a guess
        ("宇宙特別会計  12 億円  -", False),  # a new account: the base cell says "no figure"
        ("特許特別会計  1,525 億円  1,454 億円", False),
    ],
)
def test_account_row_with_one_amount_is_warned(line: str, warned: bool) -> None:
    row = parse_account_row(line)
    assert row.base_oku is None or not warned
    assert bool(row.warnings) == warned


def test_accounts_table_kinds_and_parents(tables) -> None:
    accounts = tables["accounts"]
    kinds = dict(zip(accounts["account"], accounts["kind"], strict=True))
    parents = dict(zip(accounts["account"], accounts["parent"], strict=True))
    assert kinds["経済産業省関連合計"] == "total"
    assert [a for a, k in kinds.items() if k == "account"] == [
        "一般会計",
        "エネルギー対策特別会計",
        "GX推進対策費",
        "特許特別会計",
    ]
    assert parents["中小企業対策費"] == parents["その他"] == "一般会計"
    assert parents["原子力損害賠償支援勘定"] == "エネルギー対策特別会計"
    assert not any(a.startswith("うち") for a in accounts["account"])
