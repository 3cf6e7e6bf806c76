"""Reference sources beside the summaries: the budget books and the project reviews.

Both come as the gzip JSON files published by igomuni/marumie-rssystem (see
``data/reference/README.md``): ``mof-jikou-YYYY.json.gz`` (財務省 予算書・決算書データベース,
one record per 事項 and budget type) and ``rsYYYY-project-details.json.gz`` (行政事業レビュー,
one record per 予算事業). The build reads whichever of them are in ``data/reference/``
(``BUDGET_REFERENCE_DIR`` elsewhere): the project ships one ministry's subset, made by
:func:`write_subset` (``python -m loaders reference-subset SRC DEST``); the full files work
the same when put there. Tables made here are shared by every document (no ``document_id``);
the per-document joins are in :mod:`loaders.review_links` and :mod:`loaders.budget_checks`.

A budget-book record, before → after (one row of ``budget_items``)::

    {"fiscalYear": 2024, "budgetType": "補正予算（第1号）", "amount": 1234567000, ...}
    fiscal_year=2024, stage="supplementary", supplementary_no=1, amount_yen=1234567000, amount_oku=12.34567
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import re
from pathlib import Path

import pandas as pd

from loaders import ROOT, LoaderError

REFERENCE_DIR = ROOT / "data" / "reference"
BOOK_GLOB = "mof-jikou-*.json.gz"
REVIEW_GLOB = "rs*-project-details.json.gz"
_BOOK_YEAR = re.compile(r"mof-jikou-(\d{4})\.json\.gz$")
_REVIEW_YEAR = re.compile(r"rs(\d{4})-project-details\.json\.gz$")
_SUPPLEMENTARY = re.compile(r"補正予算（第(\d+)号）")
YEN_PER_OKU = 100_000_000

BOOK_PUBLISHER = "財務省「予算書・決算書データベース」(bb.mof.go.jp)"
REVIEW_PUBLISHER = "内閣官房行政改革推進本部事務局「行政事業レビュー見える化サイト（RSシステム）」(rssystem.go.jp)"
LICENCE = "政府標準利用規約（第2.0版）, compatible with CC BY 4.0"
CONVERTED_BY = "igomuni/marumie-rssystem (MIT licence)"

#: The budget stages, a closed set (the source's Japanese name is kept beside it).
STAGES = ("initial", "supplementary", "provisional", "settled")
#: yen fields of a budget-book record → the column stem in ``budget_items``.
_AMOUNTS = {
    "amount": "amount",
    "previousAmount": "previous",
    "difference": "difference",
    "currentAmount": "current",
    "spent": "spent",
    "carriedOver": "carried_over",
    "unused": "unused",
}


def reference_dir() -> Path:
    """``data/reference/``, or ``BUDGET_REFERENCE_DIR``."""
    return Path(os.environ.get("BUDGET_REFERENCE_DIR") or REFERENCE_DIR)


def reference_files(folder: Path | None = None) -> list[Path]:
    """The budget-book and review files in ``folder``, in name order ([] when the folder is missing)."""
    folder = Path(folder) if folder is not None else reference_dir()
    if not folder.is_dir():
        return []
    return sorted([*folder.glob(BOOK_GLOB), *folder.glob(REVIEW_GLOB)])


def stage_of(budget_type: str) -> tuple[str, int | None]:
    """The stage and supplementary number of a budget type as the source names it.

    >>> stage_of("補正予算（第2号）"), stage_of("決算")
    (('supplementary', 2), ('settled', None))
    """
    if budget_type == "当初予算":
        return "initial", None
    if budget_type == "暫定予算":
        return "provisional", None
    if budget_type == "決算":
        return "settled", None
    found = _SUPPLEMENTARY.fullmatch(budget_type or "")
    if found:
        return "supplementary", int(found.group(1))
    raise ValueError(f"unknown budget type {budget_type!r}")


def _yen(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise LoaderError(f"{where}: amount {value!r} is not a whole number of yen")
    return value


def _year(value) -> int | None:
    """A review's start or end year: an int, a digit string, or nothing."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _load_json(path: Path):
    try:
        with gzip.open(path, "rb") as handle:
            return json.load(handle)
    except (OSError, ValueError, EOFError) as exc:
        raise LoaderError(f"{path.name}: not a readable gzip JSON file ({type(exc).__name__})") from None


