"""Parsed rows → the contract's DataFrames for one document."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from loaders import LOADER_VERSION, ROOT, LoaderError
from loaders.assemble import Parsed, label_of, walk
from loaders.decode import read_lines, sha256_of
from loaders.lines import LineError
from loaders.log_codes import entry
from loaders.matching import KeyIndex
from loaders.reconcile import reconcile
from loaders.rules import mark_primary, primary_candidates, primary_mask
from loaders.schema import TABLES, empty

_TRANSFER = re.compile(r"繰入$")
#: Lines of a document the loader reads at most. A 概算要求等概要 has about 400 (the shipped
#: one 388); a text ten times longer is not one, and parsing it would hold the server
#: (a 100,000-line upload: 6 s and 320 MB). Refused before any line is parsed.
MAX_LINES = 5_000
#: Listings (project lines plus 推進枠 rows) of one document at most; the shipped one has
#: 158 + 71. Every view draws them, so this bounds a page's cost too.
MAX_LISTINGS = 2_000


#: parse_log.code of a document whose title year and accounts-table header years disagree.
HEADER_YEARS = "header-years"


def document_id_of(path: Path) -> str:
    """``data/raw/meti_r6_gaisan_gaiyou.txt`` → ``meti_r6_gaisan_gaiyou``."""
    return re.sub(r"[^0-9A-Za-z_.-]+", "_", Path(path).stem)


def _frame(name: str, rows: list[dict], document_id: str) -> pd.DataFrame:
    columns = TABLES[name].schema.names
    if not rows:
        return empty(name)
    frame = pd.DataFrame([{k: v for k, v in row.items() if not k.startswith("_")} for row in rows])
    frame.insert(0, "document_id", document_id)
    return frame.reindex(columns=columns)


def _mark_primary(items: pd.DataFrame, log: list[dict]) -> pd.DataFrame:
    """A project's primary listing: not re-listed, not forward, not reference (the first, if several)."""
    items["is_primary"] = mark_primary(items)
    for _, row in items[primary_candidates(items) & ~items["is_primary"]].iterrows():
        log.append(entry(row["source_line"], "warning", "unmarked-second-listing", row["raw"]))
    return items


