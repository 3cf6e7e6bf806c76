"""English names for the document's headings and accounts (a small reviewed mapping).

Keys are the display names the loader writes (NFKC, extraction spaces removed).
Project names are not translated: they stay as printed. The accounts' English names are the
registry's (``loaders/accounts.py``), not repeated here.
"""

from loaders.accounts import REGISTRY

NAMES_EN: dict[str, str] = {
    # pillars
    "国内投資の拡大とイノベーションの加速を通じた新たな経済社会構造への転換": "Toward a new economic and social structure through more domestic investment and faster innovation",
    "最重要課題：福島復興の更なる加速": "Top priority: accelerating Fukushima's reconstruction",
    # themes
    "世界をリードする先端分野への投資促進": "Investment in world-leading advanced fields",
    "イノベーションの推進": "Promoting innovation",
    "構造的課題への対応": "Responding to structural challenges",
    "有志国連携による産業政策・経済安全保障": "Industrial policy and economic security with like-minded countries",
    # sections
    "GXの実現とエネルギー安定供給の確保": "Green transformation (GX) and a stable energy supply",
    "デジタル社会の実現・生成AIへの対応": "A digital society and generative AI",
    "スタートアップ育成・新陳代謝の促進": "Growing start-ups and business renewal",
    "イノベーションエコシステムの構築": "Building an innovation ecosystem",
    "人手不足への対応、賃上げ、人への投資": "Labour shortages, wage increases and investment in people",
    "地域の中堅、中小企業・小規模事業者の発展、投資環境の整備": "Regional mid-sized, small and micro businesses, and the investment environment",
    "物価上昇への対応、レジリエンス": "Rising prices and resilience",
    "国際秩序の再構築に向けた取組": "Rebuilding the international order",
    "経済安全保障の実現": "Economic security",
    "福島復興の更なる加速": "Accelerating Fukushima's reconstruction",
    # the registry's accounts, then the breakdowns and totals of the accounts table
    **{account.name: account.english for account in REGISTRY},
    "中小企業対策費": "SME measures",
    "科学技術振興費": "Science and technology promotion",
    "その他": "Other",
    "エネルギー需給勘定": "Energy Supply and Demand Account",
    "電源開発促進勘定": "Electric Power Development Promotion Account",
    "原子力損害賠償支援勘定": "Nuclear Damage Compensation Support Account",
    "経済産業省関連合計": "METI total",
    # notes in the accounts table
    "GX推進対策費を除く": "excluding GX promotion measures",
    "国庫債務負担行為等も活用し、総額1兆8691億円の投資促進策を新規要求": "new request for ¥1.8691 trillion of investment support in all, using multi-year contract authority too",
}


#: Short titles for the treemap's tiles and path bar, where the whole name does not fit (the
#: hover keeps the whole name). By the same display names; a name not listed is shown whole.
SHORT_NAMES: dict[str, dict[str, str]] = {
    "国内投資の拡大とイノベーションの加速を通じた新たな経済社会構造への転換": {
        "ja": "国内投資・イノベーションによる経済社会構造の転換",
        "en": "Domestic investment and innovation",
    },
    "最重要課題：福島復興の更なる加速": {"ja": "福島", "en": "Fukushima"},
    "世界をリードする先端分野への投資促進": {"ja": "先端分野への投資", "en": "Advanced fields"},
    "イノベーションの推進": {"ja": "イノベーション", "en": "Innovation"},
    "構造的課題への対応": {"ja": "構造的課題", "en": "Structural challenges"},
    "有志国連携による産業政策・経済安全保障": {"ja": "有志国連携・経済安保", "en": "Allies, economic security"},
}


#: Readable URL values of the sections (``/compare?section=gx-energy``), by the same display names.
#: A section not listed here is written by its id.
SECTION_SLUGS: dict[str, str] = {
    "GXの実現とエネルギー安定供給の確保": "gx-energy",
    "デジタル社会の実現・生成AIへの対応": "digital-ai",
    "スタートアップ育成・新陳代謝の促進": "startups",
    "イノベーションエコシステムの構築": "innovation",
    "人手不足への対応、賃上げ、人への投資": "labour-wages",
    "地域の中堅、中小企業・小規模事業者の発展、投資環境の整備": "regional-sme",
    "物価上昇への対応、レジリエンス": "prices-resilience",
    "国際秩序の再構築に向けた取組": "international-order",
    "経済安全保障の実現": "economic-security",
    "福島復興の更なる加速": "fukushima",
}