def book_rows(path: Path, data: dict) -> list[dict]:
    """The ``budget_items`` rows of one budget-book file."""
    try:
        year = int(data["metadata"]["fiscalYear"])
        items = data["items"]
    except (KeyError, TypeError, ValueError):
        raise LoaderError(f"{path.name}: no metadata.fiscalYear or items (not a budget-book file)") from None
    rows = []
    for n, item in enumerate(items, start=1):
        where = f"{path.name}: item {n}"
        try:
            stage, number = stage_of(item.get("budgetType"))
        except ValueError as exc:
            raise LoaderError(f"{where}: {exc}") from None
        account_type = item.get("accountType")
        row = {
            "fiscal_year": year,
            "stage": stage,
            "supplementary_no": number,
            "budget_type": item.get("budgetType"),
            "account_type": account_type,
            # the general account's 事項 carry no account name; a special account's is its name
            "account": "一般会計" if account_type == "general" else _text(item.get("specialAccount")),
            "sub_account": _text(item.get("subAccount")),
            "ministry": _text(item.get("ministry")),
            "organization": _text(item.get("organization")),
            "section_code": _text(item.get("sectionCode")),
            "section_name": _text(item.get("sectionName")),
            "major_expense_code": _text(item.get("majorExpenseCode")),
            "major_expense_name": _text(item.get("majorExpenseName")),
            "name": _text(item.get("name")),
            "is_transfer": "繰入" in (item.get("name") or ""),
            "description": _text(item.get("description")),
            "book_document_id": _text(item.get("documentId")),
            "page": item.get("page") if isinstance(item.get("page"), int) else None,
            "source_url": _text(item.get("sourceUrl")),
            "item_key": _text(item.get("key")),
            "record_id": _text(item.get("id")),
        }
        for field, stem in _AMOUNTS.items():
            yen = _yen(item.get(field), where)
            row[f"{stem}_yen"] = yen
            # yen / 1e8 in float64: the nearest double to the exact figure, no rounding step
            row[f"{stem}_oku"] = None if yen is None else yen / YEN_PER_OKU
        rows.append(row)
    return rows


def review_rows(path: Path, data: dict, review_year: int) -> list[dict]:
    """The ``review_records`` rows of one review file (a mapping 予算事業ID → record)."""
    if not isinstance(data, dict):
        raise LoaderError(f"{path.name}: not a mapping of project ids to records (not a review file)")
    rows = []
    for key, record in data.items():
        try:
            project_id = int(record.get("projectId", key))
        except (TypeError, ValueError, AttributeError):
            raise LoaderError(f"{path.name}: record {key!r} has no numeric projectId") from None
        rows.append(
            {
                "review_year": review_year,
                "project_id": project_id,
                "name": _text(record.get("projectName")),
                "ministry": _text(record.get("ministry")),
                "bureau": _text(record.get("bureau")),
                "category": _text(record.get("category")),
                "start_year": _year(record.get("startYear")),
                "end_year": _year(record.get("endYear")),
                "purpose": _text(record.get("purpose")),
                "current_issues": _text(record.get("currentIssues")),
                "overview": _text(record.get("overview")),
                "url": _text(record.get("url")),
                "major_expense": _text(record.get("majorExpense")),
                "old_project_number": _text(record.get("oldProjectNumber")),
            }
        )
    return rows


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stamp(files: list[Path]) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def read_reference(folder: Path | None = None) -> dict[str, pd.DataFrame]:
    """``budget_items``, ``review_records`` and ``reference_sources`` from the files in ``folder``.

    Cached by the files' names, sizes and mtimes: an upload or a rebuild reads them once.
    The frames are shared between callers; never modify them in place.
    """
    files = reference_files(folder)
    return _read_cached(_stamp(files))


@functools.lru_cache(maxsize=2)
def _read_cached(stamp: tuple) -> dict[str, pd.DataFrame]:
    from loaders.schema import typed

    books, reviews, sources = [], [], []
    for name, _mtime, size in stamp:
        path = Path(name)
        data = _load_json(path)
        book = _BOOK_YEAR.search(path.name)
        if book:
            rows = book_rows(path, data)
            books += rows
            kind, year, publisher = "budget_book", int(book.group(1)), BOOK_PUBLISHER
        else:
            year = int(_REVIEW_YEAR.search(path.name).group(1))
            rows = review_rows(path, data, year)
            reviews += rows
            kind, publisher = "project_review", REVIEW_PUBLISHER
        subset = data.get("metadata", {}).get("subset") if isinstance(data.get("metadata"), dict) else None
        sources.append(
            {
                "file": path.name,
                "kind": kind,
                "year": year,
                "records": len(rows),
                "bytes": size,
                "sha256": _sha256(path),
                "subset": subset or _review_subset(path),
                "publisher": publisher,
                "licence": LICENCE,
                "converted_by": CONVERTED_BY,
            }
        )
    out = {
        "budget_items": typed("budget_items", books),
        "review_records": typed("review_records", reviews),
        "reference_sources": typed("reference_sources", sources),
    }
    if len(out["budget_items"]):
        out["budget_items"] = out["budget_items"].sort_values(
            ["fiscal_year", "budget_type", "record_id"], kind="stable", ignore_index=True
        )
    if len(out["review_records"]):
        out["review_records"] = out["review_records"].sort_values(["review_year", "project_id"], ignore_index=True)
    return out


