"""The 重要政策推進枠 list: rows, its 合計, the page-break blank line, links to projects."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from loaders.assemble import walk
from loaders.lines import LineError, parse_priority_row
from loaders.matching import KeyIndex, match_key, within_one_edit
from loaders.text import nfkc, project_key
from tests.conftest import SHIPPED


@pytest.mark.parametrize(
    ("line", "name", "amount"),
    [
        ("工業用水道事業費\t29 億円", "工業用水道事業費", 29.0),
        ("工業用水道事業費      29 億円", "工業用水道事業費", 29.0),
        ("経済産業省デジタルプラットフォーム構築事業\t0.05 億円", "経済産業省デジタルプラットフォーム構築事業", 0.05),
        ("人権教育・啓発活動支援事業\t0.01 億円", "人権教育・啓発活動支援事業", 0.01),
        ("エネルギー対策特別会計へ繰入\t1,594 億円", "エネルギー対策特別会計へ繰入", 1594.0),
        ("合計\t2,400 億円", "合計", 2400.0),
        (
            nfkc("鉱物資源安定供給確保事業費補助金（希少金属備蓄対策事業）\t２億円"),
            "鉱物資源安定供給確保事業費補助金(希少金属備蓄対策事業)",
            2.0,
        ),
        ("日・ASEAN 経済産業協力拠出金\t0.5 億円", "日・ASEAN 経済産業協力拠出金", 0.5),
    ],
)
def test_priority_row(line: str, name: str, amount: float) -> None:
    assert parse_priority_row(nfkc(line).replace("\t", "  ")) == (name, amount)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("工業用水道事業費", "must end with its amount"),
        ("工業用水道事業費\t29", "must end with its amount"),
        ("工業用水道事業費\t29 億円 (注)", "must end with its amount"),
        ("\t29 億円", "without a project name"),
        ("", "must end with its amount"),
    ],
)
def test_bad_priority_row(line: str, message: str) -> None:
    with pytest.raises(LineError, match=message):
        parse_priority_row(line)


_DOC = """令和6年度 経済産業省関係 概算要求等概要

国内投資の拡大

(1) テーマ

① 節 【100 億円（90 億円）】

- 施策。
 - 貿易手続デジタル化推進事業【15 億円（新規）】
 - 独立行政法人日本貿易振興機構運営費交付金【295 億円（266 億円）】

「重要政策推進枠」要望一覧

事業名\t要望額
貿易手続きデジタル化推進事業\t5 億円
独立行政法人日本貿易振興機構運営費交付金\t127 億円

