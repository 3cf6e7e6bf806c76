"""Reference sources (budget books, project reviews) on the real data: checks, stage figures, links.

The golden figures are recomputed here from the gzip JSON files with a few lines of plain
``json`` and ``sum``, not through the loader's tables, so a mistake in the loader's path
(a stage mapped wrongly, a transfer kept, a yen conversion) shows as a difference.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.views import stages as sg
from loaders import reference as ref
from loaders.review_links import link_reviews, normalize
from tests.conftest import ROOT

SHIPPED_REFERENCE = ROOT / "data" / "reference"
# the full files: ../shared/reference/upstream beside the checkout (or beside the folder of worktrees)
FULL = (
    next(
        (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "reference" / "upstream").is_dir()),
        ROOT.parent / "shared",
    )
    / "reference"
    / "upstream"
)
METI = "経済産業省"


def _plain_items(folder: Path, year: int) -> list[dict]:
    with gzip.open(folder / f"mof-jikou-{year}.json.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)["items"]


def _plain_general(folder: Path, year: int, budget_type: str, field: str) -> float:
    """METI's general-account 事項 without 繰入, summed in yen, in 億円 (plain json, no loader)."""
    items = _plain_items(folder, year)
    return (
        sum(
            i[field] or 0
            for i in items
            if i["accountType"] == "general"
            and i["ministry"] == METI
            and i["budgetType"] == budget_type
            and "繰入" not in i["name"]
        )
        / 1e8
    )


# --- the checks of the document's stated base against the budget book ---------------------------


@pytest.mark.parametrize(
    ("account", "stated"),
    [("一般会計", 3495), ("中小企業対策費", 1090), ("科学技術振興費", 1122), ("その他", 1283), ("特許特別会計", 1454)],
)
def test_base_checks_reproduce_the_stated_base(tables, account: str, stated: float) -> None:
    checks = tables["budget_checks"].set_index("account")
    row = checks.loc[account]
    assert row["fiscal_year"] == 2023 and row["stage"] == "initial"
    assert row["document_oku"] == stated
    assert abs(row["book_oku"] - stated) <= 0.5  # the document prints whole 億円
    assert row["status"] in ("ok", "rounding")
    assert f"{stated:,}" in row["sentence"] and row["sentence_ja"]


def test_general_base_is_the_book_without_transfers(tables) -> None:
    """3,494.75億円 = FY2023 initial, METI general account, 繰入 left out (with them 8,808.94)."""
    row = tables["budget_checks"].set_index("account").loc["一般会計"]
    assert row["book_oku"] == pytest.approx(_plain_general(SHIPPED_REFERENCE, 2023, "当初予算", "amount"), abs=1e-9)
    assert row["book_oku"] == pytest.approx(3494.74948, abs=1e-9)


@pytest.mark.parametrize(
    "account", ["エネルギー対策特別会計", "エネルギー需給勘定", "GX推進対策費", "経済産業省関連合計"]
)
def test_co_managed_accounts_are_not_comparable_with_a_reason(tables, account: str) -> None:
    row = tables["budget_checks"].set_index("account").loc[account]
    assert row["status"] == "not comparable"
    assert pd.isna(row["book_oku"]) and pd.isna(row["difference_oku"])
    assert "not comparable" in row["sentence"] and "比" in row["sentence_ja"]


def test_energy_sentence_says_why(tables) -> None:
    sentence = tables["budget_checks"].set_index("account").loc["エネルギー対策特別会計", "sentence"]
    assert "managed jointly" in sentence and "経済産業省" in sentence and "debt service" in sentence


# --- golden FY2024 stage figures ----------------------------------------------------------------

GENERAL_FY2024 = {  # 億円, METI's general account without 繰入, from the FY2024 budget book
    "initial": 3579.92612,
    "supplementary": 37028.69326,
    "current": 63804.507689,
    "spent": 57433.885024,
}


