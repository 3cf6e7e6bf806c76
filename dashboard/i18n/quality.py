"""Interface text of the quality page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "qa.heading": {"ja": "データ品質・出典", "en": "Data quality & sources"},
    "qa.intro": {
        "ja": "資料に書かれた合計を内訳から計算し直した結果、読み取れなかった行の記録、元の資料とその読み込み記録です。",
        "en": "Every total the document states, re-computed from its parts; the lines the loader did not turn into "
        "data; and the source documents with their load record.",
    },
    "qa.recon": {"ja": "合計の照合", "en": "Checking the totals"},
    "qa.recon.help": {
        "ja": "金額は億円、0.01億円単位。差 = 記載額 − 計算値。許容差は合計した数字1つにつき0.5億円（四捨五入）。"
        "項目の合計は資料が主な事業しか列挙しないため、差があるのは誤りではなく情報です。"
        "再掲・後掲・※参考・内数の額は計算に含めません。",
        "en": "Amounts in 100 million yen, to 0.01. Difference = stated − computed. Tolerance: 0.5 per summed "
        "figure (rounding). A section's total differs from its listed projects because the document lists only "
        "the main ones: a gap there is information, not an error. Re-listed, listed-again-later, reference-only and "
        "part-of-a-larger-budget figures are never summed.",
    },
    "qa.filter.status": {"ja": "結果で絞り込む", "en": "Filter by result"},
    "qa.metric.ok": {"ja": "一致", "en": "Agree"},
    "qa.metric.rounding": {"ja": "四捨五入の差", "en": "Rounding"},
    "qa.metric.gap": {"ja": "差あり（未列挙など）", "en": "Gap (not itemised etc.)"},
    "qa.status.ok": {"ja": "✓ 一致", "en": "✓ ok"},
    "qa.status.rounding": {"ja": "≈ 四捨五入", "en": "≈ rounding"},
    "qa.status.gap": {"ja": "Δ 差あり", "en": "Δ gap"},
    "qa.scope.accounts": {"ja": "会計", "en": "Accounts"},
    "qa.scope.sections": {"ja": "項目", "en": "Sections"},
    "qa.scope.priority_requests": {"ja": "重要政策推進枠", "en": "Priority-policy quota"},
    "qa.check.total": {"ja": "{name} = 各会計の計", "en": "{name} = sum of the accounts"},
    "qa.check.breakdown": {"ja": "{name} = うち内訳の計", "en": "{name} = sum of its breakdown rows"},
    "qa.check.priority": {
        "ja": "重要政策推進枠 合計 = 要望一覧の計",
        "en": "Priority-policy quota total = sum of its list",
    },
    "qa.measure.request": {"ja": "{year} 要求額", "en": "{year} request"},
    "qa.measure.base": {"ja": "{year} 当初予算額", "en": "{year} initial budget"},
    "qa.col.scope": {"ja": "対象", "en": "Scope"},
    "qa.col.check": {"ja": "照合内容", "en": "Check"},
    "qa.col.measure": {"ja": "金額", "en": "Figure"},
    "qa.col.stated": {"ja": "記載額（億円）", "en": "Stated (100M yen)"},
    "qa.col.computed": {"ja": "計算値（億円）", "en": "Computed (100M yen)"},
    "qa.col.difference": {"ja": "差（億円）", "en": "Difference (100M yen)"},
    "qa.col.tolerance": {"ja": "許容差（億円）", "en": "Tolerance (100M yen)"},
    "qa.col.status": {"ja": "結果", "en": "Result"},
    "qa.col.explain": {"ja": "説明", "en": "What it means"},
    "qa.explain.ok": {
        "ja": "記載の合計と内訳の計算値が一致しています。",
        "en": "The stated total and the sum of its parts agree.",
    },
    "qa.explain.rounding": {
        "ja": "差{diff}は四捨五入の範囲内です（{parts}個の数字の合計、許容 ±{tol}）。",
        "en": "The difference of {diff} is rounding: within ±{tol} for {parts} rounded figures.",
    },
    "qa.explain.gap_pos": {
        "ja": "この項目の{stated}のうち{diff}（{share}%）は、資料が個別の事業として列挙していない分です（資料は主な事業のみ列挙）。",
        "en": "{diff} ({share}%) of this section's {stated} is not itemised: the document lists only its main projects.",
    },
    "qa.explain.gap_base": {
        "ja": "前年度額のない新規事業と、補正予算を比較額とする事業は計算に含めません。",
        "en": " New projects (no base) and bases taken from a supplementary budget are not in the computed sum.",
    },
    "qa.explain.gap_neg": {
        "ja": "列挙された事業の合計が記載の総額を{diff}上回ります。一部しかこの項目に数えられない事業が含まれるためです。",
        "en": "The listed projects add up to {diff} more than the stated total, because some of them count only "
        "partly toward this section.",
    },
    "qa.explain.gap_other": {
        "ja": "記載の合計と内訳の計算値に、四捨五入では説明できない差（{diff}）があります。",
        "en": "The stated total and the sum of its parts differ by {diff}, more than rounding explains.",
    },
    "qa.explain.transfer": {
        "ja": "計算値には会計間の繰入（他で掲載の事業の財源）を含みます。",
        "en": " The computed sum includes a transfer between accounts, which funds projects listed elsewhere.",
    },
    "qa.cov": {"ja": "会計の合計と掲載事業", "en": "Accounts: stated totals and the listed projects"},
    "qa.cov.help": {
        "ja": "会計表の合計（資料に記載）と、その会計の掲載事業（主掲載、内数を除く）の計です。資料は主な事業のみ"
        "掲載するため、差は資料が個別に示していない分です。比較ページの会計別と同じ数字です。",
        "en": "Each account's total as the accounts table states it, beside the projects the document lists for it "
        "(primary listings, part-of figures left out). The document lists only the main projects, so the rest is not "
        "itemised. The same figures as the comparison by account.",
    },
    "qa.cov.account": {"ja": "会計", "en": "Account"},
    "qa.cov.stated": {"ja": "{year} 要求額（資料の合計、億円）", "en": "{year} request, stated (100M yen)"},
    "qa.cov.listed": {"ja": "{year} 掲載事業の計（億円）", "en": "{year} listed projects (100M yen)"},
    "qa.cov.unlisted": {"ja": "{year} 未掲載分（億円）", "en": "{year} not itemised (100M yen)"},
    "qa.cov.share": {"ja": "掲載事業の割合（%）", "en": "Listed share (%)"},
    "qa.cov.projects": {"ja": "掲載事業数", "en": "Listed projects"},
    "qa.cov.explain": {
        "ja": "{account}: 資料の合計 {stated} のうち、掲載された{n}事業の計は {listed}。残る {rest} は個別に掲載されていません。",
        "en": "{account}: of the stated {stated}, the {n} listed projects add up to {listed}; the other {rest} is not itemised.",
    },
    "qa.recon.sentences": {"ja": "各照合の説明", "en": "What each check means"},
    "qa.recon.none": {"ja": "この条件に合う照合結果はありません。", "en": "No check matches this filter."},
    "qa.log": {"ja": "読み取りの記録（parse log）", "en": "Parse log"},
    "qa.log.help": {
        "ja": "データにしなかった行（注記・見出しなど）と、読み取りに疑問が残った行です。黙って捨てた行はありません。",
        "en": "Lines not turned into data (notes, headings …) and anything the loader doubted. No line is dropped "
        "silently.",
    },
    "qa.log.filter": {"ja": "レベル", "en": "Level"},
    "qa.log.line": {"ja": "行", "en": "Line"},
    "qa.log.level": {"ja": "レベル", "en": "Level"},
    "qa.log.message": {"ja": "内容（読み込み処理の記録）", "en": "Message"},
    "qa.log.text": {"ja": "原文", "en": "Source text"},
    "qa.log.count": {"ja": "{shown} 行（全 {total} 行中）", "en": "{shown} of {total} lines"},
    "qa.level.info": {"ja": "情報", "en": "info"},
    "qa.level.warning": {"ja": "警告", "en": "warning"},
    "qa.level.error": {"ja": "エラー", "en": "error"},
    "qa.docs": {"ja": "資料と読み込みの記録", "en": "Source documents"},
    "qa.doc.field": {"ja": "項目", "en": "Field"},
    "qa.doc.value": {"ja": "値", "en": "Value"},
    "qa.doc.document_id": {"ja": "資料ID", "en": "Document id"},
    "qa.doc.title": {"ja": "表題", "en": "Title"},
    "qa.doc.ministry": {"ja": "府省", "en": "Ministry"},
    "qa.doc.request_year": {"ja": "要求年度", "en": "Request year"},
    "qa.doc.base_year": {"ja": "比較年度", "en": "Comparison year"},
    "qa.doc.unit": {"ja": "単位", "en": "Unit"},
    "qa.doc.source_file": {"ja": "原文", "en": "Source file"},
    "qa.doc.source_encoding": {"ja": "文字コード", "en": "Encoding"},
    "qa.doc.source_lines": {"ja": "行数", "en": "Lines"},
    "qa.doc.source_sha256": {"ja": "SHA-256", "en": "SHA-256"},
    "qa.doc.loaded_at": {"ja": "読み込み日時", "en": "Loaded at"},
    "qa.doc.loader_version": {"ja": "読込処理の版", "en": "Loader version"},
    "qa.source": {"ja": "原文を行番号で見る", "en": "A source line in context"},
    "qa.source.line": {"ja": "行番号（1〜{n}）", "en": "Line number (1–{n})"},
    "qa.source.help": {
        "ja": "表の「行」の番号を入れると、原文の前後{radius}行を表示します。",
        "en": "Enter a number from a table's Line column to see the source text {radius} lines either side.",
    },
    "qa.source.file": {"ja": "{file}（読み込み時の原文）", "en": "{file} (as loaded)"},
    "qa.source.missing": {
        "ja": "原文ファイル {file} が見つかりません。",
        "en": "The source file {file} cannot be found.",
    },
    "qa.source.changed": {
        "ja": "原文ファイルは読み込み後に変更されています。行番号がずれている可能性があります。",
        "en": "The source file has changed since it was loaded; line numbers may be off.",
    },
    "qa.source.uses": {"ja": "この行から読み取ったデータ:", "en": "Data read from this line:"},
    "qa.source.unused": {
        "ja": "この行からはデータを作っていません（空行や段落の続きなど）。",
        "en": "No data was read from this line (a blank line, a paragraph's continuation …).",
    },
    "qa.msg.note": {"ja": "注記・凡例", "en": "note or legend"},
    "qa.msg.closing": {"ja": "結びの文章（金額なし）", "en": "closing narrative (no figures)"},
    "qa.msg.pillar": {"ja": "柱の見出し", "en": "pillar heading"},
    "qa.msg.theme": {"ja": "テーマの見出し {n}", "en": "theme heading {n}"},
    "qa.msg.accounts_header": {"ja": "会計表の見出し行", "en": "accounts table header"},
    "qa.msg.intro": {"ja": "導入の文", "en": "introductory sentence"},
    "qa.msg.matters": {
        "ja": "事項要求の文（上に並ぶ項目が事項要求）",
        "en": "sentence on the requests without an amount (the topics listed above it)",
    },
    "qa.msg.section_total": {"ja": "項目 {n} の合計（単独の行）", "en": "total of section {n} on its own line"},
    "qa.msg.priority_start": {"ja": "重要政策推進枠の一覧の始まり", "en": "start of the priority-policy quota list"},
    "qa.msg.priority_header": {"ja": "重要政策推進枠の表の見出し行", "en": "priority-policy quota table header"},
    "qa.msg.priority_total": {
        "ja": "重要政策推進枠の合計行（記載の合計。照合を参照）",
        "en": "priority-policy quota total row (the stated total; see the checks)",
    },
    "qa.msg.no_total": {"ja": "記載の合計がない項目", "en": "section without a stated total"},
    "qa.msg.unknown_account": {
        "ja": "登録にない会計（{n} として読み込み）",
        "en": "account not in the registry (loaded as {n})",
    },
    "qa.unit.oku": {"ja": "億円", "en": "100 million yen"},
}
