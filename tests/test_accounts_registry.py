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
    # The schema's names are derived from the registry, so comparing the two could not fail:
    # compare with the names as the document prints them (literal, in the accounts table's order).
    assert ACCOUNTS_NAMES == (
        "一般会計",
        "エネルギー対策特別会計",
        "GX推進対策費",
        "特許特別会計",
        "東日本大震災復興特別会計",
    )


def test_colours_and_english_match_the_dashboard() -> None:
    """The treemap's colours and the English names, against independent expectations.

    ``ACCOUNT_COLOURS`` is built from the registry, so comparing it with the registry could not
    fail; instead: the colours as published (literal), one colour per account (a chart coloured by
    account must tell them apart) and every account coloured. ``NAMES_EN`` takes the accounts'
    English names from the registry: the interface says them (literal), and ``names.py`` does not
    keep a second copy that could drift.
    """
    from dashboard.i18n.names import NAMES_EN
    from dashboard.views.treemap import ACCOUNT_COLOURS

    assert ACCOUNT_COLOURS == {
        "一般会計": "#4a90d9",
        "エネルギー対策特別会計": "#f5a623",
        "GX推進対策費": "#3cb371",
        "特許特別会計": "#9b7fd1",
        "東日本大震災復興特別会計": "#e5685f",
    }
    assert len({colour.lower() for colour in ACCOUNT_COLOURS.values()}) == len(accounts.REGISTRY)
    from dashboard.i18n import name

    assert [name(a.name, "en") for a in accounts.REGISTRY] == [
        "General Account",
        "Energy Special Account",
        "GX promotion measures",
        "Patent Special Account",
        "Great East Japan Earthquake Reconstruction Special Account",
    ]
    source = (Path(__file__).resolve().parent.parent / "dashboard" / "i18n" / "names.py").read_text(encoding="utf-8")
    assert not [a.english for a in accounts.REGISTRY if f'"{a.english}"' in source]
    assert NAMES_EN["エネルギー需給勘定"] == "Energy Supply and Demand Account"


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
