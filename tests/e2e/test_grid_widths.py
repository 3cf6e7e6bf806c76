"""Every figure in a grid is drawn whole: measured in the browser, not in a screenshot.

glide-data-grid draws on a canvas, so the test reads what it drew: the column borders from
the canvas pixels (a grey vertical line at each column's right edge), the grid's
accessibility tree ([role=grid]: each visible column's header and cell texts, aria-colindex),
the width of each figure as the page's own canvas font draws it (``measureText`` with the
grid's ``--gdg-*`` font), and the grid's scroller (``scrollWidth`` vs ``clientWidth``).
Long grids are scrolled through so every row's figure is measured, not only the first ones.

At 1,400 px the tables of the overview, /compare (every level), /treemap (every tab) and
/priority (both tabs) fit their width; on the wider ones (/items, /search, /years) every
figure column is within the first screen width. At 400 px the name stays (pinned) when the
grid scrolls sideways and the figures next to it are whole.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import WIDTHS, exceptions, open_page, shot

# One grid as drawn: borders from the canvas, texts from the accessibility tree, widths by the page's font.
MEASURE = """
(df) => {
  const canvas = df.querySelector('canvas[data-testid=data-grid-canvas]') || df.querySelector('canvas');
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const dpr = canvas.width / canvas.getBoundingClientRect().width;
  const bg = (d, i) => d[i] > 248 && d[i + 1] > 248 && d[i + 2] > 248;
  const scan = y => {
    const d = ctx.getImageData(0, Math.round(y * dpr), canvas.width, 1).data;
    const xs = [];
    for (let x = 0; x < canvas.width; x++) if (!bg(d, 4 * x)) xs.push(x);
    return xs;
  };
  // The top rows of the header and of the first row hold no text: only the column borders are drawn there.
  const editor = df.querySelector('.stDataFrameGlideDataEditor') || df;
  const style = getComputedStyle(editor);
  const header = parseFloat(style.getPropertyValue('--gdg-header-height')) || 36;
  const top = scan(2), row = new Set(scan(header + 2));
  const lines = [];  // runs of adjacent border pixels, one per column edge
  for (const x of top.filter(x => row.has(x))) {
    const last = lines[lines.length - 1];
    if (last && x - last.end <= 1) last.end = x; else lines.push({start: x, end: x});
  }
  const font = (style.getPropertyValue('--gdg-base-font-style') || '400 14px') + ' ' +
               (style.getPropertyValue('--gdg-font-family') || 'sans-serif');
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = font;
  const grid = df.querySelector('[role=grid]');
  const rows = [...grid.querySelectorAll('[role=row]')];
  const heads = [...rows[0].children].map(c => ({col: +c.getAttribute('aria-colindex'), text: c.textContent}));
  const cells = rows.slice(1).map(r => ({row: +r.getAttribute('aria-rowindex'),
    texts: Object.fromEntries([...r.children].map(c => [c.getAttribute('aria-colindex'), c.textContent]))}));
  const scroller = df.querySelector('.dvn-scroller');
  return {lines: lines.map(l => l.start / dpr), width: canvas.width / dpr, font, heads, cells,
          rowcount: +grid.getAttribute('aria-rowcount'),
          scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth,
          scrollHeight: scroller.scrollHeight, clientHeight: scroller.clientHeight};
}
"""

# A figure as the grid draws it: the accessibility tree holds a number column's raw value
# (16241), the canvas its localized text (16,241); signed and % columns are text already.
DRAWN = """
([font, texts]) => {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = font;
  return texts.map(t => {
    const shown = /^-?\\d+(\\.\\d+)?$/.test(t) ? Number(t).toLocaleString(undefined, {maximumFractionDigits: 3}) : t;
    return [shown, ctx.measureText(shown).width];
  });
}
"""

FIGURE = r"^[+\-▲−]?[\d,]*\.?\d+%?$"
PADDING = 16  # glide's cell padding, 8 px each side
FIT_PAGES = [
    ("/", "overview"),
    ("/compare?level=account", "compare-account"),
    ("/compare?level=section", "compare-section"),
    ("/compare?level=item", "compare-item"),
    ("/treemap?tab=tiles", "treemap-tiles"),
    ("/treemap?tab=sections", "treemap-sections"),
    ("/treemap?tab=references", "treemap-references"),
    ("/priority?tab=requests", "priority-requests"),
    ("/priority?tab=sections", "priority-sections"),
]


def _grids(page):
    return page.locator("[data-testid=stDataFrame]")


def _open(page, url: str, charts: int = 0) -> None:
    """Open ``url``, wait until the app is idle and has drawn a grid (its accessibility tree)."""
    open_page(page, url, charts)
    page.wait_for_selector("[data-testid=stDataFrame] [role=grid] [role=row]", state="attached", timeout=45_000)


def _measure(page, index: int, every_row: bool = True) -> dict:
    """One grid's borders and texts; with ``every_row`` its texts from top to bottom (scrolled through)."""
    grid = _grids(page).nth(index)
    grid.scroll_into_view_if_needed()
    first = grid.evaluate(MEASURE)
    texts: dict[str, dict[int, str]] = {}
    state = first
    while True:
        for cell in state["cells"]:
            for col, text in cell["texts"].items():
                texts.setdefault(col, {})[cell["row"]] = text
        seen = max((c["row"] for c in state["cells"]), default=0)
        if not every_row or seen >= state["rowcount"]:
            break
        grid.evaluate("(df, y) => { df.querySelector('.dvn-scroller').scrollTop = y; }", (seen - 2) * 35)
        # The accessibility tree follows the scroll (debounced): wait for the rows it now lists.
        grid.evaluate(
            """(df, seen) => new Promise((ok, fail) => {
                 const t0 = Date.now();
                 const tick = () => {
                   const rows = [...df.querySelectorAll('[role=grid] [role=row]')].map(r => +r.getAttribute('aria-rowindex'));
                   if (Math.max(...rows) > seen) ok(); else if (Date.now() - t0 > 20000) fail('no scroll'); else setTimeout(tick, 50);
                 };
                 tick();
               })""",
            seen,
        )
        state = grid.evaluate(MEASURE)
    grid.evaluate("(df) => { df.querySelector('.dvn-scroller').scrollTop = 0; }")
    first["texts"] = texts
    return first


