"""Data-quality page: the reconciliation explained, parse log, documents, source lines in context."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.views import quality as qa
from tests.conftest import ROOT, app_test, open_app_page

YEARS = ("令和6年度", "令和5年度")


def _table(tables: dict, lang: str = "ja", statuses: list[str] | None = None):
    return qa.reconciliation_table(
        tables["reconciliation"], tables["accounts"], tables["sections"], lang, YEARS, statuses
    )


def test_status_counts(tables: dict) -> None:
    assert qa.status_counts(tables["reconciliation"]) == {"ok": 2, "rounding": 7, "gap": 18}


def test_every_check_has_a_sentence_and_figures_to_001(tables: dict) -> None:
    shown = _table(tables)
    assert len(shown) == len(tables["reconciliation"])
    assert shown["説明"].str.len().gt(10).all()
    for column in ("記載額（億円）", "計算値（億円）", "差（億円）", "許容差（億円）"):
        assert (shown[column].round(2) == shown[column]).all()
    assert not shown["照合内容"].str.contains("nan").any()


@pytest.mark.parametrize(
    ("ref_id", "measure", "lang", "fragment"),
    [
        ("p1-t1-s1", "request", "ja", "1,086億円（7%）は、資料が個別の事業として列挙していない分"),
        ("p1-t1-s1", "request", "en", "¥108.6 billion (7%) of this section's ¥1.62 trillion is not itemised"),
        ("p2", "request", "ja", "列挙された事業の合計が記載の総額を65.8億円上回ります"),
        ("p2", "request", "en", "add up to ¥6.58 billion more than the stated total"),
        ("一般会計", "request", "ja", "差1億円は四捨五入の範囲内"),
        ("一般会計", "base", "en", "agree"),
    ],
)
def test_sentences(tables: dict, ref_id: str, measure: str, lang: str, fragment: str) -> None:
    recon = tables["reconciliation"]
    row = recon[(recon["ref_id"] == ref_id) & (recon["measure"] == measure)].iloc[0]
    assert fragment in qa.explain(row, lang)


def test_status_filter(tables: dict) -> None:
    assert len(_table(tables, statuses=["gap"])) == 18
    assert set(_table(tables, "en", ["ok", "rounding"])["Result"]) == {"✓ ok", "≈ rounding"}


def test_parse_log_filter(tables: dict) -> None:
    log = tables["parse_log"]
    assert len(qa.parse_log_table(log, "ja")) == len(log)
    warnings = qa.parse_log_table(log, "en", ["warning", "error"])
    assert len(warnings) == log["level"].isin(["warning", "error"]).sum()
    info = qa.parse_log_table(log, "ja", ["info"])
    assert set(info["レベル"]) == {"情報"}


def test_document_fields(tables: dict) -> None:
    fields = qa.document_fields(tables["documents"].iloc[0], "en")
    values = dict(zip(fields["Field"], fields["Value"], strict=True))
    assert values["SHA-256"] == tables["documents"]["source_sha256"].iloc[0][:16] + "…"
    assert values["Encoding"] == "utf-8"
    assert values["Loaded at"].endswith("UTC")


@pytest.mark.parametrize("bad", ["../../etc/passwd", "/etc/passwd", "data/raw/no_such_file.txt", "", None, "data"])
def test_source_path_only_inside_the_project(bad: str | None) -> None:
    assert qa.source_path(bad) is None


def test_source_context(tables: dict) -> None:
    path = qa.source_path(tables["documents"]["source_file"].iloc[0])
    assert path is not None and path.is_relative_to(ROOT)
    lines = qa.read_source(path)
    shown = qa.context(lines, 139).splitlines()
    assert len(shown) == 11
    assert shown[5].startswith("▶ 139 | - 独立行政法人情報処理推進機構運営費交付金")
    assert qa.context(lines, 1).splitlines()[0].startswith("▶ 1 |")
    assert len(qa.context(lines, 1).splitlines()) == 6
    assert qa.context(lines, len(lines) + 1) == "" and qa.context(lines, 0) == ""
    assert not qa.source_changed(path, tables["documents"]["source_sha256"].iloc[0])
    assert qa.source_changed(path, "0" * 64)


def test_line_uses(tables: dict) -> None:
    assert qa.line_uses(tables, 139) == ["items: 独立行政法人情報処理推進機構運営費交付金"]
    assert qa.line_uses(tables, 135) == []


def test_source_path_rejects_symlink_out(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "root" / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert qa.source_path("link.txt", tmp_path / "root") is None


# --- the page --------------------------------------------------------------------------


def _context(at: AppTest) -> list[str]:
    """The source-context blocks on the page (not the sha256 line)."""
    return [c.value for c in at.code if " | " in c.value]


_page = partial(open_app_page, "quality")


def test_page_statuses_match_the_table(tables: dict) -> None:
    at = _page()
    metrics = {m.label: int(m.value) for m in at.metric}
    counts = tables["reconciliation"]["status"].value_counts()
    assert metrics == {"一致": counts["ok"], "四捨五入の差": counts["rounding"], "差あり（未列挙など）": counts["gap"]}
    assert metrics["一致"] == 2 and metrics["四捨五入の差"] == 7 and metrics["差あり（未列挙など）"] == 18
    shown = at.dataframe[0].value
    assert shown["結果"].value_counts().to_dict() == {"Δ 差あり": 18, "≈ 四捨五入": 7, "✓ 一致": 2}
    assert at.dataframe[1].value["会計"].tolist()[0] == "GX推進対策費"  # stated totals against listed projects
    assert len(at.dataframe[2].value) == len(tables["parse_log"])
    fields = at.dataframe[3].value  # a grid, not st.table: st.table renders cells as Markdown
    sha = tables["documents"]["source_sha256"].iloc[0]
    assert sha[:16] + "…" in fields.iloc[:, 1].tolist()
    assert any(c.value.startswith(sha + "  data/raw/") for c in at.code)  # the full digest, sha256sum -c format
    lines = next(m.value for m in at.markdown if m.value.startswith("- **")).splitlines()
    assert len(lines) == 27 and sum("Δ 差あり" in line for line in lines) == 18


def test_page_source_line_in_context() -> None:
    at = _page(line="139")
    code = _context(at)[0]
    assert "▶ 139 | - 独立行政法人情報処理推進機構運営費交付金【69 億円の内数（70 億円の内数）】" in code
    assert " 134 |" in code and " 144 |" in code and " 145 |" not in code
    assert at.number_input[0].value == 139


def test_page_filters_from_url(tables: dict) -> None:
    at = _page(status="gap", level="warning")
    assert len(at.dataframe[0].value) == 18
    assert len(at.dataframe[2].value) == (tables["parse_log"]["level"] == "warning").sum()


@pytest.mark.parametrize("params", [{"line": "99999"}, {"line": "abc"}, {"status": "weird"}, {"level": "x"}])
def test_page_bad_params_warn(params: dict) -> None:
    at = _page(**params)
    assert at.warning
    assert not _context(at)  # no source shown for a bad line


def test_page_english() -> None:
    at = app_test()
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/quality.py")
    at.query_params["line"] = "55"
    at.run()
    assert not at.exception
    assert [m.label for m in at.metric] == ["Agree", "Rounding", "Gap (not itemised etc.)"]
    assert list(at.dataframe[0].value.columns)[:3] == ["Check", "Figure", "Result"]
    assert "▶ 55 |" in _context(at)[0]


def test_account_coverage_explains_stated_against_listed(tables: dict) -> None:
    cov = qa.account_coverage(tables, "ja").set_index("会計")
    gx = cov.loc["GX推進対策費"]
    assert gx["令和6年度 要求額（資料の合計、億円）"] == 10985.0
    assert gx["令和6年度 掲載事業の計（億円）"] == pytest.approx(10437.0)
    assert gx["令和6年度 未掲載分（億円）"] == pytest.approx(548.0)
    assert "1兆985億円" in gx["説明"] and "1兆437億円" in gx["説明"]


def test_transfer_sentence_follows_the_structured_flag_not_a_word(tables: dict) -> None:
    row = tables["reconciliation"].query("scope == 'priority_requests'").iloc[0].copy()
    assert bool(row["involves_transfer"])
    assert qa.explain(row, "en").endswith(qa.t("qa.explain.transfer", "en"))
    row["involves_transfer"] = False  # another document: the word 繰入 in a note says nothing
    row["note"] = "繰入"
    assert qa.t("qa.explain.transfer", "en") not in qa.explain(row, "en")
