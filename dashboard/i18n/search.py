"""Interface text of the search page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "nav.search": {"ja": "検索", "en": "Search"},
    "sr.title": {"ja": "資料全体を検索", "en": "Search the whole document"},
    "sr.intro": {
        "ja": "事業名、施策・柱の見出し、施策の説明文（その下に並ぶ事業を添えて1件として表示）、注記（会計の注記と事業の行の"
        "金額・記号）、重要政策推進枠の要望、事項要求を探し、最後に事業に対応づけた行政事業レビューの事業の目的・概要も探します。"
        "事業名に一致したものを先に並べます。"
        "全角・半角、大文字・小文字、空白の違いは無視します。",
        "en": "Searches project names, section and pillar headings, the policy paragraphs (one hit each, with the "
        "projects under them beside it), notes (the accounts' notes and the amounts and marks on each project's "
        "line), the priority-policy quota requests and the matter requests; then the purposes and overviews of "
        "the project-review records linked to the projects. Project-name hits come first. "
        "Width, case and spaces are ignored.",
    },
    "sr.q": {"ja": "探す文字", "en": "Text to find"},
    "sr.q.help": {
        "ja": "空白で区切ると、すべての語を含む箇所を探します。",
        "en": "Words separated by spaces must all appear in the same place.",
    },
    "sr.q.placeholder": {"ja": "例: サイバー対処能力", "en": "e.g. サイバー対処能力"},
    "sr.empty_query": {
        "ja": "探す文字を入力してください。",
        "en": "Type the text to find.",
    },
    "sr.none": {"ja": "{q} はどこにも見つかりませんでした。", "en": "{q} was found nowhere in the document."},
    "sr.count": {
        "ja": "{q}: {hits}件（事業名 {name}、見出し {heading}、施策の説明文 {policy}、注記 {note}、重要政策推進枠 "
        "{priority}、事項要求 {matter}、レビューの事業の目的 {review_purpose}、レビューの事業の概要 {review_overview}）。"
        "«» の間が一致した箇所です。",
        "en": "{q}: {hits} hits (project name {name}, heading {heading}, policy paragraph {policy}, note {note}, "
        "priority-policy quota request {priority}, matter request {matter}, review purpose {review_purpose}, "
        "review overview {review_overview}). The match is between «».",
    },
    "sr.not_searched": {
        "ja": "資料末尾の説明文は探していません（「データ品質・出典」ページで原文を確認できます）。",
        "en": "The closing narrative is not searched (see the source lines on the Data quality page).",
    },
    "sr.select.help": {
        "ja": "行を選ぶと、その事業の詳細を開くリンクが出ます。",
        "en": "Select a row for a link to its project's detail.",
    },
    "sr.open": {"ja": "事業の詳細を開く: {name}", "en": "Open the project's detail: {name}"},
    "sr.open.none": {
        "ja": "この行は事業ではありません（見出し・会計の注記・対応なしの要望・事項要求）。",
        "en": "This row is not a project (a heading, an account's note, an unlinked request or a matter request).",
    },
    "sr.projects": {"ja": "事業名に一致した事業（{n}件）", "en": "Projects whose name matched ({n})"},
    "sr.open.paragraph": {
        "ja": "この行は施策の説明文です。その下に並ぶ事業は、表の下の「施策の説明文に一致」にあります。",
        "en": "This row is a policy paragraph: the projects under it are listed below the table, under "
        "'Policy paragraphs that matched'.",
    },
    "sr.paragraphs": {"ja": "施策の説明文に一致（{n}件）", "en": "Policy paragraphs that matched ({n})"},
    "sr.paragraphs.note": {
        "ja": "説明文が一致しただけで、下の事業の名称に探す文字があるとは限りません。",
        "en": "The paragraph matched; the projects under it need not mention the text themselves.",
    },
    "sr.paragraph.none": {"ja": "（この説明文の下に事業はありません）", "en": "(no project under this paragraph)"},
    "sr.priority.heading": {
        "ja": "重要政策推進枠の要望に一致（{n}件）",
        "en": "Priority-policy quota requests that matched ({n})",
    },
    "sr.priority.link": {
        "ja": "重要政策推進枠のページで {q} の要望を見る",
        "en": "See the requests matching {q} on the priority-policy quota page",
    },
    "sr.listed.marked": {"ja": "{name}（{marks}）", "en": "{name} ({marks})"},
    "sr.col.under": {"ja": "説明文の下の事業", "en": "Projects under the paragraph"},
    "sr.projects.more": {
        "ja": "ほかに {n} 件の事業があります。表の行を選ぶか、探す文字を絞ってください。",
        "en": "{n} more projects: select a row in the table or narrow the text.",
    },
    "sr.col.where": {"ja": "一致した箇所", "en": "Matched in"},
    "sr.col.label": {"ja": "事業名・項目", "en": "Project or entry"},
    "sr.col.context": {"ja": "一致した文（«»が一致部分）", "en": "Text matched (match in «»)"},
    "sr.col.section": {"ja": "施策", "en": "Section"},
    "sr.col.request": {"ja": "事業の要求額（億円）", "en": "Project request (100M yen)"},
    "sr.col.priority": {"ja": "推進枠の要望額（億円）", "en": "Priority-policy quota request (100M yen)"},
    "sr.col.note": {"ja": "注記", "en": "Note"},
    "sr.col.line": {"ja": "行", "en": "Line"},
    "sr.where.name": {"ja": "事業名", "en": "name"},
    "sr.where.heading": {"ja": "施策・柱の見出し", "en": "heading"},
    "sr.where.policy": {"ja": "施策の説明文", "en": "policy paragraph"},
    "sr.where.note": {"ja": "注記", "en": "note"},
    "sr.where.priority": {"ja": "重要政策推進枠", "en": "priority-policy quota request"},
    "sr.where.matter": {"ja": "事項要求", "en": "matter request"},
    "sr.where.review_purpose": {"ja": "レビューの事業の目的", "en": "review purpose"},
    "sr.where.review_overview": {"ja": "レビューの事業の概要", "en": "review overview"},
    "sr.review.record": {
        "ja": "行政事業レビュー 予算事業ID {id}（{year}年度）",
        "en": "project review, ID {id} ({year})",
    },
    "sr.reviews": {
        "ja": "行政事業レビューに一致（{n}件）",
        "en": "Project reviews that matched ({n})",
    },
    "sr.reviews.note": {
        "ja": "資料の事業に対応づけた行政事業レビューの記録の、事業の目的と概要です（資料そのものの文ではありません）。",
        "en": "The purpose and overview of the project-review records linked to the document's projects "
        "(not the document's own text).",
    },
    "sr.flag.transfer": {"ja": "会計間の繰入", "en": "transfer between accounts"},
}
