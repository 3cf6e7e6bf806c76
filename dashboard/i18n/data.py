"""Interface text of the Data page (open data): key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "nav.data": {"ja": "データ", "en": "Open data"},
    "data.heading": {"ja": "データのダウンロード", "en": "Open data"},
    "data.intro": {
        "ja": "このダッシュボードの表を、そのまま分析に使える形で公開しています: Frictionless Data Package "
        "（datapackage.json に列の型・単位・説明・キー）、表ごとのCSV（UTF-8、列名は英字、数値はそのまま、"
        "真偽値は true/false）とParquet、すべてをまとめたzip。URLは固定で、表を作り直すと同時に更新されます。",
        "en": "The dashboard's tables as a Frictionless Data Package, ready for pandas, R, Excel or DuckDB: "
        "datapackage.json (each column's type, unit, description and the keys), one CSV per table (UTF-8, "
        "contract column names, plain numbers, booleans true/false) and Parquet, and one zip of it all. "
        "The URLs are stable; the files are rebuilt with the tables.",
    },
    "data.built": {
        "ja": "ローダー {version}、原文 sha256 {sha}…、パッケージ {size}（zip）",
        "en": "Loader {version}, source sha256 {sha}…, package {size} (zip)",
    },
    "data.missing": {
        "ja": "データパッケージがまだありません（表を作り直すと作られます）。",
        "en": "The data package is not there yet (it is written when the tables are built).",
    },
    "data.zip": {"ja": "すべて（zip）", "en": "Everything (zip)"},
    "data.descriptor": {"ja": "datapackage.json", "en": "datapackage.json"},
    "data.tables": {"ja": "表", "en": "Tables"},
    "data.col.table": {"ja": "表", "en": "table"},
    "data.col.rows": {"ja": "行数", "en": "rows"},
    "data.col.columns": {"ja": "列数", "en": "columns"},
    "data.col.description": {"ja": "内容", "en": "description"},
    "data.col.column": {"ja": "列", "en": "column"},
    "data.col.type": {"ja": "型", "en": "type"},
    "data.col.unit": {"ja": "単位", "en": "unit"},
    "data.col.required": {"ja": "必須", "en": "required"},
    "data.urls": {"ja": "URL", "en": "URLs"},
    "data.urls.caption": {
        "ja": "このサーバーが配信する固定のURLです。スクリプトから直接読めます。",
        "en": "Stable URLs served by this server; scripts can read them directly.",
    },
    "data.table": {"ja": "表を選ぶ", "en": "Table"},
    "data.columns": {"ja": "{table} の列", "en": "Columns of {table}"},
    "data.csv": {"ja": "CSV", "en": "CSV"},
    "data.parquet": {"ja": "Parquet", "en": "Parquet"},
    "data.csv.raw": {
        "ja": "このCSVは機械向けで、セルは原文どおりです（= + - @ で始まる文字もそのまま）。"
        "Excelで開くと数式として実行されることがあります。表計算ソフトには各ページの「CSV」ボタンを使ってください。",
        "en": "This CSV is for machines: cells are as in the source, including text starting with = + - @, "
        "which a spreadsheet may run as a formula. For Excel, use the CSV button under each page's table.",
    },
    "data.snippets": {"ja": "読み込みの例", "en": "Reading it"},
    "data.snippet.pandas": {"ja": "pandas（URLから）", "en": "pandas (from the URL)"},
    "data.snippet.duckdb": {
        "ja": "DuckDB（ダウンロードしたファイルで）",
        "en": "DuckDB (on a downloaded file)",
    },
    "data.snippet.r": {"ja": "R（read.csv）", "en": "R (read.csv)"},
    "data.snippet.frictionless": {
        "ja": "検証（frictionless）",
        "en": "Validation (frictionless)",
    },
    "data.sum_rule": {
        "ja": "合計は items の is_primary が true の行だけで。is_portion（内数）の額は足さないでください。",
        "en": "Sum items with is_primary = true only, and never add is_portion (内数) figures.",
    },
}
