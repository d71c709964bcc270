"""Genogram layout: invariants over generated families, and hand-made families."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.layout import cases
from tests.layout.strategies_family import families
from tests.strategies import cases as any_cases
from zorgkracht.domain import Case, Point
from zorgkracht.layout import GenogramLayout, layout_genogram

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def unpinned(case: Case) -> Case:
    case.positions.pop("genogram", None)
    return case


def assert_no_overlap(layout: GenogramLayout) -> None:
    for a, b in itertools.combinations(layout.persons, 2):
        assert not a.rect.overlaps(b.rect), (a.id, b.id)


def assert_children_below_parents(case: Case, layout: GenogramLayout) -> None:
    ids = set(layout.ids())
    for ch in case.network.children:
        if ch.child not in ids:
            continue
        for parent in ch.parents:
            if parent in ids:
                assert layout.box(ch.child).y >= layout.box(parent).y + layout.box(parent).height


def assert_inside_frame(layout: GenogramLayout) -> None:
    for box in layout.persons:
        assert layout.x <= box.x and box.x + box.width <= layout.x + layout.width
        assert layout.y <= box.y and box.y + box.height <= layout.y + layout.height


@SETTINGS
@given(any_cases(max_persons=10))
def test_any_case_lays_out_without_overlap_and_children_below_parents(case: Case) -> None:
    case = unpinned(case)
    layout = layout_genogram(case)
    assert_no_overlap(layout)
    assert_children_below_parents(case, layout)
    assert_inside_frame(layout)
    assert layout_genogram(case) == layout


@SETTINGS
@given(families())
def test_families_partners_share_a_row_and_sit_side_by_side(case: Case) -> None:
    layout = layout_genogram(case)
    assert_no_overlap(layout)
    assert_children_below_parents(case, layout)
    rows: dict[int, list[str]] = {}
    for box in sorted(layout.persons, key=lambda b: b.x):
        rows.setdefault(box.generation, []).append(box.id)
    for c in case.network.couples:
        a, b = layout.box(c.a), layout.box(c.b)
        assert a.generation == b.generation and a.y == b.y
    # nobody but partners (and pets) stands between two partners
    partners: dict[str, set[str]] = {}
    for c in case.network.couples:
        partners.setdefault(c.a, set()).add(c.b)
        partners.setdefault(c.b, set()).add(c.a)
    pets = {p.id for p in case.network.persons if p.is_pet}
    for c in case.network.couples:
        row = rows[layout.box(c.a).generation]
        lo, hi = sorted((row.index(c.a), row.index(c.b)))
        for between in row[lo + 1 : hi]:
            assert between in pets or partners.get(between), between
    assert layout_genogram(case) == layout


@SETTINGS
@given(any_cases(max_persons=8))
def test_manual_positions_move_the_box_centre(case: Case) -> None:
    layout = layout_genogram(case)
    for pid, point in case.positions.get("genogram", {}).items():
        if pid in layout.ids():
            box = layout.box(pid)
            assert box.pinned
            assert abs(box.x + box.width / 2 - point.x) < 1e-6
            assert abs(box.y + box.height / 2 - point.y) < 1e-6
    assert layout_genogram(case) == layout


def test_children_stand_in_birth_order_under_the_couple_line() -> None:
    layout = layout_genogram(cases.three_children())
    kids = sorted(("c1990", "c1985", "c1988"), key=lambda k: layout.box(k).x)
    assert kids == ["c1985", "c1988", "c1990"]
    couple = layout.couples[0]
    assert {couple.a, couple.b} == {"mum", "dad"}
    assert layout.box("dad").x < layout.box("mum").x  # the man on the left
    family = layout.families[0]
    assert family.origin == couple.mid
    middle = layout.box("c1988")
    assert abs(middle.centre.x - couple.mid.x) < 1.0  # the family hangs centred
    for line in layout.children:
        assert line.branch.y == family.bar_y
        assert line.end.x == layout.box(line.child).centre.x


def test_five_partners_each_child_hangs_from_its_own_couple_line() -> None:
    layout = layout_genogram(cases.five_partners())
    couples = {c.id: c for c in layout.couples}
    families = {f.key: f for f in layout.families}
    for line in layout.children:
        n = line.child[-1]
        assert families[line.family].origin == couples[f"h{n}"].mid
        box = layout.box(line.child)
        assert families[line.family].bar_x1 <= box.centre.x <= families[line.family].bar_x2
    # partners in chronological order left to right, Ma in the middle
    row = [b.id for b in sorted(layout.persons, key=lambda b: b.x) if b.generation == 0]
    assert row == ["man1", "man2", "man3", "ma", "man4", "man5"]
    # the children then stand in the order of the relationships, each under its own line
    kids = [b.id for b in sorted(layout.persons, key=lambda b: b.x) if b.generation == 1]
    assert kids == ["kid1", "kid2", "kid3", "kid4", "kid5"]
    mids = [couples[f"h{n}"].mid.x for n in range(1, 6)]
    assert mids == sorted(mids)
    # couple lines on the same side of Ma get different depths, the nearest partner highest
    assert couples["h3"].y < couples["h2"].y < couples["h1"].y
    assert couples["h4"].y < couples["h5"].y


def test_cousins_who_marry_are_drawn_once_side_by_side() -> None:
    case = cases.cousins()
    layout = layout_genogram(case)
    assert sorted(layout.ids()) == sorted(p.id for p in case.network.persons)
    c1, c2 = layout.box("c1"), layout.box("c2")
    assert c1.generation == c2.generation == 2
    row = [b.id for b in sorted(layout.persons, key=lambda b: b.x) if b.generation == 2]
    assert abs(row.index("c1") - row.index("c2")) == 1
    assert {line.child for line in layout.children} == {"s1", "s2", "c1", "c2", "x"}
    assert layout.box("x").generation == 3
    assert_no_overlap(layout)


def test_twins_share_one_branch_point_and_pets_stand_beside_their_owner() -> None:
    layout = layout_genogram(cases.twins_and_pet())
    lines = {line.child: line for line in layout.children}
    assert lines["t1"].branch == lines["t2"].branch
    assert lines["sis"].branch != lines["t1"].branch
    (twin,) = layout.twins
    assert twin.identical and twin.start is not None and twin.end is not None
    assert set(twin.children) == {"t1", "t2"}
    order = [b.id for b in sorted(layout.persons, key=lambda b: b.x) if b.generation == 1]
    assert order[0] == "sis"  # the oldest on the left, the twins together
    parents = [b.id for b in sorted(layout.persons, key=lambda b: b.x) if b.generation == 0]
    assert layout.box("dog").generation == 0
    assert abs(parents.index("dog") - parents.index("mum")) == 1


def test_focus_and_generations_keep_only_near_persons() -> None:
    case = cases.cousins()
    layout = layout_genogram(case, focus="c1", generations=1)
    assert sorted(layout.ids()) == ["c1", "c2", "s1", "w1", "x"]
    layout2 = layout_genogram(case, focus="gp", generations=2)
    assert sorted(layout2.ids()) == ["c1", "c2", "gm", "gp", "s1", "s2", "w1", "w2"]


def test_hide_sensitive_leaves_sensitive_persons_and_relations_out() -> None:
    case = cases.small_family()
    shown = layout_genogram(case)
    hidden = layout_genogram(case, hide_sensitive=True)
    assert "tom" in shown.ids() and "tom" not in hidden.ids()
    assert "e4" in {e.id for e in shown.emotions}
    assert "e4" not in {e.id for e in hidden.emotions}
    assert "tom" not in {c.child for c in hidden.children}


def test_manual_position_is_kept_and_layout_stays_deterministic() -> None:
    case = cases.three_children()
    case.positions["genogram"] = {"c1990": Point(x=1000.0, y=500.0)}
    layout = layout_genogram(case)
    box = layout.box("c1990")
    assert (box.x + box.width / 2, box.y + box.height / 2) == (1000.0, 500.0)
    line = next(c for c in layout.children if c.child == "c1990")
    assert line.end.x == 1000.0
    assert layout == layout_genogram(case)


def test_layout_and_picture_do_not_depend_on_the_hash_seed() -> None:
    script = (
        "from tests.layout import cases\n"
        "from zorgkracht.layout import layout_genogram\n"
        "from zorgkracht.render import genogram_text, render_genogram_svg\n"
        "for make in (cases.five_partners, cases.cousins, cases.small_family,"
        " cases.twins_and_pet):\n"
        "    layout = layout_genogram(make())\n"
        "    print(repr(layout))\n"
        "    print(render_genogram_svg(make(), layout, year=2012))\n"
        "    print(genogram_text(make(), layout=layout, year=2012))\n"
    )
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
