"""Treemap: tiles match the stated totals, nothing counted twice, and plotly always draws."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.domain.format import basis_label
from dashboard.domain.labels import year_labels
from dashboard.views import treemap as tm
from tests.conftest import app_test, open_app_page

YEARS = ("令和6年度", "令和5年度")


@pytest.fixture(scope="module")
def tree(tables: dict) -> tm.Tree:
    return tm.build(tables["items"], tables["sections"], "request", False)


def _draws(nodes: pd.DataFrame) -> list[str]:
    """Parents smaller than their children (plotly's branchvalues="total" then draws nothing)."""
    value = nodes.set_index("id")["value"]
    children = nodes[nodes["parent"] != ""].groupby("parent")["value"].sum()
    return [p for p, total in children.items() if value[p] < total * (1 - 1e-6)]


def test_section_tiles_sum_to_the_stated_totals(tables: dict, tree: tm.Tree) -> None:
    tiles = tree.leaves.groupby("section_id")["size_oku"].sum()
    stated = tables["sections"].set_index("section_id")["request_oku"]
    for section_id, total in stated.items():
        if section_id == "p2":  # listed projects exceed the stated total: the tile is as large as its projects
            assert tiles[section_id] == pytest.approx(975.8)
        else:
            assert tiles[section_id] == pytest.approx(total), section_id


@pytest.mark.parametrize(
    ("section_id", "unlisted"),
    [("p1-t1-s1", 1086.0), ("p1-t1-s2", 1263.0), ("p1-t3-s1", 0.6), ("p1-t3-s3", 151.0), ("p1-t4-s2", 45.0)],
)
def test_unlisted_tile_is_stated_minus_listed(tree: tm.Tree, section_id: str, unlisted: float) -> None:
    tile = tree.leaves[(tree.leaves["section_id"] == section_id) & (tree.leaves["kind"] == "unlisted")]
    assert tile["size_oku"].tolist() == [pytest.approx(unlisted)]


def test_fukushima_over_listed_is_said_and_has_no_unlisted_tile(tables: dict, tree: tm.Tree) -> None:
    p2 = tree.sections.set_index("section_id").loc["p2"]
    assert (p2["stated_oku"], p2["listed_oku"], p2["over_oku"], p2["unlisted_oku"]) == (910.0, 975.8, 65.8, 0.0)
    nodes = tm.nodes(tree, tables["sections"], "change", "ja", YEARS)
    hover = nodes.set_index("id").at["p2", "hover"]
    assert "975.8億円" in hover and "910億円" in hover and "65.8億円" in hover and "上回る" in hover
    table = tm.section_table(tree, tables["sections"], "en", YEARS)
    status = table.set_index("Section").loc["Accelerating Fukushima's reconstruction", "Status"]
    assert "exceed" in status
    tiles = tm.leaf_table(tree, tables["sections"], "ja", YEARS, "p2")
    assert tiles["区分・注記"].str.contains("上回る").all()


@pytest.mark.parametrize("size", tm.SIZES)
@pytest.mark.parametrize("portion", [False, True])
@pytest.mark.parametrize("color", tm.COLORS)
def test_every_parent_holds_its_children(tables: dict, size: str, portion: bool, color: str) -> None:
    tree = tm.build(tables["items"], tables["sections"], size, portion)
    nodes = tm.nodes(tree, tables["sections"], color, "ja", YEARS)
    assert _draws(nodes) == []
    assert nodes["id"].is_unique
    assert set(nodes["parent"]) - set(nodes["id"]) == {""}
    # every section is drawn, including 福島 where the listing exceeds the stated total
    assert set(tables["sections"]["section_id"]) <= set(nodes["id"])


def test_a_smaller_parent_would_be_caught(tables: dict, tree: tm.Tree) -> None:
    nodes = tm.nodes(tree, tables["sections"], "change", "ja", YEARS)
    broken = nodes.copy()
    broken.loc[broken["id"] == "p2", "value"] = 910.0  # the stated total, smaller than its 975.8 of projects
    assert _draws(broken) == ["p2"]


def test_only_primary_listings_no_relisted_forward_or_reference(tables: dict, tree: tm.Tree) -> None:
    items = tables["items"].set_index("item_id")
    shown = tree.leaves.loc[tree.leaves["kind"] == "item", "item_id"]
    assert items.loc[shown, "is_primary"].all()
    assert not items.loc[shown, ["is_relisted", "is_forward", "is_reference", "is_portion"]].any().any()
    assert tree.leaves.loc[tree.leaves["kind"] == "item", "item_id"].is_unique
    # each project once: 蓄電池 is listed twice in the document
    names = tree.leaves.loc[tree.leaves["kind"] == "item", "name"]
    assert (names == "蓄電池の製造サプライチェーン強靱化支援事業").sum() == 1


def test_portion_toggle_adds_the_two_portion_projects(tables: dict, tree: tm.Tree) -> None:
    with_portion = tm.build(tables["items"], tables["sections"], "request", True)
    added = set(with_portion.leaves["item_id"].dropna()) - set(tree.leaves["item_id"].dropna())
    assert added == {"i0067", "i0136"}  # 情報処理推進機構, 製品評価技術基盤機構 運営費交付金
    assert tree.portion_left_out == 2 and tree.portion_left_out_oku == pytest.approx(150.0)
    assert "内数の事業2件" in tm.note(tree, "ja")
    assert "全体額" in tm.note(with_portion, "ja")
    # the section total still matches: the 未掲載 tile shrinks by the portion shown
    s3 = with_portion.leaves[with_portion.leaves["section_id"] == "p1-t3-s3"]["size_oku"].sum()
    assert s3 == pytest.approx(190.0)


def test_base_size_uses_initial_budget_only(tables: dict) -> None:
    tree = tm.build(tables["items"], tables["sections"], "base", False)
    items = tree.leaves[tree.leaves["kind"] == "item"]
    assert not items["is_new"].any()
    assert "i0146" not in set(items["item_id"])  # its comparison figure is R4補正, not an initial budget
    assert tree.no_size == 21
    assert tree.leaves.groupby("section_id")["size_oku"].sum()["p1-t1-s1"] == pytest.approx(11076.0)


def test_reference_money_listed_beside_never_in_tree(tables: dict, tree: tm.Tree) -> None:
    refs = tm.references(tables["items"], tables["sections"], "ja")
    assert len(refs) == 9
    assert refs["参考額（億円）"].max() == 27564.0  # グリーンイノベーション基金 once, not four times
    assert not set(tree.leaves["name"]) & set(refs["事業名"])


def test_change_colours_and_new_marked_in_text(tables: dict, tree: tm.Tree) -> None:
    nodes = tm.nodes(tree, tables["sections"], "change", "ja", YEARS).set_index("id")
    assert nodes.at["i0007", "colour"] == tm.NEW_COLOUR
    assert nodes.at["i0007", "label"].startswith("【新規】")
    assert "新規" in nodes.at["i0007", "text"]
    cut, grown = nodes.at["i0030", "colour"], nodes.at["i0002", "colour"]  # 176→166, 261→360
    red = lambda c: int(c[4:-1].split(",")[0])  # noqa: E731
    assert red(cut) > red(grown)
    assert "▲5.7%" in nodes.at["i0030", "text"]
    by_account = tm.nodes(tree, tables["sections"], "account", "en", YEARS).set_index("id")
    assert by_account.at["i0007", "colour"] == tm.ACCOUNT_COLOURS["GX推進対策費"]
    assert "Account: GX promotion measures" in by_account.at["i0007", "hover"]


def test_hover_escapes_document_text(tables: dict) -> None:
    items = tables["items"].copy()
    items.loc[items["item_id"] == "i0002", "name"] = "<a href='x'>evil</a>"
    tree = tm.build(items, tables["sections"], "request", False)
    nodes = tm.nodes(tree, tables["sections"], "change", "ja", YEARS).set_index("id")
    assert "<a" not in nodes.at["i0002", "hover"] and "&lt;a" in nodes.at["i0002", "hover"]


def test_figure_is_a_go_treemap_with_focus(tables: dict, tree: tm.Tree) -> None:
    nodes = tm.nodes(tree, tables["sections"], "change", "ja", YEARS)
    fig = tm.figure(nodes, "p2", tm.note(tree, "ja"))
    assert fig.data[0].type == "treemap" and fig.data[0].branchvalues == "total"
    assert fig.data[0].level == "p2"
    assert tm.figure(nodes, "nowhere").data[0].level is None


def _page(**params: str | list[str]) -> AppTest:
    return open_app_page("treemap", **params)


def _spec(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_page_default_shows_the_tree_and_its_table() -> None:
    at = _page()
    trace = _spec(at)["data"][0]
    assert trace["type"] == "treemap"
    assert trace["branchvalues"] == "total"
    values = dict(zip(trace["ids"], trace["values"], strict=True))
    assert values["p1-t1-s1"] == pytest.approx(16241.0) and values["p2"] == pytest.approx(975.8)
    tiles = at.dataframe[0].value
    assert len(tiles) == 127
    assert tiles.iloc[:, 2].sum() == pytest.approx(values["root"])
    assert not at.warning


def test_page_base_size_portion_and_focus() -> None:
    at = _page(size="base", portion="1", focus="p1-t3-s3", color="account")
    trace = _spec(at)["data"][0]
    assert trace["level"] == "p1-t3-s3"
    tiles = at.dataframe[0].value
    assert tiles.iloc[:, 2].sum() == pytest.approx(157.0)  # the stated base of ③
    assert "【内数】製品評価技術基盤機構運営費交付金" in [label.replace("<br>", "") for label in trace["labels"]]
    assert "内数の事業を全体額で表示" in _spec(at)["layout"]["annotations"][0]["text"]
    assert at.query_params["size"] == "base"


@pytest.mark.parametrize("params", [{"size": "xyz"}, {"focus": "nonexistent"}, {"color": "rainbow"}])
def test_page_bad_params_warn_and_fall_back(params: dict) -> None:
    at = _page(**params)
    assert len(at.warning) == 1
    assert len(at.dataframe[0].value) == 127
    assert "level" not in _spec(at)["data"][0]


def test_page_in_english() -> None:
    at = app_test()
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/treemap.py")
    at.run()
    assert not at.exception
    assert "Section" in at.dataframe[0].value.columns
    assert "not itemised" in " ".join(_spec(at)["data"][0]["labels"])


def test_years_from_the_document(tables: dict) -> None:
    assert year_labels(tables["documents"], "ja") == YEARS
    assert year_labels(tables["documents"], "en") == ("FY2024", "FY2023")


# --- the page contract, the split node builders, two levels at a time, English -----------------

JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def test_hierarchy_and_titles(tables: dict) -> None:
    parent_of = tm.hierarchy(tables["sections"])
    assert parent_of["p2"] == "pillar2" and parent_of["pillar2"] == tm.ROOT_ID  # 福島: no theme
    assert parent_of["p1-t1-s1"] == "pillar1/(1)" and parent_of["pillar1/(1)"] == "pillar1"
    titles = tm.titles(tables["sections"], parent_of, "en")
    assert titles["pillar1/(1)"] == "(1) Investment in world-leading advanced fields"
    assert titles["pillar2"] == "Top priority: accelerating Fukushima's reconstruction"
    assert titles[tm.ROOT_ID] == "All policy areas"


def test_leaf_and_parent_records_make_the_nodes(tables: dict, tree: tm.Tree) -> None:
    parent_of = tm.hierarchy(tables["sections"])
    titles = tm.titles(tables["sections"], parent_of, "ja")
    leaves = tm.leaf_records(tree, titles, "change", "ja", YEARS)
    parents = tm.parent_records(tree, tables["sections"], parent_of, titles, "change", "ja", YEARS)
    assert len(leaves) == len(tree.leaves) and {r["kind"] for r in leaves} == {"item", "unlisted"}
    assert {r["kind"] for r in parents} == {"section", "group", "root"}
    nodes = tm.nodes(tree, tables["sections"], "change", "ja", YEARS)
    assert len(nodes) == len(leaves) + len(parents)
    # a theme drawn as a tile takes the colour of its stated change, not a blank
    assert nodes.set_index("id").at["pillar1/(1)", "colour"] != tm.PARENT_COLOUR


def test_labels_are_one_line_and_tile_text_is_wrapped(tables: dict, tree: tm.Tree) -> None:
    # plotly draws a parent's label in a one-line header: a second line hid it entirely
    nodes = tm.nodes(tree, tables["sections"], "change", "ja", YEARS).set_index("id")
    assert not nodes["label"].str.contains("<br>").any()
    assert nodes.at["p1-t1-s1", "text"] == "(1)① GXの実現<br>とエネルギー安定供給<br>の確保<br>1兆6,241億円"
    english = tm.nodes(tree, tables["sections"], "change", "en", ("FY2024", "FY2023")).set_index("id")
    assert english.at["pillar1/(3)", "text"].split("<br>")[:2] == ["(3) Structural", "challenges"]  # short, at spaces


def test_figure_is_lean_and_shows_two_levels(tables: dict, tree: tm.Tree) -> None:
    fig = tm.figure(tm.nodes(tree, tables["sections"], "change", "ja", YEARS), None, tm.note(tree, "ja"))
    trace = fig.data[0]
    assert trace.maxdepth == tm.MAXDEPTH == 3
    assert trace.customdata is None and trace.texttemplate == "%{text}"
    assert all(v == round(v, 2) for v in trace.values)
    assert fig.layout.uniformtext.mode == "hide" and fig.layout.uniformtext.minsize >= 10
    assert len(fig.to_json()) < 60_000  # was 68 KB with customdata repeating text and hover


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("R4補正", "FY2022 supplementary"),
        ("R2、4補正、R5当初", "FY2020, FY2022 supplementary, FY2023 initial budget"),
        ("R3補正", "FY2021 supplementary"),
        (None, ""),
        ("", ""),
    ],
)
def test_basis_in_english(text: str | None, english: str) -> None:
    assert basis_label(text, "en") == english
    assert basis_label(text, "ja") == (text or "")


