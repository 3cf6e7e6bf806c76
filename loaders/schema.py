"""The one schema: every table's columns, types and rules, declared once.

The writer validates against it before writing; the app reads with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa

from loaders import LoaderError, accounts

_S, _F, _I, _B = pa.string(), pa.float64(), pa.int64(), pa.bool_()


@dataclass(frozen=True)
class Table:
    """A table of the contract: its pyarrow schema and the rules pyarrow cannot say."""

    name: str
    schema: pa.Schema
    required: tuple[str, ...] = ()  # never null
    unique: tuple[tuple[str, ...], ...] = ()
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field("document_id", _S, nullable=False), *(pa.field(n, t) for n, t in columns)])


#: The registry's account names (derived; dashboard code still imports this name).
ACCOUNTS_NAMES: tuple[str, ...] = accounts.NAMES

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            _schema(
                ("title", _S),
                ("ministry", _S),
                ("request_year_label", _S),
                ("request_fiscal_year", _I),
                ("base_year_label", _S),
                ("base_fiscal_year", _I),
                ("unit", _S),
                ("source_file", _S),
                ("source_sha256", _S),
                ("source_encoding", _S),
                ("source_lines", _I),
                ("loaded_at", pa.timestamp("us", tz="UTC")),
                ("loader_version", _S),
            ),
            required=("document_id", "title", "request_fiscal_year", "base_fiscal_year", "source_sha256"),
            unique=(("document_id",),),
        ),
        Table(
            "accounts",
            _schema(
                ("account", _S),
                ("parent", _S),
                ("kind", _S),
                ("request_oku", _F),
                ("base_oku", _F),
                ("note", _S),
                ("order", _I),
                ("source_line", _I),
                ("code", _S),  # the registry's URL code of an account row (other-… when unknown)
            ),
            required=("account", "kind", "request_oku", "order"),
            unique=(("document_id", "order"),),
            choices={"kind": ("account", "breakdown", "total")},
        ),
        Table(
            "sections",
            _schema(
                ("section_id", _S),
                ("order", _I),
                ("pillar", _S),
                ("theme_no", _S),
                ("theme", _S),
                ("section_no", _S),
                ("name", _S),
                ("request_oku", _F),
                ("base_oku", _F),
                ("source_line", _I),
            ),
            required=("section_id", "order", "pillar", "name", "source_line"),
            unique=(("document_id", "section_id"),),
        ),
        Table(
            "policies",
            _schema(("policy_id", _S), ("section_id", _S), ("order", _I), ("text", _S), ("source_line", _I)),
            required=("policy_id", "section_id", "text", "source_line"),
            unique=(("document_id", "policy_id"),),
        ),
        Table(
            "items",
            _schema(
                ("item_id", _S),
                ("project_key", _S),
                ("section_id", _S),
                ("policy_id", _S),
                ("order", _I),
                ("source_line", _I),
                ("raw", _S),
                ("name", _S),
                ("request_oku", _F),
                ("base_oku", _F),
                ("base_basis", _S),
                ("reference_oku", _F),
                ("reference_basis", _S),
                ("is_new", _B),
                ("is_portion", _B),
                ("is_relisted", _B),
                ("is_forward", _B),
                ("is_reference", _B),
                ("account", _S),
                ("account_partial", _B),
                ("multiyear_oku", _F),
                ("multiyear_years", _I),
                ("base_is_portion", _B),
                ("is_primary", _B),
            ),
            required=(
                "item_id",
                "project_key",
                "section_id",
                "order",
                "source_line",
                "raw",
                "name",
                "is_new",
                "is_portion",
                "is_relisted",
                "is_forward",
                "is_reference",
                "account",
                "account_partial",
                "is_primary",
            ),
            unique=(("document_id", "item_id"),),
            # account: a registry name or a row of the same document's accounts table,
            # checked across tables by check_accounts (accounts are an open set).
        ),
        Table(
            "priority_requests",
            _schema(
                ("request_id", _S),
                ("order", _I),
                ("name", _S),
                ("request_oku", _F),
                ("project_key", _S),
                ("matched_item_id", _S),
                ("section_id", _S),
                ("match", _S),
                ("match_score", _F),
                ("is_transfer", _B),
                ("source_line", _I),
                ("raw", _S),
            ),
            required=(
                "request_id",
                "order",
                "name",
                "request_oku",
                "project_key",
                "match",
                "match_score",
                "is_transfer",
            ),
            unique=(("document_id", "request_id"),),
            choices={"match": ("exact", "fuzzy", "none")},
        ),
        Table(
            "matter_requests",
            _schema(("order", _I), ("text", _S), ("requested_by", _S), ("source_line", _I)),
            required=("order", "text"),
            unique=(("document_id", "order"),),
        ),
        Table(
            "reconciliation",
            _schema(
                ("scope", _S),
                ("label", _S),
                ("measure", _S),
                ("ref_id", _S),
                ("stated_oku", _F),
                ("computed_oku", _F),
                ("difference_oku", _F),
                ("tolerance_oku", _F),
                ("status", _S),
                ("parts", _I),
                ("note", _S),
                # True when the computed sum includes a transfer between accounts
                # (priority_requests.is_transfer); code filters on this, not on the note.
                ("involves_transfer", _B),
            ),
            required=(
                "scope",
                "label",
                "measure",
                "stated_oku",
                "computed_oku",
                "difference_oku",
                "tolerance_oku",
                "status",
                "involves_transfer",
            ),
            choices={"status": ("ok", "rounding", "gap"), "measure": ("request", "base")},
        ),
        Table(
            "parse_log",
            _schema(("source_line", _I), ("level", _S), ("message", _S), ("text", _S), ("code", _S), ("params", _S)),
            required=("level", "message"),
            choices={"level": ("info", "warning", "error")},
        ),
    )
}


def _shared(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    """A reference table's schema: shared by every document, so no ``document_id``."""
    return pa.schema([pa.field(n, t) for n, t in columns])


