"""easyNWK's saved network record as a case (issue 15, point 5).

easyNWK (FH St. Pölten, after Pantuček's Netzwerkkarte) saves a JSON record. Followed
(fhstp/easynwk-web, commit 179b80b of 2025-09-19): ``src/data/NWKRecord.ts`` (``versions``,
``currentVersion``; an older file is a single NWK), ``NWKVersion.ts`` (``id``, ``title``,
``date``, ``nwk``), ``NWK.ts`` (``ego``, ``alteri``, ``connections``), ``Ego.ts``,
``Alter.ts`` (``id``, ``name``, ``role``, ``human``, ``currentGender``, ``age``, ``note``,
``deceased``, ``edgeType`` 0 no line to the person at the centre / 1 a line / 2 a multiplex
line, ``angle``, ``distance``, ``conflict``, the five ``support*`` fields), ``Connection.ts``
(``id1``, ``id2``, undirected, saved once), and for the meaning of the numbers
:mod:`.easynwk_vocab`.

What becomes what (``docs/interchange.md`` says it for users):

- every version is a snapshot (label: its title, date: its date); the last version in the file
  (the newest) is the network now. The ego is the client.
- a contact becomes a person: role from its role name (German or English, see
  :mod:`.easynwk_vocab`), else from its sector (the angle); circle from its horizon (the
  distance); gender, age, note, deceased; a non-human contact is a pet when its role or name is
  an animal, else an organisation. A contact with no line to the centre (``edgeType`` 0) or
  beyond the outer horizon is a faded contact (status ``faded``).
- a line to the centre becomes a tie with the client: strength 2 (3 for a multiplex line),
  quality ``conflict`` when marked so, support letters from the kinds the contact gives
  (2 or 3), direction from who supports whom, reciprocal when the client gives something back
  (1 or 3) to a contact who supports them.
- a connection becomes a tie between two members (strength 1, the nearer one first).

A contact keeps its person id across versions when both its easyNWK id and its name stay the
same. Reading is all or nothing: every problem is named by version, contact and field, in Dutch
and English, and nothing is stored when there is one.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zorgkracht.domain import (
    Case,
    InvalidInput,
    Network,
    Person,
    Problem,
    Snapshot,
    Tie,
)
from zorgkracht.domain.codes import Direction, Quality, Support, TieStatus
from zorgkracht.domain.ids import IdPool
from zorgkracht.domain.invariants import validate_case
from zorgkracht.domain.limits import MAX_TITLE

from . import easynwk_vocab as ev
from .network_list_vocab import KNOWS_STRENGTH, norm, slug

__all__ = ["CLIENT_ID", "parse_easynwk"]

CLIENT_ID = "client"
MAX_AGE = 150


@dataclass(slots=True)
class _Problems:
    found: list[Problem] = field(default_factory=list)

    def add(self, where: str, nl: str, en: str, code: str = "invalid") -> None:
        self.found.append(Problem(where, nl, en, code))


def _kind(value: object) -> tuple[str, str]:
    if value is None:
        return "leeg (null)", "empty (null)"
    if isinstance(value, bool):
        return "een ja/nee-waarde", "a true/false value"
    if isinstance(value, int | float):
        return "een getal", "a number"
    if isinstance(value, str):
        return "tekst", "text"
    if isinstance(value, list):
        return "een lijst", "a list"
    return "een object", "an object"


@dataclass(slots=True)
class _Fields:
    """Reads the fields of one JSON object, naming ``where`` in every problem."""

    obj: dict[str, Any]
    where: str
    problems: _Problems

    def wrong(self, key: str, nl: str, en: str, code: str = "invalid") -> None:
        self.problems.add(f"{self.where}, veld/field {key}", nl, en, code)

    def text(self, key: str, default: str = "") -> str:
        value = self.obj.get(key, default)
        if value is None:
            return default
        if isinstance(value, str):
            return value.strip()
        nl, en = _kind(value)
        self.wrong(key, f"moet tekst zijn, niet {nl}", f"must be text, not {en}")
        return default

    def flag(self, key: str, default: bool) -> bool:
        value = self.obj.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        nl, en = _kind(value)
        self.wrong(key, f"moet true of false zijn, niet {nl}", f"must be true or false, not {en}")
        return default

    def number(self, key: str) -> float | None:
        value = self.obj.get(key)
        if value is None:
            self.wrong(key, "ontbreekt", "is missing", "required")
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.wrong(
                key, f"'{value}' is geen getal", f"'{value}' is not a number", "not_a_number"
            )
            return None
        return float(value)

    def whole(self, key: str, allowed: range, default: int | None = None) -> int | None:
        """A whole number in ``allowed``; easyNWK's selects may store it as text (``"2"``)."""
        value = self.obj.get(key, default)
        if value is None:
            if default is None:
                self.wrong(key, "ontbreekt", "is missing", "required")
            return default
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        if number is None or number not in allowed:
            low, high = allowed.start, allowed.stop - 1
            self.wrong(
                key,
                f"'{value}' is geen geheel getal van {low} tot en met {high}",
                f"'{value}' is not a whole number from {low} to {high}",
                "out_of_range",
            )
            return default
        return number

    def age(self) -> int | None:
        value = self.obj.get("age", "")
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        text = str(value).strip() if isinstance(value, str | int) else ""
        if isinstance(value, bool) or not text.isdigit() or int(text) > MAX_AGE:
            self.wrong(
                "age",
                f"leeftijd '{value}' is geen geheel getal van 0 tot en met {MAX_AGE}",
                f"age '{value}' is not a whole number from 0 to {MAX_AGE}",
                "out_of_range",
            )
            return None
        return int(text)

    def gender(self, person: Person) -> None:
        word = self.text("currentGender")
        found = ev.GENDERS.get(norm(word))
        if found is None:
            self.wrong(
                "currentGender",
                f"onbekend geslacht '{word}'; kies uit weiblich, männlich, divers, "
                "nicht festgelegt",
                f"unknown gender '{word}'; choose from weiblich, männlich, divers, "
                "nicht festgelegt",
                "unknown_value",
            )
        else:
            person.gender = found


