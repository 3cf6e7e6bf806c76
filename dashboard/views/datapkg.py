"""The Data page's content: the tables, their column docs, the package's URLs and snippets (pure).

The package itself is written by :mod:`loaders.package`; this module only describes it.
URLs are absolute when the app knows the browser's address (``st.context.url``), else
relative to the server root.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard.domain.contract import Table, View
from dashboard.domain.format import oku
from dashboard.domain.params import Filter, FilterValues, filter_dataclass
from dashboard.i18n import name, t
from loaders.contract_docs import TABLE_DOCS, column_doc
from loaders.package import DESCRIPTOR, ZIP_NAME, csv_path, package_dir, parquet_path, table_schema
from loaders.package_readme import COUNTED_SQL, duckdb_snippet, figures, number, pandas_snippet, r_snippet
from loaders.schema import TABLES

#: Where Streamlit serves ``static/data/`` (its static serving: ``/app/static/<file>``).
STATIC_PATH = "/app/static/data/"


def package_url(root: str, path: str = "") -> str:
    """The URL of a file of the package (``path`` relative to the package folder).

    >>> package_url("http://localhost:8501", "csv/items.csv")
    'http://localhost:8501/app/static/data/csv/items.csv'
    """
    return f"{root}{STATIC_PATH}{path}"


def table_list(tables: dict[str, pd.DataFrame], lang: str, root: str) -> pd.DataFrame:
    """One row per table: name, rows, columns, what it holds, and its CSV and Parquet URLs."""
    return pd.DataFrame(
        {
            t("data.col.table", lang): list(TABLES),
            t("data.col.rows", lang): [len(tables[name]) for name in TABLES],
            t("data.col.columns", lang): [len(TABLES[name].schema) for name in TABLES],
            "CSV": [package_url(root, csv_path(name)) for name in TABLES],
            "Parquet": [package_url(root, parquet_path(name)) for name in TABLES],
            t("data.col.description", lang): [TABLE_DOCS[name].text(lang) for name in TABLES],
        }
    )


def column_docs(name: str, lang: str) -> pd.DataFrame:
    """One row per column of ``name``: its name, type and unit in the package, required, description."""
    fields = table_schema(name)["fields"]
    return pd.DataFrame(
        {
            t("data.col.column", lang): [f["name"] for f in fields],
            t("data.col.type", lang): [f["type"] for f in fields],
            t("data.col.unit", lang): [_unit(f.get("unit"), lang) for f in fields],
            t("data.col.required", lang): [bool(f.get("constraints", {}).get("required")) for f in fields],
            t("data.col.description", lang): [column_doc(name, f["name"]).text(lang) for f in fields],
        }
    )


def _unit(unit: str | None, lang: str) -> str:
    """The unit as the page shows it: 億円 for Japanese readers, with its meaning for English ones."""
    if not unit:
        return ""
    return unit.split(" ")[0] if lang == "ja" else unit


def url_list(root: str) -> str:
    """The package's URLs, one a line (for a copyable block)."""
    paths = [DESCRIPTOR, ZIP_NAME] + [p for name in TABLES for p in (csv_path(name), parquet_path(name))]
    return "\n".join(package_url(root, p) for p in paths)


def snippets(root: str, name: str) -> dict[str, tuple[str, str]]:
    """Short copyable snippets for table ``name``: key → (language, code).

    For ``items`` they follow the summing rule (:data:`loaders.package_readme.COUNTED_SQL`) and
    read the headline from the accounts table's total row, as the package's README does.

    >>> snippets("http://h", "items")["pandas"][1].splitlines()[1]
    'items = pd.read_parquet("http://h/app/static/data/parquet/items.parquet")'
    """
    base = package_url(root)
    csv_url, parquet_url = package_url(root, csv_path(name)), package_url(root, parquet_path(name))
    if name == "items":
        pandas, duckdb, r = pandas_snippet(base), duckdb_snippet(""), r_snippet(base)
    else:
        pandas = (
            f'import pandas as pd\n{name} = pd.read_csv("{csv_url}")\n'
            f'{name} = pd.read_parquet("{parquet_url}")  # typed as in the schema'
        )
        duckdb = f"SELECT * FROM '{parquet_path(name)}' LIMIT 10;"
        r = f'{name} <- read.csv("{csv_url}", encoding = "UTF-8")\nstr({name})'
    return {
        "pandas": ("python", pandas),
        "duckdb": ("sql", duckdb),
        "r": ("r", r),
        "frictionless": ("bash", f"frictionless validate {package_url(root, DESCRIPTOR)}"),
    }


