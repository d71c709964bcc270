"""Migration 0008 (``access_tokens``) on SQLite and PostgreSQL.

Up from 0007 adds the empty table and changes no other row; the table then takes tokens, with
its unique hash and the cascade from ``users``. Down to 0007 drops the table (every token
stops working) and keeps every other row; up again gives an empty table.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from zorgkracht.storage import CaseStore
from zorgkracht.storage.accounts import AccountStore
from zorgkracht.storage.engine import make_engine
from zorgkracht.storage.migrate import current_revision
from zorgkracht.storage.tokens import TokenStore

from .migration_steps import row_counts as _counts
from .migration_steps import to_revision as _to
from .samples import sample_case

T0 = dt.datetime(2026, 12, 11, 9, 0, tzinfo=dt.UTC)


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _fill_at_0007(engine: Engine) -> None:
    """A user, written with plain SQL into the 0007 schema."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, display_name, password_hash, is_admin, created_at, "
                "disabled, role) VALUES ('anna', 'Anna', 'x', :t, :at, :f, 'admin')"
            ),
            {"t": True, "f": False, "at": T0},
        )


def test_upgrade_from_0007_adds_an_empty_table_and_changes_nothing_else(empty_url: str) -> None:
    engine = make_engine(empty_url)
    store = CaseStore(empty_url)
    try:
        _to(engine, "0007")
        assert "access_tokens" not in _tables(engine)
        _fill_at_0007(engine)
        store.add(sample_case())
        before = _counts(engine)
        store.migrate()
        with engine.connect() as conn:
            assert current_revision(conn) == "0008"
        after = _counts(engine)
        assert after == {**before, "access_tokens": 0}
        assert store.get("zorg-1").case == sample_case()
        # the new table works: a token for the existing user, hashes unique, cascade on delete
        accounts = AccountStore(store)
        anna = next(a for a in accounts.list_users() if a.username == "anna")
        tokens = TokenStore(store)
        tokens.add(anna.id, "script", "a" * 64, "read", T0, T0 + dt.timedelta(days=1), max_live=20)
        with pytest.raises(IntegrityError):
            tokens.add(anna.id, "nog een", "a" * 64, "write", T0, T0, max_live=20)
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM users"))
        assert tokens.count() == 0
    finally:
        store.close()
        engine.dispose()


def test_down_to_0007_drops_the_tokens_and_keeps_the_rest(empty_url: str) -> None:
    engine = make_engine(empty_url)
    store = CaseStore(empty_url)
    try:
        store.migrate()
        anna = AccountStore(store).add_user("anna", "Anna", "x", is_admin=True)
        store.add(sample_case())
        TokenStore(store).add(
            anna.id, "script", "b" * 64, "write", T0, T0 + dt.timedelta(days=9), max_live=20
        )
        before = _counts(engine)
        assert before["access_tokens"] == 1
        _to(engine, "0007", down=True)
        with engine.connect() as conn:
            assert current_revision(conn) == "0007"
        assert "access_tokens" not in _tables(engine)
        kept = {name: n for name, n in before.items() if name != "access_tokens"}
        assert _counts(engine) == kept
        store.migrate()
        assert _counts(engine) == {**kept, "access_tokens": 0}
        assert store.get("zorg-1").case == sample_case()
        assert AccountStore(store).get_user(anna.id) == anna
    finally:
        store.close()
        engine.dispose()
