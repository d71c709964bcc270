"""The relational schema of a case (typed SQLAlchemy 2 ORM).

A case is one row in ``cases``. Its current network and each snapshot are rows in ``networks``
(``ord`` 0 is the current network, 1.. the snapshots in their order). Everything drawn in a
network hangs from that network row, so deleting a case cascades through its networks to every
child row. Every list in the domain model keeps its order through an ``ord`` column. The
process of a case (referral to closing) is one JSON column of ``cases`` (``process``): it is
read and written whole with its case, has the shape of the case file's ``process``, and no
query needs its parts (``docs/storage.md``).

References from one record to a person in the same network are composite foreign keys
``(network_id, <ref>) → persons (network_id, id)``; tie ends may name a person or a domain, so
they carry no foreign key. Identities and conditions are child tables of ``persons`` rather
than JSON columns: they stay plain, queryable SQL on both backends ("who has a mental illness"
needs no JSON functions), a code is one value in one column, and the order of conditions is
kept the same way as every other list. Support letters are stored as a string of letters in
canonical order (``"PE"``), the notation the book itself uses; care tasks likewise as their
codes in canonical order, comma-separated (``"household,transport"``; empty for none).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from zorgkracht.domain.codes import (
    AgeGroup,
    CaseStatus,
    ChildType,
    Circle,
    ConditionKind,
    ConditionState,
    CoupleType,
    Direction,
    DomainKind,
    EducationLevel,
    EmotionalType,
    Energy,
    Frequency,
    Gender,
    Identity,
    NetworkZone,
    Quality,
    Role,
    TieStatus,
    TwinType,
    Wish,
    Zone,
)

from .types import Code, UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CASCADE = "CASCADE"
PROCESS_JSON = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
"""The type of ``cases.process``: JSON, ``JSONB`` on PostgreSQL; ``None`` is SQL ``NULL``."""
CARE_TASKS_LENGTH = 80
"""Room for every care task code, comma-separated (60 characters for all five)."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _children(order_by: str) -> Any:
    """A list of child rows, loaded eagerly in order.

    Read-only: the store writes rows with bulk inserts in foreign-key order (the ORM unit of
    work does not order inserts by composite foreign keys it has no relationship for) and
    deletes them through ``ON DELETE CASCADE``.
    """
    return relationship(order_by=order_by, viewonly=True, lazy="selectin")


def _network_fk() -> Mapped[int]:
    return mapped_column(
        ForeignKey("networks.id", ondelete=CASCADE), primary_key=True, autoincrement=False
    )


