"""How large a case may be: defined once, checked on every way in.

The limits are generous (a real practice never reaches them) and keep one case small enough to
read, store and draw on a shared server. :func:`check_limits` runs first in
:func:`~zorgkracht.domain.invariants.validate_case`, which every write of a case passes (case
file, network list, GEDCOM, the API, the edit operations, the forms and the interview), on
SQLite and PostgreSQL alike; the readers and forms use the same numbers for their own fields.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from .errors import Problem
from .model import Case, Network
from .process import Process

MAX_PERSONS = 5_000
"""Persons in one network (the current one or a snapshot). A family tree from GEDCOM can be
large (a test file has 2,145 persons); a practice's network map is far smaller."""
MAX_TIES = 50_000
"""Ties in one network."""
MAX_RECORDS = 10_000
"""Couples, child relations, emotional relations, domains, life events: each, per network."""
MAX_SNAPSHOTS = 100
MAX_POSITIONS = 10_000
"""Manual positions over all views."""
MAX_TITLE = 200
"""Case titles, snapshot labels, life-event titles."""
MAX_NAME = 200
"""Names of persons and domains, the kind of a pet."""
MAX_NOTE = 10_000
"""Every note."""
MAX_ID = 100
"""Ids of the records inside a case (persons, ties, snapshots, ...)."""
CASE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
"""Ids of new cases (they appear in addresses). A case stored earlier under another id keeps
it; a case file whose id does not fit is stored under a new opaque id."""
RECORD_ID = re.compile(r"^[^\s\x00-\x1f\x7f]{1,100}$")
"""Ids inside a case: no spaces or control characters (GEDCOM references keep their own)."""
MAX_JSON_DEPTH = 32
"""Nesting of a JSON document (a case file nests 6 deep)."""

# The process (referral to closing). A network meeting seats a living room, a plan holds what a
# network can carry (the book's Tavenier plan has six questions and a handful of actions,
# 3634-3711); these leave a long trajectory room to spare.
MAX_HELP_QUESTIONS = 200
MAX_MEETINGS = 200
MAX_ACTIONS = 1_000
MAX_EVALUATIONS = 500
MAX_INVITEES = 100
"""Invitees of one meeting."""
MAX_PROCESS_PERSONS = 100
"""Persons of one action, of one help question, team members, persons to call."""
MAX_STEPS = 100
"""Steps recorded of the phasing (the coach's phasing has ten)."""
_PROCESS_NAMES = frozenset(
    {
        "referrer_name",
        "referrer_organisation",
        "referrer_role",
        "coordinator",
        "coach",
        "facilitator",
        "place",
        "professional",
    }
)
"""Text fields of the process records that hold a name (at most :data:`MAX_NAME`); every other
text field of a process record is at most :data:`MAX_NOTE`."""


def _problem(where: str, nl: str, en: str, code: str) -> Problem:
    return Problem(where, nl, en, code)


def _count(where: str, count: int, limit: int, nl: str, en: str) -> list[Problem]:
    if count <= limit:
        return []
    return [
        _problem(
            where,
            f"te veel {nl}: {count}, hooguit {limit}",
            f"too many {en}: {count}, at most {limit}",
            "too_many",
        )
    ]


def _text(where: str, value: str | None, limit: int) -> list[Problem]:
    if value is None or len(value) <= limit:
        return []
    return [
        _problem(
            where,
            f"te lang: {len(value)} tekens, hooguit {limit}",
            f"too long: {len(value)} characters, at most {limit}",
            "too_long",
        )
    ]


def case_id_problem(case_id: str, where: str = "id") -> Problem | None:
    """Why ``case_id`` cannot be the id of a case, or ``None``."""
    if CASE_ID.match(case_id):
        return None
    return _problem(
        where,
        "een casus-id bestaat uit 1 tot 64 kleine letters, cijfers, - en _",
        "a case id is 1 to 64 lower-case letters, digits, - and _",
        "pattern",
    )


def _ids(where: str, ids: Iterable[str]) -> list[Problem]:
    for ident in ids:
        if not RECORD_ID.match(ident):
            return [
                _problem(
                    where,
                    f"een id bestaat uit 1 tot {MAX_ID} tekens zonder spaties",
                    f"an id is 1 to {MAX_ID} characters without spaces",
                    "pattern",
                )
            ]
    return []


def check_network(net: Network, prefix: str = "") -> list[Problem]:
    """The size of one network and the length of its texts."""
    problems = _count(f"{prefix}persons", len(net.persons), MAX_PERSONS, "personen", "persons")
    problems += _count(f"{prefix}ties", len(net.ties), MAX_TIES, "relaties", "ties")
    for name, items in (
        ("couples", net.couples),
        ("children", net.children),
        ("emotions", net.emotions),
        ("domains", net.domains),
        ("events", net.events),
    ):
        problems += _count(f"{prefix}{name}", len(items), MAX_RECORDS, "regels", "records")
    if problems:
        return problems
    for p in net.persons:
        w = f"{prefix}persons/{p.id[:MAX_ID]}"
        problems += _text(f"{w}/name", p.name, MAX_NAME)
        problems += _text(f"{w}/pet", p.pet, MAX_NAME)
        problems += _text(f"{w}/note", p.note, MAX_NOTE)
        for k, c in enumerate(p.conditions):
            problems += _text(f"{w}/conditions/{k}/note", c.note, MAX_NOTE)
    for d in net.domains:
        problems += _text(f"{prefix}domains/{d.id[:MAX_ID]}/name", d.name, MAX_NAME)
        problems += _text(f"{prefix}domains/{d.id[:MAX_ID]}/note", d.note, MAX_NOTE)
    for e in net.events:
        problems += _text(f"{prefix}events/{e.id[:MAX_ID]}/title", e.title, MAX_TITLE)
        problems += _text(f"{prefix}events/{e.id[:MAX_ID]}/note", e.note, MAX_NOTE)
    for kind, records in (
        ("ties", net.ties),
        ("couples", net.couples),
        ("emotions", net.emotions),
    ):
        for r in records:
            problems += _text(f"{prefix}{kind}/{r.id[:MAX_ID]}/note", r.note, MAX_NOTE)
    problems += _ids(f"{prefix}persons", (p.id for p in net.persons))
    for kind, ids in (
        ("ties", [r.id for r in net.ties]),
        ("couples", [r.id for r in net.couples]),
        ("children", [r.id for r in net.children]),
        ("emotions", [r.id for r in net.emotions]),
        ("domains", [r.id for r in net.domains]),
        ("events", [r.id for r in net.events]),
    ):
        problems += _ids(f"{prefix}{kind}", ids)
    return problems


