"""The page contract holds for every page: specs, Filters, view; the README's URL keys; every text key used."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard.domain import contract as vw
from dashboard.i18n import TEXT
from dashboard.registry import PAGES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("info", PAGES, ids=lambda p: p.script)
def test_every_page_module_has_the_contract(info, tables: dict) -> None:
    module = info.dashboard()
    specs = module.specs(tables)
    values = {spec.key: spec.default for spec in specs}
    filters = module.Filters.from_values(values)
    hash(filters)  # part of the cache key
    result = module.view(tables, filters, "ja")
    assert isinstance(result, vw.View)
    numeric = {vw.AMOUNT, vw.SIGNED, vw.PCT, vw.SHARE, vw.INT, vw.SCORE}
    for name, table in result.tables.items():
        assert isinstance(table, vw.Table)
        # ``kind()`` always answers one of KINDS (Table checks the declared ones), so membership
        # could not fail. What a wrong declaration breaks is the match between a column's kind and
        # its values: a figure declared on a text column would be formatted as a number (or fail),
        # and a numeric column left as text would lose its unit and its right alignment.
        for column in table.frame.columns:
            values = table.frame[column].dropna()
            kind = table.kind(column)
            if kind in numeric:
                assert values.empty or pd.api.types.is_numeric_dtype(values), (info.script, name, column, kind)
            elif kind == vw.TEXT and not values.empty:
                assert not pd.api.types.is_float_dtype(values), (info.script, name, column, kind)


def _readme_keys() -> dict[str, set[str]]:
    """URL path → keys named in the README's "Pages and their URL keys" table."""
    found = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        # Cells are split on pipes that are not escaped (`size=request\|base` is one value).
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) >= 4 and re.fullmatch(r"`/[a-z]*`", cells[1]):
            found[cells[1].strip("`")] = set(re.findall(r"`([a-z_]+)(?:=[^`]*)?`", cells[-1]))
    return found


def test_readme_table_of_url_keys_matches_the_pages(tables: dict) -> None:
    readme = _readme_keys()
    for info in PAGES:
        path = f"/{info.url_path}"
        assert path in readme, f"README's table has no row for {path}"
        specs = {spec.key for spec in info.dashboard().specs(tables)}
        assert readme[path] == specs, f"{path}: README names {sorted(readme[path])}, the page has {sorted(specs)}"


def _code() -> str:
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "dashboard").rglob("*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if "i18n" not in p.parts)


def test_every_text_key_is_used() -> None:
    code = _code()
    literal = set(re.findall(r"[\"']([a-z0-9_]+(?:\.[a-z0-9_]+)+)[\"']", code))
    # Keys built at run time, e.g. t(f"cmp.level.{v}") or f"gl.{term.id}.meaning": a pattern each.
    patterns = [
        re.compile("^" + re.sub(r"\\\{[^}]*\\\}", ".*", re.escape(f)) + "$")
        for f in re.findall(r'f"([a-z0-9_]+\.[a-z0-9_.]*\{.*?)"', code)
        + re.findall(r"f'([a-z0-9_]+\.[a-z0-9_.]*\{.*?)'", code)
    ]
    # Keys joined at run time: t("tm.note.size." + size).
    patterns += [re.compile("^" + re.escape(prefix) + ".+$") for prefix in re.findall(r'"([a-z0-9_.]+\.)"\s*\+', code)]
    unused = [key for key in TEXT if key not in literal and not any(p.match(key) for p in patterns)]
    assert unused == []
