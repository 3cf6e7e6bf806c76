"""The one rule for grid columns (dashboard/domain/widths.py), on every table of the pages that must fit."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.domain import contract as vw
from dashboard.domain import widths as wd
from dashboard.views import compare, items, overview, priority, search, treemap

FIT = [
    (overview, {}),
    (compare, {"level": "account"}),
    (compare, {"level": "section"}),
    (compare, {"level": "item"}),
    (treemap, {"tab": "tiles"}),
    (priority, {"tab": "requests"}),
]
WIDE = [(items, {}), (search, {"q": "水素"})]


def _tables(tables: dict, module, values: dict, lang: str):
    specs = module.specs(tables)
    filters = module.Filters.from_values({**{s.key: s.default for s in specs}, **values})
    for table in module.view(tables, filters, lang).tables.values():
        frame = vw.display(table, lang)
        yield frame, {c: table.kind(c) for c in frame.columns}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("module", "values"), FIT + WIDE)
def test_every_figure_column_holds_its_longest_value(tables: dict, module, values: dict, lang: str) -> None:
    for frame, kinds in _tables(tables, module, values, lang):
        grid = wd.layout(frame, kinds, selectable=module in (items, search))
        assert set(grid.order) == set(frame.columns) and len(grid.order) == frame.shape[1]
        for column in frame.columns:
            if kinds[column] in wd.NUMBER_KINDS:
                longest = max(wd.text_px(wd.cell_text(v, kinds[column])) for v in frame[column])
                assert grid.widths[column] >= longest + wd.PAD_PX, column
        # the name first (pinned, within what a phone keeps pinned), then every figure, then text
        pinned = [c for c in grid.order if c in grid.pinned]
        assert grid.order[: len(pinned)] == tuple(pinned) and grid.name in pinned
        assert sum(grid.widths[c] for c in pinned) <= wd.PIN_MAX_PX
        rest = [kinds[c] in wd.NUMBER_KINDS for c in grid.order[len(pinned) :]]
        assert rest == sorted(rest, reverse=True)
        if (module, values) in FIT:
            assert grid.total <= wd.FIT_PX, (module.__name__, values, grid.total)
        else:  # a wider table (issue 20): the name and every figure within the first screen width, text after
            first = [c for c in grid.order if c in grid.pinned or kinds[c] in wd.NUMBER_KINDS]
            select = wd.SELECT_PX if module in (items, search) else 0
            assert select + sum(grid.widths[c] for c in first) <= wd.FIT_PX, (module.__name__, values)


def test_headers_are_cut_only_when_the_figures_need_the_room() -> None:
    long = [f"令和{n}年度 要求額（資料の合計・無い行は掲載事業の計、億円）" for n in range(1, 11)]
    frame = pd.DataFrame({"事業名": ["ア" * 40], **{h: [16241.0] for h in long}, "行": [3]})
    kinds = {"事業名": "text", **dict.fromkeys(long, "amount"), "行": "int"}
    grid = wd.layout(frame, kinds)
    assert set(long) <= grid.cut_headers and "行" not in grid.cut_headers
    assert grid.widths["事業名"] == wd.PIN_MAX_PX  # a long name: as wide as a phone keeps pinned
    few = wd.layout(frame[["事業名", long[0]]], kinds)
    assert not few.cut_headers  # room enough: the whole header


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (4958.0, "amount", "4,958"),
        (910.0, "amount", "910"),
        (0.05, "amount", "0.05"),
        (float("nan"), "amount", "—"),
        (None, "int", "—"),
        ("+1,400.0%", "pct", "+1,400.0%"),
    ],
)
def test_cell_text_is_what_the_grid_draws(value, kind: str, shown: str) -> None:
    assert wd.cell_text(value, kind) == shown
