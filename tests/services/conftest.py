"""The storage fixtures (SQLite and PostgreSQL, see ``tests/storage/conftest.py``) for the
service tests."""

from tests.storage.conftest import (  # noqa: F401
    backend,
    db_url,
    pg_databases,
    session_store,
    sql,
    store,
)
