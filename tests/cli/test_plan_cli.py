"""``zorgkracht plan`` and ``zorgkracht calendar`` (issue 14, point 6), run in-process through
``main`` as the script runs, on the Tavenier case with the process of ``test_ical``; every
expected value is worked out by hand from :data:`tests.interchange.test_ical.PROCESS`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.cli.test_analyse_cli import run
from tests.interchange.test_ical import PROCESS, write_case


@pytest.fixture()
def case_file(tmp_path: Path) -> Path:
    return write_case(tmp_path)


def plan_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = run(["plan", str(path), "--json"], capsys)
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def test_plan_json_has_the_keys_of_the_issue(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_json(case_file, capsys)
    for key in ("help_questions", "meetings", "actions", "team", "evaluations", "closing"):
        assert key in plan
    assert plan["case"] == "tavenier"
    assert plan["phasing"] == "sns"
    questions = {q["id"]: q for q in plan["help_questions"]}
    assert [q["id"] for q in plan["help_questions"]] == ["hq3", "hq1", "hq2"]  # file order
    assert {k: questions["hq1"][k] for k in ("text", "asked_by", "priority", "status")} == {
        "text": "Wie kookt er op dinsdag?",
        "asked_by": "pieter",  # the client, when the question names nobody
        "priority": 1,
        "status": "in_progress",
    }
    assert questions["hq3"]["asked_by"] == "lina"
    assert questions["hq3"]["status"] == "open"
    assert [questions[q]["top"] for q in ("hq1", "hq2", "hq3")] == [True, True, False]
    assert questions["hq2"]["sensitive"] is True


def test_plan_json_meetings_and_actions(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_json(case_file, capsys)
    mt1 = plan["meetings"][0]
    assert {k: mt1[k] for k in ("id", "kind", "date", "start", "minutes")} == {
        "id": "mt1",
        "kind": "network_meeting",
        "date": "2024-03-05",
        "start": "19:30",
        "minutes": 120,
    }
    assert mt1["invitees"] == [
        {"person": "lina", "reply": "yes", "present": True},
        {"person": "moeder_lina", "reply": "no", "present": False},
        {"person": "broer_pieter", "reply": "yes", "present": None},
    ]
    assert [(m["id"], m["kind"], m["date"]) for m in plan["meetings"][1:]] == [
        ("mt2", "evaluation", "2024-06-20"),
        ("mt3", "round_positive", None),
    ]
    ac1 = plan["actions"][0]
    assert {k: ac1[k] for k in ("id", "help_question", "description", "start", "end")} == {
        "id": "ac1",
        "help_question": "hq1",
        "description": "Koken op dinsdag",
        "start": "2024-03-12",
        "end": "2024-06-25",
    }
    assert [(p["person"], p["part"]) for p in ac1["persons"]] == [
        ("moeder_lina", "does"),
        ("lina", "thinks_along"),
        ("broer_pieter", "does"),
    ]
    assert (ac1["frequency"], ac1["hours_per_week"], ac1["status"]) == ("weekly", 2, "ongoing")
    assert [a["id"] for a in plan["actions"]] == [f"ac{n}" for n in range(1, 8)]
    ac4 = plan["actions"][3]
    assert (ac4["frequency"], ac4["hours_per_week"], ac4["status"]) == (
        "as_needed",
        None,
        "planned",
    )


def test_plan_json_team_evaluations_closing_steps_and_hours(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_json(case_file, capsys)
    assert plan["team"] == {
        "members": ["lina", "moeder_lina", "zus_pieter"],
        "coordinator": "lina",
        "professional": "Michel Scheerder",
        "professional_role": "coach",
    }
    (evl,) = plan["evaluations"]
    assert (evl["id"], evl["date"], evl["help_question"], evl["action"]) == (
        "evl1",
        "2024-06-20",
        "hq1",
        "ac1",
    )
    assert (evl["goal_reached"], evl["after"], evl["before"]) == (True, "current", None)
    assert plan["closing"]["reason"] == "goals_reached"
    assert plan["closing"]["call"] == ["moeder_lina"]
    assert plan["closing"]["date"] == "2024-07-01"
    assert [(s["number"], s["done_on"]) for s in plan["steps"]] == [
        (1, "2024-02-01"),
        (2, None),
        (3, None),
    ]
    assert plan["steps"][1]["name"]["nl"] == "familienetwerk-beraad"
    # ac1 weekly 2 h for each doer (moeder_lina, broer_pieter; lina thinks along); ac2 zus
    # 3 h of her own; ac3 1 h; ac4 no hours; ac5 1 h (sensitive, still in the plan); ac6
    # moeder_lina 3 h of her own; ac7 is stopped
    assert plan["plan_hours"] == {
        "moeder_lina": 5.0,
        "broer_pieter": 2.0,
        "zus_pieter": 3.0,
        "moeder_pieter": 1.0,
        "lina": 1.0,
    }


def test_plan_text_top_3_first(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["plan", str(case_file)], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:5] == [
        "Fasering",
        "  sociale netwerkstrategieën (3 stappen)",
        "  [x] 1. netwerkverkenning en -analyse (gedaan 2024-02-01)",
        "  [ ] 2. familienetwerk-beraad",
        "  [ ] 3. actieteam en trajectcoördinatie",
    ]
    start = lines.index("Hulpvragen")
    assert lines[start + 1 : start + 6] == [
        "  top 3:",
        "    hq1: Wie kookt er op dinsdag? (prioriteit 1; mee bezig; gevraagd door Pieter "
        "Tavenier)",
        "    hq2: Schulden bij de bank (prioriteit 2; nog niet begonnen; gevraagd door Pieter "
        "Tavenier; gevoelig)",
        "  overige:",
        "    hq3: Vervoer naar school (prioriteit 4; nog niet begonnen; gevraagd door Lina "
        "Tavenier)",
    ]
    meeting = lines.index("Bijeenkomsten")
    assert lines[meeting + 1 : meeting + 7] == [
        "  mt1: netwerkberaad [gehouden] 2024-03-05 19:30, 120 min, Bij Pieter thuis",
        "    door: Michel Scheerder",
        "    vragen: hq1, hq2",
        "    - Lina Tavenier: komt, aanwezig",
        "    - Moeder van Lina: komt niet, afwezig",
        "    - Broer van Pieter: komt",
    ]
    for head in ("Aanmelding", "Intake", "Actieplan", "Actieteam", "Evaluaties", "Afsluiting"):
        assert head in lines
    assert "  coördinator: Lina Tavenier" in lines
    assert "  Moeder van Lina: 5" in lines  # hours a week in the plan
    assert "  bellen: Moeder van Lina" in lines


def test_plan_text_in_english(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["plan", str(case_file), "--lang", "en"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert "Help questions" in lines
    assert "  [ ] 2. family network meeting" in lines
    assert "    - Moeder van Lina: not coming, absent" in lines
    assert "    from 2024-03-12, until 2024-06-25, weekly, 2 hours a week" in lines


def test_plan_of_a_case_without_a_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_case(tmp_path, None)
    code, out, _ = run(["plan", str(path)], capsys)
    assert code == 0
    assert out.strip() == "Deze casus heeft nog geen proces (hulpvragen, beraad, actieplan)."
    plan = plan_json(path, capsys)
    assert (plan["help_questions"], plan["meetings"], plan["actions"]) == ([], [], [])
    assert (plan["team"], plan["closing"], plan["phasing"], plan["plan_hours"]) == (
        None,
        None,
        None,
        {},
    )


def uids(path: Path) -> list[str]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return [str(c["UID"]) for c in cal.walk() if c.name in ("VEVENT", "VTODO")]


def test_calendar_command(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "tavenier.ics"
    code, out, err = run(["calendar", str(case_file), "-o", str(out_file)], capsys)
    assert code == 0, err
    assert out.strip() == f"Geschreven (iCalendar): {out_file}"
    expected = ["mt1", "mt2", "ac1", "ac2", "ac3", "ac4", "ac6", "ac7"]
    assert uids(out_file) == [f"tavenier-{r}@zorgkracht" for r in expected]

    lina = tmp_path / "lina.ics"
    code, _, err = run(
        ["calendar", str(case_file), "-o", str(lina), "--person", "lina", "--lang", "en"], capsys
    )
    assert code == 0, err
    assert uids(lina) == [f"tavenier-{r}@zorgkracht" for r in ("mt1", "mt2", "ac1", "ac4", "ac7")]
    assert b"SUMMARY:Network meeting with Pieter" in lina.read_bytes()


def test_calendar_for_an_unknown_person_names_the_option(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "x.ics"
    code, _, err = run(
        ["calendar", str(case_file), "-o", str(out_file), "--person", "niemand"], capsys
    )
    assert code == 3
    assert err.startswith("--person: persoon 'niemand' staat niet in het netwerk van de casus")
    assert "Traceback" not in err
    assert not out_file.exists()


def test_plan_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["plan", str(tmp_path / "weg.json")], capsys)
    assert code != 0
    assert "weg.json" in err
    assert "Traceback" not in err


def test_the_process_of_the_test_names_persons_of_the_case() -> None:
    """The test's process follows the rules a stored case is held to (rule 2): every person
    it names is in the Tavenier network, and no invitee is the client."""
    doc = json.loads(
        (
            Path(__file__).resolve().parents[2] / "src/zorgkracht/demo/tavenier.zorgkracht.json"
        ).read_text(encoding="utf-8")
    )
    ids = {p["id"] for p in doc["network"]["persons"]}
    named = {i["person"] for m in PROCESS["meetings"] for i in m["invitees"]}
    assert doc["client"] not in named
    named |= {p["person"] for a in PROCESS["actions"] for p in a["persons"]}
    named |= set(PROCESS["team"]["members"]) | set(PROCESS["closing"]["call"])
    assert named <= ids


def test_a_stored_case_by_its_id_is_audited_without_the_person(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """INPUT may be a stored case; reading it is recorded (NEN 7513): the calendar as an
    export, ``plan`` as a view. The person's id stays out of the audit log."""
    db = f"sqlite:///{tmp_path / 'zorgkracht.sqlite'}"
    code, _, err = run(["import", str(case_file), "--db", db, "--id", "tav"], capsys)
    assert code == 0, err
    out_file = tmp_path / "lina.ics"
    argv = ["calendar", "tav", "--db", db, "-o", str(out_file), "--person", "lina"]
    code, _, err = run(argv, capsys)
    assert code == 0, err
    assert icalendar.Calendar.from_ical(out_file.read_bytes())["VERSION"] == "2.0"
    code, _, err = run(["plan", "tav", "--db", db, "--json"], capsys)
    assert code == 0, err
    code, out, err = run(["audit", "--case", "tav", "--json", "--db", db], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["event"], r["detail"]) for r in rows[1:]] == [
        ("case_exported", "ics:person"),
        ("case_viewed", "cli:plan"),
    ]
    assert "lina" not in out
