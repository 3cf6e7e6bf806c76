"""Interface text of the glossary page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "gl.heading": {"ja": "用語集", "en": "Glossary"},
    "gl.intro": {
        "ja": "資料に出てくる予算の用語と、このダッシュボードでの扱い（何を合計し、何を合計しないか）です。",
        "en": "The budget words of the document, in Japanese and English, and how this dashboard treats each "
        "(what it sums and what it does not).",
    },
    "gl.search": {"ja": "用語を検索", "en": "Search the glossary"},
    "gl.none": {"ja": "該当する用語はありません。", "en": "No term matches."},
    "gl.meaning": {"ja": "意味", "en": "Meaning"},
    "gl.treat": {"ja": "ダッシュボードでの扱い", "en": "In this dashboard"},
    "gl.count": {"ja": "この資料では {n} 件", "en": "{n} in this document"},
    "gl.link": {"ja": "事業一覧で見る", "en": "See them in Projects"},
    "gl.link.priority": {"ja": "重要政策推進枠のページへ", "en": "Go to the priority-policy quota page"},
    "gl.gaisan.meaning": {
        "ja": "各府省が翌年度の予算として財務省に要求する額。ここでは{req}（{req_fy}年度）分。",
        "en": "What a ministry asks the Ministry of Finance for next fiscal year; here FY{req_fy} ({req}).",
    },
    "gl.gaisan.treat": {
        "ja": "「要求額」の列。合計は主掲の行だけを足します。",
        "en": "The “request” columns. Sums add primary listings only.",
    },
    "gl.tousho.meaning": {
        "ja": "国会で成立した今年度の最初の予算。比較の基準（ここでは{base}、{base_fy}年度）。",
        "en": "The current year's budget as first enacted; the comparison base (here FY{base_fy}, {base}).",
    },
    "gl.tousho.treat": {
        "ja": "「当初予算額」の列。増減 = 要求額 − 当初予算額。比較額が補正予算のときは区分にそう書きます。",
        "en": "The “initial budget” columns. Change = request − initial budget. When the comparison figure comes "
        "from a supplementary budget, the flags say so.",
    },
    "gl.hosei.meaning": {
        "ja": "年度の途中で追加される予算（例: R4補正 = 令和4年度補正予算）。",
        "en": "A budget added during the year (e.g. R4補正 = the FY2022 supplementary budget).",
    },
    "gl.hosei.treat": {
        "ja": "今回の要求には含まれないため、要求額・当初予算額の合計には入れません。※参考額として別の列に示します。",
        "en": "Not part of this request, so never in request or base sums; shown in the separate reference column.",
    },
    "gl.shinki.meaning": {
        "ja": "前年度に予算がない新しい事業。",
        "en": "A new project: no budget the year before.",
    },
    "gl.shinki.treat": {
        "ja": "当初予算額は空欄（0ではありません）で、増減率は出しません。事業一覧では増減も空欄、比較ページでは要求額全体を増加分として数え「新規」と示します。",
        "en": "The base is empty (not zero) and there is no % change. The projects list leaves the change empty; the comparison page counts the whole request as the increase and marks it “new”.",
    },
    "gl.naisu.meaning": {
        "ja": "「〜の内数」: 示された額は大きな予算全体（例: 法人の運営費交付金）の額で、その一部だけがこの施策に使われる。",
        "en": "“Part of”: the figure is a whole larger budget (e.g. an agency's operating grant), only some of which "
        "serves this policy.",
    },
    "gl.naisu.treat": {
        "ja": "全額がこの項目の分ではないため、項目や会計の合計には決して足しません。",
        "en": "Never added to a section's or an account's sum, since the whole figure does not belong to it.",
    },
    "gl.saikei.meaning": {
        "ja": "前に記載した事業をもう一度掲げたもの。",
        "en": "Re-listed: a project already listed earlier.",
    },
    "gl.saikei.treat": {
        "ja": "二重に数えないよう合計から除きます。事業一覧ではすべての記載箇所を表示します。",
        "en": "Left out of sums so nothing is counted twice; the projects page still shows every place it is listed.",
    },
    "gl.kokei.meaning": {
        "ja": "後ろでもう一度記載し、そちらで計上する事業。",
        "en": "Listed again later, where it is counted.",
    },
    "gl.kokei.treat": {
        "ja": "ここでは合計に入れず、後の記載箇所で数えます。",
        "en": "Not summed here; counted where it is listed again later.",
    },
    "gl.sankou.meaning": {
        "ja": "行頭の「※」: 補正予算や複数年度の基金など、今回の要求ではない参考の額。",
        "en": "“※” before an item: context only, money from a supplementary budget or a multi-year fund, not part of "
        "this request.",
    },
    "gl.sankou.treat": {
        "ja": "要求額・当初予算額は空欄とし、※参考額の列に出所（例: R4補正）とともに示します。合計には入れません。",
        "en": "Request and base stay empty; the figure is in the reference column with its source (e.g. R4補正), "
        "and never summed.",
    },
    "gl.kokusai.meaning": {
        "ja": "複数年度にわたる契約を今年度に結ぶ権限（例: 国庫債務負担行為（5年）: 1,925億円）。単年度の要求額とは別枠。",
        "en": "Authority to sign contracts paid over several years (e.g. 5 years: 1,925億円), on top of the "
        "single-year amount.",
    },
    "gl.kokusai.treat": {
        "ja": "区分に年数と額を書きますが、要求額の合計には入れません。",
        "en": "The flags give its years and amount; it is never added to request sums.",
    },
    "gl.jiko.meaning": {
        "ja": "金額を示さずに行う要求。額は予算編成の過程で決まる。",
        "en": "A request made without an amount, settled later in budget compilation.",
    },
    "gl.jiko.treat": {
        "ja": "概要ページに一覧で示します。額は「記載なし」で、0円として合計することはありません。",
        "en": "Listed on the overview page as “amount not stated”; never summed as zero.",
    },
    "gl.suishin.meaning": {
        "ja": "政府の重要政策に充てる特別な要望枠。資料の末尾に事業名と要望額の一覧がある。",
        "en": "A special quota for the government's priority policies; the document ends with its list of projects "
        "and amounts.",
    },
    "gl.suishin.treat": {
        "ja": "事業一覧の事業と名前で照合します。エネルギー対策特別会計への繰入は他の事業を賄うため、合計から除けます。",
        "en": "Matched to the listed projects by name. The transfer to the Energy Special Account funds items listed "
        "elsewhere, so it can be left out of sums.",
    },
    "gl.acc_general.meaning": {
        "ja": "国の基本的な会計。括弧書きのない事業はこの会計。",
        "en": "The state's main account; a project with no account in brackets belongs to it.",
    },
    "gl.acc_general.treat": {
        "ja": "会計別の合計・絞り込みに使います（URLでは account=general）。",
        "en": "Used for sums and filters by account (account=general in the URL).",
    },
    "gl.acc_energy.meaning": {
        "ja": "エネルギー対策のための特別会計。資料では（エネ特）。",
        "en": "The special account for energy measures; marked (エネ特).",
    },
    "gl.acc_energy.treat": {
        "ja": "会計別の合計・絞り込みに使います（account=energy）。（一部エネ特）は「一部」と表示します。",
        "en": "Used for sums and filters by account (account=energy); (一部エネ特) shows as “partly”.",
    },
    "gl.acc_gx.meaning": {
        "ja": "GX（グリーントランスフォーメーション）推進のための経費。資料では（GX）。",
        "en": "Spending for green transformation (GX); marked (GX).",
    },
    "gl.acc_gx.treat": {
        "ja": "会計別の合計・絞り込みに使います（account=gx）。（一部GX）は「一部」と表示します。",
        "en": "Used for sums and filters by account (account=gx); (一部GX) shows as “partly”.",
    },
    "gl.acc_patent.meaning": {
        "ja": "特許など産業財産権の手続を賄う特別会計。資料では（特許特）。",
        "en": "The special account funding patent and other industrial-property work; marked (特許特).",
    },
    "gl.acc_patent.treat": {
        "ja": "会計別の合計・絞り込みに使います（account=patent）。",
        "en": "Used for sums and filters by account (account=patent).",
    },
    "gl.acc_reconstruction.meaning": {
        "ja": "東日本大震災からの復興のための特別会計。資料では（復興特）。",
        "en": "The special account for reconstruction after the 2011 earthquake; marked (復興特).",
    },
    "gl.acc_reconstruction.treat": {
        "ja": "会計別の合計・絞り込みに使います（account=reconstruction）。",
        "en": "Used for sums and filters by account (account=reconstruction).",
    },
    "gl.ichibu.meaning": {
        "ja": "（一部GX）（一部エネ特）: その会計で一部だけを賄う事業。",
        "en": "(一部GX), (一部エネ特): a project only partly funded by that account.",
    },
    "gl.ichibu.treat": {
        "ja": "その会計に分類し、会計名に「（一部）」と添えます。",
        "en": "Filed under that account, with “(partly)” after the account's name.",
    },
    "gl.oku.meaning": {
        "ja": "1億円 = 100,000,000円（10^8円）、1兆円 = 10,000億円。資料の額は億円単位で四捨五入されている。",
        "en": "1 億円 = 100 million yen (10^8); 1 兆円 = 1 trillion yen = 10,000 億円. The document rounds to 億円.",
    },
    "gl.oku.treat": {
        "ja": "表の額は億円のまま（0.01億円まで）。英語表示の見出しでは ¥ billion などに換算します。四捨五入の差は「データ品質・出典」で確認できます。",
        "en": "Tables keep 億円 (to 0.01) and label it “100M yen”; English headlines convert to ¥ billion etc. "
        "Rounding differences are checked on Data quality & sources.",
    },
}
