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
    # The parse log by its codes (loaders/log_codes.py; parameters as named there). Document text in a
    # parameter is shown quoted, as printed.
    "qa.code.accounts-header": {"ja": "会計表の見出し行", "en": "accounts table header"},
    "qa.code.closing": {"ja": "結びの文章（金額なし）", "en": "closing narrative (no figures)"},
    "qa.code.intro": {"ja": "導入の文", "en": "introductory sentence"},
    "qa.code.matters-sentence": {
        "ja": "事項要求の文（上に並ぶ項目が事項要求）",
        "en": "sentence on the requests without an amount (the topics listed above it)",
    },
    "qa.code.note": {"ja": "注記・凡例", "en": "note or legend"},
    "qa.code.pillar-heading": {"ja": "柱の見出し", "en": "pillar heading"},
    "qa.code.theme-heading": {"ja": "テーマの見出し {number}", "en": "theme heading {number}"},
    "qa.code.section-total-line": {
        "ja": "項目 {section} の合計（単独の行）",
        "en": "total of section {section} on its own line",
    },
    "qa.code.priority-start": {"ja": "重要政策推進枠の一覧の始まり", "en": "start of the priority-policy quota list"},
    "qa.code.priority-header": {"ja": "重要政策推進枠の表の見出し行", "en": "priority-policy quota table header"},
    "qa.code.priority-total": {
        "ja": "重要政策推進枠の合計行（記載の合計。照合を参照）",
        "en": "priority-policy quota total row (the stated total; see the checks)",
    },
    "qa.code.no-priority-list": {
        "ja": "この資料に重要政策推進枠の一覧はない",
        "en": "no priority-policy quota list in this document",
    },
    "qa.code.account-one-amount": {
        "ja": "金額が一つだけの会計の行。要求額として読み、比較額なし（列を確かめてください）",
        "en": "accounts row with one amount: read as the request, no base figure (check the columns)",
    },
    "qa.code.amount-outside-section": {
        "ja": "どの項目にも属さない金額（読み込まない）",
        "en": "an amount outside any section (not loaded)",
    },
    "qa.code.header-years": {
        "ja": "表題の年度と会計表の見出しの年度が合わない",
        "en": "the title's year and the accounts table's header years disagree",
    },
    "qa.code.no-accounts-table": {
        "ja": "会計表（概算要求額 / 当初予算額）が見つからない",
        "en": "no accounts table (request / initial budget) found",
    },
    "qa.code.no-section": {
        "ja": "項目の見出しより前の内容（名前のない項目に入れた）",
        "en": "content before any section heading (put in an unnamed section)",
    },
    "qa.code.priority-no-total": {
        "ja": "重要政策推進枠の一覧に合計がない（途中で切れている？）。照合できない",
        "en": "the priority-policy quota list states no total (cut short?): nothing to check it against",
    },
    "qa.code.section-heading-without-total": {
        "ja": "【合計】のない項目の見出し（資料が途中で切れている？）",
        "en": "section heading without its total (document cut short?)",
    },
    "qa.code.section-total-wording": {
        "ja": "項目の合計に内数・新規・補正の語がある。ただの金額として読んだ",
        "en": "a section total worded as part of a larger budget, new or supplementary: read as plain figures",
    },
    "qa.code.section-without-total": {"ja": "記載の合計がない項目", "en": "section without a stated total"},
    "qa.code.supplementary-without-mark": {
        "ja": "※のない補正予算の金額。参考の額として読んだ",
        "en": "a supplementary-budget figure not marked reference only: read as reference only",
    },
    "qa.code.unclaimed-bullet": {
        "ja": "本文より前の箇条で、事項要求の文が続かないもの",
        "en": "bullet before the body that no sentence on requests without an amount claimed",
    },
    "qa.code.unknown-account": {
        "ja": "登録にない会計（{code} として読み込み）",
        "en": "account not in the registry (loaded as {code})",
    },
    "qa.code.unknown-tag": {
        "ja": "金額の後の不明な印（{tag}）。無視した",
        "en": "unknown tag ({tag}) after the amount: ignored",
    },
    "qa.code.unmarked-second-listing": {
        "ja": "再掲・後掲の印のない同じ事業の2度目の掲載。重ねて数えない",
        "en": "a second listing of a project not marked re-listed or listed again later: not counted again",
    },
    "qa.code.unread-text": {"ja": "金額の後の読めない文字列「{text}」", "en": "unread text after the amount: “{text}”"},
    "qa.code.account-cannot-read": {
        "ja": "会計の行: 「{amount}」を億円の金額として読めない",
        "en": "accounts row: cannot read “{amount}” as an amount in 100 million yen",
    },
    "qa.code.account-no-amount": {"ja": "金額のない会計の行", "en": "accounts row without an amount"},
    "qa.code.account-no-figure-cell": {
        "ja": "会計の行: 要求額の欄が「{cell}」（額なし）で、その後に金額がある",
        "en": "accounts row: the request cell is “{cell}” (no figure) before an amount",
    },
    "qa.code.account-no-name": {"ja": "会計名のない会計の行", "en": "accounts row without an account name"},
    "qa.code.account-text-after": {
        "ja": "会計の行: 最後の金額の後に「{text}」",
        "en": "accounts row: unexpected text after the last amount: “{text}”",
    },
    "qa.code.account-text-between": {
        "ja": "金額の間に「{text}」",
        "en": "unexpected text between the amounts: “{text}”",
    },
    "qa.code.amount-cannot-read": {
        "ja": "「{amount}」を億円の金額として読めない（3桁区切り、兆と億円）",
        "en": "cannot read “{amount}” as an amount in 100 million yen (thousands in groups of three, trillions)",
    },
    "qa.code.amount-decimals": {
        "ja": "「{amount}」は小数点以下が{limit}桁を超える（億円の金額ではない）",
        "en": "“{amount}” has more than {limit} decimals: not an amount in 100 million yen",
    },
    "qa.code.amount-digits-cho": {
        "ja": "「{amount}」は兆の前が{limit}桁を超える（この資料の金額ではない）",
        "en": "“{amount}” has more than {limit} digits before the trillions: not an amount in this document",
    },
    "qa.code.amount-digits-oku": {
        "ja": "「{amount}」は億の前が{limit}桁を超える（この資料の金額ではない）",
        "en": "“{amount}” has more than {limit} digits before 100 million yen: not an amount in this document",
    },
    "qa.code.amount-digits-oku-after-cho": {
        "ja": "「{amount}」は兆の後の億が{limit}桁を超える（この資料の金額ではない）",
        "en": "“{amount}” has more than {limit} digits after the trillions: not an amount in this document",
    },
    "qa.code.amount-exponent": {
        "ja": "「{amount}」は指数表記（億円の金額ではない）",
        "en": "“{amount}” is written with an exponent: not an amount in 100 million yen",
    },
    "qa.code.amount-sign": {
        "ja": "「{amount}」の前に符号（{sign}）。この資料に負の金額はない",
        "en": "a sign ({sign}) before “{amount}”: no figure in this document is negative",
    },
    "qa.code.amount-stray-characters": {
        "ja": "「{amount}」に余分な文字（億円の金額ではない）",
        "en": "stray characters in “{amount}”: not an amount in 100 million yen",
    },
    "qa.code.amount-stray-digits": {
        "ja": "「{amount}」を億円の金額として読めない（前に余分な数字）",
        "en": "cannot read “{amount}” as an amount in 100 million yen (stray digits before it)",
    },
    "qa.code.bracket-amount": {
        "ja": "【{amount}】を億円の金額として読めない",
        "en": "cannot read “{amount}” in brackets as an amount in 100 million yen",
    },
    "qa.code.bracket-unclosed": {
        "ja": "【 が 】で閉じていない（行が途中で切れている？）",
        "en": "an opening bracket without its closing one (line cut short?)",
    },
    "qa.code.breakdown-without-account": {
        "ja": "上に会計のない「うち」の行",
        "en": "a breakdown row with no account above it",
    },
    "qa.code.comparison-unknown": {"ja": "不明な比較額「{text}」", "en": "unknown comparison “{text}”"},
    "qa.code.ends-in-body": {
        "ja": "資料が本文の途中で終わっている（途中で切れている？）",
        "en": "the document ends inside the policy body (cut short?)",
    },
    "qa.code.item-name-missing": {"ja": "事業名のない金額", "en": "an amount with no project name before it"},
    "qa.code.item-no-amount": {"ja": "事業の行に【金額】がない", "en": "no amount in brackets on a project line"},
    "qa.code.more-errors": {"ja": "ほかに {n} 件のエラー（一覧にない）", "en": "{n} more errors not listed"},
    "qa.code.no-amount-at": {"ja": "「{text}」に億円の金額がない", "en": "no amount in 100 million yen at “{text}”"},
    "qa.code.no-sections": {
        "ja": "政策の項目（①、(1) …）が見つからない。概算要求等概要ではないか、途中で切れている",
        "en": "no policy sections ((1), circled numbers …) found: not a budget-request summary, or cut short",
    },
    "qa.code.no-text": {"ja": "文字がない", "en": "no text found"},
    "qa.code.not-an-amount": {
        "ja": "「{text}」は億円の金額ではない",
        "en": "not an amount in 100 million yen: “{text}”",
    },
    "qa.code.priority-name-missing": {
        "ja": "事業名のない重要政策推進枠の金額",
        "en": "a priority-policy quota amount without a project name",
    },
    "qa.code.priority-no-amount": {
        "ja": "重要政策推進枠の行が億円の金額で終わっていない",
        "en": "a priority-policy quota row must end with its amount in 100 million yen",
    },
    "qa.code.text-after-comparison": {
        "ja": "比較額の後に「{text}」",
        "en": "unexpected “{text}” after the comparison figure",
    },
    "qa.code.text-after-total": {"ja": "項目の合計の後に「{text}」", "en": "text after the section total: “{text}”"},
    "qa.code.text-in-amount": {"ja": "【{content}】の中に「{text}」", "en": "unexpected “{text}” in “{content}”"},
    "qa.code.title-missing": {
        "ja": "1行目は年度（令和N年度 …）のある表題でなければならない",
        "en": "the first line must be the title with its fiscal year",
    },
    "qa.code.total-without-section": {
        "ja": "合計を待つ項目の見出しがない【合計】",
        "en": "a total in brackets with no section heading waiting for it",
    },
    "qa.code.unbalanced-brackets": {"ja": "括弧の対応が合わない「{text}」", "en": "unbalanced brackets in “{text}”"},
    "qa.unit.oku": {"ja": "億円", "en": "100 million yen"},
}
