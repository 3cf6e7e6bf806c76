"""Project explorer: every listing of ``items``, its flags in words, and one project's detail.

Pure functions of the loader's tables and small values (no Streamlit), so the page
stays thin and the tests need no browser.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from dashboard.domain.contract import INT, SIGNED, Table, View
from dashboard.domain.format import change, oku
from dashboard.domain.labels import section_labels, year_labels
from dashboard.domain.listings import (
    FLAG_CODES,
    SECTION_FILTER,
    account_codes,
    account_label,
    base_figures,
    counted_mask,
    flag_mask,
    flag_words,
    one_per_project,
    other_base_text,
    portion_mask,
    primary_mask,
)
from dashboard.domain.params import Filter, FilterValues, filter_dataclass
from dashboard.domain.text import normalize
from dashboard.i18n import t

#: "has" filters: rows that have a figure of that kind.
HAS_CODES: tuple[str, ...] = ("base", "request", "multiyear")

#: ``review=`` codes: projects with a project-review record (any kind), without one, or with an ambiguous one.
REVIEW_CODES: tuple[str, ...] = ("linked", "unlinked", "ambiguous")


# --- the comparison figure: one rule for every view ---------------------------------------


def has_mask(items: pd.DataFrame, code: str) -> pd.Series:
    """Rows that have a base-year amount, a request counted in totals, or a 国庫債務負担行為 amount."""
    if code == "base":
        return items["base_oku"].notna() & ~items["base_is_portion"].fillna(False).astype(bool)
    if code == "request":
        return items["request_oku"].notna() & ~items["is_portion"].fillna(False).astype(bool)
    return items["multiyear_oku"].notna()


def _review_mask(items: pd.DataFrame, review: str, links: pd.DataFrame | None) -> pd.Series:
    summary = review_summary(links)
    keys = items["project_key"]
    if review == "linked":
        return keys.map(summary["linked"]).fillna(False).astype(bool)
    if review == "unlinked":  # looked up, nothing found (a project with no primary listing was not looked up)
        return keys.map(summary["match"]).eq("none")
    return keys.map(summary["ambiguous"]).fillna(False).astype(bool)


def _query_mask(items: pd.DataFrame, q: str, links: pd.DataFrame | None) -> pd.Series:
    needle = normalize(q)
    if not needle:
        return pd.Series(True, index=items.index)
    keys = items["project_key"].fillna("").map(normalize)
    names = items["name"].fillna("").map(normalize)
    return keys.str.contains(needle, regex=False) | names.str.contains(needle, regex=False)


def _any_flag(items: pd.DataFrame, codes, links: pd.DataFrame | None) -> pd.Series:
    found = pd.Series(False, index=items.index)
    for code in codes:
        if code in FLAG_CODES:
            found |= flag_mask(items, code)
    return found


def _no_flag(items: pd.DataFrame, codes, links: pd.DataFrame | None) -> pd.Series:
    return ~_any_flag(items, codes, links)


def _every_figure(items: pd.DataFrame, codes, links: pd.DataFrame | None) -> pd.Series:
    keep = pd.Series(True, index=items.index)
    for code in codes:
        if code in HAS_CODES:
            keep &= has_mask(items, code)
    return keep


#: The filters of /items, each declared once: its URL key, its field, its default and how it keeps rows
#: (``apply(items, value, review_links) → mask``, used when the value is set). The open project is no filter
#: of the rows and no part of a CSV name.
FILTERS = (
    Filter("q", "text", default="", apply=_query_mask),
    SECTION_FILTER,
    # URL codes (:func:`account_codes`); an unknown code matches nothing.
    Filter(
        "account",
        "multi",
        default=(),
        attr="accounts",
        choices=lambda tables: tuple(account_codes(tables["items"])),
        apply=lambda items, codes, links: items["account"].isin([account_codes(items).get(c) for c in codes]),
    ),
    # A row needs *any* of the chosen flags; ``exclude`` drops rows with any of them ("not 新規").
    Filter("flag", "multi", default=(), attr="flags", choices=FLAG_CODES, apply=_any_flag),
    Filter("exclude", "multi", default=(), choices=FLAG_CODES, apply=_no_flag),
    # Rows that have every figure named.
    Filter("has", "multi", default=(), choices=HAS_CODES, apply=_every_figure),
    Filter("primary", "flag", apply=lambda items, on, links: primary_mask(items)),
    # The rows sums count: primary, not 内数.
    Filter(
        "counted",
        "flag",
        apply=lambda items, on, links: counted_mask(items),
    ),
    # The listings whose *project* has that review link (``links``: ``review_links``), so a re-listed row
    # goes with its primary listing; a project without a primary listing (※ rows only) was not looked up
    # and is neither linked nor unlinked.
    Filter("review", "choice", choices=REVIEW_CODES, apply=_review_mask),
    Filter(
        "project",
        "choice",
        choices=lambda tables: tuple(tables["items"]["project_key"].unique()),
        named="never",
    ),
)


@filter_dataclass
class Filters(FilterValues):
    """What /items filters on, and the project whose detail is open (hashable: part of the view's cache key)."""

    FILTERS = FILTERS

    def listing(self) -> Filters:
        """The same filters without the open project (what the list itself depends on)."""
        return replace(self, project=None)


specs = Filters.specs


def filter_items(
    items: pd.DataFrame, filters: Filters | None = None, *, links: pd.DataFrame | None = None, **fields: object
) -> pd.DataFrame:
    """The listings matching every filter that is set, in document order.

    ``filters`` or its fields as keywords (``filter_items(items, flags=["new"], primary=True)``);
    each declared filter that is set keeps the rows its ``apply`` says.
    """
    filters = filters if filters is not None else Filters(**fields)
    return items[filters.mask(items, links)].sort_values("order")


# --- the project reviews (行政事業レビュー) beside each listing -----------------------------------


def review_summary(links: pd.DataFrame | None) -> pd.DataFrame:
    """Per ``project_key``: its link kind, whether linked, ambiguous, and its 予算事業ID(s) as text.

    Only a project's primary listing is linked (``review_links``, one row per candidate record or one
    ``none`` row); every other listing of the project shows the same, through its ``project_key``.

    >>> links = pd.DataFrame({"project_key": ["a", "a", "b"], "match": ["exact", "exact", "none"],
    ...                       "ambiguous": [True, True, False], "project_id": [7268, 6019, None]})
    >>> review_summary(links)[["match", "ambiguous", "ids"]].to_dict("index")
    {'a': {'match': 'exact', 'ambiguous': True, 'ids': '6019, 7268'}, 'b': {'match': 'none', 'ambiguous': False, 'ids': ''}}
    """
    columns = ["match", "linked", "ambiguous", "candidates", "ids"]
    if links is None or links.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="project_key"))
    # Plain Python over about 130 rows: a pandas groupby with a join is ten times slower here.
    rows: dict[str, dict] = {}
    columns_in = zip(links["project_key"], links["match"], links["ambiguous"], links["project_id"], strict=True)
    for key, match, ambiguous, project_id in columns_in:
        row = rows.setdefault(key, {"match": str(match), "ambiguous": False, "_ids": set()})
        row["ambiguous"] |= bool(ambiguous) if not pd.isna(ambiguous) else False
        if not pd.isna(project_id):
            row["_ids"].add(int(project_id))
    for row in rows.values():
        ids = sorted(row.pop("_ids"))
        row |= {"linked": row["match"] != "none", "candidates": len(ids), "ids": ", ".join(map(str, ids))}
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "project_key"
    return frame


