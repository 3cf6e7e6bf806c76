"""Interface text of the overview page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "ov.metric.request": {"ja": "{year} 概算要求額", "en": "{year} request"},
    "ov.metric.base": {"ja": "{year} 当初予算額", "en": "{year} initial budget"},
    "ov.metric.change": {"ja": "増減率（前年度比）", "en": "Change on the year before"},
    "ov.accounts": {"ja": "会計別の内訳", "en": "By account"},
    "ov.col.account": {"ja": "会計", "en": "Account"},
    "ov.col.request": {"ja": "{year} 要求額（億円）", "en": "{year} request (100M yen)"},
    "ov.col.base": {"ja": "{year} 当初予算額（億円）", "en": "{year} initial budget (100M yen)"},
    "ov.col.change": {"ja": "増減（億円）", "en": "Change (100M yen)"},
    "ov.col.pct": {"ja": "増減率（%）", "en": "Change (%)"},
    "ov.col.note": {"ja": "注記", "en": "Note"},
    "ov.notes": {"ja": "注記（資料の記載のまま）", "en": "Notes (as the document prints them)"},
    "ov.rounding": {
        "ja": "四捨五入のため、内訳の合計が一致しない場合があります（資料の注記）。照合結果は「データ品質・出典」へ。",
        "en": "Figures are rounded, so parts may not add up to the totals (as the document notes). "
        "See Data quality & sources for the checks.",
    },
    "ov.matters": {"ja": "事項要求（金額を示さない要求）", "en": "Requests without an amount"},
    "ov.matters.help": {
        "ja": "金額は予算編成過程で決まるため資料に記載がありません（0円ではありません）。",
        "en": "Their amounts are settled during budget compilation, so the document states none (not zero).",
    },
    "ov.matter.amount": {"ja": "金額の記載なし", "en": "amount not stated"},
    "ov.matter.by": {"ja": "（{who}が要求）", "en": " (requested by {who})"},
    "ov.none": {"ja": "この資料には記載がありません。", "en": "This document has none."},
}
