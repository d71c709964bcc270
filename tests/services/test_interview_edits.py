"""The interview's answers as edit operations, saved through the service's one edit path:
each step gives the same case as a reference that builds the changed case by hand (the old
code, with the domains by code and role and the family tree of partners and children added),
one new version per step, and a step that fails changes nothing.

The database tests run on SQLite and PostgreSQL (``tests/storage/conftest.py``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from zorgkracht.domain import (
    Case,
    ChildRelation,
    Circle,
    Conflict,
    CoupleRelation,
    Direction,
    Domain,
    Frequency,
    Gender,
    InvalidInput,
    Network,
    Person,
    Quality,
    Role,
    Snapshot,
    Support,
    Tie,
    Zone,
    validate_case,
)
from zorgkracht.domain.ids import new_id, next_id, used_ids
from zorgkracht.interchange import case_json
from zorgkracht.services import CaseService
from zorgkracht.services import interview as iv
from zorgkracht.services.edits import Json, apply_edit
from zorgkracht.services.permissions import Actor
from zorgkracht.storage import CaseStore


# --- the old way: the changed case built by hand (before the answers became operations) -------
def old_add_name(case: Case, step_key: str, name: str, role: str, another: bool) -> Case:
    step = iv.name_step(step_key)
    clean = " ".join(name.split())
    if iv.find_by_name(case, clean) is not None and not another:
        return case
    changed = copy.deepcopy(case)
    net = changed.network
    taken = used_ids(changed)
    person = Person(
        id=new_id(taken, "p"),
        name=clean,
        gender=Gender.UNKNOWN,
        role=Role(role) if role else step.roles[0],
        circle=step.circle,
        zone=step.zone,
        frequency=step.frequency,
    )
    net.persons.append(person)
    taken.add(person.id)
    net.ties.append(Tie(id=new_id(taken, "t"), a=changed.client, b=person.id))
    if step.household:
        if changed.client not in net.household:
            net.household.insert(0, changed.client)
        net.household.append(person.id)
    kind = step.domain_for(person.role or step.roles[0])
    if kind is not None:
        domain = next((d for d in net.domains if d.kind is kind), None)
        if domain is None:
            domain = Domain(id=new_id(taken, "d"), name=kind.value, kind=kind)
            net.domains.append(domain)
        domain.members.append(person.id)
    # the family tree (the script names no parent or sibling)
    if person.role is Role.PARTNER:
        net.couples.append(CoupleRelation(id=new_id(taken, "c"), a=changed.client, b=person.id))
    if person.role is Role.CHILD:
        partners = [c.b for c in net.couples if c.a == changed.client]
        net.children.append(
            ChildRelation(
                id=new_id(taken, "ch"), child=person.id, parents=[changed.client, *partners[:1]]
            )
        )
    return changed


def old_set_interpreters(case: Case, person_id: str, answers: dict[str, list[str]]) -> Case:
    """The old code for the answers of the script (all valid; codes given as values)."""
    changed = copy.deepcopy(case)
    person = changed.network.person(person_id)
    for field, kind in (("role", Role), ("frequency", Frequency), ("zone", Zone)):
        if field in answers:
            value = answers[field][0]
            setattr(person, field, kind(value) if value else None)
    if "circle" in answers:
        value = answers["circle"][0]
        person.circle = Circle.from_number(int(value)) if value else None
    tie = iv.client_tie(changed, person_id)
    if tie is None:
        tie = Tie(id=next_id(changed, "ties"), a=changed.client, b=person_id)
        changed.network.ties.append(tie)
    if "quality" in answers:
        value = answers["quality"][0]
        tie.quality = Quality(value) if value else Quality.POSITIVE
    if "reciprocal" in answers:
        tie.reciprocal = {"yes": True, "no": False}.get(answers["reciprocal"][0])
    if "support" in answers:
        tie.support = {Support(v) for v in answers["support"]}
    if "support" in answers or "reciprocal" in answers:
        gives, back = bool(tie.support), tie.reciprocal
        client_is_a = tie.a == changed.client
        if gives and back:
            tie.direction = Direction.BOTH
        elif gives:
            tie.direction = Direction.TO_CLIENT if client_is_a else Direction.FROM_CLIENT
        elif back:
            tie.direction = Direction.FROM_CLIENT if client_is_a else Direction.TO_CLIENT
        else:
            tie.direction = Direction.NONE
    return changed


def old_set_acquaintances(case: Case, pairs: list[str]) -> Case:
    order = {p.id: i for i, p in enumerate(case.members())}
    wanted = {iv.pair_key(order, *raw.split()) for raw in pairs}
    changed = copy.deepcopy(case)
    net = changed.network
    kept: list[Tie] = []
    present: set[tuple[str, str]] = set()
    for tie in net.ties:
        if tie.a in order and tie.b in order and tie.a != tie.b:
            key = iv.pair_key(order, tie.a, tie.b)
            if key not in wanted or key in present:
                continue
            present.add(key)
        kept.append(tie)
    taken = used_ids(changed)
    for a, b in sorted(wanted - present, key=lambda k: (order[k[0]], order[k[1]])):
        tie = Tie(id=new_id(taken, "t"), a=a, b=b)
        taken.add(tie.id)
        kept.append(tie)
    net.ties = kept
    return changed


# --- the script ------------------------------------------------------------------------------
Step = tuple[Callable[[Case], Case], Callable[[Case], list[Json]]]


def name(step: str, who: str, role: str = "", another: bool = False) -> Step:
    return (
        lambda case: old_add_name(case, step, who, role, another),
        lambda case: (
            iv.name_operations(case, step, who, role=role, another_person=another).operations
        ),
    )


def about(person: str, answers: dict[str, list[str]]) -> Step:
    return (
        lambda case: old_set_interpreters(case, person, answers),
        lambda case: iv.interpreter_operations(case, person, answers),
    )


def knows(*pairs: str) -> Step:
    return (
        lambda case: old_set_acquaintances(case, list(pairs)),
        lambda case: iv.acquaintance_operations(case, pairs),
    )


SCRIPT: list[Step] = [
    name("household", "Piet", "partner"),
    name("household", "Sanne", "child"),
    name("family", "Oma Truus", "grandparent"),
    name("neighbours", "Jolanda"),
    name("neighbours", "Ali"),  # joins the domain made for Jolanda
    name("work", "Karin"),
    name("professionals", "Julia"),
    name("friends", "piet "),  # already there: nothing to do
    name("friends", "Piet", another=True),
    name("birthday", "Marco"),
    name("tickets", "Evi", "friend"),
    about("p3", {"role": ["child"], "circle": ["1"], "support": ["P", "E"], "reciprocal": ["yes"]}),
    about("p4", {"frequency": ["weekly"], "zone": ["town"], "quality": ["tense"]}),
    about("p4", {}),  # nothing changes, and still one new version
    about("p5", {"support": ["A"], "reciprocal": ["no"], "quality": [""]}),
    about("stray", {"support": ["G"], "role": ["friend"]}),  # no tie with the client yet
    about("p6", {"support": [], "reciprocal": ["unknown"], "circle": [""]}),
    knows("p3 p4", "p5 p6", "p4 p6", "p7 p8", "bo stray"),  # one of the two ties kept
    knows("p3 p4", "p6 p7", "stray p3"),
    knows(),
]


def start() -> Case:
    """A case with persons the client has no tie with, a duplicate tie between two members,
    and a snapshot holding ids the network no longer has (never handed out again)."""
    persons = [
        Person(id="p1", name="Kim", gender=Gender.FEMALE),
        Person(id="stray", name="Eef"),
        Person(id="bo", name="Bo"),
    ]
    old = Network(
        persons=[*copy.deepcopy(persons), Person(id="p2", name="Weg")],
        ties=[Tie(id="t1", a="p1", b="p2")],
    )
    return Case(
        id="kim",
        title="Netwerk van Kim",
        client="p1",
        network=Network(
            persons=persons,
            ties=[Tie(id="t5", a="stray", b="bo"), Tie(id="t6", a="bo", b="stray", strength=3)],
        ),
        snapshots=[Snapshot(id="s1", label="eerder", network=old)],
    )


def test_each_step_gives_the_case_the_old_code_gave() -> None:
    """The pure form: each answer's operations applied to a copy."""
    old = new = start()
    for step, (old_way, operations) in enumerate(SCRIPT):
        old = old_way(old)
        new = iv.apply_operations(new, operations(new))
        assert case_json.case_to_dict(new) == case_json.case_to_dict(old), f"step {step}"
        assert new == old, f"step {step}"
        validate_case(new)
    assert len(new.members()) == 12
    assert "p2" not in new.network.person_ids()  # ids a snapshot holds are not handed out
    assert "t1" not in {t.id for t in new.network.ties}


