"""Budget-project lines: every construct the summary prints after a project's name.

Each line is run through the whole walk (``loaders.assemble.walk``) inside a minimal
document, so the expected values are the items-table fields, not parser internals.
"""

from __future__ import annotations

import pytest

from loaders.assemble import walk
from loaders.lines import LineError, parse_item

_DOC = """令和6年度 経済産業省関係 概算要求等概要

国内投資の拡大

(1) テーマ

① 節の名前 【100 億円（90 億円）】

- 施策の説明。
{line}

予算の執行にあたって
"""


def item_row(line: str) -> dict:
    """The items row the loader makes of ``line`` (the only item of a small document)."""
    parsed = walk(_DOC.format(line=line).splitlines())
    errors = [r for r in parsed.log if r["level"] == "error"]
    assert not errors, errors
    assert len(parsed.items) == 1
    return parsed.items[0]


PLAIN = dict(
    request_oku=None,
    base_oku=None,
    base_basis=None,
    reference_oku=None,
    reference_basis=None,
    is_new=False,
    is_portion=False,
    is_relisted=False,
    is_forward=False,
    is_reference=False,
    account="一般会計",
    account_partial=False,
    multiyear_oku=None,
    multiyear_years=None,
)


def expect(**fields) -> dict:
    return {**PLAIN, **fields}


