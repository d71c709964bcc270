"""The case model: persons, relations, ties, domains, life events and snapshots.

Pure data with no I/O. A :class:`Case` holds the current :class:`Network` and any number of
:class:`Snapshot` objects, each a network as it was on a date, so a later map can be compared with
an earlier one. Person ids are stable across snapshots. Derived classifications (MSNA sector,
Lensink segment, age group from a birth year) are properties, never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .codes import (
    ROLE_SECTOR,
    ROLE_SEGMENT,
    AgeGroup,
    CareTask,
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
    Sector,
    Segment,
    Support,
    TieStatus,
    TwinType,
    Wish,
    Zone,
)
from .errors import NotFound
from .process import Process

CURRENT = "current"
"""Where a snapshot id is asked for, the case's network as it is now."""


@dataclass(slots=True, kw_only=True)
class Condition:
    """Illness or substance use, drawn as a partial fill of the genogram symbol."""

    kind: ConditionKind
    state: ConditionState = ConditionState.PRESENT
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Person:
    """Anyone in the case: the client, family, network members, professionals, pets."""

    id: str
    name: str
    gender: Gender = Gender.UNKNOWN
    identities: set[Identity] = field(default_factory=set)
    birth_year: int | None = None
    death_year: int | None = None
    deceased: bool = False
    age: int | None = None
    pet: str | None = None
    """Kind of animal (``"hond"``) when this is a pet; ``None`` for a human."""
    organisation: bool = False
    """An organisation (a women's guild, a nursing home), not a single person."""
    conditions: list[Condition] = field(default_factory=list)
    pregnant: bool = False
    role: Role | None = None
    circle: Circle | None = None
    zone: Zone | None = None
    frequency: Frequency | None = None
    weight: int | None = None
    education: EducationLevel | None = None
    age_group: AgeGroup | None = None
    network_zone: NetworkZone = NetworkZone.PERSONAL
    status: TieStatus | None = None
    sensitive: bool = False
    wish: Wish | None = None
    """The client's wish for this contact; the software never pushes a contact the client
    wants less of (``less``) or none of (``none``)."""
    energy: Energy | None = None
    """Whether the contact gives the client energy, costs energy, or both (netwerkcirkel)."""
    may_ask: bool | None = None
    """The client agrees that this person is asked for help or invited to a network meeting;
    ``None`` when not yet asked."""
    receives_care: bool = False
    """This person is cared for (Opa Flodder; Pauline's husband in a nursing home)."""
    own_needs: bool = False
    """This person needs support themselves (ch. 10; a young adult building their own life)."""
    note: str = ""

    @property
    def is_deceased(self) -> bool:
        return self.deceased or self.death_year is not None

    @property
    def is_pet(self) -> bool:
        return self.pet is not None

    @property
    def sector(self) -> Sector | None:
        return ROLE_SECTOR[self.role] if self.role is not None else None

    @property
    def segment(self) -> Segment | None:
        return ROLE_SEGMENT[self.role] if self.role is not None else None

    def age_in(self, year: int) -> int | None:
        """Age reached in ``year`` (or at death), from the birth year; else the entered age."""
        if self.birth_year is None:
            return self.age
        end = self.death_year if self.death_year is not None else year
        return end - self.birth_year

    def age_group_in(self, year: int) -> AgeGroup | None:
        if self.age_group is not None:
            return self.age_group
        age = self.age_in(year)
        return AgeGroup.for_age(age) if age is not None and age >= 0 else None


@dataclass(slots=True, kw_only=True)
class CoupleRelation:
    """A couple (horizontal genogram line) with its start and end years."""

    id: str
    a: str
    b: str
    type: CoupleType = CoupleType.MARRIED
    start_year: int | None = None
    end_year: int | None = None
    note: str = ""


@dataclass(slots=True, kw_only=True)
class ChildRelation:
    """A child and the one or two parents it hangs from (vertical genogram line)."""

    id: str
    child: str
    parents: list[str]
    type: ChildType = ChildType.BIOLOGICAL
    twin_group: str | None = None
    """Children of the same parents with the same ``twin_group`` are twins (or triplets)."""
    twin_type: TwinType | None = None


