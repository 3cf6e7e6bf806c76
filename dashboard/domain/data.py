"""Reading the loader's tables (never the source text) and picking one document."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from loaders.schema import TABLES
from loaders.write import read_table

Tables = dict[str, pd.DataFrame]


def read_tables(out_dir: Path) -> Tables:
    """Every table of the contract, read with the schema's types."""
    return {name: read_table(Path(out_dir), name) for name in TABLES}


def document_ids(tables: Tables) -> list[str]:
    """Documents, newest request year first."""
    docs = tables["documents"].sort_values(["request_fiscal_year", "document_id"], ascending=[False, True])
    return docs["document_id"].tolist()


def for_document(tables: Tables, document_id: str) -> Tables:
    """The rows of one document in every table (index reset, document order kept)."""
    return {
        name: frame[frame["document_id"] == document_id].reset_index(drop=True) if "document_id" in frame else frame
        for name, frame in tables.items()
    }


def stamp(out_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """A cheap fingerprint of the tables on disk (name, mtime, size): the cache key.

    One ``scandir`` and one stat per file: this runs on every rerun. A missing folder
    gives ``()`` (the app then builds it).
    """
    try:
        with os.scandir(out_dir) as entries:
            found = [(e.name, e.stat()) for e in entries if e.name.endswith(".parquet")]
    except FileNotFoundError:
        return ()
    return tuple(sorted((name, st.st_mtime_ns, st.st_size) for name, st in found))
