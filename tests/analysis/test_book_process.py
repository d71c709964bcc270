"""The book's readings of the process, run on the demo cases (issue 14, point 7).

Each test names the lines of ``seed/de-zorgkracht-van-sociale-netwerken.txt`` it encodes: the
Tavenier family's SNS process (ch. 7, l. 3490-3720) and Ada's coach trajectory with Carmen
(ch. 8 table 8.1, l. 3914-4058; the case, l. 4091-4331; the lessons on closing, l. 4236-4241 and
5196-5266). The book's words are written out here, not taken from the demo builders, so a demo
that drifts from the book fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from zorgkracht.demo import demo_path, load_demo_cases
from zorgkracht.domain import Case
from zorgkracht.domain.codes import Role
from zorgkracht.domain.phasings import STEPS
from zorgkracht.domain.process_codes import (
    AgendaPhase,
    ClosingReason,
    MeetingKind,
    Part,
    Phasing,
    ProfessionalRole,
    QuestionStatus,
    Reply,
)
from zorgkracht.domain.process_rules import check_process
from zorgkracht.interchange.case_json import loads, read_case

SCHEMA_2 = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "zorgkracht"
    / "schema"
    / "zorgkracht-2.schema.json"
)

TAVENIER_QUESTIONS = [
    "Wie kan er met Lina, eventueel met de kinderen, naar afspraken toe gaan, zodat Pieter "
    "minder hoeft te snipperen op zijn werk?",
    "Hoe kunnen Pieter en Lina samen meer ontspannende, leuke activiteiten ondernemen, zoals "
    "teken- of schilderles en samen zwemmen? Wie kan er hierbij op de kinderen passen?",
    "Hoe kan een vakantie met het gehele gezin gerealiseerd worden?",
    "Hoe kan er een ander gasfornuis, vloerbedekking op de slaapkamers, bestrating in de tuin "
    "en een kast op de kamer van Lina en Pieter gerealiseerd worden?",
    "Hoe kunnen Pieter en Lina vriendschappen aangaan en onderhouden?",
    "Hoe kan Lina realiseren dat ze een rijbewijs heeft?",
]
"""l. 3634-3648, in the book's order and words (line breaks joined)."""


@pytest.fixture(scope="module")
def demos() -> dict[str, Case]:
    return {c.id: c for c in load_demo_cases()}


@pytest.mark.parametrize("case_id", ["tavenier", "ada"])
def test_demo_files_with_a_process_are_format_2_and_match_the_schema(case_id: str) -> None:
    text = demo_path(case_id).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "zorgkracht/2"
    jsonschema.validate(data, json.loads(SCHEMA_2.read_text(encoding="utf-8")))
    case = loads(text)
    assert case == read_case(demo_path(case_id))
    assert not case.process.is_empty()
    assert check_process(case) == []


# --- Tavenier (ch. 7) ---------------------------------------------------------------------


def test_tavenier_referral_is_the_personnel_officer_about_money_3504_3510(
    demos: dict[str, Case],
) -> None:
    process = demos["tavenier"].process
    assert process.phasing is Phasing.SNS
    assert process.referral is not None
    assert process.referral.referrer_name == "Personeelsfunctionaris"
    assert "financiën" in process.referral.question
    assert process.intake is not None
    # the clients' own questions kept apart from the organisation's wording (l. 3543-3549)
    assert process.intake.own_words and process.intake.rephrased
    assert process.intake.own_words != process.intake.rephrased


def test_tavenier_help_questions_are_the_books_3634_3648(demos: dict[str, Case]) -> None:
    case = demos["tavenier"]
    questions = case.process.help_questions
    assert [q.text for q in questions] == TAVENIER_QUESTIONS
    assert [q.id for q in questions] == [f"hq{n}" for n in range(1, 7)]
    # moved out of the case note into the records
    assert "Hulpvragen" not in case.note
    assert all(q.text not in case.note for q in questions)
    # asked by the clients (Pieter and Lina with Michel, l. 3672-3673), ranked without ties
    assert all(q.asked_by is None for q in questions)
    ranks = [q.priority for q in questions]
    assert sorted(r for r in ranks if r is not None) == [1, 2, 3, 4, 5, 6]


def test_tavenier_top_3_and_statuses_not_all_solved_3711_3713(demos: dict[str, Case]) -> None:
    process = demos["tavenier"].process
    top = process.top()
    assert [q.id for q in top] == ["hq1", "hq2", "hq5"]
    statuses = {q.status for q in process.help_questions}
    # the plan was not carried out in every part: some reached, some still open
    assert QuestionStatus.REACHED in statuses
    assert QuestionStatus.OPEN in statuses
    # the driving licence has no action (l. 3648, 3711-3713)
    assert all(a.help_question != "hq6" for a in process.actions)


def test_tavenier_meeting_invitees_are_whom_the_book_names_3669_3689(
    demos: dict[str, Case],
) -> None:
    case = demos["tavenier"]
    (meeting,) = case.process.meetings
    assert meeting.id == "mt1"
    assert meeting.kind is MeetingKind.NETWORK_MEETING
    assert meeting.held and meeting.phase is AgendaPhase.PLAN_BACK
    assert meeting.leaflet  # a leaflet on SNS went with the invitation (l. 3673-3674)
    assert meeting.questions == [f"hq{n}" for n in range(1, 7)]  # the questions on the invitation
    net = case.network
    invited = [i.person for i in meeting.invitees]
    family = [p for p in invited if net.person(p).role is not Role.PROFESSIONAL]
    professionals = [p for p in invited if p not in family]
    # "een aantal familieleden" of Pieter (l. 3669-3670) and "een vijftal professionals" (l. 3688)
    assert set(family) == {"moeder_pieter", "broer_pieter", "zus_pieter"}
    assert len(professionals) == 5
    # the clients invite, they are not invitees; Michel leads the meeting (l. 3669)
    assert not {case.client, "lina", "michel"} & set(invited)
    assert "Michel" in meeting.facilitator
    assert all(net.person(p).may_ask is not False for p in invited)
    assert all(i.reply is Reply.YES and i.present for i in meeting.invitees)


