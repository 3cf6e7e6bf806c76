"""Interface text of the sidebar's "load a summary" box: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "up.heading": {"ja": "資料を読み込む", "en": "Load a summary"},
    "up.intro": {
        "ja": "概算要求等概要のテキスト（UTF-8〔BOMの有無は問わない〕または CP932、5 MB まで）を読み込むと、このブラウザで"
        "だけ表示できます。サーバーのデータには保存されず、ほかの利用者には見えません。共有リンクではアップロードした資料を"
        "渡せません（リンクを開いた人には既定の資料が表示されます）。",
        "en": "Load the text of a budget-request summary (UTF-8 with or without BOM, or CP932; up to 5 MB) to view it in this "
        "browser only. It is not saved with the server's data and no one else sees it. A shared link cannot carry "
        "an uploaded document (whoever opens the link sees the default document).",
    },
    "up.keep": {
        "ja": "再読み込みしても、このブラウザを閉じるまで（最長8時間）このサーバーが覚えています。ブラウザを閉じると消えます。",
        "en": "A page reload keeps it until this browser is closed (at most 8 hours) on this server; closing the "
        "browser forgets it.",
    },
    "up.label": {"ja": "テキストファイル（5 MB まで）", "en": "Text file (up to 5 MB)"},
    "up.too_big": {
        "ja": "5 MB を超えるファイルは上の欄が受け付けず、赤い印を付けます（サーバーには届きません）。概算要求等概要は 50 kB 程度です。",
        "en": "A file over 5 MB is refused by the box above and marked red (it never reaches the server). A "
        "budget-request summary is about 50 kB.",
    },
    "up.failed": {"ja": "この資料は読み込めませんでした:", "en": "This summary could not be loaded:"},
    "up.loaded": {"ja": "読み込みました: {title}", "en": "Loaded: {title}"},
    "up.warnings": {"ja": "注意 {n} 件（データ品質のページに表示）", "en": "{n} warnings (see Data quality)"},
    "up.package": {"ja": "表をダウンロード（zip）", "en": "Download its tables (zip)"},
    "up.remove": {"ja": "外す", "en": "Remove"},
    "up.share_note": {
        "ja": "この資料はこのブラウザで読み込んだもので、リンクでは共有できません。リンクを開いた人には既定の資料が表示されます。",
        "en": "This document was loaded in this browser and cannot be shared by a link: whoever opens the link sees "
        "the default document.",
    },
    "up.link_note": {
        "ja": "このリンクの資料 {doc} は別のブラウザで読み込まれたもので、共有できません。既定の資料を表示しています。",
        "en": "This link names {doc}, a document uploaded in another browser; uploads cannot be shared, so the "
        "default document is shown.",
    },
}
