"""Interface text shared by every page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "nav.overview": {"ja": "概要", "en": "Overview"},
    "nav.treemap": {"ja": "構成", "en": "Composition"},
    "nav.compare": {"ja": "比較", "en": "Year on year"},
    "nav.priority": {"ja": "重要政策推進枠", "en": "Priority-policy quota"},
    "nav.items": {"ja": "事業一覧", "en": "Projects"},
    "nav.quality": {"ja": "データ品質・出典", "en": "Data quality & sources"},
    "nav.glossary": {"ja": "用語集", "en": "Glossary"},
    "lang.label": {"ja": "言語 / Language", "en": "言語 / Language"},
    "doc.label": {"ja": "資料", "en": "Document"},
    "notice.bad_param": {
        "ja": "URLの {param} の値 {value} は使えないため、既定の表示にしています。",
        "en": "The URL value {value} for {param} is not valid, so the default view is shown.",
    },
    "notice.more": {
        "ja": "ほかに {n} 個の使えない値を無視しました。",
        "en": "{n} more invalid URL values were ignored.",
    },
    "build.failed": {
        "ja": "資料を読み込めませんでした。data/raw/ の原文を確認してください:",
        "en": "The source document could not be loaded. Check the text in data/raw/:",
    },
    "build.unreadable": {
        "ja": "データの表を読み込めませんでした。しばらくしてからページを再読み込みしてください。",
        "en": "The data tables could not be read. Reload the page in a moment.",
    },
    "build.empty": {"ja": "表示できる資料がありません。", "en": "There is no document to show."},
    "guard.rows": {
        "ja": "表が大きすぎて一度に送れないため、{total} 行のうち {shown} 件目までを表示しています。すべての行は CSV にあります。",
        "en": "This table is too large to send to the browser at once: the first {shown} of {total} rows are shown. The CSV has them all.",
    },
    "guard.chart": {
        "ja": "図が大きすぎて一度に送れないため表示していません。同じ数値は表と CSV にあります。",
        "en": "This chart is too large to send to the browser at once, so it is not drawn. Its figures are in the table and the CSV.",
    },
    "build.source_failed": {
        "ja": "data/raw/ の {file} を読み込めませんでした: {message}",
        "en": "{file} in data/raw/ could not be loaded: {message}",
    },
    "build.source_failed.kept": {
        "ja": "この資料は前回読み込めた内容で表示しています。",
        "en": "That document is shown as it was last loaded.",
    },
    "build.source_failed.skipped": {
        "ja": "このファイルは表示に含めていません。ほかの資料はそのまま表示しています。",
        "en": "That file is left out; the other documents are shown as usual.",
    },
    "filter.all": {"ja": "すべて", "en": "All"},
    "filter.none": {"ja": "なし", "en": "None"},
    "grid.name_help": {
        "ja": "長い名前は途中で切れます。セルをダブルクリックすると全文を表示します。",
        "en": "Long names are cut short: double-click a cell to read it whole.",
    },
    "csv.download": {"ja": "CSVをダウンロード", "en": "Download CSV"},
    "source.caption": {
        "ja": "出典: {title}（{source}、sha256 {sha}…）",
        "en": "Source: {title} ({source}, sha256 {sha}…)",
    },
    "glossary.hint": {
        "ja": "用語（再掲・内数・新規など）の意味は「用語集」へ。",
        "en": "What the budget words (re-listed, part of a larger budget, new …) mean: see the Glossary.",
    },
}
