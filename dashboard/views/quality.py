"""Data quality and sources: the reconciliation explained, the parse log, the documents, source lines.

Pure functions (no Streamlit). The source viewer only opens files recorded in
``documents.source_file``, resolved inside the project folder: the URL gives a
line number, never a path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard.domain.contract import AMOUNT, INT, LONG_TEXT, SHARE, Table, View
from dashboard.domain.format import md_literal, oku
from dashboard.domain.labels import section_labels, source_name, year_labels
from dashboard.domain.params import Filter, FilterValues, filter_dataclass
from dashboard.i18n import TEXT, name, t
from loaders import ROOT, LoaderError
from loaders.build import data_dirs
from loaders.decode import read_lines, sha256_of

STATUSES = ("ok", "rounding", "gap")
LEVELS = ("info", "warning", "error")
#: Lines shown either side of the chosen source line.
CONTEXT = 5


def status_counts(reconciliation: pd.DataFrame) -> dict[str, int]:
    """How many checks have each status (every status present, 0 when none)."""
    counts = reconciliation["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def check_label(row: pd.Series, accounts: pd.DataFrame, labels: dict[str, str], lang: str) -> str:
    """What a check compares, in ``lang`` (built from ids, not the loader's Japanese label)."""
    if row["scope"] == "sections" and row.get("ref_id") in labels:
        return labels[row["ref_id"]]
    if row["scope"] == "accounts" and isinstance(row.get("ref_id"), str):
        kinds = accounts.loc[accounts["account"] == row["ref_id"], "kind"]
        key = "qa.check.total" if (not kinds.empty and kinds.iloc[0] == "total") else "qa.check.breakdown"
        return t(key, lang, name=name(row["ref_id"], lang))
    if row["scope"] == "priority_requests":
        return t("qa.check.priority", lang)
    return str(row["label"])


def explain(row: pd.Series, lang: str) -> str:
    """One plain sentence saying what a check's result means.

    ok and rounding say so; a gap in a section says how much of it the document
    does not itemise (positive) or that listed projects count only partly (negative).
    """
    diff, tol = float(row["difference_oku"]), float(row["tolerance_oku"])
    parts = "" if pd.isna(row.get("parts")) else int(row["parts"])
    if row["status"] == "ok":
        text = t("qa.explain.ok", lang)
    elif row["status"] == "rounding":
        text = t("qa.explain.rounding", lang, diff=oku(abs(diff), lang), tol=oku(tol, lang), parts=parts)
    elif row["scope"] != "sections":
        text = t("qa.explain.gap_other", lang, diff=oku(diff, lang))
    elif diff > 0:
        share = diff / float(row["stated_oku"]) * 100 if row["stated_oku"] else 0.0
        text = t(
            "qa.explain.gap_pos", lang, diff=oku(diff, lang), share=f"{share:.0f}", stated=oku(row["stated_oku"], lang)
        )
        if row["measure"] == "base":
            text += t("qa.explain.gap_base", lang)
    else:
        text = t("qa.explain.gap_neg", lang, diff=oku(-diff, lang))
    if bool(row.get("involves_transfer", False)):
        text += t("qa.explain.transfer", lang)
    return text


def reconciliation_table(
    reconciliation: pd.DataFrame,
    accounts: pd.DataFrame,
    sections: pd.DataFrame,
    lang: str,
    years: tuple[str, str],
    statuses: list[str] | None = None,
) -> pd.DataFrame:
    """Every check as shown on screen: figures in 億円 to 0.01, status in words, a sentence."""
    labels = section_labels(sections, lang)
    rows = []
    for _, row in reconciliation.iterrows():
        if statuses and row["status"] not in statuses:
            continue
        year = years[0] if row["measure"] == "request" else years[1]
        rows.append(
            {
                t("qa.col.scope", lang): t(scope, lang)
                if (scope := f"qa.scope.{row['scope']}") in TEXT
                else row["scope"],
                t("qa.col.check", lang): check_label(row, accounts, labels, lang),
                t("qa.col.measure", lang): t(f"qa.measure.{row['measure']}", lang, year=year),
                t("qa.col.stated", lang): round(float(row["stated_oku"]), 2),
                t("qa.col.computed", lang): round(float(row["computed_oku"]), 2),
                t("qa.col.difference", lang): round(float(row["difference_oku"]), 2),
                t("qa.col.tolerance", lang): round(float(row["tolerance_oku"]), 2),
                t("qa.col.status", lang): t(f"qa.status.{row['status']}", lang),
                t("qa.col.explain", lang): explain(row, lang),
            }
        )
    return pd.DataFrame(rows, columns=reconciliation_columns(lang))


def reconciliation_columns(lang: str) -> list[str]:
    """Column headers of :func:`reconciliation_table` in ``lang``."""
    return [
        t(f"qa.col.{c}", lang)
        for c in ("check", "measure", "status", "stated", "computed", "difference", "tolerance", "explain", "scope")
    ]


def figure_columns(lang: str) -> list[str]:
    """The 億円 columns of :func:`reconciliation_table` (shown to 0.01)."""
    return [t(f"qa.col.{c}", lang) for c in ("stated", "computed", "difference", "tolerance")]


def sentences(table: pd.DataFrame, lang: str) -> list[str]:
    """One Markdown line per check: what it compares, its result, and the sentence (every cell made literal)."""
    check, measure, status, text = (t(f"qa.col.{c}", lang) for c in ("check", "measure", "status", "explain"))
    return [
        f"**{md_literal(r[check])} · {md_literal(r[measure])}** — {md_literal(r[status])}: {md_literal(r[text])}"
        for _, r in table.iterrows()
    ]


def log_message(code: object, params: object, message: object, lang: str) -> str:
    """A parse-log entry in the interface language, said by its code (``loaders/log_codes.py``) with its
    parameters (``parse_log.params``, JSON); an entry whose code the interface does not know (a table
    from another loader) stays as the loader wrote it. The English message is never parsed.

    >>> log_message("section-total-line", '{"section": "p1-t2-s1"}', "reworded", "ja")
    '項目 p1-t2-s1 の合計（単独の行）'
    >>> log_message(None, None, "note or legend", "en"), log_message("unheard-of", "{}", "as written", "ja")
    ('note or legend', 'as written')
    """
    fallback = message if isinstance(message, str) else ""
    if not isinstance(code, str) or f"qa.code.{code}" not in TEXT:
        return fallback
    try:
        values = json.loads(params) if isinstance(params, str) and params else {}
        return t(f"qa.code.{code}", lang, **values) if isinstance(values, dict) else fallback
    except (ValueError, KeyError, IndexError):  # params that do not fit the text: say what the loader said
        return fallback


def parse_log_table(parse_log: pd.DataFrame, lang: str, levels: list[str] | None = None) -> pd.DataFrame:
    """The parse log, filtered by level, as shown on screen (source text kept as read)."""
    log = parse_log if not levels else parse_log[parse_log["level"].isin(levels)]
    log = log.sort_values("source_line", na_position="first")
    return pd.DataFrame(
        {
            t("qa.log.line", lang): log["source_line"].astype("Int64").to_numpy(),
            t("qa.log.level", lang): [t(f"qa.level.{v}", lang) for v in log["level"]],
            # said by code and parameters, never by parsing the English message
            t("qa.log.message", lang): [
                log_message(c, p, m, lang)
                for c, p, m in zip(_column(log, "code"), _column(log, "params"), log["message"], strict=True)
            ],
            t("qa.log.text", lang): log["text"].fillna("").to_numpy(),
        }
    )


def _column(frame: pd.DataFrame, name: str) -> list:
    return frame[name].tolist() if name in frame else [None] * len(frame)


def document_fields(document: pd.Series, lang: str) -> pd.DataFrame:
    """One document's provenance as a two-column field/value table (reads on a phone too)."""
    loaded = document.get("loaded_at")
    loaded_text = "" if loaded is None or pd.isna(loaded) else pd.Timestamp(loaded).strftime("%Y-%m-%d %H:%M:%S UTC")
    values = {
        "document_id": document.get("document_id"),
        "title": document.get("title"),
        "ministry": document.get("ministry"),
        "request_year": _year(document.get("request_year_label"), document.get("request_fiscal_year"), lang),
        "base_year": _year(document.get("base_year_label"), document.get("base_fiscal_year"), lang),
        # The unit is interface text in English (the document's 億円 is 100 million yen).
        "unit": t("qa.unit.oku", lang) if document.get("unit") == "億円" else document.get("unit"),
        "source_file": source_name(document.get("source_file")),
        "source_encoding": document.get("source_encoding"),
        "source_lines": document.get("source_lines"),
        "source_sha256": short_sha(document.get("source_sha256")),
        "loaded_at": loaded_text,
        "loader_version": document.get("loader_version"),
    }
    return pd.DataFrame(
        {
            t("qa.doc.field", lang): [t(f"qa.doc.{k}", lang) for k in values],
            t("qa.doc.value", lang): [
                "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in values.values()
            ],
        }
    )


def _year(label: object, fiscal_year: object, lang: str) -> str:
    """``令和6年度 (FY2024)`` in Japanese, ``FY2024`` in English (the era name is not English)."""
    return f"FY{fiscal_year}" if lang == "en" else f"{label} (FY{fiscal_year})"


def short_sha(sha256: str | None) -> str | None:
    """The first 16 hex digits and an ellipsis (the full digest is shown apart, where it can wrap)."""
    return f"{sha256[:16]}…" if isinstance(sha256, str) and len(sha256) > 16 else sha256


def source_path(source_file: str | None, root: Path = ROOT) -> Path | None:
    """The recorded source file inside ``root`` or the raw folder (``BUDGET_RAW_DIR``); None when missing or elsewhere."""
    if not source_file:
        return None
    root = Path(root).resolve()
    path = (root / source_file).resolve()
    allowed = (root, data_dirs()[0].resolve())  # a raw folder outside the checkout (hosting)
    if not any(path.is_relative_to(folder) for folder in allowed) or not path.is_file():
        return None
    return path


def read_source(path: Path) -> list[str]:
    """The file's lines, decoded as the loader decodes them (so line numbers agree)."""
    try:
        return read_lines(path)[0]
    except LoaderError:
        return []


def source_changed(path: Path, sha256: str | None) -> bool:
    """True when the file on disk is no longer the one the tables were built from."""
    return bool(sha256) and sha256_of(path) != sha256


def context(lines: list[str], line: int, radius: int = CONTEXT) -> str:
    """Lines ``line ± radius`` numbered as in the tables, the chosen one marked with ``▶``.

    >>> print(context(["a", "b", "c"], 2, radius=1))
      1 | a
    ▶ 2 | b
      3 | c
    """
    if not lines or line < 1 or line > len(lines):
        return ""
    first, last = max(1, line - radius), min(len(lines), line + radius)
    width = len(str(last))
    return "\n".join(f"{'▶' if n == line else ' '} {n:>{width}} | {lines[n - 1]}" for n in range(first, last + 1))


def line_uses(tables: dict[str, pd.DataFrame], line: int) -> list[str]:
    """What the loader made of one source line: ``table: name`` for each row read from it."""
    shown = {
        "accounts": "account",
        "sections": "name",
        "policies": "policy_id",
        "items": "name",
        "priority_requests": "name",
        "matter_requests": "text",
        "parse_log": "message",
    }
    uses = []
    for table, column in shown.items():
        frame = tables.get(table)
        if frame is None or "source_line" not in frame:
            continue
        for value in frame.loc[frame["source_line"] == line, column]:
            uses.append(f"{table}: {value}")
    return uses


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


def _last_line(tables: Mapping[str, pd.DataFrame]) -> int:
    doc = tables["documents"].iloc[0]
    return int(doc["source_lines"]) if pd.notna(doc["source_lines"]) else 100_000


@filter_dataclass
class Filters(FilterValues):
    """The statuses and log levels shown, and the source ``line`` shown in context."""

    FILTERS = (
        Filter("status", "multi", default=(), attr="statuses", choices=STATUSES),
        Filter("level", "multi", default=(), attr="levels", choices=LEVELS),
        Filter("line", "int", minimum=1, maximum=_last_line),
    )


specs = Filters.specs


def source_view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """The chosen source line in context: the file's name, whether it is there and unchanged, the lines
    around it and what the loader made of it (``texts``; nothing when no line is chosen).

    A page reads it through the cached view, so the file is read and hashed once per line, not per rerun.
    """
    texts: dict[str, object] = {"line": filters.line, "source_lines": _last_line(tables)}
    if filters.line is None:
        return View(texts=texts)
    doc = tables["documents"].iloc[0]
    texts["file"] = source_name(doc["source_file"])
    path = source_path(doc["source_file"])
    texts["missing"] = path is None
    if path is not None:
        texts["changed"] = source_changed(path, doc["source_sha256"])
        texts["context"] = context(read_source(path), int(filters.line))
        texts["uses"] = line_uses(dict(tables), int(filters.line))
    return View(texts=texts)


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """The checks (with a sentence each), the parse log and the documents' provenance."""
    years = year_labels(tables["documents"], lang)
    recon = tables["reconciliation"]
    checks = reconciliation_table(recon, tables["accounts"], tables["sections"], lang, years, list(filters.statuses))
    kinds = {c: AMOUNT for c in figure_columns(lang)} | {t("qa.col.explain", lang): LONG_TEXT}
    log = parse_log_table(tables["parse_log"], lang, list(filters.levels))
    coverage = account_coverage(tables, lang)
    return View(
        tables={
            "checks": Table(checks, kinds, "quality", filters.csv_filters(tables, ("status",))),
            "coverage": Table(
                coverage,
                {t("qa.cov.share", lang): SHARE, t("qa.cov.projects", lang): INT, t("qa.col.explain", lang): LONG_TEXT},
                "quality_accounts",
            ),
            "log": Table(
                log, {t("qa.log.line", lang): INT}, "quality_parse_log", filters.csv_filters(tables, ("level",))
            ),
        },
        texts={
            "counts": status_counts(recon),
            "sentences": sentences(checks, lang),
            "log_total": len(tables["parse_log"]),
        },
    )


def account_coverage(tables: Mapping[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """Each account's stated total against the projects the document lists for it.

    The accounts table states what each account requests; the projects funded by it
    (primary listings, 内数 left out) add up to less, because the document lists only
    the main projects: the rest is not itemised. Same figures as the compare page.
    """
    from dashboard.domain.comparison import STATED, compare_rows  # the compare page's own rows, not a second sum

    rows = compare_rows(tables["items"], tables["sections"], tables["accounts"], "account", lang, sort="request")
    rows = rows[(rows["kind"] == "account") & (rows["measure"] == STATED)]
    year = year_labels(tables["documents"], lang)[0]
    share = (rows["listed_request_oku"] / rows["request_oku"] * 100).where(rows["request_oku"] != 0)
    return pd.DataFrame(
        {
            t("qa.cov.account", lang): rows["label"].to_numpy(),
            t("qa.cov.stated", lang, year=year): rows["request_oku"].to_numpy(),
            t("qa.cov.listed", lang, year=year): rows["listed_request_oku"].to_numpy(),
            t("qa.cov.unlisted", lang, year=year): rows["unlisted_request_oku"].to_numpy(),
            t("qa.cov.share", lang): share.round(1).to_numpy(),
            t("qa.cov.projects", lang): rows["n_items"].astype(int).to_numpy(),
            t("qa.col.explain", lang): [
                t(
                    "qa.cov.explain",
                    lang,
                    account=r.label,
                    stated=oku(r.request_oku, lang),
                    listed=oku(r.listed_request_oku, lang),
                    n=int(r.n_items),
                    rest=oku(r.unlisted_request_oku, lang),
                )
                for r in rows.itertuples()
            ],
        }
    )


def documents_view(documents: pd.DataFrame, lang: str) -> list[tuple[Table, str]]:
    """Each document's provenance table and its ``sha256  file`` line (the format sha256sum -c reads)."""
    return [
        (
            Table(document_fields(doc, lang), {}, f"quality_document_{doc['document_id']}"),
            f"{doc['source_sha256']}  {source_name(doc['source_file'])}",
        )
        for _, doc in documents.iterrows()
    ]
