"""Every field of the case model has its control on the case page (issue 13 item 1): the
dialogs hold a labelled control for each field of a person, a tie and a life event, the data the
script fills them from carries every value, the levenslijn tab lists the life events and the
instruments are listed with a form per instrument whose items match the instrument's size."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from zorgkracht.domain import LifeEvent, Person, Tie
from zorgkracht.domain.codes import INSTRUMENT_ITEMS
from zorgkracht.web.case_forms import PERSON_FIELDS, TIE_FIELDS
from zorgkracht.web.case_instruments import INSTRUMENT_FORMS

from .helpers import signed_in_client

CASE = {
    "format": "zorgkracht/1",
    "id": "velden",
    "title": "Netwerk van Kim",
    "client": "p1",
    "network": {
        "persons": [
            {"id": "p1", "name": "Kim", "gender": "female"},
            {
                "id": "p2",
                "name": "Piet",
                "role": "partner",
                "birth_year": 1950,
                "conditions": [{"kind": "mental_illness", "state": "in_recovery"}],
                "status": "faded",
                "wish": "less",
                "energy": "costs",
                "may_ask": False,
                "receives_care": True,
                "sensitive": True,
                "note": "Belt op zondag.",
            },
        ],
        "household": ["p1"],
        "ties": [
            {
                "id": "t2",
                "a": "p1",
                "b": "p2",
                "strength": 3,
                "quality": "tense",
                "care_hours_per_week": 6.5,
                "care_tasks": ["transport", "household"],
                "client_care_hours_per_week": 2,
                "client_care_tasks": ["administration"],
            }
        ],
        "events": [
            {"id": "e1", "year": 2019, "title": "Verhuisd", "valence": -2, "persons": ["p1"]},
            {"id": "e2", "year": 2001, "title": "Getrouwd", "valence": 3, "persons": ["p2"]},
            {"id": "e3", "year": 2022, "title": "Opname", "valence": -3, "sensitive": True},
        ],
    },
    "instruments": [
        {"instrument": "djg6", "answers": {"1": 1, "2": 3, "3": None}, "taken_on": "2026-11-30"},
        {"instrument": "csi", "answers": {"1": 1}, "respondent": "p2"},
    ],
}


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=CASE)
        assert created.status_code == 201, created.text
        yield test_client


class Controls(HTMLParser):
    """The named controls of one element (by id) and the ids that a <label for> names."""

    def __init__(self, root_id: str) -> None:
        super().__init__()
        self.root_id, self.depth, self.names, self.labelled = root_id, 0, set[str](), set[str]()
        self.unlabelled: list[str] = []
        self._ids: dict[str, str] = {}
        self._in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id") == self.root_id and tag == "dialog":
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "dialog":
            self.depth += 1
        if tag == "label":
            self._in_label += 1
            if a.get("for"):
                self.labelled.add(str(a["for"]))
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            name = a.get("name") or a.get("data-name") or ""
            self.names.add(name)
            if not self._in_label and a.get("id"):
                self._ids[str(a["id"])] = name
            elif not self._in_label and tag != "select":
                self.unlabelled.append(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._in_label:
            self._in_label -= 1
        if tag == "dialog" and self.depth:
            self.depth -= 1

    def close(self) -> None:
        super().close()
        self.unlabelled += [n for i, n in self._ids.items() if i not in self.labelled]


def controls(html: str, dialog: str) -> Controls:
    parser = Controls(dialog)
    parser.feed(html)
    parser.close()
    return parser


def case_data(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="case-data">(.*?)</script>', html, re.S)
    assert found
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_every_field_of_a_person_and_a_tie_has_a_labelled_control(client: TestClient) -> None:
    html = client.get("/cases/velden?view=ecogram").text
    person = controls(html, "person-dialog")
    fields = {f.name for f in dataclasses.fields(Person)} - {"id"}
    assert fields == set(PERSON_FIELDS)
    # conditions are rows of kind and state, made from a template
    assert fields - {"conditions"} <= person.names
    assert {"kind", "state"} <= person.names
    assert person.unlabelled == []
    tie = controls(html, "tie-dialog")
    assert {f.name for f in dataclasses.fields(Tie)} - {"id"} == set(TIE_FIELDS)
    assert set(TIE_FIELDS) - {"a", "b"} <= tie.names
    assert tie.unlabelled == []
    event = controls(html, "event-dialog")
    # the persons involved are checkboxes the script makes from the case's persons
    assert {f.name for f in dataclasses.fields(LifeEvent)} - {"id", "persons"} <= event.names
    assert event.unlabelled == []


def test_the_script_gets_every_value_of_the_case(client: TestClient) -> None:
    data = case_data(client.get("/cases/velden?view=ecogram").text)
    piet = data["persons"]["p2"]  # type: ignore[index]
    assert piet["conditions"] == [{"kind": "mental_illness", "state": "in_recovery", "note": ""}]
    assert (piet["status"], piet["wish"], piet["energy"]) == ("faded", "less", "costs")
    assert (piet["may_ask"], piet["receives_care"], piet["own_needs"]) == (False, True, False)
    assert (piet["sensitive"], piet["note"], piet["birth_year"]) == (True, "Belt op zondag.", 1950)
    t2 = data["ties"]["t2"]  # type: ignore[index]
    assert t2["care_tasks"] == ["household", "transport"]  # sorted
    assert (t2["care_hours_per_week"], t2["client_care_hours_per_week"]) == (6.5, 2)
    assert t2["client_care_tasks"] == ["administration"]
    assert data["events"]["e1"] == {  # type: ignore[index]
        "year": 2019,
        "date": None,
        "title": "Verhuisd",
        "valence": -2,
        "persons": ["p1"],
        "sensitive": False,
        "note": "",
    }
    assert [(r["instrument"], r["respondent"]) for r in data["instruments"]] == [  # type: ignore[attr-defined]
        ("djg6", None),
        ("csi", "p2"),
    ]


def test_the_levenslijn_tab_lists_the_life_events_oldest_first(client: TestClient) -> None:
    html = client.get("/cases/velden?view=levenslijn").text
    rows = re.findall(r'data-event-row="(e\d)"', html)
    assert rows == ["e2", "e1", "e3"]
    assert "Gebeurtenis toevoegen" in html
    # other tabs do not show the list
    assert "data-event-row" not in client.get("/cases/velden?view=ecogram").text


def test_the_instruments_are_listed_with_who_answered(client: TestClient) -> None:
    html = client.get("/cases/velden?view=ecogram").text
    row = re.search(r'data-instrument-row="djg6">(.*?)</li>', html, re.S)
    assert row and "2 van 6 vragen beantwoord" in row.group(1)
    assert "beantwoord door de cliënt" in re.sub(r"\s+", " ", row.group(1))
    csi = re.search(r'data-instrument-row="csi:p2">(.*?)</li>', html, re.S)
    assert csi and "beantwoord door Piet" in re.sub(r"\s+", " ", csi.group(1))
    # one button per instrument to fill it in
    assert re.findall(r'data-instrument="(\w+)" data-respondent="" data-new', html) == list(
        INSTRUMENT_FORMS
    )


def test_the_network_meeting_page_lists_no_sensitive_event_and_no_form(client: TestClient) -> None:
    html = client.get("/cases/velden?view=levenslijn&hide_sensitive=true").text
    # e3 is sensitive, e2 involves Piet, who is sensitive
    assert re.findall(r'data-event-row="(e\d)"', html) == ["e1"]
    assert 'id="person-dialog"' not in html and "data-new" not in html
    # no form, so no notes in the script's data either
    data = case_data(client.get("/cases/velden?view=ecogram&hide_sensitive=true").text)
    assert all("note" not in p for p in data["persons"].values())  # type: ignore[attr-defined]
    assert "note" in case_data(client.get("/cases/velden").text)["persons"]["p1"]  # type: ignore[index]


@pytest.mark.parametrize("code", sorted(INSTRUMENT_ITEMS))
def test_each_instrument_form_has_its_items_and_answer_range(code: str) -> None:
    items, low, high = INSTRUMENT_ITEMS[code]
    form = INSTRUMENT_FORMS[code]
    assert len(form.items) == items
    assert sorted(v for v, _ in form.answers) == list(range(low, high + 1))
    assert all(t.nl and t.en and t.nl != t.en for t in form.items)
