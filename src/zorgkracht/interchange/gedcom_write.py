"""GEDCOM export (5.5.1 or 7.0) of the family in a case: the reverse of :mod:`.gedcom`.

Written, in UTF-8:

- ``INDI`` for the client and every person in the family: everyone in a couple or child
  relation, and every other human person whose role is family (partner, parent, child,
  sibling, grandparent, grandchild, other family) or who has no role (a person read from
  GEDCOM). Friends, neighbours, professionals, organisations and pets are not family and are
  left out. The client comes first, so that a GEDCOM import makes them the client again.
  ``NAME`` with the last word (and the Dutch prefixes before it: *van der*, *de*, ...) as the
  surname between slashes, ``SEX`` (``M``, ``F``, ``X`` for other, ``U``),
  ``BIRT``/``DEAT`` with the year as ``DATE`` (``DEAT Y`` when deceased without a year),
  ``RESN`` privacy when the person is marked sensitive, and the ``FAMC`` (with ``PEDI`` for an
  adopted or foster child) and ``FAMS`` links.
- ``FAM`` for every couple (``HUSB``/``WIFE`` in the order of the couple, a man as ``HUSB``
  when the other is a woman), with the events its type says: married and widowed → ``MARR``;
  divorced → ``MARR`` and ``DIV``; married but separated → ``DIVF``; engaged → ``ENGA``;
  cohabiting, committed and affairs → no event (read back as *committed*). The couple's
  start year is the date of ``MARR`` (or ``ENGA``), its end year that of ``DIV``. A child's
  parents are the family of their couple; parents without a couple get a family of their own.

What the GEDCOM importer could not store as a year (``ABT 1850``, ``BEF 1900``) it kept in
the person's or couple's note (``Geboortedatum in GEDCOM: ABT 1850.``); those dates are written
back as they were, so that import, export and import again give the same family. The same
holds for a remarriage (``Eerder gescheiden (1990).``) and for a person without a name.
``docs/gedcom.md`` lists what is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from zorgkracht.domain import Case, ChildRelation, CoupleRelation, Person
from zorgkracht.domain.codes import ChildType, CoupleType, Gender, Sector
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.version import __version__

__all__ = ["VERSIONS", "GedcomVersion", "gedcom_bytes", "gedcom_text", "write_gedcom"]

GedcomVersion = Literal["5.5.1", "7.0"]
VERSIONS: tuple[GedcomVersion, ...] = ("5.5.1", "7.0")

_PREFIXES = {
    "van", "von", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "d'", "la",
    "le", "du", "da", "dos", "del", "zu", "vande", "vanden", "vander",
}  # fmt: skip
_NOTE_DATE = re.compile(
    r"(Geboortedatum|Overlijdensdatum|Huwelijksdatum|Scheidingsdatum) in GEDCOM: (.*?)\."
    r"(?= (?:Geboortedatum|Overlijdensdatum|Huwelijksdatum|Scheidingsdatum|Eerder gescheiden"
    r"|Geen naam)|$)"
)
_EARLIER_DIVORCE = re.compile(r"Eerder gescheiden \((\d{1,4})\)\.")
_NO_NAME = "Geen naam in het GEDCOM-bestand."
_PLACEHOLDER = "de cliënt is een invulplek"
_SEX = {Gender.MALE: "M", Gender.FEMALE: "F", Gender.OTHER: "X"}
"""``X`` in 5.5.1 too: that version knows only M, F and U, but genealogy programs (and our
importer) read the ``X`` of 7.0, and U would lose the person's gender."""
_MARRIED = (CoupleType.MARRIED, CoupleType.WIDOWED, CoupleType.DIVORCED)