def figure_texts(tables: Mapping[str, pd.DataFrame], lang: str) -> list[str]:
    """Per document: how to reproduce the headline, and what the items add up to under the rule.

    Computed from the tables: 2兆4,615億円 is the accounts table's total row; the counted items
    (primary listings, no 内数) add up to 1兆8,938.2億円, 77% of it: items list the main projects only.
    """
    out = []
    for f in figures(dict(tables)):
        share = f.counted_share_pct
        out.append(
            t(
                "data.figures",
                lang,
                label=name(f.total_label, lang) if f.total_label else "—",
                request=oku(f.total_request_oku, lang),
                base=oku(f.total_base_oku, lang),
                rule=COUNTED_SQL,
                n=f.counted_n,
                counted=oku(f.counted_request_oku, lang),
                request_oku=number(f.total_request_oku),
                counted_oku=number(f.counted_request_oku),
                share="—" if share is None else f"{share:.0f}%",
                portion=f.portion_n,
            )
        )
    return out


def package_info(dest: Path) -> dict | None:
    """What the page says about the package on disk: loader version, sources, zip size; None when absent."""
    try:
        descriptor = json.loads((Path(dest) / DESCRIPTOR).read_text(encoding="utf-8"))
        size = (Path(dest) / ZIP_NAME).stat().st_size
    except (OSError, ValueError):
        return None
    return {"loader_version": descriptor.get("loader_version"), "sources": descriptor.get("sources", []), "zip": size}


def human_size(n: int) -> str:
    """Bytes as KB or MB (decimal), for a caption.

    >>> human_size(81019), human_size(2_500_000)
    ('81 KB', '2.5 MB')
    """
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{round(n / 1e3)} KB"


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


@filter_dataclass
class Filters(FilterValues):
    """``table`` (whose columns the page documents; a URL key) and ``root``, the app's root URL from the
    request (:func:`app_root`; not a URL key: it makes the links absolute)."""

    root: str = ""
    FILTERS = (Filter("table", "choice", default="items", choices=tuple(TABLES)),)


specs = Filters.specs


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Everything /data shows for the server's documents (``tables``: every one of them, the package's
    content): the package on disk (``package``: None when absent), the table list with its
    URLs, the chosen table's column docs, its files and the snippets."""
    name, root = filters.table, filters.root
    info = package_info(package_dir())
    files = [
        ("data.csv", csv_path(name), "text/csv"),
        ("data.parquet", parquet_path(name), "application/vnd.apache.parquet"),
    ]
    return View(
        tables={
            "tables": Table(table_list(dict(tables), lang, root)),
            "columns": Table(column_docs(name, lang), {}, f"data_columns_{name}"),
        },
        texts={
            "package": info,
            "built": None
            if info is None
            else {
                "version": info["loader_version"],
                "sha": ", ".join(s["sha256"][:12] for s in info["sources"]),
                "size": human_size(info["zip"]),
            },
            "package_files": [
                ("data.zip", ZIP_NAME, "application/zip", ":material/folder_zip:"),
                ("data.descriptor", DESCRIPTOR, "application/json", ":material/data_object:"),
            ],
            "table_files": files,
            "urls": url_list(root),
            "snippets": snippets(root, name),
        },
    )


def figures_view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """How to reproduce the chosen document's headline from the package (:func:`figure_texts`)."""
    return View(texts={"figures": figure_texts(tables, lang)})
