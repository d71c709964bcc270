"""The rules every case obeys, checked all at once so that a user sees every problem.

:func:`check_case` returns problems; :func:`validate_case` raises :class:`InvalidInput` with all
of them. Places are written as paths (``persons/p3/birth_year``) so they are the same in Dutch
and English and point into the case file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .codes import INSTRUMENT_ITEMS
from .errors import InvalidInput, Problem
from .limits import check_limits
from .model import Case, InstrumentResponse, Network

MIN_YEAR = 1000
MAX_YEAR = 2200
MAX_AGE = 130


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

    def unknown(where: str, ref: str, what_nl: str = "persoon", what_en: str = "person") -> None:
        add(
            _p(
                where,
                f"{what_nl} '{ref}' staat niet in de casus",
                f"{what_en} '{ref}' is not in the case",
                "unknown_reference",
            )
        )

    if client not in persons:
        unknown(f"{prefix}client", client, "cliënt", "client")
    if index is not None and index not in persons:
        unknown(f"{prefix}index_person", index, "indexpersoon", "index person")
    for ref in net.household:
        if ref not in persons:
            unknown(f"{prefix}household", ref)
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
        w = f"{prefix}persons/{p.id}"
        if not p.name.strip():
            add(_p(f"{w}/name", "naam is leeg", "name is empty", "required"))
        for attr in ("birth_year", "death_year"):
            year = getattr(p, attr)
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                add(
                    _p(
                        f"{w}/{attr}",
                        f"jaar {year} ligt niet tussen {MIN_YEAR} en {MAX_YEAR}",
                        f"year {year} is not between {MIN_YEAR} and {MAX_YEAR}",
                        "out_of_range",
                    )
                )
        if p.birth_year is not None and p.death_year is not None and p.death_year < p.birth_year:
            add(
                _p(
                    f"{w}/death_year",
                    f"overleden ({p.death_year}) vóór de geboorte ({p.birth_year})",
                    f"death ({p.death_year}) before birth ({p.birth_year})",
                    "death_before_birth",
                )
            )
        if p.age is not None and not 0 <= p.age <= MAX_AGE:
            add(
                _p(
                    f"{w}/age",
                    f"leeftijd {p.age} ligt niet tussen 0 en {MAX_AGE}",
                    f"age {p.age} is not between 0 and {MAX_AGE}",
                    "out_of_range",
                )
            )
        if p.weight is not None and not 1 <= p.weight <= 5:
            add(
                _p(
                    f"{w}/weight",
                    f"gewicht {p.weight} ligt niet tussen 1 en 5",
                    f"weight {p.weight} is not between 1 and 5",
                    "out_of_range",
                )
            )
        if p.pet is not None and not p.pet.strip():
            add(_p(f"{w}/pet", "soort huisdier is leeg", "kind of pet is empty", "required"))

    for c in net.couples:
        w = f"{prefix}couples/{c.id}"
        for end in (c.a, c.b):
            if end not in persons:
                unknown(w, end)
        if c.a == c.b:
            add(
                _p(
                    w,
                    f"'{c.a}' kan niet de eigen partner zijn",
                    f"'{c.a}' cannot be their own partner",
                    "self_partner",
                )
            )
        if c.start_year is not None and c.end_year is not None and c.end_year < c.start_year:
            add(
                _p(
                    f"{w}/end_year",
                    f"einde ({c.end_year}) vóór begin ({c.start_year})",
                    f"end ({c.end_year}) before start ({c.start_year})",
                    "end_before_start",
                )
            )

    for ch in net.children:
        w = f"{prefix}children/{ch.id}"
        if ch.child not in persons:
            unknown(w, ch.child)
        if not 1 <= len(ch.parents) <= 2:
            add(
                _p(
                    f"{w}/parents",
                    f"{len(ch.parents)} ouders; een kind hangt aan één of twee ouders",
                    f"{len(ch.parents)} parents; a child hangs from one or two parents",
                    "parent_count",
                )
            )
        if len(set(ch.parents)) != len(ch.parents):
            add(
                _p(
                    f"{w}/parents",
                    "dezelfde ouder staat er twee keer",
                    "the same parent is listed twice",
                    "duplicate_id",
                )
            )
        for parent in ch.parents:
            if parent not in persons:
                unknown(f"{w}/parents", parent)
            elif parent == ch.child:
                add(
                    _p(
                        w,
                        f"'{parent}' kan niet de eigen ouder zijn",
                        f"'{parent}' cannot be their own parent",
                        "self_parent",
                    )
                )
            else:
                kid, par = persons.get(ch.child), persons[parent]
                if (
                    kid is not None
                    and kid.birth_year is not None
                    and par.birth_year is not None
                    and kid.birth_year < par.birth_year
                ):
                    add(
                        _p(
                            w,
                            f"kind '{kid.id}' ({kid.birth_year}) is geboren vóór ouder "
                            f"'{par.id}' ({par.birth_year})",
                            f"child '{kid.id}' ({kid.birth_year}) was born before parent "
                            f"'{par.id}' ({par.birth_year})",
                            "child_before_parent",
                        )
                    )
        if ch.twin_type is not None and ch.twin_group is None:
            add(
                _p(
                    f"{w}/twin_type",
                    "soort tweeling zonder tweelinggroep",
                    "twin type without a twin group",
                    "twin_without_group",
                )
            )
    problems.extend(_parent_cycles(net, prefix))

    for e in net.emotions:
        w = f"{prefix}emotions/{e.id}"
        for end in (e.a, e.b):
            if end not in persons:
                unknown(w, end)
        if e.a == e.b:
            add(
                _p(
                    w,
                    "een relatie verbindt twee verschillende personen",
                    "a relation joins two different persons",
                    "self_relation",
                )
            )

    for t in net.ties:
        w = f"{prefix}ties/{t.id}"
        for end in (t.a, t.b):
            if end not in nodes:
                unknown(w, end, "persoon of domein", "person or domain")
        if t.a == t.b:
            add(
                _p(
                    w,
                    "een band verbindt twee verschillende personen of domeinen",
                    "a tie joins two different persons or domains",
                    "self_relation",
                )
            )
        if not 1 <= t.strength <= 3:
            add(
                _p(
                    f"{w}/strength",
                    f"sterkte {t.strength} ligt niet tussen 1 en 3",
                    f"strength {t.strength} is not between 1 and 3",
                    "out_of_range",
                )
            )
        if t.care_hours_per_week is not None and not 0 <= t.care_hours_per_week <= 168:
            add(
                _p(
                    f"{w}/care_hours_per_week",
                    f"{t.care_hours_per_week} zorguren per week ligt niet tussen 0 en 168",
                    f"{t.care_hours_per_week} care hours a week is not between 0 and 168",
                    "out_of_range",
                )
            )
        if t.care_months is not None and t.care_months < 0:
            add(
                _p(
                    f"{w}/care_months",
                    "zorgmaanden kan niet negatief zijn",
                    "care months cannot be negative",
                    "out_of_range",
                )
            )
        if t.care_months is not None and t.care_since is not None:
            add(
                _p(
                    f"{w}/care_since",
                    "geef zorgmaanden óf een begindatum, niet beide",
                    "give care months or a start date, not both",
                    "both_given",
                )
            )

    for d in net.domains:
        w = f"{prefix}domains/{d.id}"
        if not d.name.strip():
            add(_p(f"{w}/name", "naam is leeg", "name is empty", "required"))
        for ref in d.members:
            if ref not in persons:
                unknown(f"{w}/members", ref)

    for ev in net.events:
        w = f"{prefix}events/{ev.id}"
        if not ev.title.strip():
            add(_p(f"{w}/title", "titel is leeg", "title is empty", "required"))
        if not -3 <= ev.valence <= 3:
            add(
                _p(
                    f"{w}/valence",
                    f"waardering {ev.valence} ligt niet tussen -3 en 3",
                    f"valence {ev.valence} is not between -3 and 3",
                    "out_of_range",
                )
            )
        if not MIN_YEAR <= ev.year <= MAX_YEAR:
            add(
                _p(
                    f"{w}/year",
                    f"jaar {ev.year} ligt niet tussen {MIN_YEAR} en {MAX_YEAR}",
                    f"year {ev.year} is not between {MIN_YEAR} and {MAX_YEAR}",
                    "out_of_range",
                )
            )
        if ev.date is not None and ev.date.year != ev.year:
            add(
                _p(
                    f"{w}/date",
                    f"datum {ev.date.isoformat()} valt niet in jaar {ev.year}",
                    f"date {ev.date.isoformat()} is not in year {ev.year}",
                    "inconsistent",
                )
            )
        for ref in ev.persons:
            if ref not in persons:
                unknown(f"{w}/persons", ref)
    return problems


def _parent_cycles(net: Network, prefix: str) -> Iterator[Problem]:
    """A person who is their own ancestor, through any number of generations."""
    parents: dict[str, set[str]] = {}
    for ch in net.children:
        parents.setdefault(ch.child, set()).update(p for p in ch.parents if p != ch.child)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> Iterator[Problem]:
        state[node] = 1
        path.append(node)
        for parent in sorted(parents.get(node, ())):
            if state.get(parent) == 1:
                cycle = path[path.index(parent) :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    chain = " → ".join([*cycle, parent])
                    yield _p(
                        f"{prefix}children",
                        f"ouderlijn loopt rond: {chain}",
                        f"parent line forms a cycle: {chain}",
                        "parent_cycle",
                    )
            elif parent not in state:
                yield from visit(parent, path)
        path.pop()
        state[node] = 2

    for start in sorted(parents):
        if start not in state:
            yield from visit(start, [])


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
    for snap in case.snapshots:
        problems.extend(check_network(snap.network, case.client, None, f"snapshots/{snap.id}/"))
        for k, response in enumerate(snap.instruments):
            problems.extend(check_instrument(response, f"snapshots/{snap.id}/instruments/{k}"))
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


def check_instrument(response: InstrumentResponse, where: str) -> list[Problem]:
    """An instrument code that is known, item numbers it has and answers within their range."""
    spec = INSTRUMENT_ITEMS.get(response.instrument)
    if spec is None:
        known = ", ".join(sorted(INSTRUMENT_ITEMS))
        return [
            _p(
                f"{where}/instrument",
                f"onbekend instrument '{response.instrument}' (bekend: {known})",
                f"unknown instrument '{response.instrument}' (known: {known})",
                "unknown_instrument",
            )
        ]
    items, low, high = spec
    problems: list[Problem] = []
    for item, answer in response.answers.items():
        if item not in {str(i) for i in range(1, items + 1)}:
            problems.append(
                _p(
                    f"{where}/answers/{item}",
                    f"{response.instrument} heeft geen item '{item}' (items 1-{items})",
                    f"{response.instrument} has no item '{item}' (items 1-{items})",
                    "unknown_item",
                )
            )
        elif answer is not None and not low <= answer <= high:
            problems.append(
                _p(
                    f"{where}/answers/{item}",
                    f"antwoord {answer} ligt niet tussen {low} en {high}",
                    f"answer {answer} is not between {low} and {high}",
                    "out_of_range",
                )
            )
    return problems


def validate_case(case: Case, source: str | None = None) -> Case:
    """Return ``case`` unchanged, or raise :class:`InvalidInput` listing every problem.

    The size limits (:mod:`zorgkracht.domain.limits`) are checked first: a case over them is
    refused before anything else looks at it."""
    problems = check_limits(case) or check_case(case)
    if problems:
        raise InvalidInput(problems, source)
    return case
