"""A picture drawn from parts remembered from the last redraw is the picture drawn afresh.

The netwerkkaart, netwerkschema and sociogram keep their last layout per case; the ecogram keeps the
placement, the tie routes, the letters' places and the written persons and ties of a case for
its next redraw (:mod:`zorgkracht.layout.memo`); these tests edit cases
as the web application does and compare, after every edit, the picture and table drawn with
what is remembered against the ones drawn after :func:`~zorgkracht.layout.memo.forget`.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.services.test_edits import operation
from tests.strategies import cases
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case, Domain, Network, Person, Tie
from zorgkracht.domain.codes import Support
from zorgkracht.domain.errors import InvalidInput
from zorgkracht.domain.invariants import check_case
from zorgkracht.layout import memo
from zorgkracht.render.views import render_picture
from zorgkracht.services.edits import apply_edit

REMEMBERING = ("ecogram", "netwerkkaart", "netwerkschema", "sociogram")
"""The views whose layout keeps parts for the next redraw."""


def _both_ways(case: Case, lang: str = "nl") -> None:
    remembered = {view: render_picture(case, view, lang=lang) for view in REMEMBERING}
    memo.forget()
    fresh = {view: render_picture(case, view, lang=lang) for view in REMEMBERING}
    for view in REMEMBERING:
        assert remembered[view] == fresh[view], view
        # and drawn again from what the fresh drawing left behind
        assert render_picture(case, view, lang=lang) == fresh[view], view


def _flodder() -> Case:
    return next(c for c in load_demo_cases() if c.id == "flodder")


EDITS: list[dict[str, Any]] = [
    {"op": "update_tie", "id": "<tie0>", "changes": {"strength": 3}},
    {"op": "update_tie", "id": "<tie0>", "changes": {"quality": "conflict"}},
    {"op": "update_tie", "id": "<tie1>", "changes": {"direction": "both"}},
    {"op": "update_tie", "id": "<tie1>", "changes": {"support": ["P", "G", "A", "E", "W"]}},
    {"op": "update_tie", "id": "<tie2>", "changes": {"reciprocal": True}},
    {"op": "update_person", "id": "<member>", "changes": {"name": "Een veel langere naam"}},
    {"op": "set_position", "view": "ecogram", "id": "<member>", "x": 420.0, "y": -310.0},
    {"op": "set_circle", "id": "<member>", "circle": "services"},
    {"op": "update_person", "id": "<member>", "changes": {"role": "neighbour", "zone": "town"}},
    {"op": "set_position", "view": "netwerkschema", "id": "<member>", "x": 90.0, "y": 80.0},
    {"op": "set_position", "view": "netwerkkaart", "id": "<member>", "x": -90.0, "y": 60.0},
    {"op": "add_person", "name": "Nieuwe buurvrouw", "connect": True, "support": ["P"]},
    {"op": "clear_position", "view": "ecogram", "id": "<member>"},
    {"op": "remove_tie", "id": "<tie0>"},
]


def test_the_flodder_ecogram_is_the_same_after_every_edit_either_way() -> None:
    case = _flodder()
    ties = [t.id for t in case.network.ties]
    people = {p.id for p in case.network.persons}
    member = next(t.b for t in case.network.ties if t.b != case.client and t.b in people)
    names = {"<tie0>": ties[0], "<tie1>": ties[1], "<tie2>": ties[2], "<member>": member}
    _both_ways(case)
    for op in EDITS:
        filled = {k: names.get(v, v) if isinstance(v, str) else v for k, v in op.items()}
        case = apply_edit(case, filled).case
        _both_ways(case)
        _both_ways(case, lang="en")


def _crowded(members: int = 30) -> Case:
    """Everyone tied to the client with letters, in two domains: letters crowd each other."""
    people = [Person(id="c", name="Cliënt")]
    people += [Person(id=f"m{i}", name=f"Lid {i}") for i in range(members)]
    ties = [
        Tie(id=f"t{i}", a="c", b=f"m{i}", support={Support.PRACTICAL, Support.ADVICE})
        for i in range(members)
    ]
    ties += [
        Tie(id=f"u{i}", a=f"m{i}", b=f"m{(i * 7 + 3) % members}", support={Support.EMOTIONAL})
        for i in range(members)
    ]
    # a second tie between m0 and m3 (u0 is the first): the stronger of the two is drawn
    ties.append(Tie(id="v0", a="m3", b="m0", strength=1))
    half = members // 2
    domains = [
        Domain(id="d0", name="Werk", members=[f"m{i}" for i in range(half)]),
        Domain(id="d1", name="Buurt", members=[f"m{i}" for i in range(half, members)]),
    ]
    net = Network(persons=people, household=["c"], ties=ties, domains=domains)
    return Case(id="crowded", title="Druk", client="c", network=net)


def test_letters_moved_out_of_each_others_way_are_the_same_either_way() -> None:
    """Changing one tie's letters can move the letters of the ties after it."""
    case = _crowded()
    _both_ways(case)
    for n, letters in enumerate([["P", "G", "A", "E", "W"], [], ["W"], ["P", "G", "A", "E"]]):
        for tie in (f"t{n}", f"u{n * 3}", f"t{n + 10}"):
            op = {"op": "update_tie", "id": tie, "changes": {"support": letters}}
            case = apply_edit(case, op).case
            _both_ways(case)
    for strength in (3, 1):  # the sociogram draws the stronger of two parallel ties
        op = {"op": "update_tie", "id": "v0", "changes": {"strength": strength}}
        case = apply_edit(case, op).case
        _both_ways(case)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=cases(max_persons=8), data=st.data())
