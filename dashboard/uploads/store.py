"""A summary loaded from the browser: the same loader on the uploaded bytes, nothing written to the server's tables.

Pure (no Streamlit): :func:`parse_upload` turns the bytes into the contract's tables or
raises :class:`~loaders.LoaderError` with ``file:line`` messages that name the file as
the user named it (never a server path); :func:`package_zip` is the open-data package
of those tables; :class:`BrowserStore` keeps a browser's uploads in memory for its next
session (see :mod:`dashboard.st.upload`).
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loaders import LoaderError
from loaders.build import parse_sources
from loaders.decode import MAX_SOURCE_BYTES, MAX_SOURCE_MB
from loaders.package import ZIP_NAME, write_package
from loaders.schema import SHARED_TABLES, TABLES, check_accounts, validate

#: Prefix of an uploaded document's id: never one of the server's (those come from file names in data/raw/).
PREFIX = "upload-"
#: Uploads one browser keeps at once (the oldest goes first).
MAX_PER_BROWSER = 3
#: Browsers whose uploads the server keeps in memory at once (the least recently seen goes first).
MAX_BROWSERS = 64
#: A browser's uploads are forgotten this long after it was last seen.
KEEP_SECONDS = 8 * 3600
#: Memory (the parsed tables' own, measured: :func:`memory_of`) the store keeps for one browser:
#: past it, that browser's oldest uploads go first. The shipped summary takes 0.1 MiB; the
#: largest text the loader accepts (5,000 lines, 2,000 listings, 5 MB) about 14 MiB.
MAX_BROWSER_MEMORY = 48 * 1024 * 1024
#: Memory the store keeps for all browsers together: past it, the least recently seen browsers go first.
MAX_STORE_MEMORY = 160 * 1024 * 1024
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


@dataclass(frozen=True)
class Uploaded:
    """One uploaded summary: its tables (one document), where it came from, what the loader doubted."""

    document_id: str
    sha256: str
    file_name: str
    title: str
    tables: dict[str, pd.DataFrame] = field(repr=False, compare=False, hash=False)
    warnings: tuple[str, ...] = ()
    size: int = 0  # bytes of the uploaded file
    memory: int = 0  # bytes its tables take in memory (memory_of)

    @property
    def stamp(self) -> tuple:
        """The cache stamp of its tables: the bytes' sha256 (identical uploads share cache entries)."""
        return ("upload", self.sha256)


def memory_of(tables: dict[str, pd.DataFrame]) -> int:
    """Bytes the tables take in memory, strings included (pandas deep ``memory_usage``)."""
    return sum(int(frame.memory_usage(deep=True, index=True).sum()) for frame in tables.values())


