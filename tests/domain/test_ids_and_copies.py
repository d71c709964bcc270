"""The one id allocator and the one copy of a case."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings

from tests.strategies import cases
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case, Network, Person, Snapshot
from zorgkracht.domain.copies import copy_case, copy_network
from zorgkracht.domain.ids import PREFIX, IdPool, derived_id, new_id, next_id, used_ids
from zorgkracht.domain.process import HelpQuestion, Process
from zorgkracht.storage import mapping


def test_numbered_and_derived_ids_skip_what_is_taken() -> None:
    assert new_id(set(), "p") == "p1"
    assert new_id({"p1", "p2", "p4"}, "p") == "p3"
    assert derived_id(set(), "jan") == "jan"
    assert derived_id({"jan", "jan-2"}, "jan") == "jan-3"
    pool = IdPool()
    assert [pool.derived("jan"), pool.derived("jan"), pool.numbered("t")] == [
        "jan",
        "jan-2",
        "t1",
    ]


def test_every_kind_has_its_prefix_and_ids_are_fresh_in_the_whole_case() -> None:
    case = Case(
        id="c",
        title="C",
        client="p1",
        network=Network(persons=[Person(id="p1", name="Kim")]),
        snapshots=[
            Snapshot(id="s1", label="oud", network=Network(persons=[Person(id="p2", name="Oud")]))
        ],
        process=Process(help_questions=[HelpQuestion(id="hq1", text="Vervoer")]),
    )
    assert used_ids(case) == {"p1", "p2", "s1", "hq1"}
    fresh = {kind: next_id(case, kind) for kind in PREFIX}
    assert fresh == {
        "persons": "p3",
        "ties": "t1",
        "domains": "d1",
        "couples": "c1",
        "children": "ch1",
        "emotions": "e1",
        "events": "ev1",
        "snapshots": "s2",
        "help_questions": "hq2",
        "meetings": "mt1",
        "actions": "ac1",
        "evaluations": "evl1",
    }
    assert IdPool.of(case).numbered("p") == "p3"


def test_the_copy_of_a_demo_case_is_equal_and_shares_nothing_mutable() -> None:
    for case in load_demo_cases():
        copied = copy_case(case)
        assert copied == case == copy.deepcopy(case)
        assert copied.network is not case.network
        assert copied.network.persons[0] is not case.network.persons[0]
        assert copied.network.persons[0].identities is not case.network.persons[0].identities
        assert copy_network(case.network) == case.network


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_copy_equals_a_deep_copy(case: Case) -> None:
    assert copy_case(case) == copy.deepcopy(case)


def test_storage_hands_out_the_same_copy() -> None:
    assert mapping.copy_case is copy_case
