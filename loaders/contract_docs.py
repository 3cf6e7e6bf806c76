"""What every table and column means, in English and Japanese, taken from DATA_CONTRACT.md.

The data package (:mod:`loaders.package`) and the Data page print these; a test checks
that every column of every table in :mod:`loaders.schema` has both languages.
Column docs are looked up per table first, then in :data:`COMMON` (columns that mean
the same in every table, such as ``document_id``), so a column is described once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Doc:
    """A description in both languages; ``unit`` for amounts (the contract's 億円)."""

    en: str
    ja: str
    unit: str | None = None

    def text(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


OKU = "億円 (100 million yen)"

TABLE_DOCS: dict[str, Doc] = {
    "documents": Doc(
        "One row per source document (a budget-request summary): its years, source file and checksum.",
        "資料1件につき1行。年度、原文ファイル、チェックサム。",
    ),
    "accounts": Doc(
        "The summary table at the top of the document: each account, its breakdown (“of which”) rows and the total.",
        "資料冒頭の総括表。会計ごとの要求額・当初予算額と「うち」内訳、合計。",
    ),
    "sections": Doc(
        "The policy hierarchy (pillar → theme → section) with each section's stated totals.",
        "施策の階層（柱 → テーマ → 項目）と、各項目に記載された合計額。",
    ),
    "policies": Doc(
        "The descriptive policy paragraphs that head each group of projects.",
        "事業のまとまりの前に置かれた施策の説明文。",
    ),
    "items": Doc(
        "One row per listing of a budget project, in document order; each section lists its main projects only, "
        "so the items add up to a part of the document's total (the accounts table's total row). "
        "Sum rows where is_primary AND NOT is_portion (primary listings, no 内数).",
        "予算事業の掲載1件につき1行（資料の順）。各項目の主な事業だけが掲載されているため、合計は資料の総額"
        "（accounts の total 行）の一部。合計は is_primary が真で is_portion（内数）が偽の行だけで行う。",
    ),
    "priority_requests": Doc(
        "The 重要政策推進枠 (priority-policy quota) list, each request matched to its project where possible.",
        "重要政策推進枠の要望一覧。可能なものは事業一覧の事業に対応付け。",
    ),
    "matter_requests": Doc(
        "The 事項要求 topics: requests made without an amount.",
        "事項要求（金額を示さない要求）の項目。",
    ),
    "reconciliation": Doc(
        "Every total the document states, checked against the sum of its parts (tolerance 0.5億円 per figure).",
        "資料に記載されたすべての合計と、内訳の合計との照合（1数値あたり0.5億円の丸め許容）。",
    ),
    "parse_log": Doc(
        "Lines of the source the loader did not turn into data, and anything it doubted.",
        "データにしなかった原文の行と、読み取りに疑いのある行。",
    ),
}

COMMON: dict[str, Doc] = {
    "document_id": Doc("Document the row belongs to (from the source file name).", "資料ID（原文のファイル名から）。"),
    "order": Doc("Position in the document (1, 2, …).", "資料内の順番（1, 2, …）。"),
    "source_line": Doc("Line number in the source text (1-based).", "原文テキストの行番号（1から）。"),
    "raw": Doc("The source line as extracted.", "原文の行（抽出したまま）。"),
    "request_oku": Doc("Requested amount for the request year (概算要求).", "要求年度の概算要求額。", OKU),
    "base_oku": Doc(
        "Comparison amount: the current year's initial budget (当初予算); empty for 新規.",
        "比較対象の額（今年度の当初予算額）。新規は空欄。",
        OKU,
    ),
    "name": Doc("Name as printed (spaces from extraction removed).", "名称（抽出で入った空白を除く）。"),
    "section_id": Doc("Policy section (sections.section_id).", "施策の項目（sections.section_id）。"),
    "project_key": Doc(
        "Same for every listing of one project (NFKC, no spaces).", "同じ事業の掲載に共通のキー（NFKC、空白なし）。"
    ),
    "text": Doc("The text as printed.", "本文。"),
    "note": Doc("Note printed beside the figures, or how the check was made.", "注記。"),
}

COLUMN_DOCS: dict[str, dict[str, Doc]] = {
    "documents": {
        "title": Doc("Title of the document.", "資料の表題。"),
        "ministry": Doc("Ministry (e.g. 経済産業省).", "府省名（例: 経済産業省）。"),
        "request_year_label": Doc("Request year as printed (令和6年度).", "要求年度の表記（令和6年度）。"),
        "request_fiscal_year": Doc("Request fiscal year (2024).", "要求年度（西暦、2024）。"),
        "base_year_label": Doc("Comparison year as printed (令和5年度).", "比較年度の表記（令和5年度）。"),
        "base_fiscal_year": Doc("Comparison fiscal year (2023).", "比較年度（西暦、2023）。"),
        "unit": Doc("Unit of every amount (億円).", "金額の単位（億円）。"),
        "source_file": Doc("Source text file, relative to the project.", "原文テキストのファイル。"),
        "source_sha256": Doc("SHA-256 of the source file's bytes.", "原文ファイルのSHA-256。"),
        "source_encoding": Doc("Encoding the source was read with.", "原文の文字コード。"),
        "source_lines": Doc("Number of lines in the source.", "原文の行数。"),
        "loaded_at": Doc("When the loader read the source (UTC).", "読み込んだ日時（UTC）。"),
        "loader_version": Doc("Version of the loader that built the tables.", "表を作ったローダーの版。"),
    },
    "accounts": {
        "account": Doc("Account name (without うち、).", "会計名（「うち、」を除く）。"),
        "parent": Doc("The account a うち row breaks down; empty otherwise.", "うち行の親の会計。それ以外は空欄。"),
        "kind": Doc(
            "account | breakdown (a うち row) | total.", "account（会計）| breakdown（うち行）| total（合計）。"
        ),
        "code": Doc(
            "ASCII code of the account (general, energy, gx, patent, reconstruction; other-… for an account the "
            "registry does not know); empty for うち and total rows.",
            "会計のASCIIコード（general, energy, gx, patent, reconstruction。登録にない会計は other-…）。"
            "うち行・合計行は空欄。",
        ),
    },
    "sections": {
        "section_id": Doc("Stable, readable id of the section (p1-t1-s1).", "項目の固定ID（p1-t1-s1）。"),
        "pillar": Doc("The pillar (top heading) the section is under.", "項目が属する柱（最上位の見出し）。"),
        "theme_no": Doc("Theme number as printed ((1)), or empty.", "テーマ番号（(1)）。ない場合は空欄。"),
        "theme": Doc("Theme heading, or empty.", "テーマの見出し。ない場合は空欄。"),
        "section_no": Doc("Section marker as printed (①), or empty.", "項目番号（①）。ない場合は空欄。"),
        "name": Doc("Section heading.", "項目の見出し。"),
        "request_oku": Doc("The section's stated 【total】 request.", "項目に記載された【合計】の要求額。", OKU),
        "base_oku": Doc("The section's stated 【total】 comparison amount.", "項目に記載された【合計】の比較額。", OKU),
    },
    "policies": {
        "policy_id": Doc("Id of the paragraph.", "施策の説明文のID。"),
    },
    "items": {
        "item_id": Doc("Id of the listing (unique per document).", "掲載のID（資料内で一意）。"),
        "policy_id": Doc(
            "The paragraph (policies.policy_id) above it, if any.", "直前の施策の説明文（policies.policy_id）。"
        ),
        "base_oku": Doc(
            "Comparison amount as printed: the base year's initial budget (当初予算), except where base_basis is "
            "set (then it is that budget's figure, e.g. R4補正: never compare it as an initial budget nor compute "
            "a change from it); empty for 新規.",
            "比較額（資料の記載どおり）。原則は前年度の当初予算額。base_basis があるときはその予算の額"
            "（例: R4補正）で、当初予算として比べたり増減を計算したりしない。新規は空欄。",
            OKU,
        ),
        "base_basis": Doc(
            "Where the comparison figure comes from when it is not the base year's initial budget (R4補正); "
            "such a base_oku is not an initial budget. Empty when base_oku is the initial budget.",
            "比較額が当初予算でないときの出所（R4補正）。このときの base_oku は当初予算額ではない。"
            "当初予算のときは空欄。",
        ),
        "reference_oku": Doc(
            "※ rows: the reference amount (supplementary-budget or fund money).", "※の行: 参考額（補正・基金）。", OKU
        ),
        "reference_basis": Doc("※ rows: what the reference amount is (R4補正).", "※の行: 参考額の出所（R4補正）。"),
        "is_new": Doc("新規: no budget last year (base empty).", "新規（前年度の予算なし、比較額は空欄）。"),
        "is_portion": Doc(
            "内数: the figure is a larger budget; never summed.", "内数（大きな予算全体の額。合計しない）。"
        ),
        "is_relisted": Doc("再掲: listed earlier; not counted again.", "再掲（前に掲載済み。再度数えない）。"),
        "is_forward": Doc("後掲: listed again later, where it is counted.", "後掲（後で掲載し、そこで数える）。"),
        "is_reference": Doc("※: context only, not part of this request.", "※（参考。今回の要求に含まれない）。"),
        "account": Doc("Account that funds the project.", "事業の財源となる会計。"),
        "account_partial": Doc("Only partly funded by that account (一部).", "その会計で一部のみ（一部GXなど）。"),
        "multiyear_oku": Doc("国庫債務負担行為: multi-year contract authority.", "国庫債務負担行為の額。", OKU),
        "multiyear_years": Doc("Years of the multi-year contract authority.", "国庫債務負担行為の年数。"),
        "base_is_portion": Doc("The comparison figure is a 内数 too.", "比較額も内数。"),
        "is_primary": Doc(
            "The project's primary listing (not 再掲, 後掲 or ※): sums use these rows, without 内数 "
            "(is_primary AND NOT is_portion).",
            "主掲（再掲・後掲・※以外）。合計はこの行で、内数を除いて行う（is_primary かつ is_portion でない）。",
        ),
    },
    "priority_requests": {
        "request_id": Doc("Id of the request.", "要望のID。"),
        "request_oku": Doc("Amount requested under the quota (要望額).", "要望額。", OKU),
        "matched_item_id": Doc(
            "Primary listing of the same project (items.item_id), else empty.", "同じ事業の主掲（items.item_id）。"
        ),
        "section_id": Doc("Section of the matched listing.", "対応する掲載の項目。"),
        "match": Doc("exact | fuzzy (one-character variant) | none.", "exact（一致）| fuzzy（表記ゆれ）| none。"),
        "match_score": Doc("Similarity of the names (0–1).", "名称の類似度（0〜1）。"),
        "is_transfer": Doc(
            "A transfer between accounts (繰入) that funds projects listed elsewhere.",
            "会計間の繰入（他の事業の財源）。",
        ),
    },
    "matter_requests": {
        "requested_by": Doc("Who makes the request, as printed.", "要求する府省（記載のとおり）。"),
    },
    "reconciliation": {
        "scope": Doc("What is checked: accounts | sections | priority_requests.", "照合の対象。"),
        "label": Doc("The total and its parts, in words.", "照合する合計と内訳。"),
        "measure": Doc("request | base.", "request（要求額）| base（当初予算額）。"),
        "ref_id": Doc("The account or section_id checked.", "照合した会計または section_id。"),
        "stated_oku": Doc("Total as printed.", "資料に記載された合計。", OKU),
        "computed_oku": Doc("Sum of the parts (内数 never included).", "内訳の合計（内数は含めない）。", OKU),
        "difference_oku": Doc("stated − computed.", "記載 − 計算。", OKU),
        "tolerance_oku": Doc("Rounding allowance: 0.5 per summed figure.", "丸めの許容（1数値あたり0.5）。", OKU),
        "status": Doc("ok | rounding (within tolerance) | gap.", "ok | rounding（許容内）| gap（差あり）。"),
        "involves_transfer": Doc(
            "True when the summed rows include a transfer between accounts (繰入), which funds projects listed "
            "elsewhere.",
            "合計に会計間の繰入（他で掲載の事業の財源）を含むとき true。",
        ),
        "parts": Doc("Number of figures summed.", "合計した数値の数。"),
    },
    "parse_log": {
        "source_line": Doc("Line number in the source, or empty for the whole file.", "原文の行番号。"),
        "level": Doc("info | warning | error.", "info | warning | error。"),
        "message": Doc(
            "What the loader made of the line (English, made from code and params).", "ローダーの判断（英語）。"
        ),
        "text": Doc("The source line.", "原文の行。"),
        "code": Doc(
            "A stable code for what the loader made of the line (e.g. header-years: the title's year and the "
            "accounts table's header years disagree; note: a note or legend); the app says it in words by this "
            "code, so a reworded message keeps its translation.",
            "行の扱いを表す固定コード（例: header-years は表題の年度と会計表の見出しの年度が合わない、note は注記・凡例）。"
            "画面はこのコードで各言語の文にする。",
        ),
        "params": Doc(
            'The code\'s parameters as a JSON object (e.g. {"number": "(1)"} for a theme heading); {} when none.',
            'コードの引数（JSONオブジェクト。例: テーマ見出しの {"number": "(1)"}）。なければ {}。',
        ),
    },
}


def column_doc(table: str, column: str) -> Doc:
    """The description of ``column`` in ``table`` (the table's own, else the common one).

    >>> column_doc("items", "is_new").en
    '新規: no budget last year (base empty).'
    >>> column_doc("items", "document_id").unit is None
    True
    """
    own = COLUMN_DOCS.get(table, {})
    if column in own:
        return own[column]
    if column in COMMON:
        return COMMON[column]
    raise KeyError(f"no description for {table}.{column}")


# --- reference tables (budget books, project reviews; loaders/reference.py) ---------------

_YEN = "円 (yen)"
TABLE_DOCS.update(
    {
        "budget_items": Doc(
            "Budget books: one row per item of expenditure, fiscal year and budget stage. Yen as published, and "
            "100 million yen converted exactly (not rounded). Source: 財務省「予算書・決算書データベース」(bb.mof.go.jp), "
            "Japan's Government Standard Terms of Use 2.0 (compatible with CC BY 4.0), converted by "
            "igomuni/marumie-rssystem (MIT). Never add stages together.",
            "予算書・決算書（財務省 予算書・決算書データベース）の事項別内訳。年度・予算の段階ごとに1事項1行。"
            "円（原典）と億円（換算、丸めなし）。出典: 財務省、政府標準利用規約（第2.0版）、変換は"
            "igomuni/marumie-rssystem（MIT）。段階をまたいで合算しない。",
        ),
        "review_records": Doc(
            "Administrative project reviews (RS system), sheet 1-2: one row per budget project and review year. "
            "Source: 内閣官房行政改革推進本部事務局「行政事業レビュー見える化サイト（RSシステム）」(rssystem.go.jp), Japan's "
            "Government Standard Terms of Use 2.0, converted by igomuni/marumie-rssystem (MIT).",
            "行政事業レビュー（RSシステム）の基本情報・事業概要。レビュー年度・予算事業ごとに1行。出典: "
            "内閣官房行政改革推進本部事務局、政府標準利用規約（第2.0版）、変換は igomuni/marumie-rssystem（MIT）。",
        ),
        "reference_sources": Doc(
            "The reference files the tables were built from: kind, year, records, sha256, publisher, licence.",
            "参照データのファイル。種類、年度、件数、SHA-256、出典、利用規約。",
        ),
        "review_links": Doc(
            "Each primary project of the document linked to its review record(s) by name; an ambiguous link is "
            "several rows flagged ambiguous, a project without a match one row with match none.",
            "資料の事業（主掲）と行政事業レビューの対応（名称による）。曖昧な対応は ambiguous の付いた複数行、"
            "対応なしは match が none の1行。",
        ),
        "budget_checks": Doc(
            "The document's stated base figures (accounts.base_oku) against the budget book's initial budget, per "
            'account and breakdown ("of which") row, with a sentence.',
            "資料記載の比較額（accounts.base_oku）と予算書の当初予算との照合。会計・うち行ごと、説明文付き。",
        ),
    }
)


def _amount_docs(stem: str, en: str, ja: str) -> dict[str, Doc]:
    return {
        f"{stem}_yen": Doc(f"{en}, in yen as the source gives it.", f"{ja}（円、原典のまま）。", _YEN),
        f"{stem}_oku": Doc(
            f"{en}, in 億円 (yen / 100,000,000, not rounded).", f"{ja}（億円、円÷1億、丸めなし）。", OKU
        ),
    }


COLUMN_DOCS.update(
    {
        "budget_items": {
            "fiscal_year": Doc("Fiscal year (2024 = 令和6年度).", "会計年度（西暦、2024 = 令和6年度）。"),
            "stage": Doc(
                "Budget stage: initial | supplementary | provisional | settled.",
                "予算の段階: initial（当初）| supplementary（補正）| provisional（暫定）| settled（決算）。",
            ),
            "supplementary_no": Doc("Number of the supplementary budget (第N号); empty otherwise.", "補正予算の号数。"),
            "budget_type": Doc("The stage as the source names it (補正予算（第1号）).", "原典の予算種別名。"),
            "account_type": Doc("general | special | agency (政府関係機関).", "一般会計 | 特別会計 | 政府関係機関。"),
            "account": Doc("一般会計, or the special account's name.", "一般会計、または特別会計名。"),
            "sub_account": Doc("勘定 of a special account, or empty.", "特別会計の勘定。"),
            "ministry": Doc(
                "所管; for a co-managed special account, every managing ministry.",
                "所管。共管の特別会計は所管する府省すべて。",
            ),
            "organization": Doc(
                "組織 (e.g. 経済産業本省, 資源エネルギー庁).", "組織（経済産業本省、資源エネルギー庁など）。"
            ),
            "section_code": Doc("Code of the 項.", "項のコード。"),
            "section_name": Doc("項 (the appropriation heading).", "項の名称。"),
            "major_expense_code": Doc("Code of the 主要経費別分類.", "主要経費別分類のコード。"),
            "major_expense_name": Doc("主要経費別分類 (中小企業対策費, 科学技術振興費 …).", "主要経費別分類。"),
            "name": Doc("事項 name as printed.", "事項名。"),
            "is_transfer": Doc(
                "A transfer to a special account (繰入 in the name): counted again there.",
                "特別会計への繰入（名称に繰入）。繰入先で再び計上される。",
            ),
            **_amount_docs(
                "amount", "Budget amount (補正: the revised budget; 決算: 歳出予算額)", "予算額（補正は改予算額）"
            ),
            **_amount_docs(
                "previous",
                "Comparison: previous year's budget after supplementaries (当初) or the budget before this revision (補正)",
                "比較額（当初: 前年度補正後予算額、補正: 補正前予算額）",
            ),
            **_amount_docs(
                "difference", "Difference (補正: what this supplementary added)", "差引額（補正: 補正による増減）"
            ),
            **_amount_docs("current", "決算: budget available (歳出予算現額, with carry-over)", "決算: 歳出予算現額"),
            **_amount_docs("spent", "決算: spent (支出済歳出額)", "決算: 支出済歳出額"),
            **_amount_docs("carried_over", "決算: carried over to the next year (翌年度繰越額)", "決算: 翌年度繰越額"),
            **_amount_docs("unused", "決算: unused (不用額)", "決算: 不用額"),
            "description": Doc("説明 as printed.", "説明。"),
            "book_document_id": Doc("The budget book's document id (202411001).", "予算書の帳票ID。"),
            "page": Doc("Page of the budget book.", "予算書のページ。"),
            "source_url": Doc("The budget book page's URL (MOF XML).", "予算書のページのURL（財務省XML）。"),
            "item_key": Doc(
                "The source's key of the 事項 (no official id exists).", "原典の事項キー（公式IDはない）。"
            ),
            "record_id": Doc("The source's record id (unique within a year).", "原典の記録ID（年度内で一意）。"),
        },
        "review_records": {
            "review_year": Doc("Review year (2025 covers the FY2024 budget's projects).", "レビュー年度。"),
            "project_id": Doc("予算事業ID (stable across years).", "予算事業ID（年度をまたいで同じ）。"),
            "name": Doc("事業名.", "事業名。"),
            "ministry": Doc("府省.", "府省。"),
            "bureau": Doc("Bureau (局・庁).", "局・庁。"),
            "category": Doc("新規事業 / 前年度事業 …", "事業区分（新規事業・前年度事業など）。"),
            "start_year": Doc("Year the project started.", "事業開始年度。"),
            "end_year": Doc("Year the project ends, if set.", "事業終了（予定）年度。"),
            "purpose": Doc("事業の目的.", "事業の目的。"),
            "current_issues": Doc("現状・課題.", "現状・課題。"),
            "overview": Doc("事業の概要.", "事業の概要。"),
            "url": Doc("事業概要URL (often the PR sheet PDF). Untrusted text.", "事業概要URL（PR資料など）。"),
            "major_expense": Doc("主要経費.", "主要経費。"),
            "old_project_number": Doc("Older project number (2023-経産-22-0110).", "旧事業番号。"),
        },
        "reference_sources": {
            "file": Doc("File name in data/reference/.", "data/reference/ のファイル名。"),
            "kind": Doc("budget_book | project_review.", "budget_book（予算書）| project_review（行政事業レビュー）。"),
            "year": Doc("Fiscal year (budget book) or review year.", "会計年度（予算書）またはレビュー年度。"),
            "records": Doc("Records read from the file.", "読み込んだ記録数。"),
            "bytes": Doc("Size of the file.", "ファイルの大きさ（バイト）。"),
            "sha256": Doc("SHA-256 of the file.", "ファイルのSHA-256。"),
            "subset": Doc("Which records the shipped subset keeps; empty for a full file.", "同梱の部分集合の条件。"),
            "publisher": Doc("Who publishes the data (attribution).", "出典（データの公開者）。"),
            "licence": Doc("Terms of use.", "利用規約。"),
            "converted_by": Doc("Who converted it to JSON.", "JSONへの変換。"),
        },
        "review_links": {
            "item_id": Doc("The project's primary listing (items.item_id).", "事業の主掲（items.item_id）。"),
            "item_name": Doc("The project's name in the document.", "資料での事業名。"),
            "match": Doc(
                "exact | normalized | fuzzy (one character) | part (a (うち…) record) | none.",
                "exact（一致）| normalized（正規化で一致）| fuzzy（1文字違い）| part（うち…の記録）| none（なし）。",
            ),
            "ambiguous": Doc(
                "True when the name matches several 予算事業ID: one row each.", "複数の予算事業IDに合う。"
            ),
            "candidates": Doc("How many 予算事業ID the name matches.", "合う予算事業IDの数。"),
            "project_id": Doc("予算事業ID (review_records.project_id); empty when none.", "予算事業ID。"),
            "review_year": Doc("Review year of the linked record.", "対応した記録のレビュー年度。"),
            "review_name": Doc("事業名 of the linked record.", "対応した記録の事業名。"),
        },
        "budget_checks": {
            "account": Doc("Account or うち row of the document.", "資料の会計またはうち行。"),
            "parent": Doc("The account a うち row breaks down.", "うち行の親の会計。"),
            "kind": Doc("account | breakdown | total.", "account | breakdown | total。"),
            "fiscal_year": Doc("Fiscal year compared (the document's base year).", "比較した年度（資料の比較年度）。"),
            "stage": Doc("Budget stage compared (initial).", "比較した予算の段階（当初）。"),
            "document_oku": Doc("The document's stated figure (accounts.base_oku).", "資料の記載額。", OKU),
            "book_oku": Doc("The budget book's sum (rule in the sentence).", "予算書の合計（選び方は説明文）。", OKU),
            "difference_oku": Doc("document − budget book.", "資料 − 予算書。", OKU),
            "tolerance_oku": Doc("Rounding allowance (0.5: whole 億円 printed).", "丸めの許容（0.5）。", OKU),
            "status": Doc(
                "ok | rounding | gap | not comparable | not covered.",
                "ok | rounding（丸め）| gap（差）| not comparable（比較不可）| not covered（データなし）。",
            ),
            "book_rows": Doc("Budget-book 事項 summed.", "合計した予算書の事項数。"),
            "sentence": Doc("The check in words (English).", "照合の説明（英語）。"),
            "sentence_ja": Doc("The check in words (Japanese).", "照合の説明（日本語）。"),
        },
    }
)
