"""Network Canvas import (issue 15, point 6): the hand-made interview export, checked by hand."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from zorgkracht.domain import Case, InvalidInput, Tie
from zorgkracht.domain.codes import Circle, Frequency, Role, Support, Zone
from zorgkracht.interchange.detect import FileKind, kind_of, load_path
from zorgkracht.interchange.network_canvas import (
    MAPPING_FILE,
    Mapping,
    mapping_for,
    read_network_canvas,
)

DATA = Path(__file__).parents[1] / "data" / "network_canvas"
INTERVIEW = DATA / "interview"
MAPPING = DATA / "mapping.toml"
PREFIX = "NC-042_6a1f3e2c-8d4b-4c1a-9e7f-2b5d8c9a0f13"


@pytest.fixture(scope="module")
def case() -> Case:
    return read_network_canvas(INTERVIEW, mapping=mapping_for(MAPPING))


def _tie(case: Case, a: str, b: str) -> Tie | None:
    return next((t for t in case.network.ties if (t.a, t.b) == (a, b)), None)


def test_ego_and_members_with_mapped_variables(case: Case) -> None:
    client = case.network.person(case.client)
    assert client.name == "Sanne de Vries" and case.title == "Netwerk van Sanne de Vries"
    got = {
        p.name: (p.role, p.circle, p.zone, p.frequency)
        for p in case.network.persons
        if p.id != case.client
    }
    assert got == {
        "Mark": (Role.PARTNER, Circle.INTIMACY, Zone.NEIGHBOURHOOD, Frequency.DAILY),
        "Ria": (Role.PARENT, Circle.FRIENDSHIP, Zone.REGION, Frequency.WEEKLY),
        "Fleur": (Role.FRIEND, Circle.FRIENDSHIP, Zone.TOWN, Frequency.MONTHLY),
        "Bakker, J.": (Role.NEIGHBOUR, Circle.ACQUAINTANCE, Zone.NEIGHBOURHOOD, None),
        "Wijkverpleegkundige": (Role.PROFESSIONAL, Circle.SERVICES, Zone.TOWN, Frequency.WEEKLY),
    }


def test_support_from_a_categorical_variable(case: Case) -> None:
    support = {t.b: t.support for t in case.network.ties if t.a == case.client}
    assert support == {
        "mark": {Support.EMOTIONAL, Support.PRACTICAL, Support.COMPANIONSHIP},
        "ria": {Support.EMOTIONAL, Support.ADVICE},
        "fleur": {Support.COMPANIONSHIP},
        "bakker-j": {Support.PRACTICAL},
        "wijkverpleegkundige": {Support.PRACTICAL, Support.ADVICE},
    }
    mark = _tie(case, "client", "mark")
    assert mark is not None and mark.strength == 3  # circle 1, as in a network list


def test_edges_are_ties_between_members_once(case: Case) -> None:
    between = sorted((t.a, t.b) for t in case.network.ties if t.a != case.client)
    assert between == [("fleur", "bakker-j"), ("mark", "ria")]  # 1-2 and 2-1 are one tie


def test_without_mapping_only_variables_named_like_columns() -> None:
    case = load_path(INTERVIEW).case
    mark = next(p for p in case.network.persons if p.name == "Mark")
    assert (mark.frequency, mark.circle, mark.role) == (Frequency.DAILY, None, None)


def test_mapping_file_inside_a_zip_and_recognised_by_content(tmp_path: Path) -> None:
    archive = tmp_path / "networkCanvasExport.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in INTERVIEW.iterdir():
            zf.write(f, f"networkCanvasExport/{f.name}")
        zf.write(MAPPING, f"networkCanvasExport/{MAPPING_FILE}")
    assert kind_of(archive.read_bytes()) is FileKind.NETWORK_CANVAS
    loaded = load_path(archive)
    assert loaded.kind is FileKind.NETWORK_CANVAS
    ria = next(p for p in loaded.case.network.persons if p.name == "Ria")
    assert (ria.role, ria.zone) == (Role.PARENT, Zone.REGION)


def test_options_override_and_a_single_attribute_list(tmp_path: Path) -> None:
    nodes = INTERVIEW / f"{PREFIX}_attributeList_Person.csv"
    assert kind_of(nodes.read_bytes()) is FileKind.NETWORK_CANVAS
    mapping = Mapping().with_variables(circle="closeness", role="relationship")
    case = read_network_canvas(nodes, mapping=mapping)
    fleur = next(p for p in case.network.persons if p.name == "Fleur")
    assert (fleur.role, fleur.circle, fleur.zone) == (Role.FRIEND, Circle.FRIENDSHIP, None)
    assert case.network.person(case.client).name == "Cliënt"  # no ego file


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "interview"
    shutil.copytree(INTERVIEW, target)
    return target


def test_bad_values_refused_naming_file_row_and_variable(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    nodes = target / f"{PREFIX}_attributeList_Person.csv"
    text = nodes.read_text(encoding="utf-8")
    text = text.replace("Ria,2,region", "Ria,7,region").replace(",monthly,", ",sometimes,")
    nodes.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(InvalidInput) as caught:
        load_path(target, nc_mapping=mapping_for(MAPPING))
    wheres = [(p.where, p.code) for p in caught.value.problems]
    name = nodes.name
    assert wheres == [
        (f"{name}, rij/row 3, kolom/column closeness", "unknown_value"),
        (f"{name}, rij/row 4, kolom/column frequency", "unknown_value"),
    ]
    assert caught.value.nl.startswith("interview (Network Canvas-export): 2 fouten gevonden")


def test_missing_variable_and_unknown_node(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        load_path(INTERVIEW, nc_mapping=mapping_for(MAPPING, support="steunvorm"))
    assert [(p.where, p.code) for p in caught.value.problems] == [
        (f"{PREFIX}_attributeList_Person.csv", "missing_column")
    ]
    assert "'steunvorm'" in caught.value.problems[0].nl
    target = _copy(tmp_path)
    edges = target / f"{PREFIX}_edgeList_knows.csv"
    data = edges.read_bytes().replace(
        b"c1a0e6d2-0004-4b1a-8f00-000000000004\r\n", b"c1a0e6d2-0009-4b1a-8f00-000000000009\r\n"
    )
    edges.write_bytes(data)
    with pytest.raises(InvalidInput) as caught:
        load_path(target, nc_mapping=mapping_for(MAPPING))
    assert [(p.where, p.code) for p in caught.value.problems] == [
        (f"{PREFIX}_edgeList_knows.csv, rij/row 4, kolom/column to", "unknown_reference")
    ]


def test_two_interviews_need_a_session(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    for f in list(target.iterdir()):
        shutil.copy(f, target / f.name.replace("NC-042_6a1f", "NC-043_7b2f"))
    with pytest.raises(InvalidInput) as caught:
        load_path(target)
    assert caught.value.problems[0].code == "several_interviews"
    (target / MAPPING_FILE).write_text('session = "7b2f"\n', encoding="utf-8")
    assert len(load_path(target).case.network.persons) == 6


def test_bad_mapping_file() -> None:
    with pytest.raises(InvalidInput) as caught:
        Mapping.from_toml('[variables]\ncolour = "x"\n[values]\nzone = 3\n', "m.toml")
    assert [p.code for p in caught.value.problems] == ["unknown_column", "invalid"]


def test_an_excel_workbook_is_still_told_to_be_saved_as_csv(tmp_path: Path) -> None:
    book = tmp_path / "netwerk.xlsx"
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert kind_of(book.read_bytes()) is FileKind.NETWORK_LIST
    with pytest.raises(InvalidInput) as caught:
        load_path(book)
    assert caught.value.problems[0].code == "not_text"