def _yen_and_oku(*stems: str) -> list[tuple[str, pa.DataType]]:
    return [c for stem in stems for c in ((f"{stem}_yen", _I), (f"{stem}_oku", _F))]


#: The reference tables (budget books, project reviews; see loaders/reference.py): the first
#: three are shared by every document, the last two are joins of one document with them.
REFERENCE_TABLES: tuple[Table, ...] = (
    Table(
        "budget_items",
        _shared(
            ("fiscal_year", _I),
            ("stage", _S),
            ("supplementary_no", _I),
            ("budget_type", _S),
            ("account_type", _S),
            ("account", _S),
            ("sub_account", _S),
            ("ministry", _S),
            ("organization", _S),
            ("section_code", _S),
            ("section_name", _S),
            ("major_expense_code", _S),
            ("major_expense_name", _S),
            ("name", _S),
            ("is_transfer", _B),
            *_yen_and_oku("amount", "previous", "difference", "current", "spent", "carried_over", "unused"),
            ("description", _S),
            ("book_document_id", _S),
            ("page", _I),
            ("source_url", _S),
            ("item_key", _S),
            ("record_id", _S),
        ),
        required=("fiscal_year", "stage", "budget_type", "account_type", "name", "is_transfer", "record_id"),
        unique=(("fiscal_year", "record_id"),),
        choices={
            "stage": ("initial", "supplementary", "provisional", "settled"),
            "account_type": ("general", "special", "agency"),
        },
    ),
    Table(
        "review_records",
        _shared(
            ("review_year", _I),
            ("project_id", _I),
            ("name", _S),
            ("ministry", _S),
            ("bureau", _S),
            ("category", _S),
            ("start_year", _I),
            ("end_year", _I),
            ("purpose", _S),
            ("current_issues", _S),
            ("overview", _S),
            ("url", _S),
            ("major_expense", _S),
            ("old_project_number", _S),
        ),
        required=("review_year", "project_id", "name"),
        unique=(("review_year", "project_id"),),
    ),
    Table(
        "reference_sources",
        _shared(
            ("file", _S),
            ("kind", _S),
            ("year", _I),
            ("records", _I),
            ("bytes", _I),
            ("sha256", _S),
            ("subset", _S),
            ("publisher", _S),
            ("licence", _S),
            ("converted_by", _S),
        ),
        required=("file", "kind", "year", "records", "sha256", "publisher", "licence"),
        unique=(("file",),),
        choices={"kind": ("budget_book", "project_review")},
    ),
    Table(
        "review_links",
        _schema(
            ("project_key", _S),
            ("item_id", _S),
            ("item_name", _S),
            ("match", _S),
            ("ambiguous", _B),
            ("candidates", _I),
            ("project_id", _I),
            ("review_year", _I),
            ("review_name", _S),
        ),
        required=("project_key", "item_id", "item_name", "match", "ambiguous", "candidates"),
        unique=(("document_id", "project_key", "project_id"),),
        choices={"match": ("exact", "normalized", "fuzzy", "part", "none")},
    ),
    Table(
        "budget_checks",
        _schema(
            ("account", _S),
            ("parent", _S),
            ("kind", _S),
            ("order", _I),
            ("fiscal_year", _I),
            ("stage", _S),
            ("document_oku", _F),
            ("book_oku", _F),
            ("difference_oku", _F),
            ("tolerance_oku", _F),
            ("status", _S),
            ("book_rows", _I),
            ("sentence", _S),
            ("sentence_ja", _S),
        ),
        required=("account", "kind", "order", "status", "sentence", "sentence_ja"),
        unique=(("document_id", "order"),),
        choices={
            "status": ("ok", "rounding", "gap", "not comparable", "not covered"),
            "kind": ("account", "breakdown", "total"),
        },
    ),
)
TABLES.update({t.name: t for t in REFERENCE_TABLES})
#: Tables without ``document_id``: the same rows whichever document is on screen.
SHARED_TABLES: tuple[str, ...] = tuple(n for n, t in TABLES.items() if "document_id" not in t.schema.names)
#: Tables the summary's own loader makes (load_document); the rest come from data/reference/.
DOCUMENT_TABLES: tuple[str, ...] = tuple(n for n in TABLES if n not in {t.name for t in REFERENCE_TABLES})


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes."""
    return TABLES[name].schema.empty_table().to_pandas()


def typed(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts) as a frame of the table's columns: integers as nullable ``Int64``, yen stay exact."""
    schema = TABLES[name].schema
    if not rows:
        return empty(name)
    frame = pd.DataFrame(rows, columns=schema.names)
    for f in schema:
        if pa.types.is_integer(f.type):
            frame[f.name] = frame[f.name].astype("Int64")
        elif pa.types.is_floating(f.type):
            frame[f.name] = frame[f.name].astype("float64")
        elif pa.types.is_boolean(f.type):
            frame[f.name] = frame[f.name].astype("boolean" if frame[f.name].isna().any() else bool)
    return frame


