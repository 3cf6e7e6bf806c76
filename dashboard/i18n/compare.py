"""Interface text of the compare page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "cmp.heading": {
        "ja": "前年度との比較（{base} 当初予算 → {request} 概算要求）",
        "en": "{base} initial budget vs {request} request",
    },
    "cmp.intro": {
        "ja": "会計別・施策別の金額は、資料に掲載された事業（再掲・後掲・※・内数を除く主掲載）の合計です。"
        "資料に記載された合計は「資料の合計」列にあります（掲載は主な事業のみのため一致しません）。",
        "en": "Account and section figures add up the projects the document lists (primary listings, without "
        "re-listed, forward, ※ reference and 内数 figures). The document's own totals are in the "
        "“stated” columns; it lists only the main projects, so they differ.",
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
    "cmp.sort.change": {"ja": "増減額の大きい順", "en": "Largest change (100M yen)"},
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
        "en": "内数 figures (a whole grant, such as an agency's operating grant, of which only part serves the "
        "policy) are shown by project but never added into account or section totals.",
    },
    "cmp.note.basis": {
        "ja": "前年度の比較額が補正予算のもの（例: R4補正）は当初予算ではないため、前年度の列に含めず注記に示します。",
        "en": "Where the comparison figure is a supplementary budget (e.g. R4補正), it is not the initial "
        "budget: it is left out of the base column and shown in the flags.",
    },
    "cmp.col.account": {"ja": "会計", "en": "Account"},
    "cmp.col.section": {"ja": "施策", "en": "Section"},
    "cmp.col.item": {"ja": "事業名", "en": "Project"},
    "cmp.col.request": {"ja": "{year} 要求額（億円）", "en": "{year} request (100M yen)"},
    "cmp.col.base": {"ja": "{year} 当初予算額（億円）", "en": "{year} initial budget (100M yen)"},
    "cmp.col.change": {"ja": "増減（億円）", "en": "Change (100M yen)"},
    "cmp.col.pct": {"ja": "増減率（%）", "en": "Change (%)"},
    "cmp.col.direction": {"ja": "増減", "en": "Direction"},
    "cmp.col.flags": {"ja": "区分・注記", "en": "Flags"},
    "cmp.col.n_items": {"ja": "掲載事業数", "en": "Listed projects"},
    "cmp.col.n_new": {"ja": "うち新規", "en": "of which new"},
    "cmp.col.stated_request": {
        "ja": "資料の合計 {year} 要求額（億円）",
        "en": "Stated total, {year} request (100M yen)",
    },
    "cmp.col.stated_base": {
        "ja": "資料の合計 {year} 当初予算額（億円）",
        "en": "Stated total, {year} initial budget (100M yen)",
    },
    "cmp.dir.up": {"ja": "▲ 増額", "en": "▲ up"},
    "cmp.dir.down": {"ja": "▼ 減額", "en": "▼ down"},
    "cmp.dir.same": {"ja": "＝ 同額", "en": "= same"},
    "cmp.dir.new": {"ja": "新規", "en": "新規 (new)"},
    "cmp.dir.nobase": {"ja": "前年度当初なし", "en": "no initial budget last year"},
    "cmp.mark.new": {"ja": "【新規】", "en": "[new] "},
    "cmp.flag.new": {"ja": "新規", "en": "新規 (new)"},
    "cmp.flag.portion": {"ja": "内数（合計に含めない）", "en": "内数 (part of a larger budget; not summed)"},
    "cmp.flag.partial": {"ja": "一部{account}", "en": "partly {account}"},
    "cmp.flag.basis": {"ja": "前年度比較額 {amount}（{basis}）", "en": "compared with {amount} ({basis})"},
    "cmp.hover.change": {"ja": "増減", "en": "Change"},
    "cmp.axis.oku": {"ja": "億円", "en": "100 million yen"},
    "cmp.table": {"ja": "表（グラフと同じ行）", "en": "Table (the same rows as the chart)"},
}
