"""Interface text of the search page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "nav.search": {"ja": "検索", "en": "Search"},
    "sr.title": {"ja": "資料全体を検索", "en": "Search the whole document"},
    "sr.intro": {
        "ja": "事業名、施策の説明文（その下に並ぶ事業を表示）、注記（会計の注記と事業の行の金額・記号）、"
        "重要政策推進枠の要望、事項要求を探します。全角・半角、大文字・小文字、空白の違いは無視します。",
        "en": "Searches project names, the policy paragraphs (listing the projects under them), notes (the "
        "accounts' notes and the amounts and marks on each project's line), the priority-policy quota "
        "requests and the matter requests. Width, case and spaces are ignored.",
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
        "ja": "{q}: {hits}件（事業名 {name}、施策の説明文 {policy}、注記 {note}、重要政策推進枠 {priority}、"
        "事項要求 {matter}）、事業 {projects}件。«» の間が一致した箇所です。",
        "en": "{q}: {hits} hits (project name {name}, policy paragraph {policy}, note {note}, priority-policy "
        "quota request {priority}, matter request {matter}), {projects} projects. The match is between «».",
    },
    "sr.not_searched": {
        "ja": "施策・柱の見出しと資料末尾の説明文は探していません（「データ品質・出典」ページで原文を確認できます）。",
        "en": "Section and pillar headings and the closing narrative are not searched (see the source lines on "
        "the Data quality page).",
    },
    "sr.select.help": {
        "ja": "行を選ぶと、その事業の詳細を開くリンクが出ます。",
        "en": "Select a row for a link to its project's detail.",
    },
    "sr.open": {"ja": "事業の詳細を開く: {name}", "en": "Open the project's detail: {name}"},
    "sr.open.none": {
        "ja": "この行は事業ではありません（会計の注記・対応なしの要望・事項要求）。",
        "en": "This row is not a project (an account's note, an unlinked request or a matter request).",
    },
    "sr.projects": {"ja": "見つかった事業（{n}件）", "en": "Projects found ({n})"},
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
    "sr.where.policy": {"ja": "施策の説明文", "en": "policy paragraph"},
    "sr.where.note": {"ja": "注記", "en": "note"},
    "sr.where.priority": {"ja": "重要政策推進枠", "en": "priority-policy quota request"},
    "sr.where.matter": {"ja": "事項要求", "en": "matter request"},
    "sr.flag.transfer": {"ja": "会計間の繰入", "en": "transfer between accounts"},
}
