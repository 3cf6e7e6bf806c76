"""The loader reads amounts exactly or refuses them (issue 21, point 2).

Every amount position of a summary (accounts, うち rows, totals, section totals, projects and
their 国庫債務負担行為, 推進枠) takes exactly the document's number grammar
(loaders/amounts.py): a well-formed amount reads back as its value; a sign, an exponent, bad
grouping, too many digits or a stray character is an error naming the line, never part of a
name and never dropped. The issue's probes run on the whole shipped document.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import LoaderError
from loaders.amounts import parse_amount
from loaders.build import parse_sources
from loaders.lines import LineError, parse_account_row, parse_item, parse_priority_row, split_total
from loaders.text import nfkc
from tests.conftest import SHIPPED

TEXT = SHIPPED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def _line_no(fragment: str) -> int:
    return next(i for i, line in enumerate(LINES, 1) if line.startswith(fragment))


def _load_with(tmp_path, fragment: str, new: str) -> tuple[int, dict]:
    """The shipped text with the line starting ``fragment`` replaced; its number and the tables."""
    number = _line_no(fragment)
    path = tmp_path / "meti_r6_gaisan_gaiyou.txt"
    path.write_text("\n".join([*LINES[: number - 1], new, *LINES[number:]]), encoding="utf-8")
    return number, path


# --- the probes, on the whole document ------------------------------------------------

PRIORITY_LINE = "ユニコーン創出支援事業\t"

PROBES = [
    ("account-triangle", "一般会計\t", "一般会計\t▲4,286 億円\t3,495 億円", "sign (▲)"),
    ("total-triangle", "経済産業省関連合計\t", "経済産業省関連合計\t▲2 兆 4,615 億円\t1 兆 6,896 億円", "sign (▲)"),
    ("priority-triangle", PRIORITY_LINE, "ユニコーン創出支援事業\t▲4 億円", "sign (▲)"),
    ("priority-white-triangle", PRIORITY_LINE, "ユニコーン創出支援事業\t△4 億円", "sign (△)"),
    ("priority-minus", PRIORITY_LINE, "ユニコーン創出支援事業\t−4 億円", "sign (−)"),
    ("priority-hyphen", PRIORITY_LINE, "ユニコーン創出支援事業\t-4 億円", "sign (-)"),
    ("priority-long-vowel-cell", PRIORITY_LINE, "ユニコーン創出支援事業\tー4 億円", "sign (ー)"),
    ("priority-exponent", PRIORITY_LINE, "ユニコーン創出支援事業\t1e308 億円", "exponent"),
    ("account-exponent", "一般会計\t", "一般会計\t1e308 億円\t3,495 億円", "exponent"),
    ("account-grouping", "一般会計\t", "一般会計\t42,86 億円\t3,495 億円", "groups of three"),
    ("priority-grouping", PRIORITY_LINE, "ユニコーン創出支援事業\t42,86 億円", "groups of three"),
    (
        "total-24-digits",
        "経済産業省関連合計\t",
        "経済産業省関連合計\t100000000000000000000000 兆 1,392 億円\t1 兆 6,896 億円",
        "digits before 兆",
    ),
    ("priority-8-digits", PRIORITY_LINE, "ユニコーン創出支援事業\t12,345,678 億円", "digits before 億"),
    ("account-no-figure-cell", "一般会計\t", "一般会計\tー\t3,495 億円", "(no figure)"),
    ("account-dash-cell", "一般会計\t", "一般会計\t-\t3,495 億円", "(no figure)"),
    ("account-spaced-sign", "一般会計\t", "一般会計\t- 4,286 億円\t3,495 億円", "sign (-)"),
    ("breakdown-stray-letter", "うち、その他\t", "うち、その他\t1,43x9 億円\t1,283 億円", "stray characters"),
    (
        "project-sign",
        " - 中小企業等エネルギー利用最適化推進事業費【",
        " - 中小企業等エネルギー利用最適化推進事業費【▲32億円(8億円)】(エネ特)",
        "sign (▲)",
    ),
    (
        "section-grouping",
        "① GXの実現とエネルギー安定供給の確保",
        "① GXの実現とエネルギー安定供給の確保 【1兆62,41億円(1兆1,076億円)】",
        "cannot read",
    ),
    (
        "multiyear-sign",
        " - 省エネルギー投資促進・需要構造転換支援事業費【",
        " - 省エネルギー投資促進・需要構造転換支援事業費【910億円(新規)】(GX) ※国庫債務負担行為(5年) : ▲1,925億円",
        "sign (▲)",
    ),
]


@pytest.mark.parametrize(("case", "fragment", "line", "reason"), PROBES, ids=[p[0] for p in PROBES])
def test_probe_is_refused_with_file_and_line(tmp_path, case: str, fragment: str, line: str, reason: str) -> None:
    number, path = _load_with(tmp_path, fragment, line)
    with pytest.raises(LoaderError) as info:
        parse_sources([path])
    message = str(info.value)
    assert f"{path}:{number}:" in message and reason in message, message


def test_a_long_vowel_ending_a_name_is_not_a_sign(tmp_path) -> None:
    # ー is a sign only at the start of a cell: "センター" ends with one.
    number, path = _load_with(tmp_path, PRIORITY_LINE, "ユニコーン創出支援センター\t4 億円")
    frame = parse_sources([path])["priority_requests"]
    row = frame[frame["source_line"] == number].iloc[0]
    assert (row["name"], row["request_oku"]) == ("ユニコーン創出支援センター", 4.0)


@pytest.mark.parametrize(
    ("fragment", "line", "table", "name"),
    [
        (
            " - 中小企業等エネルギー利用最適化推進事業費【",
            " - -中小企業等エネルギー利用最適化推進事業費【32億円(8億円)】(エネ特)",
            "items",
            "-中小企業等エネルギー利用最適化推進事業費",
        ),
        (PRIORITY_LINE, "-ユニコーン創出支援事業\t4 億円", "priority_requests", "-ユニコーン創出支援事業"),
    ],
)
def test_a_name_starting_with_a_dash_keeps_it(tmp_path, fragment: str, line: str, table: str, name: str) -> None:
    number, path = _load_with(tmp_path, fragment, line)
    frame = parse_sources([path])[table]
    row = frame[frame["source_line"] == number].iloc[0]
    assert row["name"] == name


def test_matter_requests_keep_figures_as_text(tmp_path) -> None:
    """事項要求 have no amount: a figure written in one is text, every character kept (the
    spaces beside Japanese go, as in every display text)."""
    topic = "・大阪・関西万博の会場整備に関する施策(▲4,286 億円、1e308 億円、42,86 億円)、"
    _, path = _load_with(tmp_path, "- ・大阪・関西万博", "- " + topic)
    texts = parse_sources([path])["matter_requests"]["text"].tolist()
    assert any("(▲4,286億円、1e308億円、42,86億円)" in text for text in texts), texts


# --- properties over every amount position ----------------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


@st.composite
def amounts(draw) -> tuple[str, float]:
    """A well-formed amount as a summary may print it, and its value in 億円."""
    cents = draw(st.integers(min_value=1, max_value=9_999_999_99))
    decimals = draw(st.sampled_from([0, 1, 2]))
    cents -= cents % (10 ** (2 - decimals))
    value = cents / 100

    def number(n: float, places: int) -> str:
        grouped = draw(st.booleans())
        text = f"{n:,.{places}f}" if grouped else f"{n:.{places}f}"
        return text

    space = draw(st.sampled_from(["", " "]))
    if value >= 10000 and draw(st.booleans()):
        cho, oku = divmod(cents, 1_000_000)
        oku_text = number(oku / 100, decimals) if oku else ""
        text = f"{number(cho, 0)}{space}兆{space}{oku_text}{space}{'億円' if oku else '円'}"
    else:
        text = f"{number(value, decimals)}{space}億円"
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    return text, value


def _positions(a: str, b: str) -> dict[str, callable]:
    """Each amount position with ``a`` where its first figure goes (``b`` as the comparison)."""
    return {
        "account": lambda: parse_account_row(nfkc(f"一般会計  {a}  {b}")).request_oku,
        "breakdown": lambda: parse_account_row(nfkc(f"うち、中小企業対策費  {a}  {b}")).request_oku,
        "total": lambda: parse_account_row(nfkc(f"経済産業省関連合計  {a}  {b}")).request_oku,
        "account-base": lambda: parse_account_row(nfkc(f"一般会計  {b}  {a}")).base_oku,
        "section": lambda: split_total(nfkc(f"GXの実現 【{a}({b})】"))[1].amount,
        "section-base": lambda: split_total(nfkc(f"GXの実現 【{b}({a})】"))[1].base,
        "project": lambda: parse_item(f" - 事業【{a}({b})】(エネ特)").figures.amount,
        "project-base": lambda: parse_item(f" - 事業【{b}({a})】(エネ特)").figures.base,
        "multiyear": lambda: parse_item(f" - 事業【{b}(新規)】(GX) ※国庫債務負担行為(5年) : {a}").multiyear_oku,
        "priority": lambda: parse_priority_row(nfkc(f"ユニコーン創出支援事業  {a}"))[1],
    }


POSITIONS = list(_positions("1 億円", "1 億円"))
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("position", POSITIONS)
@_SETTINGS
@given(amount=amounts())
def test_well_formed_amounts_read_exactly(position: str, amount: tuple[str, float]) -> None:
    text, value = amount
    assert _positions(text, "3,495 億円")[position]() == pytest.approx(value, abs=1e-9)
    assert parse_amount(text) == pytest.approx(value, abs=1e-9)


@st.composite
def malformed(draw) -> str:
    """An amount broken the ways the issue found: a sign, an exponent, bad grouping, too many digits, a letter."""
    text, _ = draw(amounts())
    kind = draw(st.sampled_from(["sign", "exponent", "grouping", "digits", "letter"]))
    if kind == "sign":
        return draw(st.sampled_from(["▲", "△", "−", "-", "+", "▼"])) + draw(st.sampled_from(["", " "])) + text
    if kind == "exponent":
        return f"{draw(st.integers(1, 9))}{draw(st.sampled_from(['e', 'E', 'e+']))}{draw(st.integers(1, 400))} 億円"
    if kind == "grouping":
        digits = draw(st.integers(min_value=1_000, max_value=9_999_999))
        cut = draw(st.integers(min_value=1, max_value=len(str(digits)) - 1))
        grouped = f"{str(digits)[:cut]},{str(digits)[cut:]}"
        if grouped == f"{digits:,}":  # that one is well formed
            grouped = f"{str(digits)[:-2]},{str(digits)[-2:]}"
        return f"{grouped} 億円"
    if kind == "digits":
        many = draw(st.integers(min_value=10**7, max_value=10**30))
        return draw(st.sampled_from([f"{many} 億円", f"{many:,} 億円", f"{many * 1000} 兆 1,392 億円"]))
    letter = draw(st.sampled_from("xXoOlI"))
    number = text.split("億")[0].split("兆")[0].strip()
    cut = draw(st.integers(min_value=0, max_value=len(number)))
    return text.replace(number, number[:cut] + letter + number[cut:], 1) if cut else f"1{letter}{text}"


@pytest.mark.parametrize("position", POSITIONS)
@_SETTINGS
@given(bad=malformed())
def test_malformed_amounts_are_refused(position: str, bad: str) -> None:
    with pytest.raises(LineError):
        _positions(bad, "3,495 億円")[position]()
