"""GEDCOM export (5.5.1 and 7.0): import → export → import gives the same family for every good
test file, a demo case's family passes the importer, and the written lines are checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from zorgkracht import __version__
from zorgkracht.demo import DEMO_IDS
from zorgkracht.domain import Case, ChildRelation, CoupleRelation, Network, Person
from zorgkracht.domain.codes import ChildType, CoupleType, Gender, Role
from zorgkracht.interchange.detect import FileKind, kind_of
from zorgkracht.interchange.gedcom import parse_gedcom, read_gedcom
from zorgkracht.interchange.gedcom_write import gedcom_text, split_name

from .test_gedcom import GOOD_FILES, _id
from .test_graphml import DEMOS

VERSIONS = ("5.5.1", "7.0")


def family(case: Case) -> tuple[list[str], list[str], list[str]]:
    """Persons, couples and children by name and dates (ids differ between files)."""
    net = case.network
    name = {p.id: p.name for p in net.persons}
    persons = sorted(
        repr((p.name, p.gender.value, p.birth_year, p.death_year, p.is_deceased, p.note))
        for p in net.persons
    )
    couples = sorted(
        repr((sorted((name[c.a], name[c.b])), c.type.value, c.start_year, c.end_year, c.note))
        for c in net.couples
    )
    children = sorted(
        repr((name[c.child], sorted(name[p] for p in c.parents), c.type.value))
        for c in net.children
    )
    return persons, couples, children


def round_trip(case: Case, version: str) -> Case:
    text = gedcom_text(case, version=version)  # type: ignore[arg-type]
    data = text.encode("utf-8")
    assert kind_of(data) is FileKind.GEDCOM
    return parse_gedcom(data, "terug.ged")


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", GOOD_FILES, ids=_id)
def test_import_export_import_gives_the_same_family(path: Path, version: str) -> None:
    first = read_gedcom(path)
    again = round_trip(first, version)
    assert family(again) == family(first)
    assert again.network.person(again.client).name == first.network.person(first.client).name


def test_the_round_trip_is_not_empty() -> None:
    """The files hold what the comparison above must keep: years, notes, couple types, adopted
    children."""
    cases = [read_gedcom(p) for p in GOOD_FILES]
    couples = {c.type for case in cases for c in case.network.couples}
    assert couples >= {CoupleType.MARRIED, CoupleType.DIVORCED, CoupleType.COMMITTED}
    kids = {c.type for case in cases for c in case.network.children}
    assert kids >= {ChildType.BIOLOGICAL, ChildType.ADOPTED}
    notes = " ".join(p.note for case in cases for p in case.network.persons)
    assert "Geboortedatum in GEDCOM:" in notes and "Geen naam" in notes
    assert sum(len(case.network.persons) for case in cases) > 2500


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_a_demo_case_family_passes_the_importer(case_id: str, version: str) -> None:
    case = DEMOS[case_id]
    back = round_trip(case, version)
    names = {p.name for p in back.network.persons}
    kin = {c.a for c in case.network.couples} | {c.b for c in case.network.couples}
    for rel in case.network.children:
        kin |= {rel.child, *rel.parents}
    assert {case.network.person(ref).name for ref in kin} <= names
    assert back.network.person(back.client).name == case.network.person(case.client).name
    assert len(back.network.couples) == len(case.network.couples)
    assert len(back.network.children) == len(case.network.children)
    assert not any(p.is_pet or p.organisation for p in back.network.persons)


def hand_case() -> Case:
    persons = [
        Person(id="k", name="Karel van der Berg", gender=Gender.MALE, birth_year=1950),
        Person(id="m", name="Marie", gender=Gender.FEMALE, birth_year=1952, death_year=2010),
        Person(id="z", name="Zoon", gender=Gender.OTHER, birth_year=1980),
        Person(id="v", name="Vriend", role=Role.FRIEND),
        Person(id="h", name="Rex", pet="hond"),
        Person(id="o", name="Opa", role=Role.GRANDPARENT, deceased=True, sensitive=True),
    ]
    return Case(
        id="k",
        title="t",
        client="k",
        network=Network(
            persons=persons,
            household=["k"],
            couples=[
                CoupleRelation(
                    id="c1", a="m", b="k", type=CoupleType.DIVORCED, start_year=1975, end_year=1990
                )
            ],
            children=[
                ChildRelation(id="ch1", child="z", parents=["k", "m"], type=ChildType.ADOPTED)
            ],
        ),
    )


def test_the_lines_written_for_a_hand_made_family() -> None:
    text = gedcom_text(hand_case(), version="7.0")
    assert text.splitlines() == [
        "0 HEAD",
        "1 GEDC",
        "2 VERS 7.0",
        "1 SOUR ZORGKRACHT",
        f"2 VERS {__version__}",
        "2 NAME Zorgkracht",
        "0 @I1@ INDI",
        "1 NAME Karel /van der Berg/",
        "1 SEX M",
        "1 BIRT",
        "2 DATE 1950",
        "1 FAMS @F1@",
        "0 @I2@ INDI",
        "1 NAME Marie",
        "1 SEX F",
        "1 BIRT",
        "2 DATE 1952",
        "1 DEAT",
        "2 DATE 2010",
        "1 FAMS @F1@",
        "0 @I3@ INDI",
        "1 NAME Zoon",
        "1 SEX X",
        "1 BIRT",
        "2 DATE 1980",
        "1 FAMC @F1@",
        "2 PEDI ADOPTED",
        "0 @I4@ INDI",
        "1 NAME Opa",
        "1 SEX U",
        "1 DEAT Y",
        "1 RESN PRIVACY",
        "0 @F1@ FAM",
        "1 HUSB @I1@",
        "1 WIFE @I2@",
        "1 CHIL @I3@",
        "1 MARR",
        "2 DATE 1975",
        "1 DIV",
        "2 DATE 1990",
        "0 TRLR",
    ]


def test_5_5_1_has_a_submitter_and_character_set_and_lower_case_values() -> None:
    lines = gedcom_text(hand_case(), version="5.5.1").splitlines()
    assert lines[:11] == [
        "0 HEAD",
        "1 SOUR ZORGKRACHT",
        f"2 VERS {__version__}",
        "2 NAME Zorgkracht",
        "1 SUBM @U1@",
        "1 GEDC",
        "2 VERS 5.5.1",
        "2 FORM LINEAGE-LINKED",
        "1 CHAR UTF-8",
        "0 @U1@ SUBM",
        "1 NAME Zorgkracht",
    ]
    assert "2 PEDI adopted" in lines and "1 RESN privacy" in lines


def test_hide_sensitive_leaves_the_sensitive_person_out() -> None:
    text = gedcom_text(hand_case(), hide_sensitive=True)
    assert "Opa" not in text and "RESN" not in text
    back = parse_gedcom(text.encode(), "x.ged")
    assert sorted(p.name for p in back.network.persons) == ["Karel van der Berg", "Marie", "Zoon"]


def test_uncertain_dates_kept_in_notes_are_written_back() -> None:
    data = (
        b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ann /Doe/\n1 BIRT\n"
        b"2 DATE ABT 1850\n1 DEAT\n2 DATE BEF 1900\n1 FAMS @F1@\n0 @I2@ INDI\n1 NAME Bob\n"
        b"1 FAMS @F1@\n0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 MARR\n2 DATE 1870\n1 DIV\n"
        b"2 DATE 1880\n1 MARR\n2 DATE 1885\n0 TRLR\n"
    )
    first = parse_gedcom(data, "a.ged")
    ann = first.network.person("I1")
    assert ann.note == "Geboortedatum in GEDCOM: ABT 1850. Overlijdensdatum in GEDCOM: BEF 1900."
    assert first.network.couples[0].note == "Eerder gescheiden (1880)."
    text = gedcom_text(first)
    assert "2 DATE ABT 1850" in text and "2 DATE BEF 1900" in text and "2 DATE 1880" in text
    assert family(parse_gedcom(text.encode(), "b.ged")) == family(first)


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Karel", "Karel"),
        ("Jan de Vries", "Jan /de Vries/"),
        ("Anna Maria van 't Hof", "Anna Maria /van 't Hof/"),
        ("Man van Pauline", "Man /van Pauline/"),
        ("A/B  C", "A B /C/"),
    ],
)
def test_split_name(name: str, written: str) -> None:
    assert split_name(name) == written
