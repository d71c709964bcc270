"""The rules every case obeys, checked all at once so that a user sees every problem.

The rules of each record are in :mod:`zorgkracht.domain.rules` (shared with the edit
operations); this module applies them to whole networks and adds what only a whole case can
break: unique ids, the client, the household, snapshots, instruments and positions.

:func:`check_case` returns problems; :func:`validate_case` raises :class:`InvalidInput` with all
of them. Places are written as paths (``persons/p3/birth_year``) so they are the same in Dutch
and English and point into the case file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from .bounds import MAX_AGE, MAX_YEAR, MIN_YEAR
from .errors import InvalidInput, Problem
from .limits import check_limits
from .lineage import cycle_finder
from .model import Case, InstrumentResponse, Network
from .process_rules import check_process
from .rules import (
    child_problems,
    couple_problems,
    domain_problems,
    emotion_problems,
    event_problems,
    instrument_problems,
    person_problems,
    record_at,
    tie_problems,
    unknown,
)

__all__ = ["MAX_AGE", "MAX_YEAR", "MIN_YEAR", "check_case", "check_network", "validate_case"]


def _p(where: str, nl: str, en: str, code: str) -> Problem:
    return Problem(where=where, nl=nl, en=en, code=code)


def check_network(net: Network, client: str, index: str | None, prefix: str = "") -> list[Problem]:
    """Problems with one network (the current state of a case or one of its snapshots)."""
    problems: list[Problem] = []
    add = problems.append

    # ids: unique across every kind of record, since ties may point at persons or domains
    ids: list[tuple[str, str]] = []
    for kind, items in (
        ("persons", net.persons),
        ("domains", net.domains),
        ("couples", net.couples),
        ("children", net.children),
        ("emotions", net.emotions),
        ("ties", net.ties),
        ("events", net.events),
    ):
        for item in items:
            ids.append((kind, item.id))
            if not item.id or not item.id.strip():
                add(_p(f"{prefix}{kind}", "een id is leeg", "an id is empty", "empty_id"))
    for ident, count in Counter(i for _, i in ids).items():
        if count > 1 and ident:
            add(
                _p(
                    f"{prefix}{ident}",
                    f"id '{ident}' komt {count} keer voor",
                    f"id '{ident}' occurs {count} times",
                    "duplicate_id",
                )
            )

    persons = {p.id: p for p in net.persons}
    nodes = set(persons) | {d.id for d in net.domains}

    if client not in persons:
        add(unknown(f"{prefix}client", client, "cliënt", "client"))
    if index is not None and index not in persons:
        add(unknown(f"{prefix}index_person", index, "indexpersoon", "index person"))
    for ref in net.household:
        if ref not in persons:
            add(unknown(f"{prefix}household", ref))
    for ref, count in Counter(net.household).items():
        if count > 1:
            add(
                _p(
                    f"{prefix}household",
                    f"'{ref}' staat dubbel in het cliëntsysteem",
                    f"'{ref}' is listed twice in the client system",
                    "duplicate_id",
                )
            )

    for p in net.persons:
        problems += person_problems(p, record_at(f"{prefix}persons/{p.id}"))
    for c in net.couples:
        problems += couple_problems(c, persons, record_at(f"{prefix}couples/{c.id}"))
    cycle = cycle_finder(net.children)
    for ch in net.children:
        problems += child_problems(ch, persons, cycle, record_at(f"{prefix}children/{ch.id}"))
    for e in net.emotions:
        problems += emotion_problems(e, persons, record_at(f"{prefix}emotions/{e.id}"))
    for t in net.ties:
        problems += tie_problems(t, nodes, record_at(f"{prefix}ties/{t.id}"))
    for d in net.domains:
        problems += domain_problems(d, persons, record_at(f"{prefix}domains/{d.id}"))
    for ev in net.events:
        problems += event_problems(ev, persons, record_at(f"{prefix}events/{ev.id}"))
    return problems


def check_case(case: Case) -> list[Problem]:
    problems: list[Problem] = []
    if not case.id.strip():
        problems.append(_p("id", "id van de casus is leeg", "case id is empty", "required"))
    if not case.title.strip():
        problems.append(_p("title", "titel is leeg", "title is empty", "required"))
    problems.extend(check_network(case.network, case.client, case.index_person))
    for ident, count in Counter(s.id for s in case.snapshots).items():
        if count > 1:
            problems.append(
                _p(
                    f"snapshots/{ident}",
                    f"momentopname '{ident}' komt {count} keer voor",
                    f"snapshot '{ident}' occurs {count} times",
                    "duplicate_id",
                )
            )
    for k, response in enumerate(case.instruments):
        problems.extend(check_instrument(response, f"instruments/{k}", case.network.person_ids()))
    for snap in case.snapshots:
        problems.extend(check_network(snap.network, case.client, None, f"snapshots/{snap.id}/"))
        for k, response in enumerate(snap.instruments):
            where = f"snapshots/{snap.id}/instruments/{k}"
            problems.extend(check_instrument(response, where, snap.network.person_ids()))
    problems.extend(check_process(case))
    known = case.network.person_ids() | {d.id for d in case.network.domains}
    for view, points in case.positions.items():
        for ref in points:
            if ref not in known:
                problems.append(
                    _p(
                        f"positions/{view}/{ref}",
                        f"positie voor '{ref}', die niet in de casus staat",
                        f"position for '{ref}', who is not in the case",
                        "unknown_reference",
                    )
                )
    return problems


def check_instrument(
    response: InstrumentResponse, where: str, persons: Collection[str] | None = None
) -> list[Problem]:
    """An instrument code that is known, item numbers it has and answers within their range;
    with ``persons``, also a respondent among them (:func:`~.rules.instrument_problems`)."""
    known = persons if persons is not None else {response.respondent or ""}
    return instrument_problems(response, known, record_at(where))


def validate_case(case: Case, source: str | None = None) -> Case:
    """Return ``case`` unchanged, or raise :class:`InvalidInput` listing every problem.

    The size limits (:mod:`zorgkracht.domain.limits`) are checked first: a case over them is
    refused before anything else looks at it."""
    problems = check_limits(case) or check_case(case)
    if problems:
        raise InvalidInput(problems, source)
    return case
