"""Interface text of the Share control (every page, from the router): key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "share.label": {"ja": "共有", "en": "Share"},
    "share.help": {
        "ja": "今の表示（絞り込みを含む）へのリンクと、ほかのページに埋め込むためのHTML",
        "en": "A link to this view (filters included) and the HTML to embed it in another page",
    },
    "share.link": {"ja": "この表示へのリンク", "en": "Link to this view"},
    "share.embed": {
        "ja": "埋め込み用HTML（ナビゲーションとサイドバーなし、絞り込みはURLのまま）",
        "en": "HTML to embed this view (no navigation or sidebar; the filters stay in the URL)",
    },
    "share.embed_link": {"ja": "埋め込み表示を開く", "en": "Open the embedded view"},
}