@dataclass(slots=True)
class _Alter:
    nwk_id: int
    person: Person
    distance: float
    edge_type: int
    conflict: bool
    support: dict[str, int]


@dataclass(slots=True)
class _Version:
    nwk_id: int
    title: str
    date: dt.date | None
    client: Person
    alteri: list[_Alter]
    connections: list[tuple[int, int]]


def _versions(doc: object, problems: _Problems) -> list[tuple[str, dict[str, Any]]]:
    """The versions of a record as (name in messages, object); a single NWK is one version."""
    if not isinstance(doc, dict):
        problems.add("", "het bestand is geen JSON-object", "the file is not a JSON object", "json")
        return []
    if "versions" not in doc and {"ego", "alteri", "connections"} <= doc.keys():
        return [("nwk", {"id": 1, "title": "", "date": "", "nwk": doc})]
    versions = doc.get("versions")
    if not isinstance(versions, list) or not versions:
        problems.add(
            "versions",
            "ontbreekt of is leeg: een easyNWK-bestand heeft minstens één versie",
            "is missing or empty: an easyNWK file has at least one version",
            "required",
        )
        return []
    found: list[tuple[str, dict[str, Any]]] = []
    for n, version in enumerate(versions, start=1):
        if not isinstance(version, dict) or not isinstance(version.get("nwk"), dict):
            problems.add(
                f"versie/version {n}",
                "is geen object met een 'nwk'",
                "is not an object with an 'nwk'",
                "invalid",
            )
            continue
        label = version.get("id", n)
        found.append((f"versie/version {label}", version))
    return found


