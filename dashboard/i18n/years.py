"""Interface text of the across-years page and of several documents: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "nav.years": {"ja": "年度比較", "en": "Across years"},
    "doc.on_screen": {
        "ja": "表示中の資料: {title}（{request} 概算要求 / {base} 当初予算との比較）",
        "en": "Document shown: {title} ({request} request vs {base} initial budget)",
    },
    "doc.uploaded_title": {"ja": "{title}（読み込み: {file}）", "en": "{title} (uploaded: {file})"},
    "doc.uploaded_note": {
        "ja": "（このブラウザで読み込んだ資料。共有リンクには含まれません）",
        "en": "(loaded in this browser; a shared link does not carry it)",
    },
    "yrs.heading": {"ja": "年度比較（資料ごとの概算要求）", "en": "Across years: the requests document by document"},
    "yrs.intro": {
        "ja": "読み込んだ資料 {n} 件を並べます。会計は会計の登録簿（登録簿にない会計は正規化した名称）で、施策は正規化した"
        "名称（全角・半角をそろえ空白を除く）で、事業は事業キーで照合します。事業キーが一致しないときは、隣り合う年度の間で"
        "1文字違いの名称を「あいまい一致」として照合します（重要政策推進枠の照合と同じ規則）。",
        "en": "The {n} loaded documents side by side. Accounts are matched by the account registry (an account the "
        "registry does not know: by its normalized name), sections by normalized name (full/half width unified, "
        "spaces removed), projects by project key; where keys differ, a one-character difference between documents "
        "next to each other in time is a fuzzy match (the rule the priority-policy quota matching uses).",
    },
    "yrs.need_two": {
        "ja": "年度比較には資料が2件以上必要です（いまは {n} 件）。サイドバーの「資料を読み込む」から追加できます。",
        "en": "Comparing across years needs two or more documents (now {n}). Add one with 'Load a summary' in the sidebar.",
    },
    "yrs.older": {"ja": "比較元の資料", "en": "Older document"},
    "yrs.newer": {"ja": "比較先の資料", "en": "Newer document"},
    "yrs.pair": {
        "ja": "{older} → {newer}: 新規に掲載 {n_new} 事業（要求 計 {new_request}）、掲載がなくなった {n_dropped} 事業"
        "（前回要求 計 {dropped_request}）。経済産業省関連合計の増減 {total_change}。",
        "en": "{older} → {newer}: newly listed projects: {n_new} ({new_request} requested); projects no longer "
        "listed: {n_dropped} ({dropped_request} requested before). Ministry total: {total_change}.",
    },
    "yrs.accounts": {"ja": "会計", "en": "Accounts"},
    "yrs.sections": {"ja": "施策", "en": "Sections"},
    "yrs.sections.note": {
        "ja": "金額は各資料に記載された施策の合計（【】）です。名称が変わった施策は別の行になります。",
        "en": "Figures are each document's stated section totals. A renamed section is a row of its own.",
    },
    "yrs.projects.count": {
        "ja": "{n_projects} 事業のうち {n_shown} 件を表示。完全一致 {n_exact}、あいまい一致 {n_fuzzy}、1資料のみ {n_only}。",
        "en": "{n_shown} of {n_projects} projects shown. Exact {n_exact}, fuzzy {n_fuzzy}, in one document only {n_only}.",
    },
    "yrs.projects.note": {
        "ja": "各資料の主掲載（再掲・後掲・※を除く）の要求額です。内数の事業も額をそのまま示します。",
        "en": "Each document's primary listing (re-listed, listed-again-later and reference-only rows left out). "
        "Figures that are part of a larger budget are shown as printed.",
    },
    "yrs.q": {"ja": "事業名で絞り込み", "en": "Filter by project name"},
    "yrs.match": {"ja": "照合の種類", "en": "Match"},
    "yrs.match.exact": {"ja": "完全一致", "en": "exact"},
    "yrs.match.fuzzy": {"ja": "あいまい一致（1文字違い）", "en": "fuzzy (one character)"},
    "yrs.match.only": {"ja": "1資料のみ", "en": "one document only"},
    "yrs.new": {"ja": "新たに掲載された事業", "en": "Newly listed projects"},
    "yrs.dropped": {"ja": "掲載がなくなった事業", "en": "Projects no longer listed"},
    "yrs.history": {"ja": "事業の推移", "en": "A project's history"},
    "yrs.project": {"ja": "事業", "en": "Project"},
    "yrs.project.suggested": {
        "ja": "事業を選んでいないため、比較した2資料の間で要求額の増減が最も大きい事業を示しています。",
        "en": "No project chosen: showing the one whose request changed most between the two documents compared.",
    },
    "yrs.history.note": {
        "ja": "各資料の概算要求額（青）と、その資料が比較に用いた前年度の当初予算額（灰）です。",
        "en": "Each document's request (blue) and the previous year's initial budget it compares with (grey).",
    },
    "yrs.trace.request": {"ja": "概算要求額", "en": "Request"},
    "yrs.trace.base": {"ja": "当初予算額（各資料の比較額）", "en": "Initial budget (as each document states it)"},
    "yrs.how.registry": {"ja": "会計の登録簿", "en": "account registry"},
    "yrs.how.name": {"ja": "名称（正規化）", "en": "normalized name"},
    "yrs.of_which": {"ja": "うち ", "en": "of which: "},
    "yrs.col.account": {"ja": "会計", "en": "Account"},
    "yrs.col.section": {"ja": "施策", "en": "Section"},
    "yrs.col.project": {"ja": "事業", "en": "Project"},
    "yrs.col.how": {"ja": "照合方法", "en": "Matched by"},
    "yrs.col.match": {"ja": "照合", "en": "Match"},
    "yrs.col.score": {"ja": "一致度", "en": "Score"},
    "yrs.col.names": {"ja": "名称の変化", "en": "Names as printed"},
    "yrs.col.n_documents": {"ja": "掲載資料数", "en": "Documents"},
    "yrs.col.request": {"ja": "{year} 要求（億円）", "en": "{year} request (100M yen)"},
    "yrs.col.change": {"ja": "増減 {older}→{newer}（億円）", "en": "Change {older}→{newer} (100M yen)"},
    "yrs.col.request_in": {"ja": "要求額（億円）", "en": "Request (100M yen)"},
    "yrs.col.base_in": {"ja": "前年度当初（億円）", "en": "Previous initial budget (100M yen)"},
    "yrs.col.document": {"ja": "資料", "en": "Document"},
    "yrs.col.request_year": {"ja": "要求年度", "en": "Request year"},
    "yrs.col.request_oku": {"ja": "概算要求額（億円）", "en": "Request (100M yen)"},
    "yrs.col.base_year": {"ja": "比較年度", "en": "Base year"},
    "yrs.col.base_oku": {"ja": "当初予算額（億円）", "en": "Initial budget (100M yen)"},
    "yrs.col.basis": {"ja": "当初予算以外の比較額・新規", "en": "Base not from an initial budget, or new"},
    "yrs.col.other_base": {"ja": "当初予算以外の比較額", "en": "Base not from an initial budget"},
    "yrs.basis.new": {"ja": "新規", "en": "new"},
    # issue 24: changes between the two documents as rows of their own
    "yrs.changes": {"ja": "事業の増減", "en": "What changed between the two documents"},
    "yrs.changes.intro": {
        "ja": "{older} → {newer} の事業ごとの要求額の変化です。増減（億円・%）は比較先から比較元を引いたもの、"
        "新規掲載・掲載終了は要求額の全部を増減とします（%はなし）。",
        "en": "Each project's request in {older} and {newer} and the change (100M yen, %). A project listed in only "
        "one of the two changes by its whole request (no percentage).",
    },
    "yrs.change": {"ja": "変化で絞り込み", "en": "Show projects that are"},
    "yrs.change.changed": {"ja": "金額が変化", "en": "changed"},
    "yrs.change.new": {"ja": "新規掲載", "en": "new"},
    "yrs.change.dropped": {"ja": "掲載終了", "en": "dropped"},
    "yrs.change.unchanged": {"ja": "変化なし", "en": "unchanged"},
    "yrs.count.changed": {"ja": "金額が変化した事業", "en": "Changed"},
    "yrs.count.new": {"ja": "新規掲載の事業", "en": "New"},
    "yrs.count.dropped": {"ja": "掲載終了の事業", "en": "Dropped"},
    "yrs.count.unchanged": {"ja": "変化のない事業", "en": "Unchanged"},
    "yrs.sort": {"ja": "並べ順", "en": "Order"},
    "yrs.sort.order": {"ja": "資料の順", "en": "document order"},
    "yrs.sort.change": {"ja": "増減額の大きい順", "en": "largest change (100M yen) first"},
    "yrs.sort.pct": {"ja": "増減率の大きい順", "en": "largest change (%) first"},
    "yrs.chart.changes": {
        "ja": "増減の大きい事業（上位{n}件、表の絞り込みに従う）",
        "en": "The largest changes (top {n}, as filtered below)",
    },
    "yrs.chart.none": {"ja": "表示中の事業に増減はありません。", "en": "No project shown changed."},
    "yrs.col.status": {"ja": "変化", "en": "Change"},
    "yrs.col.pct": {"ja": "増減率", "en": "Change (%)"},
}
