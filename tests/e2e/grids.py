"""Reading a glide-data-grid as the browser drew it (shared by the browser tests of grid widths).

glide-data-grid draws on a canvas, so these read what it drew: the column borders from the canvas
pixels (a grey vertical line at each column's right edge), the grid's accessibility tree
([role=grid]: each visible column's header and cell texts, aria-colindex), the width of each figure
as the page's own canvas font draws it (``measureText`` with the grid's ``--gdg-*`` font), and the
grid's scroller (``scrollWidth`` vs ``clientWidth``). Long grids are stretched (and scrolled) so
every row's figure is measured, not only the first ones.
"""

from __future__ import annotations

import re

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


def grids(page):
    return page.locator("[data-testid=stDataFrame]")


#: The grid's frame (the outermost element with an inline pixel height, set by Streamlit) stretched
#: to ``height`` px, or back to what it was: glide-data-grid then draws, and lists in its
#: accessibility tree, as many rows as its new height holds.
STRETCH = """(df, height) => {
  const frame = [...df.querySelectorAll('div')].find((e) => /px$/.test(e.style.height));
  if (!frame) return null;
  const before = frame.style.height;
  frame.style.height = typeof height === 'number' ? height + 'px' : height;
  return before;
}"""
#: Resolves once the accessibility tree lists a row after ``seen`` (it follows a scroll or a
#: resize 200 ms later, debounced).
MORE_ROWS = """(df, seen) => new Promise((ok, fail) => {
  const t0 = Date.now();
  const tick = () => {
    const rows = [...df.querySelectorAll('[role=grid] [role=row]')].map((r) => +r.getAttribute('aria-rowindex'));
    if (Math.max(...rows) > seen) ok(); else if (Date.now() - t0 > 20000) fail('no rows after ' + seen); else setTimeout(tick, 50);
  };
  tick();
})"""
ROW_PX = 35  # glide's row height in Streamlit
TALLEST = 10_000  # px: a stretched canvas stays well within Chromium's canvas limits


def measure(page, index: int, every_row: bool = True) -> dict:
    """One grid's borders and texts; with ``every_row`` its texts from top to bottom.

    The borders are read as the page shows the grid. For the texts of every row the grid's frame is
    stretched (up to :data:`TALLEST` px, then scrolled through in steps of that height) and put back:
    a long table is read in one or two steps instead of one per screenful.
    """
    grid = grids(page).nth(index)
    grid.scroll_into_view_if_needed()
    first = grid.evaluate(MEASURE)
    texts: dict[str, dict[int, str]] = {}
    state, before = first, None
    while True:
        for cell in state["cells"]:
            for col, text in cell["texts"].items():
                texts.setdefault(col, {})[cell["row"]] = text
        seen = max((c["row"] for c in state["cells"]), default=0)
        if not every_row or seen >= state["rowcount"]:
            break
        stretched = False
        if before is None:  # the first step: stretch the frame (a grid without one is scrolled instead)
            before = grid.evaluate(STRETCH, min(state["rowcount"] * ROW_PX + 60, TALLEST)) or ""
            stretched = bool(before)
        if not stretched:
            grid.evaluate("(df, y) => { df.querySelector('.dvn-scroller').scrollTop = y; }", (seen - 2) * ROW_PX)
        grid.evaluate(MORE_ROWS, seen)
        state = grid.evaluate(MEASURE)
    if before:
        grid.evaluate(STRETCH, before)
    grid.evaluate("(df) => { df.querySelector('.dvn-scroller').scrollTop = 0; }")
    first["texts"] = texts
    return first


def columns(measured: dict) -> list[dict]:
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


def figure_columns(page, measured: dict) -> list[tuple[dict, float, str]]:
    """Each figure column (every non-empty cell a number) with its widest drawn text."""
    out = []
    for column in columns(measured):
        values = [v for v in measured["texts"].get(column["col"], {}).values() if v not in ("", "—")]
        if not values or not all(re.match(FIGURE, v) for v in values):
            continue
        drawn = page.evaluate(DRAWN, [measured["font"], sorted(set(values))])
        text, width = max(drawn, key=lambda d: d[1])
        out.append((column, width, text))
    return out


def cut_figures(page, measured: dict) -> list[str]:
    """Figure columns whose widest value is not drawn whole (cut by the column or by the grid's edge)."""
    cut = []
    for column, width, text in figure_columns(page, measured):
        room = column["right"] - column["left"]
        if not column["closed"] or width + PADDING > room + 0.5:
            cut.append(f"{column['header']}: {text!r} needs {width + PADDING:.0f} px, column shows {room:.0f}")
    return cut
