"""Bad input: a clear message naming the file (and line), non-zero exit, no traceback,
and the tables already in the output folder left byte for byte as they were."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import LoaderError
from loaders.build import parse_sources
from loaders.cli import main
from tests.conftest import ROOT, SHIPPED

TEXT = SHIPPED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def _line_no(fragment: str) -> int:
    return next(i for i, line in enumerate(LINES, 1) if fragment in line)


def _replace_line(fragment: str, new: str) -> str:
    number = _line_no(fragment)
    return "\n".join([*LINES[: number - 1], new, *LINES[number:]])


def _insert_after(fragment: str, new: str) -> str:
    number = _line_no(fragment)
    return "\n".join([*LINES[:number], new, *LINES[number:]])


ITEM_49 = _line_no("省エネルギー投資促進・需要構造転換支援事業費")

# (name, bytes of the file, fragments the message must contain)
CASES = [
    ("empty", b"", ["empty"]),
    ("blank-lines", b"\n\n  \n\t\n", ["empty"]),
    ("binary", random.Random(0).randbytes(4096), ["binary"]),
    ("control-characters", bytes(range(1, 32)) * 50, ["binary"]),
    ("euc-jp", TEXT.encode("euc_jis_2004", errors="replace"), ["neither UTF-8 nor CP932"]),
    ("utf-16-without-bom", TEXT.encode("utf-16-le"), ["binary"]),
    ("latin-1", "café, résumé, naïve, déjà vu ±½\n".encode("latin-1") * 20, ["neither UTF-8 nor CP932"]),
    ("first-60-lines", "\n".join(LINES[:60]).encode("utf-8"), [":60:", "cut short"]),
    (
        "cut-inside-bracket",
        ("\n".join(LINES[: ITEM_49 - 1]) + "\n" + LINES[ITEM_49 - 1].split("】")[0][:-4]).encode(),
        [f":{ITEM_49}:", "closing 】"],
    ),
    ("cut-inside-a-character", TEXT.encode("utf-8")[:10000], ["ends inside a UTF-8 character", "cut short"]),
    (
        "unknown-accounts-row",
        _insert_after("うち、その他", "謎の行 (詳細は別紙)").encode("utf-8"),
        [f":{_line_no('うち、その他') + 1}:", "accounts row"],
    ),
    (
        "accounts-row-garbage-between",
        _replace_line("特許特別会計\t", "特許特別会計\t1,525 億円\t参考\t1,454 億円").encode(),
        [f":{_line_no('特許特別会計' + chr(9))}:", "between the amounts"],
    ),
    (
        "priority-row-without-amount",
        _replace_line("工業用水道事業費\t29", "工業用水道事業費").encode("utf-8"),
        [f":{_line_no('工業用水道事業費' + chr(9))}:", "推進枠 row"],
    ),
    # issue 14 finding 4: an amount the loader cannot read is an error with file:line, never
    # a paragraph (the item used to vanish) or a shifted column (the base became the request)
    (
        "item-amount-unreadable",
        TEXT.replace("【910億円(新規)】", "【abc 億円】").encode(),
        [f":{ITEM_49}:", "cannot read 【abc 億円】"],
    ),
    (
        "accounts-amount-unreadable",
        _replace_line("一般会計\t4,286", "一般会計\tabc 億円\t3,495 億円").encode(),
        [f":{_line_no('一般会計' + chr(9) + '4,286')}:", "cannot read 'abc 億円'"],
    ),
    (
        "accounts-text-after-the-base",
        _replace_line("特許特別会計\t", "特許特別会計\t1,525 億円\t1,454 億円 abc").encode(),
        [f":{_line_no('特許特別会計' + chr(9))}:", "after the last amount"],
    ),
    # issue 14 finding 7: where the bytes stop being text
    (
        "nul-byte-in-a-line",
        TEXT.encode().replace("新規".encode(), b"\x00", 1),
        [f":{_line_no('新規')}:", "NUL"],
    ),
    (
        "latin-1-byte-in-a-line",
        TEXT.encode().replace("新規".encode(), "é".encode("latin-1"), 1),
        [f":{_line_no('新規')}:", "not UTF-8 or CP932", "0xE9"],
    ),
    (
        "latin-1-byte-at-the-end",
        TEXT.encode() + "café".encode("latin-1"),
        [f":{TEXT.count(chr(10)) + 1}:", "not UTF-8 or CP932", "0xE9"],
    ),
    (
        "control-characters-from-a-line",
        "\n".join([*LINES[:30], "\x01\x02\x03" * 2000, *LINES[30:]]).encode(),
        [":31:", "binary"],
    ),
    ("no-title", TEXT.replace("令和6年度 経済産業省関係", "経済産業省関係", 1).encode("utf-8"), ["title"]),
    ("not-a-summary", ("令和6年度 何かの文書\n" + "ただの文章です。\n" * 30).encode("utf-8"), ["no policy sections"]),
]


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding good tables, and a snapshot of its bytes."""
    out = tmp_path_factory.mktemp("out") / "processed"
    assert main(["build", str(SHIPPED), "--out", str(out)]) == 0
    return out, snapshot(out)


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def run(*args: str) -> subprocess.CompletedProcess:
    """The real command line in a fresh interpreter: what a user sees, traceback or not."""
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def run_here(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str]:
    """``loaders.cli.main`` in this process (fast); an exception escaping it fails the test,
    exactly as it would print a traceback from ``python -m loaders``."""
    code = main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("name", "data", "fragments"), CASES, ids=[c[0] for c in CASES])