def validate(name: str, frame: pd.DataFrame) -> pa.Table:
    """Check a frame against its table; return the Arrow table to write.

    Raises :class:`LoaderError` naming the table, column and first bad row.
    """
    table = TABLES[name]
    missing = [c for c in table.schema.names if c not in frame.columns]
    extra = [c for c in frame.columns if c not in table.schema.names]
    if missing or extra:
        raise LoaderError(f"table {name}: missing columns {missing}, unexpected columns {extra}")
    try:
        arrow = pa.Table.from_pandas(frame[table.schema.names], schema=table.schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise LoaderError(f"table {name}: {exc}") from None
    for column in table.required:
        nulls = frame[column].isna()
        if nulls.any():
            raise LoaderError(f"table {name}: column {column} is empty in row {int(nulls.idxmax())}")
    for columns in table.unique:
        duplicated = frame.duplicated(list(columns), keep=False)
        if duplicated.any():
            raise LoaderError(
                f"table {name}: {columns} not unique, e.g. {frame.loc[duplicated, list(columns)].iloc[0].tolist()}"
            )
    for column, allowed in table.choices.items():
        bad = frame[column].dropna()
        bad = bad[~bad.isin(allowed)]
        if not bad.empty:
            raise LoaderError(f"table {name}: column {column} has {bad.iloc[0]!r}, allowed {allowed}")
    return arrow


def check_accounts(tables: dict[str, pd.DataFrame]) -> None:
    """Every item's account is a registry account or a row of its own document's accounts table.

    The registry is an open set (another year may add an account), so this replaces a
    fixed list of allowed values. Raises :class:`LoaderError` naming the first stray account.
    """
    items, table = tables["items"], tables["accounts"]
    listed = set(zip(table["document_id"], table["account"], strict=True))
    for document_id, account in zip(items["document_id"], items["account"], strict=True):
        if pd.notna(account) and not accounts.is_known(account) and (document_id, account) not in listed:
            raise LoaderError(
                f"table items: column account has {account!r}, neither in the registry "
                f"({', '.join(accounts.NAMES)}) nor in the accounts table of {document_id}"
            )
