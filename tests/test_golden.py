"""Golden tests: the shipped document, checked against its own text.

Where a figure can be read from the source with a plain regex, the test reads it that
way (independently of the loader) and compares; the hard-coded counts are the ones the
issue quotes, cross-checked by those regexes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from loaders.tables import load_document
from tests.conftest import SHIPPED

LINES = SHIPPED.read_text(encoding="utf-8").splitlines()
_WIDE = r"[^\x00-\x7f]"


def norm(text: str) -> str:
    """NFKC without any whitespace: how two spellings of one text are compared here."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def body_range() -> range:
    """Line numbers of the policy body: from the first ① heading to 予算の執行にあたって."""
    first = next(i for i, line in enumerate(LINES, 1) if line.lstrip().startswith("①"))
    last = next(i for i, line in enumerate(LINES, 1) if line.strip() == "予算の執行にあたって")
    return range(first, last)


def item_lines() -> dict[int, str]:
    """Body lines with a 【…億円…】 that is not a section total (independent of the loader)."""
    found = {}
    for number in body_range():
        line = LINES[number - 1]
        if (
            re.search(r"【[^】]*億円[^】]*】", line)
            and not re.match(r"\s*[①-⑳]", line)
            and not line.strip().startswith("【")
        ):
            found[number] = line
    return found


ITEM_LINES = item_lines()


def bracket_tail(line: str) -> str:
    return norm(line.split("】", 1)[1])


# -- counts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "count"),
    [
        ("documents", 1),
        ("accounts", 11),
        ("sections", 10),
        ("policies", 26),
        ("items", 158),
        ("priority_requests", 71),
        ("matter_requests", 6),
        ("reconciliation", 27),
    ],
)
def test_rows_per_table(tables, table: str, count: int) -> None:
    assert len(tables[table]) == count


def test_item_count_matches_an_independent_regex(tables) -> None:
    assert len(ITEM_LINES) == 158
    assert sorted(tables["items"]["source_line"]) == sorted(ITEM_LINES)


def test_accounts_and_sections_counted_from_the_text(tables) -> None:
    header = next(i for i, line in enumerate(LINES) if "概算要求額" in line)
    table_rows = []
    for line in LINES[header + 1 :]:
        if not line.strip():
            break
        table_rows.append(line)
    assert len(tables["accounts"]) == len(table_rows)
    markers = [line for line in LINES if re.match(r"\s*[①-⑳]", line)]
    # plus the 福島 pillar, a section of its own with no ① (its 【total】 follows it directly)
    assert len(tables["sections"]) == len(markers) + 1


FLAG_PATTERNS = {
    "is_new": lambda line: "新規" in norm(line.split("】")[0]),
    "is_portion": lambda line: "内数" in norm(line.split("】")[0]),
    "is_relisted": lambda line: "(再掲)" in bracket_tail(line),
    "is_forward": lambda line: "(後掲)" in bracket_tail(line),
    "is_reference": lambda line: norm(line).lstrip("-・").startswith("※"),
    "account_partial": lambda line: "(一部" in bracket_tail(line),
}


@pytest.mark.parametrize(
    ("flag", "count"),
    [
        ("is_new", 25),
        ("is_portion", 9),
        ("is_relisted", 24),
        ("is_forward", 5),
        ("is_reference", 19),
        ("account_partial", 12),
    ],
)
def test_flag_counts_and_lines(tables, flag: str, count: int) -> None:
    items = tables["items"]
    assert int(items[flag].sum()) == count
    expected_lines = sorted(n for n, line in ITEM_LINES.items() if FLAG_PATTERNS[flag](line))
    assert sorted(items.loc[items[flag], "source_line"]) == expected_lines


def test_multiyear_and_primary_counts(tables) -> None:
    items = tables["items"]
    multiyear_lines = sorted(n for n, line in ITEM_LINES.items() if "国庫債務負担行為" in line)
    assert len(multiyear_lines) == 7
    assert sorted(items.loc[items["multiyear_oku"].notna(), "source_line"]) == multiyear_lines
    assert items["multiyear_years"].notna().sum() == 7
    assert int(items["is_primary"].sum()) == 120


# -- stated totals and reconciliation ------------------------------------------------------

