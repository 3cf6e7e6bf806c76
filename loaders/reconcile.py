"""Every total the document states, checked against the sum of its parts."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import pandas as pd

from loaders.rules import counted_mask

#: Each summed figure is rounded to the 億円, so the sum may be off by 0.5 per figure.
ROUNDING_PER_FIGURE = 0.5


def check(
    scope: str,
    label: str,
    measure: str,
    stated: float,
    parts: list[float],
    ref: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """One reconciliation row: stated vs computed, with a status.

    >>> check("accounts", "一般会計", "request", 4286, [1336, 1510, 1439])["status"]
    'rounding'
    """
    computed = round(math.fsum(parts), 6)
    difference = round(stated - computed, 6)
    tolerance = round(ROUNDING_PER_FIGURE * len(parts), 6)
    if abs(difference) < 1e-9:
        status = "ok"
    elif abs(difference) <= tolerance:
        status = "rounding"
    else:
        status = "gap"
    return {
        "scope": scope,
        "label": label,
        "measure": measure,
        "ref_id": ref,
        "stated_oku": stated,
        "computed_oku": computed,
        "difference_oku": difference,
        "tolerance_oku": tolerance,
        "status": status,
        "parts": len(parts),
        "note": note,
        "involves_transfer": False,
    }


def _present(values: pd.Series) -> list[float]:
    return [float(v) for v in values if pd.notna(v)]


def _both_measures(label: str, stated: pd.Series, parts: pd.DataFrame) -> list[dict[str, Any]]:
    """An accounts-table row's request and base, each against the sum of ``parts``."""
    return [
        check("accounts", label, measure, stated[column], _present(parts[column]), ref=stated["account"])
        for measure, column in (("request", "request_oku"), ("base", "base_oku"))
        if pd.notna(stated[column])
    ]


#: What each measure of a section total is compared with.
_SECTION_NOTES = {
    "request": "主な事業のみ列挙; 再掲・後掲・※・内数は含めない",
    "base": "当初予算との比較: 補正予算の比較額と新規は含めない",
}


def _section_checks(section, requests: list[float], bases: list[float]) -> list[dict[str, Any]]:
    """A section's stated request and base (when printed), each against its listed projects."""
    # section_no is NaN (truthy) for a pillar-level section such as 福島: test with notna.
    number = section.section_no if pd.notna(section.section_no) else ""
    label = f"{number} {section.name}".strip()
    rows = []
    for measure, stated, parts in (("request", section.request_oku, requests), ("base", section.base_oku, bases)):
        if pd.isna(stated):
            break  # no request total: the base is not checked either
        rows.append(
            check("sections", label, measure, stated, parts, ref=section.section_id, note=_SECTION_NOTES[measure])
        )
    return rows


def reconcile(
    accounts: pd.DataFrame,
    sections: pd.DataFrame,
    items: pd.DataFrame,
    priority: pd.DataFrame,
    priority_total: float | None,
) -> list[dict[str, Any]]:
    """Rows for accounts (うち rows and the grand total), sections and the 推進枠 合計."""
    rows: list[dict[str, Any]] = []
    top = accounts[accounts["kind"] == "account"]
    for _, account in top.iterrows():
        parts = accounts[accounts["parent"] == account["account"]]
        if not parts.empty:
            rows += _both_measures(f"{account['account']} = うち計", account, parts)
    for _, total in accounts[accounts["kind"] == "total"].iterrows():
        rows += _both_measures(f"{total['account']} = 各会計の計", total, top)
    counted = items[counted_mask(items)]
    # One pass collects each section's parts: filtering the items per section made this
    # quadratic in the document's size, and per-section pandas calls were most of the build.
    requests: dict[str, list[float]] = defaultdict(list)
    bases: dict[str, list[float]] = defaultdict(list)
    for section_id, request, base, basis in zip(
        counted["section_id"], counted["request_oku"], counted["base_oku"], counted["base_basis"], strict=True
    ):
        if pd.notna(request):
            requests[section_id].append(float(request))
        if pd.notna(base) and pd.isna(basis):  # compare with the initial budget only
            bases[section_id].append(float(base))
    for section in sections.itertuples(index=False):
        rows += _section_checks(section, requests[section.section_id], bases[section.section_id])
    if not priority.empty and priority_total is not None:
        transfers = priority[priority["is_transfer"].fillna(False).astype(bool) & priority["request_oku"].notna()]
        row = check(
            "priority_requests",
            "重要政策推進枠 合計",
            "request",
            priority_total,
            _present(priority["request_oku"]),
            # The note is for people; involves_transfer is what code filters on.
            note="、".join(transfers["name"]) + "を含む" if len(transfers) else None,
        )
        row["involves_transfer"] = bool(len(transfers))
        rows.append(row)
    return rows
