"""One declaration per filter (issue 22): every view's ``Filters`` come from its ``Filter`` declarations.

For every page of the registry and every filter it declares: a value that is not the default goes to
the URL and comes back the same (``from_url(url_values(f)) == f``), the default writes nothing, and the
key is declared once, in one place (no ``Param(...)`` or hand-written URL/file-name mapping in a view).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from dashboard.domain.params import Filter, FilterValues, parse_all
from dashboard.registry import PAGES
from dashboard.views import years as yrs
from loaders.build import parse_sources
from tests.fixtures_years import write_two_years

ROOT = Path(__file__).resolve().parent.parent
VIEWS = sorted((ROOT / "dashboard" / "views").glob("*.py"))


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    return parse_sources(sorted(write_two_years(tmp_path_factory.mktemp("two")).iterdir()))


def _sample(f: Filter, tables) -> object | None:
    """A parsed URL value of ``f`` that is not its default (None when the document offers none)."""
    spec = f.param(tables)
    if f.kind == "flag":
        return "1"
    if spec.kind == "text":
        return "水素 サイバー"
    if spec.kind == "number":
        return 12.5
    if spec.kind == "int":
        low = int(spec.minimum or 0)
        return next(
            n for n in (low + 7, low + 1, low) if n != spec.default and (spec.maximum is None or n <= spec.maximum)
        )
    choices = [c for c in spec.choices if c != spec.default]
    if spec.kind == "multi":
        return choices[-2:] or None
    return choices[-1] if choices else None


def test_every_view_derives_its_filters_from_declarations() -> None:
    for info in PAGES:
        module = info.dashboard()
        assert issubclass(module.Filters, FilterValues), info.module
        keys = [f.key for f in module.Filters.declared()]
        assert len(keys) == len(set(keys)), f"{info.module}: a URL key declared twice: {keys}"
        # One field per declared filter, its default the declared one.
        fields = {f.field: f.field_default for f in module.Filters.FILTERS}
        assert {k: v.default for k, v in module.Filters.__dataclass_fields__.items() if k in fields} == fields
        assert set(fields) <= set(module.Filters.__dataclass_fields__)


def test_the_shared_no_filter_pages_share_one_filters() -> None:
    from dashboard.views import overview, reference

    assert overview.Filters is reference.Filters
    assert overview.Filters.FILTERS == () and overview.specs({}) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.script)
def test_each_filter_round_trips_through_the_url(page, tables: dict, two_documents: dict) -> None:
    module = page.dashboard()
    source = two_documents if module is yrs else tables
    specs = module.specs(source)
    defaults = module.Filters.from_values(parse_all({}, specs)[0])
    assert defaults.url_values(source) == {}, f"{page.script}: the defaults write no URL key"
    assert module.Filters.from_url(defaults.url_values(source), source) == defaults
    checked = 0
    for f in module.Filters.FILTERS:
        value = _sample(f, source)
        if value is None:
            continue
        chosen = module.Filters.from_values(parse_all({}, specs)[0] | {f.key: value})
        assert chosen != defaults, f"{page.script}.{f.key}={value!r} changed nothing"
        query = chosen.url_values(source)
        assert list(query) == [f.key], f"{page.script}.{f.key}: {query}"
        assert module.Filters.from_url(query, source) == chosen, f"{page.script}.{f.key}: {query}"
        assert f.key in chosen.csv_filters(source) or f.named == "never"
        checked += 1
    assert checked == len(module.Filters.FILTERS), f"{page.script}: every filter has a value to try"


def test_file_names_say_the_filters_as_the_url_writes_them(tables: dict) -> None:
    from dashboard.views import compare as cmp
    from dashboard.views import items as it

    chosen = it.Filters.from_values({"section": ["p1-t1-s1"], "account": ["gx"], "primary": "1", "project": "x"})
    assert chosen.csv_filters(tables) == {"section": ["gx-energy"], "account": ["gx"], "primary": "1"}
    # /compare always names the level, the sort and how many rows, as before.
    assert cmp.Filters().csv_filters(tables) == {"level": "section", "sort": "change", "top": "20"}
    assert cmp.Filters(top=None, accounts=("GX推進対策費",)).csv_filters(tables) == {
        "level": "section",
        "account": ["gx"],
        "sort": "change",
        "top": "all",
    }


def test_filter_items_takes_the_filters_or_keywords(tables: dict) -> None:
    from dashboard.views import items as it

    by_filters = it.filter_items(tables["items"], it.Filters(flags=("new",), counted=True))
    by_keywords = it.filter_items(tables["items"], flags=["new"], counted=True)
    assert by_filters["item_id"].tolist() == by_keywords["item_id"].tolist()
    assert len(by_filters) and by_filters["is_new"].all() and by_filters["is_primary"].all()


def _calls(path: Path, name: str) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == name
    ]


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.stem)
def test_a_view_declares_its_keys_only_as_filters(path: Path) -> None:
    """No ``Param(...)`` in a view, no hand-written ``from_values`` / ``url_values`` / ``csv_filters`` and no
    ``changed_filters``: the key, its default and its URL value are said once, in its ``Filter``."""
    assert not _calls(path, "Param"), f"{path.name}: Param(...) at lines {_calls(path, 'Param')}"
    assert not _calls(path, "changed_filters"), f"{path.name}: changed_filters at {_calls(path, 'changed_filters')}"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = [
        f"{node.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and node.name in ("from_values", "url_values", "csv_filters", "_url_values", "filename_filters")
    ]
    assert not own, f"{path.name}: hand-written filter mappings {own}"
