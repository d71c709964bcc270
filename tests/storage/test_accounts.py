"""Accounts and case access, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import Engine, text

from zorgkracht.domain import Case, Conflict, InvalidInput, Network, NotFound, Person
from zorgkracht.services.accounts import AccountService
from zorgkracht.storage import CaseStore
from zorgkracht.storage.accounts import AccountStore

from .conftest import race, table_counts

PASSWORD = "correct horse battery"
CHEAP = PasswordHasher.from_parameters(CHEAPEST)


def sample_case() -> Case:
    return Case(
        id="zorg-1",
        title="Netwerk van Kim",
        client="p1",
        network=Network(persons=[Person(id="p1", name="Kim")], household=["p1"]),
    )


@pytest.fixture
def accounts(store: CaseStore, sql: Engine) -> Iterator[AccountService]:
    yield AccountService(AccountStore(store), CHEAP)
    with sql.begin() as conn:
        conn.execute(text("DELETE FROM users"))
        conn.execute(text("DELETE FROM app_settings"))
        conn.execute(text("DELETE FROM login_attempts"))  # sign_in counts its attempts


def test_create_and_sign_in(accounts: AccountService) -> None:
    assert not accounts.has_users()
    anna = accounts.create_user("  Anna.Jansen@wijk ", "Anna  Jansen", PASSWORD, is_admin=True)
    assert (anna.username, anna.display_name, anna.is_admin) == (
        "anna.jansen@wijk",
        "Anna Jansen",
        True,
    )
    assert accounts.has_users()
    assert accounts.sign_in("ANNA.JANSEN@WIJK", PASSWORD).account == anna
    assert accounts.sign_in("anna.jansen@wijk", PASSWORD + "x").account is None
    assert accounts.sign_in("nobody", PASSWORD).account is None
    stored = accounts.store.find_login("anna.jansen@wijk")
    assert stored is not None and stored[1].startswith("$argon2id$") and PASSWORD not in stored[1]


def test_user_names_are_unique_whatever_their_case(accounts: AccountService) -> None:
    accounts.create_user("anna", "Anna", PASSWORD)
    with pytest.raises(Conflict):
        accounts.create_user("ANNA", "Another Anna", PASSWORD)
    assert [u.username for u in accounts.list()] == ["anna"]


def test_bad_values_are_all_reported_and_nothing_is_stored(accounts: AccountService) -> None:
    with pytest.raises(InvalidInput) as caught:
        accounts.create_user("anna jansen", "x" * 121, "short")
    assert [p.where for p in caught.value.problems] == ["username", "password", "display_name"]
    assert accounts.list() == []


def test_only_one_first_administrator_even_at_once(accounts: AccountService) -> None:
    results = race(
        lambda: accounts.create_first_admin("anna", "Anna", PASSWORD),
        lambda: accounts.create_first_admin("bo", "Bo", PASSWORD),
    )
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(made) == 1 and len(refused) == 1 and isinstance(refused[0], Conflict)
    assert len(accounts.list()) == 1 and accounts.list()[0].is_admin
    with pytest.raises(Conflict):
        accounts.create_first_admin("carla", "Carla", PASSWORD)


def test_a_weaker_hash_is_renewed_at_sign_in(store: CaseStore, accounts: AccountService) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    old = accounts.store.find_login("anna")
    assert old is not None
    stronger = AccountService(AccountStore(store), PasswordHasher(time_cost=2, memory_cost=1024))
    assert stronger.sign_in("anna", PASSWORD).account == anna
    new = accounts.store.find_login("anna")
    assert new is not None and new[1] != old[1] and "m=1024,t=2" in new[1]
    assert stronger.sign_in("anna", PASSWORD).account == anna
    again = accounts.store.find_login("anna")
    assert again is not None and again[1] == new[1]  # already strong enough: left alone


def test_a_disabled_account_cannot_sign_in(accounts: AccountService) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    accounts.set_disabled(anna.id, True)
    assert accounts.sign_in("anna", PASSWORD).account is None
    accounts.set_disabled(anna.id, False)
    assert accounts.sign_in("anna", PASSWORD).account is not None
    with pytest.raises(NotFound):
        accounts.set_disabled(anna.id + 100, True)


def test_assignments_decide_what_a_professional_sees(
    store: CaseStore, accounts: AccountService
) -> None:
    store.add(sample_case())
    admin = accounts.create_user("beheer", "Beheer", PASSWORD, is_admin=True)
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    assert accounts.visible_case_ids(admin) is None  # every case
    assert accounts.visible_case_ids(anna) == set()
    assert not accounts.can_see(anna, "zorg-1") and accounts.can_see(admin, "zorg-1")
    accounts.assign("zorg-1", anna.id)
    accounts.assign("zorg-1", anna.id)  # twice is harmless
    assert accounts.visible_case_ids(anna) == {"zorg-1"}
    assert accounts.assigned_users("zorg-1") == {anna.id}
    with pytest.raises(NotFound):
        accounts.assign("no-such-case", anna.id)
    with pytest.raises(NotFound):
        accounts.assign("zorg-1", anna.id + 100)
    accounts.unassign("zorg-1", anna.id)
    assert accounts.visible_case_ids(anna) == set()


def test_deleting_a_case_or_a_user_removes_its_assignments(
    store: CaseStore, accounts: AccountService, sql: Engine
) -> None:
    record = store.add(sample_case())
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    bo = accounts.create_user("bo", "Bo", PASSWORD)
    accounts.assign("zorg-1", anna.id)
    accounts.assign("zorg-1", bo.id)
    assert table_counts(sql)["case_access"] == 2
    with sql.begin() as conn:
        conn.execute(text("DELETE FROM users WHERE id = :id"), {"id": bo.id})
    assert accounts.assigned_users("zorg-1") == {anna.id}
    store.delete("zorg-1", record.version)
    assert table_counts(sql)["case_access"] == 0
    assert accounts.get(anna.id) == anna  # the user stays


def test_a_stored_secret_is_made_once_and_kept(store: CaseStore, accounts: AccountService) -> None:
    first = accounts.store.secret("x")
    assert len(first) >= 40
    other = AccountService(AccountStore(store), CHEAP)
    assert other.store.secret("x") == first
    results = race(lambda: accounts.store.secret("x"), lambda: other.store.secret("x"))
    assert results[0] == results[1] and isinstance(results[0], str)
