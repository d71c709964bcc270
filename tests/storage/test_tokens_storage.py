"""The table ``access_tokens`` on SQLite and PostgreSQL: only the hash is kept and is unique,
the live count is enforced in one step, revoking keeps the first time, removing the user
removes their tokens, and tokens are left out of backups."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from zorgkracht.storage import CaseStore
from zorgkracht.storage.accounts import AccountStore
from zorgkracht.storage.backup import backup_tables
from zorgkracht.storage.tokens import TokenLimitReached, TokenStore

from .conftest import race

T0 = dt.datetime(2026, 12, 11, 9, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@pytest.fixture
def users(store: CaseStore, sql: Engine) -> Iterator[tuple[int, int]]:
    accounts = AccountStore(store)
    anna = accounts.add_user("anna", "Anna", "x", is_admin=True).id
    bert = accounts.add_user("bert", "Bert", "x", is_admin=False).id
    yield anna, bert
    with sql.begin() as conn:
        conn.execute(text("DELETE FROM users"))


@pytest.fixture
def tokens(store: CaseStore) -> TokenStore:
    return TokenStore(store)


def test_a_token_is_stored_by_its_hash_and_read_back(
    tokens: TokenStore, users: tuple[int, int], sql: Engine
) -> None:
    anna, _ = users
    made = tokens.add(
        anna, "nachtelijke export", digest("zkt_a"), "read", T0, T0 + 30 * DAY, max_live=20
    )
    assert (made.user_id, made.name, made.scope) == (anna, "nachtelijke export", "read")
    assert made.created_at == T0 and made.expires_at == T0 + 30 * DAY
    assert made.last_used_at is None and made.revoked_at is None
    assert tokens.by_hash(digest("zkt_a")) == made
    assert tokens.by_hash(digest("zkt_b")) is None
    assert tokens.get(made.id) == made
    with sql.connect() as conn:
        row = conn.execute(text("SELECT token_hash FROM access_tokens")).one()
    assert row[0] == digest("zkt_a") and len(row[0]) == 64
    assert made.live(T0) and made.live(T0 + 30 * DAY - dt.timedelta(seconds=1))
    assert not made.live(T0 + 30 * DAY)


def test_the_hash_is_unique(tokens: TokenStore, users: tuple[int, int]) -> None:
    anna, bert = users
    tokens.add(anna, "een", digest("zkt_same"), "read", T0, T0 + DAY, max_live=20)
    with pytest.raises(IntegrityError):
        tokens.add(bert, "twee", digest("zkt_same"), "write", T0, T0 + DAY, max_live=20)
    assert [t.name for t in tokens.for_user(bert)] == []


def test_the_live_limit_counts_neither_revoked_nor_expired_tokens(
    tokens: TokenStore, users: tuple[int, int]
) -> None:
    anna, bert = users
    first = tokens.add(anna, "1", digest("1"), "read", T0, T0 + DAY, max_live=2)
    tokens.add(anna, "2", digest("2"), "read", T0, T0 + 5 * DAY, max_live=2)
    with pytest.raises(TokenLimitReached):
        tokens.add(anna, "3", digest("3"), "read", T0, T0 + DAY, max_live=2)
    tokens.add(bert, "b", digest("b"), "read", T0, T0 + DAY, max_live=2)  # per user
    assert tokens.revoke(first.id, T0 + dt.timedelta(hours=1))
    tokens.add(anna, "3", digest("3"), "read", T0, T0 + DAY, max_live=2)
    # two days later "3" has expired: room for one more
    later = T0 + 2 * DAY
    tokens.add(anna, "4", digest("4"), "read", later, later + DAY, max_live=2)
    with pytest.raises(TokenLimitReached):
        tokens.add(anna, "5", digest("5"), "read", later, later + DAY, max_live=2)
    assert [t.name for t in tokens.for_user(anna)] == ["4", "3", "2", "1"]


def test_parallel_creations_never_pass_the_limit(
    tokens: TokenStore, users: tuple[int, int]
) -> None:
    anna, _ = users

    def make(n: int) -> object:
        return tokens.add(anna, f"t{n}", digest(f"t{n}"), "read", T0, T0 + DAY, max_live=3)

    results = race(*[lambda n=n: make(n) for n in range(6)])
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, TokenLimitReached)]
    assert len(made) == 3 and len(refused) == 3, results
    assert len(tokens.for_user(anna)) == 3


def test_revoking_keeps_the_first_time_and_touching_records_the_use(
    tokens: TokenStore, users: tuple[int, int]
) -> None:
    anna, _ = users
    made = tokens.add(anna, "x", digest("x"), "write", T0, T0 + DAY, max_live=20)
    tokens.touch(made.id, T0 + dt.timedelta(minutes=5))
    assert tokens.revoke(made.id, T0 + dt.timedelta(hours=1))
    assert not tokens.revoke(made.id, T0 + dt.timedelta(hours=2))
    assert not tokens.revoke(made.id + 1000, T0)
    found = tokens.get(made.id)
    assert found is not None
    assert found.revoked_at == T0 + dt.timedelta(hours=1)
    assert found.last_used_at == T0 + dt.timedelta(minutes=5)
    assert not found.live(T0 + dt.timedelta(hours=1))


def test_removing_a_user_removes_their_tokens(
    store: CaseStore, tokens: TokenStore, users: tuple[int, int]
) -> None:
    anna, bert = users
    tokens.add(bert, "b", digest("b"), "read", T0, T0 + DAY, max_live=20)
    tokens.add(anna, "a", digest("a"), "read", T0, T0 + DAY, max_live=20)
    AccountStore(store).remove_user(bert)
    assert tokens.by_hash(digest("b")) is None
    assert tokens.count() == 1


def test_ended_tokens_are_deleted_after_a_while(tokens: TokenStore, users: tuple[int, int]) -> None:
    anna, _ = users
    old = tokens.add(anna, "oud", digest("oud"), "read", T0, T0 + DAY, max_live=20)
    gone = tokens.add(anna, "weg", digest("weg"), "read", T0, T0 + 300 * DAY, max_live=20)
    tokens.add(anna, "nu", digest("nu"), "read", T0, T0 + 300 * DAY, max_live=20)
    tokens.revoke(gone.id, T0 + 2 * DAY)
    # before: an end earlier than T0 + 3 days goes (old expired at +1, gone revoked at +2)
    assert tokens.delete_ended(T0 + 3 * DAY) == 2
    assert [t.name for t in tokens.for_user(anna)] == ["nu"]
    assert tokens.get(old.id) is None


def test_tokens_are_not_in_backups() -> None:
    names = {t.name for t in backup_tables()}
    assert "access_tokens" not in names
    assert {"users", "cases"} <= names
