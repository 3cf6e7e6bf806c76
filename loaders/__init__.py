"""Loader: budget-request summaries (概算要求等概要) → Parquet tables.

See ``../shared/DATA_CONTRACT.md`` for the tables. Entry point:
``python -m loaders build [SOURCE ...] [--out DIR]``.
"""

from pathlib import Path

#: The project folder: data/raw, data/processed and static/ live under it, and recorded
#: ``documents.source_file`` paths are relative to it. The one definition of it.
ROOT = Path(__file__).resolve().parent.parent

# 1.3: the number grammar (signs, bad grouping, exponents, too many digits refused), a dash
# glued to a name kept; 1.2: accounts.code, reconciliation.involves_transfer, manifest.json.
LOADER_VERSION = "1.3.0"


class LoaderError(Exception):
    """A source cannot be turned into tables; the message names file and line."""