def _columns(measured: dict) -> list[dict]:
    """The visible columns, left to right: header, left and right edge, and whether the right edge is drawn."""
    heads = sorted(measured["heads"], key=lambda h: h["col"])
    edges = [0.0, *measured["lines"]]
    if len(edges) > len(heads):  # a selectable grid's row marker comes first
        edges = edges[len(edges) - len(heads) :]
    columns = []
    for i, head in enumerate(heads):
        right = edges[i + 1] if i + 1 < len(edges) else measured["width"]
        columns.append(
            {
                "col": str(head["col"]),
                "header": head["text"],
                "left": edges[i],
                "right": right,
                "closed": i + 1 < len(edges) or measured["scrollWidth"] <= measured["clientWidth"] + 1,
            }
        )
    return columns


def _figure_columns(page, measured: dict) -> list[tuple[dict, float, str]]:
    """Each figure column (every non-empty cell a number) with its widest drawn text."""
    out = []
    for column in _columns(measured):
        values = [v for v in measured["texts"].get(column["col"], {}).values() if v not in ("", "—")]
        if not values or not all(re.match(FIGURE, v) for v in values):
            continue
        drawn = page.evaluate(DRAWN, [measured["font"], sorted(set(values))])
        text, width = max(drawn, key=lambda d: d[1])
        out.append((column, width, text))
    return out


