"""The zorgkracht/1 case file: round trip, schema in step, every problem reported."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import cases
from zorgkracht.domain import Case, InvalidInput, check_case
from zorgkracht.interchange.case_json import (
    SCHEMA_PATH,
    case_to_dict,
    dumps,
    json_schema,
    loads,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_export_then_import_gives_the_same_case(case: Case) -> None:
    assert check_case(case) == []
    again = loads(dumps(case))
    assert again == case
    assert dumps(again) == dumps(case)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_written_file_matches_the_published_schema(case: Case) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(case_to_dict(case), schema)


def test_published_schema_is_generated_from_the_models() -> None:
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == json_schema()


def _minimal() -> dict[str, Any]:
    return {
        "format": "zorgkracht/1",
        "id": "c1",
        "title": "Test",
        "client": "p1",
        "network": {"persons": [{"id": "p1", "name": "Anna"}]},
    }


def test_minimal_file_reads() -> None:
    case = loads(json.dumps(_minimal()))
    assert case.client == "p1"
    assert case.network.persons[0].name == "Anna"


def test_wrong_format_version_is_refused() -> None:
    data = _minimal() | {"format": "zorgkracht/3"}
    with pytest.raises(InvalidInput) as err:
        loads(json.dumps(data), "x.json")
    assert err.value.problems[0].where == "format"
    assert "'zorgkracht/1' or 'zorgkracht/2'" in err.value.problems[0].en
    assert "'zorgkracht/1' of 'zorgkracht/2'" in err.value.problems[0].nl


def test_version_2_without_a_process_reads_and_is_written_as_version_1() -> None:
    data = _minimal() | {"format": "zorgkracht/2"}
    case = loads(json.dumps(data), "x.json")
    assert case.process.is_empty()
    assert case_to_dict(case)["format"] == "zorgkracht/1"


def test_every_problem_is_listed_with_its_place() -> None:
    data = _minimal()
    data["network"]["persons"].append(
        {"id": "p2", "name": "Bob", "gender": "martian", "role": "boss", "colour": "red"}
    )
    data["network"]["ties"] = [{"id": "t1", "a": "p1", "b": "p2", "strength": 7}]
    with pytest.raises(InvalidInput) as err:
        loads(json.dumps(data), "x.json")
    wheres = {p.where for p in err.value.problems}
    assert wheres == {
        "network/persons/p2/gender",
        "network/persons/p2/role",
        "network/persons/p2/colour",
        "network/ties/t1/strength",
    }
    assert err.value.source == "x.json"
    gender = next(p for p in err.value.problems if p.where.endswith("gender"))
    assert "martian" in gender.nl and "onbekende code" in gender.nl
    assert "unknown code" in gender.en


def test_invariants_are_checked_after_the_shape() -> None:
    data = _minimal()
    data["network"]["ties"] = [{"id": "t1", "a": "p1", "b": "ghost"}]
    with pytest.raises(InvalidInput) as err:
        loads(json.dumps(data))
    assert [p.code for p in err.value.problems] == ["unknown_reference"]


def test_broken_json_names_line_and_column() -> None:
    with pytest.raises(InvalidInput) as err:
        loads('{"format": "zorgkracht/1",\n "id": }', "broken.json")
    assert err.value.problems[0].where == "regel/line 2, kolom/column 8"


def test_missing_answers_survive_the_round_trip() -> None:
    data = _minimal()
    data["snapshots"] = [
        {
            "id": "s1",
            "label": "start",
            "network": {"persons": [{"id": "p1", "name": "Anna"}]},
            "instruments": [{"instrument": "djg6", "answers": {"1": 2, "2": None}}],
        }
    ]
    case = loads(json.dumps(data))
    assert case.snapshots[0].instruments[0].answers == {"1": 2, "2": None}
    assert case_to_dict(case)["snapshots"][0]["instruments"][0]["answers"] == {"1": 2, "2": None}
