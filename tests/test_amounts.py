"""Amount strings as printed → float 億円 (loaders.amounts)."""

from __future__ import annotations

import pytest

from loaders.amounts import AMOUNT, amount_from_match, parse_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 兆 985 億円", 10985.0),
        ("1兆985億円", 10985.0),
        ("2兆4,615億円", 24615.0),
        ("2 兆 4,615 億円", 24615.0),
        ("1 兆 8691 億円", 18691.0),
        ("2 兆 7,564 億円", 27564.0),
        ("2兆円", 20000.0),
        ("4,286 億円", 4286.0),
        ("4,286億円", 4286.0),
        ("0.05 億円", 0.05),
        ("0.01 億円", 0.01),
        ("2.8 億円", 2.8),
        ("0.4 億円", 0.4),
        ("1,594 億円", 1594.0),
        ("  176 億円  ", 176.0),
        # full-width digits, comma and point, as extraction sometimes leaves them
        ("２兆４，６１５億円", 24615.0),
        ("０．０５億円", 0.05),
        ("１兆 ９８５ 億円", 10985.0),
    ],
)
def test_parse_amount(text: str, expected: float) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "億円",
        "兆円",
        "abc",
        "新規",
        "4,286",
        "4,286 円",
        "4,286 万円",
        "約 5 億円",
        "5 億円の内数",
        "- 5 億円",
    ],
)
def test_garbage_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize(
    ("line", "amounts"),
    [
        ("GX 推進対策費\t1 兆 985 億円 ※…総額 1 兆 8691 億円の 投資促進策\t4,896 億円", [10985.0, 18691.0, 4896.0]),
        ("経済産業省関連合計\t2 兆 4,615 億円\t1 兆 6,896 億円", [24615.0, 16896.0]),
        ("【176 億円(149 億円(R4 補正))】", [176.0, 149.0]),
        ("第 13 回 WTO 閣僚会合", []),
        ("2050 年カーボンニュートラル", []),
    ],
)
def test_amounts_in_running_text(line: str, amounts: list[float]) -> None:
    assert [amount_from_match(m) for m in AMOUNT.finditer(line)] == amounts


def test_cho_is_ten_thousand_oku() -> None:
    # The rule, not a copy of the loader's output: 兆 = 10,000 億.
    assert parse_amount("3 兆 1 億円") == 3 * 10_000 + 1
    assert parse_amount("1 兆 0.5 億円") == 10_000.5
