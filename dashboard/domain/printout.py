"""What a page's printout holds: the print stylesheet, and print-only copies of its tables.

glide-data-grid (``st.dataframe``) draws its cells on a canvas, and only the rows in view
have an accessibility tree: a printed page gets the grid as a picture cut at the page's
right edge, never as text. So :func:`dashboard.st.grids.table` sends, beside each grid, a plain
HTML table of the same frame, formatted as the grid formats it and every cell escaped,
hidden on screen; the stylesheet shows it in print and hides the grid, the sidebar, the
header, the toolbars and the buttons. Pure functions: no Streamlit here.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from dashboard.domain import contract as vw
from dashboard.i18n import t

#: Rows a print-only table carries at most (the CSV has every row); a longer table says so.
MAX_PRINT_ROWS = 500

#: The class of everything that appears only on paper.
PRINT_ONLY = "print-only"

#: The one stylesheet of the app, our own constant text (never a document's): injected by app.py.
#: On screen it only hides the print-only copies (and the gap their element would leave);
#: in print it keeps the page title, the document's name, the filters as set, the charts and the
#: tables as text fitted to the page width, and drops what cannot be used on paper.
PRINT_CSS = """<style>
[data-testid="stElementContainer"]:has(.print-only), .print-only { display: none; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stElementToolbar"], [data-testid="stDownloadButton"], [data-testid="stPopover"],
  [data-testid="stFileUploader"], [data-testid="stDataFrame"], [data-testid="stExpandSidebarButton"],
  .modebar-container, .print-hide { display: none !important; }
  [data-testid="stElementContainer"]:has(.print-only), .print-only { display: block !important; }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    position: static !important; overflow: visible !important; height: auto !important;
  }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; width: 100% !important; }
  table.print-table { width: 100%; border-collapse: collapse; table-layout: auto; font-size: 7.5pt; line-height: 1.25; }
  table.print-table th, table.print-table td {
    border: 0.5pt solid #888; padding: 1pt 3pt; vertical-align: top; overflow-wrap: break-word; min-width: 2.6em;
  }
  table.print-table th { background: #eee; text-align: left; }
  table.print-table td.num { text-align: right; white-space: nowrap; }
  table.print-table thead { display: table-header-group; }
  table.print-table tr { break-inside: avoid; }
  .print-note { font-size: 8pt; color: #333; margin: 2pt 0 6pt; }
}
</style>"""


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def cell(value: object, kind: str) -> str:
    """One cell as the grid shows it, as text: thousands separators, a dash for a missing figure.

    >>> cell(12345.6, vw.AMOUNT), cell(0.05, vw.AMOUNT), cell(None, vw.AMOUNT), cell(7, vw.INT)
    ('12,345.6', '0.05', '—', '7')
    >>> cell(0.91234, vw.SCORE), cell(29.84, vw.SHARE), cell(True, vw.TEXT)
    ('0.912', '29.8%', 'True')
    """
    if _is_missing(value):
        return "—"
    if kind == vw.AMOUNT and isinstance(value, int | float):
        return f"{float(value):,.2f}".rstrip("0").rstrip(".")
    if kind == vw.INT and isinstance(value, int | float):
        return f"{int(value)}"
    if kind == vw.SCORE and isinstance(value, int | float):
        return f"{float(value):.3f}"
    if kind == vw.SHARE and isinstance(value, int | float):
        return f"{float(value):.1f}%"
    return str(value)


_NUMERIC = (vw.AMOUNT, vw.INT, vw.SCORE, vw.SHARE, vw.SIGNED, vw.PCT)


def table_html(table: vw.Table, lang: str, max_rows: int = MAX_PRINT_ROWS) -> str:
    """The print-only copy of ``table``: its frame as shown on screen (signed changes with ▲ in
    Japanese), every header and cell escaped, at most ``max_rows`` rows and a line saying so.

    >>> frame = pd.DataFrame({"事業": ["<b>x</b>"], "増減": [-14.0]})
    >>> print(table_html(vw.Table(frame, {"増減": vw.SIGNED}), "ja"))  # doctest: +NORMALIZE_WHITESPACE
    <div class="print-only"><table class="print-table"><thead><tr><th>事業</th><th>増減</th></tr></thead><tbody><tr><td>&lt;b&gt;x&lt;/b&gt;</td><td class="num">▲14</td></tr></tbody></table></div>
    """
    shown = vw.display(table, lang)
    columns = list(shown.columns)
    kinds = [table.kind(c) for c in columns]
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    rows = []
    for values in shown.head(max_rows).itertuples(index=False, name=None):
        cells = "".join(
            f'<td class="num">{html.escape(cell(v, k))}</td>'
            if k in _NUMERIC
            else f"<td>{html.escape(cell(v, k))}</td>"
            for v, k in zip(values, kinds, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    note = ""
    if len(shown) > max_rows:
        note = f'<p class="print-note">{html.escape(t("print.cut", lang, shown=max_rows, total=len(shown)))}</p>'
    return (
        f'<div class="{PRINT_ONLY}"><table class="print-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{note}</div>"
    )


def note_html(text: str) -> str:
    """A line only on paper (the document's name when the screen does not show it), escaped.

    >>> note_html("資料: <x>")
    '<div class="print-only"><p class="print-note">資料: &lt;x&gt;</p></div>'
    """
    return f'<div class="{PRINT_ONLY}"><p class="print-note">{html.escape(text)}</p></div>'
