"""Reading a source file: bytes → text lines, whatever the encoding the ministry used."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from loaders import LoaderError

#: The largest source the loader reads, in MB: the app's upload cap (.streamlit/config.toml
#: maxUploadSize). A summary is about 50 kB; a bigger file is not one, and parsing it
#: would hold the server (memory, minutes of CPU) for nothing.
MAX_SOURCE_MB = 5
MAX_SOURCE_BYTES = MAX_SOURCE_MB * 1024 * 1024
#: Share of control characters above which a file is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
#: Non-ASCII characters read as UTF-8 before a bad byte that make the file UTF-8 text
#: with a stray byte (Latin-1 é …), not CP932: CP932 would turn all of it into mojibake.
_UTF8_EVIDENCE = 8
_LINE_END = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in blocks (bounded memory whatever the file's size)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _line_of(data: bytes, offset: int) -> int:
    """1-based line of a byte offset (LF, CRLF or CR line ends)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _text_line_of(text: str, offset: int) -> int:
    return len(_LINE_END.findall(text, 0, offset)) + 1


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
        line = _line_of(data, data.index(b"\x00"))
        raise LoaderError(f"{name}:{line}: binary data (NUL byte), not a text summary")
    text, encoding = _decode_text(data, name)
    controls = _CONTROL.findall(text)  # every C0 control but \t \n \f \r
    if len(controls) > max(2, len(text) * _MAX_CONTROL_SHARE):
        line = _text_line_of(text, _CONTROL.search(text).start())
        raise LoaderError(f"{name}:{line}: binary data ({len(controls)} control characters), not a text summary")
    return text, encoding


def _decode_text(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (BOM or not), else CP932; a failure says where the text stops being either."""
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data  # offsets below are in body
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8 = exc
    before = body[: utf8.start].decode("utf-8")
    looks_utf8 = sum(ord(ch) > 0x7F for ch in before) >= _UTF8_EVIDENCE
    line, byte = _line_of(body, utf8.start), body[utf8.start]
    # A lone lead byte after a Latin letter at the very end ("café" in Latin-1) is a
    # foreign character, not a Japanese character cut in half.
    latin_tail = utf8.end - utf8.start == 1 and before[-1:].isascii() and before[-1:].isalpha()
    if looks_utf8 and utf8.reason == "unexpected end of data" and utf8.end == len(body) and not latin_tail:
        # UTF-8 text that breaks only in its last character: a file cut short. Trying CP932
        # on it fails with a misleading message or yields mojibake.
        raise LoaderError(f"{name}:{line}: ends inside a UTF-8 character (file cut short?)")
    if looks_utf8:
        raise LoaderError(
            f"{name}:{line}: not UTF-8 or CP932 text: byte 0x{byte:02X} is neither, though the text before it "
            "is UTF-8 (a Latin-1 or other character?); re-save the file as UTF-8"
        )
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError as exc:
        # Point at whichever reading got further: that is most likely the file's encoding.
        where, within = (exc.start, data) if exc.start >= utf8.start else (utf8.start, body)
        raise LoaderError(
            f"{name}:{_line_of(within, where)}: neither UTF-8 nor CP932 (Shift_JIS) text "
            f"(byte 0x{within[where]:02X}); re-save it in one of them"
        ) from None


def read_lines(path: Path) -> tuple[list[str], str]:
    """Lines of a source file (line ends LF, CRLF or CR), and its encoding."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            # Refused before reading: memory stays bounded whatever lands in data/raw/.
            raise LoaderError(
                f"{path}: {size / 1024 / 1024:.1f} MB, over the {MAX_SOURCE_MB} MB limit for a source "
                "(a 概算要求等概要 is about 50 kB): not loaded"
            )
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
