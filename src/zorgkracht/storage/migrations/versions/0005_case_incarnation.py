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
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("revision", sa.String(length=32), nullable=True))
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
    with op.batch_alter_table("cases") as batch:
        batch.alter_column("revision", existing_type=sa.String(length=32), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("revision")
