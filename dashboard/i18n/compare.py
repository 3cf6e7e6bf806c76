"""Interface text of the compare page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "cmp.heading": {
        "ja": "前年度との比較（{base} 当初予算 → {request} 概算要求）",
        "en": "{base} initial budget vs {request} request",
    },
    "cmp.intro": {
        "ja": "会計別・施策別は資料に記載された合計（会計表・各施策の【】）で比べます。資料の合計はその施策に関連する"
        "すべての事業の合計で、資料に掲載されるのは主な事業のみです。掲載事業の計と未掲載分（資料の合計−掲載計）も"
        "並べて示します。事業別は各事業の主掲載（再掲・後掲・※を除く）です。",
        "en": "Accounts and sections are compared by the document's stated totals (the accounts table, each "
        "section's bracketed total). A stated section total adds up all its related projects, of which the document lists "
        "only the main ones; the sum of the listed projects and the part not itemised (stated − listed) are shown "
        "beside it. Projects are compared by their primary listing (re-listed, listed-again-later and reference-only rows left out).",
    },
    "cmp.measure.stated": {
        "ja": "金額は資料に記載された合計です。",
        "en": "Figures are the document's stated totals.",
    },
    "cmp.measure.listed": {
        "ja": "この条件に合う資料の合計はないため、金額は掲載事業の合計です（未掲載の事業は含みません）。",
        "en": "The document states no total for these filters, so the figures add up the listed projects only "
        "(projects it does not itemise are not included).",
    },
    "cmp.measure.mixed": {
        "ja": "金額は資料に記載された合計です。資料の会計表にない会計は掲載事業の合計です。",
        "en": "Figures are the document's stated totals; an account missing from its accounts table is the sum "
        "of its listed projects.",
    },
    "cmp.measure.item": {
        "ja": "各事業の主掲載の金額です。内数の額は別の列に示し、合計に含めません。",
        "en": "Each project's primary listing. Part-of-a-larger-budget figures are in their own column and never summed.",
    },
    "cmp.multiyear": {
        "ja": "国庫債務負担行為のある事業 {n} 件、計 {amount}（単年度の要求額とは別枠）。",
        "en": "{n} projects with multi-year contract authority, {amount} in all (on top of the single-year requests).",
    },
    "cmp.level": {"ja": "集計単位", "en": "Level"},
    "cmp.level.account": {"ja": "会計別", "en": "By account"},
    "cmp.level.section": {"ja": "施策別", "en": "By section"},
    "cmp.level.item": {"ja": "事業別", "en": "By project"},
    "cmp.filter.section": {"ja": "施策で絞り込み", "en": "Sections"},
    "cmp.filter.account": {"ja": "会計で絞り込み", "en": "Accounts"},
    "cmp.filter.all": {"ja": "すべて", "en": "All"},
    "cmp.filter.new": {"ja": "新規のみ", "en": "New only"},
    "cmp.sort": {"ja": "並べ替え", "en": "Sort by"},
    "cmp.sort.change": {"ja": "増減額の大きい順", "en": "Largest change (amount)"},
    "cmp.sort.pct": {"ja": "増減率の大きい順", "en": "Largest change (%)"},
    "cmp.sort.request": {"ja": "要求額の大きい順", "en": "Largest request"},
    "cmp.top": {"ja": "上位の件数（空欄で全件）", "en": "Top rows (empty: all)"},
    "cmp.count": {
        "ja": "{shown}行を表示（条件に合う{total}行中）。要求額計 {request}、前年度計 {base}、増減 {change}。",
        "en": "{shown} rows shown (of {total} matching). Request {request}, year before {base}, change {change}.",
    },
    "cmp.empty": {"ja": "条件に合う事業がありません。", "en": "No project matches these filters."},
    "cmp.note.portion": {
        "ja": "内数（独立行政法人の運営費交付金など、全体額のうち一部のみがこの施策に充てられるもの）は"
        "事業別では表示しますが、会計・施策の合計には含めません。",
        "en": "Figures that are part of a larger budget (a whole grant, such as an agency's operating grant, of which only part serves the "
        "policy) are shown by project but never added into account or section totals.",
    },
    "cmp.note.basis": {
        "ja": "前年度の比較額が補正予算のもの（例: R4補正）は当初予算ではないため、当初予算額の列にも増減にも含めず、"
        "「当初予算以外の比較額」の列に示します。",
        "en": "Where the comparison figure is a supplementary budget (e.g. the FY2022 supplementary budget), it is not the initial "
        "budget: it is left out of the base column and the change, and shown in a column of its own.",
    },
    "cmp.col.account": {"ja": "会計", "en": "Account"},
    "cmp.col.section": {"ja": "施策", "en": "Section"},
    "cmp.col.item": {"ja": "事業名", "en": "Project"},
    "cmp.col.request.stated": {
        "ja": "{year} 要求額（資料の合計、億円）",
        "en": "{year} request, stated total (100M yen)",
    },
    "cmp.col.base.stated": {
        "ja": "{year} 当初予算額（資料の合計、億円）",
        "en": "{year} initial budget, stated total (100M yen)",
    },
    "cmp.col.request.listed": {
        "ja": "{year} 要求額（掲載事業の計、億円）",
        "en": "{year} request, listed projects (100M yen)",
    },
    "cmp.col.base.listed": {
        "ja": "{year} 当初予算額（掲載事業の計、億円）",
        "en": "{year} initial budget, listed projects (100M yen)",
    },
    "cmp.col.request.mixed": {
        "ja": "{year} 要求額（資料の合計・無い行は掲載事業の計、億円）",
        "en": "{year} request, stated total or else listed projects (100M yen)",
    },
    "cmp.col.base.mixed": {
        "ja": "{year} 当初予算額（資料の合計・無い行は掲載事業の計、億円）",
        "en": "{year} initial budget, stated total or else listed projects (100M yen)",
    },
    "cmp.col.request": {"ja": "{year} 要求額（億円）", "en": "{year} request (100M yen)"},
    "cmp.col.base": {"ja": "{year} 当初予算額（億円）", "en": "{year} initial budget (100M yen)"},
    "cmp.col.change": {"ja": "増減（億円）", "en": "Change (100M yen)"},
    "cmp.col.pct": {"ja": "増減率（%）", "en": "Change (%)"},
    "cmp.col.direction": {"ja": "増減", "en": "Direction"},
    "cmp.col.flags": {"ja": "区分・注記", "en": "Flags"},
    "cmp.col.portion": {
        "ja": "{year} 内数の額（合計に含めない、億円）",
        "en": "{year} part-of-a-larger-budget figure (not summed, 100M yen)",
    },
    "cmp.col.multiyear": {"ja": "国庫債務負担行為（億円）", "en": "Multi-year contract authority (100M yen)"},
    "cmp.col.multiyear_years": {"ja": "国庫債務負担行為（年）", "en": "Multi-year authority (years)"},
    "cmp.col.n_items": {"ja": "掲載事業数", "en": "Listed projects"},
    "cmp.col.n_new": {"ja": "うち新規", "en": "of which new"},
    "cmp.col.listed_request": {
        "ja": "{year} 掲載事業の要求額計（億円）",
        "en": "{year} request of listed projects (100M yen)",
    },
    "cmp.col.unlisted_request": {
        "ja": "{year} 未掲載分（資料の合計−掲載計、億円）",
        "en": "{year} not itemised (stated − listed, 100M yen)",
    },
    "cmp.col.listed_base": {
        "ja": "{year} 掲載事業の当初予算額計（億円）",
        "en": "{year} initial budget of listed projects (100M yen)",
    },
    "cmp.dir.up": {"ja": "増額", "en": "up"},
    "cmp.dir.down": {"ja": "減額", "en": "down"},
    "cmp.dir.same": {"ja": "同額", "en": "same"},
    "cmp.dir.new": {"ja": "新規", "en": "new"},
    "cmp.dir.portion": {"ja": "内数", "en": "part of a larger budget"},
    "cmp.dir.other_base": {"ja": "比較額は当初予算以外", "en": "base not an initial budget"},
    "cmp.col.other_base": {
        "ja": "当初予算以外の比較額（増減に含めない）",
        "en": "Base not from an initial budget (no change computed)",
    },
    "cmp.dir.nobase": {"ja": "前年度当初なし", "en": "no initial budget last year"},
    "cmp.mark.new": {"ja": "【新規】", "en": "[new] "},
    "cmp.flag.new": {"ja": "新規", "en": "new"},
    "cmp.hover.change": {"ja": "増減", "en": "Change"},
    "cmp.of_which": {"ja": "うち ", "en": "of which: "},
    "cmp.trace.base": {"ja": "{year} 当初予算", "en": "{year} initial budget"},
    "cmp.trace.request": {"ja": "{year} 要求額", "en": "{year} request"},
    "cmp.trace.listed": {"ja": "{year} 要求額のうち掲載事業", "en": "{year} request: listed projects"},
    "cmp.trace.unlisted": {"ja": "未掲載分（資料の合計との差）", "en": "not itemised (rest of the stated total)"},
    "cmp.hover.listed": {"ja": "掲載事業の計", "en": "Listed projects"},
    "cmp.hover.unlisted": {"ja": "未掲載分", "en": "Not itemised"},
    "cmp.table": {"ja": "表（グラフと同じ行）", "en": "Table (the same rows as the chart)"},
}