def _alter(raw: object, where: str, problems: _Problems) -> _Alter | None:
    if not isinstance(raw, dict):
        problems.add(where, "is geen object", "is not an object", "invalid")
        return None
    name = raw.get("name")
    named = f"{where} ({name})" if isinstance(name, str) and name.strip() else where
    f = _Fields(raw, named, problems)
    nwk_id = f.whole("id", range(-(2**31), 2**31))
    person = Person(id="", name=f.text("name"))
    if not person.name:
        f.wrong("name", "naam is leeg", "name is empty", "required")
    f.gender(person)
    person.age = f.age()
    person.note = f.text("note")
    person.deceased = f.flag("deceased", False)
    human = f.flag("human", True)
    angle, distance = f.number("angle"), f.number("distance")
    if angle is not None and not -180 <= angle <= 180:
        f.wrong(
            "angle",
            f"{angle} ligt niet tussen -180 en 180",
            f"{angle} is not between -180 and 180",
            "out_of_range",
        )
        angle = None
    if distance is not None and distance <= 0:
        f.wrong(
            "distance",
            f"{distance}: de persoon staat niet op de kaart (afstand 0 of minder)",
            f"{distance}: the person is not placed on the map (distance 0 or less)",
            "out_of_range",
        )
        distance = None
    edge_type = f.whole("edgeType", range(3), 1)
    conflict = f.flag("conflict", False)
    support = {key: f.whole(key, range(4), 0) or 0 for key, _ in ev.SUPPORT_FIELDS}
    role_text = f.text("role")
    if nwk_id is None or angle is None or distance is None or edge_type is None:
        return None
    sector = ev.sector_index(angle, distance)
    role = ev.role_of(role_text)
    pet = ev.PETS.get(norm(role_text)) or ev.PETS.get(norm(person.name))
    if not human and pet is not None:
        person.pet = pet
    else:
        person.organisation = not human
        person.role = role or (ev.SECTOR_ROLE[sector] if sector is not None else None)
        if role is None and role_text:
            person.note = "\n".join(filter(None, [person.note, f"easyNWK: {role_text}"]))
    person.circle = ev.circle_of(distance)
    if not person.deceased and (edge_type == 0 or distance > ev.OUTER_HORIZON):
        person.status = TieStatus.FADED
    return _Alter(nwk_id, person, distance, edge_type, conflict, support)


def _version(where: str, raw: dict[str, Any], problems: _Problems) -> _Version | None:
    count = len(problems.found)
    f = _Fields(raw, where, problems)
    nwk_id = f.whole("id", range(-(2**31), 2**31), 0)
    title = f.text("title")
    date_text = f.text("date")
    date: dt.date | None = None
    if date_text:
        try:
            date = dt.date.fromisoformat(date_text[:10])
        except ValueError:
            f.wrong(
                "date",
                f"'{date_text}' is geen datum (JJJJ-MM-DD)",
                f"'{date_text}' is not a date (YYYY-MM-DD)",
                "invalid_date",
            )
    nwk: dict[str, Any] = raw["nwk"]
    ego = nwk.get("ego")
    client = Person(id=CLIENT_ID, name="")
    if isinstance(ego, dict):
        e = _Fields(ego, f"{where}, ego", problems)
        client.name = e.text("name") or "Cliënt"
        e.gender(client)
        client.age = e.age()
        client.note = e.text("note")
    else:
        problems.add(
            f"{where}, ego",
            "ontbreekt of is geen object",
            "is missing or not an object",
            "required",
        )
    raw_alteri, raw_links = nwk.get("alteri", []), nwk.get("connections", [])
    alteri: list[_Alter] = []
    seen: dict[int, int] = {}  # every id written, read well or not, so that one bad contact
    # does not make each connection to it a second problem
    if not isinstance(raw_alteri, list):
        problems.add(f"{where}, alteri", "is geen lijst", "is not a list", "invalid")
    else:
        for n, raw_alter in enumerate(raw_alteri, start=1):
            ident = raw_alter.get("id") if isinstance(raw_alter, dict) else None
            if isinstance(ident, int) and not isinstance(ident, bool):
                seen[ident] = seen.get(ident, 0) + 1
            alter = _alter(
                raw_alter, f"{where}, alter {ident if ident is not None else f'#{n}'}", problems
            )
            if alter is not None:
                alteri.append(alter)
    for nwk_id_, count_ in seen.items():
        if count_ > 1:
            problems.add(
                f"{where}, alter {nwk_id_}",
                f"id {nwk_id_} komt {count_} keer voor",
                f"id {nwk_id_} occurs {count_} times",
                "duplicate_id",
            )
    links: list[tuple[int, int]] = []
    if not isinstance(raw_links, list):
        problems.add(f"{where}, connections", "is geen lijst", "is not a list", "invalid")
        raw_links = []
    for n, link in enumerate(raw_links, start=1):
        lw = f"{where}, connection {n}"
        if not isinstance(link, dict):
            problems.add(lw, "is geen object", "is not an object", "invalid")
            continue
        lf = _Fields(link, lw, problems)
        a, b = lf.whole("id1", range(-(2**31), 2**31)), lf.whole("id2", range(-(2**31), 2**31))
        if a is None or b is None:
            continue
        for key, end in (("id1", a), ("id2", b)):
            if end not in seen:
                lf.wrong(
                    key,
                    f"er is geen alter met id {end} in deze versie",
                    f"there is no alter with id {end} in this version",
                    "unknown_reference",
                )
        if a == b:
            lf.wrong(
                "id2",
                "een verbinding van iemand met zichzelf",
                "a connection of someone with themselves",
                "self_reference",
            )
        elif a in seen and b in seen and (a, b) not in links and (b, a) not in links:
            links.append((a, b))
    if len(problems.found) > count or nwk_id is None:
        return None
    return _Version(nwk_id, title, date, client, alteri, links)


