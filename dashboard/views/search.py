"""Search across the whole document: project names, policy paragraphs, notes, 推進枠 and 事項要求.

One row per hit, saying where it matched and showing the matched text as plain text
with the match between « » (never Markdown or HTML). What matched is said, never lent:
a project is a *name* hit only when its own name holds the words; a policy paragraph is
one hit of its own with the projects under it listed beside it (a reader must not take
each of them for a project about the words); section, theme and pillar headings are
searched too. Name hits come first.

The project reviews (行政事業レビュー) linked to the document's projects (``review_links``) are
searched last: a record's purpose and overview, each a hit marked as such ("review purpose",
"review overview") and pointing to the linked project, after every hit in the document itself.
Only linked records are searched: they belong to a project of this document, which the hit can
open; the ministry's other records are not the document's. Pure functions of DataFrames (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.domain.contract import AMOUNT, INT, LONG_TEXT, QueryFilters, Table, View, query_specs
from dashboard.domain.labels import section_labels
from dashboard.domain.listings import one_per_project
from dashboard.domain.text import Query, excerpt, normalize
from dashboard.i18n import name, t

#: Characters shown before and after a match: a grid's wide text column shows about 25
#: Japanese characters before it is cut, so the match must start early.
BEFORE, AFTER = 10, 40

#: Where a hit can be, in the order the results list them.
WHERE = ("name", "heading", "policy", "note", "priority", "matter", "review_purpose", "review_overview")
#: The project-review fields searched, as (``where``, column of ``review_records``).
REVIEW_FIELDS = (("review_purpose", "purpose"), ("review_overview", "overview"))

#: Columns of :func:`hits` (one row per hit).
COLUMNS = [
    "where",
    "label",
    "context",
    "section_id",
    "project_key",
    "project_request_oku",
    "project_is_portion",
    "priority_oku",
    "flags",
    "source_line",
    "projects",  # a paragraph hit: the projects under it, ((project_key, name, flags), ...)
    "review",  # a review hit: (予算事業ID, review year) of the record that matched
]


#: URL keys of /search: ``q``, the text searched for.
specs = query_specs
Filters = QueryFilters


def _excerpt(text: str | None, query: Query) -> str:
    return excerpt(text, query, AFTER, before=BEFORE)


def _matching(texts: pd.Series, query: Query) -> pd.Series:
    return texts.map(lambda v: isinstance(v, str) and query.matches(normalize(v))).astype(bool)


def _flags(listing: object) -> tuple[str, ...]:
    """The codes of a listing's marks (a row of items): re-listed, forward, reference (※)."""
    marks = (("relisted", "is_relisted"), ("forward", "is_forward"), ("reference", "is_reference"))
    return tuple(code for code, column in marks if bool(getattr(listing, column)))


def _projects(items: pd.DataFrame) -> pd.DataFrame:
    """One row per project: its primary listing (the one counted), else its first listing."""
    return one_per_project(items).set_index("project_key", drop=False)


def _heading_rows(sections: pd.DataFrame, query: Query, row) -> list[dict]:
    """Headings that match, in document order: a pillar's or a theme's once however many sections it
    heads (the loader keeps no line of their own), a section's with its section and line."""
    out, seen = [], set()
    for section in sections.sort_values("order").itertuples():
        for text, number in ((section.pillar, None), (section.theme, section.theme_no)):
            if isinstance(text, str) and text not in seen and query.matches(normalize(text)):
                seen.add(text)
                label = f"{number} {text}".strip() if isinstance(number, str) else text
                out.append(row("heading", label, _excerpt(text, query), None))
        if isinstance(section.name, str) and query.matches(normalize(section.name)):
            number = "".join(p for p in (section.theme_no, section.section_no) if isinstance(p, str))
            label = f"{number} {section.name}".strip()
            out.append(
                row("heading", label, _excerpt(section.name, query), section.source_line, section_id=section.section_id)
            )
    return out


