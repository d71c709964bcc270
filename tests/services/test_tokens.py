"""The token service on SQLite and PostgreSQL, with a clock the test moves: a token is shown
once and kept as a hash, its fields are checked, at most 20 live tokens a user, it expires on
the second, revoking (own, or anyone's by an administrator) and every refusal is told apart."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import Engine, text

from zorgkracht.domain import Conflict, InvalidInput, NotFound
from zorgkracht.services.accounts import AccountService
from zorgkracht.services.permissions import Actor, Role
from zorgkracht.services.tokens import MAX_LIVE, PREFIX, TokenRefused, TokenService
from zorgkracht.storage import CaseStore

PASSWORD = "correct horse battery"
T0 = dt.datetime(2026, 12, 11, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(store: CaseStore, sql: Engine, clock: Clock) -> Iterator[AccountService]:
    service = AccountService.for_cases(store, PasswordHasher.from_parameters(CHEAPEST))
    service.clock = clock
    yield service
    with sql.begin() as conn:
        conn.execute(text("DELETE FROM users"))
        conn.execute(text("DELETE FROM login_attempts"))


@pytest.fixture
def tokens(accounts: AccountService) -> TokenService:
    return TokenService.for_accounts(accounts)


def actor(user_id: int, role: Role = Role.PROFESSIONAL) -> Actor:
    return Actor(user_id, "x", None, role)


def test_a_token_is_shown_once_and_kept_only_as_its_hash(
    accounts: AccountService, tokens: TokenService, sql: Engine
) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    made = tokens.create(anna.id, "  export   nacht ", "read", "30")
    assert made.token.startswith(PREFIX) and len(made.token) == len(PREFIX) + 43
    assert made.info.name == "export nacht" and made.info.scope == "read"
    assert made.info.expires_at == T0 + dt.timedelta(days=30)
    with sql.connect() as conn:
        stored = conn.execute(text("SELECT * FROM access_tokens")).mappings().one()
    assert stored["token_hash"] == hashlib.sha256(made.token.encode()).hexdigest()
    assert made.token not in {str(v) for v in stored.values()}
    listed = tokens.list(anna.id)
    assert [t.id for t in listed] == [made.info.id]
    assert not hasattr(listed[0], "token") and not hasattr(listed[0], "token_hash")
    other = tokens.create(anna.id, "tweede", "write", 1)
    assert other.token != made.token


def test_authenticate_gives_the_owner_and_records_the_use(
    accounts: AccountService, tokens: TokenService, clock: Clock
) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    made = tokens.create(anna.id, "script", "write", 2)
    clock.now = T0 + dt.timedelta(hours=1)
    use = tokens.authenticate(made.token)
    assert use.account == anna and use.token.id == made.info.id and use.scope == "write"
    assert tokens.list(anna.id)[0].last_used_at == T0 + dt.timedelta(hours=1)
    # within a minute the time is not written again; after it, it is
    tokens.authenticate(made.token, T0 + dt.timedelta(hours=1, seconds=30))
    assert tokens.list(anna.id)[0].last_used_at == T0 + dt.timedelta(hours=1)
    tokens.authenticate(made.token, T0 + dt.timedelta(hours=2))
    assert tokens.list(anna.id)[0].last_used_at == T0 + dt.timedelta(hours=2)


def test_a_token_expires_at_the_end_of_its_lifetime(
    accounts: AccountService, tokens: TokenService, clock: Clock
) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    made = tokens.create(anna.id, "kort", "read", 1)
    clock.now = T0 + dt.timedelta(days=1) - dt.timedelta(seconds=1)
    assert tokens.authenticate(made.token).account.id == anna.id
    clock.now = T0 + dt.timedelta(days=1)
    with pytest.raises(TokenRefused) as refused:
        tokens.authenticate(made.token)
    assert refused.value.reason == "expired" and refused.value.token is not None
    assert "verlopen" in refused.value.nl and "expired" in refused.value.en


def test_every_refusal_is_told(accounts: AccountService, tokens: TokenService) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD, is_admin=True)
    bert = accounts.create_user("bert", "Bert", PASSWORD)
    revoked = tokens.create(bert.id, "oud", "read", 5)
    off = tokens.create(bert.id, "uit", "read", 5)
    gone = tokens.create(bert.id, "weg", "read", 5)
    tokens.revoke(actor(bert.id), revoked.info.id)

    def reason(token: str) -> str:
        with pytest.raises(TokenRefused) as refused:
            tokens.authenticate(token)
        return refused.value.reason

    assert reason(revoked.token) == "revoked"
    assert reason("zkt_" + "A" * 43) == "unknown"
    assert reason("not-a-token") == "unknown"
    assert reason("") == "unknown"
    assert reason(off.token[:-1]) == "unknown"
    accounts.set_disabled(bert.id, True)
    assert reason(off.token) == "disabled"
    accounts.set_disabled(bert.id, False)
    assert tokens.authenticate(off.token).account.id == bert.id
    accounts.remove(bert.id, by=anna.id)
    assert reason(gone.token) == "unknown"


def test_the_fields_are_checked_together(accounts: AccountService, tokens: TokenService) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    with pytest.raises(InvalidInput) as bad:
        tokens.create(anna.id, "   ", "admin", "0")
    assert [p.where for p in bad.value.problems] == ["name", "scope", "days"]
    for days in ("366", "-1", "1.5", "", "abc", 0, 366, True):
        with pytest.raises(InvalidInput):
            tokens.create(anna.id, "n", "read", days)
    with pytest.raises(InvalidInput):
        tokens.create(anna.id, "n" * 81, "read", 1)
    assert tokens.create(anna.id, "n" * 80, " WRITE ", " 365 ").info.scope == "write"
    assert tokens.create(anna.id, "n", "read", 1).info.expires_at == T0 + dt.timedelta(days=1)
    assert len(tokens.list(anna.id)) == 2


def test_at_most_twenty_live_tokens(
    accounts: AccountService, tokens: TokenService, clock: Clock
) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD)
    made = [tokens.create(anna.id, f"t{n}", "read", 1 + n) for n in range(MAX_LIVE)]
    assert MAX_LIVE == 20
    with pytest.raises(Conflict):
        tokens.create(anna.id, "een te veel", "read", 10)
    tokens.revoke(actor(anna.id), made[5].info.id)
    tokens.create(anna.id, "weer ruimte", "read", 10)
    with pytest.raises(Conflict):
        tokens.create(anna.id, "vol", "read", 10)
    clock.now = T0 + dt.timedelta(days=1)  # t0 (one day) has expired
    tokens.create(anna.id, "na een dag", "read", 10)
    assert len(tokens.list(anna.id)) == MAX_LIVE + 2


def test_revoking_own_tokens_or_anyones_as_administrator(
    accounts: AccountService, tokens: TokenService, clock: Clock
) -> None:
    anna = accounts.create_user("anna", "Anna", PASSWORD, is_admin=True)
    bert = accounts.create_user("bert", "Bert", PASSWORD)
    carla = accounts.create_user("carla", "Carla", PASSWORD)
    of_bert = tokens.create(bert.id, "b", "write", 10)
    of_carla = tokens.create(carla.id, "c", "write", 10)
    with pytest.raises(NotFound):  # someone else's token: as if it did not exist
        tokens.revoke(actor(bert.id), of_carla.info.id)
    with pytest.raises(NotFound):
        tokens.revoke(actor(bert.id), 99_999)
    assert tokens.authenticate(of_carla.token).account.id == carla.id
    clock.now = T0 + dt.timedelta(hours=3)
    assert tokens.revoke(actor(anna.id, Role.ADMIN), of_carla.info.id).revoked_at == clock.now
    assert tokens.revoke(actor(bert.id), of_bert.info.id).revoked_at == clock.now
    clock.now = T0 + dt.timedelta(hours=4)
    again = tokens.revoke(actor(bert.id), of_bert.info.id)  # harmless, keeps the first time
    assert again.revoked_at == T0 + dt.timedelta(hours=3)
    for token in (of_bert.token, of_carla.token):
        with pytest.raises(TokenRefused):
            tokens.authenticate(token)


def test_failed_attempts_are_throttled_per_address(
    accounts: AccountService, tokens: TokenService, clock: Clock
) -> None:
    free = accounts.settings.throttle_free_per_address
    for _ in range(free):
        assert tokens.wait("10.0.0.1") == 0.0
        tokens.failed("10.0.0.1")
    # the 21st failure would wait base delay * 2**0 = 1 second after the last attempt
    assert tokens.wait("10.0.0.1") == pytest.approx(1.0)
    assert tokens.wait("10.0.0.2") == 0.0
    clock.now = T0 + dt.timedelta(seconds=1)
    assert tokens.wait("10.0.0.1") == 0.0
    tokens.failed("10.0.0.1")
    assert tokens.wait("10.0.0.1") == pytest.approx(2.0)
    clock.now = T0 + dt.timedelta(minutes=16)  # older than the window: forgotten
    assert tokens.wait("10.0.0.1") == 0.0
