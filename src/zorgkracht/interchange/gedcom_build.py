"""GEDCOM records to a case: persons, couples, children, the client and the generations cut.

The rules are in ``docs/gedcom.md``; :mod:`zorgkracht.interchange.gedcom` is the entry point.
Every person and relation remembers the line of the record it came from, so that a case
invariant broken by the data can be reported at that line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    InvalidInput,
    Network,
    Person,
    Problem,
)
from zorgkracht.domain.codes import ChildType, CoupleType, Gender
from zorgkracht.domain.ids import IdPool
from zorgkracht.domain.limits import MAX_TITLE

from .gedcom_dates import GedcomDate, parse_date
from .gedcom_text import VOID, Decoded, Node, problem, resolve

PLACEHOLDER_ID = "client"

_GENDERS = {"M": Gender.MALE, "F": Gender.FEMALE, "X": Gender.OTHER}
_PEDIGREE = {
    "ADOPTED": ChildType.ADOPTED,
    "FOSTER": ChildType.FOSTER,
    "BIRTH": ChildType.BIOLOGICAL,
    "NATURAL": ChildType.BIOLOGICAL,
}


def slug(text: str) -> str:
    """A case id from a file name: lower case ASCII letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "gedcom"


def person_name(indi: Node) -> str:
    """``John /Smith/`` → ``John Smith``; from GIVN/SURN (and prefixes) when NAME has no text."""
    for name in indi.all("NAME"):
        text = " ".join(name.value.replace("/", " ").replace("@@", "@").split())
        if not text:
            parts = [
                part.value
                for tag in ("NPFX", "GIVN", "SPFX", "SURN", "NSFX")
                for part in name.all(tag)
            ]
            text = " ".join(" ".join(parts).replace(",", " ").split())
        if text:
            return text
    return ""


@dataclass(slots=True)
class _Family:
    node: Node
    id: str
    spouses: list[str] = field(default_factory=list)
    children: list[tuple[str, int]] = field(default_factory=list)
    """(person id, line of the CHIL or FAMC that links it)."""


