"""The audit log (NEN 7513), roles and assignments.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

``audit_log`` (see :mod:`zorgkracht.storage.audit`) with triggers that make it append-only on
both backends: ``UPDATE`` (and ``TRUNCATE`` on PostgreSQL) is refused, ``DELETE`` only for rows
older than the retention recorded in ``app_settings`` (``audit_retention_days``, else 1826 days).
``users.role``: ``admin`` for the existing administrators, ``professional`` for everyone else;
``is_admin`` stays and is kept equal to ``role = 'admin'``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_RETENTION = (
    "datetime('now', '-' || (SELECT COALESCE(MAX(CAST(value AS INTEGER)), 1826) "
    "FROM app_settings WHERE key = 'audit_retention_days') || ' days')"
)
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log "
    f"WHEN OLD.at >= {_SQLITE_RETENTION} "
    "BEGIN SELECT RAISE(ABORT, 'audit_log: rows within the retention cannot be deleted'); END",
)
PG_TRIGGERS = (
    """
    CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND OLD.at < now() - make_interval(days => COALESCE(
          (SELECT MAX(value::integer) FROM app_settings WHERE key = 'audit_retention_days'),
          1826)) THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$
    """,
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_guard()",
    "CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_guard()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard()",
)


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=120), nullable=False),
        sa.Column("case_id", sa.String(), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("event", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=120), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index(op.f("ix_audit_log_case_id_at"), "audit_log", ["case_id", "at"], unique=False)
    op.create_index(
        op.f("ix_audit_log_user_name_at"), "audit_log", ["user_name", "at"], unique=False
    )
    is_pg = op.get_bind().dialect.name == "postgresql"
    for statement in PG_TRIGGERS if is_pg else SQLITE_TRIGGERS:
        op.execute(statement)
    op.add_column(
        "users",
        sa.Column("role", sa.String(length=20), server_default="professional", nullable=False),
    )
    op.execute("UPDATE users SET role = 'admin' WHERE is_admin")


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place (a batch copy of ``users`` would cascade).
    op.drop_column("users", "role")
    op.drop_table("audit_log")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_log_guard()")
