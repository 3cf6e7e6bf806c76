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
        "message": Doc("What the loader made of the line.", "ローダーの判断。"),
        "text": Doc("The source line.", "原文の行。"),
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
