"""Reading a source file: bytes → text lines, whatever the encoding the ministry used."""

from __future__ import annotations

import hashlib
from pathlib import Path

from loaders import LoaderError

#: Share of control characters above which a file is taken for binary data.
_MAX_CONTROL_SHARE = 0.01


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a summary's bytes; return ``(text, encoding)``.

    Accepts UTF-8 (with or without BOM), UTF-16 with BOM and CP932 (Shift_JIS).
    >>> decode_bytes("概要".encode("cp932"), "x.txt")
    ('概要', 'cp932')
    """
    if not data.strip():
        raise LoaderError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise LoaderError(f"{name}: not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        raise LoaderError(f"{name}: binary data (NUL bytes), not a text summary")
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise LoaderError(f"{name}: neither UTF-8 nor CP932 (Shift_JIS) text; re-save it in one of them")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        raise LoaderError(f"{name}: binary data ({controls} control characters), not a text summary")
    return text, encoding.replace("-sig", "")


def read_lines(path: Path) -> tuple[list[str], str]:
    """Lines of a source file (line ends LF, CRLF or CR), and its encoding."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoaderError(f"{path}: cannot read ({exc.strerror})") from None
    text, encoding = decode_bytes(data, str(path))
    return text.splitlines(), encoding
