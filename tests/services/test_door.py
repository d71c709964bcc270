"""The services are the one door: every use case checks what its actor may do itself, for the
web application and the command line alike; creating a case and assigning it is one
transaction; a snapshot is taken through the service.

The database tests run on SQLite and PostgreSQL (``tests/storage/conftest.py``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from zorgkracht.cli.main import main
from zorgkracht.domain import Case, Conflict, Network, NotFound, Person
from zorgkracht.domain.codes import CaseStatus
from zorgkracht.interchange.detect import FileKind
from zorgkracht.services import CaseService
from zorgkracht.services import permissions as perms
from zorgkracht.services.permissions import Action, Actor, CaseHidden, Forbidden, Role
from zorgkracht.services.pictures import export_picture
from zorgkracht.services.snapshots import take_snapshot
from zorgkracht.storage import CaseStore
from zorgkracht.storage.accounts import AccountStore

from ..web.helpers import signed_in_client


def a_case(case_id: str = "") -> Case:
    return Case(
        id=case_id,
        title="Netwerk",
        client="p1",
        network=Network(persons=[Person(id="p1", name="Kim")], household=["p1"]),
    )


def a_user(store: CaseStore, role: str) -> int:
    account = AccountStore(store).add_user(
        f"u{uuid.uuid4().hex[:12]}", "Iemand", "not-a-hash", is_admin=False, role=role
    )
    return account.id


def volunteer(user_id: int | None = 7, cases: frozenset[str] = frozenset()) -> Actor:
    return Actor(user_id, "vrijwilliger", None, Role.VOLUNTEER, cases)


# --- the check is in the service --------------------------------------------------------------


def test_a_volunteer_not_assigned_is_refused_by_the_service_itself(store: CaseStore) -> None:
    service = CaseService(store)
    case_id = service.create_assigned(Actor.operator(), a_case()).case.id
    outsider = volunteer()
    with pytest.raises(CaseHidden):
        service.open(outsider, case_id)
    with pytest.raises(CaseHidden):
        service.edit(outsider, case_id, 1, {"op": "rename_domain", "id": "d", "name": "x"})
    with pytest.raises(CaseHidden):
        service.set_status(outsider, case_id, CaseStatus.ARCHIVED)
    with pytest.raises(CaseHidden):
        service.replace(outsider, case_id, a_case(case_id), 1)
    with pytest.raises(Forbidden):  # a volunteer may never export a case file
        service.export_text(outsider, case_id, FileKind.CASE, hide_sensitive=False, lang="nl")
    with pytest.raises(Forbidden):
        service.erase(outsider, case_id)
    record = service.get(case_id)
    with pytest.raises(CaseHidden):
        take_snapshot(service, outsider, record, label="nu", taken_on=None, expected_version=1)
    with pytest.raises(CaseHidden):
        export_picture(outsider, record.case, "genogram", "svg", lang="nl", hide_sensitive=True)
    assert service.visible(outsider) == []
    assert service.get(case_id).version == 1  # nothing was written

    assigned = volunteer(cases=frozenset({case_id}))
    assert service.open(assigned, case_id).case.id == case_id
    assert [r.id for r in service.visible(assigned)] == [case_id]
    svg = export_picture(assigned, record.case, "genogram", "svg", lang="nl", hide_sensitive=True)
    assert svg.startswith(b"<")
    with pytest.raises(Forbidden):  # only without what is marked sensitive
        export_picture(assigned, record.case, "genogram", "svg", lang="nl")


def test_an_actor_without_a_role_may_do_nothing(store: CaseStore) -> None:
    service = CaseService(store)
    nobody = Actor(None, "niemand")
    with pytest.raises(Forbidden):
        service.create_assigned(nobody, a_case())
    assert store.count() == 0


def test_the_operator_may_do_what_the_command_line_did(store: CaseStore) -> None:
    operator = Actor.operator()
    assert operator.role is Role.ADMIN and operator.name.startswith("cli:")
    assert operator.address == "local"
    assert all(operator.may(action, "any-case") for action in Action)


def test_web_and_command_line_ask_the_same_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Take one right from administrators in the services' table: the web application's
    administrator and the command line's operator both lose it."""
    with signed_in_client(tmp_path) as client:
        assert client.post("/api/cases", json=_case_file("kim")).status_code == 201
        assert client.get("/cases/kim/export/case.json").status_code == 200
        rules = {**perms._RULES[Role.ADMIN]}
        del rules[Action.EXPORT_CASE_FILE]
        monkeypatch.setitem(perms._RULES, Role.ADMIN, rules)
        assert client.get("/cases/kim/export/case.json").status_code == 403
        db = f"sqlite:///{tmp_path / 'web.sqlite'}"
        with pytest.raises(SystemExit) as ended:
            main(["export", "kim", "-o", str(tmp_path / "kim.json"), "--db", db, "--lang", "en"])
        assert ended.value.code != 0
        assert "Your role does not allow you to do this." in capsys.readouterr().err
        assert not (tmp_path / "kim.json").exists()


def _case_file(case_id: str) -> dict[str, object]:
    return {
        "format": "zorgkracht/1",
        "id": case_id,
        "title": "Netwerk",
        "client": "p1",
        "network": {"persons": [{"id": "p1", "name": "Kim"}], "household": ["p1"]},
    }


# --- create and assign: one transaction ---------------------------------------------------------


def test_create_and_assign_is_one_transaction(store: CaseStore) -> None:
    service = CaseService(store)
    user_id = a_user(store, "professional")
    maker = Actor(user_id, "maker", None, Role.PROFESSIONAL)
    record = service.create_assigned(maker, a_case())
    assert record.case.id in AccountStore(store).case_ids(user_id)

    ghost = Actor(user_id + 10_000, "weg", None, Role.PROFESSIONAL)  # no such user
    before = store.count()
    with pytest.raises(NotFound):
        service.create_assigned(ghost, a_case("c-houdmijvast"), keep_id=True)
    assert store.count() == before  # the assignment failed: no case either
    with pytest.raises(NotFound):
        store.get("c-houdmijvast")


def test_the_operator_creates_cases_assigned_to_nobody(store: CaseStore) -> None:
    record = CaseService(store).create_assigned(Actor.operator(), a_case())
    assert store.get(record.case.id).version == 1


# --- snapshots --------------------------------------------------------------------------------


def test_a_snapshot_through_the_service(store: CaseStore) -> None:
    service = CaseService(store)
    user_id = a_user(store, "volunteer")
    record = service.create_assigned(Actor(user_id, "v", None, Role.PROFESSIONAL), a_case())
    coach = volunteer(user_id, frozenset({record.case.id}))
    saved, snap = take_snapshot(
        service, coach, record, label="Start", taken_on=dt.date(2024, 1, 2), expected_version=1
    )
    assert saved.version == 2
    assert [s.id for s in saved.case.snapshots] == [snap.id]
    assert snap.label == "Start" and snap.taken_on == dt.date(2024, 1, 2)
    assert snap.network == record.case.network
    assert snap.network is not saved.case.network  # a copy, not the network itself
    assert service.get(record.case.id).case.snapshots[0].id == snap.id
    with pytest.raises(Conflict):  # the version the page showed is no longer the case's
        take_snapshot(service, coach, record, label="Twee", taken_on=None, expected_version=1)