def _cut_figures(page, measured: dict) -> list[str]:
    """Figure columns whose widest value is not drawn whole (cut by the column or by the grid's edge)."""
    cut = []
    for column, width, text in _figure_columns(page, measured):
        room = column["right"] - column["left"]
        if not column["closed"] or width + PADDING > room + 0.5:
            cut.append(f"{column['header']}: {text!r} needs {width + PADDING:.0f} px, column shows {room:.0f}")
    return cut


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("path", "name"), FIT_PAGES)
def test_tables_fit_and_show_every_figure_whole(page, server, path: str, name: str, lang: str) -> None:
    _open(page, f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    assert not exceptions(page)
    count = _grids(page).count()
    assert count >= 1
    for index in range(count):
        measured = _measure(page, index)
        assert measured["scrollWidth"] <= measured["clientWidth"] + 1, (
            f"{name}: table {index} scrolls sideways ({measured['scrollWidth']} px in {measured['clientWidth']} px)"
        )
        figures = _figure_columns(page, measured)
        assert figures, f"{name}: no figure column found in table {index}"
        assert not _cut_figures(page, measured), (name, index, _cut_figures(page, measured))
    shot(page, f"grid-{name}-{lang}")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", ["/items", "/search?q=水素"])
def test_wide_tables_show_their_figures_in_the_first_screen(page, server, path: str, lang: str) -> None:
    _open(page, f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    measured = _measure(page, 0)
    figures = _figure_columns(page, measured)
    assert len(figures) >= 2
    assert not _cut_figures(page, measured)


def test_years_tables_show_their_figures_in_the_first_screen(page, two_server) -> None:
    _open(page, f"{two_server}/years", charts=1)
    assert not exceptions(page)
    checked = 0
    for index in range(_grids(page).count()):
        measured = _measure(page, index)
        if not _figure_columns(page, measured):
            continue
        checked += 1
        assert not _cut_figures(page, measured), (index, _cut_figures(page, measured))
    assert checked >= 3
    shot(page, "grid-years")


@pytest.mark.parametrize("path", ["/compare?level=section", "/items", "/treemap?tab=tiles"])
def test_phone_keeps_the_name_and_whole_figures(page, server, path: str) -> None:
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    _open(page, f"{server}{path}")
    before = _measure(page, 0, every_row=False)
    name = sorted(before["heads"], key=lambda h: h["col"])[0]["text"]
    figures = _figure_columns(page, before)
    assert figures, "no figure beside the name on a phone"
    column, width, text = figures[0]
    assert column["closed"] and width + PADDING <= column["right"] - column["left"] + 0.5, (text, column)
    # Scrolled sideways to the end: the name is still the first column, at the same place.
    grid = _grids(page).nth(0)
    grid.evaluate("(df) => { const s = df.querySelector('.dvn-scroller'); s.scrollLeft = s.scrollWidth; }")
    page.wait_for_function(
        "(name) => { const h = document.querySelector('[data-testid=stDataFrame] [role=grid] [role=row]');"
        " return h && [...h.children].length > 1 && h.children[1].getAttribute('aria-colindex') !== '2'; }",
        arg=name,
        timeout=20_000,
    )
    after = _measure(page, 0, every_row=False)
    heads = sorted(after["heads"], key=lambda h: h["col"])
    assert heads[0]["text"] == name
    assert _columns(after)[0]["right"] == pytest.approx(_columns(before)[0]["right"], abs=1)
    shot(page, f"grid-phone-{path.strip('/').replace('?', '-').replace('=', '-')}")


def test_a_cut_name_reads_whole_on_double_click(page, server) -> None:
    # The name column's tooltip says so (grid.name_help): the grid's overlay shows the whole cell.
    _open(page, f"{server}/treemap?tab=tiles")
    measured = _measure(page, 0, every_row=False)
    name_col = _columns(measured)[0]
    full = measured["cells"][0]["texts"]["1"]
    drawn = page.evaluate(DRAWN, [measured["font"], [full]])[0][1]
    assert drawn + PADDING > name_col["right"] - name_col["left"], "the first name is not cut: pick a longer one"
    grid = _grids(page).nth(0)
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + name_col["right"] / 2, box["y"] + 36 + 17)
    page.wait_for_function(
        "(full) => [...document.querySelectorAll('#portal *')].some(e => e.textContent.includes(full))",
        arg=full,
        timeout=10_000,
    )
