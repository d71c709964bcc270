"""The incarnation of a case: a random ``revision`` token per case, kept while the case lives.

A case deleted and stored again under the same id starts again at version 1; the revision
tells the two apart, so a write of only the differences (``CaseStore.save(previous=...)``) can
check in its atomic claim that its base is the stored case and not an erased one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (with a default, so it can be NOT NULL on SQLite too): a "batch"
    # rebuild of ``cases`` on SQLite would drop the old table, and with foreign keys on that
    # cascades to every network of every case.
    op.add_column(
        "cases",
        sa.Column("revision", sa.String(length=32), nullable=False, server_default=""),
    )
    conn = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.String()), sa.column("revision", sa.String()))
    ids = conn.execute(sa.select(cases.c.id)).scalars().all()
    if ids:
        conn.execute(
            sa.update(cases)
            .where(cases.c.id == sa.bindparam("key"))
            .values(revision=sa.bindparam("token")),
            [{"key": case_id, "token": secrets.token_hex(16)} for case_id in ids],
        )


def downgrade() -> None:
    op.drop_column("cases", "revision")  # SQLite 3.35+ drops a column in place
