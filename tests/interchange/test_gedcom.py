"""GEDCOM import: every public test file, the malformed ones, encodings and the genogram rules."""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from pathlib import Path

import pytest

from zorgkracht.domain import Case, InvalidInput, check_case
from zorgkracht.domain.codes import ChildType, CoupleType, Gender
from zorgkracht.interchange.gedcom import looks_like_gedcom, parse_gedcom, read_gedcom, slug
from zorgkracht.interchange.gedcom_dates import parse_date
from zorgkracht.interchange.gedcom_text import Decoded, decode

# Copied from the project's shared test data (``shared/testdata/gedcom``) with their licences,
# so that a fresh clone tests the same files.
GEDCOM_DIR = Path(__file__).resolve().parents[1] / "data" / "gedcom"
if not GEDCOM_DIR.is_dir():
    raise RuntimeError(f"GEDCOM test data is missing: expected {GEDCOM_DIR}")

ALL_FILES = sorted(p for p in GEDCOM_DIR.rglob("*") if p.suffix.lower() == ".ged")
GOOD_FILES = [p for p in ALL_FILES if p.parent.name != "malformed"]
MALFORMED_FILES = [p for p in ALL_FILES if p.parent.name == "malformed"]


ANSEL_MARKS = set(
    "\u0309\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030c\u030a\u0315\u030b"
    "\u0310\u0327\u0328\u0323\u0324\u0325\u0333\u0332\u0326\u031c\u032e\u0313"
)


def _id(path: Path) -> str:
    return str(path.relative_to(GEDCOM_DIR))


def _load(
    relative: str,
    *,
    case_id: str | None = None,
    focus: str | None = None,
    generations: int | None = None,
) -> Case:
    return read_gedcom(GEDCOM_DIR / relative, case_id=case_id, focus=focus, generations=generations)


def _text(relative: str) -> str:
    decoded = decode((GEDCOM_DIR / relative).read_bytes(), Path(relative).name)
    assert isinstance(decoded, Decoded)
    return decoded.text


def _names(case: Case) -> dict[str, str]:
    return {p.id: p.name for p in case.network.persons}


def _facts(case: Case) -> tuple[object, ...]:
    """Everything the importer took from a file, for comparing one encoding with another."""
    net = case.network
    return (
        case.client,
        [
            (p.id, p.name, p.gender, p.birth_year, p.death_year, p.deceased, p.note)
            for p in net.persons
        ],
        [(c.id, c.a, c.b, c.type, c.start_year, c.end_year) for c in net.couples],
        [(c.id, c.child, tuple(c.parents), c.type) for c in net.children],
    )


def test_the_test_data_is_all_there() -> None:
    assert len(GOOD_FILES) >= 40
    assert len(MALFORMED_FILES) >= 11


@pytest.mark.parametrize("path", GOOD_FILES, ids=_id)
def test_every_good_file_imports_and_validates(path: Path) -> None:
    case = read_gedcom(path)
    assert check_case(case) == []
    assert case.network.household == [case.client]
    assert case.title == f"Genogram {case.network.person(case.client).name}"
    assert case.id == slug(path.stem)
    for person in case.network.persons:
        assert person.name.strip()
        assert unicodedata.is_normalized("NFC", person.name)


EXPECTED_LINES = {
    "blank-lines.ged": {15, 17, 20},
    "circular-reference.ged": {5, 8, 10},
    "duplicate-xref.ged": {8, 11, 16},
    "invalid-level.ged": {6},
    "invalid-xref.ged": {6},
    "level-jump-skip.ged": {8},
    "level-jump-subordinate.ged": {10},
    "level-over-99.ged": {17, 18},
    "missing-header.ged": {1},
    "missing-xref.ged": {6},
    "unterminated-xref.ged": {4},
}


