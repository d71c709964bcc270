"""A case comes back from the store exactly as it went in, on both backends."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from sqlalchemy import Engine

from tests.strategies import cases
from zorgkracht.domain import Case
from zorgkracht.domain.codes import CareTask
from zorgkracht.storage import CaseStore

from .conftest import network_ids, table_counts
from .samples import sample_case


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=cases())
def test_add_then_get_gives_an_equal_case(store: CaseStore, case: Case) -> None:
    record = store.add(case)
    try:
        assert record.version == 1
        assert record.case == case
        loaded = store.get(case.id)
        assert loaded.case == case
        assert loaded.version == 1
        assert loaded.created_at == record.created_at
        assert loaded.updated_at == record.updated_at
    finally:
        store.delete(case.id, 1)


def test_every_list_keeps_its_order(store: CaseStore) -> None:
    case = sample_case()
    store.add(case)
    loaded = store.get(case.id).case
    assert loaded == case
    # Spelled out: none of these lists is in id order, so only an ord column gives them back.
    assert [p.id for p in loaded.network.persons] == [
        "zoë",
        "opa",
        "moeder",
        "hond",
        "buur",
        "koor",
        "broer",
    ]
    assert loaded.network.household == ["zoë", "hond", "broer"]
    assert [t.id for t in loaded.network.ties] == ["t7", "t3", "t1"]
    assert [c.id for c in loaded.network.children] == ["k2", "k1", "k0"]
    assert loaded.network.children[1].parents == ["moeder", "opa"]
    assert loaded.network.domains[0].members == ["buur", "broer"]
    assert loaded.network.events[1].persons == ["zoë", "buur"]
    assert [s.id for s in loaded.snapshots] == ["s-later", "s-begin"]
    assert [i.instrument for i in loaded.snapshots[0].instruments] == ["djg6", "lsns6"]
    assert loaded.network.persons[0].conditions == case.network.persons[0].conditions
    assert [i.instrument for i in loaded.instruments] == ["csi", "perception"]
    assert loaded.instruments[0].respondent == "moeder"
    assert loaded.snapshots[0].instruments[0].respondent == "broer"
    assert loaded.network.ties[0].care_tasks == {CareTask.HOUSEHOLD, CareTask.SUPERVISION}
    assert loaded.network.ties[0].client_care_tasks == {
        CareTask.TRANSPORT,
        CareTask.ADMINISTRATION,
    }
    assert loaded.network.persons[5].organisation


def test_the_case_is_stored_in_tables_not_one_blob(store: CaseStore, sql: Engine) -> None:
    store.add(sample_case())
    counts = table_counts(sql)
    assert counts["cases"] == 1
    assert counts["networks"] == 3  # the current network and two snapshots
    assert counts["persons"] == 7 + 5 + 5
    assert counts["person_identities"] == 2 * 3
    assert counts["person_conditions"] == 2 * 3
    assert counts["household_members"] == 3 + 2 + 2
    assert counts["couples"] == 2 * 3
    assert counts["child_relations"] == 3 + 2 + 2
    assert counts["child_parents"] == 5 + 4 + 4
    assert counts["emotional_relations"] == 2 * 3
    assert counts["ties"] == 3 + 2 + 2
    assert counts["domains"] == 2 * 3
    assert counts["domain_members"] == 2 * 3
    assert counts["life_events"] == 2 * 3
    assert counts["life_event_persons"] == 3 * 3
    assert counts["instrument_responses"] == 2 + 2  # now, and one snapshot


def test_timestamps_are_aware_utc(store: CaseStore) -> None:
    before = dt.datetime.now(dt.UTC)
    record = store.add(sample_case())
    loaded = store.get(record.case.id)
    assert loaded.created_at.tzinfo is not None
    assert loaded.created_at.utcoffset() == dt.timedelta(0)
    assert before <= loaded.created_at <= dt.datetime.now(dt.UTC)
    assert loaded.created_at == loaded.updated_at == record.created_at


def test_delete_removes_every_row_of_the_case(store: CaseStore, sql: Engine) -> None:
    keep = store.add(sample_case("keep"))
    gone = store.add(sample_case("gone"))
    kept_networks = network_ids(sql, "keep")
    before = table_counts(sql)
    store.delete("gone", gone.version)
    after = table_counts(sql)
    assert network_ids(sql, "gone") == []
    assert network_ids(sql, "keep") == kept_networks
    assert all(after[t] * 2 == before[t] for t in before), (before, after)
    assert store.get("keep").case == keep.case