SECTION_TOTALS = [  # (request, base) as printed in each section's 【】
    (16241.0, 11076.0),
    (1591.0, 366.0),
    (168.0, 141.0),
    (1030.0, 895.0),
    (66.0, 65.0),
    (1143.0, 936.0),
    (190.0, 157.0),
    (336.0, 298.0),
    (97.0, 89.0),
    (910.0, 753.0),
]


def test_stated_section_totals(tables) -> None:
    sections = tables["sections"].sort_values("order")
    assert list(zip(sections["request_oku"], sections["base_oku"], strict=True)) == SECTION_TOTALS
    assert list(sections["section_no"].fillna("")) == ["①", "②", "①", "②", "①", "②", "③", "①", "②", ""]
    assert sections["section_id"].is_unique
    fukushima = sections.iloc[-1]
    assert fukushima["pillar"] == "最重要課題：福島復興の更なる加速"
    assert fukushima["name"] == "福島復興の更なる加速"
    assert pd.isna(fukushima["theme_no"])


def test_reconciliation_statuses(tables) -> None:
    recon = tables["reconciliation"]
    assert recon["status"].value_counts().to_dict() == {"gap": 18, "rounding": 7, "ok": 2}
    assert recon["scope"].value_counts().to_dict() == {"sections": 20, "accounts": 6, "priority_requests": 1}
    assert (recon["difference_oku"] - (recon["stated_oku"] - recon["computed_oku"])).abs().max() < 1e-9
    assert not recon["label"].str.contains("nan").any()


def test_fukushima_request_listed_versus_stated(tables) -> None:
    recon = tables["reconciliation"]
    row = recon[(recon["label"] == "福島復興の更なる加速") & (recon["measure"] == "request")].iloc[0]
    # independently: every non-※, non-内数 figure listed under the 福島 pillar
    start = next(i for i, line in enumerate(LINES, 1) if line.startswith("最重要課題"))
    listed = [
        float(norm(m.group(1)).replace(",", ""))
        for line in LINES[start : body_range().stop - 1]
        if "【" in line and not norm(line).lstrip("-").startswith(("※", "【")) and "内数" not in line
        for m in [re.search(r"【([\d., ]+)億円", line)]
        if m
    ]
    assert math.fsum(listed) == pytest.approx(975.8)
    assert (row["stated_oku"], row["computed_oku"], row["status"]) == (910.0, pytest.approx(975.8), "gap")
    assert row["difference_oku"] == pytest.approx(-65.8)


def test_priority_total(tables) -> None:
    recon = tables["reconciliation"]
    row = recon[recon["scope"] == "priority_requests"].iloc[0]
    stated = float(norm(LINES[-1].split("\t")[1]).replace("億円", "").replace(",", ""))
    assert stated == row["stated_oku"] == 2400.0
    assert row["computed_oku"] == pytest.approx(2408.08)
    assert row["status"] == "rounding"  # 71 figures × 0.5 tolerance


def test_account_reconciliation(tables) -> None:
    recon = tables["reconciliation"]
    acc = recon[recon["scope"] == "accounts"].set_index(["ref_id", "measure"])
    assert acc.loc[("一般会計", "request"), "computed_oku"] == 1336 + 1510 + 1439
    assert acc.loc[("一般会計", "base"), "status"] == "ok"
    assert acc.loc[("経済産業省関連合計", "request"), "computed_oku"] == 4286 + 7820 + 10985 + 1525
    assert acc.loc[("経済産業省関連合計", "request"), "status"] == "rounding"


def test_section_sums_use_primary_non_portion_listings_only(tables) -> None:
    items, recon = tables["items"], tables["reconciliation"]
    counted = items[~(items["is_relisted"] | items["is_forward"] | items["is_reference"] | items["is_portion"])]
    counted = counted.drop_duplicates("project_key")
    for row in recon[(recon["scope"] == "sections") & (recon["measure"] == "request")].itertuples():
        assert row.computed_oku == pytest.approx(counted.loc[counted["section_id"] == row.ref_id, "request_oku"].sum())


# -- a dozen items, field by field -------------------------------------------------------------


def _line_of(fragment: str, nth: int = 0) -> int:
    return [n for n, line in ITEM_LINES.items() if fragment in line][nth]


