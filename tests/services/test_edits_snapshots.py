"""Snapshots taken one after another: each gets a fresh id (the second never gets the id of
the first again), keeps a copy of the network that shares nothing with the case, and can be
found again, also after saving; an unknown id gives one message wherever it is asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zorgkracht.analysis import analyse
from zorgkracht.domain import Case, Network, NotFound, Person, Snapshot
from zorgkracht.render.views import case_at
from zorgkracht.services.cases import CaseService
from zorgkracht.services.edits import apply_edit, take_snapshot
from zorgkracht.storage import CaseStore


def kim() -> Case:
    net = Network(persons=[Person(id="kim", name="Kim")], household=["kim"])
    return Case(id="kim", title="Kim", client="kim", network=net)


def three_snapshots(case: Case) -> tuple[Case, list[str]]:
    ids = []
    for k, label in enumerate(("begin", "midden", "eind")):
        case = apply_edit(case, {"op": "add_person", "name": f"Lid {k}", "connect": True}).case
        case, snap = take_snapshot(case, label, dt.date(2026, 1, 1 + k))
        ids.append(snap.id)
    return case, ids


def test_three_snapshots_get_three_fresh_ids_and_each_is_found() -> None:
    case, ids = three_snapshots(kim())
    assert ids == ["s1", "s2", "s3"]
    for k, ident in enumerate(ids):
        snap = case.snapshot(ident)
        assert snap.label == ("begin", "midden", "eind")[k]
        assert len(snap.network.persons) == k + 2  # the network as it was then
    assert case.snapshot("s3").network == case.network
    assert case.snapshot("s3").network is not case.network


def test_a_snapshot_shares_nothing_with_the_case() -> None:
    case, _ = three_snapshots(kim())
    case.network.persons[0].name = "Kim de Vries"
    assert case.snapshot("s3").network.persons[0].name == "Kim"


def test_a_snapshot_id_is_not_taken_by_anything_else_in_the_case() -> None:
    case = kim()
    case.snapshots.append(Snapshot(id="s1", label="oud", network=Network()))
    case.network.persons.append(Person(id="s2", name="Heet s2"))
    _, snap = take_snapshot(case, "nieuw")
    assert snap.id == "s3"


def test_three_snapshots_are_saved_and_found_again(tmp_path: Path) -> None:
    store = CaseStore(f"sqlite:///{tmp_path / 'snap.sqlite'}")
    store.migrate()
    service = CaseService(store)
    record = service.create(kim())
    for label in ("begin", "midden", "eind"):
        changed, _ = take_snapshot(service.get("kim").case, label)
        record = service.update(changed, record.version)
    stored = service.get("kim").case
    assert [s.id for s in stored.snapshots] == ["s1", "s2", "s3"]
    assert [stored.snapshot(s).label for s in ("s1", "s2", "s3")] == ["begin", "midden", "eind"]


def test_an_unknown_snapshot_is_one_not_found_everywhere() -> None:
    case, _ = three_snapshots(kim())
    messages = set()
    for look_up in (
        lambda: case.snapshot("nooit"),
        lambda: case_at(case, "nooit"),
        lambda: analyse(case, "nooit"),
    ):
        with pytest.raises(NotFound) as caught:
            look_up()
        messages.add((caught.value.nl, caught.value.en))
    assert messages == {
        (
            "momentopname 'nooit' bestaat niet in deze casus (wel: current, s1, s2, s3)",
            "snapshot 'nooit' does not exist in this case (known: current, s1, s2, s3)",
        )
    }
