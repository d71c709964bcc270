"""Benchmark: reading, saving and listing one case in the store, on SQLite and PostgreSQL.

Run with ``python -m benchmarks.bench_storage``. Cases come from the seeded generator of
:mod:`benchmarks.bench_edit` (150 persons, 299 ties, 6 domains; and 500 persons). SQLite uses a
temporary file; PostgreSQL a throwaway database that the script creates and drops
(``--pg-url`` names the server, default the local one with trust auth; ``--no-pg`` skips it).
Twenty small cases more are stored so the list has something to list.

Saves are timed two ways: alternating between the case and the case with one person and one
tie edited (what one edit in the web app saves), and alternating between the case with and
without a snapshot (the networks change, so every row of the case is deleted and written
again, the worst case). Two references are timed in the same run: ``json.dumps`` of the case
file, and a raw DB-API ``executemany`` insert of as many rows as the case has (one table, no
SQLAlchemy, no mapping). The ratio ``rewrite / raw`` says how much overhead is left above the
driver itself.
"""

from __future__ import annotations

import argparse
import copy
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, make_url

from benchmarks.bench_edit import generate
from zorgkracht.domain import Case
from zorgkracht.domain.model import Network, Snapshot
from zorgkracht.interchange.case_json import dumps
from zorgkracht.storage import CaseStore
from zorgkracht.storage.mapping import network_rows

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SIZES = (150, 500)
CASES_IN_LIST = 20


def make_case(persons: int) -> Case:
    return replace(generate(persons), id=f"bench{persons}")


def edited(case: Case) -> Case:
    """``case`` with what one edit in the web app changes: one person and one tie."""
    new = copy.deepcopy(case)
    new.network.persons[3].note = "gewijzigd"
    new.network.ties[5].strength = 3 if new.network.ties[5].strength != 3 else 1
    return new


def with_snapshot(case: Case) -> Case:
    """``case`` with a (small) snapshot more: the networks change, so every row is rewritten."""
    client = next(p for p in case.network.persons if p.id == case.client)
    intake = Network(persons=[copy.deepcopy(client)])
    return replace(case, snapshots=[Snapshot(id="s1", label="Intake", network=intake)])


def row_count(case: Case) -> int:
    return sum(1 + sum(len(rows) for rows in net.children.values()) for net in network_rows(case))


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 in milliseconds over ``runs`` calls, after two warm-up calls."""
    fn()
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def raw_sqlite(path: Path, rows: int) -> Callable[[], object]:
    conn = sqlite3.connect(path / "raw.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (a INTEGER, b TEXT, c TEXT, d INTEGER, e TEXT)")
    data = [(i, f"m{i}", "Lid", i % 3, "") for i in range(rows)]

    def run() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM t")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", data)
        conn.execute("COMMIT")

    return run


def raw_pg(url: str, rows: int) -> Callable[[], object]:
    u = make_url(url)
    conn = psycopg.connect(
        host=u.host, port=u.port, user=u.username, dbname=u.database, autocommit=False
    )
    conn.execute("CREATE TABLE IF NOT EXISTS t (a INTEGER, b TEXT, c TEXT, d INTEGER, e TEXT)")
    conn.commit()
    data = [(i, f"m{i}", "Lid", i % 3, "") for i in range(rows)]

    def run() -> None:
        with conn.cursor() as cur:
            cur.execute("DELETE FROM t")
            cur.executemany("INSERT INTO t VALUES (%s, %s, %s, %s, %s)", data)
        conn.commit()

    return run


@contextmanager
def pg_database(server: str) -> Iterator[str]:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"zorgkracht_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def bench_case(
    backend: str, store: CaseStore, persons: int, raw: Callable[[], object], runs: int
) -> str:
    case = make_case(persons)
    version = store.add(case).version
    edits = [edited(case), case]
    rewrites = [with_snapshot(case), case]

    def save(cases: list[Case]) -> None:
        nonlocal version
        cases.reverse()
        version = store.save(cases[0], version).version

    get_ms = timed(partial(store.get, case.id), runs)
    save_ms = timed(partial(save, edits), runs)
    rewrite_ms = timed(partial(save, rewrites), runs)
    list_ms = timed(store.list, runs)
    json_ms = timed(partial(dumps, case), runs)
    raw_ms = timed(raw, runs)
    ties = len(case.network.ties)
    return (
        f"| {backend} | {persons} / {ties} | {row_count(case)} "
        f"| {get_ms[0]:.1f} / {get_ms[1]:.1f} | {save_ms[0]:.1f} / {save_ms[1]:.1f} "
        f"| {rewrite_ms[0]:.1f} / {rewrite_ms[1]:.1f} "
        f"| {list_ms[0]:.1f} / {list_ms[1]:.1f} | {json_ms[0]:.1f} "
        f"| {raw_ms[0]:.1f} | {rewrite_ms[0] / raw_ms[0]:.1f}× |"
    )


def bench(
    backend: str, url: str, raw: Callable[[int], Callable[[], object]], runs: int
) -> list[str]:
    with CaseStore(url) as store:
        store.migrate()
        for k in range(CASES_IN_LIST):
            store.add(replace(generate(20, seed=k), id=f"other{k}", title=f"Casus {k}"))
        return [
            bench_case(backend, store, persons, raw(row_count(make_case(persons))), runs)
            for persons in SIZES
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pg-url", default=DEFAULT_PG)
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    lines = [
        "| backend | persons / ties | rows | get ms (median / p95) "
        "| save, one edit ms (median / p95) | save, all rows rewritten ms (median / p95) "
        f"| list of {CASES_IN_LIST + 2} ms (median / p95) | json.dumps ms "
        "| raw executemany ms | rewrite / raw |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp)
        lines += bench(
            "SQLite",
            f"sqlite:///{path / 'bench.sqlite'}",
            lambda rows: raw_sqlite(path, rows),
            args.runs,
        )
    if not args.no_pg:
        with pg_database(args.pg_url) as url:
            lines += bench("PostgreSQL", url, lambda rows: raw_pg(url, rows), args.runs)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
