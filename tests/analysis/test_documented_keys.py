"""docs/analysis.md lists exactly the keys that analyse() and compare() return, and the
TypedDicts of ``zorgkracht.analysis.results`` name the same keys."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

from zorgkracht.analysis import analyse
from zorgkracht.analysis.results import (
    AnalysisResult,
    CarePotential,
    Carer,
    Change,
    Comparison,
    Concentration,
    Excluded,
    PersonInfo,
    RadioSuggestion,
    Reciprocity,
    ScoredInstrument,
    Signal,
    SignalCode,
    TieChange,
    TieChanges,
    Typology,
    Variety,
    VarietyMeasure,
)
from zorgkracht.demo import load_demo_cases

DOC = Path(__file__).resolve().parents[2] / "docs" / "analysis.md"


def documented_keys() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## JSON-sleutels van `analyse()` / JSON keys")
    section = text[start : text.index("\n## ", start + 5)]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)


def test_the_documented_key_table_is_the_real_output() -> None:
    keys = documented_keys()
    assert len(keys) == len(set(keys))
    for case in load_demo_cases():
        for snapshot in [None, *(s.id for s in case.snapshots)]:
            assert set(keys) == set(analyse(case, snapshot).keys()), (case.id, snapshot)
    # and in the order analyse() builds them
    karel = next(c for c in load_demo_cases() if c.id == "karel")
    assert keys == list(analyse(karel, "start").keys())


# The shapes inside the keys: docs/analysis.md, the TypedDicts of analysis/results.py and the
# real output say the same (the output against the types: test_result_types.py).


def top_keys(text: str) -> list[str]:
    """The keys of the first ``{a, b: {c}, d}`` in ``text``, top level only."""
    start = text.index("{")
    keys: list[str] = []
    depth, token = 0, ""
    for char in text[start:]:
        if char == "{":
            depth += 1
            if depth == 1:
                continue
        elif char == "}":
            depth -= 1
            if depth == 0:
                break
        if depth == 1 and char == ",":
            keys.append(token)
            token = ""
        elif depth == 1:
            token += char
    keys.append(token)
    return [k.split(":")[0].strip() for k in keys if k.strip() and k.strip() != "…"]


def rows(section_title: str) -> dict[str, str]:
    """First cell → rest of the row, of the first table after ``section_title``."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(section_title)
    section = text[start : text.index("\n## ", start + 5)]
    return {
        m.group(1): m.group(2) for m in re.finditer(r"^\| (`[^|]+`) \| (.*) \|$", section, re.M)
    }


def line_with(marker: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(marker)
    return text[start : text.index(".\n", start)]


def required(typ: Any) -> frozenset[str]:
    """The required keys of a TypedDict class (typing has no type for such a class)."""
    return frozenset(typ.__required_keys__)


def names(cell: str) -> list[str]:
    return re.findall(r"`([a-z_.]+)`", cell)


def test_the_documented_shapes_are_the_types() -> None:
    table = rows("## JSON-sleutels van `analyse()` / JSON keys")
    assert set(documented_keys()) == AnalysisResult.__required_keys__
    nested = {
        "persons": PersonInfo,
        "excluded": Excluded,
        "concentration": Concentration,
        "reciprocity": Reciprocity,
        "care_potential": CarePotential,
        "carers": Carer,
        "signals": Signal,
        "radio": RadioSuggestion,
        "variety": VarietyMeasure,
    }
    for key, typ in nested.items():
        cell = table[f"`{key}`"]
        assert set(top_keys(cell)) == required(typ), key
    assert set(names(table["`variety`"].split("→")[0])) == Variety.__required_keys__
    assert set(names(table["`signals`"].split("some with")[1])) == Signal.__optional_keys__
    for marker, typ in [
        ("Each carer: ", Carer),
        ("Each signal is ", Signal),
        ("Each is `{person", RadioSuggestion),
        ("`typology`: `{", Typology),
    ]:
        assert set(top_keys(line_with(marker))) == required(typ), marker


def test_the_documented_instrument_entry_and_signal_codes_are_the_types() -> None:
    entry = line_with("Each entry: ")
    assert set(top_keys(entry)) <= ScoredInstrument.__required_keys__ | (
        ScoredInstrument.__optional_keys__
    )
    assert {"emotional", "social", "family", "friends"} <= ScoredInstrument.__optional_keys__
    signal_table = rows("## Signalen / Signals")
    assert [c.strip("`") for c in signal_table if c != "`code`"] == list(get_args(SignalCode))


def test_the_documented_comparison_is_the_type() -> None:
    table = rows("## Verandering / Change — `compare()`")
    keys = [k for cell in table for k in names(cell)]
    top = {k.split(".")[0] for k in keys}
    assert top == Comparison.__required_keys__
    assert {k.split(".")[1] for k in keys if k.startswith("ties.")} == (
        TieChanges.__required_keys__
    )
    assert set(top_keys(table["`ties.changed`"])) == TieChange.__required_keys__
    assert set(top_keys(table["`measures`"])) == Change.__required_keys__
    assert set(top_keys(table["`persons`"])) == PersonInfo.__required_keys__
