"""Interface text of the priority page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "pr.title": {"ja": "重要政策推進枠", "en": "Priority-policy quota"},
    "pr.intro": {
        "ja": "重要政策推進枠として要望された事業の一覧です。本文に同じ事業があれば、その施策と事業全体の要求額を並べ、"
        "要望額が事業の要求額と推進枠の合計のどれだけにあたるかを示します。",
        "en": "The projects requested under the priority-policy quota. Where the same project is listed in the "
        "main text, its section and the project's whole request are shown beside it, with the share of the "
        "project that the request makes up, and its share of the total.",
    },
    "pr.f.q": {"ja": "事業名に含む文字", "en": "Text in the project name"},
    "pr.f.q.help": {
        "ja": "全角・半角、大文字・小文字、空白の違いは無視します。空白で区切ると、すべての語を含む事業を探します。",
        "en": "Width, case and spaces are ignored. Words separated by spaces must all appear.",
    },
    "pr.f.min": {"ja": "要望額の下限（億円）", "en": "Minimum request (100M yen)"},
    "pr.f.max": {"ja": "要望額の上限（億円）", "en": "Maximum request (100M yen)"},
    "pr.f.section": {"ja": "対応する施策", "en": "Linked section"},
    "pr.f.section.placeholder": {"ja": "すべての施策", "en": "All sections"},
    "pr.f.match": {"ja": "本文との対応", "en": "Link to the main text"},
    "pr.f.match.help": {
        "ja": "一致: 本文に同じ名前の事業がある。近似: 送り仮名など一字違い（手続/手続き）。"
        "対応なし: 本文に記載がない。",
        "en": "Exact: the main text lists a project of the same name. Near: the same name but for one character "
        "(a kana ending written or left out). None: not in the main text.",
    },
    # short labels for the segmented control, which cuts a long option off instead of wrapping it
    "pr.f.match.exact": {"ja": "一致", "en": "Exact"},
    "pr.f.match.fuzzy": {"ja": "近似", "en": "Near"},
    "pr.f.match.none": {"ja": "対応なし", "en": "None"},
    "pr.f.transfer": {"ja": "会計間の繰入", "en": "Transfer between accounts"},
    "pr.f.transfer.1": {"ja": "含める", "en": "Include"},
    "pr.f.transfer.0": {"ja": "除く", "en": "Exclude"},
    "pr.minmax": {
        "ja": "下限が上限より大きいため、該当する要望はありません。",
        "en": "The minimum is above the maximum, so no request qualifies.",
    },
    "pr.unlinked": {"ja": "本文に対応なし", "en": "Not in the main text"},
    "pr.match.exact": {"ja": "一致", "en": "Exact"},
    "pr.match.fuzzy": {"ja": "近似（表記ゆれ）", "en": "Near (spelling variant)"},
    "pr.match.none": {"ja": "対応なし", "en": "None"},
    "pr.m.count": {"ja": "表示中の件数", "en": "Requests shown"},
    "pr.m.count.value": {"ja": "{count} / {total}件", "en": "{count} of {total}"},
    "pr.m.sum": {"ja": "表示中の要望額の計", "en": "Sum of requests shown"},
    "pr.m.stated": {"ja": "資料記載の合計", "en": "Total stated in the document"},
    "pr.m.stated.none": {"ja": "記載なし", "en": "Not stated"},
    "pr.m.all": {"ja": "全{total}件を足すと {all}（計算）", "en": "All {total} requests add up to {all} (computed)"},
    "pr.note.rounding": {
        "ja": "資料の要望額は1件ずつ四捨五入されているため、全{total}件を足した計 {all}は{direction}（丸めの許容幅 ±{tol}）。",
        "en": "Each request is rounded in the document: adding all {total} gives {all}, {direction} "
        "(rounding allows ±{tol}).",
    },
    "pr.diff.stated": {"ja": "資料の合計 {stated}", "en": "the stated total of {stated}"},
    "pr.diff.above": {"ja": "{than}より {diff}多くなります", "en": "{diff} above {than}"},
    "pr.diff.below": {"ja": "{than}より {diff}少なくなります", "en": "{diff} below {than}"},
    "pr.diff.equal": {"ja": "{than}と同じです", "en": "exactly {than}"},
    "pr.note.no_stated": {
        "ja": "この資料には重要政策推進枠の合計の記載がないため、資料の合計とは比べられません。",
        "en": "This document states no total for the priority-policy quota, so there is nothing to compare the sum with.",
    },
    "pr.note.transfer_total": {
        "ja": "うち「{name}」{amount}は合計 {total}の {share}を占める会計間の繰入で、資料の別の箇所に掲載された"
        "事業の財源になるものです。これを除くと、残り{n}件の計は {without}です。"
        "事業だけを合計するには「会計間の繰入」を「除く」にしてください。",
        "en": "Of it, “{name}” ({amount}) is {share} of the total of {total}: a transfer that moves money between "
        "accounts to fund projects listed elsewhere in the document. Without it the other {n} requests add up to "
        "{without}. Choose Exclude under Transfer to sum the projects only.",
    },
    "pr.note.transfer_stated": {
        "ja": "資料の合計 {total}から繰入 {amount}を引くと {stated_without}で、残り{n}件の計 {without}は{direction}"
        "（1件ずつの四捨五入による差）。",
        "en": "The stated total of {total} less the transfer of {amount} is {stated_without}; the other {n} requests "
        "add up to {without}, {direction} (each figure is rounded).",
    },
    "pr.tab.requests": {"ja": "要望の一覧", "en": "Requests"},
    "pr.tab.sections": {"ja": "施策ごとの小計", "en": "Subtotals by section"},
    "pr.chart": {"ja": "要望額（表示中の事業、大きい順）", "en": "Requests shown, largest first"},
    "pr.chart.help": {
        "ja": "灰色の棒は会計間の繰入です。名前が長い事業は省略しています（全体は表とマウスオーバーで確認できます）。",
        "en": "The grey bar is the transfer between accounts. Long names are shortened (see the table or hover).",
    },
    "pr.legend.request": {"ja": "要望額", "en": "Priority-policy quota request"},
    "pr.legend.transfer": {"ja": "会計間の繰入", "en": "Transfer between accounts"},
    "pr.axis.oku": {"ja": "要望額（億円）", "en": "Request (¥ billion)"},
    "pr.table": {"ja": "一覧と本文の事業との対応", "en": "The list and the projects in the main text"},
    "pr.table.help": {
        "ja": "「事業の要求額」は本文に掲載された同じ事業の要求額、「事業に占める割合」は要望額がその何%にあたるかです。"
        "合計に占める割合の分母は上の合計です。"
        "内数の事業は、法人の運営費交付金など全体の額です。",
        "en": "“Project request” is the same project’s request in the main text; “share of project” is the "
        "request as a percentage of it; the shares of the total are of the total above. Where the project's figure is part of a larger budget, it is a whole grant (e.g. an agency's).",
    },
    "pr.empty": {"ja": "条件に合う要望はありません。", "en": "No request matches these filters."},
    "pr.col.order": {"ja": "No.", "en": "No."},
    "pr.col.name": {"ja": "事業名", "en": "Project"},
    "pr.col.request": {"ja": "要望額（億円）", "en": "Priority-policy quota request (100M yen)"},
    "pr.col.section": {"ja": "対応する施策", "en": "Linked section"},
    "pr.col.project_request": {"ja": "事業の要求額（億円）", "en": "Project request (100M yen)"},
    "pr.col.share": {"ja": "事業に占める割合（%）", "en": "Share of project (%)"},
    "pr.col.match": {"ja": "本文との対応", "en": "Link"},
    "pr.col.score": {"ja": "一致度", "en": "Match score"},
    "pr.col.note": {"ja": "注記", "en": "Note"},
    "pr.note.transfer": {
        "ja": "会計間の繰入（別に掲載された事業の財源）",
        "en": "transfer between accounts (funds projects listed elsewhere)",
    },
    "pr.note.portion": {"ja": "事業の要求額は内数", "en": "project figure is part of a larger budget (a whole grant)"},
    "pr.note.fuzzy": {"ja": "本文の表記: {name}", "en": "main text spells it: {name}"},
    "pr.col.share_total": {"ja": "合計に占める割合（%）", "en": "Share of the total (%)"},
    "pr.col.share_without": {"ja": "繰入を除く計に占める割合（%）", "en": "Share of the total without transfers (%)"},
    "pr.m.share_total": {"ja": "合計に占める割合", "en": "Share of the total"},
    "pr.m.share_without": {"ja": "繰入を除く計に占める割合", "en": "Share without transfers"},
    "pr.m.share_total.help": {
        "ja": "表示中の要望額の計 {sum} ÷ {total}",
        "en": "Sum of the requests shown, {sum}, ÷ {total}",
    },
    "pr.m.share_without.help": {
        "ja": "表示中の要望額のうち繰入を除いた {sum_without} ÷ 全件から繰入を除いた計 {without}",
        "en": "The requests shown without transfers, {sum_without}, ÷ all requests without transfers, {without}",
    },
    "pr.note.shares": {
        "ja": "表示中の{count}件の計 {sum}は、資料の合計 {total}の {share_total}です。"
        "繰入を除くと {sum_without}で、全件から繰入を除いた計 {without}の {share_without}です。",
        "en": "The {count} requests shown add up to {sum}, {share_total} of the stated total of {total}. "
        "Without transfers they add up to {sum_without}, {share_without} of all requests without transfers "
        "({without}).",
    },
    "pr.note.shares.no_stated": {
        "ja": "表示中の{count}件の計 {sum}は、全件の計 {total}の {share_total}です（資料に合計の記載なし）。"
        "繰入を除くと {sum_without}で、全件から繰入を除いた計 {without}の {share_without}です。",
        "en": "The {count} requests shown add up to {sum}, {share_total} of all requests ({total}; the document "
        "states no total). Without transfers they add up to {sum_without}, {share_without} of all requests "
        "without transfers ({without}).",
    },
    "pr.q.scope": {
        "ja": "{q}: {total}件の要望の事業名だけを探し、{n}件が一致しました。事業の説明（施策の文）や注記は"
        "探していません。資料全体は「検索」ページで探せます。",
        "en": "{q}: searched the names of the {total} requests only; {n} matched. Project descriptions (policy "
        "paragraphs) and notes are not searched: the Search page searches the whole document.",
    },
    "pr.q.search_link": {"ja": "資料全体を検索: {q}", "en": "Search the whole document for {q}"},
    "pr.q.sections": {
        "ja": "施策名にも一致します。施策で絞り込むと、事業名に含まない要望も見られます:",
        "en": "Section names match too. Filtering by section also shows the requests whose names do not "
        "hold the words:",
    },
    "pr.q.section_link": {"ja": "{label}（{count}件）", "en": "{label} ({count} requests)"},
    "pr.group.transfer": {"ja": "会計間の繰入", "en": "Transfers between accounts"},
    "pr.sub": {"ja": "施策ごとの小計（表示中の要望）", "en": "Subtotals by section (requests shown)"},
    "pr.sub.help": {
        "ja": "本文に同じ事業がある要望はその施策に、ない要望は「本文に対応なし」に、繰入は別にまとめています。"
        "割合の分母は上と同じです。",
        "en": "Requests linked to a project in the main text are counted under its section, the others under "
        "“Not in the main text”, and transfers on their own. Shares use the same totals as above.",
    },
    "pr.sub.col.section": {"ja": "施策", "en": "Section"},
    "pr.sub.col.count": {"ja": "件数", "en": "Requests"},
    "pr.sub.col.sum": {"ja": "要望額の計（億円）", "en": "Sum of requests (100M yen)"},
    "pr.sub.hover": {"ja": "{count}件", "en": "{count} requests"},
    "pr.f.topic": {"ja": "テーマ", "en": "Topic"},
    "pr.f.topic.placeholder": {"ja": "すべて", "en": "All"},
    "pr.f.topic.help": {
        "ja": "事業名に決まった語のどれかを含む要望です（語は選ぶと表示されます）。名前だけで探すので、"
        "語を含まない関連事業は入りません。",
        "en": "Requests whose name holds any of a fixed set of words (shown once chosen). Only names are "
        "searched, so a related request without those words is not included.",
    },
    "pr.topic.sme": {"ja": "中小企業・小規模事業者", "en": "Small and micro businesses"},
    "pr.topic.digital": {"ja": "デジタル・サイバー", "en": "Digital and cyber"},
    "pr.topic.international": {"ja": "海外展開・国際", "en": "International"},
    "pr.topic.health": {"ja": "健康・医療", "en": "Health and medicine"},
    "pr.topic.scope": {
        "ja": "テーマ「{topic}」: 事業名に {words} のどれかを含む要望（全{total}件中{n}件）。",
        "en": "Topic “{topic}”: requests whose name holds any of {words} ({n} of {total}).",
    },
    "pr.q.topic_link": {
        "ja": "テーマ「{topic}」で見る（関連する語も含めて{count}件）",
        "en": "See the topic “{topic}” (related words too: {count} requests)",
    },
}