DOZEN = [
    (
        "GXサプライチェーン構築支援事業【1,171億円",
        0,
        dict(
            name="GXサプライチェーン構築支援事業",
            request_oku=1171.0,
            base_oku=None,
            is_new=True,
            account="GX推進対策費",
            multiyear_oku=5785.0,
            multiyear_years=5,
            is_primary=True,
            section_id="p1-t1-s1",
        ),
    ),
    (
        "GX サプライチェーン構築支援事業",
        0,
        dict(name="GXサプライチェーン構築支援事業", is_relisted=True, multiyear_oku=5785.0, is_primary=False),
    ),
    (
        "グリーンイノベーション基金事業【2兆7,564億円",
        0,
        dict(
            request_oku=None,
            base_oku=None,
            reference_oku=27564.0,
            reference_basis="R2、4補正、R5当初",
            is_reference=True,
            account="GX推進対策費",
            account_partial=True,
            is_relisted=False,
        ),
    ),
    (
        "廃炉・汚染水・処理水対策事業",
        0,
        dict(
            request_oku=176.0,
            base_oku=149.0,
            base_basis="R4補正",
            is_reference=False,
            account="一般会計",
            section_id="p2",
            is_primary=True,
        ),
    ),
    (
        "ALPS 処理水の海洋放出",
        0,
        dict(
            name="ALPS処理水の海洋放出に伴う影響を乗り越えるための漁業者支援事業",
            reference_oku=500.0,
            reference_basis="R4補正",
            account="エネルギー対策特別会計",
            account_partial=True,
        ),
    ),
    (
        "独立行政法人情報処理推進機構運営費交付金",
        0,
        dict(
            request_oku=69.0, base_oku=70.0, is_portion=True, base_is_portion=True, is_primary=True, account="一般会計"
        ),
    ),
    (
        "国立研究開発法人産業技術総合研究所運営費交付金【654 億円（618",
        0,
        dict(request_oku=654.0, is_portion=False, is_forward=False, is_primary=True, section_id="p1-t2-s2"),
    ),
    (
        "中小企業生産性革命推進事業（IT導入補助金）",
        0,
        dict(
            name="中小企業生産性革命推進事業(IT導入補助金)",
            reference_oku=2000.0,
            reference_basis="R4補正",
            is_portion=True,
            is_reference=True,
        ),
    ),
    ("福島県医療機器開発", 0, dict(request_oku=2.8, base_oku=3.2, account="東日本大震災復興特別会計")),
    ("少子化対策関連サービス", 0, dict(request_oku=0.4, is_new=True, base_oku=None, account="一般会計")),
    ("スタートアップ知財支援基盤整備事業", 0, dict(request_oku=3.0, base_oku=2.0, account="特許特別会計")),
    (
        "高速炉実証炉開発事業",
        0,
        dict(request_oku=267.0, base_oku=76.0, multiyear_oku=673.0, multiyear_years=3, account="GX推進対策費"),
    ),
    (
        "経済環境変化に応じた重要物資サプライチェーン強靱化支援事業",
        3,
        dict(is_relisted=True, is_reference=True, account="GX推進対策費", account_partial=True, section_id="p1-t4-s2"),
    ),
    ("地域の中堅・中核企業の経営力向上支援事業", 0, dict(is_forward=True, is_primary=False, request_oku=27.0)),
]


@pytest.mark.parametrize(("fragment", "nth", "fields"), DOZEN, ids=[d[0][:12] for d in DOZEN])
def test_item_fields(tables, fragment: str, nth: int, fields: dict) -> None:
    items = tables["items"]
    line = _line_of(fragment, nth)
    row = items[items["source_line"] == line].iloc[0]
    assert row["raw"] == LINES[line - 1].strip()
    got = {k: (None if pd.isna(row[k]) else row[k]) for k in fields}
    assert got == fields


# -- projects and primary listings --------------------------------------------------------------


def test_listings_share_a_project_key(tables) -> None:
    items = tables["items"]
    independent = items["raw"].map(lambda raw: norm(raw.split("【")[0]).lstrip("-・").lstrip("※"))
    assert (independent == items["project_key"]).all()
    per_key = items.groupby("project_key")["name"].nunique()
    assert (per_key == 1).all()
    assert items.loc[items["name"] == "GXサプライチェーン構築支援事業", "project_key"].nunique() == 1
    assert (items["name"] == "GXサプライチェーン構築支援事業").sum() == 2
    assert (items["name"] == "グリーンイノベーション基金事業").sum() == 4


