"""What the book asks to record: the client's wish, energy, may be asked, receives care, own
needs and organisation per person; care tasks and the client's own care per tie; who answered
an instrument (and instrument answers of now, which hang from the current network's row).

Every new column is added in place with a default (``false``, ``''``) or as ``NULL``, so every
existing case reads back unchanged: no wish, no energy, not asked yet, no care tasks, answered
by the client. Instrument rows of the current network (``ord`` 0) were never written before,
so the existing ones all stay with their snapshots.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODE = sa.String(length=40)
CARE_TASKS = sa.String(length=80)
_PERSON_COLUMNS = ("organisation", "wish", "energy", "may_ask", "receives_care", "own_needs")
_TIE_COLUMNS = (
    "care_tasks",
    "client_care_hours_per_week",
    "client_care_months",
    "client_care_tasks",
)
_RESPONDENT_FK = "fk_instrument_responses_network_id_respondent_persons"


def upgrade() -> None:
    # Plain ADD COLUMN on ``persons`` and ``ties``: a "batch" rebuild of ``persons`` on SQLite
    # would drop the old table, and with foreign keys on that cascades to every row that
    # refers to a person.
    no = sa.false()
    op.add_column(
        "persons", sa.Column("organisation", sa.Boolean(), nullable=False, server_default=no)
    )
    op.add_column("persons", sa.Column("wish", CODE, nullable=True))
    op.add_column("persons", sa.Column("energy", CODE, nullable=True))
    op.add_column("persons", sa.Column("may_ask", sa.Boolean(), nullable=True))
    op.add_column(
        "persons", sa.Column("receives_care", sa.Boolean(), nullable=False, server_default=no)
    )
    op.add_column(
        "persons", sa.Column("own_needs", sa.Boolean(), nullable=False, server_default=no)
    )
    op.add_column("ties", sa.Column("care_tasks", CARE_TASKS, nullable=False, server_default=""))
    op.add_column("ties", sa.Column("client_care_hours_per_week", sa.Double(), nullable=True))
    op.add_column("ties", sa.Column("client_care_months", sa.Integer(), nullable=True))
    op.add_column(
        "ties", sa.Column("client_care_tasks", CARE_TASKS, nullable=False, server_default="")
    )
    # ``instrument_responses`` has no rows that refer to it, so SQLite may rebuild it to add
    # the composite foreign key (SQLite cannot add a table constraint in place).
    with op.batch_alter_table("instrument_responses") as batch:
        batch.add_column(sa.Column("respondent", sa.String(), nullable=True))
        batch.create_foreign_key(
            _RESPONDENT_FK,
            "persons",
            ["network_id", "respondent"],
            ["network_id", "id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    # The answers of now (current network, ``ord`` 0) had no place before this revision.
    op.execute(
        "DELETE FROM instrument_responses WHERE network_id IN "
        "(SELECT id FROM networks WHERE ord = 0)"
    )
    with op.batch_alter_table("instrument_responses") as batch:
        batch.drop_constraint(_RESPONDENT_FK, type_="foreignkey")
        batch.drop_column("respondent")
    for name in _TIE_COLUMNS:
        op.drop_column("ties", name)  # SQLite 3.35+ drops a column in place
    for name in _PERSON_COLUMNS:
        op.drop_column("persons", name)
