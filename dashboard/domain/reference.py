"""The reference sources' shared rules: which review URL may be a link, a source's attribution, a
project's review records ready to show. Pure (no Streamlit); every text stays plain text."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from dashboard.i18n import t


def review_url(url: object) -> str | None:
    """An https URL safe to offer as a link (an overview sheet on a ministry's site), else None.

    >>> review_url("https://www.meti.go.jp/main/yosangaisan/x.pdf"), review_url("javascript:alert(1)")
    ('https://www.meti.go.jp/main/yosangaisan/x.pdf', None)
    >>> review_url("https://a.example/x) [y](z"), review_url("http://www.meti.go.jp/x")
    (None, None)
    """
    if not isinstance(url, str) or any(c in url for c in " \t\r\n\"'<>`()[]{}\\"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        return None
    host = parts.hostname
    return url if host.endswith(".go.jp") or host == "go.jp" else None


def attribution(sources: pd.DataFrame | None, kind: str, lang: str) -> str | None:
    """The source line of the budget books (``budget_book``) or the reviews (``project_review``), from the data."""
    if sources is None:
        return None
    rows = sources[sources["kind"] == kind]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return t("st.attribution", lang, publisher=row["publisher"], licence=row["licence"], converted=row["converted_by"])


@dataclass(frozen=True)
class ReviewCard:
    """One review record of a project, ready to show (every text plain; ``url`` safe or None)."""

    project_id: int
    review_year: int
    match: str
    name: str
    bureau: str | None
    category: str | None
    start_year: int | None
    purpose: str | None
    overview: str | None
    url_text: str | None  # the URL as text, always
    url: str | None  # the same, only when safe to link


def review_cards(links: pd.DataFrame, reviews: pd.DataFrame, project_key: str) -> tuple[list[ReviewCard], bool]:
    """The review records linked to ``project_key`` and whether the link is ambiguous."""
    mine = links[(links["project_key"] == project_key) & (links["match"] != "none")]
    cards = []
    for link in mine.itertuples():
        record = reviews[(reviews["project_id"] == link.project_id) & (reviews["review_year"] == link.review_year)]
        if record.empty:
            continue
        r = record.iloc[0]

        def text(column: str, r=r) -> str | None:
            return None if pd.isna(r[column]) else str(r[column])

        cards.append(
            ReviewCard(
                project_id=int(link.project_id),
                review_year=int(link.review_year),
                match=link.match,
                name=str(r["name"]),
                bureau=text("bureau"),
                category=text("category"),
                start_year=None if pd.isna(r["start_year"]) else int(r["start_year"]),
                purpose=text("purpose"),
                overview=text("overview"),
                url_text=text("url"),
                url=review_url(text("url")),
            )
        )
    return cards, bool(mine["ambiguous"].any()) if len(mine) else False