def _record_texts(where: str, record: Any) -> list[Problem]:
    """Every text field of one process record within its limit (a name or a note)."""
    problems: list[Problem] = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str):
            limit = MAX_NAME if f.name in _PROCESS_NAMES else MAX_NOTE
            problems += _text(f"{where}/{f.name}", value, limit)
    return problems


_Count = tuple[str, int, int, str, str]
"""Where, how many, at most, what in Dutch, what in English."""


def _process_counts(process: Process) -> list[_Count]:
    """The lists inside the records of the process, with their limits."""
    w, most = "process", MAX_PROCESS_PERSONS
    counts: list[_Count] = []
    for q in process.help_questions:
        where = f"{w}/help_questions/{q.id[:MAX_ID]}/persons"
        counts.append((where, len(q.persons), most, "personen", "persons"))
    for m in process.meetings:
        where = f"{w}/meetings/{m.id[:MAX_ID]}"
        counts.append(
            (f"{where}/invitees", len(m.invitees), MAX_INVITEES, "genodigden", "invitees")
        )
        counts.append(
            (
                f"{where}/questions",
                len(m.questions),
                MAX_HELP_QUESTIONS,
                "hulpvragen",
                "help questions",
            )
        )
    for a in process.actions:
        where = f"{w}/actions/{a.id[:MAX_ID]}/persons"
        counts.append((where, len(a.persons), most, "personen", "persons"))
    if process.team is not None:
        members = len(process.team.members)
        counts.append((f"{w}/team/members", members, most, "teamleden", "team members"))
    if process.closing is not None:
        call = len(process.closing.call)
        counts.append((f"{w}/closing/call", call, most, "personen om te bellen", "persons to call"))
    return counts


def check_process(process: Process) -> list[Problem]:
    """The size of the process and the length of its texts (paths ``process/...``)."""
    w = "process"
    problems: list[Problem] = []
    for name, items, limit, nl, en in (
        (
            "help_questions",
            process.help_questions,
            MAX_HELP_QUESTIONS,
            "hulpvragen",
            "help questions",
        ),
        ("meetings", process.meetings, MAX_MEETINGS, "bijeenkomsten", "meetings"),
        ("actions", process.actions, MAX_ACTIONS, "acties", "actions"),
        ("evaluations", process.evaluations, MAX_EVALUATIONS, "evaluaties", "evaluations"),
        ("steps", process.steps, MAX_STEPS, "stappen", "steps"),
    ):
        problems += _count(f"{w}/{name}", len(items), limit, nl, en)
    if problems:
        return problems
    for where, count, limit, nl, en in _process_counts(process):
        problems += _count(where, count, limit, nl, en)
    if problems:
        return problems
    for name in ("referral", "intake", "coach", "team", "closing"):
        record = getattr(process, name)
        if record is not None:
            problems += _record_texts(f"{w}/{name}", record)
    for kind, records in (
        ("help_questions", process.help_questions),
        ("meetings", process.meetings),
        ("actions", process.actions),
        ("evaluations", process.evaluations),
    ):
        for r in records:
            problems += _record_texts(f"{w}/{kind}/{r.id[:MAX_ID]}", r)
        problems += _ids(f"{w}/{kind}", (r.id for r in records))
    for k, step in enumerate(process.steps):
        problems += _record_texts(f"{w}/steps/{k}", step)
    return problems


def check_limits(case: Case) -> list[Problem]:
    """Every limit the case breaks (empty when it fits)."""
    problems = _text("title", case.title, MAX_TITLE)
    problems += _text("note", case.note, MAX_NOTE)
    problems += _count(
        "snapshots", len(case.snapshots), MAX_SNAPSHOTS, "momentopnamen", "snapshots"
    )
    positions = sum(len(points) for points in case.positions.values())
    problems += _count("positions", positions, MAX_POSITIONS, "posities", "positions")
    if problems:
        return problems
    problems += check_network(case.network)
    for snap in case.snapshots:
        prefix = f"snapshots/{snap.id[:MAX_ID]}/"
        problems += _text(f"{prefix}label", snap.label, MAX_TITLE)
        problems += _text(f"{prefix}note", snap.note, MAX_NOTE)
        problems += check_network(snap.network, prefix)
    problems += _ids("snapshots", (s.id for s in case.snapshots))
    problems += check_process(case.process)
    return problems


def json_depth_exceeds(data: object, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether parsed JSON nests deeper than ``limit`` (checked without recursion)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Iterable[object] = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
