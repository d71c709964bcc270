"""Saving, deleting and the rules around them: versions, conflicts, validation, atomicity."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from zorgkracht.domain import Case, Person, Tie
from zorgkracht.domain.errors import Conflict, InvalidInput, NotFound
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
    assert counts["persons"] == 7 + 5
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
