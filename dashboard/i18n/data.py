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
        "ja": "DuckDB（zip を展開したフォルダで）",
        "en": "DuckDB (in the unzipped package's folder)",
    },
    "data.snippet.r": {"ja": "R（read.csv）", "en": "R (read.csv)"},
    "data.snippet.frictionless": {
        "ja": "検証（frictionless）",
        "en": "Validation (frictionless)",
    },
    "data.sum_rule": {
        "ja": "items の合計は is_primary AND NOT is_portion の行だけで（主掲のみ、内数の額は足さない）。"
        "base_basis のある比較額（例: R4補正）は当初予算ではありません。",
        "en": "Sum items where is_primary AND NOT is_portion only (primary listings; never add a figure that is "
        "part of a larger budget). A base with base_basis set (e.g. the FY2022 supplementary budget) is not an "
        "initial budget.",
    },
    "data.figures": {
        "ja": "資料の総額は accounts 表の kind = 'total' の行（{label}）: 要求 {request}（request_oku {request_oku}）、"
        "当初 {base}。items は各項目の主な事業だけを掲載しているため、{rule} の {n} 事業を足すと {counted}"
        "（request_oku {counted_oku}）で、総額の {share}です（内数 {portion} 件は含めない）。",
        "en": "The document's total is the accounts table's row with kind = 'total' ({label}): request {request} "
        "(request_oku {request_oku}), base {base}. The items list each section's main projects only: the {n} rows "
        "where {rule} add up to {counted} (request_oku {counted_oku}), {share} of the total ({portion} "
        "part-of-a-larger-budget figures left out).",
    },
    "data.licence": {
        "ja": "データ: 出典は政府標準利用規約（第2.0版）で公開された経済産業省の資料で、CC BY 4.0 と互換です"
        "（出典を示して利用できます）。zip に README.md と LICENSE、datapackage.json に licenses があります。"
        "このダッシュボードのコード自体のライセンスは定められていません。",
        "en": "Data: the source is METI's document published under the Government of Japan Standard Terms of Use "
        "(version 2.0), compatible with CC BY 4.0 (use it with credit to the source). The zip holds README.md "
        "and LICENSE; datapackage.json has licenses. The dashboard's code states no licence of its own.",
    },
}