def _note_dates(note: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for match in _NOTE_DATE.finditer(note):
        text = " ".join(match.group(2).split())
        if text:
            found.setdefault(match.group(1), []).append(text)
    return found


def split_name(name: str) -> str:
    """A GEDCOM ``NAME`` value: ``Jan van der Berg`` → ``Jan /van der Berg/``; one word stays
    as it is."""
    words = " ".join(name.replace("/", " ").split()).split(" ")
    if len(words) < 2:
        return words[0] if words else ""
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PREFIXES:
        start -= 1
    return f"{' '.join(words[:start])} /{' '.join(words[start:])}/"


@dataclass(slots=True)
class _Family:
    xref: str
    spouses: list[str]
    couple: CoupleRelation | None = None
    children: list[ChildRelation] = field(default_factory=list)


def _is_family(person: Person) -> bool:
    human = not person.is_pet and not person.organisation
    return human and (person.role is None or person.sector is Sector.KIN)


def family_persons(case: Case) -> list[Person]:
    """The persons a GEDCOM export holds (see the module's description), the client first."""
    net = case.network
    related = {c.a for c in net.couples} | {c.b for c in net.couples}
    for rel in net.children:
        related |= {rel.child, *rel.parents}
    chosen = [p for p in net.persons if p.id == case.client or p.id in related or _is_family(p)]
    chosen.sort(key=lambda p: p.id != case.client)
    client = chosen[0] if chosen and chosen[0].id == case.client else None
    placeholder = client is not None and client.name == "Cliënt" and len(chosen) == 1
    if placeholder and _PLACEHOLDER in case.note and not related:
        return []  # the importer's stand-in for a file with no individuals
    return chosen


class _Writer:
    def __init__(self, version: GedcomVersion) -> None:
        self.version = version
        self.lines: list[str] = []

    def line(self, level: int, tag: str, value: str = "", xref: str = "") -> None:
        value = " ".join(value.split())  # one line: no line breaks in a value
        if value.startswith("@") or (self.version == "5.5.1" and "@" in value):
            value = value.replace("@", "@@") if self.version == "5.5.1" else "@" + value
        parts = [str(level), *([xref] if xref else []), tag, *([value] if value else [])]
        self.lines.append(" ".join(parts))

    def pointer(self, level: int, tag: str, xref: str) -> None:
        self.lines.append(f"{level} {tag} {xref}")

    def event(self, tag: str, year: int | None, dates: list[str], *, mark: bool = False) -> None:
        """``1 TAG`` with a ``DATE`` per year or date text; ``1 TAG Y`` when it has none and
        ``mark`` says it happened."""
        values = ([str(year)] if year is not None else []) + dates
        if not values:
            self.line(1, tag, "Y" if mark else "")
            return
        for value in values:
            self.line(1, tag)
            self.line(2, "DATE", value)


def gedcom_text(
    case: Case, *, version: GedcomVersion = "5.5.1", hide_sensitive: bool = False
) -> str:
    """The family in ``case`` (its current network) as GEDCOM ``version`` text."""
    if version not in VERSIONS:
        raise ValueError(version)
    if hide_sensitive:
        case = without_sensitive(case)
    persons = family_persons(case)
    xref = {p.id: f"@I{n}@" for n, p in enumerate(persons, start=1)}
    families = _families(case, xref)
    out = _Writer(version)
    _header(out, version)
    gender = {p.id: p.gender for p in persons}
    for person in persons:
        _individual(out, person, xref[person.id], families, version)
    for family in families:
        spouses = family.spouses
        if (
            len(spouses) == 2
            and gender[spouses[0]] is Gender.FEMALE
            and (gender[spouses[1]] is Gender.MALE)
        ):
            spouses = [spouses[1], spouses[0]]
        out.line(0, "FAM", xref=family.xref)
        if len(spouses) == 2:
            out.pointer(1, "HUSB", xref[spouses[0]])
            out.pointer(1, "WIFE", xref[spouses[1]])
        else:
            tag = "WIFE" if gender[spouses[0]] is Gender.FEMALE else "HUSB"
            out.pointer(1, tag, xref[spouses[0]])
        for rel in family.children:
            out.pointer(1, "CHIL", xref[rel.child])
        if family.couple is not None:
            _couple_events(out, family.couple)
    out.line(0, "TRLR")
    return "\n".join(out.lines) + "\n"


def _families(case: Case, xref: dict[str, str]) -> list[_Family]:
    net = case.network
    families: list[_Family] = []
    by_parents: dict[frozenset[str], _Family] = {}
    for couple in net.couples:
        if couple.a not in xref or couple.b not in xref:
            continue
        family = _Family(f"@F{len(families) + 1}@", [couple.a, couple.b], couple)
        families.append(family)
        by_parents.setdefault(frozenset((couple.a, couple.b)), family)
    for rel in net.children:
        parents = [p for p in rel.parents if p in xref]
        if rel.child not in xref or not parents:
            continue
        key = frozenset(parents)
        if key not in by_parents:
            by_parents[key] = _Family(f"@F{len(families) + 1}@", parents)
            families.append(by_parents[key])
        by_parents[key].children.append(rel)
    return families


def _header(out: _Writer, version: GedcomVersion) -> None:
    out.line(0, "HEAD")
    if version == "7.0":
        out.line(1, "GEDC")
        out.line(2, "VERS", "7.0")
    out.line(1, "SOUR", "ZORGKRACHT")
    out.line(2, "VERS", __version__)
    out.line(2, "NAME", "Zorgkracht")
    if version == "5.5.1":
        out.pointer(1, "SUBM", "@U1@")
        out.line(1, "GEDC")
        out.line(2, "VERS", "5.5.1")
        out.line(2, "FORM", "LINEAGE-LINKED")
        out.line(1, "CHAR", "UTF-8")
        out.line(0, "SUBM", xref="@U1@")
        out.line(1, "NAME", "Zorgkracht")


def _individual(
    out: _Writer, person: Person, ref: str, families: list[_Family], version: GedcomVersion
) -> None:
    out.line(0, "INDI", xref=ref)
    if not (person.name == "Onbekend" and _NO_NAME in person.note):
        out.line(1, "NAME", split_name(person.name))
    out.line(1, "SEX", _SEX.get(person.gender, "U"))
    dates = _note_dates(person.note)
    if person.birth_year is not None or dates.get("Geboortedatum"):
        births = dates.get("Geboortedatum", []) if person.birth_year is None else []
        out.event("BIRT", person.birth_year, births[:1])
    if person.is_deceased:
        deaths = dates.get("Overlijdensdatum", []) if person.death_year is None else []
        out.event("DEAT", person.death_year, deaths[:1], mark=True)
    if person.sensitive:
        out.line(1, "RESN", "PRIVACY" if version == "7.0" else "privacy")
    for family in families:
        for rel in family.children:
            if rel.child == person.id:
                out.pointer(1, "FAMC", family.xref)
                pedigree = {ChildType.ADOPTED: "adopted", ChildType.FOSTER: "foster"}
                if rel.type in pedigree:
                    value = pedigree[rel.type]
                    out.line(2, "PEDI", value.upper() if version == "7.0" else value)
    for family in families:
        if person.id in family.spouses:
            out.pointer(1, "FAMS", family.xref)


def _couple_events(out: _Writer, couple: CoupleRelation) -> None:
    dates = _note_dates(couple.note)
    marriages = dates.get("Huwelijksdatum", [])
    divorces = dates.get("Scheidingsdatum", [])
    earlier = _EARLIER_DIVORCE.search(couple.note)
    kind = couple.type
    if kind is CoupleType.MARRIED and earlier is not None:
        out.event("DIV", int(earlier.group(1)), divorces)  # divorced, then married again
        out.event("MARR", couple.start_year, marriages, mark=True)
    elif kind in _MARRIED:
        out.event("MARR", couple.start_year, marriages, mark=True)
        if kind is CoupleType.DIVORCED:
            out.event("DIV", couple.end_year, divorces, mark=True)
    elif kind is CoupleType.MARRIED_SEPARATED:
        out.line(1, "DIVF", "Y")
    elif kind is CoupleType.ENGAGED:
        out.event("ENGA", couple.start_year, [], mark=True)


def gedcom_bytes(
    case: Case, *, version: GedcomVersion = "5.5.1", hide_sensitive: bool = False
) -> bytes:
    return gedcom_text(case, version=version, hide_sensitive=hide_sensitive).encode("utf-8")


def write_gedcom(
    case: Case, path: Path, *, version: GedcomVersion = "5.5.1", hide_sensitive: bool = False
) -> None:
    path.write_bytes(gedcom_bytes(case, version=version, hide_sensitive=hide_sensitive))
