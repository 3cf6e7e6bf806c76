"""budget_checks: each document's accounts against the budget book, said in both languages."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.budget_checks import check_documents

MINISTRY = "経済産業省"


def _tables(years: dict[str, int]) -> dict[str, pd.DataFrame]:
    documents = pd.DataFrame(
        {"document_id": list(years), "base_fiscal_year": list(years.values()), "ministry": MINISTRY}
    )
    accounts = pd.DataFrame(
        [
            {"document_id": d, "account": a, "parent": None, "kind": k, "order": o, "base_oku": v}
            for d in years
            for a, k, o, v in (("一般会計", "account", 1, 30.0), ("経済産業省関連合計", "total", 2, 30.0))
        ]
    )
    return {"documents": documents, "accounts": accounts}


def _book(amounts: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fiscal_year": list(amounts),
            "stage": "initial",
            "ministry": MINISTRY,
            "account_type": "general",
            "account": "一般会計",
            "sub_account": None,
            "is_transfer": False,
            "major_expense_name": "中小企業対策費",
            "amount_yen": [v * 1e8 for v in amounts.values()],
        }
    )


def test_a_total_sums_its_own_documents_accounts() -> None:
    """Two documents: the second's total is its own accounts' book figure, not the first's added in."""
    checks = check_documents(_tables({"a": 2023, "b": 2024}), _book({2023: 30.0, 2024: 30.2}))
    total = checks[checks["kind"] == "total"].set_index("document_id")
    assert total["book_oku"].to_dict() == pytest.approx({"a": 30.0, "b": 30.2})
    assert total["status"].to_dict() == {"a": "ok", "b": "rounding"}


@pytest.mark.parametrize(
    ("book", "status", "english", "japanese"),
    [
        ({2023: 30.0}, "ok", "difference +0.00, the same.", "差は+0.00億円で一致。"),
        ({2023: 35.0}, "gap", "difference -5.00, a gap beyond rounding.", "差は-5.00億円で丸めを超える差。"),
        ({2022: 30.0}, "not covered", "no 経済産業省 records for FY2023.", "2023年度の経済産業省の記録がありません。"),
    ],
)
def test_each_status_is_said_in_both_languages(book, status, english, japanese) -> None:
    checks = check_documents(_tables({"a": 2023}), _book(book))
    row = checks[checks["kind"] == "account"].iloc[0]
    assert row["status"] == status
    assert row["sentence"].startswith("一般会計 FY2023 initial budget") and row["sentence"].endswith(english)
    assert row["sentence_ja"].startswith("一般会計の2023年度当初予算") and row["sentence_ja"].endswith(japanese)
