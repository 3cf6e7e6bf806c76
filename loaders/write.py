"""Writing tables: validate everything first, then replace the output folder in one step."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from filelock import FileLock

from loaders.schema import TABLES, check_accounts, validate


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``out_dir`` so two builders never interleave.

    filelock, not fcntl: fcntl does not exist on Windows, where the app must start too.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out_dir.parent / f".{out_dir.name}.lock")):
        yield


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> None:
    """Validate every table, write them to a temporary folder, then swap it in.

    A failure anywhere before the swap leaves ``out_dir`` exactly as it was.
    """
    out_dir = Path(out_dir)
    arrows = {name: validate(name, tables[name]) for name in TABLES}
    check_accounts(tables)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for name, arrow in arrows.items():
            pq.write_table(arrow, staging / f"{name}.parquet")
        keep = [p for p in out_dir.iterdir() if p.suffix != ".parquet"] if out_dir.exists() else []
        for extra in keep:  # a .gitkeep or README in the folder survives the swap
            shutil.copy2(extra, staging / extra.name) if extra.is_file() else None
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """Read one table back with the schema's types."""
    return pq.read_table(Path(out_dir) / f"{name}.parquet", schema=TABLES[name].schema).to_pandas()