def _link_priority(priority: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    primary = items[primary_mask(items)]
    # Plain dicts: a per-row ``DataFrame.at`` lookup dominated the build of large documents.
    item_of = dict(zip(primary["project_key"], primary["item_id"], strict=True))
    section_of = dict(zip(primary["project_key"], primary["section_id"], strict=True))
    index = KeyIndex(list(items["project_key"]))
    links = [index.match(key) for key in priority["project_key"]]
    priority["match"] = [m for _, m, _ in links]
    priority["match_score"] = [s for _, _, s in links]
    priority["matched_item_id"] = [item_of.get(k) for k, _, _ in links]
    priority["section_id"] = [section_of.get(k) for k, _, _ in links]
    priority["is_transfer"] = priority["name"].str.contains(_TRANSFER)
    priority["request_id"] = [f"r{o:03d}" for o in priority["order"]]
    return priority


def source_path_for_table(path: Path) -> str:
    """``source_file`` as stored: relative to the project root when inside it, else absolute.

    >>> source_path_for_table(ROOT / "data" / "raw" / "x.txt")
    'data/raw/x.txt'
    """
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(ROOT).as_posix()
    except ValueError:
        return str(resolved)


def _document_row(parsed: Parsed, path: Path, document_id: str, encoding: str, n_lines: int) -> dict:
    doc = parsed.document
    # The base is the current year's 当初予算, i.e. the year before the title's year; a
    # header that says otherwise is logged (see load_document), never trusted over the title.
    base_year = doc["request_fiscal_year"] - 1
    # ``check`` resolves a relative source_file against the project root, so it must be
    # relative to that root (not to the cwd of the build), or absolute.
    source_file = source_path_for_table(path)
    return {
        "title": doc["title"],
        "ministry": doc.get("ministry"),
        "request_year_label": doc["request_year_label"],
        "request_fiscal_year": doc["request_fiscal_year"],
        "base_year_label": label_of(base_year),
        "base_fiscal_year": base_year,
        "unit": "億円",
        "source_file": source_file,
        "source_sha256": sha256_of(path),
        "source_encoding": encoding,
        "source_lines": n_lines,
        "loaded_at": pd.Timestamp(dt.datetime.now(dt.UTC)),
        "loader_version": LOADER_VERSION,
    }


def load_document(path: Path) -> dict[str, pd.DataFrame]:
    """Every table for one source file. Raises :class:`LoaderError` when nothing usable is in it.

    Lines the loader doubted are in ``parse_log``; errors there (level ``error``)
    make the caller refuse to write (see :func:`loaders.build.build`).
    """
    path = Path(path)
    lines, encoding = read_lines(path)
    if len(lines) > MAX_LINES:
        raise LoaderError(
            f"{path}:{MAX_LINES + 1}: more than {MAX_LINES:,} lines ({len(lines):,}; a 概算要求等概要 has about 400): "
            "not loaded"
        )
    try:
        parsed = walk(lines)
    except LineError as exc:  # a text in which no line ever looked like a summary
        raise LoaderError(f"{path}: {exc}: no title line (令和N年度 … 概算要求等概要), not a summary") from None
    document_id = document_id_of(path)
    if not parsed.document:
        first = next((row for row in parsed.log if row["level"] == "error"), None)
        where = f":{first['source_line']}" if first else ""
        raise LoaderError(f"{path}{where}: {first['message'] if first else 'no title line found'}")
    listings = parsed.items + parsed.priority
    if len(listings) > MAX_LISTINGS:
        line = listings[MAX_LISTINGS].get("source_line")
        raise LoaderError(
            f"{path}:{line or '-'}: more than {MAX_LISTINGS:,} listings (projects and 推進枠 rows: {len(listings):,}; "
            "the shipped summary has 229): not loaded"
        )
    header = parsed.document.get("_header_base")
    header_request = parsed.document.get("_header_request")
    if header and (
        header[1] != parsed.document["request_fiscal_year"] - 1
        or (header_request and header_request[1] != parsed.document["request_fiscal_year"])
    ):
        # Coded, so the app says it in the reader's language (message stays for the build log).
        parsed.log.append(
            entry(
                parsed.document.get("_header_line"),
                "warning",
                HEADER_YEARS,
                f"{header_request[0] if header_request else ''} / {header[0]}",
                request=header_request[0] if header_request else "?",
                base=header[0],
                title=parsed.document["request_year_label"],
            )
        )
    tables = {
        "documents": _frame("documents", [_document_row(parsed, path, document_id, encoding, len(lines))], document_id),
        "accounts": _frame("accounts", parsed.accounts, document_id),
        "sections": _frame("sections", parsed.sections, document_id),
        "policies": _frame("policies", parsed.policies, document_id),
        "matter_requests": _frame("matter_requests", parsed.matters, document_id),
    }
    item_rows = [dict(row, is_primary=False) for row in parsed.items]
    items = _frame("items", item_rows, document_id)
    tables["items"] = _mark_primary(items, parsed.log) if len(items) else items
    priority = _frame("priority_requests", parsed.priority, document_id)
    tables["priority_requests"] = _link_priority(priority, tables["items"]) if len(priority) else priority
    total = parsed.priority_total["stated_oku"] if parsed.priority_total else None
    if len(priority) and total is None:
        # The shipped list ends with its 合計; a list without one was most likely cut short.
        parsed.log.append(entry(None, "warning", "priority-no-total", ""))
    tables["reconciliation"] = _frame(
        "reconciliation",
        reconcile(tables["accounts"], tables["sections"], tables["items"], tables["priority_requests"], total),
        document_id,
    )
    log = sorted(parsed.log, key=lambda r: (r["source_line"] is None, r["source_line"] or 0))
    tables["parse_log"] = _frame("parse_log", log, document_id)
    for name, frame in tables.items():
        tables[name] = frame.reindex(columns=TABLES[name].schema.names)
    return tables
