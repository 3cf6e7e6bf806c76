"""Interface text of the treemap page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "tm.heading": {"ja": "構成（施策体系のツリーマップ）", "en": "Composition (treemap of the policy areas)"},
    "tm.intro": {
        "ja": "柱 → 項目 → 施策 → 事業。面積は資料に記載された施策の合計に合わせ、個別に掲載されていない分は"
        "「未掲載」として示します。一度に2階層を表示し、タイルをクリックすると1階層下へ、上部のパスで戻ります。",
        "en": "Pillar → theme → section → project. Areas match the sections' stated totals; the part the "
        "document does not itemise is the “not itemised” tile. Two levels are shown at a time: click a tile to go "
        "one level down, the path bar to go back.",
    },
    "tm.size": {"ja": "面積", "en": "Size by"},
    "tm.size.request": {"ja": "{year}要求", "en": "{year} request"},
    "tm.size.base": {"ja": "{year}当初", "en": "{year} budget"},
    "tm.color": {"ja": "色", "en": "Colour by"},
    "tm.color.change": {"ja": "増減率", "en": "Change rate"},
    "tm.color.account": {"ja": "会計", "en": "Account"},
    "tm.portion": {"ja": "内数", "en": "Part-of figures"},
    "tm.portion.option": {"ja": "内数の事業も表示", "en": "Show part-of projects"},
    "tm.focus": {"ja": "施策に絞る", "en": "Open at section"},
    "tm.focus.all": {"ja": "全体", "en": "Everything"},
    "tm.root": {"ja": "施策体系の合計", "en": "All policy areas"},
    "tm.unlisted": {"ja": "未掲載（個別記載なし）", "en": "not itemised"},
    "tm.mark.new": {"ja": "【新規】", "en": "[new] "},
    "tm.mark.portion": {"ja": "【内数】", "en": "[part of a larger budget] "},
    "tm.flag.new": {"ja": "新規", "en": "new"},
    "tm.nobase": {"ja": "前年度当初なし", "en": "no initial budget last year"},
    "tm.hover.request": {"ja": "{year} 要求額: {amount}", "en": "{year} request: {amount}"},
    "tm.hover.base": {"ja": "{year} 当初予算額: {amount}", "en": "{year} initial budget: {amount}"},
    "tm.hover.change": {"ja": "増減（{base}→{request}）", "en": "Change, {base} vs {request}"},
    "tm.hover.account": {"ja": "会計", "en": "Account"},
    "tm.hover.partial": {"ja": "（一部）", "en": " (partly)"},
    "tm.hover.flags": {"ja": "区分", "en": "Flags"},
    "tm.hover.stated": {"ja": "資料の合計 {year} 要求額: {amount}", "en": "Stated total, {year} request: {amount}"},
    "tm.hover.stated_base": {
        "ja": "資料の合計 {year} 当初予算額: {amount}",
        "en": "Stated total, {year} initial budget: {amount}",
    },
    "tm.hover.listed": {
        "ja": "掲載事業（{year}）: {listed}（{n}件）",
        "en": "Listed projects ({year}): {listed} ({n})",
    },
    "tm.hover.unlisted": {
        "ja": "{year} 資料の合計 {stated} − 掲載事業 {listed} = {rest}",
        "en": "{year} stated total {stated} − listed projects {listed} = {rest}",
    },
    "tm.over": {
        "ja": "掲載事業の合計 {listed} が資料の合計 {stated} を {over} 上回る（{year}。一部のみこの施策に該当する事業を含むため）",
        "en": "Listed projects {listed} exceed the stated total {stated} by {over} ({year}; some count only "
        "partly toward this section)",
    },
    "tm.over.short": {
        "ja": "⚠ この施策は掲載事業の合計が資料の合計を上回る（施策ごとの表を参照）",
        "en": "⚠ this section's listed projects exceed its stated total (see the section table)",
    },
    "tm.note.size.request": {"ja": "面積: 要求額。", "en": "Size: request."},
    "tm.note.size.base": {"ja": "面積: 前年度当初予算額。", "en": "Size: initial budget of the year before."},
    "tm.note.portion_out": {
        "ja": "内数の事業{n}件（{amount}）は除外。",
        "en": "{n} projects that are part of a larger budget ({amount}) left out.",
    },
    "tm.note.portion_in": {
        "ja": "内数の事業を全体額で表示（実際にはその一部のみが該当）。",
        "en": "Projects that are part of a larger budget shown at their whole amount (only part serves the section).",
    },
    "tm.note.no_size.request": {
        "ja": "要求額のない事業{n}件は面積なし。",
        "en": "{n} projects without a request have no area.",
    },
    "tm.note.no_size.base": {
        "ja": "前年度当初予算のない事業（新規・補正比較）{n}件は面積なし。",
        "en": "{n} projects without an initial budget last year (new, or compared with a supplementary budget) "
        "have no area.",
    },
    "tm.note.reference": {
        "ja": "※参考額（補正・基金）は含まず、下の「※参考の額」に一覧。",
        "en": "Reference-only money (supplementary budgets, funds) not included; "
        "listed in the tab “For reference” below.",
    },
    "tm.note.unlisted_row": {"ja": "資料の合計 − 掲載事業", "en": "stated total − listed projects"},
    "tm.legend.change": {
        "ja": "色: 増減率（前年度当初予算→要求額）の区分。▲は減少。新規と、比較額が補正予算の事業は別の色。"
        "区分はグラフ下の凡例のとおり。",
        "en": "Colour: the band of the change rate (initial budget of the year before → request); − is a "
        "decrease. New projects and those compared with a supplementary budget have their own colours, "
        "named in the legend under the chart.",
    },
    "tm.legend.account": {
        "ja": "色: 会計（グラフ下の凡例のとおり）。",
        "en": "Colour: the account (named in the legend under the chart).",
    },
    "tm.legend.nobase": {"ja": "比較額が補正予算（率なし）", "en": "compared with a supplementary budget (no rate)"},
    "tm.band": {"ja": "{low}〜{high}", "en": "{low} to {high}"},
    "tm.band.low": {"ja": "{rate}以上の減", "en": "{rate} or less"},
    "tm.band.high": {"ja": "{rate}以上", "en": "{rate} or more"},
    "tm.unlisted.what": {
        "ja": "資料の合計のうち個別に掲載されていない分",
        "en": "the part of the stated total the document does not itemise",
    },
    "tm.focus.link": {"ja": "「{section}」の事業一覧を開く", "en": "Open the project list of “{section}”"},
    "tm.focus.hint": {
        "ja": "小さな施策は「施策に絞る」で開けます。開いた施策からは事業一覧へ移れます。",
        "en": "Small sections open through “Open at section”; an opened section links to its project list.",
    },
    "tm.glossary.hint": {
        "ja": "用語（再掲・内数・新規など）の意味は「用語集」へ。",
        "en": "What the budget words (re-listed, part of a larger budget, new …) mean: see the Glossary.",
    },
    "tm.tab.tiles": {"ja": "タイルの表", "en": "Tiles"},
    "tm.tab.sections": {"ja": "施策の合計", "en": "Section totals"},
    "tm.tab.references": {"ja": "※参考の額", "en": "For reference"},
    "tm.table": {"ja": "ツリーマップの内容（タイルごと）", "en": "What the treemap shows (one row per tile)"},
    "tm.sections": {"ja": "施策ごとの合計と未掲載分", "en": "Section totals and the part not itemised"},
    "tm.references": {
        "ja": "※参考: 本要求に含まれない額（補正予算・基金）",
        "en": "For reference: money not part of this request (supplementary budgets, funds)",
    },
    "tm.col.section": {"ja": "施策", "en": "Section"},
    "tm.col.name": {"ja": "事業名", "en": "Project"},
    "tm.col.size": {"ja": "面積 {year}（億円）", "en": "Area, {year} (100M yen)"},
    "tm.col.request": {"ja": "{year} 要求額（億円）", "en": "{year} request (100M yen)"},
    "tm.col.base": {"ja": "{year} 当初予算額（億円）", "en": "{year} initial budget (100M yen)"},
    "tm.col.change": {"ja": "増減（億円）", "en": "Change (100M yen)"},
    "tm.col.pct": {"ja": "増減率（%）", "en": "Change (%)"},
    "tm.col.account": {"ja": "会計", "en": "Account"},
    "tm.col.notes": {"ja": "区分・注記", "en": "Flags and notes"},
    "tm.col.stated": {"ja": "資料の合計 {year}（億円）", "en": "Stated total, {year} (100M yen)"},
    "tm.col.listed": {"ja": "掲載事業の計 {year}（億円）", "en": "Listed projects, {year} (100M yen)"},
    "tm.col.unlisted": {"ja": "未掲載（億円）", "en": "Not itemised (100M yen)"},
    "tm.col.over": {"ja": "掲載超過（億円）", "en": "Listed above stated (100M yen)"},
    "tm.col.tile": {"ja": "タイルの面積（億円）", "en": "Tile area (100M yen)"},
    "tm.col.n_listed": {"ja": "掲載事業数", "en": "Listed projects"},
    "tm.col.status": {"ja": "状態", "en": "Status"},
    "tm.col.reference": {"ja": "参考額（億円）", "en": "Reference amount (100M yen)"},
    "tm.col.basis": {"ja": "財源", "en": "Source of the money"},
    "tm.status.unlisted": {
        "ja": "一部のみ個別掲載（残りは未掲載タイル）",
        "en": "Partly itemised (rest in the not-itemised tile)",
    },
    "tm.status.match": {"ja": "掲載事業で合計に一致", "en": "Listed projects match the total"},
    "tm.none": {"ja": "表示できる事業がありません。", "en": "Nothing to show."},
}
