"""How pytest-xdist hands the test files to its workers: the browser tests on all workers but one.

The suite runs with ``-n 3 --dist loadfile`` (pyproject.toml): a file's tests stay on one worker
(its module fixtures, servers and tabs are set up once). With plain ``loadfile`` every worker takes
the next file in the queue, so on this 2-core machine three workers ran three Chromiums and three
app servers side by side: 504 s and 967 CPU-seconds against 445 s and 757 with two workers.
Here one worker takes the tests without a browser first (pure CPU: AppTest runs, builds, parsing)
and the others take the browser files first, whose waits for the app leave a core idle now and then:

- measured as two runs side by side (``-m e2e -n 2`` and ``-m "not e2e" -n 1``): 369 s and
  683 CPU-seconds, against 431 s and 726 for ``-n 2`` on the whole suite.

When a worker's own kind of file is used up it takes the other kind, so no worker idles while
files are left. With fewer than three workers every worker takes the browser files first.
"""

from __future__ import annotations

from xdist.scheduler import LoadFileScheduling

BROWSER_FILES = "tests/e2e/"
#: The browser files that take longest (seconds of one worker in a full run: the sweep 134, hostile
#: input 74, several documents and uploads 63, the proxy 58) start first, so that none of them is
#: left to run alone at the end while the other workers have finished. The others follow in
#: pytest-xdist's order (most tests first). tests/test_scheduling.py checks that these files exist.
LONGEST_FIRST = (
    "tests/e2e/test_sweep.py",
    "tests/e2e/test_hostile.py",
    "tests/e2e/test_years_upload.py",
    "tests/e2e/test_proxy.py",
)


def needs_browser(scope: str) -> bool:
    """Whether a work unit (a test file's node id) is a browser test file."""
    return scope.replace("\\", "/").startswith(BROWSER_FILES)


class BrowserFilesApart(LoadFileScheduling):
    """``loadfile``, but the last worker (of three or more) takes the files without a browser first."""

    def _assign_work_unit(self, node) -> None:
        workers = sorted((n.gateway.id for n in self.nodes), key=lambda name: int(name.removeprefix("gw")))
        browser_first = self.numnodes < 3 or node.gateway.id != workers[-1]
        first = {name: rank for rank, name in enumerate(LONGEST_FIRST)}
        scopes = sorted(self.workqueue, key=lambda s: first.get(s, len(first)))  # stable: else queue order
        scope = next((s for s in scopes if needs_browser(s) == browser_first), scopes[0])
        self.workqueue.move_to_end(scope, last=False)  # the parent pops the first unit
        super()._assign_work_unit(node)