class Builder:
    """Turns GEDCOM records into persons and relations, remembering the line of each."""

    def __init__(self, source: str, index: dict[str, Node]) -> None:
        self.source = source
        self.index = index
        self.problems: list[Problem] = []
        self.lines: dict[str, int] = {}
        self.persons: list[Person] = []
        self.couples: list[CoupleRelation] = []
        self.children: list[ChildRelation] = []
        self._person_of: dict[int, str] = {}  # id(Node) of an INDI record -> person id
        self._indi_of: dict[str, Node] = {}
        self._ids = IdPool()

    def _unique(self, base: str, line: int) -> str:
        ident = self._ids.derived(re.sub(r"\s+", "_", base.strip()) or f"L{line}")
        self.lines[ident] = line
        return ident

    def _target(self, node: Node, expected: str) -> Node | None:
        pointer = node.pointer
        if pointer is None or pointer == VOID:
            return None
        record = resolve(self.index, pointer)
        if record is not None and record.tag != expected:
            self.problems.append(
                problem(
                    f"{self.source}:{node.line}",
                    f"{node.tag} verwijst naar een {record.tag}-record; verwacht {expected}",
                    f"{node.tag} points to a {record.tag} record; expected {expected}",
                    "wrong_record",
                )
            )
            return None
        return record

    def build(self, records: list[Node]) -> None:
        indis = [r for r in records if r.tag == "INDI"]
        for indi in indis:
            ident = self._unique(
                indi.xref.strip("@") if indi.xref else f"I-L{indi.line}", indi.line
            )
            self._person_of[id(indi)] = ident
            self._indi_of[ident] = indi
            self.persons.append(self._person(indi, ident))
        families: dict[int, _Family] = {}
        for fam in (r for r in records if r.tag == "FAM"):
            family = _Family(fam, self._unique(fam.xref.strip("@") if fam.xref else "", fam.line))
            families[id(fam)] = family
            for link in fam.children:
                if link.tag in ("HUSB", "WIFE"):
                    self._add_spouse(family, self._target(link, "INDI"))
                elif link.tag == "CHIL":
                    self._add_child(family, self._target(link, "INDI"), link.line)
        for indi in indis:  # links given only on the individual's side
            for link in indi.children:
                if link.tag in ("FAMS", "FAMC"):
                    target = self._target(link, "FAM")
                    linked = families.get(id(target)) if target is not None else None
                    if linked is None:
                        continue
                    if link.tag == "FAMS" and len(linked.spouses) < 2:
                        self._add_spouse(linked, indi)
                    elif link.tag == "FAMC":
                        self._add_child(linked, indi, link.line)
        for family in families.values():
            self._relations(family)

    def _add_spouse(self, family: _Family, indi: Node | None) -> None:
        ident = self._person_of.get(id(indi)) if indi is not None else None
        if ident is not None and ident not in family.spouses:
            family.spouses.append(ident)

    def _add_child(self, family: _Family, indi: Node | None, line: int) -> None:
        ident = self._person_of.get(id(indi)) if indi is not None else None
        if ident is not None and all(ident != c for c, _ in family.children):
            family.children.append((ident, line))

    def _person(self, indi: Node, ident: str) -> Person:
        name = person_name(indi)
        sex = indi.first("SEX")
        gender = _GENDERS.get(sex.value.strip().upper(), Gender.UNKNOWN) if sex else Gender.UNKNOWN
        notes: list[str] = []
        if not name:
            name = "Onbekend"
            notes.append("Geen naam in het GEDCOM-bestand.")
        birth = self._event_year(indi, ("BIRT",), "geboortedatum", notes)
        death = self._event_year(indi, ("DEAT",), "overlijdensdatum", notes)
        deceased = any(indi.first(tag) is not None for tag in ("DEAT", "BURI", "CREM"))
        return Person(
            id=ident,
            name=name,
            gender=gender,
            birth_year=birth,
            death_year=death,
            deceased=deceased,
            note=" ".join(notes),
        )

    @staticmethod
    def _dates(record: Node, tags: tuple[str, ...]) -> list[GedcomDate]:
        found: list[GedcomDate] = []
        for tag in tags:
            for event in record.all(tag):
                date = event.first("DATE")
                if date is not None and date.value.strip():
                    found.append(parse_date(date.value))
        return found

    def _event_year(
        self, record: Node, tags: tuple[str, ...], label: str, notes: list[str]
    ) -> int | None:
        dates = self._dates(record, tags)
        exact = [d.year for d in dates if d.exact and d.year is not None]
        if exact:
            return exact[0]
        if dates:
            notes.append(f"{label.capitalize()} in GEDCOM: {dates[0].text}.")
        return None

    def _relations(self, family: _Family) -> None:
        parents = family.spouses[:2]
        if len(parents) == 2:
            self._couple(family, parents[0], parents[1])
        if not parents:
            return  # a child relation needs a parent: children-only families give no links
        for child, line in family.children:
            self.children.append(
                ChildRelation(
                    id=self._unique(f"{family.id}-{child}", line),
                    child=child,
                    parents=list(parents),
                    type=self._child_type(family, child),
                )
            )

    def _couple(self, family: _Family, a: str, b: str) -> None:
        fam = family.node
        notes: list[str] = []
        marriages = self._dates(fam, ("MARR",))
        divorces = self._dates(fam, ("DIV", "ANUL"))
        married = [d.year for d in marriages if d.exact and d.year is not None]
        ended = [d.year for d in divorces if d.exact and d.year is not None]
        start: int | None = None
        end: int | None = None
        if fam.first("DIV") is not None or fam.first("ANUL") is not None:
            later = [y for y in married if ended and y > max(ended)]
            if later:  # divorced, then married each other again
                kind, start = CoupleType.MARRIED, later[0]
                notes.append(f"Eerder gescheiden ({max(ended)}).")
            else:
                kind = CoupleType.DIVORCED
                start = married[0] if married else None
                end = max(ended) if ended else None
        elif fam.first("MARR") is not None:
            kind, start = CoupleType.MARRIED, married[0] if married else None
        elif fam.first("DIVF") is not None:
            kind = CoupleType.MARRIED_SEPARATED
        elif fam.first("ENGA") is not None:
            kind = CoupleType.ENGAGED
            engaged = [d.year for d in self._dates(fam, ("ENGA",)) if d.exact]
            start = engaged[0] if engaged else None
        else:
            kind = CoupleType.COMMITTED
        for label, dates in (("huwelijksdatum", marriages), ("scheidingsdatum", divorces)):
            notes.extend(f"{label.capitalize()} in GEDCOM: {d.text}." for d in dates if not d.exact)
        if a == b:
            return  # one person married to themselves: no couple line (see docs/gedcom.md)
        self.couples.append(
            CoupleRelation(
                id=family.id, a=a, b=b, type=kind, start_year=start, end_year=end,
                note=" ".join(notes),
            )
        )  # fmt: skip

    def _child_type(self, family: _Family, child: str) -> ChildType:
        indi = self._indi_of[child]
        for link in indi.all("FAMC"):
            if resolve(self.index, link.pointer or "") is family.node:
                pedi = link.first("PEDI")
                if pedi is not None and pedi.value.strip().upper() in _PEDIGREE:
                    return _PEDIGREE[pedi.value.strip().upper()]
        for adop in indi.all("ADOP"):  # 5.5 adoption event naming the adoptive family
            famc = adop.first("FAMC")
            if famc is not None and resolve(self.index, famc.pointer or "") is family.node:
                return ChildType.ADOPTED
        for chil in family.node.all("CHIL"):  # Family Tree Maker: _FREL / _MREL
            if self._person_of.get(id(resolve(self.index, chil.pointer or ""))) == child:
                kinds = {
                    _PEDIGREE.get(rel.value.strip().upper(), ChildType.BIOLOGICAL)
                    for tag in ("_FREL", "_MREL")
                    for rel in chil.all(tag)
                }
                for kind in (ChildType.ADOPTED, ChildType.FOSTER):
                    if kind in kinds:
                        return kind
        return ChildType.BIOLOGICAL

    def locate(self, found: Problem) -> Problem:
        """A case invariant problem, placed at the line of the GEDCOM record it comes from."""
        parts = found.where.split("/")
        line: int | None = None
        if found.code == "parent_cycle":  # at the person who would be their own ancestor
            chain = found.en.rsplit(": ", 1)[-1].split(" → ")
            line = self.lines.get(chain[0])
        elif len(parts) > 1 and parts[0] in ("persons", "couples", "children"):
            line = self.lines.get(parts[1])
        where = f"{self.source}:{line}" if line else self.source
        return Problem(where, found.nl, found.en, found.code)

    def case(
        self, decoded: Decoded, case_id: str | None, focus: str | None, generations: int | None
    ) -> Case:
        persons = self.persons
        notes = [decoded.note] if decoded.note else []
        if focus is not None:
            wanted = focus.strip().strip("@")
            match = [p for p in persons if p.id == wanted] or [
                p for p in persons if p.id.upper() == wanted.upper()
            ]
            if not match:
                raise InvalidInput(
                    [
                        problem(
                            "focus",
                            f"persoon '{wanted}' staat niet in het bestand",
                            f"person '{wanted}' is not in the file",
                            "unknown_reference",
                        )
                    ],
                    self.source,
                )
            client = match[0]
        elif persons:
            client = persons[0]
        else:
            client = Person(id=PLACEHOLDER_ID, name="Cliënt")
            while client.id in self._ids.taken:
                client.id += "_"
            persons = [client]
            notes.append("Het GEDCOM-bestand bevat geen personen; de cliënt is een invulplek.")
        network = Network(
            persons=list(persons),
            household=[client.id],
            couples=list(self.couples),
            children=list(self.children),
        )
        if generations is not None:
            network = neighbourhood(network, client.id, generations)
        return Case(
            id=case_id or slug(Path(self.source).stem),
            title=f"Genogram {client.name}"[:MAX_TITLE],
            client=client.id,
            network=network,
            note=" ".join(notes),
        )


def neighbourhood(net: Network, focus: str, steps: int) -> Network:
    """The persons within ``steps`` parent, child or partner links of ``focus``, and their ties."""
    links: dict[str, set[str]] = {p.id: set() for p in net.persons}
    for couple in net.couples:
        links[couple.a].add(couple.b)
        links[couple.b].add(couple.a)
    for rel in net.children:
        for parent in rel.parents:
            links[rel.child].add(parent)
            links[parent].add(rel.child)
    distance = {focus: 0}
    queue = deque([focus])
    while queue:
        current = queue.popleft()
        if distance[current] == steps:
            continue
        for other in links[current]:
            if other not in distance:
                distance[other] = distance[current] + 1
                queue.append(other)
    kept: list[ChildRelation] = []
    for rel in net.children:
        parents = [p for p in rel.parents if p in distance]
        if rel.child in distance and parents:
            kept.append(ChildRelation(id=rel.id, child=rel.child, parents=parents, type=rel.type))
    return Network(
        persons=[p for p in net.persons if p.id in distance],
        household=[h for h in net.household if h in distance],
        couples=[c for c in net.couples if c.a in distance and c.b in distance],
        children=kept,
    )
