"""Sociogram layout: clusters, bridges and connecting persons on a hand-drawn graph."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from networkx.algorithms.community import greedy_modularity_communities

from tests.layout.network_views import (
    assert_inside,
    assert_no_overlap,
    assert_unpinned_clear,
    member_cases,
    person,
)
from tests.strategies import cases as any_cases
from zorgkracht.domain import Case, Network, Point, Tie
from zorgkracht.layout import budget
from zorgkracht.layout.budget import DrawingTooSlow, drawing_budget
from zorgkracht.layout.geometry import XY
from zorgkracht.layout.sociogram import (
    SociogramLayout,
    _greedy_modularity,
    communities,
    hull,
    layout_sociogram,
)


def two_triangles() -> Case:
    """a-b-c and d-e-f, joined by the tie c-d; g knows only the client; the dog is no member.

    a       e
    | \\   / |
    |  c-d  |
    | /   \\ |
    b       f      g
    """
    ids = ["a", "b", "c", "d", "e", "f", "g"]
    persons = [person("me"), *[person(i) for i in ids], person("dog", pet="hond")]
    pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")]
    ties = [Tie(id=f"{a}{b}", a=a, b=b) for a, b in pairs]
    ties += [Tie(id=f"me{i}", a="me", b=i) for i in ids]
    ties.append(Tie(id="cd2", a="d", b="c", strength=3))  # a second, stronger tie c-d
    ties.append(Tie(id="medog", a="me", b="dog"))
    return Case(id="tri", title="t", client="me", network=Network(persons=persons, ties=ties))


def everything(layout: SociogramLayout) -> list:  # type: ignore[type-arg]
    rects = [s.rect for s in layout.persons]
    if layout.client is not None:
        rects.append(layout.client.rect)
    return rects


def test_two_triangles_are_two_clusters_joined_by_one_bridge() -> None:
    layout = layout_sociogram(two_triangles())
    assert [c.members for c in layout.clusters] == [("a", "b", "c"), ("d", "e", "f")]
    assert [(e.a, e.b, e.tie) for e in layout.bridges] == [("c", "d", "cd2")]
    assert layout.connectors == ("c", "d")
    assert [(e.a, e.b) for e in layout.edges] == [
        ("a", "b"),
        ("a", "c"),
        ("b", "c"),
        ("c", "d"),
        ("d", "e"),
        ("d", "f"),
        ("e", "f"),
    ]
    assert [e.b for e in layout.client_edges] == ["a", "b", "c", "d", "e", "f", "g"]
    assert layout.ids() == ["a", "b", "c", "d", "e", "f", "g"]  # no pet
    assert layout.client is not None and layout.client.anchor == XY(0.0, 0.0)
    assert_no_overlap([*layout.persons, layout.client])


def test_members_of_a_cluster_stand_together_inside_their_hull() -> None:
    layout = layout_sociogram(two_triangles())

    def spread(ids: tuple[str, ...]) -> float:
        pts = [layout.slot(i).anchor for i in ids]
        return max(math.dist((p.x, p.y), (q.x, q.y)) for p in pts for q in pts)

    first, second = layout.clusters
    a, d = layout.slot("a").anchor, layout.slot("d").anchor
    assert spread(first.members) < math.dist((a.x, a.y), (d.x, d.y)) + 1e-9
    for cluster in layout.clusters:
        xs = [p.x for p in cluster.hull]
        ys = [p.y for p in cluster.hull]
        for pid in cluster.members:
            box = layout.slot(pid).rect
            assert min(xs) < box.x and box.right < max(xs)
            assert min(ys) < box.y and box.bottom < max(ys)
    assert spread(second.members) < 400


def test_a_path_has_two_bridges_and_its_middle_connects() -> None:
    persons = [person("me"), person("x"), person("y"), person("z")]
    ties = [Tie(id="xy", a="x", b="y"), Tie(id="yz", a="y", b="z")]
    layout = layout_sociogram(
        Case(id="p", title="p", client="me", network=Network(persons=persons, ties=ties))
    )
    assert [(e.a, e.b) for e in layout.bridges] == [("x", "y"), ("y", "z")]
    assert layout.connectors == ("y",)
    assert layout.client_edges == ()


def test_hull_of_two_boxes_is_their_padded_outline() -> None:
    from zorgkracht.layout.geometry import Rect

    pts = hull([Rect(0, 0, 10, 10), Rect(20, 0, 10, 10)], 1.0)
    assert set(pts) == {XY(-1, -1), XY(31, -1), XY(31, 11), XY(-1, 11)}


def test_empty_and_one_person_networks() -> None:
    empty = layout_sociogram(Case(id="e", title="e", client="c"))
    assert empty.persons == () and empty.client is None and empty.width > 0
    one = layout_sociogram(
        Case(id="o", title="o", client="c", network=Network(persons=[person("c")]))
    )
    assert one.client is not None and one.persons == () and one.clusters == ()


def test_same_case_same_layout_and_manual_positions_kept() -> None:
    case = two_triangles()
    assert layout_sociogram(case) == layout_sociogram(two_triangles())
    case.positions["sociogram"] = {"g": Point(x=0.0, y=0.0), "a": Point(x=700.0, y=20.0)}
    layout = layout_sociogram(case)
    assert layout.slot("g").anchor == XY(0.0, 0.0) and layout.slot("g").pinned
    assert layout.slot("a").anchor == XY(700.0, 20.0)
    assert layout.client is not None and layout.client.anchor != XY(0.0, 0.0)  # made room
    assert_no_overlap([*layout.persons, layout.client])
    hull_xs = [p.x for p in layout.clusters[0].hull]
    assert max(hull_xs) > 700.0  # the hull follows the moved member
    assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member_cases("sociogram"))
def test_generated_cases_never_overlap_and_fit_the_frame(case: Case) -> None:
    layout = layout_sociogram(case)
    slots = list(layout.persons) + ([layout.client] if layout.client else [])
    assert_unpinned_clear(slots)
    assert_inside([s.rect for s in slots], layout.x, layout.y, layout.width, layout.height)
    for cluster in layout.clusters:
        assert len(cluster.members) >= 2
    bridged = {p for e in layout.bridges for p in (e.a, e.b)}
    assert set(layout.connectors) <= bridged | {p for c in layout.clusters for p in c.members}
    assert layout_sociogram(case) == layout


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cases(max_persons=8))
def test_any_case_lays_out(case: Case) -> None:
    layout = layout_sociogram(case)
    slots = list(layout.persons) + ([layout.client] if layout.client else [])
    assert_no_overlap(slots)
    assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)


def _random_graph(members: int, edges: int, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    graph = nx.Graph()
    graph.add_nodes_from(f"m{i}" for i in range(members))
    while graph.number_of_edges() < edges:
        a, b = rng.sample(range(members), 2)
        graph.add_edge(f"m{a}", f"m{b}")
    return graph


def test_the_stepwise_communities_are_networkx_own() -> None:
    """The merges one at a time (so that the drawing's budget is checked between them) give
    exactly ``greedy_modularity_communities``: the same groups in the same order."""
    for seed, (members, edges) in enumerate([(2, 1), (12, 14), (60, 90), (200, 260), (300, 900)]):
        graph = _random_graph(members, edges, seed)
        assert _greedy_modularity(graph) == greedy_modularity_communities(graph)


def test_the_search_for_groups_stops_at_the_drawing_budget() -> None:
    """Finding groups in a large sociogram took minutes (5,000 members, 50,000 ties: 200 s) and
    outlived its budget; it now stops at the deadline, between two merges."""
    graph = _random_graph(600, 2400, 7)
    order = {n: i for i, n in enumerate(graph)}
    assert communities(graph, order)  # without a budget it runs to the end
    before = budget.stopped
    with drawing_budget(1e-9), pytest.raises(DrawingTooSlow):
        communities(graph, order)
    assert budget.stopped == before + 1
