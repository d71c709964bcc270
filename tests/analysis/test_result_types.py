"""The result types describe what analyse() and compare() really give, all the way down.

Every golden JSON document (demo cases, snapshots, generated cases, see
``test_json_unchanged.py``) and every result built by the functions is checked against the
TypedDicts of :mod:`zorgkracht.analysis.results` at run time: every required key present, no
key the type does not name, every value of its type, every code one of its Literal's values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest

from zorgkracht.analysis import SIGNAL_CODES, analyse, compare
from zorgkracht.analysis.radio import ACTIONS
from zorgkracht.analysis.results import (
    LETTER,
    AnalysisResult,
    Comparison,
    Letter,
    RadioAction,
    Signal,
    SignalCode,
)
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain.codes import Support

from .typecheck import problems

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_the_literal_codes_are_the_codes_in_use() -> None:
    assert {s: s.value for s in Support} == LETTER
    assert set(get_args(Letter)) == {s.value for s in Support}
    assert get_args(SignalCode) == SIGNAL_CODES
    assert get_args(RadioAction) == ACTIONS


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.analyse.*.json")), ids=lambda p: p.name)
def test_every_golden_analysis_has_the_type(path: Path) -> None:
    assert problems(json.loads(path.read_text(encoding="utf-8")), AnalysisResult) == []


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.compare.*.json")), ids=lambda p: p.name)
def test_every_golden_comparison_has_the_type(path: Path) -> None:
    assert problems(json.loads(path.read_text(encoding="utf-8")), Comparison) == []


def test_the_functions_build_the_types_for_every_demo_case() -> None:
    for case in load_demo_cases():
        states = [None, *(s.id for s in case.snapshots)]
        for state in states:
            result = analyse(case, state)
            assert result.keys() == AnalysisResult.__required_keys__, (case.id, state)
            assert problems(result, AnalysisResult) == [], (case.id, state)
            assert json.loads(json.dumps(result)) == result  # JSON-ready, tuples included
        for a in states:
            for b in states:
                change = compare(case, a or "current", b or "current")
                assert change.keys() == Comparison.__required_keys__
                assert problems(change, Comparison) == [], (case.id, a, b)


def test_the_check_finds_a_wrong_code_a_missing_key_and_an_extra_key() -> None:
    good: Signal = {
        "code": "SUPPORT_GAP",
        "severity": "attention",
        "persons": [],
        "message": {"nl": "n", "en": "e"},
        "letter": "P",
    }
    assert problems(good, Signal) == []
    assert problems({**good, "code": "NOT_A_CODE"}, Signal)
    assert problems({**good, "letter": "X"}, Signal)
    assert problems({k: v for k, v in good.items() if k != "persons"}, Signal)
    assert problems({**good, "extra": 1}, Signal)
    assert problems({**good, "persons": ("a",)}, Signal)  # a tuple is not a JSON list