def hits(tables: Mapping[str, pd.DataFrame], query: str) -> pd.DataFrame:
    """Every place the query matches, one row each (columns :data:`COLUMNS`), in :data:`WHERE` order.

    - ``name``: a project's name (one row per project; its primary listing's section and request);
    - ``heading``: a section's heading (its section), a theme's or a pillar's (once each);
    - ``policy``: a policy paragraph, one row; ``projects`` lists the projects under it;
    - ``note``: an account's note, or a listing's source line where the name alone does not match
      (an amount, 再掲, (エネ特) …); one row per listing;
    - ``priority``: a 重要政策推進枠 request's name (linked to its project when the main text has it);
    - ``matter``: a 事項要求 topic.
    """
    parsed = Query.parse(query)
    if not parsed:
        return pd.DataFrame(columns=COLUMNS)
    items = tables["items"].sort_values("order")
    projects = _projects(items)

    def row(where: str, label: object, context: str, line: object, **fields: object) -> dict:
        return {
            **dict.fromkeys(COLUMNS),
            "project_is_portion": False,
            "flags": (),
            "projects": (),
            "review": None,
            "where": where,
            "label": label,
            "context": context,
            "source_line": line,
            **fields,
        }

    def project(key: object) -> dict:
        """The project's own figures (its primary listing): its request and whether that is 内数."""
        if not isinstance(key, str) or key not in projects.index:
            return {"project_key": None}
        primary = projects.loc[key]
        return {
            "project_key": key,
            "project_request_oku": primary["request_oku"],
            "project_is_portion": bool(primary["is_portion"]),
        }

    rows: list[dict] = []
    name_hit = _matching(items["name"], parsed)
    for key in dict.fromkeys(items.loc[name_hit, "project_key"]):
        primary = projects.loc[key]
        context = _excerpt(primary["name"], parsed)
        rows.append(
            row(
                "name",
                primary["name"],
                context,
                primary["source_line"],
                section_id=primary["section_id"],
                **project(key),
            )
        )

    rows += _heading_rows(tables["sections"], parsed, row)

    # A paragraph is one hit; the projects under it ride along, with the marks of their listing there (再掲 …).
    policies = tables["policies"].sort_values("order")
    for policy in policies[_matching(policies["text"], parsed)].itertuples():
        context = _excerpt(policy.text, parsed)
        under = items[items["policy_id"] == policy.policy_id].drop_duplicates("project_key")
        listed = tuple((u.project_key, u.name, _flags(u)) for u in under.itertuples())
        rows.append(row("policy", "", context, policy.source_line, section_id=policy.section_id, projects=listed))

    accounts = tables["accounts"].sort_values("order")
    for account in accounts[_matching(accounts["note"], parsed)].itertuples():
        line = getattr(account, "source_line", None)
        rows.append(row("note", account.account, _excerpt(account.note, parsed), line))
    # A listing's line beyond its name: amounts, 内数, (エネ特), 再掲, 国庫債務負担行為 …
    for listing in items[_matching(items["raw"], parsed) & ~name_hit].itertuples():
        fields = {"section_id": listing.section_id, "flags": _flags(listing), **project(listing.project_key)}
        rows.append(row("note", listing.name, _excerpt(listing.raw, parsed), listing.source_line, **fields))

    priority = tables["priority_requests"].sort_values("order")
    key_of_item = items.set_index("item_id")["project_key"]
    for request in priority[_matching(priority["name"], parsed)].itertuples():
        fields = {
            "section_id": request.section_id if isinstance(request.section_id, str) else None,
            "priority_oku": request.request_oku,
            "flags": ("transfer",) if request.is_transfer else (),
            **project(key_of_item.get(request.matched_item_id)),
        }
        rows.append(row("priority", request.name, _excerpt(request.name, parsed), request.source_line, **fields))

    matters = tables["matter_requests"].sort_values("order")
    for matter in matters[_matching(matters["text"], parsed)].itertuples():
        rows.append(row("matter", matter.text, _excerpt(matter.text, parsed), matter.source_line))

    for record in _linked_reviews(tables, projects).itertuples():
        for where, column in REVIEW_FIELDS:
            text = getattr(record, column)
            if isinstance(text, str) and parsed.matches(normalize(text)):
                primary = projects.loc[record.project_key]
                fields = {
                    "section_id": primary["section_id"],
                    "review": (int(record.project_id), int(record.review_year)),
                    **project(record.project_key),
                }
                rows.append(row(where, primary["name"], _excerpt(text, parsed), None, **fields))
    return pd.DataFrame(rows, columns=COLUMNS)


def _linked_reviews(tables: Mapping[str, pd.DataFrame], projects: pd.DataFrame) -> pd.DataFrame:
    """The review records linked to the document's projects, in the projects' document order, each with its
    ``project_key`` (an ambiguous link: every candidate record, each its own row)."""
    links, records = tables.get("review_links"), tables.get("review_records")
    if links is None or records is None or links.empty or records.empty:
        return pd.DataFrame(columns=["project_key", "project_id", "review_year", "purpose", "overview"])
    linked = links[(links["match"] != "none") & links["project_key"].isin(projects.index)]
    linked = linked.dropna(subset=["project_id", "review_year"]).astype({"project_id": "int64", "review_year": "int64"})
    texts = records[["project_id", "review_year", "purpose", "overview"]].astype(
        {"project_id": "int64", "review_year": "int64"}
    )
    merged = linked[["project_key", "project_id", "review_year"]].merge(texts, on=["project_id", "review_year"])
    order = projects["order"].to_dict()
    merged["_order"] = merged["project_key"].map(order)
    return merged.sort_values(["_order", "project_id"], kind="stable").drop(columns="_order")


def item_link(project_key: str) -> dict[str, str]:
    """The filters of the Projects page's detail of one project (``/items?project=<project_key>``; the URL
    builder adds ``lang`` and ``doc``)."""
    return {"project": project_key}


