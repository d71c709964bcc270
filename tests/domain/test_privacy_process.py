"""What a paper for the network or the client may show of the process
(``zorgkracht.domain.privacy.process_for_network``)."""

from __future__ import annotations

import copy

from zorgkracht.domain import Case, Network, Person, Snapshot
from zorgkracht.domain.privacy import (
    has_sensitive,
    process_for_network,
    sensitive_persons,
    without_sensitive,
)
from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    Closing,
    Evaluation,
    HelpQuestion,
    Invitee,
    Meeting,
    Process,
    Team,
)
from zorgkracht.domain.process_codes import Part


def _case() -> Case:
    net = Network(
        persons=[
            Person(id="c", name="Cliënt", sensitive=True),  # the client is never left out
            Person(id="ex", name="Ex", sensitive=True),
            Person(id="zus", name="Zus"),
            Person(id="buur", name="Buur"),
        ]
    )
    old = copy.deepcopy(net)
    old.persons.append(Person(id="oud", name="Oud-collega", sensitive=True))  # only then
    process = Process(
        help_questions=[
            HelpQuestion(id="hq1", text="Boodschappen", persons=["zus", "ex"], priority=1),
            HelpQuestion(id="hq2", text="Schulden", sensitive=True, priority=2),
            HelpQuestion(id="hq3", text="Omgang met de kinderen", asked_by="ex"),
            HelpQuestion(id="hq4", text="Vervoer", asked_by="buur"),
        ],
        meetings=[
            Meeting(
                id="mt1",
                invitees=[Invitee(person="zus"), Invitee(person="ex"), Invitee(person="oud")],
                questions=["hq1", "hq2", "hq3", "hq4"],
            )
        ],
        actions=[
            Action(
                id="ac1",
                help_question="hq1",
                description="Wekelijks boodschappen",
                persons=[
                    ActionPerson(person="zus"),
                    ActionPerson(person="ex", part=Part.THINKS_ALONG),
                ],
            ),
            Action(id="ac2", help_question="hq2", description="Budget"),  # its question goes
            Action(
                id="ac3",
                help_question="hq1",
                description="Ex haalt op",
                persons=[ActionPerson(person="ex")],  # only a hidden person: gone
            ),
            Action(id="ac4", help_question="hq4", description="Rijden", sensitive=True),
            Action(id="ac5", help_question="hq4", description="Fiets regelen"),  # no persons
        ],
        team=Team(members=["zus", "ex", "buur"], coordinator="ex"),
        evaluations=[
            Evaluation(id="evl1", help_question="hq1", action="ac1"),
            Evaluation(id="evl2", help_question="hq2"),
            Evaluation(id="evl3", action="ac3"),
            Evaluation(id="evl4", action="ac5"),
            Evaluation(id="evl5"),  # of the whole plan
        ],
        closing=Closing(call=["ex", "zus", "oud"]),
    )
    return Case(
        id="p",
        title="Privé",
        client="c",
        network=net,
        snapshots=[Snapshot(id="s1", label="Start", network=old)],
        process=process,
    )


def test_sensitive_persons_are_those_marked_now_or_in_a_snapshot_but_never_the_client() -> None:
    assert sensitive_persons(_case()) == {"ex", "oud"}


def test_sensitive_records_and_every_reference_to_a_sensitive_person_are_left_out() -> None:
    case = _case()
    before = copy.deepcopy(case)
    shown = process_for_network(case)
    assert case == before  # nothing changed in the case passed in
    assert [(q.id, q.persons) for q in shown.help_questions] == [
        ("hq1", ["zus"]),
        ("hq4", []),
    ]
    assert [(a.id, [p.person for p in a.persons]) for a in shown.actions] == [
        ("ac1", ["zus"]),
        ("ac5", []),
    ]
    meeting = shown.meetings[0]
    assert [i.person for i in meeting.invitees] == ["zus"]
    assert meeting.questions == ["hq1", "hq4"]
    assert shown.team is not None
    assert shown.team.members == ["zus", "buur"]
    assert shown.team.coordinator is None
    assert [e.id for e in shown.evaluations] == ["evl1", "evl4", "evl5"]
    assert shown.closing is not None
    assert shown.closing.call == ["zus"]
    assert not shown.person_refs() & {"ex", "oud"}


def test_without_sensitive_leaves_out_the_same_of_the_process() -> None:
    case = _case()
    assert without_sensitive(case).process == process_for_network(case)


def test_a_case_without_anything_sensitive_keeps_its_whole_process() -> None:
    case = _case()
    for net in (case.network, case.snapshots[0].network):
        for p in net.persons:
            p.sensitive = False
    for q in case.process.help_questions:
        q.sensitive = False
    for a in case.process.actions:
        a.sensitive = False
    assert not has_sensitive(case)
    assert process_for_network(case) == case.process


def test_a_sensitive_help_question_or_action_counts_as_something_sensitive() -> None:
    case = _case()
    for net in (case.network, case.snapshots[0].network):
        for p in net.persons:
            p.sensitive = False
    assert has_sensitive(case)  # hq2 and ac4
    case.process.help_questions[1].sensitive = False
    assert has_sensitive(case)  # ac4
    case.process.actions[3].sensitive = False
    assert not has_sensitive(case)
