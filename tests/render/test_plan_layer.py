"""The plan layer: badges for persons with actions only, the hand-counted numbers, placed clear
of every name (the layout's text boxes), and a legend entry."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from zorgkracht.domain import Case
from zorgkracht.domain.model import Network, Person, Tie
from zorgkracht.domain.process import Action, ActionPerson, HelpQuestion, Process
from zorgkracht.domain.process_codes import ActionStatus, Part
from zorgkracht.layout.ecogram import layout_ecogram
from zorgkracht.layout.geometry import Rect
from zorgkracht.layout.netwerkschema import layout_netwerkschema
from zorgkracht.render.plan_layer import carried, place_badges, plan_picture

NS = {"svg": "http://www.w3.org/2000/svg"}


def _case() -> Case:
    persons = [
        Person(id=f"p{n}", name=name)
        for n, name in enumerate(["Pieter", "Lina", "Kees", "Els", "Michel", "Anna"], start=1)
    ]
    ties = [Tie(id=f"t{n}", a="p1", b=f"p{n}") for n in range(2, 7)]
    process = Process(
        help_questions=[HelpQuestion(id="hq1", text="Rust")],
        actions=[
            Action(
                id="ac1",
                help_question="hq1",
                description="Halen",
                hours_per_week=2.0,
                persons=[ActionPerson(person="p2"), ActionPerson(person="p3", hours_per_week=1.5)],
            ),
            Action(
                id="ac2",
                help_question="hq1",
                description="Koken",
                hours_per_week=3.0,
                persons=[
                    ActionPerson(person="p2"),
                    ActionPerson(person="p4", part=Part.THINKS_ALONG),
                ],
            ),
            Action(
                id="ac3",
                help_question="hq1",
                description="Klaar",
                hours_per_week=9.0,
                status=ActionStatus.DONE,
                persons=[ActionPerson(person="p5")],
            ),
        ],
    )
    return Case(
        id="c",
        title="T",
        client="p1",
        network=Network(persons=persons, ties=ties, household=["p1"]),
        process=process,
    )


def test_carried_counts_actions_and_hours_by_hand() -> None:
    # Lina: ac1 (2 h) + ac2 (3 h); Kees: ac1 with his own 1.5 h; Els thinks along (0 h);
    # Michel only in a done action: nothing
    assert carried(_case().process) == {"p2": (2, 5.0), "p3": (1, 1.5), "p4": (1, 0.0)}


def _badges(svg: str) -> dict[str, tuple[str, Rect]]:
    root = ET.fromstring(svg.split("?>", 1)[1])
    found = {}
    for g in root.iter(f"{{{NS['svg']}}}g"):
        if g.get("class") == "plan-badge":
            x, y, w, h = (float(v) for v in g.attrib["data-bbox"].split())
            text = "".join(t.text or "" for t in g.iter(f"{{{NS['svg']}}}text"))
            found[g.attrib["data-plan-person"]] = (text, Rect(x, y, w, h))
    return found


@pytest.mark.parametrize("view", ["ecogram", "netwerkschema"])
def test_badges_only_for_persons_with_actions_and_clear_of_names(view: str) -> None:
    case = _case()
    svg, _ = plan_picture(case, view, "nl")
    badges = _badges(svg)
    assert set(badges) == {"p2", "p3", "p4"}
    assert badges["p2"][0] == "2 · 5u" and badges["p3"][0] == "1 · 1.5u" and badges["p4"][0] == "1"
    if view == "ecogram":
        labels = [p.label for p in layout_ecogram(case).persons]
    else:
        schema = layout_netwerkschema(case)
        labels = [s.label for s in [*([schema.client] if schema.client else []), *schema.persons]]
    for _text, box in badges.values():
        assert not any(box.overlaps(label) for label in labels)
    boxes = [b for _t, b in badges.values()]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert "plan: aantal acties · uren per week" in svg
    english, _ = plan_picture(case, view, "en")
    assert "plan: number of actions · hours a week" in english and "2 · 5h" in english


def test_a_badge_moves_away_from_a_name_in_its_first_spot() -> None:
    symbol = Rect(0, 0, 30, 30)
    first_free = place_badges([("a", symbol)], [], {"a": (1, 0.0)}, "nl")[0].box
    # a name lying over the top right spot pushes the badge to the top left
    name = Rect(first_free.x, first_free.y, first_free.width, first_free.height)
    moved = place_badges([("a", symbol)], [name], {"a": (1, 0.0)}, "nl")[0].box
    assert not moved.overlaps(name) and moved.x < first_free.x