def _folders() -> list[Path]:
    return [SHIPPED_REFERENCE, *([FULL] if FULL.is_dir() else [])]


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: p.parent.name + "/" + p.name)
def test_fy2024_general_stages_golden(tables, folder: Path) -> None:
    """The page's figures equal plain sums over the published files (the subset and, when present, the full ones)."""
    stages = sg.stage_figures(tables["budget_items"], METI, "一般会計", 2024, {"一般会計": 4286.0})
    plain = {
        "initial": _plain_general(folder, 2024, "当初予算", "amount"),
        "supplementary": _plain_general(folder, 2024, "補正予算（第1号）", "difference"),
        "current": _plain_general(folder, 2024, "決算", "currentAmount"),
        "spent": _plain_general(folder, 2024, "決算", "spent"),
        "carried": _plain_general(folder, 2024, "決算", "carriedOver"),
        "unused": _plain_general(folder, 2024, "決算", "unused"),
    }
    assert stages.request_oku == 4286.0
    assert stages.initial_oku == pytest.approx(plain["initial"], abs=1e-6)
    assert stages.supplementary_oku == {1: pytest.approx(plain["supplementary"], abs=1e-6)}
    assert stages.current_oku == pytest.approx(plain["current"], abs=1e-6)
    assert stages.spent_oku == pytest.approx(plain["spent"], abs=1e-6)
    assert stages.carried_over_oku == pytest.approx(plain["carried"], abs=1e-6)
    assert stages.unused_oku == pytest.approx(plain["unused"], abs=1e-6)
    for key, value in GENERAL_FY2024.items():
        assert plain[key] == pytest.approx(value, abs=1e-6)


def test_fy2024_patent_has_no_settled_detail(tables) -> None:
    stages = sg.stage_figures(tables["budget_items"], METI, "特許特別会計", 2024)
    items = _plain_items(SHIPPED_REFERENCE, 2024)
    initial = sum(i["amount"] for i in items if i["specialAccount"] == "特許特別会計" and i["budgetType"] == "当初予算")
    assert stages.initial_oku == pytest.approx(initial / 1e8, abs=1e-9)
    assert stages.current_oku is None and stages.spent_oku is None  # 決算 事項 are general-account only


def test_energy_stages_give_a_reason_not_a_number(tables) -> None:
    stages = sg.stage_figures(
        tables["budget_items"], METI, "エネルギー対策特別会計", 2024, {"エネルギー対策特別会計": 7820}
    )
    assert not stages.comparable and stages.initial_oku is None and "jointly" in stages.reason


def test_budget_items_keep_yen_and_convert_exactly(tables) -> None:
    book = tables["budget_items"]
    assert set(book["stage"]) == {"initial", "supplementary", "provisional", "settled"}
    assert set(book["fiscal_year"]) == set(range(2017, 2027))
    rows = book.dropna(subset=["amount_yen"])
    assert (rows["amount_oku"] == rows["amount_yen"].astype("int64") / 100_000_000).all()
    sup = book[book["stage"] == "supplementary"]
    assert sup["supplementary_no"].notna().all() and sup["budget_type"].str.startswith("補正予算（第").all()
    assert book["source_url"].str.startswith("https://www.bb.mof.go.jp/").all()


def test_subset_keeps_every_meti_record_of_the_full_files(tmp_path: Path) -> None:
    if not FULL.is_dir():
        pytest.skip("the full reference files are not beside the project")
    ref.write_subset(FULL, tmp_path)
    for year in (2017, 2024, 2026):
        full = [i for i in _plain_items(FULL, year) if ref.in_ministry(i["ministry"], METI)]
        assert _plain_items(tmp_path, year) == full
        assert _plain_items(SHIPPED_REFERENCE, year) == full  # the shipped files are this command's output


def test_subset_is_small() -> None:
    size = sum(p.stat().st_size for p in SHIPPED_REFERENCE.iterdir())
    assert size < 3_000_000


# --- links to the project reviews -----------------------------------------------------------------

#: Checked by reading both: same bureau and purpose as the document's project.
VERIFIED = {
    "中小企業等エネルギー利用最適化推進事業費": (3964, "exact"),  # 資源エネルギー庁, 省エネ診断
    "GXサプライチェーン構築支援事業": (7135, "exact"),  # GXグループ
    "高温ガス炉実証炉開発事業": (7141, "exact"),
    "高速炉実証炉開発事業": (7143, "exact"),
    "廃炉・汚染水・処理水対策事業": (3525, "exact"),
    "福島国際研究教育機構関連事業": (7097, "exact"),
    "日・ASEAN経済産業協力拠出金": (3613, "exact"),
    "蓄電池の製造サプライチェーン強靱化支援事業": (7116, "fuzzy"),  # review name ends …事業費
    "産業サイバーセキュリティ強靱化事業": (3589, "fuzzy"),  # 強靭 in the review
    "原子力損害賠償廃炉等支援機構交付金": (3844, "normalized"),  # 原子力損害賠償・廃炉等…
    "産油国共同石油備蓄事業費補助金": (3700, "part"),  # 石油備蓄事業(うち産油国共同石油備蓄事業費補助金)
    "官民による若手研究者発掘支援事業": (3516, "part"),  # イノベーション創出…(うち官民による若手研究者発掘支援事業)
}
#: Near names of other projects: a looser rule would link them wrongly.
MUST_STAY_UNLINKED = (
    "GXを実現する半導体の製造サプライチェーン強靱化支援事業",  # not 蓄電池の製造サプライチェーン強靱化支援事業費
    "スタートアップ知財支援基盤整備事業",  # not ディープテック・スタートアップ支援事業
    "少子化対策関連サービス需要創出・基盤強化事業",  # not 特定生活関連サービスインバウンド需要創出促進・基盤強化事業
)


