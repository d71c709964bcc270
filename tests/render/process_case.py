"""A case with a process for the tests of the documents: the Tavenier demo (ch. 7) with the
help questions of the book (3634–3648), a network meeting, a plan, a team, an evaluation
against a snapshot of the start and a relapse plan. One person of the network ("Greet
Verweij", Lina's mother renamed) is marked sensitive and is named everywhere the process can
name a person; one help question and one action are marked sensitive too."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from zorgkracht.domain import Case, Snapshot
from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    Closing,
    Evaluation,
    HelpQuestion,
    Intake,
    Invitee,
    Meeting,
    Process,
    Team,
)
from zorgkracht.domain.process_codes import ActionFrequency, ActionStatus, Part, Reply
from zorgkracht.interchange.case_json import loads

DEMO = Path(__file__).resolve().parents[2] / "src" / "zorgkracht" / "demo"

SECRET_PERSON = "Greet Verweij"
SECRET_QUESTION = "Hoe los ik de geheime schuld bij de buurman af?"
SECRET_ACTION = "Geheim afbetalingsplan opstellen"
HOLIDAY = "Hoe kan een vakantie met het gehele gezin gerealiseerd worden?"
FRIENDS = "Hoe kunnen Pieter en Lina vriendschappen aangaan en onderhouden?"
LICENCE = "Hoe kan Lina realiseren dat ze een rijbewijs heeft?"
CAMPING = "Camping uitzoeken en boeken"
LESSONS = "Rijlessen regelen en betalen"
WORDS = "Voor het eerst hoorden wij er echt bij."


def tavenier_with_process() -> Case:
    """The Tavenier demo case with a whole process (a fresh copy each call)."""
    case = loads((DEMO / "tavenier.zorgkracht.json").read_text(encoding="utf-8"))
    start = copy.deepcopy(case.network)
    case.snapshots.append(
        Snapshot(id="start", label="Begin", taken_on=dt.date(2025, 9, 1), network=start)
    )
    for person in case.network.persons:
        if person.id == "moeder_lina":
            person.name = SECRET_PERSON
            person.sensitive = True
    case.process = Process(
        intake=Intake(date=dt.date(2025, 9, 1), own_words="Wij willen erbij horen."),
        help_questions=[
            HelpQuestion(id="hq1", text=FRIENDS, priority=2),
            HelpQuestion(id="hq2", text=HOLIDAY, priority=1, persons=["moeder_lina"]),
            HelpQuestion(id="hq3", text=LICENCE, priority=3),
            HelpQuestion(id="hq4", text=SECRET_QUESTION, sensitive=True),
        ],
        meetings=[
            Meeting(
                id="mt1",
                date=dt.date(2026, 3, 12),
                start=dt.time(19, 30),
                minutes=90,
                place="Buurthuis De Linde",
                facilitator="Michel Scheerder",
                invitees=[
                    Invitee(person="moeder_pieter", reply=Reply.YES),
                    Invitee(person="zus_pieter", reply=Reply.YES),
                    Invitee(person="moeder_lina"),
                ],
                questions=["hq1", "hq2", "hq3", "hq4"],
            )
        ],
        actions=[
            Action(
                id="ac1",
                help_question="hq2",
                description=CAMPING,
                persons=[
                    ActionPerson(person="zus_pieter", hours_per_week=2),
                    ActionPerson(person="moeder_lina", part=Part.THINKS_ALONG),
                ],
                start=dt.date(2026, 3, 15),
                end=dt.date(2026, 6, 30),
                frequency=ActionFrequency.WEEKLY,
                hours_per_week=1,
                status=ActionStatus.DONE,
                gives_back="Lina bakt een taart",
            ),
            Action(
                id="ac2",
                help_question="hq3",
                description=LESSONS,
                persons=[ActionPerson(person="broer_pieter")],
                start=dt.date(2026, 4, 1),
                frequency=ActionFrequency.WEEKLY,
                hours_per_week=1.5,
            ),
            Action(
                id="ac3",
                help_question="hq1",
                description=SECRET_ACTION,
                persons=[ActionPerson(person="moeder_pieter")],
                sensitive=True,
            ),
        ],
        team=Team(
            members=["zus_pieter", "broer_pieter", "moeder_lina"],
            coordinator="zus_pieter",
            professional="Michel Scheerder",
        ),
        evaluations=[
            Evaluation(
                id="evl1",
                date=dt.date(2026, 9, 1),
                help_question="hq2",
                action="ac1",
                done=True,
                effect="De hele familie ging een week samen kamperen.",
                goal_reached=True,
                words=WORDS,
                before="start",
                after="current",
            )
        ],
        closing=Closing(call=["moeder_lina", "zus_pieter"], call_others="MEE: 0900-1234"),
    )
    return case