def test_each_step_is_one_save_through_the_edit_path(store: CaseStore) -> None:
    service = CaseService(store)
    operator = Actor.operator()
    record = service.create(start())
    old = start()
    for step, (old_way, operations) in enumerate(SCRIPT):
        old = old_way(old)
        ops = operations(record.case)
        if not ops and step < 11:  # a name already there is not saved at all
            continue
        saved = iv.save_answer(service, operator, record.case.id, record.version, ops)
        assert saved.version == record.version + 1, f"step {step}"
        assert service.get(record.case.id).case == old, f"step {step}"
        record = saved
    assert record.version == len(SCRIPT)  # created at 1; one name was already there


def test_a_failing_step_changes_nothing(store: CaseStore) -> None:
    service = CaseService(store)
    operator = Actor.operator()
    record = service.create(start())
    ops = iv.name_operations(record.case, "neighbours", "Jolanda").operations
    before = service.get(record.case.id)
    with pytest.raises(InvalidInput) as caught:  # the last operation fails: none is saved
        iv.save_answer(
            service,
            operator,
            record.case.id,
            record.version,
            [*ops, {"op": "remove_tie", "id": "x"}],
        )
    assert [p.where for p in caught.value.problems] == [f"operations/#{len(ops) + 1}/id"]
    with pytest.raises(Conflict):  # the page showed an older version
        iv.save_answer(service, operator, record.case.id, record.version - 1, ops)
    with pytest.raises(InvalidInput):  # bad input is refused before anything is tried
        iv.interpreter_operations(record.case, "stray", {"quality": ["awful"]})
    after = service.get(record.case.id)
    assert after.version == before.version
    assert after.case == before.case


def test_a_step_can_be_undone_by_its_inverse() -> None:
    case = start()
    ops = iv.name_operations(case, "household", "Piet", role="partner").operations
    done = apply_edit(case, iv.batch(ops))
    assert done.inverse["op"] == "batch"
    assert apply_edit(done.case, done.inverse).case == case
