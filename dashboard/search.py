"""Search across the whole document: project names, policy paragraphs, notes, 推進枠 and 事項要求.

One row per hit, saying where it matched and showing the matched text as plain text
with the match between « » (never Markdown or HTML). A hit in a policy paragraph lists
the projects of that paragraph. Pure functions of DataFrames (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.i18n import name, t
from dashboard.labels import section_labels
from dashboard.text import Query, excerpt, normalize
from dashboard.view import AMOUNT, INT, LONG_TEXT, QueryFilters, Table, View, changed_filters, query_specs

#: Characters shown before and after a match: a grid's wide text column shows about 25
#: Japanese characters before it is cut, so the match must start early.
BEFORE, AFTER = 10, 40

#: Where a hit can be, in the order the results list them.
WHERE = ("name", "policy", "note", "priority", "matter")

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
    if "is_primary" in items:
        primary = items["is_primary"].fillna(False).astype(bool)
    else:
        primary = ~(items["is_relisted"] | items["is_forward"] | items["is_reference"]).fillna(False).astype(bool)
    ranked = items.assign(_rank=(~primary).astype(int)).sort_values(["_rank", "order"], kind="stable")
    return ranked.drop_duplicates("project_key").set_index("project_key", drop=False)


def hits(tables: Mapping[str, pd.DataFrame], query: str) -> pd.DataFrame:
    """Every place the query matches, one row each (columns :data:`COLUMNS`), in :data:`WHERE` order.

    - ``name``: a project's name (one row per project; its primary listing's section and request);
    - ``policy``: a policy paragraph; one row per project listed under it;
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

    # A paragraph's hit lists the projects under it, with the marks of their listing there (再掲 …).
    policies = tables["policies"].sort_values("order")
    for policy in policies[_matching(policies["text"], parsed)].itertuples():
        context = _excerpt(policy.text, parsed)
        under = items[items["policy_id"] == policy.policy_id].drop_duplicates("project_key")
        if under.empty:
            rows.append(row("policy", "", context, policy.source_line, section_id=policy.section_id))
        for listing in under.itertuples():
            fields = {"section_id": policy.section_id, "flags": _flags(listing), **project(listing.project_key)}
            rows.append(row("policy", listing.name, context, policy.source_line, **fields))

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
    return pd.DataFrame(rows, columns=COLUMNS)


def item_link(project_key: str, lang: str) -> dict[str, str]:
    """The query of the Projects page's detail of one project (``/items?project=<project_key>``)."""
    return {"project": project_key, **({} if lang == "ja" else {"lang": lang})}


def display_table(found: pd.DataFrame, sections: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The hits as shown and downloaded: where, what, the text with the match in « », and figures."""
    labels = section_labels(sections, lang)

    def note(flags: tuple[str, ...], portion: bool) -> str:
        # The projects page's words for a listing's marks (one wording across pages).
        words = [t("sr.flag.transfer" if code == "transfer" else f"it.flag.{code}", lang) for code in flags]
        if portion:
            words.append(t("it.flag.portion", lang))
        return t("it.flag.sep", lang).join(words)

    return pd.DataFrame(
        {
            t("sr.col.where", lang): [t(f"sr.where.{w}", lang) for w in found["where"]],
            # the match first (it is what was asked for), then what it belongs to
            t("sr.col.context", lang): found["context"].astype(object),
            t("sr.col.label", lang): [name(v, lang) if isinstance(v, str) else "" for v in found["label"]],
            t("sr.col.section", lang): [labels.get(s, "") if isinstance(s, str) else "" for s in found["section_id"]],
            t("sr.col.request", lang): pd.to_numeric(found["project_request_oku"], errors="coerce").astype(float),
            t("sr.col.priority", lang): pd.to_numeric(found["priority_oku"], errors="coerce").astype(float),
            t("sr.col.note", lang): [
                note(f, p) for f, p in zip(found["flags"], found["project_is_portion"], strict=True)
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
    csv_filters = changed_filters({"q": filters.q}, specs(tables))
    projects = found.dropna(subset=["project_key"]).drop_duplicates("project_key")
    counts = found["where"].value_counts()
    return View(
        tables={"hits": Table(frame, kinds, "search", csv_filters)},
        texts={
            "q": filters.q,
            "searched": bool(Query.parse(filters.q)),
            "hits": len(found),
            "by_where": {w: int(counts.get(w, 0)) for w in WHERE},
            "row_projects": [k if isinstance(k, str) else None for k in found["project_key"]],
            "projects": list(zip(projects["project_key"], projects["label"], strict=True)),
        },
    )