def test_one_primary_listing_per_counted_project(tables) -> None:
    items = tables["items"]
    countable = ~(items["is_relisted"] | items["is_forward"] | items["is_reference"])
    primaries = items[items["is_primary"]].groupby("project_key").size()
    has_countable = items[countable].groupby("project_key").size()
    assert set(primaries.index) == set(has_countable.index)
    assert (primaries == 1).all()
    primary = items[items["is_primary"]]
    assert not (primary["is_relisted"] | primary["is_forward"] | primary["is_reference"]).any()
    assert primary["request_oku"].notna().all()


def test_display_names_have_no_space_beside_japanese(tables) -> None:
    beside = re.compile(rf"{_WIDE}\s|\s{_WIDE}")
    for table, column in [
        ("items", "name"),
        ("sections", "name"),
        ("priority_requests", "name"),
        ("accounts", "account"),
        ("sections", "theme"),
        ("sections", "pillar"),
    ]:
        values = tables[table][column].dropna()
        assert not values.map(lambda v: bool(beside.search(v))).any(), (table, column)
    names = set(tables["items"]["name"])
    assert "ALPS処理水風評影響対策事業" in names
    assert "先進的CCS支援事業" in names


# -- years -------------------------------------------------------------------------------------


def test_years_from_the_title(tables) -> None:
    doc = tables["documents"].iloc[0]
    assert doc["title"] == norm(LINES[2]).replace("年度", "年度 ").replace("関係", "関係 ").strip()
    assert (doc["request_year_label"], doc["request_fiscal_year"]) == ("令和6年度", 2024)
    assert (doc["base_year_label"], doc["base_fiscal_year"]) == ("令和5年度", 2023)
    assert doc["ministry"] == "経済産業省"
    assert doc["unit"] == "億円"


@pytest.mark.parametrize(("era", "request_year", "base_year"), [("令和7年度", 2025, 2024), ("令和元年度", 2019, 2018)])
def test_title_year_drives_every_year(tmp_path: Path, era: str, request_year: int, base_year: int) -> None:
    text = SHIPPED.read_text(encoding="utf-8").replace("令和6年度 経済産業省関係", f"{era} 経済産業省関係", 1)
    copy = tmp_path / "meti_other.txt"
    copy.write_text(text, encoding="utf-8")
    doc = load_document(copy)["documents"].iloc[0]
    assert (doc["request_year_label"], doc["request_fiscal_year"], doc["base_fiscal_year"]) == (
        era,
        request_year,
        base_year,
    )


# -- nothing dropped silently ----------------------------------------------------------------------


def test_every_line_becomes_data_or_a_log_entry(tables) -> None:
    covered: set[int] = set()
    for table in ("accounts", "sections", "items", "priority_requests", "matter_requests", "parse_log"):
        covered |= set(tables[table]["source_line"].dropna().astype(int))
    policy_text = [norm(t) for t in tables["policies"]["text"]]
    title = norm(tables["documents"]["title"].iloc[0])
    missing = []
    for number, line in enumerate(LINES, 1):
        if not line.strip() or number in covered:
            continue
        content = norm(line).lstrip("-・○")
        if content == title or any(content in text for text in policy_text):
            continue
        missing.append((number, line))
    assert missing == []


def test_parse_log_is_clean_on_the_shipped_document(tables) -> None:
    log = tables["parse_log"]
    assert set(log["level"]) == {"info"}
    assert log["source_line"].notna().all()


def test_involves_transfer_marks_the_priority_total_only(tables) -> None:
    # A structured flag for code (the dashboard used to look for 繰入 in the note).
    recon = tables["reconciliation"]
    flagged = recon[recon["involves_transfer"]]
    assert flagged["scope"].tolist() == ["priority_requests"]
    assert flagged["note"].iloc[0] == "エネルギー対策特別会計へ繰入を含む"


def test_priority_total_without_a_transfer_is_not_flagged(tmp_path: Path) -> None:
    source = tmp_path / "no_transfer.txt"
    text = SHIPPED.read_text(encoding="utf-8").replace("エネルギー対策特別会計へ繰入", "エネルギー対策特別会計への支出")
    source.write_text(text, encoding="utf-8")
    recon = load_document(source)["reconciliation"]
    row = recon[recon["scope"] == "priority_requests"].iloc[0]
    assert not row["involves_transfer"] and pd.isna(row["note"])
