"""The edit operations: one Pydantic model per ``op``, and the names in :data:`OPERATIONS`.

See :mod:`zorgkracht.services.edits` for what each operation does and its inverse; those of the
process are in :mod:`.process_ops`, and ``apply.OPERATIONS`` holds them all."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from zorgkracht.domain.bounds import CARE_HOURS, CARE_MONTHS, COORDINATE, STRENGTH, VALENCE, YEAR
from zorgkracht.domain.codes import (
    CareTask,
    ChildType,
    Circle,
    CoupleType,
    Direction,
    DomainKind,
    EmotionalType,
    Energy,
    Frequency,
    Gender,
    NetworkZone,
    Quality,
    Role,
    Support,
    TieStatus,
    TwinType,
    Wish,
    Zone,
)
from zorgkracht.domain.limits import MAX_ID, MAX_NAME, MAX_NOTE, MAX_TIES

ViewName = Literal[
    "genogram", "ecogram", "netwerkkaart", "netwerkschema", "levenslijn", "sociogram"
]
VIEWS: tuple[str, ...] = get_args(ViewName)
"""The pictures a position override may belong to (``zorgkracht.render.views.VIEWS``)."""

Id = Annotated[str, Field(min_length=1, max_length=MAX_ID, pattern=r"^[^\s]+$")]
Year = Annotated[int, Field(ge=YEAR.low, le=YEAR.high)]
Coordinate = Annotated[float, Field(allow_inf_nan=False, ge=COORDINATE.low, le=COORDINATE.high)]
Index = Annotated[int, Field(ge=0)]
Json = dict[str, Any]
Hours = Annotated[float, Field(ge=CARE_HOURS.low, le=CARE_HOURS.high, allow_inf_nan=False)]
Months = Annotated[int, Field(ge=CARE_MONTHS.low)]


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AddPerson(_Op):
    """A new person; with ``support`` (or ``connect``) also a tie from the client to them."""

    op: Literal["add_person"]
    id: Id | None = None
    name: str = Field(min_length=1, max_length=MAX_NAME)
    gender: Gender = Gender.UNKNOWN
    role: Role | None = None
    circle: Circle | None = None
    zone: Zone | None = None
    frequency: Frequency | None = None
    status: TieStatus | None = None
    network_zone: NetworkZone = NetworkZone.PERSONAL
    birth_year: Year | None = None
    sensitive: bool = False
    organisation: bool = False
    wish: Wish | None = None
    energy: Energy | None = None
    may_ask: bool | None = None
    receives_care: bool = False
    own_needs: bool = False
    note: str = Field(default="", max_length=MAX_NOTE)
    household: bool = False
    domain: Id | None = None
    connect: bool = False
    support: list[Support] = []


class UpdatePerson(_Op):
    op: Literal["update_person"]
    id: Id
    changes: dict[str, Any] = Field(description="Fields of a person (as in the case file).")


class RemovePerson(_Op):
    op: Literal["remove_person"]
    id: Id


class Placed(_Op):
    index: Index
    item: dict[str, Any]


class RestoreChild(Placed):
    removed: bool


class Membership(_Op):
    ref: Id
    index: Index


class RestorePerson(_Op):
    """The inverse of ``remove_person``: the person and all that went with them."""

    op: Literal["restore_person"]
    person: dict[str, Any]
    index: Index
    household: Index | None = None
    ties: list[Placed] = []
    couples: list[Placed] = []
    children: list[RestoreChild] = []
    emotions: list[Placed] = []
    domains: list[Membership] = []
    events: list[Membership] = []
    positions: dict[str, dict[str, Coordinate]] = {}
    instruments: list[Placed] = []
    """Instrument answers of now the person gave (they go with the person)."""


class SetCircle(_Op):
    op: Literal["set_circle"]
    id: Id
    circle: Circle | None


class SetHousehold(_Op):
    op: Literal["set_household"]
    id: Id
    member: bool
    index: Index | None = None


class AddDomain(_Op):
    op: Literal["add_domain"]
    id: Id | None = None
    name: str = Field(min_length=1, max_length=MAX_NAME)
    kind: DomainKind = DomainKind.OTHER
    members: list[Id] = []
    note: str = Field(default="", max_length=MAX_NOTE)


class RenameDomain(_Op):
    op: Literal["rename_domain"]
    id: Id
    name: str = Field(min_length=1, max_length=MAX_NAME)


class UpdateDomain(_Op):
    op: Literal["update_domain"]
    id: Id
    changes: dict[str, Any] = Field(
        description="Fields of a domain (as in the case file): name, kind, note."
    )


class RemoveDomain(_Op):
    op: Literal["remove_domain"]
    id: Id


class RestoreDomain(_Op):
    """The inverse of ``remove_domain``."""

    op: Literal["restore_domain"]
    domain: dict[str, Any]
    index: Index
    ties: list[Placed] = []
    positions: dict[str, dict[str, Coordinate]] = {}


class AddToDomain(_Op):
    op: Literal["add_to_domain"]
    domain: Id
    person: Id
    index: Index | None = None


class RemoveFromDomain(_Op):
    op: Literal["remove_from_domain"]
    domain: Id
    person: Id


class AddTie(_Op):
    op: Literal["add_tie"]
    id: Id | None = None
    a: Id
    b: Id
    strength: Annotated[int, Field(ge=STRENGTH.low, le=STRENGTH.high)] = 2
    quality: Quality = Quality.POSITIVE
    direction: Direction = Direction.NONE
    support: list[Support] = []
    reciprocal: bool | None = None
    care_hours_per_week: Hours | None = None
    care_months: Months | None = None
    care_since: dt.date | None = None
    care_tasks: list[CareTask] = []
    client_care_hours_per_week: Hours | None = None
    client_care_months: Months | None = None
    client_care_tasks: list[CareTask] = []
    sensitive: bool = False
    note: str = ""
    index: Index | None = None


class UpdateTie(_Op):
    op: Literal["update_tie"]
    id: Id
    changes: dict[str, Any] = Field(description="Fields of a tie (as in the case file).")


class RemoveTie(_Op):
    op: Literal["remove_tie"]
    id: Id


class AddCouple(_Op):
    """Two persons as a couple (the horizontal genogram line), with its years."""

    op: Literal["add_couple"]
    id: Id | None = None
    a: Id
    b: Id
    type: CoupleType = CoupleType.MARRIED
    start_year: Year | None = None
    end_year: Year | None = None
    note: str = ""
    index: Index | None = None


class UpdateCouple(_Op):
    op: Literal["update_couple"]
    id: Id
    changes: dict[str, Any] = Field(description="Fields of a couple (as in the case file).")


class RemoveCouple(_Op):
    op: Literal["remove_couple"]
    id: Id


class AddChild(_Op):
    """A child hanging from one or two parents (the vertical genogram line)."""

    op: Literal["add_child"]
    id: Id | None = None
    child: Id
    parents: list[Id] = Field(min_length=1, max_length=2)
    type: ChildType = ChildType.BIOLOGICAL
    twin_group: str | None = None
    twin_type: TwinType | None = None
    index: Index | None = None


class UpdateChild(_Op):
    op: Literal["update_child"]
    id: Id
    changes: dict[str, Any] = Field(description="Fields of a child relation (as in the case file).")


class RemoveChild(_Op):
    op: Literal["remove_child"]
    id: Id


class AddEmotion(_Op):
    """An emotional relation drawn over the genogram; directed types point from a to b."""

    op: Literal["add_emotion"]
    id: Id | None = None
    a: Id
    b: Id
    type: EmotionalType
    sensitive: bool = False
    note: str = ""
    index: Index | None = None


class UpdateEmotion(_Op):
    op: Literal["update_emotion"]
    id: Id
    changes: dict[str, Any] = Field(
        description="Fields of an emotional relation (as in the case file)."
    )


class RemoveEmotion(_Op):
    op: Literal["remove_emotion"]
    id: Id


class SetPosition(_Op):
    op: Literal["set_position"]
    view: ViewName
    id: Id
    x: Coordinate
    y: Coordinate


class ClearPosition(_Op):
    op: Literal["clear_position"]
    view: ViewName
    id: Id
    drop_view: bool = True


class AddEvent(_Op):
    """A life event on the levenslijn of now (above the axis when positive)."""

    op: Literal["add_event"]
    id: Id | None = None
    year: Year
    title: str = Field(min_length=1, max_length=MAX_NAME)
    valence: Annotated[int, Field(ge=VALENCE.low, le=VALENCE.high)] = 0
    date: dt.date | None = None
    persons: list[Id] = []
    sensitive: bool = False
    note: str = Field(default="", max_length=MAX_NOTE)
    index: Index | None = None


class UpdateEvent(_Op):
    op: Literal["update_event"]
    id: Id
    changes: dict[str, Any] = Field(description="Fields of a life event (as in the case file).")


class RemoveEvent(_Op):
    op: Literal["remove_event"]
    id: Id


class SetInstrument(_Op):
    """The answers of now to an instrument by one respondent (the client when ``null``):
    replaces the answers of that instrument and respondent, else adds them (at ``index``)."""

    op: Literal["set_instrument"]
    instrument: str = Field(min_length=1, max_length=MAX_ID)
    answers: dict[str, int | None] = {}
    taken_on: dt.date | None = None
    respondent: Id | None = None
    index: Index | None = None


class RemoveInstrument(_Op):
    """Take away the answers of now to an instrument by one respondent."""

    op: Literal["remove_instrument"]
    instrument: str = Field(min_length=1, max_length=MAX_ID)
    respondent: Id | None = None


class Batch(_Op):
    """Several operations applied in order as one edit, all or nothing (one save, one
    version); the inverse is the batch of their inverses in reverse order."""

    op: Literal["batch"]
    operations: list[dict[str, Any]] = Field(
        max_length=MAX_TIES,
        description="Operations (any but batch), applied one after another.",
    )


MAP_OPERATIONS: dict[str, type[_Op]] = {
    "add_person": AddPerson,
    "update_person": UpdatePerson,
    "remove_person": RemovePerson,
    "restore_person": RestorePerson,
    "set_circle": SetCircle,
    "set_household": SetHousehold,
    "add_domain": AddDomain,
    "rename_domain": RenameDomain,
    "update_domain": UpdateDomain,
    "remove_domain": RemoveDomain,
    "restore_domain": RestoreDomain,
    "add_to_domain": AddToDomain,
    "remove_from_domain": RemoveFromDomain,
    "add_tie": AddTie,
    "update_tie": UpdateTie,
    "remove_tie": RemoveTie,
    "add_couple": AddCouple,
    "update_couple": UpdateCouple,
    "remove_couple": RemoveCouple,
    "add_child": AddChild,
    "update_child": UpdateChild,
    "remove_child": RemoveChild,
    "add_emotion": AddEmotion,
    "update_emotion": UpdateEmotion,
    "remove_emotion": RemoveEmotion,
    "set_position": SetPosition,
    "clear_position": ClearPosition,
    "add_event": AddEvent,
    "update_event": UpdateEvent,
    "remove_event": RemoveEvent,
    "set_instrument": SetInstrument,
    "remove_instrument": RemoveInstrument,
    "batch": Batch,
}