@dataclass(slots=True, kw_only=True)
class EmotionalRelation:
    """An emotional line drawn over the genogram; directed types point from ``a`` to ``b``."""

    id: str
    a: str
    b: str
    type: EmotionalType
    sensitive: bool = False
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Tie:
    """A network tie between two persons, or a person and a domain.

    ``a`` is the client side: the client, or the member nearer to the client. ``direction`` is
    read from ``a`` (``to_client`` means support flows from ``b`` to ``a``). ``support`` is the
    support ``b`` gives ``a``; ``reciprocal`` says whether ``a`` gives something back.
    """

    id: str
    a: str
    b: str
    strength: int = 2
    quality: Quality = Quality.POSITIVE
    direction: Direction = Direction.NONE
    support: set[Support] = field(default_factory=set)
    reciprocal: bool | None = None
    care_hours_per_week: float | None = None
    care_months: int | None = None
    care_since: dt.date | None = None
    care_tasks: set[CareTask] = field(default_factory=set)
    """Kinds of care task in the care ``b`` gives ``a``."""
    client_care_hours_per_week: float | None = None
    """Care going the other way: hours a week ``a`` (the client side) cares for ``b``."""
    client_care_months: int | None = None
    """How many months ``a`` has cared for ``b``."""
    client_care_tasks: set[CareTask] = field(default_factory=set)
    """Kinds of care task in the care ``a`` gives ``b``."""
    sensitive: bool = False
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Domain:
    """An ecogram domain (work, school, health care, ...), possibly holding named persons."""

    id: str
    name: str
    kind: DomainKind = DomainKind.OTHER
    members: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True, kw_only=True)
class LifeEvent:
    """An event on the levenslijn: above the axis when positive, below when negative."""

    id: str
    year: int
    title: str
    valence: int = 0
    date: dt.date | None = None
    persons: list[str] = field(default_factory=list)
    sensitive: bool = False
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Network:
    """Everything that can be drawn: the state of a case now, or at a snapshot."""

    persons: list[Person] = field(default_factory=list)
    household: list[str] = field(default_factory=list)
    """The client system (the household at the centre of an ecogram), client included."""
    couples: list[CoupleRelation] = field(default_factory=list)
    children: list[ChildRelation] = field(default_factory=list)
    emotions: list[EmotionalRelation] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    domains: list[Domain] = field(default_factory=list)
    events: list[LifeEvent] = field(default_factory=list)

    def person(self, person_id: str) -> Person:
        for p in self.persons:
            if p.id == person_id:
                return p
        raise KeyError(person_id)

    def person_ids(self) -> set[str]:
        return {p.id for p in self.persons}

    def ties_of(self, node_id: str) -> list[Tie]:
        return [t for t in self.ties if node_id in (t.a, t.b)]


@dataclass(slots=True, kw_only=True)
class InstrumentResponse:
    """Answers to a research instrument (scored by the analysis module), by item number."""

    instrument: str
    answers: dict[str, int | None] = field(default_factory=dict)
    taken_on: dt.date | None = None
    respondent: str | None = None
    """Id of the person who answered (the carer who filled in a carer-burden scale); the client
    when ``None``."""


@dataclass(slots=True, kw_only=True)
class Snapshot:
    """The case's network as it was on a date (Karel at the start, and years later)."""

    id: str
    label: str
    taken_on: dt.date | None = None
    network: Network = field(default_factory=Network)
    instruments: list[InstrumentResponse] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Point:
    x: float
    y: float


@dataclass(slots=True, kw_only=True)
class Case:
    """A client's case: who the client is, the network now, and its snapshots."""

    id: str
    title: str
    client: str
    """Id of the client, a person in :attr:`network` and in every snapshot."""
    index_person: str | None = None
    """Focus of the genogram (double outline); the client when ``None``."""
    network: Network = field(default_factory=Network)
    snapshots: list[Snapshot] = field(default_factory=list)
    positions: dict[str, dict[str, Point]] = field(default_factory=dict)
    """Manual position overrides: view name → person or domain id → point."""
    instruments: list[InstrumentResponse] = field(default_factory=list)
    """Instrument answers of now (the perception question, De Jong Gierveld, LSNS-6, the
    carer-burden scale); a snapshot keeps a copy of them."""
    process: Process = field(default_factory=Process)
    """From referral to closing: help questions, meetings, the action plan and its team,
    evaluations, closing (:mod:`.process`). Not part of a snapshot."""
    status: CaseStatus = CaseStatus.ACTIVE
    note: str = ""

    @property
    def index_id(self) -> str:
        return self.index_person or self.client

    def members(self) -> list[Person]:
        """Network members: every person but the client."""
        return [p for p in self.network.persons if p.id != self.client]

    def snapshot(self, snapshot_id: str) -> Snapshot:
        """The snapshot ``snapshot_id``; :class:`NotFound` (one message wherever a snapshot is
        asked for: the command line, the web, the analysis) naming the snapshots there are."""
        for s in self.snapshots:
            if s.id == snapshot_id:
                return s
        known = ", ".join([CURRENT, *(s.id for s in self.snapshots)])
        raise NotFound(
            f"momentopname '{snapshot_id}' bestaat niet in deze casus (wel: {known})",
            f"snapshot '{snapshot_id}' does not exist in this case (known: {known})",
        )