@pytest.mark.parametrize(("project", "expected"), VERIFIED.items())
def test_verified_links(tables, project: str, expected: tuple[int, str]) -> None:
    links = tables["review_links"]
    rows = links[links["item_name"] == project]
    assert len(rows) == 1, rows
    assert (int(rows["project_id"].iloc[0]), rows["match"].iloc[0]) == expected
    assert not rows["ambiguous"].iloc[0]


@pytest.mark.parametrize("project", MUST_STAY_UNLINKED)
def test_names_that_must_stay_unlinked(tables, project: str) -> None:
    rows = tables["review_links"][tables["review_links"]["item_name"] == project]
    assert rows["match"].tolist() == ["none"] and rows["project_id"].isna().all()


def test_an_ambiguous_name_is_several_rows_flagged(tables) -> None:
    links = tables["review_links"]
    rows = links[links["item_name"] == "クリーンエネルギー自動車導入促進補助金"]
    assert sorted(rows["project_id"].astype(int)) == [6019, 7268]
    assert rows["ambiguous"].all() and (rows["candidates"] == 2).all()


def test_every_primary_project_has_a_link_row(tables) -> None:
    items, links = tables["items"], tables["review_links"]
    assert set(links["project_key"]) == set(items.loc[items["is_primary"], "project_key"])
    linked = links[links["match"] != "none"]["project_key"].nunique()
    assert linked / items["is_primary"].sum() > 0.7


def test_links_use_only_the_documents_ministry(tables) -> None:
    reviews = tables["review_records"].copy()
    reviews["ministry"] = "環境省"
    links = link_reviews({"documents": tables["documents"], "items": tables["items"]}, reviews)
    assert set(links["match"]) == {"none"}


@pytest.mark.parametrize(
    ("a", "b"), [("ＧＸ サプライチェーン", "GXサプライチェーン"), ("原子力損害賠償・廃炉", "原子力損害賠償廃炉")]
)
def test_normalize(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


# --- safe links -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://www.bb.mof.go.jp/server/2024/xml/x.xml",
        "https://www.bb.mof.go.jp.evil.example/x",
        "https://evil.example/?www.bb.mof.go.jp",
        "javascript:alert(1)",
        "https://user@www.bb.mof.go.jp/x",
        'https://www.bb.mof.go.jp/x"><script>',
        None,
        "",
    ],
)
def test_unsafe_urls_are_not_links(url) -> None:
    assert sg.safe_url(url) is None


def test_reference_missing_still_loads(tmp_path: Path, monkeypatch) -> None:
    from loaders.build import parse_sources

    monkeypatch.setenv("BUDGET_REFERENCE_DIR", str(tmp_path))
    built = parse_sources([ROOT / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"])
    assert built["budget_items"].empty and built["review_records"].empty
    assert set(built["budget_checks"]["status"]) == {"not covered"}
    assert set(built["review_links"]["match"]) == {"none"}


def test_a_damaged_reference_file_is_named(tmp_path: Path, monkeypatch) -> None:
    from loaders import LoaderError
    from loaders.build import parse_sources

    (tmp_path / "mof-jikou-2024.json.gz").write_bytes(b"not gzip")
    monkeypatch.setenv("BUDGET_REFERENCE_DIR", str(tmp_path))
    with pytest.raises(LoaderError, match=r"mof-jikou-2024\.json\.gz"):
        parse_sources([ROOT / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"])


def test_an_upload_gets_the_joins_and_shares_the_reference_tables(tables) -> None:
    from dashboard.uploads import store as upload

    shipped = (ROOT / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt").read_bytes()
    uploaded = upload.parse_upload(shipped.replace("令和6年度".encode(), "令和7年度".encode(), 1), "r7.txt")
    assert set(uploaded.tables["budget_checks"]["fiscal_year"]) == {2024}  # its own base year
    assert (uploaded.tables["review_links"]["document_id"] == uploaded.document_id).all()
    both = upload.merged(tables, [uploaded])
    assert len(both["budget_items"]) == len(tables["budget_items"])  # never one copy per document
    assert len(both["review_links"]) == len(tables["review_links"]) + len(uploaded.tables["review_links"])
