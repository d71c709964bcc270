"""The case file: a versioned JSON document holding one whole case.

``zorgkracht/2`` adds the process (help questions to closing, :mod:`.process_json`); a case
without one is written as ``zorgkracht/1``, byte for byte as before, and every ``zorgkracht/1``
file reads as it always did.

The document is described by Pydantic models (the edge of the application); the JSON Schema in
``zorgkracht/schema/zorgkracht-2.schema.json`` is generated from them and kept in step by a test.
Reading a file checks its shape (unknown fields and unknown codes are errors), then the case
invariants; every problem is reported with its place in the file, and nothing is returned unless
the whole file is valid.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from zorgkracht.domain import (
    Case,
    ChildRelation,
    Condition,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InstrumentResponse,
    InvalidInput,
    LifeEvent,
    Network,
    Person,
    Point,
    Problem,
    Snapshot,
    Tie,
    validate_case,
)
from zorgkracht.domain.bounds import (
    AGE,
    CARE_HOURS,
    CARE_MONTHS,
    STRENGTH,
    VALENCE,
    WEIGHT,
    YEAR,
)
from zorgkracht.domain.codes import (
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
    Support,
    TieStatus,
    TwinType,
    Wish,
    Zone,
)
from zorgkracht.domain.limits import MAX_ID, MAX_JSON_DEPTH, json_depth_exceeds
from zorgkracht.domain.process import Process

from .process_json import ProcessDoc, process_from_doc, process_to_dict

FORMAT_1 = "zorgkracht/1"
FORMAT = "zorgkracht/2"
"""The newest format; written when the case has a process, else :data:`FORMAT_1`."""
FORMATS = (FORMAT_1, FORMAT)
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "zorgkracht-2.schema.json"

Id = Annotated[str, Field(min_length=1, max_length=MAX_ID, pattern=r"^[^\s]+$")]
Year = Annotated[int, Field(ge=YEAR.low, le=YEAR.high)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class ConditionDoc(_Doc):
    kind: ConditionKind
    state: ConditionState = ConditionState.PRESENT
    note: str = ""


class PersonDoc(_Doc):
    id: Id
    name: str = Field(min_length=1)
    gender: Gender = Gender.UNKNOWN
    identities: list[Identity] = []
    birth_year: Year | None = None
    death_year: Year | None = None
    deceased: bool = False
    age: Annotated[int, Field(ge=AGE.low, le=AGE.high)] | None = None
    pet: str | None = Field(default=None, description="Kind of animal when this is a pet.")
    organisation: bool = Field(
        default=False, description="An organisation (a club, a nursing home), not one person."
    )
    conditions: list[ConditionDoc] = []
    pregnant: bool = False
    role: Role | None = None
    circle: Circle | None = None
    zone: Zone | None = None
    frequency: Frequency | None = None
    weight: Annotated[int, Field(ge=WEIGHT.low, le=WEIGHT.high)] | None = None
    education: EducationLevel | None = None
    age_group: AgeGroup | None = None
    network_zone: NetworkZone = NetworkZone.PERSONAL
    status: TieStatus | None = None
    sensitive: bool = False
    wish: Wish | None = Field(default=None, description="The client's wish for this contact.")
    energy: Energy | None = Field(
        default=None, description="The contact gives the client energy, costs energy, or both."
    )
    may_ask: bool | None = Field(
        default=None,
        description="The client agrees this person is asked for help or invited to a meeting.",
    )
    receives_care: bool = Field(default=False, description="This person is cared for.")
    own_needs: bool = Field(default=False, description="This person needs support themselves.")
    note: str = ""


class CoupleDoc(_Doc):
    id: Id
    a: Id
    b: Id
    type: CoupleType = CoupleType.MARRIED
    start_year: Year | None = None
    end_year: Year | None = None
    note: str = ""


class ChildDoc(_Doc):
    id: Id
    child: Id
    parents: list[Id] = Field(min_length=1, max_length=2)
    type: ChildType = ChildType.BIOLOGICAL
    twin_group: str | None = None
    twin_type: TwinType | None = None


class EmotionDoc(_Doc):
    id: Id
    a: Id
    b: Id
    type: EmotionalType
    sensitive: bool = False
    note: str = ""


class TieDoc(_Doc):
    id: Id
    a: Id
    b: Id
    strength: Annotated[int, Field(ge=STRENGTH.low, le=STRENGTH.high)] = 2
    quality: Quality = Quality.POSITIVE
    direction: Direction = Direction.NONE
    support: list[Support] = []
    reciprocal: bool | None = None
    care_hours_per_week: Annotated[float, Field(ge=CARE_HOURS.low, le=CARE_HOURS.high)] | None = (
        None
    )
    care_months: Annotated[int, Field(ge=CARE_MONTHS.low)] | None = None
    care_since: dt.date | None = None
    care_tasks: list[CareTask] = Field(
        default=[], description="Kinds of care task in the care b gives a."
    )
    client_care_hours_per_week: (
        Annotated[float, Field(ge=CARE_HOURS.low, le=CARE_HOURS.high)] | None
    ) = Field(default=None, description="Hours a week a (the client side) cares for b.")
    client_care_months: Annotated[int, Field(ge=CARE_MONTHS.low)] | None = Field(
        default=None, description="How many months a has cared for b."
    )
    client_care_tasks: list[CareTask] = Field(
        default=[], description="Kinds of care task in the care a gives b."
    )
    sensitive: bool = False
    note: str = ""


class DomainDoc(_Doc):
    id: Id
    name: str = Field(min_length=1)
    kind: DomainKind = DomainKind.OTHER
    members: list[Id] = []
    note: str = ""


class EventDoc(_Doc):
    id: Id
    year: Year
    title: str = Field(min_length=1)
    valence: Annotated[int, Field(ge=VALENCE.low, le=VALENCE.high)] = 0
    date: dt.date | None = None
    persons: list[Id] = []
    sensitive: bool = False
    note: str = ""


class NetworkDoc(_Doc):
    persons: list[PersonDoc] = []
    household: list[Id] = []
    couples: list[CoupleDoc] = []
    children: list[ChildDoc] = []
    emotions: list[EmotionDoc] = []
    ties: list[TieDoc] = []
    domains: list[DomainDoc] = []
    events: list[EventDoc] = []


class InstrumentDoc(_Doc):
    instrument: str = Field(min_length=1)
    answers: dict[str, int | None] = {}
    taken_on: dt.date | None = None
    respondent: Id | None = Field(
        default=None, description="Id of the person who answered; the client when absent."
    )


class SnapshotDoc(_Doc):
    id: Id
    label: str = Field(min_length=1)
    taken_on: dt.date | None = None
    network: NetworkDoc
    instruments: list[InstrumentDoc] = []
    note: str = ""


class PointDoc(_Doc):
    x: float
    y: float


class CaseDoc(_Doc):
    """A whole case, as written to a ``.zorgkracht.json`` file."""

    model_config = ConfigDict(
        extra="forbid",
        title="Zorgkracht case file",
        json_schema_extra={"$id": "https://zorgkracht.example/schema/zorgkracht-2.schema.json"},
    )

    format: Literal["zorgkracht/1", "zorgkracht/2"]
    id: Id
    title: str = Field(min_length=1)
    client: Id
    index_person: Id | None = None
    status: CaseStatus = CaseStatus.ACTIVE
    note: str = ""
    network: NetworkDoc
    snapshots: list[SnapshotDoc] = []
    positions: dict[str, dict[str, PointDoc]] = {}
    instruments: list[InstrumentDoc] = Field(
        default=[], description="Instrument answers of now; a snapshot keeps its own."
    )
    process: ProcessDoc | None = Field(
        default=None,
        description="From referral to closing; only in zorgkracht/2 files.",
    )


# --- documents to domain -------------------------------------------------------------------


def _person(d: PersonDoc) -> Person:
    return Person(
        id=d.id,
        name=d.name,
        gender=d.gender,
        identities=set(d.identities),
        birth_year=d.birth_year,
        death_year=d.death_year,
        deceased=d.deceased,
        age=d.age,
        pet=d.pet,
        organisation=d.organisation,
        conditions=[Condition(kind=c.kind, state=c.state, note=c.note) for c in d.conditions],
        pregnant=d.pregnant,
        role=d.role,
        circle=d.circle,
        zone=d.zone,
        frequency=d.frequency,
        weight=d.weight,
        education=d.education,
        age_group=d.age_group,
        network_zone=d.network_zone,
        status=d.status,
        sensitive=d.sensitive,
        wish=d.wish,
        energy=d.energy,
        may_ask=d.may_ask,
        receives_care=d.receives_care,
        own_needs=d.own_needs,
        note=d.note,
    )


def _network(d: NetworkDoc) -> Network:
    return Network(
        persons=[_person(p) for p in d.persons],
        household=list(d.household),
        couples=[CoupleRelation(**c.model_dump()) for c in d.couples],
        children=[
            ChildRelation(
                id=c.id,
                child=c.child,
                parents=list(c.parents),
                type=c.type,
                twin_group=c.twin_group,
                twin_type=c.twin_type,
            )
            for c in d.children
        ],
        emotions=[EmotionalRelation(**e.model_dump()) for e in d.emotions],
        ties=[
            Tie(
                **{
                    **t.model_dump(),
                    "support": set(t.support),
                    "care_tasks": set(t.care_tasks),
                    "client_care_tasks": set(t.client_care_tasks),
                }
            )
            for t in d.ties
        ],
        domains=[
            Domain(id=x.id, name=x.name, kind=x.kind, members=list(x.members), note=x.note)
            for x in d.domains
        ],
        events=[LifeEvent(**{**e.model_dump(), "persons": list(e.persons)}) for e in d.events],
    )


def case_from_doc(doc: CaseDoc) -> Case:
    return Case(
        id=doc.id,
        title=doc.title,
        client=doc.client,
        index_person=doc.index_person,
        status=doc.status,
        note=doc.note,
        network=_network(doc.network),
        snapshots=[
            Snapshot(
                id=s.id,
                label=s.label,
                taken_on=s.taken_on,
                network=_network(s.network),
                instruments=_instruments(s.instruments),
                note=s.note,
            )
            for s in doc.snapshots
        ],
        positions={
            view: {ref: Point(x=p.x, y=p.y) for ref, p in points.items()}
            for view, points in doc.positions.items()
        },
        instruments=_instruments(doc.instruments),
        process=process_from_doc(doc.process) if doc.process is not None else Process(),
    )


def _instruments(docs: list[InstrumentDoc]) -> list[InstrumentResponse]:
    return [
        InstrumentResponse(
            instrument=i.instrument,
            answers=dict(i.answers),
            taken_on=i.taken_on,
            respondent=i.respondent,
        )
        for i in docs
    ]


# --- domain to a JSON-ready dict -----------------------------------------------------------


def _clean(value: Any) -> Any:
    """Enums to codes, sets to sorted lists, dates to ISO strings; drop empty defaults."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_clean(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):  # StrEnum members are str
        return str(value)
    return value


