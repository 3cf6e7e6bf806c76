"""Labels every page shares: the two years and the sections, in the interface language."""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd

from dashboard.domain.format import year_label
from dashboard.i18n import name
from dashboard.i18n.names import SECTION_SLUGS


def year_labels(documents: pd.DataFrame, lang: str) -> tuple[str, str]:
    """(request year, base year): 令和6年度 / 令和5年度 as printed, or FY2024 / FY2023 in English."""
    doc = documents.iloc[0]
    return (
        year_label(doc["request_year_label"], doc["request_fiscal_year"], lang),
        year_label(doc["base_year_label"], doc["base_fiscal_year"], lang),
    )


def section_labels(sections: pd.DataFrame, lang: str) -> dict[str, str]:
    """``section_id → "(1)① GXの実現…"``: theme and section numbers as printed, the name in ``lang``.

    The theme number is kept because ① recurs in every theme.
    """
    labels = {}
    for row in sections.sort_values("order").itertuples():
        number = "".join(part for part in (row.theme_no, row.section_no) if isinstance(part, str))
        labels[row.section_id] = f"{number} {name(row.name, lang)}".strip()
    return labels


def source_name(source_file: str | None) -> str:
    """The source file as shown to visitors: relative to the project as recorded, else its name only
    (an absolute path would tell every visitor where the server keeps its files).

    >>> source_name("data/raw/a.txt"), source_name("/srv/private/raw/b.txt")
    ('data/raw/a.txt', 'b.txt')
    """
    if not source_file:
        return ""
    path = PurePath(source_file)
    return path.name if path.is_absolute() else str(path)


def section_url_names(sections: pd.DataFrame) -> dict[str, str]:
    """``section_id → readable URL value`` (``gx-energy``): from the reviewed mapping of section
    names, else the section id. Unique within the document; independent of the section's position.

    >>> frame = pd.DataFrame({"section_id": ["p1-t1-s1", "p9"], "name": ["GXの実現とエネルギー安定供給の確保", "新しい施策"], "order": [1, 2]})
    >>> section_url_names(frame)
    {'p1-t1-s1': 'gx-energy', 'p9': 'p9'}
    """
    names: dict[str, str] = {}
    for row in sections.sort_values("order").itertuples():
        slug = SECTION_SLUGS.get(row.name, row.section_id)
        while slug in names.values():
            slug += "-2"
        names[row.section_id] = slug
    return names
