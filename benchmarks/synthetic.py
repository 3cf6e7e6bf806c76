"""Synthetic summaries N times the shipped one, for the loader benchmark.

The policy body and the 重要政策推進枠 rows are repeated N times; copy k > 0 renames every
project (``第007期省エネルギー…``) the same way in the body and in the list, so re-listings,
primary listings and the list's links behave in every copy as in the original. The head
(title, accounts table, notes) and the closing text appear once, so the result is still one
valid document.
"""

from __future__ import annotations

import re
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"

# An item line: bullet, optional ※, the name, then 【.
_ITEM = re.compile(r"^(\s*[-・○]?\s*(?:※\s*)?)([^【※]+?)(\s*【)")
_TOTAL_ROW = re.compile(r"^合計\t")


def _parts(text: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    lines = text.split("\n")
    body_start = next(i for i, line in enumerate(lines) if line.startswith("国内投資の拡大"))
    closing = next(i for i, line in enumerate(lines) if line.strip() == "予算の執行にあたって")
    rows = next(i for i, line in enumerate(lines) if line.startswith("事業名"))
    total = next(i for i, line in enumerate(lines) if _TOTAL_ROW.match(line))
    return (
        lines[:body_start],
        lines[body_start:closing],
        lines[closing : rows + 1],
        lines[rows + 1 : total],
        lines[total:],
    )


def _renamed_item(line: str, prefix: str) -> str:
    if not prefix or "【" not in line or line.lstrip().startswith(("【", "①", "②", "③")):
        return line
    return _ITEM.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", line, count=1)


def _renamed_row(line: str, prefix: str) -> str:
    return f"{prefix}{line}" if prefix and line.strip() else line


def make_document(copies: int, source: Path = SHIPPED) -> str:
    """The shipped summary with its body and 推進枠 rows repeated ``copies`` times."""
    head, body, closing, rows, total = _parts(source.read_text(encoding="utf-8"))
    out = list(head)
    for k in range(copies):
        prefix = f"第{k:03d}期" if k else ""
        out += [_renamed_item(line, prefix) for line in body]
    out += closing
    for k in range(copies):
        prefix = f"第{k:03d}期" if k else ""
        out += [_renamed_row(line, prefix) for line in rows]
    stated = float(total[0].split("\t")[1].replace(",", "").replace("億円", "").strip())
    out.append(f"合計\t{stated * copies:,.0f} 億円")
    return "\n".join(out)


def write_document(copies: int, path: Path) -> Path:
    """Write :func:`make_document` to ``path`` (UTF-8) and return it."""
    path.write_text(make_document(copies), encoding="utf-8")
    return path