def test_bad_source_fails_cleanly(
    tmp_path: Path, capsys, previous, name: str, data: bytes, fragments: list[str]
) -> None:
    out, before = previous
    source = tmp_path / f"{name}.txt"
    source.write_bytes(data)
    code, stderr = run_here(capsys, "build", str(source), "--out", str(out))
    assert code != 0
    assert source.name in stderr
    for fragment in fragments:
        assert fragment in stderr
    assert snapshot(out) == before  # the earlier tables, byte for byte
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(["processed", ".processed.lock"])


def test_a_latin_1_byte_is_not_called_a_cut(tmp_path: Path) -> None:
    # before: "ends inside a UTF-8 character (file cut short?)" for a file ending in Latin-1 é
    source = tmp_path / "latin1.txt"
    source.write_bytes(TEXT.encode() + "café".encode("latin-1"))
    with pytest.raises(LoaderError) as caught:
        parse_sources([source])
    assert "cut short" not in str(caught.value)


@pytest.mark.parametrize("name", ["empty", "binary", "first-60-lines", "priority-row-without-amount"])
def test_command_line_prints_no_traceback(tmp_path: Path, previous, name: str) -> None:
    out, before = previous
    data = next(c[1] for c in CASES if c[0] == name)
    source = tmp_path / f"{name}.txt"
    source.write_bytes(data)
    result = run("build", str(source), "--out", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("build failed;") and source.name in result.stderr
    assert result.stdout == ""
    assert snapshot(out) == before


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_source(tmp_path: Path, capsys, previous, kind: str) -> None:
    out, before = previous
    source = tmp_path / "nothing.txt"
    if kind == "directory":
        source.mkdir()
    code, stderr = run_here(capsys, "build", str(source), "--out", str(out))
    assert code != 0
    assert "nothing.txt" in stderr
    assert snapshot(out) == before


def test_one_bad_source_among_good_ones_writes_nothing(tmp_path: Path, capsys, previous) -> None:
    out, before = previous
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, stderr = run_here(capsys, "build", str(SHIPPED), str(bad), "--out", str(out))
    assert code != 0 and "bad.txt" in stderr
    assert snapshot(out) == before


def test_truncation_anywhere_is_data_or_a_loader_error(tmp_path: Path) -> None:
    # Whatever point a file is cut at, the loader either loads it or says why; it never
    # crashes with another exception (which the command line would show as a traceback).
    outcomes = {"loaded": 0, "refused": 0}
    for cut in range(1, len(LINES), 9):
        source = tmp_path / f"cut{cut}.txt"
        source.write_text("\n".join(LINES[:cut]), encoding="utf-8")
        try:
            parse_sources([source])
            outcomes["loaded"] += 1
        except LoaderError as exc:
            assert source.name in str(exc)
            outcomes["refused"] += 1
    assert outcomes["refused"] > 0
    # cut inside the body: always refused; cut after the body: closing text or part of the list
    assert outcomes["loaded"] > 0
