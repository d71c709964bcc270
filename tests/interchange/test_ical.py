"""The process as iCalendar (issue 14, point 5): every event read back with the ``icalendar``
library, per case and per person, stable UIDs, and nothing sensitive in the file.

The case is the Tavenier demo with a process made here (whatever process the demo ships is
replaced), so every expected value below is worked out by hand from :data:`PROCESS`.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import zoneinfo
from pathlib import Path
from typing import Any

import icalendar
import pytest
from dateutil.rrule import rrulestr  # type: ignore[import-untyped]  # icalendar's own need

from zorgkracht.domain import Case, NotFound
from zorgkracht.interchange.case_json import read_case
from zorgkracht.interchange.ical import calendar_bytes
from zorgkracht.services.calendars import calendar_file

TAVENIER = Path(__file__).resolve().parents[2] / "src/zorgkracht/demo/tavenier.zorgkracht.json"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
SECRET = "NOTITIE-GEHEIM"

PROCESS: dict[str, Any] = {
    "phasing": "sns",
    "referral": {"date": "2024-01-10", "referrer_name": "Huisarts", "reason": "gezin overbelast"},
    "intake": {"date": "2024-01-20", "own_words": "Dat de kinderen het goed hebben"},
    "help_questions": [
        {"id": "hq3", "text": "Vervoer naar school", "asked_by": "lina", "priority": 4},
        {
            "id": "hq1",
            "text": "Wie kookt er op dinsdag?",
            "priority": 1,
            "status": "in_progress",
            "note": SECRET,
        },
        {"id": "hq2", "text": "Schulden bij de bank", "priority": 2, "sensitive": True},
    ],
    "meetings": [
        {
            "id": "mt1",
            "date": "2024-03-05",
            "start": "19:30",
            "minutes": 120,
            "place": "Bij Pieter thuis",
            "facilitator": "Michel Scheerder",
            "questions": ["hq1", "hq2"],
            "invitees": [
                {"person": "lina", "reply": "yes", "present": True},
                {"person": "moeder_lina", "reply": "no", "present": False},
                {"person": "broer_pieter", "reply": "yes"},
            ],
            "held": True,
            "note": SECRET,
        },
        {
            "id": "mt2",
            "kind": "evaluation",
            "date": "2024-06-20",
            "invitees": [{"person": "lina"}],
        },
        {"id": "mt3", "kind": "round_positive", "invitees": [{"person": "zus_pieter"}]},
    ],
    "actions": [
        {
            "id": "ac1",
            "help_question": "hq1",
            "description": "Koken op dinsdag",
            "persons": [
                {"person": "moeder_lina"},
                {"person": "lina", "part": "thinks_along"},
                {"person": "broer_pieter"},
            ],
            "start": "2024-03-12",
            "end": "2024-06-25",
            "frequency": "weekly",
            "hours_per_week": 2,
            "status": "ongoing",
            "gives_back": "Pieter repareert de fiets",
            "note": SECRET,
        },
        {
            "id": "ac2",
            "help_question": "hq3",
            "description": "Naar school brengen",
            "persons": [{"person": "zus_pieter", "hours_per_week": 3}],
            "start": "2024-03-11",
            "end": "2024-05-31",
            "frequency": "fortnightly",
        },
        {
            "id": "ac3",
            "help_question": "hq1",
            "description": "Grote boodschappen",
            "persons": [{"person": "moeder_pieter"}],
            "start": "2024-04-01",
            "end": "2024-12-31",
            "frequency": "monthly",
            "hours_per_week": 1,
        },
        {
            "id": "ac4",
            "help_question": "hq3",
            "description": "Oppassen",
            "persons": [{"person": "lina"}],
            "start": "2024-03-01",
            "end": "2024-09-01",
            "frequency": "as_needed",
        },
        {
            "id": "ac5",
            "help_question": "hq2",
            "description": "Gesprek met de schuldhulp",
            "persons": [{"person": "lina"}],
            "start": "2024-03-20",
            "frequency": "once",
            "hours_per_week": 1,
            "sensitive": True,
        },
        {
            "id": "ac6",
            "help_question": "hq1",
            "description": "Etentje voor iedereen",
            "persons": [{"person": "moeder_lina", "hours_per_week": 3}],
            "start": "2024-07-01",
            "frequency": "once",
        },
        {
            "id": "ac7",
            "help_question": "hq1",
            "description": "Medicijnen klaarzetten",
            "persons": [{"person": "lina", "hours_per_week": 1}],
            "start": "2024-03-01",
            "end": "2024-03-31",
            "frequency": "daily",
            "status": "stopped",
        },
    ],
    "team": {
        "members": ["lina", "moeder_lina", "zus_pieter"],
        "coordinator": "lina",
        "professional": "Michel Scheerder",
        "professional_role": "coach",
    },
    "evaluations": [
        {
            "id": "evl1",
            "date": "2024-06-20",
            "help_question": "hq1",
            "action": "ac1",
            "done": True,
            "goal_reached": True,
            "words": "Dinsdag is weer rustig",
            "after": "current",
        }
    ],
    "closing": {
        "date": "2024-07-01",
        "reason": "goals_reached",
        "aftercare_contact": "Michel komt in september langs",
        "warning_signs": "Lina slaapt slecht",
        "call": ["moeder_lina"],
        "way_back": "Bel MEE",
    },
    "steps": [{"step": 1, "done_on": "2024-02-01"}],
}


def case_document(process: dict[str, Any] | None = PROCESS) -> dict[str, Any]:
    """The Tavenier case file with ``process`` (none when ``None``); Broer van Pieter is
    marked sensitive."""
    doc: dict[str, Any] = json.loads(TAVENIER.read_text(encoding="utf-8"))
    doc["format"] = "zorgkracht/2"
    doc.pop("process", None)
    if process is not None:
        doc["process"] = copy.deepcopy(process)
    for person in doc["network"]["persons"]:
        if person["id"] == "broer_pieter":
            person["sensitive"] = True
    return doc


def write_case(folder: Path, process: dict[str, Any] | None = PROCESS) -> Path:
    path = folder / "tavenier-proces.zorgkracht.json"
    path.write_text(json.dumps(case_document(process), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture()
def case(tmp_path: Path) -> Case:
    return read_case(write_case(tmp_path))


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def by_uid(cal: icalendar.Calendar) -> dict[str, icalendar.Component]:
    items = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]
    uids = [str(c["UID"]) for c in items]
    assert len(uids) == len(set(uids)), "UIDs are unique"
    return dict(zip(uids, items, strict=True))


def uid(record: str) -> str:
    return f"tavenier-{record}@zorgkracht"


def test_calendar_header_and_the_records_in_it(case: Case) -> None:
    cal = parse(calendar_file(case, now=NOW))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//Zorgkracht//Zorgkracht//NL"
    items = by_uid(cal)
    # mt3 has no date; ac5 is sensitive
    assert set(items) == {uid(x) for x in ("mt1", "mt2", "ac1", "ac2", "ac3", "ac4", "ac6", "ac7")}
    assert items[uid("ac4")].name == "VTODO"
    assert {items[u].name for u in items if u != uid("ac4")} == {"VEVENT"}
    for item in items.values():
        assert item.decoded("DTSTAMP") == NOW
    zones = [c for c in cal.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["Europe/Amsterdam"]


def test_a_meeting_with_a_start_time_is_in_amsterdam_time(case: Case) -> None:
    meeting = by_uid(parse(calendar_file(case, now=NOW)))[uid("mt1")]
    start = meeting.decoded("DTSTART")
    assert start == dt.datetime(2024, 3, 5, 19, 30, tzinfo=AMSTERDAM)
    assert start.utcoffset() == dt.timedelta(hours=1)  # winter time
    assert meeting["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert meeting.decoded("DURATION") == dt.timedelta(minutes=120)
    assert str(meeting["LOCATION"]) == "Bij Pieter thuis"
    assert str(meeting["SUMMARY"]) == "Netwerkberaad met Pieter"
    description = str(meeting["DESCRIPTION"])
    assert description.splitlines()[:5] == [
        "Agenda:",
        "1. kennismakingsronde",
        "2. informatiefase",
        "3. privétijd",
        "4. plan terug naar iedereen",
    ]
    assert "- Wie kookt er op dinsdag?" in description  # hq1; hq2 is sensitive
    assert "Gespreksleider: Michel Scheerder" in description
    assert "RRULE" not in meeting


def test_a_meeting_without_a_time_lasts_the_day(case: Case) -> None:
    meeting = by_uid(parse(calendar_file(case, now=NOW)))[uid("mt2")]
    assert meeting.decoded("DTSTART") == dt.date(2024, 6, 20)
    assert not isinstance(meeting.decoded("DTSTART"), dt.datetime)
    assert meeting.decoded("DURATION") == dt.timedelta(days=1)
    assert str(meeting["SUMMARY"]) == "Evaluatie met Pieter"
    assert "LOCATION" not in meeting


def rule(item: icalendar.Component) -> dict[str, list[Any]]:
    recur = item["RRULE"]
    assert isinstance(recur, icalendar.vRecur)
    return {k: list(v) for k, v in recur.items()}


def test_actions_repeat_by_their_frequency_until_their_end(case: Case) -> None:
    items = by_uid(parse(calendar_file(case, now=NOW)))
    weekly = items[uid("ac1")]
    assert weekly.decoded("DTSTART") == dt.date(2024, 3, 12)
    assert rule(weekly) == {"FREQ": ["WEEKLY"], "UNTIL": [dt.date(2024, 6, 25)]}
    assert str(weekly["SUMMARY"]) == "Koken op dinsdag"
    assert str(weekly["STATUS"]) == "CONFIRMED"
    assert str(weekly["DESCRIPTION"]).splitlines() == [
        "Doet: Moeder van Lina",  # Broer van Pieter is sensitive: not named
        "Denkt mee: Lina Tavenier",
        "Hulpvraag: Wie kookt er op dinsdag?",
    ]
    # every Tuesday from 12 March to 25 June 2024: 3 in March, 5 in April, 4 in May, 4 in June
    start = dt.datetime(2024, 3, 12)
    written = weekly["RRULE"].to_ical()
    text = written.decode() if isinstance(written, bytes) else str(written)
    dates = list(rrulestr(text, dtstart=start))
    assert len(dates) == 16
    assert dates[-1] == dt.datetime(2024, 6, 25)

    fortnightly = items[uid("ac2")]
    assert rule(fortnightly) == {
        "FREQ": ["WEEKLY"],
        "INTERVAL": [2],
        "UNTIL": [dt.date(2024, 5, 31)],
    }
    assert fortnightly.decoded("DTSTART") == dt.date(2024, 3, 11)
    assert str(fortnightly["DESCRIPTION"]).splitlines() == [
        "Doet: Zus van Pieter",
        "Hulpvraag: Vervoer naar school",
    ]
    assert rule(items[uid("ac3")]) == {"FREQ": ["MONTHLY"], "UNTIL": [dt.date(2024, 12, 31)]}

    daily = items[uid("ac7")]
    assert rule(daily) == {"FREQ": ["DAILY"], "UNTIL": [dt.date(2024, 3, 31)]}
    assert str(daily["STATUS"]) == "CANCELLED"  # stopped: a phone that has it takes it off

    once = items[uid("ac6")]
    assert "RRULE" not in once
    assert once.decoded("DTSTART") == dt.date(2024, 7, 1)
    assert once.decoded("DURATION") == dt.timedelta(days=1)


def test_an_action_as_needed_is_a_todo(case: Case) -> None:
    todo = by_uid(parse(calendar_file(case, now=NOW)))[uid("ac4")]
    assert todo.name == "VTODO"
    assert "RRULE" not in todo
    assert todo.decoded("DTSTART") == dt.date(2024, 3, 1)
    assert todo.decoded("DUE") == dt.date(2024, 9, 1)
    assert str(todo["STATUS"]) == "NEEDS-ACTION"
    assert str(todo["SUMMARY"]) == "Oppassen"


def test_nothing_sensitive_and_no_note_in_any_calendar(case: Case) -> None:
    for person in (None, "pieter", "lina", "moeder_lina", "broer_pieter"):
        text = calendar_file(case, person=person, now=NOW).decode("utf-8")
        unfolded = text.replace("\r\n ", "")
        for word in (SECRET, "Schulden", "schuldhulp", "Broer van Pieter", "fiets", "ac5"):
            assert word not in unfolded, (person, word)
        # the invitees and their replies are not in it either
        assert "komt niet" not in unfolded


def test_uids_are_stable_across_runs(case: Case, tmp_path: Path) -> None:
    first = calendar_file(case, now=NOW)
    again = calendar_file(read_case(write_case(tmp_path)), now=NOW)
    assert first == again
    later = calendar_file(case, now=NOW + dt.timedelta(days=30))
    assert list(by_uid(parse(first))) == list(by_uid(parse(later)))
    assert first != later  # only the DTSTAMP differs
    assert first.replace(b"20240301T120000Z", b"20240331T120000Z") == later


@pytest.mark.parametrize(
    ("person", "records"),
    [
        ("lina", {"mt1", "mt2", "ac1", "ac4", "ac7"}),  # ac5 is sensitive
        ("moeder_lina", {"mt1", "ac1", "ac6"}),  # invited to mt1, though she said no
        ("zus_pieter", {"ac2"}),  # mt3 has no date yet
        ("moeder_pieter", {"ac3"}),
        ("pieter", {"mt1", "mt2"}),  # the client: every meeting, no action of his own
        ("dochter", set()),
    ],
)
def test_per_person(case: Case, person: str, records: set[str]) -> None:
    items = by_uid(parse(calendar_file(case, person=person, now=NOW)))
    assert set(items) == {uid(r) for r in records}


def test_a_timed_meeting_brings_the_time_zone_only_when_needed(case: Case) -> None:
    cal = parse(calendar_file(case, person="zus_pieter", now=NOW))
    assert cal.walk("VTIMEZONE") == []


def test_an_unknown_person_is_refused(case: Case) -> None:
    with pytest.raises(NotFound):
        calendar_bytes(case, person="niemand")


def test_english_labels(case: Case) -> None:
    items = by_uid(parse(calendar_file(case, lang="en", now=NOW)))
    assert str(items[uid("mt1")]["SUMMARY"]) == "Network meeting with Pieter"
    assert str(items[uid("mt1")]["DESCRIPTION"]).splitlines()[1] == "1. introductions"
    assert str(items[uid("ac1")]["DESCRIPTION"]).splitlines() == [
        "Does: Moeder van Lina",
        "Thinks along: Lina Tavenier",
        "Help question: Wie kookt er op dinsdag?",
    ]
    assert str(parse(calendar_file(case, lang="en", now=NOW))["PRODID"]).endswith("//EN")


def test_a_case_without_a_process_is_an_empty_calendar(tmp_path: Path) -> None:
    cal = parse(calendar_file(read_case(write_case(tmp_path, None)), now=NOW))
    assert by_uid(cal) == {}
    assert str(cal["VERSION"]) == "2.0"