def review_words(match: object, ambiguous: bool, candidates: int, lang: str) -> str:
    """The link kind in words: ``名称が一致``, ``表記の正規化で一致（2件の候補、未確定）``; "" when nothing was linked
    (no review data loaded for the document).

    >>> review_words("fuzzy", False, 1, "en"), review_words("exact", True, 2, "en")
    ('one character differs', 'same name (ambiguous: 2 records)')
    """
    if not isinstance(match, str) or not match:
        return ""
    words = t(f"st.match.{match}", lang)
    return t("it.review.ambiguous", lang, match=words, n=candidates) if ambiguous else words


def listing_table(
    items: pd.DataFrame,
    sections: pd.DataFrame,
    lang: str,
    years: tuple[str, str],
    with_raw: bool = False,
    links: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The listings as shown on screen and in the CSV (amounts as plain 億円 numbers).

    Name, figures and flags come first so a phone shows them without scrolling sideways.
    ``with_raw`` is the project detail: one project, so no name column, the line first. The source
    text itself is shown verbatim in a code block beside it, not in the grid: the grid makes a
    cell starting with "-" (a bulleted line) formula-safe with a leading ' (see ``grids.shown``).
    The review link and 予算事業ID(s) are the project's (:func:`review_summary`), on every listing of it.
    """
    labels = section_labels(sections, lang)
    reviews = review_summary(links).to_dict("index")
    bases = base_figures(items)
    rows = []
    for row, base in zip(items.itertuples(), bases.itertuples(), strict=True):
        portion, base_portion = bool(row.is_portion), bool(row.base_is_portion)
        counted_request = None if portion else row.request_oku
        counted_base = None if base_portion else base.initial_base_oku
        review = reviews.get(row.project_key)
        review_text = t("it.review.untried", lang) if review is None and len(reviews) else ""
        shown = {
            t("it.col.name", lang): row.name,
            t("it.col.request", lang, year=years[0]): counted_request,
            t("it.col.base", lang, year=years[1]): counted_base,
            t("it.col.change", lang): change(counted_request, counted_base) if base.comparable else None,
            t("it.col.other_base", lang): other_base_text(base.other_base_oku, base.other_base_basis, lang),
            t("it.col.flags", lang): flag_words(row, lang),
            t("it.col.portion", lang): row.request_oku if portion else None,
            t("it.col.multiyear", lang): row.multiyear_oku,
            t("it.col.multiyear_years", lang): row.multiyear_years,
            t("it.col.account", lang): account_label(row.account, bool(row.account_partial), lang),
            t("it.col.section", lang): labels.get(row.section_id, row.section_id),
            t("it.col.review", lang): review_text
            if review is None
            else review_words(review["match"], bool(review["ambiguous"]), int(review["candidates"]), lang),
            t("it.col.review_ids", lang): "" if review is None else review["ids"],
            t("it.col.reference", lang): row.reference_oku,
            t("it.col.line", lang): row.source_line,
        }
        if with_raw:
            del shown[t("it.col.name", lang)]
            shown = {t("it.col.line", lang): shown.pop(t("it.col.line", lang)), **shown}
        rows.append(shown)
    frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else _columns(lang, years, with_raw))
    for column in amount_columns(lang, years):
        frame[column] = frame[column].astype("float64")
    frame[t("it.col.line", lang)] = frame[t("it.col.line", lang)].astype("Int64")
    frame[t("it.col.multiyear_years", lang)] = frame[t("it.col.multiyear_years", lang)].astype("Float64")
    return frame


def _columns(lang: str, years: tuple[str, str], with_raw: bool) -> list[str]:
    names = [
        "it.col.name",
        "it.col.request",
        "it.col.base",
        "it.col.change",
        "it.col.other_base",
        "it.col.flags",
        "it.col.portion",
        "it.col.multiyear",
        "it.col.multiyear_years",
        "it.col.account",
        "it.col.section",
        "it.col.review",
        "it.col.review_ids",
        "it.col.reference",
        "it.col.line",
    ]
    if with_raw:
        names = ["it.col.line", *[n for n in names if n not in ("it.col.name", "it.col.line")]]
    return [t(n, lang, year=years[0] if n == "it.col.request" else years[1]) for n in names]


def amount_columns(lang: str, years: tuple[str, str]) -> list[str]:
    """The 億円 columns of :func:`listing_table` (for number formatting)."""
    return [
        t("it.col.request", lang, year=years[0]),
        t("it.col.base", lang, year=years[1]),
        t("it.col.change", lang),
        t("it.col.portion", lang),
        t("it.col.multiyear", lang),
        t("it.col.reference", lang),
    ]


def table_key(*filters: object) -> str:
    """A widget key that changes with the filters, so a row selection never points at a stale row."""
    return "items.table." + hashlib.sha1(repr(filters).encode()).hexdigest()[:10]


def project_listings(items: pd.DataFrame, project_key: str | None) -> pd.DataFrame:
    """Every listing of one project, in document order (empty when unknown)."""
    if not project_key:
        return items.iloc[0:0]
    return items[items["project_key"] == project_key].sort_values("order")


def primary_listing(listings: pd.DataFrame) -> pd.Series | None:
    """The listing sums use (not re-listed, forward or ※), else the first listing."""
    return None if listings.empty else one_per_project(listings).iloc[0]


def project_policies(policies: pd.DataFrame, listings: pd.DataFrame) -> pd.DataFrame:
    """The policy paragraphs heading the project's listings, once each, in document order."""
    ids = listings["policy_id"].dropna().unique().tolist()
    return policies[policies["policy_id"].isin(ids)].sort_values("source_line")


def project_priority(priority: pd.DataFrame, project_key: str, listings: pd.DataFrame) -> pd.DataFrame:
    """The project's 重要政策推進枠 requests: same project key, or matched to one of its listings."""
    item_ids = listings["item_id"].tolist()
    hit = (priority["project_key"] == project_key) | priority["matched_item_id"].isin(item_ids)
    return priority[hit].sort_values("order")


def priority_rows(priority: pd.DataFrame, lang: str) -> list[str]:
    """One line per 推進枠 request of the project: amount, source line, name (document text) and match kind."""
    return [
        t(
            "it.detail.priority.row",
            lang,
            amount=oku(request.request_oku, lang),
            line=request.source_line,
            name=request.name,
            match=t(f"it.match.{request.match}", lang),
        )
        for request in priority.itertuples()
    ]


def amount_text(value: float | None, is_portion: bool, lang: str) -> str:
    """``69億円（内数）``: an amount, marked when it is only a whole of which this is a part."""
    text = oku(value, lang)
    return text + t("it.portion.suffix", lang) if is_portion and text != "—" else text


def detail_texts(listings: pd.DataFrame, priority: pd.DataFrame, lang: str) -> dict[str, str]:
    """The detail's headline texts: name, request, base (and its label: a base that is not an initial budget
    says so in the label), number of listings, 推進枠 amount."""
    row = primary_listing(listings)
    if row is None:
        return {}
    base_label, base_note = t("it.detail.base", lang), ""
    if row["is_reference"]:
        request = t("it.detail.reference", lang, amount=oku(row["reference_oku"], lang))
        base = "—"
    else:
        request = amount_text(row["request_oku"], bool(row["is_portion"]), lang)
        figures = base_figures(pd.DataFrame([row])).iloc[0]
        base = amount_text(figures["initial_base_oku"], bool(row["base_is_portion"]), lang)
        if row["is_new"]:
            base = t("it.flag.new", lang)
        elif not figures["comparable"]:
            # No initial budget to show: the metric names what its figure is, so the value fits its box.
            # Short label and value (a metric cuts both on a phone); the basis in a note under them.
            base_label = t("it.detail.base.other", lang)
            base = oku(figures["other_base_oku"], lang)
            base_note = t("it.detail.base.note", lang, text=other_base_text(row["base_oku"], row["base_basis"], lang))
    requested = priority["request_oku"].sum() if not priority.empty else None
    return {
        "name": row["name"],
        "request": request,
        "base": base,
        "base_label": base_label,
        "base_note": base_note,
        "listings": str(len(listings)),
        "priority": oku(requested, lang) if requested is not None else t("it.detail.no_priority", lang),
    }


def source_lines_text(listings: pd.DataFrame) -> str:
    """``139 | - 独立行政法人…`` one line per listing: the source text exactly as read."""
    width = len(str(int(listings["source_line"].max()))) if not listings.empty else 1
    return "\n".join(f"{int(r.source_line):>{width}} | {r.raw}" for r in listings.itertuples())


def totals(listings: pd.DataFrame, lang: str) -> dict[str, object]:
    """Sums of the shown listings that may be summed: primary listings only (no re-listed, later or ※
    rows, so nothing twice), 内数 figures apart, 国庫債務負担行為 apart (it is on top of the single year).

    Texts for the caption under the table; ``multiyear_n`` is 0 when no listing has an amount.
    """
    primary = listings[primary_mask(listings)]
    portion = portion_mask(primary)
    multiyear = primary[primary["multiyear_oku"].notna()]
    return {
        "n_primary": len(primary),
        "request": oku(primary.loc[~portion, "request_oku"].sum(), lang),
        "portion_n": int(portion.sum()),
        "multiyear_n": len(multiyear),
        "multiyear": oku(multiyear["multiyear_oku"].sum(), lang),
    }


# --- page contract (see dashboard/domain/contract.py) ---------------------------------------------


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """The filtered listings and, when a project is open, its detail."""
    items, sections = tables["items"], tables["sections"]
    years = year_labels(tables["documents"], lang)
    links = tables.get("review_links")
    filtered = filter_items(items, filters, links=links)
    kinds = {t("it.col.change", lang): SIGNED, t("it.col.line", lang): INT, t("it.col.multiyear_years", lang): INT}
    helps = {t("it.col.flags", lang): t("it.col.help.portion", lang)}
    out = {
        "items": Table(
            listing_table(filtered, sections, lang, years, links=links),
            kinds,
            "items",
            filters.csv_filters(tables),
            helps,
        )
    }
    texts: dict[str, object] = {
        "shown": len(filtered),
        "total": len(items),
        "project_keys": filtered["project_key"].tolist(),
        "table_key": table_key(lang, filters.listing()),
        "labels": section_labels(sections, lang),
        "totals": totals(filtered, lang),
    }
    listings = project_listings(items, filters.project)
    if not listings.empty:
        priority = project_priority(tables["priority_requests"], filters.project, listings)
        detail = listing_table(listings, sections, lang, years, with_raw=True, links=links)
        out["detail"] = Table(detail, kinds, None)
        texts["detail"] = detail_texts(listings, priority, lang)
        texts["source_lines"] = source_lines_text(listings)
        texts["lines"] = [int(line) for line in listings["source_line"]]
        texts["policies"] = project_policies(tables["policies"], listings)
        texts["priority"] = priority
        texts["priority_rows"] = priority_rows(priority, lang)
        texts["project"] = filters.project
    return View(tables=out, texts=texts)
