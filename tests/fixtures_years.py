"""A next year's summary, built from the shipped text inside the tests (never shipped as data).

令和7年度 in the title and 令和6年度 as the base year; what changes against the shipped
令和6年度 document is listed in the constants below, so the tests check the dashboard's
across-years view against exactly these figures.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "raw" / "meti_r6_gaisan_gaiyou.txt"
SHIPPED_ID = "meti_r6_gaisan_gaiyou"
NEXT_ID = "meti_r7_gaisan_gaiyou"
NEXT_TITLE = "令和7年度 経済産業省関係 概算要求等概要"

#: A project whose figures change: name, the shipped (request, base), the next year's (request, base).
CHANGED = ("中小企業等エネルギー利用最適化推進事業費", (32.0, 8.0), (45.0, 30.0))
#: Renamed by one inserted character: matched by the one-edit fuzzy match.
RENAMED = ("需要家主導太陽光発電導入促進事業", "需要家主導型太陽光発電導入促進事業")
#: In the shipped document only.
DROPPED = "地域共生再生可能エネルギー発電設備導入実態調査事業"
#: In the next year's document only: name, request.
NEW = ("次世代地熱発電技術実証事業", 50.0)
#: An account and the ministry total raised by the changed project's 13億円: (row as shipped, as next year).
ACCOUNT_ROWS = (
    ("一般会計\t4,286 億円\t3,495 億円", "一般会計\t4,299 億円\t4,286 億円"),
    ("経済産業省関連合計\t2 兆 4,615 億円\t1 兆 6,896 億円", "経済産業省関連合計\t2 兆 4,640 億円\t2 兆 4,615 億円"),
)
#: The changed project's section: stated total as shipped and as next year (request 16,241 → 16,254).
SECTION_TOTAL = ("【1兆6,241億円(1兆1,076億円)】", "【1兆6,254億円(1兆6,241億円)】")
#: An account row the registry does not know (loads with a warning): name, request, base.
EXTRA_ACCOUNT = ("宇宙特別会計", 12.0, 10.0)


def _swap(lines: list[str], old: str, new: str, every: bool = False) -> None:
    hits = [i for i, line in enumerate(lines) if old in line]
    if not hits:
        raise AssertionError(f"the shipped text no longer holds {old!r}: update tests/fixtures_years.py")
    for i in hits if every else hits[:1]:
        lines[i] = lines[i].replace(old, new)


def next_year_text() -> str:
    """The shipped text as a 令和7年度 summary with the changes named above."""
    lines = SHIPPED.read_text(encoding="utf-8-sig").splitlines()
    _swap(lines, "令和6年度 経済産業省関係 概算要求等概要", NEXT_TITLE)
    _swap(lines, "令和6年度 概算要求額\t令和5年度 当初予算額", "令和7年度 概算要求額\t令和6年度 当初予算額")
    name, (request, base), (new_request, new_base) = CHANGED
    _swap(lines, f"{name}【{request:g}億円({base:g}億円)】", f"{name}【{new_request:g}億円({new_base:g}億円)】")
    for old, new in ACCOUNT_ROWS:
        _swap(lines, old, new)
    _swap(lines, *SECTION_TOTAL)
    _swap(lines, RENAMED[0], RENAMED[1], every=True)
    dropped = [i for i, line in enumerate(lines) if DROPPED in line]
    assert dropped, f"the shipped text no longer holds {DROPPED!r}"
    for i in reversed(dropped):
        del lines[i]
    anchor = next(i for i, line in enumerate(lines) if "地熱発電の資源量調査・理解促進事業【" in line)
    lines.insert(anchor + 1, f" - {NEW[0]}【{NEW[1]:g}億円(新規)】(エネ特)")
    account = next(i for i, line in enumerate(lines) if line.startswith("特許特別会計\t"))
    lines.insert(account + 1, f"{EXTRA_ACCOUNT[0]}\t{EXTRA_ACCOUNT[1]:g} 億円\t{EXTRA_ACCOUNT[2]:g} 億円")
    return "\n".join(lines) + "\n"


def write_two_years(raw_dir: Path) -> Path:
    """The shipped text and the next year's copy side by side in ``raw_dir``; returns ``raw_dir``."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    (raw_dir / SHIPPED.name).write_bytes(SHIPPED.read_bytes())
    (raw_dir / f"{NEXT_ID}.txt").write_text(next_year_text(), encoding="utf-8")
    return raw_dir


# --- issue 24: the analyst's copy (three amounts changed, one project deleted) -------------

#: The analyst's 令和7年度 copy: ``(name, shipped request, request in the copy)`` of the three changed projects.
WORKFLOW_CHANGED = (
    ("石油備蓄事業補給金", 263.0, 250.0),  # −13
    ("国際博覧会事業", 44.0, 60.0),  # +16
    ("原子力損害賠償廃炉等支援機構交付金", 470.0, 500.0),  # +30
)
#: The project deleted from the analyst's copy.
WORKFLOW_DELETED = DROPPED
WORKFLOW_ID = "meti_r7_analyst_copy"


def workflow_text(header: bool = True) -> str:
    """The shipped text as the issue's 令和7年度 copy: the title's year, three requests changed and
    one project deleted; bases as shipped. ``header=False`` leaves the accounts table's header at
    令和6/令和5 (the title and header years then disagree, as in an edited copy)."""
    lines = SHIPPED.read_text(encoding="utf-8-sig").splitlines()
    _swap(lines, "令和6年度 経済産業省関係 概算要求等概要", NEXT_TITLE)
    if header:
        _swap(lines, "令和6年度 概算要求額\t令和5年度 当初予算額", "令和7年度 概算要求額\t令和6年度 当初予算額")
    for name, old, new in WORKFLOW_CHANGED:
        _swap(lines, f"{name}【{old:g} 億円", f"{name}【{new:g} 億円")
    deleted = [i for i, line in enumerate(lines) if WORKFLOW_DELETED in line]
    assert len(deleted) == 1, f"the shipped text lists {WORKFLOW_DELETED!r} {len(deleted)} times"
    del lines[deleted[0]]
    return "\n".join(lines) + "\n"


def write_workflow(raw_dir: Path, header: bool = True) -> Path:
    """The shipped text and the analyst's copy side by side in ``raw_dir``; returns ``raw_dir``."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    (raw_dir / SHIPPED.name).write_bytes(SHIPPED.read_bytes())
    (raw_dir / f"{WORKFLOW_ID}.txt").write_text(workflow_text(header), encoding="utf-8")
    return raw_dir
