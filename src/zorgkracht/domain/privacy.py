"""Leaving out what is marked sensitive, for a picture or table that others will see.

A person, a tie, an emotional relation and a life event can be marked ``sensitive`` (an
ex-partner the client does not want named at a network meeting, a tie with a drug dealer, an
abortion). :func:`without_sensitive` gives the case as it may be shown: those records left out,
and everything that names a left-out person with them. The client is never left out (the whole
case is about them). Pure: the case passed in is not changed.

:func:`process_for_network` is what a paper for the network or the client may show of the
process (the invitation, the action plan, the client's plan, the evaluation): nothing marked
sensitive reaches the network's papers (``shared/domain.md`` §12.5). Sensitive help questions
and actions are left out, and with them what hangs on them; every reference to a sensitive
person is dropped.
"""

from __future__ import annotations

import dataclasses

from .model import Case, ChildRelation, Domain, LifeEvent, Network, Point
from .process import Process


def without_sensitive(case: Case) -> Case:
    """``case`` with every sensitive person, tie, emotional relation and life event left out,
    in the current network and in every snapshot, and every relation, membership, manual
    position and instrument answer (by who answered) that names a left-out person, and the
    process as :func:`process_for_network` shows it."""
    hidden = sensitive_persons(case)
    positions: dict[str, dict[str, Point]] = {
        view: {ref: point for ref, point in points.items() if ref not in hidden}
        for view, points in case.positions.items()
    }
    snapshots = [
        dataclasses.replace(
            s,
            network=_network(s.network, hidden),
            instruments=[i for i in s.instruments if i.respondent not in hidden],
        )
        for s in case.snapshots
    ]
    return dataclasses.replace(
        case,
        network=_network(case.network, hidden),
        snapshots=snapshots,
        positions=positions,
        instruments=[i for i in case.instruments if i.respondent not in hidden],
        process=_process(case.process, hidden),
    )


def sensitive_persons(case: Case) -> set[str]:
    """The ids of the persons marked sensitive, now or in a snapshot (never the client)."""
    hidden: set[str] = set()
    for net in (case.network, *(s.network for s in case.snapshots)):
        hidden |= {p.id for p in net.persons if p.sensitive and p.id != case.client}
    return hidden


def process_for_network(case: Case) -> Process:
    """The process of ``case`` as a paper for the network or the client may show it.

    Left out: help questions marked sensitive or asked by a sensitive person (their words may
    name them); actions marked sensitive, tied to a left-out question, or whose persons were
    all sensitive (their description may name them); evaluations of a left-out question or
    action. Dropped: every sensitive person among a question's persons, a meeting's invitees,
    an action's persons, the team's members and coordinator, and the persons to call in the
    relapse plan. A meeting's questions keep only the questions shown."""
    return _process(case.process, sensitive_persons(case))


def _process(process: Process, hidden: set[str]) -> Process:
    if process.is_empty():
        return process
    questions = [
        dataclasses.replace(q, persons=[p for p in q.persons if p not in hidden])
        for q in process.help_questions
        if not q.sensitive and q.asked_by not in hidden
    ]
    shown_q = {q.id for q in questions}
    actions = []
    for a in process.actions:
        persons = [ap for ap in a.persons if ap.person not in hidden]
        if a.sensitive or a.help_question not in shown_q or (a.persons and not persons):
            continue
        actions.append(dataclasses.replace(a, persons=persons))
    shown_a = {a.id for a in actions}
    meetings = [
        dataclasses.replace(
            m,
            invitees=[i for i in m.invitees if i.person not in hidden],
            questions=[q for q in m.questions if q in shown_q],
        )
        for m in process.meetings
    ]
    evaluations = [
        e
        for e in process.evaluations
        if (e.help_question is None or e.help_question in shown_q)
        and (e.action is None or e.action in shown_a)
    ]
    team = process.team
    if team is not None:
        coordinator = team.coordinator if team.coordinator not in hidden else None
        team = dataclasses.replace(
            team, members=[m for m in team.members if m not in hidden], coordinator=coordinator
        )
    closing = process.closing
    if closing is not None:
        closing = dataclasses.replace(closing, call=[c for c in closing.call if c not in hidden])
    return dataclasses.replace(
        process,
        help_questions=questions,
        meetings=meetings,
        actions=actions,
        evaluations=evaluations,
        team=team,
        closing=closing,
    )


def has_sensitive(case: Case) -> bool:
    """Is anything in the case (now or in a snapshot, or a help question or action of its
    process) marked sensitive?"""
    process = case.process
    if any(q.sensitive for q in process.help_questions) or any(
        a.sensitive for a in process.actions
    ):
        return True
    for net in (case.network, *(s.network for s in case.snapshots)):
        if (
            any(p.sensitive for p in net.persons)
            or any(t.sensitive for t in net.ties)
            or any(e.sensitive for e in net.emotions)
            or any(ev.sensitive for ev in net.events)
        ):
            return True
    return False


def _network(net: Network, hidden: set[str]) -> Network:
    def shown(*refs: str) -> bool:
        return not any(ref in hidden for ref in refs)

    children: list[ChildRelation] = []
    for ch in net.children:
        parents = [p for p in ch.parents if p not in hidden]
        if ch.child in hidden or not parents:
            continue
        children.append(ch if parents == ch.parents else dataclasses.replace(ch, parents=parents))
    domains: list[Domain] = [
        dataclasses.replace(d, members=[m for m in d.members if m not in hidden])
        for d in net.domains
    ]
    events: list[LifeEvent] = []
    for ev in net.events:
        persons = [p for p in ev.persons if p not in hidden]
        if ev.sensitive or (ev.persons and not persons):
            continue  # marked, or only about persons left out (its title may name them)
        events.append(ev if persons == ev.persons else dataclasses.replace(ev, persons=persons))
    return Network(
        persons=[p for p in net.persons if p.id not in hidden],
        household=[h for h in net.household if h not in hidden],
        couples=[c for c in net.couples if shown(c.a, c.b)],
        children=children,
        emotions=[e for e in net.emotions if not e.sensitive and shown(e.a, e.b)],
        ties=[t for t in net.ties if not t.sensitive and shown(t.a, t.b)],
        domains=domains,
        events=events,
    )


__all__ = ["has_sensitive", "process_for_network", "sensitive_persons", "without_sensitive"]