def _person_ref(*columns: str) -> ForeignKeyConstraint:
    """``(network_id, column) → persons (network_id, id)``."""
    return ForeignKeyConstraint(
        ["network_id", *columns],
        ["persons.network_id", "persons.id"],
        ondelete=CASCADE,
    )


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    client_id: Mapped[str] = mapped_column(String)
    index_person: Mapped[str | None] = mapped_column(String)
    status: Mapped[CaseStatus] = mapped_column(Code(CaseStatus))
    note: Mapped[str] = mapped_column(Text)
    positions: Mapped[dict[str, Any]] = mapped_column(JSON)
    search_key: Mapped[str] = mapped_column(Text)
    """Case-folded title and client name: case-insensitive search beyond ASCII on SQLite too."""
    version: Mapped[int] = mapped_column(Integer)
    revision: Mapped[str] = mapped_column(String(32), server_default="")
    """A random token given when the case is stored anew and kept while it lives: a case
    deleted and stored again under the same id starts at version 1 with another revision, so
    (revision, version) never names two different states of a case."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    process: Mapped[dict[str, Any] | None] = mapped_column(PROCESS_JSON, nullable=True)
    """The process from referral to closing as one JSON value in the shape of the case file's
    ``process`` (:mod:`.process_data`); ``NULL`` when the case has none (migration 0007)."""

    __table_args__ = (
        Index(None, "status", "updated_at"),
        Index(None, "title"),
        CheckConstraint("version >= 1", name="version_positive"),
    )


class NetworkRow(Base):
    __tablename__ = "networks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete=CASCADE))
    ord: Mapped[int] = mapped_column(Integer)
    snapshot_id: Mapped[str | None] = mapped_column(String)
    label: Mapped[str | None] = mapped_column(Text)
    taken_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)

    persons: Mapped[list[PersonRow]] = _children("PersonRow.ord")
    household: Mapped[list[HouseholdRow]] = _children("HouseholdRow.ord")
    couples: Mapped[list[CoupleRow]] = _children("CoupleRow.ord")
    children: Mapped[list[ChildRelationRow]] = _children("ChildRelationRow.ord")
    emotions: Mapped[list[EmotionalRelationRow]] = _children("EmotionalRelationRow.ord")
    ties: Mapped[list[TieRow]] = _children("TieRow.ord")
    domains: Mapped[list[DomainRow]] = _children("DomainRow.ord")
    events: Mapped[list[LifeEventRow]] = _children("LifeEventRow.ord")
    instruments: Mapped[list[InstrumentResponseRow]] = _children("InstrumentResponseRow.ord")

    __table_args__ = (
        UniqueConstraint("case_id", "ord"),
        UniqueConstraint("case_id", "snapshot_id"),
        CheckConstraint(
            "(ord = 0 AND snapshot_id IS NULL) OR (ord > 0 AND snapshot_id IS NOT NULL)",
            name="current_or_snapshot",
        ),
    )


class PersonRow(Base):
    __tablename__ = "persons"

    network_id: Mapped[int] = _network_fk()
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    gender: Mapped[Gender] = mapped_column(Code(Gender))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    death_year: Mapped[int | None] = mapped_column(Integer)
    deceased: Mapped[bool] = mapped_column(Boolean)
    age: Mapped[int | None] = mapped_column(Integer)
    pet: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[bool] = mapped_column(Boolean, server_default=false())
    pregnant: Mapped[bool] = mapped_column(Boolean)
    role: Mapped[Role | None] = mapped_column(Code(Role))
    circle: Mapped[Circle | None] = mapped_column(Code(Circle))
    zone: Mapped[Zone | None] = mapped_column(Code(Zone))
    frequency: Mapped[Frequency | None] = mapped_column(Code(Frequency))
    weight: Mapped[int | None] = mapped_column(Integer)
    education: Mapped[EducationLevel | None] = mapped_column(Code(EducationLevel))
    age_group: Mapped[AgeGroup | None] = mapped_column(Code(AgeGroup))
    network_zone: Mapped[NetworkZone] = mapped_column(Code(NetworkZone))
    status: Mapped[TieStatus | None] = mapped_column(Code(TieStatus))
    sensitive: Mapped[bool] = mapped_column(Boolean)
    wish: Mapped[Wish | None] = mapped_column(Code(Wish))
    energy: Mapped[Energy | None] = mapped_column(Code(Energy))
    may_ask: Mapped[bool | None] = mapped_column(Boolean)
    receives_care: Mapped[bool] = mapped_column(Boolean, server_default=false())
    own_needs: Mapped[bool] = mapped_column(Boolean, server_default=false())
    note: Mapped[str] = mapped_column(Text)

    identities: Mapped[list[PersonIdentityRow]] = _children("PersonIdentityRow.identity")
    conditions: Mapped[list[PersonConditionRow]] = _children("PersonConditionRow.ord")


class PersonIdentityRow(Base):
    __tablename__ = "person_identities"

    network_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String, primary_key=True)
    identity: Mapped[Identity] = mapped_column(Code(Identity), primary_key=True)

    __table_args__ = (_person_ref("person_id"),)


class PersonConditionRow(Base):
    __tablename__ = "person_conditions"

    network_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[ConditionKind] = mapped_column(Code(ConditionKind))
    state: Mapped[ConditionState] = mapped_column(Code(ConditionState))
    note: Mapped[str] = mapped_column(Text)

    __table_args__ = (_person_ref("person_id"),)


class HouseholdRow(Base):
    """A member of the client system, in the order the household lists them."""

    __tablename__ = "household_members"

    network_id: Mapped[int] = _network_fk()
    ord: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String)

    __table_args__ = (
        _person_ref("person_id"),
        UniqueConstraint("network_id", "person_id"),
    )


class CoupleRow(Base):
    __tablename__ = "couples"

    network_id: Mapped[int] = _network_fk()
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer)
    a: Mapped[str] = mapped_column(String)
    b: Mapped[str] = mapped_column(String)
    type: Mapped[CoupleType] = mapped_column(Code(CoupleType))
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)

    __table_args__ = (_person_ref("a"), _person_ref("b"))


class ChildRelationRow(Base):
    __tablename__ = "child_relations"

    network_id: Mapped[int] = _network_fk()
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer)
    child: Mapped[str] = mapped_column(String)
    type: Mapped[ChildType] = mapped_column(Code(ChildType))
    twin_group: Mapped[str | None] = mapped_column(String)
    twin_type: Mapped[TwinType | None] = mapped_column(Code(TwinType))

    parents: Mapped[list[ChildParentRow]] = _children("ChildParentRow.ord")

    __table_args__ = (_person_ref("child"),)


class ChildParentRow(Base):
    __tablename__ = "child_parents"

    network_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relation_id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[str] = mapped_column(String)

    __table_args__ = (
        ForeignKeyConstraint(
            ["network_id", "relation_id"],
            ["child_relations.network_id", "child_relations.id"],
            ondelete=CASCADE,
        ),
        _person_ref("parent_id"),
    )


class EmotionalRelationRow(Base):
    __tablename__ = "emotional_relations"

    network_id: Mapped[int] = _network_fk()
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer)
    a: Mapped[str] = mapped_column(String)
    b: Mapped[str] = mapped_column(String)
    type: Mapped[EmotionalType] = mapped_column(Code(EmotionalType))
    sensitive: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        _person_ref("a"),
        _person_ref("b"),
    )


class TieRow(Base):
    """A tie; ``a`` and ``b`` name a person or a domain of the same network."""

    __tablename__ = "ties"

    network_id: Mapped[int] = _network_fk()
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer)
    a: Mapped[str] = mapped_column(String)
    b: Mapped[str] = mapped_column(String)
    strength: Mapped[int] = mapped_column(Integer)
    quality: Mapped[Quality] = mapped_column(Code(Quality))
    direction: Mapped[Direction] = mapped_column(Code(Direction))
    support: Mapped[str] = mapped_column(String(8))
    reciprocal: Mapped[bool | None] = mapped_column(Boolean)
    care_hours_per_week: Mapped[float | None] = mapped_column(Double)
    care_months: Mapped[int | None] = mapped_column(Integer)
    care_since: Mapped[dt.date | None] = mapped_column(Date)
    care_tasks: Mapped[str] = mapped_column(String(CARE_TASKS_LENGTH), server_default="")
    client_care_hours_per_week: Mapped[float | None] = mapped_column(Double)
    client_care_months: Mapped[int | None] = mapped_column(Integer)
    client_care_tasks: Mapped[str] = mapped_column(String(CARE_TASKS_LENGTH), server_default="")
    sensitive: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text)


class DomainRow(Base):
    __tablename__ = "domains"

    network_id: Mapped[int] = _network_fk()
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[DomainKind] = mapped_column(Code(DomainKind))
    note: Mapped[str] = mapped_column(Text)

    members: Mapped[list[DomainMemberRow]] = _children("DomainMemberRow.ord")


class DomainMemberRow(Base):
    __tablename__ = "domain_members"

    network_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    domain_id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String)

    __table_args__ = (
        ForeignKeyConstraint(
            ["network_id", "domain_id"], ["domains.network_id", "domains.id"], ondelete=CASCADE
        ),
        _person_ref("person_id"),
    )


class LifeEventRow(Base):
    __tablename__ = "life_events"

    network_id: Mapped[int] = _network_fk()
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    valence: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date)
    sensitive: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text)

    persons: Mapped[list[LifeEventPersonRow]] = _children("LifeEventPersonRow.ord")


class LifeEventPersonRow(Base):
    __tablename__ = "life_event_persons"

    network_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    ord: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String)

    __table_args__ = (
        ForeignKeyConstraint(
            ["network_id", "event_id"],
            ["life_events.network_id", "life_events.id"],
            ondelete=CASCADE,
        ),
        _person_ref("person_id"),
    )


class InstrumentResponseRow(Base):
    """Answers to a research instrument, by item number: those of now hang from the current
    network (``ord`` 0), a snapshot's copy from the snapshot's network."""

    __tablename__ = "instrument_responses"

    network_id: Mapped[int] = _network_fk()
    ord: Mapped[int] = mapped_column(Integer, primary_key=True)
    instrument: Mapped[str] = mapped_column(Text)
    answers: Mapped[dict[str, int | None]] = mapped_column(JSON)
    taken_on: Mapped[dt.date | None] = mapped_column(Date)
    respondent: Mapped[str | None] = mapped_column(String)
    """Who answered, a person of the same network; the client when ``NULL``."""

    __table_args__ = (_person_ref("respondent"),)
