"""The one registry of accounts (loaders/accounts.py): schema and parser derive from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import accounts
from loaders.build import parse_sources
from loaders.lines import parse_item
from loaders.schema import ACCOUNTS_NAMES
from loaders.write import write_tables
from tests.conftest import SHIPPED

TEXT = SHIPPED.read_text(encoding="utf-8")


def test_registry_order_and_codes() -> None:
    assert [a.name for a in accounts.REGISTRY] == [
        "一般会計",
        "エネルギー対策特別会計",
        "GX推進対策費",
        "特許特別会計",
        "東日本大震災復興特別会計",
    ]
    assert [a.code for a in accounts.REGISTRY] == ["general", "energy", "gx", "patent", "reconstruction"]
    assert [a.tag for a in accounts.REGISTRY] == [None, "エネ特", "GX", "特許特", "復興特"]
    assert [a.short for a in accounts.REGISTRY] == ["一般", "エネ特", "GX", "特許特", "復興特"]
    assert all(a.colour.startswith("#") and len(a.colour) == 7 for a in accounts.REGISTRY)
    assert tuple(a.name for a in accounts.REGISTRY) == ACCOUNTS_NAMES


def test_colours_and_english_match_the_dashboard() -> None:
    from dashboard.i18n.names import NAMES_EN
    from dashboard.treemap import ACCOUNT_COLOURS

    for account in accounts.REGISTRY:
        assert account.colour == ACCOUNT_COLOURS[account.name]
        assert account.english == NAMES_EN[account.name]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("energy", "エネルギー対策特別会計"),
        ("general", "一般会計"),
        ("GX推進対策費", "GX推進対策費"),  # an older link with the Japanese name
        ("nothing", None),
        ("", None),
    ],
)
def test_resolve(value: str, name: str | None) -> None:
    found = accounts.resolve(value)
    assert (found.name if found else None) == name


def test_by_tag_and_by_name() -> None:
    assert accounts.by_tag("復興特").name == "東日本大震災復興特別会計"
    assert accounts.by_tag("一般") is None
    unknown = accounts.by_name("宇宙特別会計")
    assert unknown.code.startswith("other-") and len(unknown.code) == len("other-") + 6
    assert unknown.code == accounts.by_name("宇宙特別会計").code  # stable
    assert unknown.code.isascii() and unknown.english == "宇宙特別会計" and unknown.tag is None
    assert unknown.colour == accounts.UNKNOWN_COLOUR


def test_item_tags_come_from_the_registry() -> None:
    for account in accounts.REGISTRY:
        tag = f"({account.tag})" if account.tag else ""
        assert parse_item(f"- 事業【1億円(1億円)】{tag}").account == account.name


def test_an_account_row_the_registry_does_not_know_loads_with_a_warning(tmp_path: Path) -> None:
    row = "特許特別会計\t1,525 億円\t1,454 億円"
    assert row in TEXT
    source = tmp_path / "other_year.txt"
    source.write_text(TEXT.replace(row, row + "\n宇宙特別会計\t12 億円\t10 億円"), encoding="utf-8")
    tables = parse_sources([source])
    table = tables["accounts"].set_index("account")
    assert table.loc["宇宙特別会計", "request_oku"] == 12 and table.loc["宇宙特別会計", "base_oku"] == 10
    assert table.loc["宇宙特別会計", "code"] == accounts.by_name("宇宙特別会計").code
    assert table.loc["GX推進対策費", "code"] == "gx"
    log = tables["parse_log"]
    warned = log[log["message"].str.contains("account not in the registry")]
    assert warned["text"].tolist() == ["宇宙特別会計"]
    # the items may be funded by it: the schema accepts an account of the document's own table
    tables["items"].loc[0, "account"] = "宇宙特別会計"
    write_tables(tables, tmp_path / "out")


def test_an_item_account_in_no_table_is_refused(tmp_path: Path) -> None:
    tables = parse_sources([SHIPPED])
    tables["items"].loc[0, "account"] = "宇宙特別会計"
    with pytest.raises(Exception, match="neither in the registry"):
        write_tables(tables, tmp_path / "out")
    assert not (tmp_path / "out").exists()
