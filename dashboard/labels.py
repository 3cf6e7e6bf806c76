"""Labels every page shares: the two years and the sections, in the interface language."""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd

from dashboard.format import year_label
from dashboard.i18n import name


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