CASES = [
    pytest.param(
        " - 省エネルギー投資促進・需要構造転換支援事業費【910億円(新規)】(GX) ※国庫債務負担行為(5年) : 1,925億円",
        expect(
            name="省エネルギー投資促進・需要構造転換支援事業費",
            request_oku=910.0,
            is_new=True,
            account="GX推進対策費",
            multiyear_oku=1925.0,
            multiyear_years=5,
        ),
        id="新規-GX-multiyear-halfwidth",
    ),
    pytest.param(
        " - 高温ガス炉実証炉開発事業【256 億円（48 億円）】（GX）※国庫債務負担行為（3 年）：848 億円",
        expect(
            name="高温ガス炉実証炉開発事業",
            request_oku=256.0,
            base_oku=48.0,
            account="GX推進対策費",
            multiyear_oku=848.0,
            multiyear_years=3,
        ),
        id="multiyear-fullwidth",
    ),
    pytest.param(
        " - GX 分野のディープテック・スタートアップ支援事業【407 億円（新規）】（GX）（再掲）※ 国庫債務負担行為（5 年）：2,034 億円",
        expect(
            name="GX分野のディープテック・スタートアップ支援事業",
            request_oku=407.0,
            is_new=True,
            is_relisted=True,
            account="GX推進対策費",
            multiyear_oku=2034.0,
            multiyear_years=5,
        ),
        id="multiyear-after-再掲",
    ),
    pytest.param(
        "- 事業【10 億円（新規）】（GX） ※ 国庫債務負担行為 ( 5 年 ) ： 1 兆 2,034 億円",
        expect(
            name="事業", request_oku=10.0, is_new=True, account="GX推進対策費", multiyear_oku=12034.0, multiyear_years=5
        ),
        id="multiyear-spaces-cho",
    ),
    pytest.param(
        " - 独立行政法人情報処理推進機構運営費交付金【69 億円の内数（70 億円の内数）】",
        expect(name="独立行政法人情報処理推進機構運営費交付金", request_oku=69.0, base_oku=70.0, is_portion=True),
        id="内数-both-sides",
    ),
    pytest.param(
        "- 独立行政法人中小企業基盤整備機構運営費交付金【212 億円の内数 (183 億円の内数) 】(再掲)",
        expect(
            name="独立行政法人中小企業基盤整備機構運営費交付金",
            request_oku=212.0,
            base_oku=183.0,
            is_portion=True,
            is_relisted=True,
        ),
        id="内数-halfwidth-再掲",
    ),
    pytest.param(
        " - 国立研究開発法人産業技術総合研究所運営費交付金【654 億円の内数（618 億円の内数）】（後掲）",
        expect(
            name="国立研究開発法人産業技術総合研究所運営費交付金",
            request_oku=654.0,
            base_oku=618.0,
            is_portion=True,
            is_forward=True,
        ),
        id="内数-後掲",
    ),
    pytest.param(
        " - 廃炉・汚染水・処理水対策事業【176 億円（149 億円（R4 補正））】",
        expect(name="廃炉・汚染水・処理水対策事業", request_oku=176.0, base_oku=149.0, base_basis="R4補正"),
        id="base-R4補正",
    ),
    pytest.param(
        "- ※ グリーンイノベーション基金事業【2兆7,564億円(R2、4補正、R5当初)】(一部GX)",
        expect(
            name="グリーンイノベーション基金事業",
            reference_oku=27564.0,
            reference_basis="R2、4補正、R5当初",
            is_reference=True,
            account="GX推進対策費",
            account_partial=True,
        ),
        id="reference-fund",
    ),
    pytest.param(
        " - ※ グリーンイノベーション基金事業【2 兆 7,564 億円（R2、4 補正、R5 当初）】（一部GX）（再掲）",
        expect(
            name="グリーンイノベーション基金事業",
            reference_oku=27564.0,
            reference_basis="R2、4補正、R5当初",
            is_reference=True,
            is_relisted=True,
            account="GX推進対策費",
            account_partial=True,
        ),
        id="reference-fund-再掲-spaced",
    ),
    pytest.param(
        "- ※ ポスト 5G 情報通信システム基盤強化研究開発事業【4,850 億円（R4 補正）】（一部GX）",
        expect(
            name="ポスト5G情報通信システム基盤強化研究開発事業",
            reference_oku=4850.0,
            reference_basis="R4補正",
            is_reference=True,
            account="GX推進対策費",
            account_partial=True,
        ),
        id="reference-R4補正",
    ),
    pytest.param(
        " - ※ 経済環境変化に応じた重要物資サプライチェーン強靱化支援事業【9,582 億円（R4 補正）】（一部 G X）（再掲）",
        expect(
            name="経済環境変化に応じた重要物資サプライチェーン強靱化支援事業",
            reference_oku=9582.0,
            reference_basis="R4補正",
            is_reference=True,
            is_relisted=True,
            account="GX推進対策費",
            account_partial=True,
        ),
        id="一部-G-X-spaced",
    ),
    pytest.param(
        " - ※ 中小企業生産性革命推進事業（IT導入補助金）【2,000 億円（R4 補正）の内数】",
        expect(
            name="中小企業生産性革命推進事業(IT導入補助金)",
            reference_oku=2000.0,
            reference_basis="R4補正",
            is_reference=True,
            is_portion=True,
        ),
        id="reference-内数-after-bracket",
    ),
    pytest.param(
        " - ※ ALPS 処理水風評影響対策事業【300 億円（R3 補正）】（一部エネ特）",
        expect(
            name="ALPS処理水風評影響対策事業",
            reference_oku=300.0,
            reference_basis="R3補正",
            is_reference=True,
            account="エネルギー対策特別会計",
            account_partial=True,
        ),
        id="一部エネ特",
    ),
    pytest.param(
        "- ※ 先端半導体の国内生産拠点の確保【4,500 億円（R4 補正）】",
        expect(
            name="先端半導体の国内生産拠点の確保", reference_oku=4500.0, reference_basis="R4補正", is_reference=True
        ),
        id="reference-no-tag-一般会計",
    ),
    pytest.param(
        " - 地域の中堅・中核企業の経営力向上支援事業【27 億円（25 億円）】（後掲）",
        expect(name="地域の中堅・中核企業の経営力向上支援事業", request_oku=27.0, base_oku=25.0, is_forward=True),
        id="後掲",
    ),
    pytest.param(
        "- 先進的 CCS 支援事業【70 億円（35 億円）】（エネ特）（再掲）",
        expect(
            name="先進的CCS支援事業",
            request_oku=70.0,
            base_oku=35.0,
            is_relisted=True,
            account="エネルギー対策特別会計",
        ),
        id="再掲-エネ特",
    ),
    pytest.param(
        " - スタートアップ知財支援基盤整備事業【3 億円（2 億円）】（特許特）",
        expect(name="スタートアップ知財支援基盤整備事業", request_oku=3.0, base_oku=2.0, account="特許特別会計"),
        id="特許特",
    ),
    pytest.param(
        " - 福島県医療機器開発・安全性評価センター整備事業【2.8 億円（3.2 億円）】（復興特）",
        expect(
            name="福島県医療機器開発・安全性評価センター整備事業",
            request_oku=2.8,
            base_oku=3.2,
            account="東日本大震災復興特別会計",
        ),
        id="復興特-decimals",
    ),
    pytest.param(
        " - 少子化対策関連サービス需要創出・基盤強化事業【0.4 億円（新規）】",
        expect(name="少子化対策関連サービス需要創出・基盤強化事業", request_oku=0.4, is_new=True),
        id="no-tag-一般会計-decimal",
    ),
    pytest.param(
        "- 中小企業活性化・事業承継総合支援事業【223 億円 (157 億円) 】",
        expect(name="中小企業活性化・事業承継総合支援事業", request_oku=223.0, base_oku=157.0),
        id="halfwidth-brackets-spaces",
    ),
    pytest.param(
        "- 中小企業活性化・事業承継総合支援事業【２２３億円（１５７億円）】（エネ特）",
        expect(
            name="中小企業活性化・事業承継総合支援事業",
            request_oku=223.0,
            base_oku=157.0,
            account="エネルギー対策特別会計",
        ),
        id="fullwidth-digits",
    ),
    pytest.param(
        " - 緊急時放出に備えた国家備蓄石油及び国家備蓄施設の管理委託費（石油分）【456 億円（458 億円）】（エネ特）",
        expect(
            name="緊急時放出に備えた国家備蓄石油及び国家備蓄施設の管理委託費(石油分)",
            request_oku=456.0,
            base_oku=458.0,
            account="エネルギー対策特別会計",
        ),
        id="bracket-in-name",
    ),
    pytest.param(
        "・ GX サプライチェーン構築支援事業【1,171 億円（新規）】（GX）",
        expect(name="GXサプライチェーン構築支援事業", request_oku=1171.0, is_new=True, account="GX推進対策費"),
        id="bullet-・-space-beside-Japanese",
    ),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_item_line(line: str, expected: dict) -> None:
    row = item_row(line)
    assert {k: row[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GX サプライチェーン構築支援事業【1 億円】", "GXサプライチェーン構築支援事業【1億円】"),
        ("先進的 CCS 支援事業【1 億円】", "先進的CCS支援事業【1億円】"),
        ("ＧＸサプライチェーン構築支援事業【1億円】", "GXサプライチェーン構築支援事業【1億円】"),
    ],
)
def test_project_key_ignores_spaces_and_width(a: str, b: str) -> None:
    assert parse_item(a).key == parse_item(b).key


def test_latin_words_keep_their_space() -> None:
    assert parse_item("PHR（Personal Health Record）活用事業【1 億円（新規）】").name == (
        "PHR(Personal Health Record)活用事業"
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "no 【amount】"),
        ("ただの文章。", "no 【amount】"),
        ("- 事業【910億円(新規", "without its closing"),
        ("- 事業【910 億円（新規）", "without its closing"),
        ("- 【5 億円（4 億円）】", "no project name"),
        ("- 事業【新規】", "no amount"),
        ("- 事業【5 億円（昨年度）】", "unknown comparison"),
        ("- 事業【5 億円（4 億円）余り】", "unexpected"),
        ("- 事業【5 億円（4 億円】", "unbalanced"),
    ],
)
def test_bad_item_line_raises(line: str, message: str) -> None:
    with pytest.raises(LineError, match=message):
        parse_item(line)


def test_unclosed_bracket_in_document_is_an_error_not_a_paragraph() -> None:
    parsed = walk(_DOC.format(line="- 事業【910億円(新規").splitlines())
    assert not parsed.items
    assert any(r["level"] == "error" and "closing 】" in r["message"] for r in parsed.log)
    assert all("【" not in p["text"] for p in parsed.policies)


@pytest.mark.parametrize(
    ("tail", "warning"),
    [("（謎特）", "unknown tag"), ("（エネ特）余計な文字", "unread text")],
)
def test_unknown_tail_is_logged(tail: str, warning: str) -> None:
    parsed = walk(_DOC.format(line=f"- 事業【5 億円（4 億円）】{tail}").splitlines())
    assert len(parsed.items) == 1
    assert any(r["level"] == "warning" and warning in r["message"] for r in parsed.log)
