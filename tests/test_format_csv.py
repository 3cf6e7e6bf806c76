"""Shared helpers: 億円 formatting, CSV bytes and file names, URL parameters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import numpy as np
import pandas as pd
import pytest

from dashboard.domain.csvout import csv_filename, neutralize, to_csv_bytes
from dashboard.domain.format import change, oku, pct, signed_oku, signed_pct
from dashboard.domain.params import Param, parse, parse_all, serialize

BOM = b"\xef\xbb\xbf"
DAY = dt.date(2026, 11, 29)

# ---------------------------------------------------------------- format


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (24615, "2兆4,615億円"),
        (16896, "1兆6,896億円"),
        (10985, "1兆985億円"),
        (10000, "1兆円"),
        (20000.0, "2兆円"),
        (9999.999, "1兆円"),  # rounds to 2 decimals before splitting off 兆
        (2408.08, "2,408.08億円"),
        (242.2, "242.2億円"),
        (1594, "1,594億円"),
        (0.05, "0.05億円"),
        (0.01, "0.01億円"),
        (0.5, "0.5億円"),
        (0, "0億円"),
        (0.0, "0億円"),
        (-8.08, "▲8.08億円"),
        (-1, "▲1億円"),
        (-24615, "▲2兆4,615億円"),
        (np.float64(7719), "7,719億円"),
        (np.int64(176), "176億円"),
        (None, "—"),
        (float("nan"), "—"),
        (np.nan, "—"),
    ],
)
def test_oku_japanese(value: float | None, expected: str) -> None:
    assert oku(value) == expected
    assert oku(value, "ja") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (24615, "¥2.46 trillion"),
        (10000, "¥1 trillion"),
        (1594, "¥159.4 billion"),
        (10, "¥1 billion"),
        (0.05, "¥5 million"),
        (0.01, "¥1 million"),
        (0.001, "¥100,000"),
        (0, "¥0"),
        (-8.08, "\u2212¥808 million"),
        (None, "—"),
        (float("nan"), "—"),
    ],
)
def test_oku_english(value: float | None, expected: str) -> None:
    assert oku(value, "en") == expected


def test_oku_negative_rounding_to_zero_has_no_sign() -> None:
    assert oku(-0.004) == "0億円"


def test_oku_english_rounding_up_to_the_next_unit() -> None:
    assert oku(9999.99, "en") == "¥1 trillion"


@pytest.mark.parametrize(
    ("request_oku", "base_oku", "expected_change", "expected_pct"),
    [
        (24615, 16896, 7719, 45.6854),
        (4286, 3495, 791, 22.6323),
        (69, 47, 22, 46.8085),
        (1, 2, -1, -50.0),
        (5, None, None, None),  # 新規: no base
        (None, 5, None, None),
        (5, 0, 5, None),  # no percentage of a zero base
        (float("nan"), 5, None, None),
    ],
)
def test_change_and_pct(
    request_oku: float | None, base_oku: float | None, expected_change: float | None, expected_pct: float | None
) -> None:
    assert change(request_oku, base_oku) == (pytest.approx(expected_change) if expected_change is not None else None)
    assert pct(request_oku, base_oku) == (pytest.approx(expected_pct) if expected_pct is not None else None)


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (7719, "ja", "+7,719億円"),
        (6089, "ja", "+6,089億円"),
        (12000, "ja", "+1兆2,000億円"),
        (-1, "ja", "▲1億円"),
        (-0.05, "ja", "▲0.05億円"),
        (0, "ja", "0億円"),
        (None, "ja", "—"),
        (7719, "en", "+¥771.9 billion"),
        (-8.08, "en", "\u2212¥808 million"),
    ],
)
def test_signed_oku(value: float | None, lang: str, expected: str) -> None:
    assert signed_oku(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(45.6854, "+45.7%"), (124.3668, "+124.4%"), (-3.14, "▲3.1%"), (0, "0.0%"), (None, "—"), (math.nan, "—")],
)
def test_signed_pct(value: float | None, expected: str) -> None:
    assert signed_pct(value) == expected
    assert "▲" not in signed_pct(value, "en")  # English: a minus sign, never ▲


# ---------------------------------------------------------------- CSV bytes


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_bom_header_and_crlf() -> None:
    frame = pd.DataFrame({"事業名": ["工業用水道事業費", "ユニコーン創出支援事業"], "要望額（億円）": [29.0, 4.0]})
    data = to_csv_bytes(frame)
    assert data.startswith(BOM)
    assert not data[len(BOM) :].startswith(BOM)  # one BOM, not two
    text = data[len(BOM) :].decode("utf-8")
    assert text.split("\r\n")[0] == "事業名,要望額（億円）"
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 3 and text.count("\n") == 3  # no bare LF
    assert _rows(data) == [
        ["事業名", "要望額（億円）"],
        ["工業用水道事業費", "29.0"],
        ["ユニコーン創出支援事業", "4.0"],
    ]
    # Japanese Excel reads it as UTF-8 thanks to the BOM; the bytes are not CP932
    assert "工業用水道事業費".encode() in data


def test_csv_has_no_index_column() -> None:
    frame = pd.DataFrame({"a": [1, 2]}, index=[10, 20])
    assert _rows(to_csv_bytes(frame)) == [["a"], ["1"], ["2"]]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("工業用水道事業費", "工業用水道事業費"),
        ("a=b", "a=b"),  # only the first character matters
        ("", ""),
    ],
)
def test_csv_neutralizes_formula_cells(cell: str, expected: str) -> None:
    assert neutralize(cell) == expected
    frame = pd.DataFrame({"text": [cell], "n": [1.5]})
    rows = _rows(to_csv_bytes(frame))
    assert rows[1] == [expected, "1.5"]


@pytest.mark.parametrize("value", [-3.5, 0.05, -8.08, 1594, 0, np.float64(-1.0)])
def test_csv_numbers_untouched(value: float) -> None:
    assert neutralize(value) == value
    rows = _rows(to_csv_bytes(pd.DataFrame({"要望額（億円）": [value]})))
    assert float(rows[1][0]) == float(value)
    assert not rows[1][0].startswith("'")


def test_csv_text_columns_of_every_dtype_and_headers() -> None:
    frame = pd.DataFrame(
        {
            "object": pd.Series(["=1", 2.5, None], dtype=object),
            "string": pd.Series(["-x", "ok", None], dtype="string"),
            "=header": ["a", "b", "c"],
            "amount": [-1.0, float("nan"), 3.0],
        }
    )
    rows = _rows(to_csv_bytes(frame))
    assert rows[0] == ["object", "string", "'=header", "amount"]
    assert rows[1] == ["'=1", "'-x", "a", "-1.0"]
    assert rows[2] == ["2.5", "ok", "b", ""]  # a missing amount is an empty cell, never 0
    assert rows[3] == ["", "", "c", "3.0"]


def test_csv_does_not_change_the_frame() -> None:
    frame = pd.DataFrame({"a": ["=1"]})
    to_csv_bytes(frame)
    assert frame["a"].iloc[0] == "=1"


def test_csv_empty_frame_has_the_header() -> None:
    data = to_csv_bytes(
        pd.DataFrame({"事業名": pd.Series([], dtype=str), "要望額（億円）": pd.Series([], dtype=float)})
    )
    assert data == BOM + "事業名,要望額（億円）\r\n".encode()


@pytest.mark.parametrize(
    ("page", "filters", "expected"),
    [
        ("priority", {"q": "水素", "min": 10, "section": []}, "priority_q-水素_min-10_2026-11-29.csv"),
        ("priority", {}, "priority_2026-11-29.csv"),
        ("priority", {"section": ["p1-t3-s2", "unlinked"]}, "priority_section-p1-t3-s2+unlinked_2026-11-29.csv"),
        ("priority", {"q": None, "max": "", "flag": False, "transfer": "0"}, "priority_transfer-0_2026-11-29.csv"),
        ("compare", {"level": "item", "top": 20}, "compare_level-item_top-20_2026-11-29.csv"),
        ("priority", {"q": 'a/b\\c:d*?"<>|'}, "priority_q-a-b-c-d-_2026-11-29.csv"),
        ("priority", {"q": "GX サプライ"}, "priority_q-GX-サプライ_2026-11-29.csv"),
        ("priority", {"q": "../../etc/passwd"}, "priority_q-..-..-etc-passwd_2026-11-29.csv"),
    ],
)
def test_csv_filename(page: str, filters: dict, expected: str) -> None:
    assert csv_filename(page, filters, DAY) == expected


def test_csv_filename_is_short_and_safe() -> None:
    name = csv_filename("priority", {"q": "長" * 400}, DAY)
    assert name.endswith(".csv") and len(name) <= 154
    assert "/" not in name and "\\" not in name
    assert csv_filename("priority", {}).endswith(f"{dt.date.today().isoformat()}.csv")


# ---------------------------------------------------------------- URL parameters

NUMBER = Param("min", "number", minimum=0)
INT = Param("top", "int", default=20, minimum=1, maximum=500)
CHOICE = Param("match", "choice", ("exact", "fuzzy", "none"))
CHOICE_DEFAULT = Param("size", "choice", ("request", "base"), default="request")
MULTI = Param("section", "multi", ("p1-t1-s1", "p2", "unlinked"), default=[])
TEXT = Param("q", "text", default="")


@pytest.mark.parametrize(
    ("spec", "values", "expected", "dropped"),
    [
        (NUMBER, ["10"], 10.0, []),
        (NUMBER, ["0.05"], 0.05, []),
        (NUMBER, ["1e3"], 1000.0, []),
        (NUMBER, [" 10 "], 10.0, []),
        (NUMBER, ["abc"], None, ["abc"]),
        (NUMBER, ["-5"], None, ["-5"]),  # below the minimum
        (NUMBER, ["nan"], None, ["nan"]),
        (NUMBER, ["inf"], None, ["inf"]),
        (NUMBER, ["1e999"], None, ["1e999"]),
        (NUMBER, ["0x10"], None, ["0x10"]),
        (NUMBER, [""], None, []),  # an empty value is simply not set
        (NUMBER, [], None, []),
        (NUMBER, ["1", "2"], 2.0, []),  # the last one wins, as in a browser form
        (INT, ["50"], 50, []),
        (INT, ["2.5"], 20, ["2.5"]),
        (INT, ["0"], 20, ["0"]),
        (INT, ["501"], 20, ["501"]),
        (INT, ["ten"], 20, ["ten"]),
        (CHOICE, ["fuzzy"], "fuzzy", []),
        (CHOICE, ["xyz"], None, ["xyz"]),
        (CHOICE, ["EXACT"], None, ["EXACT"]),
        (CHOICE_DEFAULT, ["base"], "base", []),
        (CHOICE_DEFAULT, ["<script>"], "request", ["<script>"]),
        (MULTI, ["p2", "unlinked"], ["p2", "unlinked"], []),
        (MULTI, ["p2", "nope", "p2"], ["p2"], ["nope"]),
        (MULTI, ["nope"], [], ["nope"]),
        (MULTI, [], [], []),
        (TEXT, ["水素"], "水素", []),
        (TEXT, ["GX サプライ"], "GX サプライ", []),
        (TEXT, ["x" * 200], "x" * 200, []),
        (TEXT, ["x" * 201], "", ["x" * 201]),
        (TEXT, [], "", []),
    ],
)
def test_parse(spec: Param, values: list[str], expected: object, dropped: list[str]) -> None:
    assert parse(spec, values) == (expected, dropped)


def test_parse_multi_all_bad_falls_back_to_a_non_empty_default() -> None:
    spec = Param("account", "multi", ("一般会計", "GX"), default=["一般会計"])
    assert parse(spec, ["nope"]) == (["一般会計"], ["nope"])


def test_parse_all_reports_every_bad_value() -> None:
    raw = {"min": ["abc"], "match": ["xyz"], "section": ["p2", "nope"], "q": ["水素"], "unknown": ["1"]}
    values, bad = parse_all(raw, [NUMBER, CHOICE, MULTI, TEXT, INT])
    assert values == {"min": None, "match": None, "section": ["p2"], "q": "水素", "top": 20}
    assert bad == [("min", "abc"), ("match", "xyz"), ("section", "nope")]
    assert parse_all({}, [NUMBER, INT]) == ({"min": None, "top": 20}, [])


@pytest.mark.parametrize(
    ("spec", "value", "expected"),
    [
        (NUMBER, 10.0, ["10"]),
        (NUMBER, 0.05, ["0.05"]),
        (NUMBER, 0.0, ["0"]),
        (NUMBER, None, None),
        (INT, 20, None),  # the default stays out of the URL
        (INT, 50, ["50"]),
        (CHOICE, "exact", ["exact"]),
        (CHOICE_DEFAULT, "request", None),
        (CHOICE_DEFAULT, "base", ["base"]),
        (MULTI, [], None),
        (MULTI, ["p2", "unlinked"], ["p2", "unlinked"]),
        (TEXT, "", None),
        (TEXT, "水素", ["水素"]),
    ],
)
def test_serialize(spec: Param, value: object, expected: list[str] | None) -> None:
    assert serialize(spec, value) == expected


@pytest.mark.parametrize(
    ("spec", "value"),
    [(NUMBER, 10.0), (NUMBER, 2408.08), (INT, 7), (CHOICE, "none"), (MULTI, ["unlinked", "p2"]), (TEXT, "GX サプライ")],
)
def test_serialize_then_parse_round_trips(spec: Param, value: object) -> None:
    assert parse(spec, serialize(spec, value)) == (value, [])
