"""The data package sums right: the snippets follow the rule and run, the README and licences travel with it.

Each snippet (pandas, DuckDB, R) is run against a package built from the shipped document and
its result compared with the rule computed here from the tables: primary listings, no 内数
(``WHERE is_primary`` alone adds 150億円 of 内数). The headline is the accounts table's total row.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from dashboard.domain.format import oku
from dashboard.views import datapkg as dp
from loaders.package import DESCRIPTOR, LICENSE, README, ZIP_NAME, write_package
from loaders.package_readme import COUNTED_SQL, duckdb_snippet, pandas_snippet, r_snippet
from tests.conftest import open_app_page


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, tables: dict) -> Path:
    dest = tmp_path_factory.mktemp("static-rule") / "data"
    write_package(tables, dest)
    return dest


@pytest.fixture(scope="module")
def expected(tables: dict) -> dict[str, float]:
    items, accounts = tables["items"], tables["accounts"]
    counted = items[items["is_primary"].astype(bool) & ~items["is_portion"].astype(bool)]
    total = accounts[accounts["kind"] == "total"].iloc[0]
    return {
        "listed": float(counted["request_oku"].sum()),
        "with_portion": float(items.loc[items["is_primary"].astype(bool), "request_oku"].sum()),
        "request": float(total["request_oku"]),
        "base": float(total["base_oku"]),
    }


def test_the_rule_is_not_primary_alone(expected: dict) -> None:
    # The old snippet (WHERE is_primary) counted 内数: the rule must give a different, smaller sum.
    assert expected["with_portion"] - expected["listed"] == pytest.approx(150.0)


def test_pandas_snippet_runs_and_follows_the_rule(package: Path, expected: dict) -> None:
    scope: dict = {}
    exec(pandas_snippet(f"{package}/"), scope)
    assert scope["listed"] == pytest.approx(expected["listed"])
    headline = scope["headline"].iloc[0]
    assert (headline["request_oku"], headline["base_oku"]) == (expected["request"], expected["base"])
    assert scope["by_section"].sum() == pytest.approx(expected["listed"])


def test_duckdb_snippet_runs_and_follows_the_rule(package: Path, expected: dict) -> None:
    duckdb = pytest.importorskip("duckdb")  # in requirements-dev.txt
    con = duckdb.connect()
    cwd = os.getcwd()
    os.chdir(package)  # as written: run in the unzipped package's folder
    try:
        listed, headline = [con.execute(sql).fetchall() for sql in duckdb_snippet("").split(";") if sql.strip()]
    finally:
        os.chdir(cwd)
    assert listed[0][0] == pytest.approx(expected["listed"])
    assert headline == [(expected["request"], expected["base"])]


def test_r_snippet_follows_the_rule(package: Path, expected: dict, tmp_path: Path) -> None:
    code = r_snippet(f"{package}/")
    assert "subset(items, is_primary & !is_portion)" in code and 'kind == "total"' in code
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("no R here: the text is checked, not run")
    script = tmp_path / "snippet.R"
    script.write_text(code + '\ncat(sprintf("%.2f %.2f %.2f", listed, headline$request_oku, headline$base_oku))\n')
    out = subprocess.run([rscript, str(script)], capture_output=True, text=True, check=True).stdout.split()
    assert [float(v) for v in out] == pytest.approx([expected["listed"], expected["request"], expected["base"]])


def test_the_zip_has_a_readme_and_a_licence(package: Path, expected: dict) -> None:
    with zipfile.ZipFile(package / ZIP_NAME) as archive:
        readme = archive.read(README).decode("utf-8")
        licence = archive.read(LICENSE).decode("utf-8")
    assert COUNTED_SQL in readme and "kind = 'total'" in readme
    assert f"request {expected['listed']:,.1f} 億円" in readme
    assert f"({expected['listed'] / expected['request'] * 100:.0f}% of the headline request)" in readme
    assert f"request {expected['request']:,.0f} 億円, base {expected['base']:,.0f} 億円" in readme
    assert "政府標準利用規約（第2.0版）" in licence and "CC BY 4.0" in licence
    assert "states no licence" in licence  # the code's licence, named apart: the repository has none
    descriptor = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert any("政府標準利用規約" in entry["title"] for entry in descriptor["licenses"])
    assert COUNTED_SQL in descriptor["description"]
    fields = {f["name"]: f for r in descriptor["resources"] if r["name"] == "items" for f in r["schema"]["fields"]}
    assert "never compare it as an initial budget" in fields["base_oku"]["description"]


def test_the_page_says_how_to_reproduce_the_headline(expected: dict) -> None:
    at = open_app_page("data")
    captions = [c.value.replace("\\", "") for c in at.caption]
    figures = next(c for c in captions if "kind = 'total'" in c)
    assert oku(expected["request"]) in figures and oku(expected["listed"]) in figures
    assert f"{expected['listed'] / expected['request'] * 100:.0f}%" in figures and "主な事業だけ" in figures
    assert any("政府標準利用規約" in c for c in captions)
    codes = [c.value for c in at.code]
    assert any("is_primary AND NOT is_portion" in c for c in codes)
    assert not any("WHERE is_primary GROUP" in c for c in codes)


def test_page_figures_are_computed(tables: dict) -> None:
    halved = dict(tables) | {"items": tables["items"].assign(request_oku=tables["items"]["request_oku"] / 2)}
    text = dp.figure_texts(halved, "ja")[0]
    assert "9,469.1億円" in text and "38%" in text