独立行政法人経済産業研究所運営費交付金\t4 億円
エネルギー対策特別会計へ繰入\t1,594 億円
合計\t1,730 億円"""


def test_list_continues_after_the_blank_line_and_total_is_not_a_row() -> None:
    parsed = walk(_DOC.splitlines())
    assert [r["name"] for r in parsed.priority] == [
        "貿易手続きデジタル化推進事業",
        "独立行政法人日本貿易振興機構運営費交付金",
        "独立行政法人経済産業研究所運営費交付金",
        "エネルギー対策特別会計へ繰入",
    ]
    assert parsed.priority_total["stated_oku"] == 1730.0
    assert parsed.priority_total["source_line"] == len(_DOC.splitlines())


def test_row_without_amount_in_the_list_is_an_error() -> None:
    parsed = walk(_DOC.replace("\t5 億円", "").splitlines())
    errors = [r for r in parsed.log if r["level"] == "error"]
    assert [e["source_line"] for e in errors] == [_DOC.splitlines().index("貿易手続きデジタル化推進事業\t5 億円") + 1]


@pytest.mark.parametrize(
    ("name", "candidates", "match"),
    [
        ("貿易手続きデジタル化推進事業", ["貿易手続デジタル化推進事業"], "fuzzy"),  # 手続/手続き
        (
            "医療機器等における先進的研究開発・開発体制強化事業",
            ["医療機器等における先進的研究開発・開発体制強靱化事業"],
            "fuzzy",
        ),
        ("工業用水道事業費", ["工業用水道事業費"], "exact"),
        ("独立行政法人日本貿易振興機構運営費交付金", ["独立行政法人日本貿易振興機構運営費交付金"], "exact"),
        # two bodies' grants: one or two characters apart, never linked
        ("独立行政法人経済産業研究所運営費交付金", ["独立行政法人産業技術総合研究所運営費交付金"], "none"),
        ("独立行政法人中小企業基盤整備機構運営費交付金", ["独立行政法人中小企業基盤整備機構運営費交付金事業"], "none"),
        ("国際連合工業開発機関拠出金", ["国際連合工業開発機関拠出金等"], "none"),
        ("AB事業", ["AC事業"], "none"),  # too short to guess
        ("地域振興推進事業A", ["地域振興推進事業B", "地域振興推進事業C"], "none"),  # ambiguous
        ("経済産業統計の整備", ["経済産業政策関係調査事業"], "none"),
        ("", ["工業用水道事業費"], "none"),
    ],
)
def test_match_key(name: str, candidates: list[str], match: str) -> None:
    key, kind, score = match_key(project_key(name), [project_key(c) for c in candidates])
    assert kind == match
    assert (key is None) == (match == "none")
    assert score == {"exact": 1.0, "none": 0.0}.get(kind, score)
    if kind == "fuzzy":
        assert 0.9 < score < 1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("abc", "abc", True),
        ("abc", "abd", True),
        ("abc", "ab", True),
        ("abc", "xabc", True),
        ("abc", "acb", False),
        ("abc", "a", False),
        ("", "a", True),
        ("", "", True),
    ],
)
def test_within_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


def test_index_agrees_with_brute_force_on_the_shipped_names(tables) -> None:
    # The deletion index is an optimization: it must find exactly what a full scan finds.
    keys = list(dict.fromkeys(tables["items"]["project_key"]))
    index = KeyIndex(keys)
    for key in tables["priority_requests"]["project_key"]:
        scan = [c for c in keys if within_one_edit(key, c)]
        got = index.match(key)
        if key in keys:
            assert got[1] == "exact"
        elif got[1] == "fuzzy":
            assert scan == [got[0]]
        else:  # no match: the full scan found none either, or more than one (ambiguous, never guessed)
            assert got == (None, "none", 0.0) and len(scan) != 1
    kinds = [index.match(key)[1] for key in tables["priority_requests"]["project_key"]]
    assert kinds.count("fuzzy") == 2 and kinds.count("none") > 0  # both branches were exercised


def _shipped_rows() -> list[tuple[int, str]]:
    """The list's rows read straight from the file, independently of the loader."""
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "重要政策推進枠" in line and "一覧" in line)
    return [(i + 1, line) for i, line in enumerate(lines[start:], start) if re.search(r"億円\s*$", line)]


def test_shipped_list_every_row_including_after_the_blank_line(tables) -> None:
    rows = _shipped_rows()
    priority = tables["priority_requests"]
    body = [(n, line) for n, line in rows if not line.startswith("合計")]
    assert list(priority["source_line"]) == [n for n, _ in body]
    assert len(priority) == 71
    blank = next(
        i
        for i, line in enumerate(SHIPPED.read_text(encoding="utf-8").splitlines(), 1)
        if i > rows[0][0] and not line.strip()
    )
    assert (priority["source_line"] > blank).sum() == 32  # the rows after the page break
    assert priority["request_oku"].sum() == pytest.approx(
        sum(float(re.sub(r"[^\d.]", "", line.split("\t")[1])) for _, line in body)
    )


def test_shipped_links(tables) -> None:
    priority = tables["priority_requests"].set_index("name")
    items = tables["items"].set_index("item_id")
    fuzzy = priority[priority["match"] == "fuzzy"]
    assert sorted(fuzzy.index) == sorted(
        [
            "貿易プラットフォーム活用による貿易手続きデジタル化推進事業",
            "医療機器等における先進的研究開発・開発体制強化事業",
        ]
    )
    assert items.loc[
        fuzzy.loc["貿易プラットフォーム活用による貿易手続きデジタル化推進事業", "matched_item_id"], "name"
    ] == ("貿易プラットフォーム活用による貿易手続デジタル化推進事業")
    linked = priority[priority["matched_item_id"].notna()]
    assert items.loc[linked["matched_item_id"], "is_primary"].all()
    assert (items.loc[linked["matched_item_id"], "section_id"].to_numpy() == linked["section_id"].to_numpy()).all()
    # grants: each linked one is the same body's grant, others stay unlinked
    for name in [
        "独立行政法人経済産業研究所運営費交付金事業",
        "独立行政法人エネルギー・金属鉱物資源機構運営費交付金",
        "国際連合工業開発機関拠出金",
    ]:
        assert priority.loc[name, "match"] == "none"
        assert pd.isna(priority.loc[name, "matched_item_id"])
    for name, row in linked.iterrows():
        if "交付金" in name:
            assert items.loc[row["matched_item_id"], "project_key"] == project_key(name)
    assert priority["is_transfer"].sum() == 1
    assert priority.loc["エネルギー対策特別会計へ繰入", "is_transfer"]
    assert priority.loc["エネルギー対策特別会計へ繰入", "match"] == "none"
    assert priority["match_score"].between(0, 1).all()
