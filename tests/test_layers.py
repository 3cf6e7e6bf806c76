"""The import rules of the layout (README "Code map"); run ``pytest tests/test_layers.py -q`` to see them hold.

Every ``import`` in a module is checked, including those inside functions. A rule is named by the
layer it guards; a failure lists ``module → imported module`` for every import that breaks it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of the modules ``path`` imports, inside functions too (``from a import b``: ``a.b`` when
    ``b`` is a module of this project, else ``a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                sub = ROOT / Path(*base.split("."), alias.name)
                found.add(f"{base}.{alias.name}" if sub.with_suffix(".py").exists() or sub.is_dir() else base)
    return found


def _modules(*folders: str) -> dict[str, set[str]]:
    files = [p for folder in folders for p in (ROOT / folder).rglob("*.py")] if folders else []
    return {_module(p): _imports(p) for p in sorted(files)}


def _top(name: str) -> str:
    return name.split(".")[0]


def _in(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


APP = {**_modules("dashboard", "pages", "loaders"), "app": _imports(ROOT / "app.py")}
#: Which code may import Streamlit: the glue, the pages and the router.
STREAMLIT_OK = ("dashboard.st", "pages", "app")
#: What each pure layer may import from this project.
ALLOWED = {
    "dashboard.domain": ("dashboard.domain", "dashboard.i18n", "loaders"),
    "dashboard.views": ("dashboard.domain", "dashboard.i18n", "loaders"),  # and itself only (below)
    "dashboard.uploads": ("dashboard.domain", "dashboard.i18n", "dashboard.uploads", "loaders"),
    # and the account registry (pure data): the accounts' English names are the registry's, not repeated
    "dashboard.i18n": ("dashboard.i18n", "loaders.accounts"),
    "dashboard.registry": (),
    "loaders": ("loaders",),
    "dashboard.st": (
        "dashboard.st",
        "dashboard.domain",
        "dashboard.uploads",
        "dashboard.i18n",
        "dashboard.registry",
        "loaders",
    ),
}
PROJECT = ("dashboard", "pages", "loaders", "app")


def _breaks(layer: str, allowed: tuple[str, ...]) -> list[str]:
    """``module → imported`` for every project import of ``layer`` outside ``allowed``; a view importing
    another view breaks the rule too."""
    out = []
    for module, imported in APP.items():
        if not _in(module, layer):
            continue
        for name in sorted(imported):
            if _top(name) in PROJECT and name != "dashboard" and not _in(name, *allowed):
                out.append(f"{module} → {name}")
            if (
                _in(module, "dashboard.views")
                and _in(name, "dashboard.views")
                and name not in (module, "dashboard.views")
            ):
                out.append(f"{module} → {name} (a view imports another view)")
    return out


def test_the_rules_see_every_layer() -> None:
    """The rules cover real modules (a renamed folder would make every rule pass vacuously)."""
    for layer in (*ALLOWED, "pages"):
        assert any(_in(m, layer) for m in APP), layer
    assert "streamlit" in APP["dashboard.st.grids"]
    assert "dashboard.domain.format" in APP["dashboard.views.items"]


def test_only_the_glue_pages_and_router_import_streamlit() -> None:
    bad = [
        f"{m} → streamlit"
        for m, names in APP.items()
        if "streamlit" in {_top(n) for n in names} and not _in(m, *STREAMLIT_OK)
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_what_it_may(layer: str) -> None:
    bad = _breaks(layer, ALLOWED[layer])
    assert not bad, "\n".join(bad)


def test_a_page_never_imports_another_page() -> None:
    bad = [f"{m} → {n}" for m, names in APP.items() if _in(m, "pages") for n in names if _in(n, "pages")]
    assert not bad, "\n".join(bad)