def _review_subset(path: Path) -> str | None:
    note = path.with_name(path.name + ".subset")
    return note.read_text(encoding="utf-8").strip() if note.exists() else None


def reference_hashes(folder: Path | None = None) -> dict[str, str]:
    """File name → sha256 of the reference files now in ``folder`` (what the manifest records)."""
    frame = read_reference(folder)["reference_sources"]
    return dict(zip(frame["file"], frame["sha256"], strict=True))


# --- the shipped subset -------------------------------------------------------------------


def in_ministry(ministry_field: str | None, ministry: str) -> bool:
    """A budget-book record belongs to ``ministry``: its 所管 is the ministry, alone or in a co-managing group.

    Special accounts name every ministry that manages them (エネルギー対策特別会計:
    内閣府、文部科学省、経済産業省及び環境省), so a co-managed account is kept whole.

    >>> in_ministry("内閣府、文部科学省、経済産業省及び環境省", "経済産業省"), in_ministry("環境省", "経済産業省")
    (True, False)
    """
    if not ministry_field:
        return False
    return ministry in re.split(r"、|及び", ministry_field)


def _gzip_json(data, dest: Path) -> None:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0: the same records give the same bytes (a stable sha256, no spurious rebuilds)
    with open(dest, "wb") as handle, gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) as out:
        out.write(raw)


def _book_summary(items: list[dict]) -> dict:
    """The file's ``summary`` block recomputed for the kept records (same shape as upstream)."""
    names = {"general": "一般会計", "special": "特別会計", "agency": "政府関係機関"}

    def group(key) -> list[dict]:
        totals: dict[str, list[int]] = {}
        for item in items:
            entry = totals.setdefault(key(item), [0, 0])
            entry[0] += 1
            entry[1] += item.get("amount") or 0
        return [{"key": k, "count": c, "amount": a} for k, (c, a) in totals.items()]

    return {
        "count": len(items),
        "byAccountType": group(lambda i: names.get(i.get("accountType"), i.get("accountType"))),
        "byBudgetType": group(lambda i: i.get("budgetType")),
    }


def write_subset(source: Path, dest: Path, ministry: str = "経済産業省") -> list[tuple[str, int, int]]:
    """Copy the records of ``ministry`` from the full files in ``source`` to ``dest``, same formats.

    Budget books: every record whose 所管 is the ministry or a co-managing group naming it
    (:func:`in_ministry`): its general account, its own special accounts (特許特別会計) and the
    co-managed ones (エネルギー対策特別会計, 東日本大震災復興特別会計), every year and budget type.
    ``metadata`` is kept with a ``subset`` note; ``summary`` is recomputed. Reviews: every
    record whose ministry is the ministry. Returns (file, records kept, bytes written).
    """
    source, dest = Path(source), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    files = reference_files(source)
    if not files:
        raise LoaderError(f"{source}: no {BOOK_GLOB} or {REVIEW_GLOB} files")
    for path in files:
        data = _load_json(path)
        if _BOOK_YEAR.search(path.name):
            kept = [i for i in data["items"] if in_ministry(i.get("ministry"), ministry)]
            data = {
                "metadata": {
                    **data["metadata"],
                    "subset": f"所管に{ministry}を含む記録のみ (ministry field names {ministry})",
                },
                "summary": _book_summary(kept),
                "items": kept,
            }
            count = len(kept)
        else:
            data = {k: v for k, v in data.items() if isinstance(v, dict) and v.get("ministry") == ministry}
            count = len(data)
            (dest / (path.name + ".subset")).write_text(
                f"府省が{ministry}の記録のみ (ministry = {ministry})\n", "utf-8"
            )
        target = dest / path.name
        _gzip_json(data, target)
        written.append((path.name, count, target.stat().st_size))
    licence = source / "LICENSE"
    if licence.exists():
        (dest / "LICENSE").write_bytes(licence.read_bytes())
    return written
