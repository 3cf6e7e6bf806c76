"""What the data package says about itself: the summing rule, the headline, snippets, licences.

One source for the package's README.md and LICENSE (inside the zip), the descriptor's
``licenses`` and the Data page, so the page, the files and the tests say the same thing.
The figures are computed from the tables (never typed in): the headline is the accounts
table's ``total`` row; the items list only the main projects of each section, so their
counted sum (primary listings, no 内数) is a part of it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.rules import counted_mask, portion_mask, primary_mask

#: The rule for summing ``items``: a project's primary listing (not 再掲, 後掲 or ※), never a 内数 figure.
COUNTED_SQL = "is_primary AND NOT is_portion"
COUNTED_PANDAS = "items.is_primary & ~items.is_portion"

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
#: datapackage.json ``licenses``: the data's terms (the code's licence is another matter, see LICENSE).
LICENSES: list[dict[str, str]] = [
    {
        "name": "CC-BY-4.0",
        "path": CC_BY,
        "title": "Creative Commons Attribution 4.0 International: the source is government data published under "
        "政府標準利用規約（第2.0版） (the Government of Japan Standard Terms of Use, version 2.0), which is "
        "compatible with CC BY 4.0",
    },
    {
        "name": "other-at",
        "title": "政府標準利用規約（第2.0版） / Government of Japan Standard Terms of Use (version 2.0): credit the "
        "source (経済産業省「概算要求等概要」) and say the tables were derived from it",
    },
]
CODE_LICENCE = (
    "The code that builds these tables (the METI 概算要求 explorer) states no licence of its own: "
    "the data terms above cover the tables, not the code."
)


@dataclass(frozen=True)
class Figures:
    """One document's headline and what its items add up to under the rule."""

    document_id: str
    title: str
    total_label: str | None
    total_request_oku: float | None
    total_base_oku: float | None
    counted_request_oku: float
    counted_n: int
    portion_n: int

    @property
    def counted_share_pct(self) -> float | None:
        if not self.total_request_oku:
            return None
        return self.counted_request_oku / self.total_request_oku * 100


def figures(tables: dict[str, pd.DataFrame]) -> list[Figures]:
    """Each document's headline (the accounts table's total row) and its items' counted sum."""
    out = []
    for doc in tables["documents"].sort_values("document_id").itertuples():
        accounts = tables["accounts"][tables["accounts"]["document_id"] == doc.document_id]
        items = tables["items"][tables["items"]["document_id"] == doc.document_id]
        total = accounts[accounts["kind"] == "total"]
        row = total.iloc[-1] if not total.empty else None
        counted = items[counted_mask(items)]

        def amount(column: str, row=row) -> float | None:
            return None if row is None or pd.isna(row[column]) else float(row[column])

        out.append(
            Figures(
                document_id=doc.document_id,
                title=doc.title,
                total_label=None if row is None else str(row["account"]),
                total_request_oku=amount("request_oku"),
                total_base_oku=amount("base_oku"),
                counted_request_oku=round(float(counted["request_oku"].sum()), 6),
                counted_n=len(counted),
                portion_n=int((primary_mask(items) & portion_mask(items)).sum()),
            )
        )
    return out


def number(value: float | None) -> str:
    """``18,938.2``: thousands separators, trailing zeros cut (the README is plain text, no locale)."""
    if value is None:
        return "—"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def pandas_snippet(base: str) -> str:
    """Read the items and accounts, sum by the rule, and the headline row (``base``: the package's folder URL)."""
    return (
        "import pandas as pd\n"
        f'items = pd.read_parquet("{base}parquet/items.parquet")\n'
        f"counted = items[{COUNTED_PANDAS}]  # primary listings, no is_portion figures\n"
        "by_section = counted.groupby('section_id').request_oku.sum()\n"
        "listed = counted.request_oku.sum()  # the listed main projects only\n"
        f'accounts = pd.read_parquet("{base}parquet/accounts.parquet")\n'
        "headline = accounts[accounts.kind == 'total'][['request_oku', 'base_oku']]  # the document's total"
    )


def duckdb_snippet(base: str) -> str:
    """The same sums in SQL, on the Parquet files (``base``: where they are)."""
    return (
        "SELECT sum(request_oku) AS listed_request_oku\n"
        f"FROM '{base}parquet/items.parquet' WHERE {COUNTED_SQL};\n"
        "SELECT request_oku, base_oku\n"
        f"FROM '{base}parquet/accounts.parquet' WHERE kind = 'total';"
    )


