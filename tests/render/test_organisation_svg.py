"""Organisations (a club, a nursing home) are drawn with their own symbol, a building, in every
view that draws persons, with a legend entry and their own word in the tables; their gender is
not drawn."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.render.views_svg import legend_keys, parse, persons_in
from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    Network,
    Person,
    Tie,
)
from zorgkracht.domain.codes import (
    Circle,
    DomainKind,
    EmotionalType,
    Gender,
    NetworkZone,
    Quality,
    Role,
    Segment,
    Zone,
)
from zorgkracht.layout.geometry import Rect
from zorgkracht.render import views
from zorgkracht.render.symbols import building_d

PERSON_VIEWS = ("genogram", "ecogram", "netwerkkaart", "netwerkschema", "sociogram")
SVG = "{http://www.w3.org/2000/svg}"
BUILDING = re.compile(r"M[^MZ]+Z(M-?[\d.]+ -?[\d.]+L-?[\d.]+ -?[\d.]+){2}")


def org_case() -> Case:
    """Kim, her husband Piet and their son Tom at home; the neighbour Jolanda; and one
    organisation: a tennis club, recorded as a woman to show that the gender of an organisation
    is not drawn. Kim knows the club (a tense tie, and an emotional line so that the genogram
    draws it too), and so does Jolanda; the club is in the sports domain."""
    persons = [
        Person(id="kim", name="Kim", gender=Gender.FEMALE, birth_year=1980),
        Person(id="piet", name="Piet", gender=Gender.MALE, role=Role.PARTNER),
        Person(id="tom", name="Tom", gender=Gender.MALE, role=Role.CHILD, birth_year=2010),
        Person(
            id="jolanda",
            name="Jolanda",
            gender=Gender.FEMALE,
            role=Role.NEIGHBOUR,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.NEIGHBOURHOOD,
        ),
        Person(
            id="club",
            name="Tennisclub De Smash",
            gender=Gender.FEMALE,
            organisation=True,
            role=Role.SERVICE,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            network_zone=NetworkZone.PERSONAL,
        ),
    ]
    network = Network(
        persons=persons,
        household=["kim", "piet", "tom"],
        couples=[CoupleRelation(id="c1", a="piet", b="kim")],
        children=[ChildRelation(id="k1", child="tom", parents=["piet", "kim"])],
        emotions=[EmotionalRelation(id="e-club", a="kim", b="club", type=EmotionalType.DISTANT)],
        ties=[
            Tie(id="t-jolanda", a="kim", b="jolanda", strength=3),
            Tie(id="t-club", a="kim", b="club", quality=Quality.TENSE),
            Tie(id="t-club2", a="jolanda", b="club", strength=1),
        ],
        domains=[Domain(id="d-sport", name="Sport", kind=DomainKind.SPORTS, members=["club"])],
    )
    return Case(id="org", title="Kim", client="kim", network=network)


def test_the_building_is_a_roof_over_walls_with_two_pillars() -> None:
    # 50 wide and high: the roof's top in the middle, eaves at 0.4 x 50 = 20 over the full
    # width, walls 0.12 x 50 = 6 in from each side, pillars at 0.38 and 0.62 of the width
    # (19, 31) from 20 + 0.14 x 50 = 27 down to the bottom
    assert building_d(Rect(0, 0, 50, 50)) == (
        "M25 0L50 20L44 20L44 50L6 50L6 20L0 20ZM19 27L19 50M31 27L31 50"
    )
    assert BUILDING.fullmatch(building_d(Rect(-10.5, 3, 36, 36)))


def symbol_of(group: ET.Element) -> ET.Element:
    """The first drawn shape of a person's group (its symbol)."""
    return next(el for el in group if el.tag != f"{SVG}title")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("view", PERSON_VIEWS)
def test_an_organisation_has_its_own_symbol_and_legend_entry(view: str, lang: str) -> None:
    case = org_case()
    svg = views.render_svg(case, view, lang=lang)
    persons = persons_in(svg)
    kinds = {pid: g.attrib.get("data-kind") for pid, g in persons.items()}
    assert kinds.pop("club") == "organisation"
    assert set(kinds.values()) == {None}  # no one else is marked
    club = persons["club"]
    symbol = symbol_of(club)
    assert symbol.tag == f"{SVG}path" and BUILDING.fullmatch(symbol.attrib["d"])
    # recorded as a woman, but no circle (nor any other person shape) is drawn for it
    shapes = [el.tag for el in club if el.tag in (f"{SVG}circle", f"{SVG}rect", f"{SVG}polygon")]
    assert shapes == []
    assert legend_keys(svg).count("person:organisation") == 1
    item = next(
        g for g in parse(svg).iter() if g.attrib.get("data-symbol") == "person:organisation"
    )
    text = " ".join(t.text or "" for t in item.iter(f"{SVG}text"))
    assert (
        text
        == {
            "nl": "organisatie (vereniging, instelling)",
            "en": "organisation (club, institution)",
        }[lang]
    )
    sample = next(el for el in item if el.tag == f"{SVG}path")
    assert BUILDING.fullmatch(sample.attrib["d"])


@pytest.mark.parametrize("view", PERSON_VIEWS)
def test_the_tables_call_an_organisation_an_organisation(view: str) -> None:
    case = org_case()
    for lang, word in (("nl", "organisatie"), ("en", "organisation")):
        rows = views.render_table(case, view, lang=lang)
        club = [r for r in rows if r["id"] == "club"]
        assert club, view
        assert {r["kind"] for r in club} == {word}
        others = {r["kind"] for r in rows if r["id"] != "club"}
        assert word not in others
        if view in ("genogram", "ecogram"):
            # the symbol's description says organisation, not the recorded gender
            details = club[0]["details"]
            assert word in details and "vrouw" not in details and "female" not in details


def test_without_organisations_nothing_is_marked() -> None:
    case = org_case()
    club = next(p for p in case.network.persons if p.id == "club")
    club.organisation = False
    for view in PERSON_VIEWS:
        svg = views.render_svg(case, view)
        assert "data-kind" not in svg and "person:organisation" not in svg
        assert persons_in(svg)["club"].find(f"{SVG}circle") is not None  # drawn as a woman


def test_the_netwerkschema_places_an_organisation_like_a_person() -> None:
    svg = views.render_svg(org_case(), "netwerkschema")
    club = persons_in(svg)["club"]
    assert club.attrib["data-circle"] == Circle.SERVICES.value
    assert club.attrib["data-segment"] == Segment.PROFESSIONAL.value
