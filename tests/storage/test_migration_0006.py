"""Migration 0006 (the recorded fields) keeps every case stored at revision 0005.

A database is brought to 0005 and filled with cases the way the store of 0005 wrote them (every
column that existed then), on SQLite and PostgreSQL; after the upgrade each reads back equal,
with the new fields at their defaults, and takes the new fields. Down to 0005 and up again
keeps them too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, cast

from sqlalchemy import Engine, MetaData, Table, insert

from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case, InstrumentResponse, Network
from zorgkracht.domain.codes import CareTask, Energy, Wish
from zorgkracht.domain.process import Process
from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import make_engine
from zorgkracht.storage.mapping import network_rows, positions_to_json, search_key
from zorgkracht.storage.migrate import current_revision, head_revision
from zorgkracht.storage.models import Base, CaseRow, NetworkRow

from .migration_steps import row_counts as _counts
from .migration_steps import to_revision as _to
from .samples import sample_case


def _as_of_0005(case: Case) -> Case:
    """``case`` with only what revision 0005 could hold: none of the new fields, and no
    process (0007)."""

    def old(net: Network) -> Network:
        return dataclasses.replace(
            net,
            persons=[
                dataclasses.replace(
                    p,
                    organisation=False,
                    wish=None,
                    energy=None,
                    may_ask=None,
                    receives_care=False,
                    own_needs=False,
                )
                for p in net.persons
            ],
            ties=[
                dataclasses.replace(
                    t,
                    care_tasks=set(),
                    client_care_hours_per_week=None,
                    client_care_months=None,
                    client_care_tasks=set(),
                )
                for t in net.ties
            ],
        )

    return dataclasses.replace(
        case,
        network=old(case.network),
        process=Process(),
        instruments=[],
        snapshots=[
            dataclasses.replace(
                s,
                network=old(s.network),
                instruments=[dataclasses.replace(i, respondent=None) for i in s.instruments],
            )
            for s in case.snapshots
        ],
    )


def _old_cases() -> list[Case]:
    return [
        _as_of_0005(c) for c in [sample_case(), sample_case("zorg-2", "Tweede"), *load_demo_cases()]
    ]


def _insert_as_0005(engine: Engine, cases: list[Case]) -> None:
    """Write ``cases`` into a database at revision 0005, only into the columns it has."""
    with engine.begin() as conn:
        existing = MetaData()
        existing.reflect(conn)
        now = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
        for k, case in enumerate(cases):
            conn.execute(
                insert(cast(Table, CaseRow.__table__)),
                {
                    "id": case.id,
                    "title": case.title,
                    "client_id": case.client,
                    "index_person": case.index_person,
                    "status": case.status,
                    "note": case.note,
                    "positions": positions_to_json(case),
                    "search_key": search_key(case),
                    "version": 1 + k,
                    "revision": f"rev{k}",
                    "created_at": now,
                    "updated_at": now,
                },
            )
            for net in network_rows(case):
                network_id = conn.execute(
                    insert(cast(Table, NetworkRow.__table__)).returning(NetworkRow.id),
                    net.network,
                ).scalar_one()
                for table in Base.metadata.sorted_tables:
                    rows = net.children.get(table.name, [])
                    if not rows:
                        continue
                    columns = {c.name for c in existing.tables[table.name].c}
                    conn.execute(
                        insert(table),
                        [
                            {
                                **{c: v for c, v in r.items() if c in columns},
                                "network_id": network_id,
                            }
                            for r in rows
                        ],
                    )


def test_upgrade_from_0005_keeps_every_case(empty_url: str) -> None:
    engine = make_engine(empty_url)
    store = CaseStore(empty_url)
    try:
        _to(engine, "0005")
        cases = _old_cases()
        assert len(cases) >= 5
        _insert_as_0005(engine, cases)
        before = _counts(engine)
        store.migrate()
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        after = _counts(engine)
        # tables of later migrations start empty (0008: access tokens)
        assert {k: v for k, v in after.items() if k in before} == before  # no row lost, none added
        assert all(after[k] == 0 for k in set(after) - set(before))
        for k, case in enumerate(cases):
            record = store.get(case.id)
            assert record.case == case
            assert record.version == 1 + k and record.revision == f"rev{k}"
            assert all(p.may_ask is None and not p.organisation for p in case.network.persons)
        # the migrated case takes the new fields, through the diff-save path and in full
        record = store.get("zorg-1")
        changed = _with_new_fields(record.case)
        saved = store.save(changed, record.version, previous=record)
        assert store.get("zorg-1").case == changed
        store.save(record.case, saved.version)
        assert store.get("zorg-1").case == record.case
    finally:
        store.close()
        engine.dispose()


def test_down_to_0005_and_up_again_keeps_every_case(empty_url: str) -> None:
    engine = make_engine(empty_url)
    store = CaseStore(empty_url)
    try:
        store.migrate()
        cases = _old_cases()
        for case in cases:
            store.add(case)
        store.add(_with_new_fields(sample_case("nieuw")))
        _to(engine, "0005", down=True)
        with engine.connect() as conn:
            assert current_revision(conn) == "0005"
            persons = MetaData()
            persons.reflect(conn, only=["persons", "ties", "instrument_responses"])
        assert "wish" not in persons.tables["persons"].c
        assert "care_tasks" not in persons.tables["ties"].c
        assert "respondent" not in persons.tables["instrument_responses"].c
        store.migrate()
        for case in cases:
            assert store.get(case.id).case == case
        # what 0005 could not hold is gone, the rest of that case is kept
        assert store.get("nieuw").case == _as_of_0005(_with_new_fields(sample_case("nieuw")))
    finally:
        store.close()
        engine.dispose()


def _with_new_fields(case: Case) -> Case:
    """``case`` with every new field set somewhere (the sample case's persons and ties)."""
    net = case.network
    persons = list(net.persons)
    persons[1] = dataclasses.replace(
        persons[1], wish=Wish.LESS, energy=Energy.COSTS, may_ask=False, own_needs=True
    )
    persons[4] = dataclasses.replace(
        persons[4],
        wish=Wish.MORE,
        energy=Energy.BOTH,
        may_ask=True,
        receives_care=True,
        organisation=True,
    )
    ties = list(net.ties)
    ties[0] = dataclasses.replace(
        ties[0],
        care_tasks={CareTask.HOUSEHOLD, CareTask.PERSONAL_CARE},
        client_care_hours_per_week=3.5,
        client_care_months=14,
        client_care_tasks={CareTask.ADMINISTRATION},
    )
    answers: dict[str, Any] = {"1": 1, "2": None, "3": 2}
    return dataclasses.replace(
        case,
        network=dataclasses.replace(net, persons=persons, ties=ties),
        instruments=[
            InstrumentResponse(instrument="djg6", answers=answers, respondent=persons[2].id),
            InstrumentResponse(instrument="lsns6", taken_on=dt.date(2026, 3, 1)),
        ],
    )
