"""Loader: budget-request summaries (概算要求等概要) → Parquet tables.

See ``../shared/DATA_CONTRACT.md`` for the tables. Entry point:
``python -m loaders build [SOURCE ...] [--out DIR]``.
"""

from pathlib import Path

#: The project folder: data/raw, data/processed and static/ live under it, and recorded
#: ``documents.source_file`` paths are relative to it. The one definition of it.
ROOT = Path(__file__).resolve().parent.parent

LOADER_VERSION = "1.5.0"  # 1.5: parse_log.params and a code on every parse-log entry; 1.4: reference tables (budget books, reviews) and their joins, parse_log.code (header-years), the number grammar (signs, grouping, digits refused); 1.2: accounts.code, reconciliation.involves_transfer, manifest.json, bad amounts refused


class LoaderError(Exception):
    """A source cannot be turned into tables; the message names file and line."""
