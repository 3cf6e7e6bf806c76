"""Interface text of the budget-stages page (予算の行方) and the reference checks: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {
    "nav.stages": {"ja": "予算の行方", "en": "Budget stages"},
    "st.heading": {"ja": "予算の行方：要求から決算まで", "en": "Budget stages: from request to settlement"},
    "st.intro": {
        "ja": "資料の概算要求と、財務省の予算書・決算書データベースの当初予算・補正予算・決算を会計ごとに並べます。"
        "一般会計は特別会計への繰入（事項名に「繰入」を含むもの）を除きます（資料も繰入先の特別会計に計上）。"
        "金額は億円（予算書の円を1億で割った値、丸めなし）。",
        "en": "The document's request beside the Ministry of Finance's budget books: the enacted initial budget, "
        "what supplementary budgets added, and the settled accounts, per account. The general account leaves "
        "out transfers to special accounts (items named as transfers), as the document counts them under "
        "those accounts. Amounts in 100 million yen (the books' yen divided by 100 million, not rounded).",
    },
    "st.year": {"ja": "会計年度", "en": "Fiscal year"},
    "st.account": {"ja": "会計", "en": "Account"},
    "st.stage": {"ja": "事項一覧の段階", "en": "Stage of the item list"},
    "st.stage.opt.initial": {"ja": "当初予算", "en": "Initial budget"},
    "st.stage.opt.supplementary": {"ja": "補正予算", "en": "Supplementary budgets"},
    "st.stage.opt.provisional": {"ja": "暫定予算", "en": "Provisional budget"},
    "st.stage.opt.settled": {"ja": "決算", "en": "Settled accounts"},
    "st.summary": {"ja": "{year}年度の会計別", "en": "FY{year} by account"},
    "st.flow": {"ja": "{account}：{year}年度の流れ", "en": "{account}: FY{year} stage by stage"},
    "st.history": {"ja": "当初予算と補正予算の推移（会計別）", "en": "Initial and supplementary budgets by account"},
    "st.major": {
        "ja": "当初予算と補正予算の推移（一般会計、主要経費別分類）",
        "en": "Initial and supplementary budgets by expense class (general account)",
    },
    "st.jikou": {
        "ja": "{year}年度の事項（{account}、{stage}）",
        "en": "FY{year} items of expenditure ({account}, {stage})",
    },
    "st.jikou.count": {"ja": "{n}件、計{total}", "en": "{n} items, {total} in all"},
    "st.jikou.none": {"ja": "この段階の事項はありません。", "en": "No items at this stage."},
    "st.jikou.link": {
        "ja": "「出典」は予算書のページ（財務省のサイト、https のものだけリンク）。",
        "en": "Source: the budget book's page on the Ministry of Finance site (linked only when it is an https "
        "address on that site).",
    },
    "st.not_comparable": {"ja": "比較できない会計", "en": "Accounts that cannot be compared"},
    "st.no_request": {
        "ja": "資料の要求年度は{year}年度です。この年度の要求額は資料にありません。",
        "en": "The document's request is for FY{year}; it gives no request for this year.",
    },
    "st.settled_general_only": {
        "ja": "決算の事項別内訳は一般会計だけが公開されています（この会計・年度はなし）。",
        "en": "Settled accounts are published item by item for the general account only (none for this "
        "account and year).",
    },
    "st.none": {
        "ja": "予算書のデータ（data/reference/）がないため、表示できません。",
        "en": "No budget-book data (data/reference/) is loaded, so there is nothing to show.",
    },
    "st.ministry_missing": {
        "ja": "予算書のデータに{ministry}の記録がありません。",
        "en": "The budget-book data has no records of {ministry}.",
    },
    "st.stage.request": {"ja": "概算要求（資料）", "en": "Request (the document)"},
    "st.stage.initial": {"ja": "当初予算（成立）", "en": "Initial budget (enacted)"},
    "st.stage.supplementary": {"ja": "補正予算（第{n}号）による増減", "en": "Supplementary budget no. {n}: added"},
    "st.stage.provisional": {"ja": "暫定予算", "en": "Provisional budget"},
    "st.stage.current": {
        "ja": "決算：歳出予算現額（繰越を含む）",
        "en": "Settled: budget available (incl. carry-over)",
    },
    "st.stage.spent": {"ja": "決算：支出済歳出額", "en": "Settled: spent"},
    "st.stage.carried": {"ja": "決算：翌年度繰越額", "en": "Settled: carried over"},
    "st.stage.unused": {"ja": "決算：不用額", "en": "Settled: unused"},
    "st.legend.initial": {"ja": "{group}：当初予算", "en": "{group}: initial budget"},
    "st.legend.supplementary": {"ja": "補正による増減（全体）", "en": "Added by supplementaries (all)"},
    "st.col.stage": {"ja": "段階", "en": "Stage"},
    "st.col.amount": {"ja": "金額（億円）", "en": "Amount (100M yen)"},
    "st.col.year": {"ja": "年度", "en": "Fiscal year"},
    "st.col.account": {"ja": "会計", "en": "Account"},
    "st.col.request": {"ja": "概算要求（億円）", "en": "Request (100M yen)"},
    "st.col.initial": {"ja": "当初予算（億円）", "en": "Initial budget (100M yen)"},
    "st.col.supplementary": {"ja": "補正による増減（億円）", "en": "Added by supplementaries (100M yen)"},
    "st.col.added": {"ja": "補正による増減（億円）", "en": "Added (100M yen)"},
    "st.col.current": {"ja": "歳出予算現額（億円）", "en": "Budget available (100M yen)"},
    "st.col.spent": {"ja": "支出済歳出額（億円）", "en": "Spent (100M yen)"},
    "st.col.carried": {"ja": "翌年度繰越額（億円）", "en": "Carried over (100M yen)"},
    "st.col.unused": {"ja": "不用額（億円）", "en": "Unused (100M yen)"},
    "st.col.major": {"ja": "主要経費別分類", "en": "Expense class"},
    "st.col.budget_type": {"ja": "予算種別", "en": "Budget type"},
    "st.col.section": {"ja": "項", "en": "Heading"},
    "st.col.jikou": {"ja": "事項", "en": "Item of expenditure"},
    "st.col.page": {"ja": "ページ", "en": "Page"},
    "st.col.source": {"ja": "出典", "en": "Source"},
    "st.attribution": {
        "ja": "出典：{publisher}（利用規約：{licence}）。JSON への変換：{converted}。",
        "en": "Source: {publisher} (terms of use: {licence}); converted to JSON by {converted}.",
    },
    # the data-quality page and the project detail
    "st.qa.checks": {
        "ja": "予算書との照合（比較年度の当初予算）",
        "en": "Checked against the budget book (base year's initial budget)",
    },
    "st.qa.checks.help": {
        "ja": "資料に記載された比較額（当初予算）を、予算書の事項の合計と比べます。共管の特別会計は比べられません。",
        "en": "The document's stated base (the initial budget) against the sum of the budget book's items. "
        "Co-managed special accounts cannot be compared.",
    },
    "st.qa.links": {"ja": "行政事業レビューとの対応", "en": "Links to the project reviews"},
    "st.qa.link_rate": {
        "ja": "{total}事業のうち{linked}事業（{rate}）が行政事業レビューの記録に対応しました（曖昧なもの{ambiguous}事業）。",
        "en": "{linked} of {total} projects ({rate}) link to a project-review record ({ambiguous} ambiguously).",
    },
    "st.qa.reviews.none": {
        "ja": "行政事業レビューのデータ（data/reference/）がないため、どの事業も対応づけていません。",
        "en": "No project-review data (data/reference/) is loaded, so no project is linked.",
    },
    "st.qa.reviews.ministry": {
        "ja": "行政事業レビューのデータに{ministry}の記録がないため、この資料の事業はどれも対応づけられません。",
        "en": "The project-review data has no records of {ministry}, so none of this document's projects can be linked.",
    },
    "st.qa.reviews.year": {
        "ja": "行政事業レビューのデータにある{ministry}のレビュー年度は{years}で、{fy}年度予算を扱う{target}年度の"
        "レビューはありません。対応づけには最も近い年度の記録を使っています。",
        "en": "The project-review data has {ministry}'s reviews of {years}; none of {target}, which covers FY{fy}, "
        "so the links use the nearest review year.",
    },
    "st.qa.unlinked": {"ja": "対応のない事業", "en": "Projects without a review record"},
    "st.qa.col.project": {"ja": "事業名", "en": "Project"},
    "st.qa.col.status": {"ja": "結果", "en": "Result"},
    "st.qa.col.document": {"ja": "資料（億円）", "en": "Document (100M yen)"},
    "st.qa.col.book": {"ja": "予算書（億円）", "en": "Budget book (100M yen)"},
    "st.qa.col.difference": {"ja": "差（億円）", "en": "Difference (100M yen)"},
    "st.qa.col.sentence": {"ja": "説明", "en": "In words"},
    "st.rv.heading": {"ja": "行政事業レビュー", "en": "Project review"},
    "st.rv.none": {
        "ja": "対応する行政事業レビューの記録はありません。",
        "en": "No project-review record matches this project.",
    },
    "st.rv.ambiguous": {
        "ja": "事業名が{n}件の記録に合います（どれとも決めていません）。",
        "en": "The name matches {n} records (none is chosen over the others).",
    },
    "st.rv.record": {
        "ja": "予算事業ID {id}（{year}年度レビュー、対応: {match}）",
        "en": "Budget project ID {id} (review {year}, match: {match})",
    },
    "st.rv.bureau": {"ja": "局・庁", "en": "Bureau"},
    "st.rv.category": {"ja": "事業区分", "en": "Category"},
    "st.rv.start": {"ja": "事業開始年度", "en": "Started"},
    "st.rv.purpose": {"ja": "事業の目的", "en": "Purpose"},
    "st.rv.overview": {"ja": "事業の概要", "en": "Overview"},
    "st.rv.url": {"ja": "事業概要URL", "en": "Overview sheet"},
    "st.match.exact": {"ja": "名称が一致", "en": "same name"},
    "st.match.normalized": {"ja": "表記の正規化で一致", "en": "same name once normalized"},
    "st.match.fuzzy": {"ja": "1文字違い", "en": "one character differs"},
    "st.match.part": {"ja": "レビューの（うち…）部分", "en": "part of a larger review record"},
    "st.match.none": {"ja": "対応なし", "en": "none"},
}