def test_tavenier_plan_hours_by_hand_3696_3702(demos: dict[str, Case]) -> None:
    process = demos["tavenier"].process
    # ac1 zus 2 h; ac2 moeder 3 h (zus thinks along); ac3 broer 4 h but done, so not counted;
    # ac4 moeder thinks along; ac5 zus 1 h (the action's) and broer 0.5 h (his own);
    # ac6 both think along
    assert process.plan_hours() == {"zus_pieter": 3.0, "moeder_pieter": 3.0, "broer_pieter": 0.5}
    # thinking along is part of the plan too (l. 3700-3702)
    assert any(p.part is Part.THINKS_ALONG for a in process.actions for p in a.persons)
    questions = {q.id for q in process.help_questions}
    assert all(a.help_question in questions for a in process.actions)


def test_tavenier_action_team_with_michel_at_a_distance_3704_3711(demos: dict[str, Case]) -> None:
    team = demos["tavenier"].process.team
    assert team is not None
    assert {"moeder_pieter", "broer_pieter", "zus_pieter"} <= set(team.members)
    assert team.coordinator in team.members
    assert "Michel" in team.professional
    assert team.professional_role is ProfessionalRole.COACH
    steps = demos["tavenier"].process.steps
    assert [s.step for s in steps] == [1, 2, 3]
    assert steps[2].done_on is None  # the team stays on


# --- Ada and Carmen (ch. 8 and the case after it) -----------------------------------------


def test_ada_coach_match_by_the_coordinator_4139_4140(demos: dict[str, Case]) -> None:
    process = demos["ada"].process
    assert process.phasing is Phasing.COACH
    assert process.coach is not None
    assert process.coach.coach == "Carmen van Straalen"
    assert "coördinator" in process.coach.coordinator.lower()
    assert process.coach.reason
    assert process.referral is not None and process.referral.referrer_name == "Jeugdzorg"


def test_ada_steps_of_the_coach_phasing_are_1_to_10_table_8_1(demos: dict[str, Case]) -> None:
    process = demos["ada"].process
    numbers = [s.step for s in process.steps]
    assert numbers == list(range(1, 11))
    assert [s.number for s in STEPS[Phasing.COACH]] == numbers
    assert all(s.note for s in process.steps)
    dated = [s.done_on for s in process.steps if s.done_on is not None]
    assert dated == sorted(dated)
    # step 6 (team up) had no netwerkberaad: the contacts came back by themselves (l. 4184-4186)
    assert process.steps[5].done_on is None


def test_ada_meetings_round_of_positives_held_network_meeting_not_4176_4186(
    demos: dict[str, Case],
) -> None:
    case = demos["ada"]
    kinds = {m.kind: m for m in case.process.meetings}
    rondje = kinds[MeetingKind.ROUND_POSITIVE]
    beraad = kinds[MeetingKind.NETWORK_MEETING]
    assert rondje.held and [i.person for i in rondje.invitees] == ["carmen"]
    assert not beraad.held and beraad.invitees == []
    # Mira is not asked (l. 4270-4272): in no meeting and in no action
    assert case.network.person("mira").may_ask is False
    invited = {i.person for m in case.process.meetings for i in m.invitees}
    acting = {p.person for a in case.process.actions for p in a.persons}
    assert "mira" not in invited | acting


def test_ada_top_3_painting_contacts_sport_4176_4186(demos: dict[str, Case]) -> None:
    process = demos["ada"].process
    top = process.top()
    assert [q.id for q in top] == ["hq1", "hq2", "hq3"]
    acts = {a.help_question: a for a in process.actions}
    assert "schilder" in acts["hq1"].description.lower()
    assert "sport" in acts["hq3"].description.lower()
    # by hand: ac3 kennis 1 h, buurvrouw2 0.5 h (her own), Carmen thinks along; ac4 buurvrouw1
    # 1.5 h; Carmen's visits (ac1), the course (ac2) and the search (ac5) are done
    assert process.plan_hours() == {"kennis": 1.0, "buurvrouw2": 0.5, "buurvrouw1": 1.5}


def test_ada_evaluations_compare_the_start_with_the_end_4050_4058(demos: dict[str, Case]) -> None:
    case = demos["ada"]
    snapshots = {s.id for s in case.snapshots}
    pairs = [(e.before, e.after) for e in case.process.evaluations if e.before or e.after]
    assert ("aanmelding", "eind") in pairs
    assert all(b in snapshots and a in snapshots for b, a in pairs)
    by_question = {e.help_question: e for e in case.process.evaluations}
    assert by_question["hq1"].goal_reached is True  # "een overwinning" (l. 4209-4210)
    # isolation stays a risk, so follow-up help (l. 4188-4195)
    assert by_question["hq4"].goal_reached is False


def test_ada_closing_has_a_relapse_plan_4236_4241_5262_5266(demos: dict[str, Case]) -> None:
    case = demos["ada"]
    closing = case.process.closing
    assert closing is not None
    assert closing.reason is ClosingReason.REFERRED and closing.referred_to
    assert closing.warning_signs and closing.way_back
    assert closing.call and all(case.network.person(p).may_ask is not False for p in closing.call)
    # a phone call alone is not enough (l. 5206): after-care is a visit on a date
    assert closing.aftercare_contact and closing.aftercare_date is not None
    assert closing.date is not None and closing.aftercare_date > closing.date