_DEFAULTS: dict[str, Any] = {
    "gender": "unknown",
    "deceased": False,
    "pregnant": False,
    "sensitive": False,
    "network_zone": "personal",
    "note": "",
    "identities": [],
    "conditions": [],
    "state": "present",
    "organisation": False,
    "receives_care": False,
    "own_needs": False,
    "care_tasks": [],
    "client_care_tasks": [],
}


def _compact(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {
            k: _compact(v)
            for k, v in obj.items()
            if v is not None and not (k in _DEFAULTS and v == _DEFAULTS[k])
        }
    if isinstance(obj, list):
        return [_compact(v) for v in obj]
    return obj


def _asdict(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def _network_dict(net: Network) -> dict[str, Any]:
    out: dict[str, Any] = {
        "persons": [
            {**_asdict(p), "conditions": [_asdict(c) for c in p.conditions]} for p in net.persons
        ],
        "household": list(net.household),
        "couples": [_asdict(c) for c in net.couples],
        "children": [_asdict(c) for c in net.children],
        "emotions": [_asdict(e) for e in net.emotions],
        "ties": [_asdict(t) for t in net.ties],
        "domains": [_asdict(d) for d in net.domains],
        "events": [_asdict(e) for e in net.events],
    }
    return out


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as a case-file document (a plain, JSON-ready dict): ``zorgkracht/2`` when the
    case has a process, else ``zorgkracht/1``."""
    raw = {
        "format": FORMAT_1 if case.process.is_empty() else FORMAT,
        "id": case.id,
        "title": case.title,
        "client": case.client,
        "index_person": case.index_person,
        "status": case.status,
        "note": case.note,
        "network": _network_dict(case.network),
        "snapshots": [
            {
                "id": s.id,
                "label": s.label,
                "taken_on": s.taken_on,
                "note": s.note,
                "network": _network_dict(s.network),
                "instruments": [_asdict(i) for i in s.instruments],
            }
            for s in case.snapshots
        ],
        "positions": {
            view: {ref: {"x": p.x, "y": p.y} for ref, p in points.items()}
            for view, points in case.positions.items()
        },
    }
    if case.instruments:  # written only when there are any: older files stay byte for byte
        raw["instruments"] = [_asdict(i) for i in case.instruments]
    result: dict[str, Any] = _compact(_clean(raw))
    # Answers may legitimately be null (a missing answer); put them back.
    pairs = [(result.get("instruments", []), case.instruments)] + [
        (snap_out["instruments"], snap.instruments)
        for snap_out, snap in zip(result["snapshots"], case.snapshots, strict=True)
    ]
    for written, responses in pairs:
        for inst_out, inst in zip(written, responses, strict=True):
            inst_out["answers"] = dict(inst.answers)
    if not case.process.is_empty():
        result["process"] = process_to_dict(case.process)
    return result


def dumps(case: Case) -> str:
    return json.dumps(case_to_dict(case), ensure_ascii=False, indent=2) + "\n"


# --- reading --------------------------------------------------------------------------------


def _where(loc: tuple[int | str, ...], data: Any) -> str:
    """Turn a Pydantic location into a path that names ids where the file has them."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            item = node[step]
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(str(ident) if isinstance(ident, str) and ident else f"#{step + 1}")
            node = item
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "/".join(parts)


_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("ontbreekt", "is missing"),
    "extra_forbidden": ("onbekend veld", "unknown field"),
    "enum": ("onbekende code", "unknown code"),
    "literal_error": ("onbekende waarde", "unknown value"),
    "string_too_short": ("mag niet leeg zijn", "must not be empty"),
    "string_pattern_mismatch": ("mag geen spaties bevatten", "must not contain spaces"),
    "int_parsing": ("is geen geheel getal", "is not a whole number"),
    "int_type": ("is geen geheel getal", "is not a whole number"),
    "float_parsing": ("is geen getal", "is not a number"),
    "bool_parsing": ("is geen ja/nee-waarde", "is not a yes/no value"),
    "date_from_datetime_parsing": ("is geen datum (JJJJ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "greater_than_equal": ("is te klein", "is too small"),
    "less_than_equal": ("is te groot", "is too large"),
    "too_short": ("heeft te weinig elementen", "has too few items"),
    "too_long": ("heeft te veel elementen", "has too many items"),
}


def problems_from_validation(err: ValidationError, data: Any, prefix: str = "") -> list[Problem]:
    problems = []
    for e in err.errors():
        nl, en = _MESSAGES.get(e["type"], (e["msg"], e["msg"]))
        ctx = e.get("ctx") or {}
        if e["type"] == "enum":
            nl = f"onbekende code {e['input']!r}; kies uit {ctx.get('expected', '')}"
            en = f"unknown code {e['input']!r}; expected {ctx.get('expected', '')}"
        elif e["type"] in ("greater_than_equal", "less_than_equal"):
            bound = ctx.get("ge", ctx.get("le"))
            nl = f"{e['input']!r} {nl} (grens {bound})"
            en = f"{e['input']!r} {en} (limit {bound})"
        elif e["type"] == "literal_error" and e["loc"] == ("format",):
            known = " of ".join(repr(f) for f in FORMATS)
            nl = f"formaat {e['input']!r} wordt niet ondersteund; verwacht {known}"
            en = f"format {e['input']!r} is not supported; expected {known.replace(' of ', ' or ')}"
        problems.append(
            Problem(where=prefix + _where(e["loc"], data), nl=nl, en=en, code=e["type"])
        )
    return problems


def case_from_data(data: Any, source: str | None = None) -> Case:
    """Check a parsed document in full and return the case, or raise with every problem."""
    if not isinstance(data, dict):
        raise InvalidInput(
            [Problem("", "het bestand bevat geen JSON-object", "the file holds no JSON object")],
            source,
        )
    try:
        doc = CaseDoc.model_validate(data)
    except ValidationError as err:
        raise InvalidInput(problems_from_validation(err, data), source) from None
    if doc.format == FORMAT_1 and doc.process is not None:
        raise InvalidInput(
            [
                Problem(
                    "process",
                    f"een proces staat alleen in een {FORMAT}-bestand; dit is {FORMAT_1}",
                    f"a process belongs only in a {FORMAT} file; this is {FORMAT_1}",
                    "format",
                )
            ],
            source,
        )
    return validate_case(case_from_doc(doc), source)


def _too_deep(where: str, source: str | None) -> InvalidInput:
    return InvalidInput(
        [
            Problem(
                where,
                f"JSON is te diep genest (hooguit {MAX_JSON_DEPTH} niveaus)",
                f"JSON is nested too deep (at most {MAX_JSON_DEPTH} levels)",
                "json_depth",
            )
        ],
        source,
    )


def parse_json(text: str, where: str = "body", source: str | None = None) -> Any:
    """Parse a JSON document sent to the application: bad JSON, text that no database can
    hold (lone surrogates) and nesting beyond ``MAX_JSON_DEPTH`` are an :class:`InvalidInput`
    naming ``where``, never a crash."""
    try:
        data = json.loads(text)
        if json_depth_exceeds(data):
            raise _too_deep(where, source)
        # escaped lone surrogates ("\ud800") are valid JSON but no text a database can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        raise _too_deep(where, source) from None
    except (UnicodeError, json.JSONDecodeError) as err:
        raise InvalidInput(
            [Problem(where, f"geen geldige JSON ({err})", f"not valid JSON ({err})", "json")],
            source,
        ) from None
    return data


def loads(text: str, source: str | None = None) -> Case:
    try:
        data = json.loads(text)
        if json_depth_exceeds(data):
            raise _too_deep("", source)
    except RecursionError:
        raise _too_deep("", source) from None
    except json.JSONDecodeError as err:
        raise InvalidInput(
            [
                Problem(
                    f"regel/line {err.lineno}, kolom/column {err.colno}",
                    f"geen geldige JSON: {err.msg}",
                    f"not valid JSON: {err.msg}",
                    "json",
                )
            ],
            source,
        ) from None
    return case_from_data(data, source)


def read_case(path: Path) -> Case:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            [Problem("", "bestand is geen UTF-8-tekst", "file is not UTF-8 text", "encoding")],
            str(path),
        ) from None
    return loads(text, str(path))


def write_case(case: Case, path: Path) -> None:
    path.write_text(dumps(case), encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, generated from the document models."""
    schema = CaseDoc.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def looks_like_case_file(text: str) -> bool:
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith("{") and '"format"' in stripped[:4000]