def test_random_edits_give_the_same_ecogram_either_way(start: Case, data: st.DataObject) -> None:
    for snap in start.snapshots:
        snap.instruments = []
    assume(not check_case(start))
    case = start
    _both_ways(case)
    for _ in range(data.draw(st.integers(1, 8))):
        try:
            case = apply_edit(case, data.draw(operation(case))).case
        except InvalidInput:
            continue
        _both_ways(case)


def test_bows_kept_while_persons_are_dragged_are_the_same_either_way() -> None:
    """A drag keeps the bows whose search looked at no cell the moved person was or is in;
    a 60-person network dragged about, person after person, is drawn as from nothing."""
    from devtools.generators import network_case

    case = network_case(59)
    movers = [p.id for p in case.network.persons if p.id != case.client][::7]
    for view in ("ecogram", "netwerkschema"):
        render_picture(case, view)
        for n, pid in enumerate(movers):
            for dx in (40.0, -40.0, 300.0):
                op = {"op": "set_position", "view": view, "id": pid, "x": n * 30 + dx, "y": dx}
                case = apply_edit(case, op).case
                kept = render_picture(case, view)
                memo.forget()
                assert render_picture(case, view) == kept, (view, pid, dx)


def test_small_drags_as_at_the_kitchen_table_are_the_same_either_way() -> None:
    """A person dragged a little way from where the picture drew them, there and back, as the
    case page does (household members too, whose lines start at the central circle's rim,
    and persons inside a domain, whose box does not count for lines into that domain): the
    bows and lines kept are those drawn from nothing."""
    import re

    from devtools.generators import network_case

    case = network_case(59)
    movers = [p.id for p in case.network.persons if p.id != case.client][::5]
    svg = render_picture(case, "ecogram")[0]
    for pid in movers:
        found = re.search(rf'data-person-id="{pid}"[^>]*data-bbox="([^"]+)"', svg)
        assert found, pid
        x, y, w, h = map(float, found.group(1).split())
        for dx, dy in ((25.0, 0.0), (-25.0, 10.0), (0.0, 0.0)):
            op = {"op": "set_position", "view": "ecogram", "id": pid}
            case = apply_edit(case, op | {"x": x + w / 2 + dx, "y": y + h / 2 + dy}).case
            kept = render_picture(case, "ecogram")
            memo.forget()
            assert render_picture(case, "ecogram") == kept, (pid, dx)
            render_picture(case, "ecogram")  # remembered again for the next drag