def r_snippet(base: str) -> str:
    """The same in R, on the CSVs (booleans are true/false, read as logical)."""
    return (
        f'items <- read.csv("{base}csv/items.csv", encoding = "UTF-8")\n'
        "counted <- subset(items, is_primary & !is_portion)  # primary listings, no is_portion figures\n"
        "listed <- sum(counted$request_oku)\n"
        f'accounts <- read.csv("{base}csv/accounts.csv", encoding = "UTF-8")\n'
        'headline <- subset(accounts, kind == "total")[, c("request_oku", "base_oku")]'
    )


def readme(tables: dict[str, pd.DataFrame]) -> str:
    """The package's README.md: what it holds, the rule, each document's figures, snippets, licences."""
    lines = [
        "# METI budget-request summary (概算要求等概要) as tables",
        "",
        "Tables parsed from the ministry's summary, amounts in 億円 (100 million yen) exactly as printed.",
        "`datapackage.json` describes every table and column (English `description`, Japanese `description_ja`);",
        "`csv/` holds one UTF-8 CSV per table, `parquet/` the same rows typed.",
        "",
        "## How to sum",
        "",
        f"- Sum `items` over primary listings that are not 内数 only: `{COUNTED_SQL}`. A project may be listed",
        "  more than once (再掲, 後掲, ※); only its primary listing counts. A 内数 figure (`is_portion`) is a whole",
        "  larger budget (an agency's grant), of which only a part serves the section: never add it.",
        "- A comparison figure with `base_basis` set (e.g. R4補正) is not the base year's initial budget: never put",
        "  it beside initial budgets nor compute a change from it.",
        "- `items` lists only the main projects of each section, so its sum is a part of the document's total.",
        "  The headline total is the `accounts` table's `kind = 'total'` row.",
        "",
        "## The figures",
        "",
    ]
    for f in figures(tables):
        lines.append(f"- {f.title} (`{f.document_id}`):")
        if f.total_request_oku is not None:
            lines.append(
                f"  headline: `accounts` row `kind = 'total'` ({f.total_label}): request {number(f.total_request_oku)}"
                f" 億円, base {number(f.total_base_oku)} 億円."
            )
        share = f.counted_share_pct
        lines.append(
            f"  `items` where `{COUNTED_SQL}`: {f.counted_n} projects, request {number(f.counted_request_oku)} 億円"
            + (f" ({share:.0f}% of the headline request)" if share is not None else "")
            + f"; {f.portion_n} 内数 figures left out."
        )
    lines += [
        "",
        "## Reading it",
        "",
        "pandas:",
        "",
        "```python",
        pandas_snippet(""),
        "```",
        "",
        "DuckDB:",
        "",
        "```sql",
        duckdb_snippet(""),
        "```",
        "",
        "R:",
        "",
        "```r",
        r_snippet(""),
        "```",
        "",
        "## Licence",
        "",
        "The source is government data published under 政府標準利用規約（第2.0版） (Government of Japan Standard",
        "Terms of Use, version 2.0), which is compatible with Creative Commons Attribution 4.0 (CC BY 4.0,",
        f"{CC_BY}). Use the tables under those terms and credit the source: 出典: 経済産業省「概算要求等概要」",
        "(tables derived from it). See LICENSE.",
        "",
        CODE_LICENCE,
        "",
    ]
    return "\n".join(lines)


def licence_text() -> str:
    """The LICENSE file of the package: the data's terms and the code's (not stated)."""
    return "\n".join(
        [
            "Data: 政府標準利用規約（第2.0版） / Government of Japan Standard Terms of Use (version 2.0)",
            "",
            "The tables are derived from 経済産業省「概算要求等概要」, published by the Ministry of Economy, Trade",
            "and Industry under 政府標準利用規約（第2.0版）. Those terms are compatible with Creative Commons",
            f"Attribution 4.0 International (CC BY 4.0, {CC_BY}): you may copy, adapt and redistribute the",
            "tables, also commercially, if you credit the source (出典: 経済産業省「概算要求等概要」) and say",
            "that the tables were derived from it (編集・加工して作成).",
            "",
            "Code: " + CODE_LICENCE,
            "",
        ]
    )
