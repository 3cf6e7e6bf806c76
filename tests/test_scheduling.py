"""The xdist scheduler's choices (tests/scheduling.py), on a queue of work units without workers."""

from __future__ import annotations

from collections import OrderedDict
from types import SimpleNamespace

from tests.conftest import ROOT
from tests.scheduling import LONGEST_FIRST, BrowserFilesApart, needs_browser


def test_the_longest_browser_files_named_exist() -> None:
    assert all((ROOT / name).is_file() and needs_browser(name) for name in LONGEST_FIRST)


class _Node:
    def __init__(self, name: str) -> None:
        self.gateway = SimpleNamespace(id=name)
        self.sent: list[list[int]] = []
        self.shutting_down = False

    def send_runtest_some(self, indexes: list[int]) -> None:
        self.sent.append(indexes)


def _scheduler(workers: int, files: list[str]) -> tuple[BrowserFilesApart, list[_Node]]:
    """A scheduler whose queue holds one test per file, in this order, and ``workers`` idle workers."""
    sched = BrowserFilesApart.__new__(BrowserFilesApart)
    nodes = [_Node(f"gw{i}") for i in range(workers)]
    sched.numnodes = workers
    sched.assigned_work = {node: {} for node in nodes}
    collection = [f"{name}::test" for name in files]
    sched.registered_collections = {node: collection for node in nodes}
    sched.workqueue = OrderedDict((name, {f"{name}::test": False}) for name in files)
    return sched, nodes


def _taken(sched: BrowserFilesApart, node: _Node) -> str:
    sched._assign_work_unit(node)
    return next(reversed(sched.assigned_work[node]))


def test_the_last_of_three_workers_takes_the_files_without_a_browser_first() -> None:
    files = ["tests/test_a.py", "tests/e2e/test_b.py", "tests/test_c.py", "tests/e2e/test_sweep.py"]
    sched, (gw0, gw1, gw2) = _scheduler(3, files)
    assert _taken(sched, gw2) == "tests/test_a.py"
    assert _taken(sched, gw0) == "tests/e2e/test_sweep.py"  # a long browser file before the queue's first
    assert _taken(sched, gw1) == "tests/e2e/test_b.py"
    assert _taken(sched, gw2) == "tests/test_c.py"
    assert list(sched.workqueue) == []


def test_a_worker_whose_kind_is_used_up_takes_the_other_kind() -> None:
    sched, (gw0, _, gw2) = _scheduler(3, ["tests/e2e/test_b.py", "tests/test_a.py"])
    assert _taken(sched, gw2) == "tests/test_a.py"
    assert _taken(sched, gw2) == "tests/e2e/test_b.py"
    sched, (gw0, _, _) = _scheduler(3, ["tests/test_a.py"])
    assert _taken(sched, gw0) == "tests/test_a.py"


def test_with_two_workers_both_take_browser_files_first() -> None:
    sched, (gw0, gw1) = _scheduler(2, ["tests/test_a.py", "tests/e2e/test_b.py", "tests/e2e/test_c.py"])
    assert [_taken(sched, gw1), _taken(sched, gw0)] == ["tests/e2e/test_b.py", "tests/e2e/test_c.py"]
