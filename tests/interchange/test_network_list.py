"""The network list (domain.md §10): reading Excel's CSV in its variants, every problem, export."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgkracht.domain import Case, InvalidInput, Problem, Tie
from zorgkracht.domain.codes import (
    CareTask,
    Circle,
    Direction,
    DomainKind,
    Energy,
    Frequency,
    Gender,
    NetworkZone,
    Quality,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)
from zorgkracht.interchange import network_list_vocab as vocab
from zorgkracht.interchange.network_list import (
    looks_like_network_list,
    network_list_text,
    parse_network_list,
    read_network_list,
    write_network_list,
)
from zorgkracht.interchange.network_list_rows import detect_delimiter, unescape_cell
from zorgkracht.interchange.network_list_write import escape_cell

DATA = Path(__file__).resolve().parent / "data" / "network_list"
ROOT = Path(__file__).resolve().parents[2]
P, G, A, E, W = Support


def parse(text: str, source: str = "lijst.csv", encoding: str = "utf-8") -> Case:
    return parse_network_list(text.encode(encoding), source)


def problems(text: str, encoding: str = "utf-8") -> list[Problem]:
    with pytest.raises(InvalidInput) as caught:
        parse(text, encoding=encoding)
    assert caught.value.source == "lijst.csv"
    return list(caught.value.problems)


def wheres(found: list[Problem]) -> list[tuple[str, str]]:
    return [(p.where, p.code) for p in found]


def tie(case: Case, a: str, b: str) -> Tie:
    (found,) = [t for t in case.network.ties if (t.a, t.b) == (a, b)]
    return found


# --- the two fixture files ----------------------------------------------------------------


def test_dutch_headers_semicolons_and_windows_1252_accents() -> None:
    raw = (DATA / "dutch_cp1252.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # really Windows-1252
    case = read_network_list(DATA / "dutch_cp1252.csv")

    assert case.id == "dutch-cp1252"
    assert case.title == "Netwerk van Kim"
    assert case.client == "client"
    net = case.network
    assert net.household == ["client"]
    assert [(p.id, p.name) for p in net.persons] == [
        ("client", "Kim"),
        ("jose", "José"),
        ("marie-therese", "Marie-Thérèse"),
        ("omer", "Ömer"),
    ]
    kim, jose, marie, omer = net.persons
    assert (kim.role, kim.gender, kim.birth_year) == (None, Gender.FEMALE, 1948)

    assert jose.role is Role.CHILD and jose.gender is Gender.MALE  # zoon, gender cell empty
    assert (jose.birth_year, jose.circle, jose.zone, jose.frequency) == (
        1975,
        Circle.INTIMACY,
        Zone.TOWN,
        Frequency.WEEKLY,
    )
    assert (jose.status, jose.weight, jose.sensitive) == (TieStatus.ACTIVE, 5, False)
    assert jose.network_zone is NetworkZone.PERSONAL

    assert marie.role is Role.NEIGHBOUR and marie.gender is Gender.FEMALE  # buurvrouw
    assert (marie.circle, marie.zone, marie.frequency) == (
        Circle.ACQUAINTANCE,
        Zone.NEIGHBOURHOOD,
        Frequency.DAILY,
    )
    assert (marie.status, marie.weight, marie.sensitive) == (TieStatus.FADED, 3, True)

    # oom implies male, but the explicit x wins
    assert omer.role is Role.OTHER_FAMILY and omer.gender is Gender.OTHER
    assert (omer.circle, omer.zone, omer.frequency) == (
        Circle.SERVICES,
        Zone.OUTSIDE_REGION,
        Frequency.RARELY,
    )
    assert (omer.network_zone, omer.status) == (NetworkZone.EXTENSIVE, TieStatus.DISTURBED)

    t = tie(case, "client", "jose")
    assert (t.id, t.strength, t.quality, t.direction) == (
        "t-jose",
        3,
        Quality.POSITIVE,
        Direction.BOTH,
    )
    assert (t.support, t.reciprocal, t.care_hours_per_week, t.care_months) == (
        {P, E},
        True,
        2.5,
        18,
    )
    t = tie(case, "client", "marie-therese")
    assert (t.strength, t.quality, t.direction) == (1, Quality.TENSE, Direction.TO_CLIENT)
    assert (t.support, t.reciprocal, t.care_hours_per_week) == ({P, G}, False, None)
    t = tie(case, "client", "omer")
    assert (t.strength, t.quality, t.direction) == (1, Quality.CONFLICT, Direction.NONE)
    assert (t.support, t.reciprocal) == (set(), None)
    # both rows name each other: one tie, the earlier row at end a
    t = tie(case, "jose", "marie-therese")
    assert (t.id, t.strength, t.direction, t.support) == (
        "t-jose-marie-therese",
        1,
        Direction.NONE,
        set(),
    )
    assert len(net.ties) == 4

    assert [(d.id, d.name, d.kind, d.members) for d in net.domains] == [
        ("d-werk", "Werk", DomainKind.WORK, ["jose"]),
        ("d-kerk", "Kerk", DomainKind.CHURCH, ["marie-therese"]),
    ]


def test_english_headers_commas_and_utf8_bom() -> None:
    raw = (DATA / "english_bom.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    case = read_network_list(DATA / "english_bom.csv", case_id="ann", title="Ann's network")
    assert (case.id, case.title) == ("ann", "Ann's network")
    net = case.network
    assert [p.id for p in net.persons] == ["client", "bob", "carla", "dee"]
    ann, bob, carla, dee = net.persons
    assert (ann.name, ann.gender, ann.birth_year) == ("Ann", Gender.FEMALE, 1960)
    assert (bob.role, bob.gender, bob.circle, bob.zone, bob.frequency) == (
        Role.SIBLING,
        Gender.MALE,
        Circle.INTIMACY,
        Zone.REGION,
        Frequency.MONTHLY,
    )
    # "friend" implies no gender
    assert (carla.role, carla.gender, carla.circle, carla.zone) == (
        Role.FRIEND,
        Gender.UNKNOWN,
        Circle.FRIENDSHIP,
        Zone.ONLINE,
    )
    assert (dee.role, dee.gender, dee.circle, dee.network_zone, dee.status, dee.weight) == (
        Role.PROFESSIONAL,
        Gender.MALE,
        Circle.SERVICES,
        NetworkZone.NOMINAL,
        TieStatus.WEAK,
        1,
    )
    assert dee.sensitive is True

    t = tie(case, "client", "bob")
    assert (t.strength, t.quality, t.direction, t.support) == (
        3,
        Quality.TENSE,
        Direction.BOTH,
        {P, A},
    )
    assert (t.care_hours_per_week, t.care_months) == (8.5, 4)  # "8,5": Dutch decimal comma
    t = tie(case, "client", "carla")
    assert (t.strength, t.direction, t.support, t.reciprocal) == (
        2,
        Direction.TO_CLIENT,
        {W},
        False,
    )
    assert t.care_hours_per_week == 12.5
    t = tie(case, "client", "dee")
    assert (t.strength, t.direction, t.support, t.reciprocal) == (1, Direction.BOTH, {A}, True)
    # Bob names "carla, DEE"; Carla names "bob" again: two ties, each once
    assert [(t.id, t.a, t.b) for t in net.ties[3:]] == [
        ("t-bob-carla", "bob", "carla"),
        ("t-bob-dee", "bob", "dee"),
    ]
    assert [(d.id, d.kind, d.members) for d in net.domains] == [
        ("d-sports", DomainKind.SPORTS, ["bob"]),
        ("d-health-care", DomainKind.HEALTH_CARE, ["dee"]),
    ]


def test_mixed_case_and_accents_in_headers_and_values() -> None:
    case = parse(
        "  NAAM ;Rôl;GESLACHT;Géboortejaar;CIRKEL;zone;Care-Hours_per WEEK;Wéderkerig;STEUN;"
        "Gevoelig;Netwerk\n"
        "Lies;CLIËNT;V;;;;;;;;\n"
        "Henk;BUURMAN;;1950;Intimiteit;Buiten-Regio;3;JA;g e;N;Nominaal\n"
        "Fleur;Vriendin;;;VRIENDSCHAP;WOONPLAATS;;Y;w/a;y;persoonlijk netwerk\n"
        "Sam;Other_Family;;;Acquaintances;online;;No;;Nee;\n"
    )
    lies, henk, fleur, sam = case.network.persons
    assert (lies.id, lies.name, lies.gender) == ("client", "Lies", Gender.FEMALE)
    assert (henk.role, henk.gender, henk.birth_year, henk.circle, henk.zone) == (
        Role.NEIGHBOUR,
        Gender.MALE,
        1950,
        Circle.INTIMACY,
        Zone.OUTSIDE_REGION,
    )
    assert (henk.sensitive, henk.network_zone) == (False, NetworkZone.NOMINAL)
    assert (fleur.role, fleur.gender, fleur.circle, fleur.zone, fleur.sensitive) == (
        Role.FRIEND,
        Gender.FEMALE,
        Circle.FRIENDSHIP,
        Zone.TOWN,
        True,
    )
    assert (sam.role, sam.circle, sam.zone) == (Role.OTHER_FAMILY, Circle.ACQUAINTANCE, Zone.ONLINE)
    assert tie(case, "client", "henk").support == {G, E}
    assert tie(case, "client", "henk").care_hours_per_week == 3.0
    assert tie(case, "client", "fleur").support == {W, A}
    assert tie(case, "client", "fleur").direction is Direction.BOTH
    assert tie(case, "client", "sam").reciprocal is False


@pytest.mark.parametrize(
    ("word", "role", "gender"),
    [
        ("vader", Role.PARENT, Gender.MALE),
        ("moeder", Role.PARENT, Gender.FEMALE),
        ("ouder", Role.PARENT, Gender.UNKNOWN),
        ("dochter", Role.CHILD, Gender.FEMALE),
        ("zus", Role.SIBLING, Gender.FEMALE),
        ("opa", Role.GRANDPARENT, Gender.MALE),
        ("oma", Role.GRANDPARENT, Gender.FEMALE),
        ("kleinkind", Role.GRANDCHILD, Gender.UNKNOWN),
        ("tante", Role.OTHER_FAMILY, Gender.FEMALE),
        ("neef", Role.OTHER_FAMILY, Gender.MALE),
        ("nicht", Role.OTHER_FAMILY, Gender.FEMALE),
        ("familie", Role.OTHER_FAMILY, Gender.UNKNOWN),
        ("vriend", Role.FRIEND, Gender.MALE),
        ("buur", Role.NEIGHBOUR, Gender.UNKNOWN),
        ("collega", Role.COLLEAGUE, Gender.UNKNOWN),
        ("medebewoner", Role.FELLOW_CLIENT, Gender.UNKNOWN),
        ("lotgenoot", Role.FELLOW_CLIENT, Gender.UNKNOWN),
        ("kennis", Role.ACQUAINTANCE, Gender.UNKNOWN),
        ("vrijwilliger", Role.VOLUNTEER, Gender.UNKNOWN),
        ("hulpverlener", Role.PROFESSIONAL, Gender.UNKNOWN),
        ("winkelier", Role.SERVICE, Gender.UNKNOWN),
        ("dienstverlener", Role.SERVICE, Gender.UNKNOWN),
        ("partner", Role.PARTNER, Gender.UNKNOWN),
        ("grandmother", Role.GRANDPARENT, Gender.FEMALE),
        ("fellow_client", Role.FELLOW_CLIENT, Gender.UNKNOWN),
        ("service", Role.SERVICE, Gender.UNKNOWN),
    ],
)
def test_role_words_and_the_gender_they_imply(word: str, role: Role, gender: Gender) -> None:
    case = parse(f"naam;rol\nX;{word}\n")
    member = case.network.persons[1]
    assert (member.role, member.gender) == (role, gender)


def test_explicit_gender_wins_over_the_role_word() -> None:
    case = parse("naam;geslacht;rol\nX;v;vader\nY;m;moeder\n")
    assert [p.gender for p in case.network.persons[1:]] == [Gender.FEMALE, Gender.MALE]


def test_strength_direction_and_their_explicit_columns() -> None:
    case = parse(
        "naam;cirkel;steun;wederkerig;sterkte;richting\n"
        "A;1;;ja;;\n"  # reciprocal but no support: none
        "B;;P;;;\n"  # unknown circle: strength 2
        "C;diensten;;;3;van cliënt\n"
        "D;2;E;ja;1;geen\n"
    )
    got = [(t.b, t.strength, t.direction) for t in case.network.ties]
    assert got == [
        ("a", 3, Direction.NONE),
        ("b", 2, Direction.TO_CLIENT),
        ("c", 3, Direction.FROM_CLIENT),
        ("d", 1, Direction.NONE),
    ]


# --- structure: client, ids, empty lines --------------------------------------------------


def test_no_client_row_makes_a_client_and_a_header_only_file_is_just_the_client() -> None:
    case = parse("naam;rol;steun\n")
    assert [(p.id, p.name, p.role) for p in case.network.persons] == [("client", "Cliënt", None)]
    assert case.title == "Netwerk van Cliënt"
    assert case.id == "lijst"
    assert case.network.ties == [] and case.network.household == ["client"]

    case = parse("naam\nAnna\n")
    assert [p.id for p in case.network.persons] == ["client", "anna"]
    assert tie(case, "client", "anna").strength == 2


def test_client_row_anywhere_comes_first_and_ids_are_unique_slugs() -> None:
    case = parse(
        "naam;rol\nJan de Vries;buurman\n\nJAN DE VRIES;collega\nClient;kennis\nMo;cliënt\n"
        "李;kennis\n"
    )
    assert [(p.id, p.name) for p in case.network.persons] == [
        ("client", "Mo"),
        ("jan-de-vries", "Jan de Vries"),
        ("jan-de-vries-2", "JAN DE VRIES"),
        ("client-2", "Client"),
        ("persoon", "李"),
    ]
    assert [t.id for t in case.network.ties] == [
        "t-jan-de-vries",
        "t-jan-de-vries-2",
        "t-client-2",
        "t-persoon",
    ]


def test_empty_lines_are_ignored_but_keep_the_spreadsheet_row_numbers() -> None:
    text = "\n\nnaam;gewicht\n;\n\nA;9\n"
    found = problems(text)
    assert wheres(found) == [("rij/row 6, kolom/column gewicht", "out_of_range")]


def test_a_cell_with_a_line_break_is_one_spreadsheet_row() -> None:
    found = problems('naam,gewicht\n"Anna\nde Boer",2\nB,0\n')
    assert wheres(found) == [("rij/row 3, kolom/column gewicht", "out_of_range")]


def test_domains_are_shared_by_name_and_a_cell_may_hold_several() -> None:
    case = parse('naam,rol,domein\nKim,cliënt,werk\nA,,"Werk; Voetbalclub"\nB,,kerk of moskee\n')
    assert [(d.id, d.name, d.kind, d.members) for d in case.network.domains] == [
        ("d-werk", "werk", DomainKind.WORK, ["client", "a"]),
        ("d-voetbalclub", "Voetbalclub", DomainKind.OTHER, ["a"]),
        ("d-kerk-of-moskee", "kerk of moskee", DomainKind.CHURCH, ["b"]),
    ]


def test_knowing_the_client_adds_no_tie() -> None:
    case = parse("naam;rol;kent\nKim;cliënt;\nA;;kim\n")
    assert [(t.a, t.b) for t in case.network.ties] == [("client", "a")]


# --- problems ------------------------------------------------------------------------------


def test_a_bad_file_lists_every_problem_with_row_and_column_and_returns_nothing() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_network_list(DATA / "fout.csv")
    err = caught.value
    assert err.source == "fout.csv"
    assert wheres(list(err.problems)) == [
        ("rij/row 3, kolom/column rol", "unknown_value"),
        ("rij/row 4, kolom/column geslacht", "unknown_value"),
        ("rij/row 4, kolom/column geboortejaar", "out_of_range"),
        ("rij/row 4, kolom/column cirkel", "unknown_value"),
        ("rij/row 4, kolom/column steun", "unknown_support"),
        ("rij/row 4, kolom/column gewicht", "out_of_range"),
        ("rij/row 4, kolom/column zorguren", "not_a_number"),
        ("rij/row 4, kolom/column kent", "unknown_name"),
        ("rij/row 5, kolom/column naam", "required"),
        ("rij/row 7, kolom/column kent", "self_reference"),
    ]
    by_where = {p.where: p for p in err.problems}
    assert "'baas'" in by_where["rij/row 3, kolom/column rol"].nl
    assert "buurvrouw" in by_where["rij/row 3, kolom/column rol"].nl
    assert "X" in by_where["rij/row 4, kolom/column steun"].en
    assert "'Klaas'" in by_where["rij/row 4, kolom/column kent"].en
    assert "850" in by_where["rij/row 4, kolom/column geboortejaar"].nl
    assert "fout.csv: 10 fouten gevonden, niets opgeslagen" in err.nl


def test_unknown_column_is_an_error_at_row_1_naming_it() -> None:
    found = problems("naam;Hobby;rol\nA;voetbal;kennis\n")
    assert wheres(found) == [("rij/row 1, kolom/column Hobby", "unknown_column")]
    assert "'Hobby'" in found[0].nl and "'Hobby'" in found[0].en


def test_missing_name_column_and_duplicate_columns() -> None:
    assert wheres(problems("rol;geslacht\nkennis;m\n")) == [("rij/row 1", "missing_column")]
    found = problems("naam;rol;Name;ROL\nA;kennis;B;buur\n")
    assert wheres(found) == [
        ("rij/row 1, kolom/column Name", "duplicate_column"),
        ("rij/row 1, kolom/column ROL", "duplicate_column"),
    ]
    assert "'naam'" in found[0].nl


def test_a_value_without_a_column_name_is_an_error_with_the_column_letter() -> None:
    found = problems("naam;rol\nA;kennis;;\nB;kennis;;vergeten\n")
    assert wheres(found) == [("rij/row 3, kolom/column D", "unnamed_column")]


def test_two_client_rows() -> None:
    found = problems("naam;rol\nKim;cliënt\nAnna;zus\nKim;Client\nPiet;hulpvrager\n")
    assert wheres(found) == [
        ("rij/row 4, kolom/column rol", "two_clients"),
        ("rij/row 5, kolom/column rol", "two_clients"),
    ]
    assert "rij 2" in found[0].nl


def test_tie_values_on_the_client_row() -> None:
    found = problems("naam;rol;steun;kent;cirkel\nKim;cliënt;P;Anna;1\nAnna;zus;;;\n")
    assert wheres(found) == [
        ("rij/row 2, kolom/column steun", "client_tie_value"),
        ("rij/row 2, kolom/column kent", "client_tie_value"),
    ]


def test_unknown_and_ambiguous_names_in_kent() -> None:
    found = problems('naam,kent\nAnna,"Bert; Onbekend"\nBert,anna\nJan,\njan,\nPiet,"JAN, bert"\n')
    assert wheres(found) == [
        ("rij/row 2, kolom/column kent", "unknown_name"),
        ("rij/row 6, kolom/column kent", "ambiguous_name"),
    ]
    assert "'Onbekend'" in found[0].nl
    assert "4, 5" in found[1].nl


def test_support_letters() -> None:
    case = parse('naam,steun\nA,"P, e"\nB,pe\nC,G/A+W\nD,EE\n')
    assert [t.support for t in case.network.ties] == [{P, E}, {P, E}, {G, A, W}, {E}]
    found = problems("naam;steun\nA;PXq\n")
    assert wheres(found) == [("rij/row 2, kolom/column steun", "unknown_support")]
    assert "X, q" in found[0].nl


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        ("geboortejaar", "999", "out_of_range"),
        ("geboortejaar", "2201", "out_of_range"),
        ("geboortejaar", "19x0", "not_a_number"),
        ("gewicht", "0", "out_of_range"),
        ("gewicht", "2,5", "not_a_number"),
        ("zorguren", "169", "out_of_range"),
        ("zorguren", "-1", "out_of_range"),
        ("zorguren", "nan", "not_a_number"),
        ("zorgmaanden", "-3", "out_of_range"),
        ("zorgmaanden", "1,5", "not_a_number"),
        ("sterkte", "4", "out_of_range"),
        ("cirkel", "5", "unknown_value"),
        ("zone", "maan", "unknown_value"),
        ("frequentie", "soms", "unknown_value"),
        ("wederkerig", "misschien", "unknown_value"),
        ("kwaliteit", "slecht", "unknown_value"),
        ("status", "weg", "unknown_value"),
        ("netwerk", "groot", "unknown_value"),
        ("gevoelig", "2", "unknown_value"),
        ("richting", "omhoog", "unknown_value"),
        ("wens", "vaker", "unknown_value"),
        ("wish", "often", "unknown_value"),
        ("energie", "veel", "unknown_value"),
        ("vragen", "misschien", "unknown_value"),
        ("may_ask", "maybe", "unknown_value"),
        ("krijgt_zorg", "soms", "unknown_value"),
        ("eigen_zorgen", "2", "unknown_value"),
        ("organisatie", "club", "unknown_value"),
        ("zorgtaken", "koken", "unknown_value"),
        ("care_tasks", "cooking", "unknown_value"),
        ("zorgtaken_client", "wassen", "unknown_value"),
        ("zorguren_client", "200", "out_of_range"),
        ("client_care_hours", "veel", "not_a_number"),
        ("zorgmaanden_client", "-1", "out_of_range"),
        ("client_care_months", "2.5", "not_a_number"),
    ],
)
def test_bad_values(column: str, value: str, code: str) -> None:
    found = problems(f"naam;{column}\nA;{value}\n")
    assert wheres(found) == [(f"rij/row 2, kolom/column {column}", code)]
    assert value in found[0].nl and value in found[0].en


@pytest.mark.parametrize(
    ("column", "value"),
    [("geboortejaar", "1000"), ("geboortejaar", "2200"), ("zorguren", "168"), ("zorguren", "0")],
)
def test_edge_values_are_accepted(column: str, value: str) -> None:
    parse(f"naam;{column}\nA;{value}\n")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"\r\n;;\r\n", "empty_file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not_text"),
        (b"naam\r\nA\x81\x8d\r\n", "encoding"),
    ],
)
def test_files_that_are_not_a_list(data: bytes, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_network_list(data, "x.csv")
    assert [p.code for p in caught.value.problems] == [code]


def test_utf16_with_tabs_as_excel_unicode_text_saves_it() -> None:
    data = "naam\trol\r\nZoë\tcliënt\r\nBjörn\tbroer\r\n".encode("utf-16")
    case = parse_network_list(data, "x.txt")
    assert [(p.name, p.gender) for p in case.network.persons] == [
        ("Zoë", Gender.UNKNOWN),
        ("Björn", Gender.MALE),
    ]


def test_missing_file() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_network_list(Path("/nonexistent/lijst.csv"))
    assert caught.value.problems[0].code == "io"


# --- the separator and the sniff ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("naam;rol;steun\nA,B;x;y\n", ";"),
        ("naam,rol,steun\nA;B,x,y\n", ","),
        ('"naam;x",rol\n', ","),
        ('"naam,x";"rol,y";steun\n', ";"),
        ("\n\n naam\trol\n", "\t"),
        ("naam\nJansen, Piet\n", ";"),
    ],
)
def test_delimiter_is_counted_in_the_header_outside_quotes(text: str, delimiter: str) -> None:
    assert detect_delimiter(text) == delimiter


def test_excel_sep_line_names_the_separator_and_is_not_a_row() -> None:
    text = "sep=;\r\nnaam;gewicht\r\nA;9\r\n"
    assert looks_like_network_list(text.encode())
    assert wheres(problems(text)) == [("rij/row 2, kolom/column gewicht", "out_of_range")]
    # a one-column list would be read with ";", but the sep line says ","
    case = parse("SEP=,\nnaam\nJansen; Piet\n")
    assert case.network.persons[1].name == "Jansen; Piet"
    assert wheres(problems("naam\nJansen; Piet\n")) == [
        ("rij/row 2, kolom/column B", "unnamed_column")
    ]


def test_a_one_column_list_keeps_commas_in_names() -> None:
    case = parse("naam\nJansen, Piet\n")
    assert case.network.persons[1].name == "Jansen, Piet"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"naam;rol\nKim;client\n", True),
        (b"\xef\xbb\xbfName,Role\n", True),
        (b"\n;;\nRol;N\xe4am\n", True),  # Windows-1252 header with an accent
        ("naam\trol\n".encode("utf-16"), True),
        (b'{"format": "zorgkracht/1", "naam": 1}', False),
        (b"0 HEAD\n1 GEDC\n", False),
        (b"rol;geslacht\n", False),
        (b"", False),
    ],
)
def test_looks_like_network_list(data: bytes, expected: bool) -> None:
    assert looks_like_network_list(data) is expected


# --- export --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["dutch_cp1252.csv", "english_bom.csv"])
def test_export_then_import_gives_the_same_case(tmp_path: Path, name: str, lang: str) -> None:
    case = read_network_list(DATA / name)
    out = tmp_path / "terug.csv"
    write_network_list(case, out, lang=lang)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    again = read_network_list(out, case_id=case.id, title=case.title)
    assert again == case


def test_export_in_dutch_and_english() -> None:
    case = read_network_list(DATA / "dutch_cp1252.csv")
    nl = network_list_text(case).splitlines()
    assert nl[0] == (
        "naam;rol;geslacht;geboortejaar;cirkel;zone;frequentie;netwerk;status;gewicht;gevoelig;"
        "domein;steun;wederkerig;kwaliteit;zorguren;zorgmaanden;kent"
    )
    assert nl[1] == "Kim;cliënt;v;1948;;;;;;;;;;;;;;"
    assert nl[2] == (
        "José;kind;m;1975;intimiteit;woonplaats;wekelijks;;actief;5;;Werk;PE;ja;;2,5;18;Marie-Thérèse"
    )
    assert (
        nl[4] == "Ömer;familie;x;;diensten;buiten regio;zelden;extensief;verstoord;;;;;;conflict;;;"
    )
    en = network_list_text(case, lang="en").splitlines()
    assert en[0].startswith("name,role,gender,birth_year,circle,zone,frequency,network,status,")
    assert en[0].endswith(",support,reciprocal,quality,care_hours_per_week,care_months,knows")
    assert en[2] == (
        "José,child,male,1975,intimacy,town,weekly,,active,5,,Werk,PE,yes,,2.5,18,Marie-Thérèse"
    )
    assert en[3].split(",")[:11] == [
        "Marie-Thérèse",
        "neighbour",
        "female",
        "",
        "acquaintance",
        "neighbourhood",
        "daily",
        "",
        "faded",
        "3",
        "yes",
    ]


def test_export_adds_strength_and_direction_only_where_they_differ() -> None:
    case = read_network_list(DATA / "english_bom.csv")
    assert "sterkte" not in network_list_text(case)
    bob = tie(case, "client", "bob")
    bob.strength, bob.direction = 1, Direction.FROM_CLIENT
    text = network_list_text(case)
    header, client_row, bob_row, *_ = (row.split(";") for row in text.splitlines())
    assert header[-3:] == ["sterkte", "richting", "kent"]
    assert client_row[-3:] == ["", "", ""]
    assert bob_row[-3:] == ["1", "van cliënt", "Carla, Dee"]
    again = parse_network_list(text.encode(), "x.csv", case_id=case.id, title=case.title)
    assert again == case


def test_export_of_a_case_that_did_not_come_from_a_list() -> None:
    from zorgkracht.demo import load_demo_cases

    checked = 0
    for case in load_demo_cases():
        text = network_list_text(case)
        names = [p.name for p in case.network.persons]
        if len({vocab.norm(n) for n in names}) < len(names):
            continue  # a list cannot say which of two people with one name is known
        checked += 1
        again = parse_network_list(text.encode(), "x.csv")
        client = case.network.person(case.client)
        assert [p.name for p in again.network.persons] == [
            client.name,
            *(p.name for p in case.members()),
        ]
        assert again.client == "client"
    assert checked >= 2


# --- generated rosters round trip ---------------------------------------------------------


def _words(table: Mapping[str, object]) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(table)) | st.just("")


def _shout(draw: st.DrawFn, word: str) -> str:
    return word.upper() if draw(st.booleans()) else word


name_text = st.text(alphabet="abcdeijklmnopsz éëöÅ'-", min_size=1, max_size=8).filter(
    lambda s: bool(s.strip())
)


@st.composite
def rosters(draw: st.DrawFn) -> tuple[bytes, str]:
    # unique as the reader compares them: a cell ``'-`` is the name ``-`` (see unescape_cell)
    names = draw(st.lists(name_text, unique_by=lambda s: vocab.norm(unescape_cell(s)), max_size=6))
    client_at = draw(st.none() | st.integers(0, max(len(names) - 1, 0)))
    columns = list(vocab.HEADERS)
    rows: list[list[str]] = []
    for n, name in enumerate(names):
        is_client = client_at == n
        cells = {
            "name": escape_cell(name),  # as a spreadsheet keeps it: ``-`` written ``'-``
            "role": (
                draw(st.sampled_from(["cliënt", "Client", "HULPVRAGER"]))
                if is_client
                else _shout(draw, draw(_words(vocab.ROLE_WORDS)))
            ),
            "gender": draw(_words(vocab.GENDER_WORDS)),
            "birth_year": draw(st.sampled_from(["", "1000", "1950", "2200"])),
            "circle": draw(_words(vocab.CIRCLE_WORDS)),
            "zone": draw(_words(vocab.ZONE_WORDS)),
            "frequency": draw(_words(vocab.FREQUENCY_WORDS)),
            "network": draw(_words(vocab.NETWORK_WORDS)),
            "status": draw(_words(vocab.STATUS_WORDS)),
            "weight": draw(st.sampled_from(["", "1", "5"])),
            "sensitive": draw(_words(vocab.BOOLEAN_WORDS)),
            "organisation": draw(_words(vocab.BOOLEAN_WORDS)),
            "receives_care": draw(_words(vocab.BOOLEAN_WORDS)),
            "own_needs": draw(_words(vocab.BOOLEAN_WORDS)),
            "domain": "; ".join(draw(st.lists(st.sampled_from(["Werk", "kerk", "Club X"])))),
        }
        if not is_client:
            support = draw(st.lists(st.sampled_from("PGAEWpgaew, /"), max_size=6))
            hours = draw(st.none() | st.integers(0, 1680))
            others = [o for o in names if o != name]
            cells |= {
                "support": "".join(support),
                "reciprocal": draw(_words(vocab.BOOLEAN_WORDS)),
                "quality": draw(_words(vocab.QUALITY_WORDS)),
                "care_hours_per_week": (
                    ""
                    if hours is None
                    else str(hours / 10).replace(".", draw(st.sampled_from(".,")))
                ),
                "care_months": draw(st.sampled_from(["", "0", "36"])),
                "strength": draw(st.sampled_from(["", "1", "2", "3"])),
                "direction": draw(_words(vocab.DIRECTION_WORDS)),
                "wish": _shout(draw, draw(_words(vocab.WISH_WORDS))),
                "energy": draw(_words(vocab.ENERGY_WORDS)),
                "may_ask": draw(_words(vocab.BOOLEAN_WORDS)),
                "care_tasks": "; ".join(draw(st.lists(_words(vocab.CARE_TASK_WORDS)))),
                "client_care_tasks": ", ".join(draw(st.lists(_words(vocab.CARE_TASK_WORDS)))),
                "client_care_hours": draw(st.sampled_from(["", "0", "7,5", "168"])),
                "client_care_months": draw(st.sampled_from(["", "0", "120"])),
                "knows": escape_cell(
                    "; ".join(draw(st.lists(st.sampled_from(others), max_size=3)) if others else [])
                ),
            }
        rows.append([cells.get(c.value, "") for c in columns])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=draw(st.sampled_from(";,")))
    writer.writerow([_shout(draw, vocab.HEADERS[c][draw(st.integers(0, 1))]) for c in columns])
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return out.getvalue().encode(encoding), encoding


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roster=rosters(), lang=st.sampled_from(["nl", "en"]))
def test_generated_rosters_survive_export_and_import(roster: tuple[bytes, str], lang: str) -> None:
    data, _ = roster
    case = parse_network_list(data, "gen.csv")
    text = network_list_text(case, lang=lang)
    again = parse_network_list(text.encode("utf-8"), "gen.csv")
    assert again == case
    assert network_list_text(again, lang=lang) == text


# --- the vocabulary and the docs ----------------------------------------------------------


def test_every_word_of_the_domain_table_is_accepted() -> None:
    """The synonyms of domain.md §10, spelled exactly as there."""
    headers = (
        "naam name rol role geslacht gender geboortejaar birth_year cirkel circle zone "
        "frequentie frequency steun support wederkerig reciprocal kwaliteit quality status "
        "gewicht weight zorguren care_hours_per_week zorgmaanden care_months domein domain "
        "kent knows netwerk network gevoelig sensitive"
    )
    for header in headers.split():
        assert vocab.norm(header) in vocab.HEADER_WORDS, header
    roles = (
        "partner ouder vader moeder parent kind zoon dochter child broer zus sibling grootouder "
        "opa oma grandparent kleinkind grandchild familie oom tante neef nicht other_family "
        "vriend vriendin friend buur buurman buurvrouw neighbour collega colleague lotgenoot "
        "medebewoner fellow_client kennis acquaintance vrijwilliger volunteer hulpverlener "
        "professional dienstverlener winkelier service"
    )
    for word in roles.split():
        assert vocab.norm(word) in vocab.ROLE_WORDS, word
    assert {vocab.norm("cliënt"), vocab.norm("client")} <= vocab.CLIENT_WORDS
    tables: list[tuple[Mapping[str, object], str]] = [
        (vocab.GENDER_WORDS, "m man male v vrouw f female x anders other"),
        (
            vocab.CIRCLE_WORDS,
            "1 2 3 4 intimiteit intimacy vriendschap friendship bekenden acquaintance diensten "
            "services",
        ),
        (
            vocab.ZONE_WORDS,
            "wijk buurt neighbourhood woonplaats town regio region buiten_regio outside_region "
            "online",
        ),
        (
            vocab.FREQUENCY_WORDS,
            "dagelijks daily wekelijks weekly maandelijks monthly jaarlijks yearly zelden rarely",
        ),
        (vocab.BOOLEAN_WORDS, "ja yes 1 nee no 0 j n y true false"),
        (vocab.QUALITY_WORDS, "positief positive gespannen tense conflict"),
        (
            vocab.STATUS_WORDS,
            "actief active vervaagd faded verstoord disturbed verzwakt weak",
        ),
        (
            vocab.NETWORK_WORDS,
            "persoonlijk personal nominaal nominal extensief extensive",
        ),
        (vocab.WISH_WORDS, "meer more zo zo_houden same minder less geen none"),
        (vocab.ENERGY_WORDS, "geeft gives kost costs beide both"),
        (
            vocab.CARE_TASK_WORDS,
            "huishouden household vervoer transport administratie administration "
            "persoonlijke_verzorging personal_care toezicht supervision",
        ),
    ]
    for table, words in tables:
        for word in words.split():
            assert vocab.norm(word) in table, word
    recorded = (
        "wens wish energie energy vragen may_ask krijgt_zorg receives_care eigen_zorgen own_needs "
        "zorgtaken care_tasks zorguren_client client_care_hours zorgmaanden_client "
        "client_care_months organisatie organisation zorgtaken_client client_care_tasks"
    )
    for header in recorded.split():
        assert vocab.norm(header) in vocab.HEADER_WORDS, header
    assert vocab.WISH_WORDS[vocab.norm("zo houden")] is Wish.SAME
    assert vocab.CARE_TASK_WORDS[vocab.norm("persoonlijke verzorging")] is CareTask.PERSONAL_CARE


def test_the_example_in_the_docs_reads() -> None:
    text = (ROOT / "docs" / "network-list.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```csv\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 2
    for block in blocks:
        case = parse_network_list(block.encode("utf-8"), "voorbeeld.csv")
        assert len(case.network.persons) >= 4
        assert any(t.a != case.client for t in case.network.ties)


def test_names_that_start_with_quotes_before_a_formula_sign_survive_a_round_trip() -> None:
    """Found by the generated rosters: ``-`` and ``'-`` were both written as ``'-`` and read
    back as one name."""
    for value in ["-", "'-", "''-", "=1+1", "'=1", "'t Hart", "'", "a-b", "@x", "''"]:
        assert unescape_cell(escape_cell(value)) == value, value
    assert escape_cell("-") == "'-"
    assert escape_cell("'-") == "''-"
    assert escape_cell("'t Hart") == "'t Hart"


# --- what the book asks to record (issue 12) -----------------------------------------------

RECORDED_NL = (
    "naam;rol;organisatie;wens;energie;vragen;krijgt_zorg;eigen_zorgen;zorgtaken;"
    "zorguren_client;zorgmaanden_client;zorgtaken_client\n"
    "Pauline;cliënt;;;;;;ja;;;;\n"
    'Henk;partner;;Zo houden;beide;nee;JA;;;14;36;"Persoonlijke verzorging; toezicht"\n'
    "Els;dochter;;meer;geeft;ja;;ja;huishouden, VERVOER;;;\n"
    "Zonnebloem;;ja;zo;Kost;;;;administratie;;;\n"
    "Gert;buur;;minder;;;nee;nee;;2,5;;\n"
    "Ans;kennis;nee;geen;;;;;;;;\n"
)
RECORDED_EN = (
    "Name,Role,Organisation,Wish,Energy,May_Ask,Receives_Care,Own_Needs,Care_Tasks,"
    "Client_Care_Hours,Client_Care_Months,Client_Care_Tasks\n"
    "Pauline,client,,,,,,yes,,,,\n"
    'Henk,partner,,same,both,no,yes,,,14,36,"personal_care; supervision"\n'
    'Els,daughter,,MORE,gives,yes,,yes,"household; transport",,,\n'
    "Zonnebloem,,yes,same,costs,,,,administration,,,\n"
    "Gert,neighbour,,less,,,no,no,,2.5,,\n"
    "Ans,acquaintance,no,none,,,,,,,,\n"
)


@pytest.mark.parametrize("text", [RECORDED_NL, RECORDED_EN], ids=["nl", "en"])
def test_the_recorded_columns_in_dutch_and_english(text: str) -> None:
    case = parse(text)
    pauline, henk, els, club, gert, ans = case.network.persons
    assert pauline.id == case.client and pauline.own_needs and not pauline.receives_care
    assert (henk.wish, henk.energy, henk.may_ask, henk.receives_care, henk.own_needs) == (
        Wish.SAME,
        Energy.BOTH,
        False,
        True,
        False,
    )
    assert (els.wish, els.energy, els.may_ask, els.own_needs) == (
        Wish.MORE,
        Energy.GIVES,
        True,
        True,
    )
    assert (club.organisation, club.wish, club.energy, club.may_ask) == (
        True,
        Wish.SAME,
        Energy.COSTS,
        None,
    )
    assert (gert.wish, gert.energy, gert.receives_care) == (Wish.LESS, None, False)
    assert (ans.wish, ans.organisation) == (Wish.NONE, False)
    # the client's care for Henk on the tie from the client, as client_care_*
    to_henk = tie(case, "client", henk.id)
    assert (
        to_henk.client_care_hours_per_week,
        to_henk.client_care_months,
        to_henk.client_care_tasks,
        to_henk.care_tasks,
    ) == (14.0, 36, {CareTask.PERSONAL_CARE, CareTask.SUPERVISION}, set())
    assert tie(case, "client", els.id).care_tasks == {CareTask.HOUSEHOLD, CareTask.TRANSPORT}
    assert tie(case, "client", club.id).care_tasks == {CareTask.ADMINISTRATION}
    assert tie(case, "client", gert.id).client_care_hours_per_week == 2.5
    assert tie(case, "client", gert.id).client_care_tasks == set()


def test_the_contact_columns_do_not_belong_on_the_client_row() -> None:
    found = problems(
        "naam;rol;wens;energie;vragen;zorgtaken;zorguren_client\nKim;cliënt;meer;geeft;ja;toezicht;3\nAnna;zus;;;;;\n"
    )
    assert wheres(found) == [
        ("rij/row 2, kolom/column wens", "client_tie_value"),
        ("rij/row 2, kolom/column energie", "client_tie_value"),
        ("rij/row 2, kolom/column vragen", "client_tie_value"),
        ("rij/row 2, kolom/column zorgtaken", "client_tie_value"),
        ("rij/row 2, kolom/column zorguren_client", "client_tie_value"),
    ]


def test_a_bad_recorded_value_rejects_the_whole_file_listing_every_one() -> None:
    found = problems(
        "naam;wens;zorgtaken;zorguren_client;organisatie\n"
        "Henk;meer;huishouden;3;\n"
        'Els;vaker;"huishouden; koken";;\n'
        "Gert;;;169;misschien\n"
    )
    assert wheres(found) == [
        ("rij/row 3, kolom/column wens", "unknown_value"),
        ("rij/row 3, kolom/column zorgtaken", "unknown_value"),
        ("rij/row 4, kolom/column zorguren_client", "out_of_range"),
        ("rij/row 4, kolom/column organisatie", "unknown_value"),
    ]
    assert "'koken'" in found[1].nl and "'koken'" in found[1].en
    assert "huishouden" in found[1].nl and "household" in found[1].en
    assert "meer, zo houden, minder, geen" in found[0].nl
    assert "more, same, less, none" in found[0].en


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_recorded_columns_are_written_and_read_back(lang: str) -> None:
    case = parse(RECORDED_NL)
    text = network_list_text(case, lang=lang)
    header = text.splitlines()[0]
    separator = ";" if lang == "nl" else ","
    names = header.split(separator)
    expected = (
        ["organisatie", "wens", "energie", "vragen", "krijgt_zorg", "eigen_zorgen"]
        if lang == "nl"
        else ["organisation", "wish", "energy", "may_ask", "receives_care", "own_needs"]
    )
    at = names.index(expected[0])
    assert names[at : at + 6] == expected
    tasks = (
        ["zorgtaken", "zorguren_client", "zorgmaanden_client", "zorgtaken_client"]
        if lang == "nl"
        else ["care_tasks", "client_care_hours", "client_care_months", "client_care_tasks"]
    )
    at = names.index(tasks[0])
    assert names[at : at + 4] == tasks
    again = parse_network_list(text.encode(), "lijst.csv", case_id=case.id, title=case.title)
    assert again == case
    henk = text.splitlines()[2]
    if lang == "nl":
        assert "zo houden;beide;nee;ja" in henk
        assert "persoonlijke verzorging, toezicht" in henk
    else:
        assert "same,both,no,yes" in henk
        assert "personal_care; supervision" in henk


def test_a_list_without_recorded_values_is_written_without_their_columns() -> None:
    case = parse("naam;rol\nKim;cliënt\nAnna;zus\n")
    header = network_list_text(case).splitlines()[0]
    assert not {"wens", "energie", "vragen", "zorgtaken", "organisatie"} & set(header.split(";"))
    case.network.persons[1].may_ask = False  # "nee" is a value: the column appears
    names = network_list_text(case).splitlines()[0].split(";")
    assert "vragen" in names and "wens" not in names
