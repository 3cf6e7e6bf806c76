"""Reading a source file: bytes → text lines, whatever the encoding the ministry used."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from loaders import LoaderError

#: Share of control characters above which a file is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
_LINE_END = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


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
        except UnicodeDecodeError as exc:
            # UTF-8 that breaks only in its last character is a file cut short, not CP932:
            # trying CP932 on it fails with a misleading message or yields mojibake.
            if encoding == "utf-8-sig" and exc.reason == "unexpected end of data" and exc.end == len(data):
                line = data[: exc.start].count(b"\n") + 1
                raise LoaderError(f"{name}:{line}: ends inside a UTF-8 character (file cut short?)") from None
    else:
        raise LoaderError(f"{name}: neither UTF-8 nor CP932 (Shift_JIS) text; re-save it in one of them")
    controls = len(_CONTROL.findall(text))  # every C0 control but \t \n \f \r
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
    # Split on line ends only: str.splitlines also breaks at form feeds (pdftotext's page
    # breaks), U+2028 and NEL, and line numbers would then disagree with any text editor.
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines, encoding
