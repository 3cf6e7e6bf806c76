"""Parse-log entries carry a code and parameters, and the app says them by code (never by the English text).

Every code the loaders can emit (found in their source) is in ``loaders/log_codes.py`` and has a text
in both languages whose placeholders the entry's parameters fill; rewording an English message
leaves every translation as it was.
"""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pandas as pd
import pytest

from dashboard.i18n import TEXT
from dashboard.views import quality as qa
from loaders import log_codes
from loaders.amounts import LineError, parse_amount
from loaders.tables import HEADER_YEARS, load_document
from tests.conftest import SHIPPED

ROOT = Path(__file__).resolve().parent.parent
#: The calls that write a parse-log entry, and which argument is the code.
_CODE_ARG = {"LineError": 0, "Coded": 0, "entry": 2, "log": 2}
_NAMES = {"HEADER_YEARS": HEADER_YEARS}


def _emitted() -> set[str]:
    """Every code a loader module passes to a call that writes a parse-log entry (an f-string code such as
    ``f"amount-digits-{unit}"`` stands for each registered code it can spell)."""
    found: set[str] = set()
    for path in sorted((ROOT / "loaders").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            index = _CODE_ARG.get(func)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif isinstance(arg, ast.Name) and arg.id in _NAMES:
                found.add(_NAMES[arg.id])
            elif isinstance(arg, ast.JoinedStr):
                prefix = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                spelled = {c for c in log_codes.MESSAGES if c.startswith(prefix)}
                assert spelled, f"{path.name}: {ast.unparse(arg)} spells no registered code"
                found |= spelled
            # else: a code passed on (exc.code, warning.code), emitted where it was made
    return found


def test_the_loaders_emit_only_registered_codes_and_every_one_is_used() -> None:
    emitted = _emitted()
    assert len(emitted) > 50
    assert emitted - set(log_codes.MESSAGES) == set(), "register these in loaders/log_codes.py"
    assert set(log_codes.MESSAGES) - emitted == set(), "codes no loader emits"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(log_codes.MESSAGES))
def test_every_code_is_said_in_both_languages(code: str) -> None:
    """A text in ja and en for each code, using only the parameters the loader gives it."""
    key = f"qa.code.{code}"
    assert key in TEXT, f"{key}: add it to dashboard/i18n/quality.py"
    for lang in ("ja", "en"):
        text = TEXT[key].get(lang)
        assert text, f"{key}: no {lang} text"
        assert _fields(text) <= _fields(log_codes.MESSAGES[code]), (
            f"{key} ({lang}) names a parameter the loader does not give"
        )


def test_a_line_error_is_said_in_japanese_with_its_figure() -> None:
    with pytest.raises(LineError) as caught:
        parse_amount("▲4,286 億円")
    error = caught.value
    assert str(error) == "a sign (▲) before '4,286 億円': no figure in this document is negative"  # English unchanged
    params = json.dumps(error.params, ensure_ascii=False)
    assert (
        qa.log_message(error.code, params, str(error), "ja")
        == "「4,286 億円」の前に符号（▲）。この資料に負の金額はない"
    )


@pytest.fixture(scope="module")
def shipped_log() -> pd.DataFrame:
    return load_document(SHIPPED)["parse_log"]


def test_every_entry_of_the_shipped_log_has_a_code_and_its_parameters(shipped_log: pd.DataFrame) -> None:
    assert shipped_log["code"].map(lambda c: c in log_codes.MESSAGES).all()
    for code, params, message in shipped_log[["code", "params", "message"]].itertuples(index=False):
        assert log_codes.message(code, **json.loads(params)) == message
    themes = shipped_log[shipped_log["code"] == "theme-heading"]
    assert json.loads(themes["params"].iloc[0]) == {"number": "(1)"}


def test_rewording_a_message_keeps_its_translation(shipped_log: pd.DataFrame, monkeypatch) -> None:
    """The translation follows the code: reword every English message and the table reads the same."""
    before = {lang: qa.parse_log_table(shipped_log, lang) for lang in ("ja", "en")}
    reworded = {code: "reworded: " + text for code, text in log_codes.MESSAGES.items()}
    monkeypatch.setattr(log_codes, "MESSAGES", reworded)
    log = load_document(SHIPPED)["parse_log"]
    assert log["message"].str.startswith("reworded: ").all()
    for lang in ("ja", "en"):
        pd.testing.assert_frame_equal(qa.parse_log_table(log, lang), before[lang])
    shown = before["ja"].iloc[:, 2]
    assert not shown.str.contains("reworded").any() and shown.isin(shipped_log["message"]).sum() == 0
