"""A chart's Plotly config: its image download (PNG, a file name saying what it holds) and its
toolbar in the page's language. Pure: no Streamlit.

Plotly's modebar has one image button; its format is PNG here (``toImageButtonOptions``
takes one format, and a second button would need a JavaScript callback, which a
Streamlit chart's config, sent as JSON, cannot carry: so no SVG button). Plotly's
``locale`` needs the locale's dictionary in the browser: Streamlit's Plotly bundle
registers none but English, so the Japanese labels travel in the chart's own config
(``locales``, which Plotly reads before its registry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from dashboard.domain.csvout import csv_filename

#: The modebar's texts in Japanese (Plotly's English keys, as its dictionary is keyed).
JA_MODEBAR = {
    "Download plot as a PNG": "PNG画像としてダウンロード",
    "Download plot": "画像としてダウンロード",
    "Preparing image - this may take a few seconds": "画像を作成しています（数秒かかることがあります）",
    "Image download succeeded": "画像をダウンロードしました",
    "Sorry, there was a problem downloading your image!": "画像をダウンロードできませんでした",
    "Zoom": "拡大範囲を選ぶ",
    "Pan": "移動",
    "Box Select": "四角で選択",
    "Lasso Select": "投げ縄で選択",
    "Zoom in": "拡大",
    "Zoom out": "縮小",
    "Autoscale": "全体を表示",
    "Reset axes": "軸を元に戻す",
    "Reset view": "表示を元に戻す",
    "Show closest data on hover": "いちばん近い値を表示",
    "Compare data on hover": "同じ位置の値を並べて表示",
    "Toggle Spike Lines": "補助線の表示を切り替え",
    "Toggle show closest data on hover": "いちばん近い値の表示を切り替え",
    "Produced with Plotly.js": "Plotly.js で作成",
    "Double-click to zoom back out": "ダブルクリックで元の表示に戻ります",
    "Click to enter Colorscale title": "色の目盛りの見出しを入力",
    "Click to enter legend title": "凡例の見出しを入力",
    "Click to enter X axis title": "横軸の見出しを入力",
    "Click to enter Y axis title": "縦軸の見出しを入力",
    "Double-click on legend to isolate one trace": "凡例をダブルクリックすると、その系列だけを表示します",
    "Snapshot succeeded": "画像を作成しました",
    "Download plot as a png": "PNG画像としてダウンロード",
}


def image_filename(name: str, filters: Mapping[str, object], today: dt.date | None = None) -> str:
    """The image's file name without its extension (Plotly adds ``.png``), as the CSVs name theirs.

    >>> image_filename("compare.bars", {"level": "section", "top": None}, dt.date(2026, 12, 7))
    'compare-bars_level-section_2026-12-07'
    """
    return csv_filename(name.replace(".", "-"), dict(filters), today).removesuffix(".csv")


def chart_config(name: str, filters: Mapping[str, object], lang: str, today: dt.date | None = None) -> dict:
    """Plotly's config for one chart: a PNG download named by :func:`image_filename` (at twice the
    screen's pixels, sharp in a slide), the modebar in ``lang``.

    >>> config = chart_config("priority.bars", {"q": "水素"}, "ja", dt.date(2026, 12, 7))
    >>> config["toImageButtonOptions"]["filename"], config["locale"], config["locales"]["ja"]["dictionary"]["Zoom in"]
    ('priority-bars_q-水素_2026-12-07', 'ja', '拡大')
    >>> "locales" in chart_config("overview.accounts", {}, "en")
    False
    """
    config: dict = {
        "toImageButtonOptions": {"format": "png", "filename": image_filename(name, filters, today), "scale": 2},
        "displaylogo": False,
    }
    if lang == "ja":
        config["locale"] = "ja"
        config["locales"] = {"ja": {"dictionary": JA_MODEBAR}}
    return config
