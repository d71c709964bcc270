"""The process of a case, from referral to closing (issue 14): ``cases.process``.

One nullable JSON column (``JSONB`` on PostgreSQL) holds the whole process in the shape of the
case file's ``process``; ``NULL`` when a case has none. Every existing case reads back
unchanged, without a process. Downgrading drops the column (and with it every process).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a "batch" rebuild of ``cases`` on SQLite would drop the old table,
    # and with foreign keys on that cascades to every network of every case.
    kind = sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )
    op.add_column("cases", sa.Column("process", kind, nullable=True))


def downgrade() -> None:
    op.drop_column("cases", "process")  # SQLite 3.35+ drops a column in place