def _network(version: _Version, person_ids: dict[tuple[int, str], str], ids: IdPool) -> Network:
    """The network of one version; ``person_ids`` keeps a contact's id across versions."""
    net = Network(persons=[version.client], household=[CLIENT_ID])
    by_nwk: dict[int, _Alter] = {}
    for alter in version.alteri:
        key = (alter.nwk_id, norm(alter.person.name))
        if key not in person_ids:
            person_ids[key] = ids.derived(f"p{alter.nwk_id}" if alter.nwk_id >= 0 else "p")
        alter.person.id = person_ids[key]
        by_nwk[alter.nwk_id] = alter
        net.persons.append(alter.person)
        if alter.edge_type == 0:
            continue
        given: set[Support] = {
            v for key_, v in ev.SUPPORT_FIELDS if alter.support[key_] in ev.TO_CLIENT and v
        }
        to_client = any(v in ev.TO_CLIENT for v in alter.support.values())
        from_client = any(v in ev.FROM_CLIENT for v in alter.support.values())
        direction = (
            Direction.BOTH
            if to_client and from_client
            else Direction.TO_CLIENT
            if to_client
            else Direction.FROM_CLIENT
            if from_client
            else Direction.NONE
        )
        net.ties.append(
            Tie(
                id=f"t-{alter.person.id}",
                a=CLIENT_ID,
                b=alter.person.id,
                strength=3 if alter.edge_type == 2 else 2,
                quality=Quality.CONFLICT if alter.conflict else Quality.POSITIVE,
                direction=direction,
                support=given,
                reciprocal=from_client if to_client else None,
            )
        )
    for a_id, b_id in version.connections:
        a, b = sorted((by_nwk[a_id], by_nwk[b_id]), key=lambda alter: alter.distance)
        net.ties.append(
            Tie(
                id=f"t-{a.person.id}-{b.person.id}",
                a=a.person.id,
                b=b.person.id,
                strength=KNOWS_STRENGTH,
            )
        )
    return net


def parse_easynwk(data: bytes, source: str, *, case_id: str | None = None) -> Case:
    """The case in the easyNWK record ``data`` (named ``source`` in messages), or
    :class:`InvalidInput` listing every problem."""
    problems = _Problems()
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(
            [Problem("", "bestand is geen UTF-8-tekst", "file is not UTF-8 text", "encoding")],
            source,
        ) from None
    except json.JSONDecodeError as err:
        raise InvalidInput(
            [
                Problem(
                    f"regel/line {err.lineno}, kolom/column {err.colno}",
                    f"onleesbare JSON: {err.msg}",
                    f"unreadable JSON: {err.msg}",
                    "json",
                )
            ],
            source,
        ) from None
    versions = [_version(where, raw, problems) for where, raw in _versions(doc, problems)]
    if problems.found:
        raise InvalidInput(problems.found, source)
    read = [v for v in versions if v is not None]
    ids = IdPool({CLIENT_ID})
    person_ids: dict[tuple[int, str], str] = {}
    snapshots = [
        Snapshot(
            id=ids.derived(f"s{v.nwk_id}"),
            label=v.title or f"versie {v.nwk_id}",
            taken_on=v.date,
            network=_network(v, person_ids, ids),
        )
        for v in read
    ]
    client = read[-1].client
    case = Case(
        id=case_id or slug(Path(source).stem, "easynwk"),
        title=f"Netwerk van {client.name}"[:MAX_TITLE],
        client=CLIENT_ID,
        network=copy.deepcopy(snapshots[-1].network),
        snapshots=snapshots,
    )
    return validate_case(case, source)