@pytest.mark.parametrize("path", MALFORMED_FILES, ids=_id)
def test_every_malformed_file_is_rejected_naming_the_line(path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_gedcom(path)
    err = caught.value
    assert err.source == path.name
    lines = set()
    for found in err.problems:
        match = re.fullmatch(rf"{re.escape(path.name)}:(\d+)", found.where)
        assert match, found
        lines.add(int(match.group(1)))
        assert found.nl and found.en and found.nl != found.en
    assert lines == EXPECTED_LINES[path.name]
    assert f"{path.name}:" in str(err)


def test_malformed_problems_say_why() -> None:
    def codes(name: str) -> set[str]:
        with pytest.raises(InvalidInput) as caught:
            read_gedcom(GEDCOM_DIR / "malformed" / name)
        return {p.code for p in caught.value.problems}

    assert codes("blank-lines.ged") == {"empty_line"}
    assert "parent_cycle" in codes("circular-reference.ged")
    assert codes("duplicate-xref.ged") == {"duplicate_xref"}
    assert codes("invalid-level.ged") == {"level_jump"}
    assert codes("level-over-99.ged") == {"bad_level"}
    assert codes("missing-header.ged") == {"missing_head"}
    assert codes("invalid-xref.ged") == {"undefined_pointer"}
    assert codes("unterminated-xref.ged") == {"bad_xref"}


# --- encodings -----------------------------------------------------------------------------


def test_utf8_utf16_files_hold_the_same_people() -> None:
    reference = _facts(_load("gedcom-5.5/555SAMPLE.GED"))
    for name in ("utf8-bom.ged", "utf16le.ged", "utf16be.ged"):
        assert _facts(_load(f"encoding/{name}")) == reference, name
    assert _names(_load("encoding/utf16le.ged")) == {
        "I1": "Robert Eugene Williams",
        "I2": "Mary Ann Wilson",
        "I3": "Joe Williams",
    }


def test_utf8_names_with_accents_and_other_scripts() -> None:
    names = _names(_load("encoding/utf8-unicode.ged"))
    assert names["I1"] == "François Müller"
    assert names["I2"] == "José García"
    assert names["I3"] == "Søren Nielsen"
    assert names["I4"] == "Алексей Иванов"
    assert names["I8"] == "Łukasz Kowalski"
    assert names["I9"] == "Björk Guðmundsdóttir"
    assert _names(_load("edge-cases/cont-conc.ged"))["I2"] == "María García"


def test_ansel_file_decodes_every_precomposed_letter_of_the_utf8_twin() -> None:
    ansel = decode((GEDCOM_DIR / "encoding/ansel-lf.ged").read_bytes(), "ansel-lf.ged")
    utf8 = decode((GEDCOM_DIR / "encoding/utf8-nobom-lf.ged").read_bytes(), "utf8.ged")
    assert isinstance(ansel, Decoded) and isinstance(utf8, Decoded)
    assert ansel.encoding == "ansel"
    ansel_text, utf8_text = ansel.text, utf8.text
    # Every letter of the UTF-8 twin that is an ASCII letter plus one ANSEL combining mark
    accented = {
        ch
        for ch in utf8_text
        if len(nfd := unicodedata.normalize("NFD", ch)) == 2
        and nfd[0].isascii()
        and nfd[0].isalpha()
        and nfd[1] in ANSEL_MARKS
    }
    assert len(accented) > 200
    assert accented <= set(ansel_text)
    for expected in ("Ł", "Ø", "Þ", "Æ", "Œ", "ß", "£", "©", "¿", "ơ", "ư"):
        assert expected in ansel_text
    assert unicodedata.is_normalized("NFC", ansel_text)


def test_ansel_names_put_the_combining_mark_on_the_following_letter() -> None:
    data = (
        b"0 HEAD\r1 CHAR ANSEL\r1 GEDC\r2 VERS 5.5\r"
        b"0 @I1@ INDI\r1 NAME Jos\xe2e /M\xe8uller/\r1 SEX M\r"
        b"0 @I2@ INDI\r1 NAME \xf0Cecile /\xe9Capek/\r"
        b"0 TRLR\r"
    )
    names = _names(parse_gedcom(data, "ansel.ged"))
    assert names == {"I1": "José Müller", "I2": "Çecile Čapek"}
    assert all(unicodedata.is_normalized("NFC", n) for n in names.values())


def test_torture_files_are_the_same_whatever_the_line_ending() -> None:
    cr = _facts(_load("torture-test/TGC55C.ged"))
    assert cr == _facts(_load("torture-test/TGC55CLF.ged"))
    assert _facts(_load("torture-test/TGC551.ged")) == _facts(_load("torture-test/TGC551LF.ged"))
    assert "© 1997 by H. Eichmann" in _text("torture-test/TGC55C.ged")


def test_windows_and_dos_code_pages() -> None:
    ansi = _text("encoding/ansi-cp1252-ftm17.ged")
    assert "La Coruña" in ansi and "León" in ansi and "£5.99" in ansi
    assert "Frémont" in _text("encoding/ibmpc-cp437-broskeep.ged")
    for charset, raw in (
        (b"ANSI", b"Jos\xe9"),
        (b"IBMPC", b"Jos\x82"),
        (b"IBM WINDOWS", b"Jos\xe9"),
    ):
        data = b"0 HEAD\n1 CHAR " + charset + b"\n0 @I1@ INDI\n1 NAME " + raw + b" /X/\n0 TRLR\n"
        assert _names(parse_gedcom(data, "c.ged")) == {"I1": "José X"}, charset


def test_utf8_declared_but_windows_bytes_is_read_as_windows_1252() -> None:
    data = b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ren\xe9 /Dupont/\n0 TRLR\n"
    case = parse_gedcom(data, "x.ged")
    assert _names(case) == {"I1": "René Dupont"}
    assert "Windows-1252" in case.note


# --- persons and relations -----------------------------------------------------------------


def test_sex_values() -> None:
    genders = {p.id: p.gender for p in _load("edge-cases/sex-value-variants.ged").network.persons}
    assert genders == {
        "I1": Gender.MALE,
        "I2": Gender.FEMALE,
        "I3": Gender.UNKNOWN,
        "I4": Gender.OTHER,
        "I5": Gender.UNKNOWN,
        "I6": Gender.MALE,
        "I7": Gender.UNKNOWN,
    }


def test_xref_ids_are_kept() -> None:
    ids = [p.id for p in _load("gedcom-7.0/xref.ged").network.persons]
    assert ids[1:] == [
        "I1",
        "I",
        "1",
        "_",
        "0XFFFFFFFF",
        "THEXREFPRODUCTIONDOESNOTHAVEAMAXIMUMLENGTHSOTHISISATESTOFALONGCROSSREFERENCEIDENTIFIER",
    ]
    assert ids[0] not in ids[1:]  # the individual without an xref gets an id of its own
    torture = _load("torture-test/TGC55CLF.ged")
    assert {"PERSON1", "PERSON8", "I15"} <= torture.network.person_ids()


def test_remarriage_gives_two_couples() -> None:
    case = _load("gedcom-7.0/remarriage1.ged")
    couples = {c.id: c for c in case.network.couples}
    assert {(c.a, c.b) for c in couples.values()} == {("I1", "I2"), ("I1", "I3")}
    assert couples["F2"].type is CoupleType.MARRIED and couples["F2"].start_year == 1913
    # F1 married 1911, divorced 1912 and married again 1914
    assert couples["F1"].type is CoupleType.MARRIED and couples["F1"].start_year == 1914
    mary = case.network.person("I3")
    assert mary.deceased and mary.death_year == 1914


def test_divorce_then_a_new_family_for_the_same_couple() -> None:
    couples = {c.id: c for c in _load("gedcom-7.0/remarriage2.ged").network.couples}
    assert len(couples) == 3
    first = couples["F1"]
    assert (first.type, first.start_year, first.end_year) == (CoupleType.DIVORCED, 1911, 1912)
    assert couples["F3"].type is CoupleType.MARRIED and couples["F3"].start_year == 1914


def test_same_sex_marriage() -> None:
    case = _load("gedcom-7.0/same-sex-marriage.ged")
    (couple,) = case.network.couples
    a, b = case.network.person(couple.a), case.network.person(couple.b)
    assert {a.name, b.name} == {"John Doe", "Richard Roe"}
    assert a.gender is b.gender is Gender.MALE
    assert couple.type is CoupleType.COMMITTED  # no MARR in that family


def test_family_structure_variants() -> None:
    case = _load("edge-cases/family-structure-variants.ged")
    pairs = {c.id: (c.a, c.b) for c in case.network.couples}
    assert pairs == {"F4": ("I4", "I5"), "F5": ("I4", "I5")}  # two HUSB lines work too
    assert case.network.children == []  # the children-only family has no parent to hang from


def test_adoption_and_pedigree() -> None:
    torture = _load("torture-test/TGC55CLF.ged")
    links = {(c.child, tuple(c.parents)): c.type for c in torture.network.children}
    assert links[("PERSON1", ("PERSON6",))] is ChildType.ADOPTED
    assert links[("PERSON1", ("PERSON5",))] is ChildType.BIOLOGICAL
    sample = _load("encoding/utf8-bom.ged")
    types = {c.id: c.type for c in sample.network.children}
    assert types == {"F1-I3": ChildType.BIOLOGICAL, "F2-I3": ChildType.ADOPTED}


def test_pedigree_values_and_7_0_void_pointers() -> None:
    data = (
        b"0 HEAD\n1 GEDC\n2 VERS 7.0\n"
        b"0 @A@ INDI\n1 SEX F\n1 FAMS @F1@\n"
        b"0 @B@ INDI\n1 NAME Foster /Kid/\n1 FAMC @F1@\n2 PEDI FOSTER\n1 FAMC @VOID@\n"
        b"0 @C@ INDI\n1 NAME Own /Kid/\n1 FAMC @F1@\n2 PEDI BIRTH\n"
        b"0 @F1@ FAM\n1 WIFE @A@\n1 CHIL @B@\n1 CHIL @C@\n1 CHIL @VOID@\n"
        b"0 TRLR\n"
    )
    case = parse_gedcom(data, "pedi.ged")
    assert {c.child: (c.parents, c.type) for c in case.network.children} == {
        "B": (["A"], ChildType.FOSTER),
        "C": (["A"], ChildType.BIOLOGICAL),
    }
    assert case.network.person("A").name == "Onbekend"


def test_approximate_dates_go_to_the_note() -> None:
    torture = _load("torture-test/TGC55CLF.ged")
    mary = torture.network.person("PERSON2")
    assert mary.birth_year is None and mary.death_year is None and mary.deceased
    assert "BEF 1970" in mary.note and "AFT 2000" in mary.note
    nonstandard = torture.network.person("I10")  # DEAT Y
    assert nonstandard.deceased and nonstandard.death_year is None
    assert nonstandard.birth_year == 1870


@pytest.mark.parametrize(
    ("text", "year", "exact"),
    [
        ("1 JAN 1900", 1900, True),
        ("  1850", 1850, True),
        ("JUN 1850", 1850, True),
        ("17 November 2007", 2007, True),
        ("2000-05-20", 2000, True),
        ("ABT 1850", 1850, False),
        ("CAL 1850", 1850, False),
        ("EST 1850", 1850, False),
        ("BEF 12 DEC 1850", 1850, False),
        ("AFT 1850", 1850, False),
        ("BET 1850 AND 1860", 1850, False),
        ("FROM 1 JAN 1900 TO 1910", 1900, False),
        ("TO 1880", 1880, False),
        ("INT 1850 (from estimated age)", 1850, False),
        ("(No idea of the date)", None, False),
        ("23 FEB 1750/51", 1751, True),
        ("1699/00", 1700, True),
        ("@#DJULIAN@ 1 JAN 1700", 1700, True),
        ("JULIAN 1 JAN 1700", 1700, True),
        ("@#DHEBREW@ 2 TVT 5758", None, False),
        ("2 TVT 5758", None, False),
        ("@#DFRENCH R@ 5 VEND 0010", None, False),
        ("5 MAY 0005 B.C.", None, False),
        ("1 JAN 30 BCE", None, False),
        ("_CALENDAR 8 _MONTH 190 _EPOCH", None, False),
        ("1850 ?", 1850, False),
        ("850", 850, False),
    ],
)
def test_dates(text: str, year: int | None, exact: bool) -> None:
    parsed = parse_date(text)
    assert (parsed.year, parsed.exact) == (year, exact)


# --- client, focus and generations ---------------------------------------------------------


def _connected_within(case: Case, focus: str, steps: int) -> bool:
    links: dict[str, set[str]] = {p.id: set() for p in case.network.persons}
    for c in case.network.couples:
        links[c.a].add(c.b)
        links[c.b].add(c.a)
    for ch in case.network.children:
        for parent in ch.parents:
            links[ch.child].add(parent)
            links[parent].add(ch.child)
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        current = queue.popleft()
        for other in links[current]:
            if other not in seen:
                seen[other] = seen[current] + 1
                queue.append(other)
    return set(seen) == set(links) and max(seen.values()) <= steps


def test_focus_and_generations_give_a_smaller_connected_subset() -> None:
    whole = _load("encoding/ibmpc-cp437-broskeep.ged")
    focus = "I3"
    part = _load("encoding/ibmpc-cp437-broskeep.ged", focus=focus, generations=2)
    assert part.client == focus and part.network.household == [focus]
    assert part.title == f"Genogram {whole.network.person(focus).name}"
    assert 3 < len(part.network.persons) < len(whole.network.persons) / 10
    assert _connected_within(part, focus, 2)
    assert check_case(part) == []
    alone = _load("encoding/ibmpc-cp437-broskeep.ged", focus="@I3@", generations=0)
    assert [p.id for p in alone.network.persons] == [focus]


def test_focus_must_exist() -> None:
    with pytest.raises(InvalidInput) as caught:
        _load("gedcom-7.0/remarriage1.ged", focus="I99")
    assert caught.value.problems[0].where == "focus"


def test_client_defaults_to_the_first_individual_and_case_id_to_the_file_stem() -> None:
    case = _load("gedcom-5.5/555SAMPLE.GED")
    assert (case.id, case.client, case.title) == (
        "555sample",
        "I1",
        "Genogram Robert Eugene Williams",
    )
    assert _load("gedcom-5.5/555SAMPLE.GED", case_id="mijn-casus").id == "mijn-casus"


def test_a_file_without_individuals_gets_a_placeholder_client() -> None:
    case = _load("gedcom-7.0/minimal70.ged")
    assert [p.name for p in case.network.persons] == ["Cliënt"]
    assert case.note


# --- invariants and error reporting --------------------------------------------------------

_PARENTS = (
    b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
    b"0 @P@ INDI\n1 NAME Parent /A/\n1 BIRT\n2 DATE %s\n"
    b"0 @K@ INDI\n1 NAME Kid /A/\n1 BIRT\n2 DATE 1900\n"
    b"0 @F@ FAM\n1 HUSB @P@\n1 CHIL @K@\n"
    b"0 TRLR\n"
)


def test_a_child_born_before_its_parent_is_rejected_at_the_child_line() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_gedcom(_PARENTS % b"1950", "order.ged")
    (found,) = caught.value.problems
    assert found.code == "child_before_parent"
    assert found.where == "order.ged:15"  # the CHIL line


def test_an_approximate_year_does_not_trip_the_birth_order_rule() -> None:
    case = parse_gedcom(_PARENTS % b"ABT 1950", "order.ged")
    parent = case.network.person("P")
    assert parent.birth_year is None and "ABT 1950" in parent.note


def test_every_problem_is_listed_up_to_a_cap() -> None:
    data = b"0 HEAD\n" + b"\n" * 70 + b"0 TRLR\n"
    with pytest.raises(InvalidInput) as caught:
        parse_gedcom(data, "blank.ged")
    problems = caught.value.problems
    assert len(problems) == 51
    assert problems[-1].code == "more_problems" and "20" in problems[-1].en


def test_not_gedcom_and_missing_trailer() -> None:
    data = b"0 HEAD\nthis is not gedcom\n1 X@ bad\n0 @I1@ INDI\n"
    with pytest.raises(InvalidInput) as caught:
        parse_gedcom(data, "bad.ged")
    assert [(p.where, p.code) for p in caught.value.problems] == [
        ("bad.ged:2", "not_gedcom"),
        ("bad.ged:3", "bad_line"),
        ("bad.ged:4", "missing_trailer"),
    ]


def test_a_pointer_to_the_wrong_kind_of_record() -> None:
    data = b"0 HEAD\n0 @I1@ INDI\n1 FAMC @I2@\n0 @I2@ INDI\n0 TRLR\n"
    with pytest.raises(InvalidInput) as caught:
        parse_gedcom(data, "w.ged")
    assert [(p.where, p.code) for p in caught.value.problems] == [("w.ged:3", "wrong_record")]


def test_pointers_match_regardless_of_case() -> None:
    case = _load("edge-cases/xref-case.ged")  # SUBM @test@ points to @TEST@
    assert len(case.network.persons) == 1


def test_looks_like_gedcom() -> None:
    for path in ALL_FILES:
        assert looks_like_gedcom(path.read_bytes()), path.name
    assert not looks_like_gedcom(b"naam;rol\nJan;vriend\n")
    assert not looks_like_gedcom(b'{"format": "zorgkracht/1"}')
    assert not looks_like_gedcom(b"")
