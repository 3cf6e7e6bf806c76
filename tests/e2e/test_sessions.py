"""Many websocket sessions at once, switching language on every page: no run may end in an exception.

The sessions speak Streamlit's own protocol (benchmarks/_common.py's StreamlitSession, no
browser). Each reruns its pages with the query string alone, as a reconnecting tab or a
script client does, without widget states: a page that read a widget's key before drawing
the widget raised ``KeyError: st.session_state has no key "quality.status"`` on the third
such rerun (issue 21, point 6). Sized to prove the behaviour in seconds, not to measure.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

from benchmarks._common import StreamlitSession
from dashboard.registry import PAGES
from tests.e2e.conftest import in_own_loop

SESSIONS = 8
#: Each session's reruns of one page: the language switched and kept, three times on one
#: language in a row (the sequence that lost the key).
QUERIES = ("lang=en", "lang=en", "lang=en", "lang=ja", "lang=en")


async def _session(port: int, pages: list[str]) -> list[str]:
    session = StreamlitSession(port)
    await session.connect()
    problems: list[str] = []
    try:
        for page in pages:
            for query in QUERIES:
                result = await session.rerun(query, page, timeout=120)
                problems += [f"/{page}?{query}: {e}" for e in result.exceptions]
                if result.status != "FINISHED_SUCCESSFULLY":
                    problems.append(f"/{page}?{query}: {result.status}")
    finally:
        await session.close()
    return problems


async def _all(port: int) -> list[str]:
    paths = [p.url_path for p in PAGES if p.min_documents == 1]
    # Session i starts at page i and visits three pages, so every page is run by several sessions at once.
    plans = [[paths[(i + k) % len(paths)] for k in range(3)] for i in range(SESSIONS)]
    results = await asyncio.gather(*(_session(port, plan) for plan in plans))
    return [problem for problems in results for problem in problems]


def test_concurrent_sessions_with_language_switches_raise_nothing(server) -> None:
    problems = in_own_loop(_all(urlparse(server).port))
    assert problems == [], problems
