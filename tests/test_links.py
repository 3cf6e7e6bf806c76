"""One URL builder (issue 22): every link between pages carries ``lang`` and ``doc``; a proxy's base path stays.

With two documents loaded, the older one chosen (``doc=`` is then not the default) and English, every
``st.page_link`` a page draws must say both, or the link opens the other document in Japanese.
"""

from __future__ import annotations

import ast
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from dashboard.domain import urls
from tests.conftest import SHIPPED, app_test

ROOT = Path(__file__).resolve().parent.parent
OLDER = SHIPPED.stem  # the shipped 令和6年度 summary; the 令和7年度 copy is the newest, the default


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory: pytest.TempPathFactory):
    raw = tmp_path_factory.mktemp("raw")
    text = SHIPPED.read_text(encoding="utf-8")
    (raw / SHIPPED.name).write_text(text, encoding="utf-8")
    (raw / "meti_r7_copy.txt").write_text(
        text.replace("令和6年度 経済産業省関係", "令和7年度 経済産業省関係", 1), encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BUDGET_RAW_DIR", str(raw))
        patch.setenv("BUDGET_OUT_DIR", str(tmp_path_factory.mktemp("out")))
        yield


def _links(script: str, **params: str) -> list[tuple[str, dict[str, list[str]]]]:
    at = app_test().run()
    at.switch_page(f"pages/{script}.py")
    for key, value in {"lang": "en", "doc": OLDER, **params}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return [(link.proto.page, parse_qs(link.proto.query_string)) for link in at.get("page_link")]


@pytest.mark.parametrize(
    ("script", "params", "target", "carried"),
    [
        ("search", {"q": "水素"}, "items", "project"),
        ("search", {"q": "中小企業"}, "priority", "q"),
        ("glossary", {}, "items", None),
        ("glossary", {"q": "重要政策推進枠"}, "priority", None),
        ("priority", {"q": "中小企業"}, "search", "q"),
        ("treemap", {"focus": "gx-energy"}, "items", "section"),
        ("items", {"project": "独立行政法人情報処理推進機構運営費交付金"}, "quality", "line"),
    ],
)
def test_every_page_link_carries_lang_and_doc(
    two_documents, script: str, params: dict, target: str, carried: str | None
) -> None:
    links = _links(script, **params)
    to_target = [query for page, query in links if page == target]
    assert to_target, f"/{script} drew no link to /{target}: {links}"
    assert carried is None or all(carried in query for query in to_target), (carried, to_target)
    for page, query in links:
        assert query.get("lang") == ["en"] and query.get("doc") == [OLDER], f"/{script} → /{page}: {query}"
    if script == "treemap":  # the focused section's projects, by the section's URL name
        assert to_target == [{"lang": ["en"], "doc": [OLDER], "section": ["gx-energy"]}]


def test_pages_link_only_through_the_builder() -> None:
    """``st.page_link`` is called in one place (``dashboard/st/urlstate.py``), which asks the URL builder."""
    found = []
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "dashboard" / "st").glob("*.py"), ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            builder = (
                isinstance(getattr(node, "func", None), ast.Attribute)
                and getattr(node.func.value, "id", "") == "urlstate"
            )
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "page_link" and not builder:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert len(found) == 1 and found[0].startswith("dashboard/st/urlstate.py:"), found


@pytest.mark.parametrize(
    ("base", "url_path", "lang", "doc", "filters", "expected"),
    [
        # behind a proxy (server.baseUrlPath=budget): the base path stays in front
        (
            "https://example.org/budget",
            "items",
            "en",
            "r6",
            {"q": "水素"},
            "https://example.org/budget/items?lang=en&doc=r6&q=%E6%B0%B4%E7%B4%A0",
        ),
        (
            "/budget/",
            "compare",
            "ja",
            "r7",
            {"section": ["gx-energy", "startups"]},
            "/budget/compare?section=gx-energy&section=startups",
        ),
        # no browser address (a test client): relative to the server root
        ("", "priority", "ja", "r6", {"lang": "en", "doc": "x", "q": ""}, "/priority?doc=r6"),
        ("http://localhost:8501", "", "en", "r7", {}, "http://localhost:8501?lang=en"),
    ],
)
def test_page_url(base, url_path, lang, doc, filters, expected) -> None:
    assert urls.page_url(base, url_path, lang, doc, ["r7", "r6"], filters) == expected


def test_share_link_keeps_the_base_path_and_the_router_keys() -> None:
    root = urls.app_root("https://example.org/budget/priority", "priority")
    params = [("lang", "en"), ("q", "サイバー"), ("doc", "r6"), ("embed", "true")]
    link = urls.page_url(root, "priority", "en", "r6", ["r7", "r6"], urls.current_filters(params), embed=True)
    assert (
        link == "https://example.org/budget/priority?lang=en&doc=r6&q=%E3%82%B5%E3%82%A4%E3%83%90%E3%83%BC&embed=true"
    )
