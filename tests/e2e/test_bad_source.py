"""A bad file in data/raw/ in a real browser: the good document is served, with one notice (issue 21, point 4).

A server of this module's own whose raw folder holds the shipped text and a garbage file.
Before, every page showed only the loader's error and each page view logged it again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import LOGS, exceptions, open_page, shot, streamlit_server
from tests.fixtures_years import SHIPPED

NAME = "streamlit-bad-source"


@pytest.fixture(scope="module")
def bad_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("bad-source")
    (folder / "raw").mkdir()
    (folder / "raw" / SHIPPED.name).write_bytes(SHIPPED.read_bytes())
    (folder / "raw" / "junk.txt").write_bytes(bytes(range(256)) * 40)
    env = {"BUDGET_RAW_DIR": str(folder / "raw"), "BUDGET_OUT_DIR": str(folder / "processed")}
    with streamlit_server(NAME, env=env) as url:
        yield url


def test_the_good_document_is_served_with_one_notice_and_one_log_line(page, bad_server) -> None:
    for path in ("", "items", "", "priority"):
        open_page(page, f"{bad_server}/{path}")
        assert exceptions(page) == []
        notices = page.locator("[data-testid=stAlert]", has_text="junk.txt").all_inner_texts()
        assert len(notices) == 1 and "junk.txt:1" in notices[0], notices
        assert page.locator("[data-testid=stException]").count() == 0
    open_page(page, f"{bad_server}/")
    assert "2兆4,615億円" in page.inner_text("[data-testid=stMain]")  # before: only the loader's error
    shot(page, "bad-source-overview")
    log = Path(LOGS / f"{NAME}.log").read_text(encoding="utf-8", errors="replace")
    assert log.count("junk.txt could not be loaded") == 1  # before: one ERROR block per page view