def listed_name(project: str, flags: tuple[str, ...], lang: str) -> str:
    """A project under a paragraph, with its listing's marks there: ``name（再掲）``.

    >>> listed_name("独立行政法人情報処理推進機構運営費交付金", ("relisted",), "ja")
    '独立行政法人情報処理推進機構運営費交付金（再掲）'
    """
    marks = t("it.flag.sep", lang).join(t(f"it.flag.{code}", lang) for code in flags)
    shown = name(project, lang)
    return t("sr.listed.marked", lang, name=shown, marks=marks) if marks else shown


def priority_link(query: str) -> dict[str, str]:
    """The query of /priority that lists the 推進枠 requests found (``/priority?q=<query>``; the page
    adds ``lang`` and ``doc``): the priority page searches the requests' names the same way."""
    return {"q": query.strip()}


def display_table(found: pd.DataFrame, sections: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The hits as shown and downloaded: where, what, the text with the match in « », and figures."""
    labels = section_labels(sections, lang)

    def note(flags: tuple[str, ...], portion: bool, review: tuple[int, int] | None) -> str:
        # The projects page's words for a listing's marks (one wording across pages).
        words = [t("sr.flag.transfer" if code == "transfer" else f"it.flag.{code}", lang) for code in flags]
        if portion:
            words.append(t("it.flag.portion", lang))
        if review:
            words.append(t("sr.review.record", lang, id=review[0], year=review[1]))
        return t("it.flag.sep", lang).join(words)

    def listed(projects: tuple) -> str:
        return t("it.flag.sep", lang).join(listed_name(n, f, lang) for _, n, f in projects or ())

    return pd.DataFrame(
        {
            t("sr.col.where", lang): [t(f"sr.where.{w}", lang) for w in found["where"]],
            # the match first (it is what was asked for), then what it belongs to
            t("sr.col.context", lang): found["context"].astype(object),
            t("sr.col.label", lang): [name(v, lang) if isinstance(v, str) else "" for v in found["label"]],
            t("sr.col.under", lang): [listed(v) for v in found["projects"]],
            t("sr.col.section", lang): [labels.get(s, "") if isinstance(s, str) else "" for s in found["section_id"]],
            t("sr.col.request", lang): pd.to_numeric(found["project_request_oku"], errors="coerce").astype(float),
            t("sr.col.priority", lang): pd.to_numeric(found["priority_oku"], errors="coerce").astype(float),
            t("sr.col.note", lang): [
                note(f, p, r)
                for f, p, r in zip(found["flags"], found["project_is_portion"], found["review"], strict=True)
            ],
            t("sr.col.line", lang): pd.to_numeric(found["source_line"], errors="coerce").astype("Int64"),
        }
    )


def view(tables: Mapping[str, pd.DataFrame], filters: Filters, lang: str) -> View:
    """Everything /search shows for ``filters``: the hits table, counts by place, the projects found."""
    found = hits(tables, filters.q)
    frame = display_table(found, tables["sections"], lang)
    kinds = {
        t("sr.col.context", lang): LONG_TEXT,
        t("sr.col.request", lang): AMOUNT,
        t("sr.col.priority", lang): AMOUNT,
        t("sr.col.line", lang): INT,
    }
    csv_filters = filters.csv_filters(tables)
    named = found[found["where"] == "name"]
    counts = found["where"].value_counts()
    policies = found[found["where"] == "policy"]
    reviews = found[found["where"].isin([w for w, _ in REVIEW_FIELDS])]
    return View(
        tables={"hits": Table(frame, kinds, "search", csv_filters)},
        texts={
            "q": filters.q,
            "searched": bool(Query.parse(filters.q)),
            "hits": len(found),
            "by_where": {w: int(counts.get(w, 0)) for w in WHERE},
            "row_projects": [k if isinstance(k, str) else None for k in found["project_key"]],
            "row_where": found["where"].tolist(),
            # only the projects whose own name matched: a paragraph's projects are listed under it
            "projects": list(zip(named["project_key"], named["label"], strict=True)),
            "paragraphs": [
                {"context": c, "projects": [(k, listed_name(n, f, lang)) for k, n, f in listed]}
                for c, listed in zip(policies["context"], policies["projects"], strict=True)
            ],
            "priority": priority_link(filters.q) if counts.get("priority", 0) else None,
            # review hits: what matched (purpose or overview) and in which record, the project to open
            "reviews": [
                {
                    "where": t(f"sr.where.{w}", lang),
                    "record": t("sr.review.record", lang, id=r[0], year=r[1]),
                    "context": c,
                    "project_key": k,
                    "name": n,
                }
                for w, r, c, k, n in zip(
                    reviews["where"],
                    reviews["review"],
                    reviews["context"],
                    reviews["project_key"],
                    reviews["label"],
                    strict=True,
                )
            ],
        },
    )
