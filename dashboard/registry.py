"""The app's pages in navigation order: script, URL path, title key, icon and the dashboard module.

app.py builds the navigation from it, and the tests check every page against it (the
README's table of URL keys, AppTest runs). A new page is one line here, its page file,
its dashboard module (specs, Filters, view) and its i18n module.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from types import ModuleType


@dataclass(frozen=True)
class PageInfo:
    """One page of the app."""

    script: str  # pages/<script>.py
    url_path: str  # "" for the default page
    icon: str
    module: str  # dashboard.views.<module>: specs(tables), Filters, view(tables, filters, lang)
    min_documents: int = 1  # shown in the navigation only when this many documents are loaded

    @property
    def title_key(self) -> str:
        return f"nav.{self.script}"

    @property
    def path(self) -> str:
        return f"pages/{self.script}.py"

    def dashboard(self) -> ModuleType:
        return import_module(f"dashboard.views.{self.module}")


PAGES: tuple[PageInfo, ...] = (
    PageInfo("overview", "", ":material/dashboard:", "overview"),
    PageInfo("search", "search", ":material/search:", "search"),
    PageInfo("treemap", "treemap", ":material/grid_view:", "treemap"),
    PageInfo("compare", "compare", ":material/compare_arrows:", "compare"),
    PageInfo("priority", "priority", ":material/star:", "priority"),
    PageInfo("items", "items", ":material/list:", "items"),
    PageInfo("stages", "stages", ":material/account_balance:", "stages"),
    PageInfo("quality", "quality", ":material/fact_check:", "quality"),
    PageInfo("glossary", "glossary", ":material/menu_book:", "glossary"),
    PageInfo("data", "data", ":material/download:", "datapkg"),
    PageInfo("years", "years", ":material/timeline:", "years", min_documents=2),
)
