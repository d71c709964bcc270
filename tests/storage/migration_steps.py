"""Steps the migration tests share: migrate a database to a revision, and count its rows."""

from __future__ import annotations

from collections.abc import Collection

from alembic import command
from sqlalchemy import Engine, MetaData, func, select

from zorgkracht.storage.migrate import alembic_config


def to_revision(engine: Engine, target: str, *, down: bool = False) -> None:
    """Upgrade (or with ``down`` downgrade) the database of ``engine`` to ``target``."""
    with engine.begin() as conn:
        config = alembic_config(conn)
        (command.downgrade if down else command.upgrade)(config, target)


def row_counts(engine: Engine, leave_out: Collection[str] = ("alembic_version",)) -> dict[str, int]:
    """The number of rows of every table but those in ``leave_out`` (Alembic's own)."""
    with engine.connect() as conn:
        meta = MetaData()
        meta.reflect(conn)
        return {
            name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for name, t in meta.tables.items()
            if name not in leave_out
        }