def _without_names(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, " ")
    return text


@pytest.mark.parametrize("size", tm.SIZES)
@pytest.mark.parametrize("portion", [False, True])
def test_english_view_has_no_japanese_outside_source_names(tables: dict, size: str, portion: bool) -> None:
    names = sorted(
        {html.escape(n, quote=False) for n in tables["items"]["name"]} | set(tables["items"]["name"]),
        key=len,
        reverse=True,
    )
    view = tm.view(tables, tm.Filters(size=size, portion=portion), "en")
    trace = view.figures["treemap"].data[0]
    words = [*trace.labels, *trace.hovertext, view.figures["treemap"].layout.annotations[0].text, view.texts["legend"]]
    # tile text breaks a name into lines (never inside a Latin word, nor with a space dropped
    # inside Japanese): joined back, every Japanese run must be a whole name
    words += [node_text.replace("<br>", "") for node_text in trace.text]
    for table in view.tables.values():
        words += [str(c) for c in table.frame.columns]
        for column in table.frame.columns:
            if table.kind(column) == "text":
                words += [str(v) for v in table.frame[column]]
    leftovers = {w for w in words if JAPANESE.search(_without_names(w, names))}
    assert not leftovers, sorted(leftovers)[:5]
    assert "FY2023 vs FY2024" in " ".join(trace.hovertext)
    assert "not itemised" in trace.labels
    if size == "request":
        assert "[new] " in " ".join(trace.labels)


