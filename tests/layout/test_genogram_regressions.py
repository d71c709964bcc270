"""Layout defects found by looking at the demo genograms, each pinned by a test."""

from __future__ import annotations

import math

import pytest

from tests.layout.cases import case_of
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case, ChildRelation, CoupleRelation, Network, Person
from zorgkracht.domain.codes import Gender, Role
from zorgkracht.layout import layout_genogram
from zorgkracht.layout.genogram import SYMBOL


def demo(case_id: str) -> Case:
    return next(c for c in load_demo_cases() if c.id == case_id)


def test_a_partner_does_not_stand_under_the_other_partners_sibling_bar() -> None:
    # Tavenier: Pieter's mother has three children; Lina, his wife, hangs from her own mother.
    # The bar over Pieter and his siblings used to run over Lina's line.
    layout = layout_genogram(demo("tavenier"))
    bar = next(f for f in layout.families if f.key == "p:moeder_pieter")
    lina = layout.box("lina").centre.x
    assert not bar.bar_x1 <= lina <= bar.bar_x2
    order = [b.id for b in sorted(layout.persons, key=lambda b: b.x) if b.generation == 1]
    assert order == ["lina", "pieter", "broer_pieter", "zus_pieter"]


def test_an_only_child_hangs_on_one_straight_line() -> None:
    layout = layout_genogram(demo("tavenier"))
    family = next(f for f in layout.families if f.key == "p:moeder_lina")
    line = next(c for c in layout.children if c.child == "lina")
    assert abs(family.bar_x2 - family.bar_x1) < 1e-9
    assert abs(line.end.x - family.origin.x) < 1e-9


def test_relatives_known_only_by_their_role_stand_in_their_generation() -> None:
    # Karel: father and mother have the role "parent" but no child relation in the case.
    layout = layout_genogram(demo("karel"))
    rows = {b.id: b.generation for b in layout.persons}
    assert rows == {"vader": 0, "moeder": 0, "karel": 1, "hondje": 1}
    assert layout.box("vader").y + layout.box("vader").height < layout.box("karel").y


def test_role_rows_above_and_below_the_client() -> None:
    persons = [
        Person(id="c", name="C", gender=Gender.FEMALE),
        Person(id="gp", name="Opa", gender=Gender.MALE, role=Role.GRANDPARENT),
        Person(id="kid", name="Kind", role=Role.CHILD),
        Person(id="sis", name="Zus", gender=Gender.FEMALE, role=Role.SIBLING),
    ]
    layout = layout_genogram(case_of(Network(persons=persons), "c"))
    rows = {b.id: b.generation for b in layout.persons}
    # grandparent two rows up; the empty parents' row is left out
    assert rows == {"gp": 0, "c": 1, "sis": 1, "kid": 2}


def test_roles_do_not_move_people_who_have_family_lines() -> None:
    persons = [
        Person(id="c", name="C", gender=Gender.FEMALE),
        Person(id="p", name="P", gender=Gender.MALE, role=Role.CHILD),  # wrongly entered role
        Person(id="k", name="K", role=Role.PARENT),
    ]
    net = Network(
        persons=persons,
        couples=[CoupleRelation(id="cp", a="c", b="p")],
        children=[ChildRelation(id="ck", child="k", parents=["c", "p"])],
    )
    rows = {b.id: b.generation for b in layout_genogram(case_of(net, "c")).persons}
    assert rows == {"c": 0, "p": 0, "k": 1}


def test_emotional_lines_start_outside_the_index_persons_second_outline() -> None:
    layout = layout_genogram(demo("tavenier"))
    care = next(e for e in layout.emotions if e.a == "pieter" and e.b == "lina")
    pieter, lina = layout.box("pieter").centre, layout.box("lina").centre
    start = math.dist((care.start.x, care.start.y), (pieter.x, pieter.y))
    end = math.dist((care.end.x, care.end.y), (lina.x, lina.y))
    assert start == pytest.approx(SYMBOL / 2 + 2 + 4)  # 4 = the index person's second outline
    assert end == pytest.approx(SYMBOL / 2 + 2)
