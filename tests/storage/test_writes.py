"""Saving, deleting and the rules around them: versions, conflicts, validation, atomicity."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlalchemy import Engine

from zorgkracht.domain import Case, Person, Tie
from zorgkracht.domain.codes import CareTask, ChildType, Energy, Identity, Role, Support, Wish
from zorgkracht.domain.errors import Conflict, InvalidInput, NotFound
from zorgkracht.domain.invariants import validate_case
from zorgkracht.domain.model import InstrumentResponse, Snapshot
from zorgkracht.storage import CaseStore
from zorgkracht.storage.store import CaseStore as StoreClass

from .conftest import race, table_counts
from .samples import sample_case


def _edited(case: Case, title: str) -> Case:
    """A copy of ``case`` with another title, one person more and one tie less."""
    import copy

    new = copy.deepcopy(case)
    new.title = title
    new.network.persons.append(Person(id="nieuw", name="Nieuwe buur"))
    new.network.ties.pop(0)
    new.snapshots.pop()
    return new


def test_save_replaces_the_content_and_bumps_the_version(store: CaseStore, sql: Engine) -> None:
    first = store.add(sample_case())
    edited = _edited(first.case, "Nieuwe titel")
    saved = store.save(edited, 1)
    assert saved.version == 2
    assert saved.created_at == first.created_at
    assert saved.updated_at > first.updated_at
    loaded = store.get(edited.id)
    assert loaded.case == edited
    assert loaded.version == 2
    assert (loaded.created_at, loaded.updated_at) == (saved.created_at, saved.updated_at)
    counts = table_counts(sql)
    assert counts["networks"] == 2  # one snapshot was dropped; no old rows are left behind
    assert counts["persons"] == 8 + 5
    assert counts["ties"] == 2 + 2
    assert store.save(loaded.case, 2).version == 3


def test_a_stale_save_is_a_conflict_and_changes_nothing(store: CaseStore) -> None:
    store.add(sample_case())
    current = store.save(_edited(sample_case(), "Versie twee"), 1)
    with pytest.raises(Conflict) as caught:
        store.save(_edited(sample_case(), "Oude versie"), 1)
    assert "versie 2, u had versie 1" in caught.value.nl
    assert "laad opnieuw" in caught.value.nl
    assert "version 2, you had version 1" in caught.value.en
    loaded = store.get("zorg-1")
    assert loaded.version == 2
    assert loaded.case == current.case
    assert loaded.updated_at == current.updated_at


def test_a_failing_save_changes_nothing(
    store: CaseStore, sql: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.add(sample_case())
    before = table_counts(sql)
    original = StoreClass._insert_networks

    def half_then_fail(s: object, case: Case) -> None:
        original(s, case)  # type: ignore[arg-type]
        raise RuntimeError("disk full")

    monkeypatch.setattr(StoreClass, "_insert_networks", staticmethod(half_then_fail))
    with pytest.raises(RuntimeError):
        store.save(_edited(first.case, "Halverwege"), 1)
    monkeypatch.undo()
    assert table_counts(sql) == before
    loaded = store.get(first.case.id)
    assert loaded.version == 1
    assert loaded.case == first.case


@pytest.mark.parametrize("round_", range(3))
def test_two_editors_saving_the_same_version_exactly_one_wins(
    store: CaseStore, db_url: str, round_: int
) -> None:
    store.add(sample_case())
    other = CaseStore(db_url)  # a second process, as it were
    try:
        mine = store.get("zorg-1")
        theirs = other.get("zorg-1")
        assert mine.version == theirs.version == 1
        a = _edited(mine.case, f"Editor A {round_}")
        b = _edited(theirs.case, f"Editor B {round_}")
        results = race(lambda: store.save(a, 1), lambda: other.save(b, 1))
    finally:
        other.close()
    conflicts = [r for r in results if isinstance(r, Conflict)]
    wins = [r for r in results if not isinstance(r, Exception)]
    assert len(conflicts) == 1 and len(wins) == 1, results
    winner = a if results[0] is wins[0] else b
    loaded = store.get("zorg-1")
    assert loaded.version == 2
    assert loaded.case == winner


def test_two_adds_of_the_same_id_exactly_one_wins(store: CaseStore, db_url: str) -> None:
    other = CaseStore(db_url)
    try:
        results = race(
            lambda: store.add(sample_case(title="A")), lambda: other.add(sample_case(title="B"))
        )
    finally:
        other.close()
    assert sorted(type(r).__name__ for r in results) == ["CaseRecord", "Conflict"], results
    assert store.count() == 1


def test_adding_an_existing_id_is_a_conflict(store: CaseStore) -> None:
    first = store.add(sample_case())
    with pytest.raises(Conflict) as caught:
        store.add(sample_case(title="Een ander"))
    assert "zorg-1" in caught.value.nl and "already exists" in caught.value.en
    loaded = store.get("zorg-1")
    assert loaded.case == first.case
    assert loaded.version == 1


def test_missing_cases_are_not_found(store: CaseStore) -> None:
    with pytest.raises(NotFound) as caught:
        store.get("nergens")
    assert "nergens" in caught.value.nl and "does not exist" in caught.value.en
    with pytest.raises(NotFound):
        store.delete("nergens", 1)
    with pytest.raises(NotFound):
        store.save(sample_case("nergens"), 1)
    assert store.count() == 0


def test_a_stale_delete_is_a_conflict_and_keeps_the_case(store: CaseStore) -> None:
    store.add(sample_case())
    store.save(sample_case(title="Twee"), 1)
    with pytest.raises(Conflict) as caught:
        store.delete("zorg-1", 1)
    assert "versie 2, u had versie 1" in caught.value.nl
    assert store.get("zorg-1").version == 2
    store.delete("zorg-1", 2)
    assert store.count() == 0
    with pytest.raises(NotFound):
        store.get("zorg-1")


def test_an_invalid_case_is_refused_and_nothing_is_stored(store: CaseStore, sql: Engine) -> None:
    bad = sample_case()
    bad.network.ties.append(Tie(id="t-bad", a="zoë", b="niemand"))
    with pytest.raises(InvalidInput) as caught:
        store.add(bad)
    assert any(p.code == "unknown_reference" for p in caught.value.problems)
    assert store.count() == 0
    assert set(table_counts(sql).values()) == {0}

    good = store.add(sample_case())
    with pytest.raises(InvalidInput):
        store.save(bad, 1)
    loaded = store.get("zorg-1")
    assert loaded.version == 1
    assert loaded.case == good.case


def test_a_value_no_column_can_hold_is_invalid_input(store: CaseStore, sql: Engine) -> None:
    too_big = sample_case()
    too_big.network.ties[0].care_months = 2**70  # the rules set no upper bound
    with pytest.raises(InvalidInput) as caught:
        store.add(too_big)
    assert caught.value.problems[0].code == "storage_value"
    assert set(table_counts(sql).values()) == {0}

    stored = store.add(sample_case())
    with pytest.raises(InvalidInput):
        store.save(too_big, 1)
    loaded = store.get("zorg-1")
    assert (loaded.version, loaded.case) == (1, stored.case)


def _remove_person(case: Case, person_id: str) -> None:
    """Take ``person_id`` and everything that names them out of the current network."""
    net = case.network
    net.persons = [p for p in net.persons if p.id != person_id]
    net.household = [h for h in net.household if h != person_id]
    net.couples = [c for c in net.couples if person_id not in (c.a, c.b)]
    net.children = [c for c in net.children if person_id not in (c.child, *c.parents)]
    net.emotions = [e for e in net.emotions if person_id not in (e.a, e.b)]
    net.ties = [t for t in net.ties if person_id not in (t.a, t.b)]
    for d in net.domains:
        d.members = [m for m in d.members if m != person_id]
    for ev in net.events:
        ev.persons = [p for p in ev.persons if p != person_id]


def _edit(name: str, case: Case) -> None:
    """One kind of edit the web app makes, applied to ``case`` in place."""
    net = case.network
    if name == "title and positions":
        case.title = "Andere titel"
        case.positions["genogram"]["zoë"].x = 99.0
    elif name == "one tie":
        net.ties[1].strength = 1
        net.ties[1].support = {Support.PRACTICAL, Support.ADVICE}
    elif name == "one person":
        net.persons[2].role = Role.PARTNER
        net.persons[2].note = "nu partner"
    elif name == "identities and conditions":
        net.persons[1].identities = {Identity.BISEXUAL}
        net.persons[0].conditions.pop(0)
        net.persons[0].identities.discard(Identity.LESBIAN)
    elif name == "person added first":
        net.persons.insert(0, Person(id="nieuw", name="Nieuwe buur", role=Role.NEIGHBOUR))
        net.ties.append(Tie(id="t-nieuw", a="zoë", b="nieuw"))
    elif name == "tie and couple moved to a new person":
        # tie and couple keep their ids (updated in place); the person they now name is new
        net.persons.append(Person(id="nieuw", name="Nieuwe buur"))
        net.ties[0].b = "nieuw"
        net.couples[0].b = "nieuw"
    elif name == "person removed":
        _remove_person(case, "buur")
    elif name == "persons reordered":
        net.persons.reverse()
    elif name == "household reordered":
        net.household.reverse()
    elif name == "couple names another person":
        net.couples[0].b = "buur"
    elif name == "parents reordered":
        net.children[0].parents.reverse()
    elif name == "domain members":
        net.domains[0].members = ["moeder"]
        net.domains[1].members = ["buur", "opa"]
    elif name == "domain, event and child relation renamed":
        # Only the parent rows change; the rows hanging from them (members, persons of the
        # event, parents) must survive the rewrite of their parent table.
        net.domains[0].name = "Kantoor"
        net.events[1].title = "Andere baan"
        net.children[0].type = ChildType.FOSTER
    elif name == "domain removed":
        net.domains.pop(0)
        net.ties = [t for t in net.ties if "werk" not in (t.a, t.b)]
        del case.positions["ecogram"]["werk"]
    elif name == "event persons":
        net.events[1].persons = ["opa"]
        net.events.reverse()
    elif name == "snapshot details":
        case.snapshots[0].label = "Later nog"
        case.snapshots[0].note = ""
        case.snapshots[1].taken_on = dt.date(2023, 1, 2)
        case.snapshots[0].instruments[0].answers["1"] = 2
    elif name == "snapshot network":
        case.snapshots[1].network.ties.pop()
        case.snapshots[1].network.persons[0].name = "Zoë Ü."
    elif name == "recorded fields of a person":
        net.persons[2].wish = Wish.NONE
        net.persons[2].may_ask = None
        net.persons[4].organisation = True
        net.persons[4].receives_care = False
        net.persons[1].energy = Energy.GIVES
    elif name == "care tasks and the client's care":
        net.ties[0].care_tasks = {CareTask.TRANSPORT}
        net.ties[0].client_care_tasks.clear()
        net.ties[1].client_care_hours_per_week = 40.0
        net.ties[1].client_care_months = 3
    elif name == "instruments of now":
        case.instruments[0].answers["2"] = 1
        case.instruments[0].respondent = "buur"
        case.instruments.pop()
        case.instruments.append(InstrumentResponse(instrument="lsns6", respondent="broer"))
    elif name == "respondent of a snapshot's answers":
        case.snapshots[0].instruments[0].respondent = None
        case.snapshots[0].instruments[1].respondent = "moeder"
    elif name == "snapshots reordered":
        case.snapshots.reverse()
    elif name == "snapshot added":
        case.snapshots.append(Snapshot(id="s-nu", label="Nu", network=copy.deepcopy(net)))
    else:
        raise AssertionError(name)


EDITS = [
    "title and positions",
    "one tie",
    "one person",
    "identities and conditions",
    "person added first",
    "tie and couple moved to a new person",
    "person removed",
    "persons reordered",
    "household reordered",
    "couple names another person",
    "parents reordered",
    "domain members",
    "domain, event and child relation renamed",
    "domain removed",
    "event persons",
    "snapshot details",
    "snapshot network",
    "recorded fields of a person",
    "care tasks and the client's care",
    "instruments of now",
    "respondent of a snapshot's answers",
    "snapshots reordered",
    "snapshot added",
]


@pytest.mark.parametrize("given", [False, True], ids=["old-rows-read", "previous-given"])
@pytest.mark.parametrize("edit", EDITS)
def test_every_kind_of_edit_is_saved_exactly(
    store: CaseStore, sql: Engine, edit: str, given: bool
) -> None:
    """A save writes only what changed; the result is the same as storing the case afresh,
    whether the store reads the old rows back or is handed the previous version."""
    record = store.add(sample_case())
    other = store.add(sample_case("zorg-2"))  # must stay untouched
    edited = copy.deepcopy(record.case)
    _edit(edit, edited)
    validate_case(edited)
    saved = store.save(edited, 1, previous=record if given else None)
    assert saved.case == edited
    assert store.get("zorg-1").case == edited
    assert store.get("zorg-2").case == other.case
    # A second save of the same content changes no rows, and a save back to the start works.
    again = store.save(edited, 2, previous=saved if given else None)
    assert again.version == 3
    assert store.get("zorg-1").case == edited
    counts = table_counts(sql)
    store.save(record.case, 3, previous=again if given else None)
    assert store.get("zorg-1").case == record.case
    # No rows are left over or missing: the counts are those of storing the edited case anew.
    store.delete("zorg-1", 4)
    store.add(edited)
    assert table_counts(sql) == counts


def test_the_saved_record_shares_nothing_with_the_case_passed_in(store: CaseStore) -> None:
    store.add(sample_case())
    case = sample_case()
    saved = store.save(case, 1)
    case.network.persons[0].identities.add(Identity.BISEXUAL)
    case.network.persons[0].conditions[0].note = "gewijzigd"
    case.network.ties[0].support.clear()
    case.network.domains[0].members.append("opa")
    case.snapshots[0].instruments[0].answers["1"] = 2
    case.positions["genogram"]["zoë"].x = -1.0
    assert saved.case == sample_case()
    added = store.add(sample_case("zorg-3"))
    added_case = sample_case("zorg-3")
    assert added.case == added_case
    added.case.network.persons.clear()
    assert store.get("zorg-3").case == added_case


SHARING_EDITS: dict[str, dict[str, object]] = {
    "a person moved": {"op": "set_position", "view": "ecogram", "id": "opa", "x": 10, "y": 20},
    "a person renamed": {"op": "update_person", "id": "opa", "changes": {"name": "Opa Ünal"}},
    "a tie stronger": {"op": "update_tie", "id": "t3", "changes": {"strength": 3}},
    "answers of now": {"op": "remove_instrument", "instrument": "csi", "respondent": "moeder"},
    "a help question": {"op": "add_help_question", "text": "Wie doet de boodschappen?"},
}


@pytest.mark.parametrize("edit", list(SHARING_EDITS))
def test_an_edit_that_shares_its_records_with_its_base_is_saved_exactly(
    store: CaseStore, sql: Engine, edit: str
) -> None:
    """The edit operations share every record they do not change with their base; the store,
    handed that base, writes every change (a record replaced, answers removed), and a move
    after it, whose records are all the very same ones, writes the position and no row of
    the networks."""
    from zorgkracht.services.edits import apply_edit

    record = store.add(sample_case())
    edited = apply_edit(record.case, SHARING_EDITS[edit]).case
    record = store.save(edited, 1, previous=record)
    assert store.get("zorg-1").case == edited
    counts = table_counts(sql)
    for version, x in ((2, 5.0), (3, -5.0)):  # twice: each move's base is the last save
        op = {"op": "set_position", "view": "genogram", "id": "opa", "x": x, "y": 0.0}
        moved = apply_edit(record.case, op).case
        record = store.save(moved, version, previous=record)
        assert store.get("zorg-1").case == moved
        assert store.get("zorg-1").case.positions["genogram"]["opa"].x == x
        assert table_counts(sql) == counts