def test_view_follows_the_page_contract(tables: dict) -> None:
    assert [s.key for s in tm.specs(tables)] == ["size", "color", "portion", "focus", "tab"]
    filters = tm.Filters.from_values({"size": "base", "color": "account", "portion": "1", "focus": "p2"})
    assert filters == tm.Filters("base", "account", True, "p2")
    assert tm.Filters.from_values({}) == tm.Filters()
    view = tm.view(tables, filters, "ja")
    assert set(view.tables) == {"tiles", "sections", "references"}
    assert [t.csv for t in view.tables.values()] == ["treemap_tiles", "treemap_sections", "treemap_references"]
    # The file name says the focus as the URL does (focus=fukushima), not by the section id.
    assert view.tables["tiles"].csv_filters == {
        "size": "base",
        "color": "account",
        "portion": "1",
        "focus": "fukushima",
    }
    assert view.tables["tiles"].kind("増減（億円）") == "signed" and view.tables["tiles"].kind("増減率（%）") == "pct"
    assert view.tables["sections"].kind("掲載事業数") == "int"
    assert view.figures["treemap"].data[0].level == "p2"
    assert view.texts["focus_label"] == "福島復興の更なる加速"


def test_page_focus_links_to_the_section_s_projects() -> None:
    at = _page(focus="p1-t4-s2", lang="en")
    links = at.get("page_link")
    assert len(links) == 1
    assert links[0].proto.page.endswith("items") or "items" in links[0].proto.page
    assert "section=economic-security" in links[0].proto.query_string and "lang=en" in links[0].proto.query_string
    assert len(at.get("download_button")) == 1  # the open tab's table and its CSV
    assert len(_page().get("page_link")) == 0  # nothing focused: a hint, no link
