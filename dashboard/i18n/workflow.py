"""Interface text of the printout, the chart images and the document checks (issue 24): key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "print.cut": {
        "ja": "（印刷は先頭 {shown} 行まで。全 {total} 行は CSV にあります）",
        "en": "(printed: the first {shown} of {total} rows; the CSV has them all)",
    },
    "print.document": {
        "ja": "資料: {title}（{request} 概算要求 / {base} 当初予算との比較）",
        "en": "Document: {title} ({request} request vs {base} initial budget)",
    },
    "doc.header_years": {
        "ja": "表題は{title}ですが、会計表の見出しは {header}（{line}行目）のままです。年度は表題から読んでいます"
        "（{request} 概算要求 / {base} 当初予算との比較）。表題か見出しのどちらかが誤りです。原文を確かめてください。",
        "en": "The title says {title}, but the accounts table's header says {header} (line {line}). The years are "
        "read from the title ({request} request vs {base} initial budget); the title or the header is wrong: "
        "check the source.",
    },
}