def safe_name(file_name: str | None) -> str:
    """The uploaded file's name as shown in messages: no folders, no control characters, at most 80 characters.

    >>> safe_name("../../etc/passwd\\n.txt")
    'passwd.txt'
    """
    name = (file_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("", name).strip() or "upload.txt"
    return name[:80]


def document_id_of(sha256: str) -> str:
    """``upload-<first 12 hex digits of the sha256>``."""
    return PREFIX + sha256[:12]


def is_upload(document_id: str) -> bool:
    return document_id.startswith(PREFIX)


def parse_upload(data: bytes, file_name: str | None) -> Uploaded:
    """The tables of an uploaded summary, exactly as the loader builds them from a file in data/raw/.

    Raises :class:`LoaderError` (``name:line: message``) for a file over 5 MB, an empty or
    binary file, a text that does not parse, or tables that fail the schema.
    """
    name = safe_name(file_name)
    if len(data) > MAX_SOURCE_BYTES:
        raise LoaderError(
            f"{name}: {len(data) / 1024 / 1024:.1f} MB, over the {MAX_SOURCE_MB} MB limit for a summary "
            "(a 概算要求等概要 is about 50 kB): not loaded"
        )
    sha256 = hashlib.sha256(data).hexdigest()
    document_id = document_id_of(sha256)
    with tempfile.TemporaryDirectory(prefix="budget-upload-") as folder:
        path = Path(folder) / f"{document_id}.txt"
        path.write_bytes(data)
        try:
            tables = parse_sources([path])
        except LoaderError as exc:
            # The loader names the temporary file; the user knows the file by its own name.
            raise LoaderError(str(exc).replace(str(path), name).replace(folder, "")) from None
    # Not the user's file name: two sessions uploading the same bytes share cached views (same
    # sha256), and one must not see the other's file name. The name stays in Uploaded, per session.
    tables["documents"]["source_file"] = f"{document_id}.txt"
    try:
        # the reference tables (budget books, reviews) are the server's own, shared: not copied per upload
        typed = {n: tables[n] if n in SHARED_TABLES else validate(n, tables[n]).to_pandas() for n in TABLES}
        check_accounts(typed)
    except LoaderError as exc:
        raise LoaderError(f"{name}: {exc}") from None
    log = typed["parse_log"]
    warnings = tuple(
        f"{name}:{'-' if pd.isna(r.source_line) else int(r.source_line)}: {r.message}"
        for r in log[log["level"] == "warning"].itertuples()
    )
    title = str(typed["documents"]["title"].iloc[0])
    memory = memory_of(typed)
    if memory > MAX_BROWSER_MEMORY:
        raise LoaderError(
            f"{name}: its tables would take {memory / 1024 / 1024:.0f} MiB of the server's memory, over the "
            f"{MAX_BROWSER_MEMORY // 1024 // 1024} MiB an upload may use: not loaded"
        )
    return Uploaded(document_id, sha256, name, title, typed, warnings, len(data), memory)


def package_zip(uploaded: Uploaded) -> bytes:
    """The open-data package (datapackage.json, CSV, Parquet) of an uploaded document, as zip bytes."""
    with tempfile.TemporaryDirectory(prefix="budget-upload-package-") as folder:
        descriptor = write_package(uploaded.tables, Path(folder) / "package")
        return (descriptor.parent / ZIP_NAME).read_bytes()


def merged(server: dict[str, pd.DataFrame], uploads: list[Uploaded]) -> dict[str, pd.DataFrame]:
    """The server's tables with the uploaded documents' rows appended (the server's frames are not changed)."""
    if not uploads:
        return server
    return {
        name: frame
        if name in SHARED_TABLES  # one copy of the reference tables, whatever the documents
        else pd.concat([frame, *(u.tables[name] for u in uploads)], ignore_index=True)
        for name, frame in server.items()
    }


class BrowserStore:
    """Uploads kept in server memory per browser, keyed by a random token the browser holds in a cookie.

    A Streamlit session ends when the page is reloaded; the browser's session cookie
    (no expiry: gone when the browser closes) lets the next session find its uploads.
    Bounded by what the uploads cost, not only by count: :data:`MAX_BROWSERS` browsers,
    :data:`MAX_PER_BROWSER` uploads and :data:`MAX_BROWSER_MEMORY` each (its oldest upload
    goes first), :data:`MAX_STORE_MEMORY` in all (the least recently seen browser goes
    first), :data:`KEEP_SECONDS` since last seen. One server process only (behind several
    replicas a reload may reach another process, which has none).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._browsers: OrderedDict[str, tuple[float, OrderedDict[str, Uploaded]]] = OrderedDict()

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(24)

    def memory(self) -> int:
        """Bytes the kept uploads' tables take in memory."""
        with self._lock:
            return self._memory()

    def _memory(self) -> int:
        return sum(u.memory for _, docs in self._browsers.values() for u in docs.values())

    def _expire(self, now: float) -> None:
        # Least recently seen first (move_to_end on every get and put).
        total = self._memory()
        while self._browsers:
            token, (seen, docs) = next(iter(self._browsers.items()))
            if now - seen <= KEEP_SECONDS and len(self._browsers) <= MAX_BROWSERS and total <= MAX_STORE_MEMORY:
                break
            total -= sum(u.memory for u in docs.values())
            del self._browsers[token]

    def get(self, token: str | None) -> list[Uploaded]:
        """The browser's uploads, oldest first (none for an unknown or missing token)."""
        if not token:
            return []
        now = time.monotonic()
        with self._lock:
            self._expire(now)
            entry = self._browsers.get(token)
            if entry is None:
                return []
            self._browsers[token] = (now, entry[1])
            self._browsers.move_to_end(token)
            return list(entry[1].values())

    def put(self, token: str, uploaded: Uploaded) -> None:
        now = time.monotonic()
        with self._lock:
            _, docs = self._browsers.get(token, (now, OrderedDict()))
            docs[uploaded.document_id] = uploaded
            docs.move_to_end(uploaded.document_id)
            while len(docs) > MAX_PER_BROWSER or (
                len(docs) > 1 and sum(u.memory for u in docs.values()) > MAX_BROWSER_MEMORY
            ):
                docs.popitem(last=False)
            self._browsers[token] = (now, docs)
            self._browsers.move_to_end(token)
            self._expire(now)

    def remove(self, token: str | None, document_id: str) -> None:
        with self._lock:
            entry = self._browsers.get(token or "")
            if entry is not None:
                entry[1].pop(document_id, None)


def zip_names(data: bytes) -> list[str]:
    """The file names inside zip bytes (for tests and the page's summary)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()
