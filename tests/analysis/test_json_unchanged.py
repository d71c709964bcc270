"""``zorgkracht analyse --json`` and ``compare --json`` stay byte for byte what they were.

The golden files under ``golden/`` were written from the code before the analysis result was
typed (issue 11, item 3): one ``analyse --json`` document for every demo case and each of its
snapshots, one ``compare --json`` document for every ordered pair of its states (snapshots and
``current``), and the same for a few seeded generated cases with snapshots, instruments, carers,
pets and deceased persons. "Today" is frozen, so that care durations of the network now do not
move with the calendar. Regenerate (only when a documented shape changes on purpose) with
``ZORGKRACHT_REGEN_GOLDEN=1``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

from zorgkracht.analysis import SIGNAL_CODES
from zorgkracht.cli.main import main
from zorgkracht.demo import DEMO_IDS, demo_path
from zorgkracht.domain import Case, Network, Person, Tie
from zorgkracht.domain.codes import (
    INSTRUMENT_ITEMS,
    ROLE_SECTOR,
    AgeGroup,
    CareTask,
    Circle,
    ConditionKind,
    ConditionState,
    Direction,
    EducationLevel,
    Energy,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)
from zorgkracht.domain.model import Condition, InstrumentResponse, Snapshot
from zorgkracht.interchange.case_json import read_case, write_case

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("ZORGKRACHT_REGEN_GOLDEN") == "1"
TODAY = (2026, 12, 1)
CURRENT = "current"
GENERATED = (
    ("gen-empty", 0, 0, "any"),
    ("gen-small", 6, 1, "any"),
    ("gen-medium", 18, 2, "any"),
    ("gen-large", 40, 3, "any"),
    ("gen-family", 8, 6, "kin"),
    ("gen-services", 5, 5, "services"),
)
"""(name, members, seed, sector of the roles) of the generated cases: ``any`` role, or only
roles of one MSNA sector in the network now and at the start, and mostly so later (``~``)."""

_REAL_DATE = dt.date


class _FrozenMeta(type):
    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, _REAL_DATE)

    def __subclasscheck__(cls, sub: type) -> bool:
        return issubclass(sub, _REAL_DATE)


class FrozenDate(dt.date, metaclass=_FrozenMeta):
    """``datetime.date`` whose ``today()`` is :data:`TODAY` (real dates still pass isinstance)."""

    @classmethod
    def today(cls) -> FrozenDate:
        return cls(*TODAY)


def _roles(pool: str) -> list[Role | None]:
    if pool == "any":
        return [None, *Role]
    return [r for r, sector in ROLE_SECTOR.items() if sector.value == pool]


def _member(rng: random.Random, i: int, pool: str) -> Person:
    kind = rng.random()
    return Person(
        id=f"m{i:02d}",
        name=f"Lid {i}",
        gender=rng.choice(list(Gender)),
        birth_year=rng.choice([None, rng.randint(1930, 2016)]),
        age_group=rng.choice([None, None, *AgeGroup]),
        pet="hond" if kind < 0.06 else None,
        deceased=0.06 <= kind < 0.12,
        conditions=[
            Condition(kind=rng.choice(list(ConditionKind)), state=rng.choice(list(ConditionState)))
        ]
        if rng.random() < 0.2
        else [],
        role=rng.choice(
            _roles("any" if pool.endswith("~") and rng.random() < 0.2 else pool.rstrip("~"))
        ),
        circle=rng.choice([None, *Circle]),
        zone=rng.choice([None, *Zone]),
        frequency=rng.choice([None, *Frequency]),
        education=rng.choice([None, *EducationLevel]),
        status=rng.choice([None, *TieStatus]),
        sensitive=rng.random() < 0.2,
    )


def _client_tie(rng: random.Random, pid: str, k: int) -> Tie:
    since = rng.random()
    a, b = ("c", pid) if rng.random() < 0.8 else (pid, "c")
    return Tie(
        id=f"tc{k}",
        a=a,
        b=b,
        strength=rng.randint(1, 3),
        quality=rng.choice([Quality.POSITIVE, Quality.POSITIVE, Quality.TENSE, Quality.CONFLICT]),
        direction=rng.choice(list(Direction)),
        support=set(rng.sample(list(Support), rng.randint(0, 3))),
        reciprocal=rng.choice([True, False, None]),
        care_hours_per_week=rng.choice([None, None, 2.0, 8.5, 12.0, 30.0]),
        care_months=rng.randint(0, 24) if since < 0.3 else None,
        care_since=_REAL_DATE(rng.randint(2000, 2025), rng.randint(1, 12), rng.randint(1, 28))
        if 0.3 <= since < 0.6
        else None,
    )


def _network(rng: random.Random, members: int, pool: str) -> Network:
    persons = [Person(id="c", name="Cliënt", gender=Gender.FEMALE, birth_year=1970)]
    persons += [_member(rng, i, pool) for i in range(1, members + 1)]
    ids = [p.id for p in persons[1:]]
    ties = [_client_tie(rng, pid, k) for k, pid in enumerate(ids) if rng.random() < 0.85]
    for k in range(members if members >= 2 else 0):
        a, b = rng.sample(ids, 2)
        ties.append(
            Tie(
                id=f"tm{k}",
                a=a,
                b=b,
                strength=rng.randint(1, 3),
                quality=rng.choice([Quality.POSITIVE, Quality.TENSE, Quality.CONFLICT]),
            )
        )
    return Network(persons=persons, ties=ties)


def _instruments(rng: random.Random, year: int) -> list[InstrumentResponse]:
    out: list[InstrumentResponse] = []
    for code in sorted(INSTRUMENT_ITEMS):
        if rng.random() < 0.25:
            continue
        items, low, high = INSTRUMENT_ITEMS[code]
        answers: dict[str, int | None] = {
            str(i): None if rng.random() < 0.1 else rng.randint(low, high)
            for i in range(1, items + 1)
        }
        taken = _REAL_DATE(year, rng.randint(1, 12), 1) if rng.random() < 0.7 else None
        out.append(InstrumentResponse(instrument=code, answers=answers, taken_on=taken))
    return out


def _new_fields(network: Network, rng: random.Random) -> Network:
    """The fields of issue 12 (wish, energy, may be asked, receives care, own needs,
    organisation, a household, care tasks and the client's own care), drawn from their own
    seeded ``rng`` after the network is built, so the draws above stay as they were."""
    members = network.persons[1:]
    for p in members:
        p.wish = rng.choice([None, None, *Wish])
        p.energy = rng.choice([None, *Energy])
        p.may_ask = rng.choice([None, True, False])
        p.receives_care = rng.random() < 0.1
        p.own_needs = rng.random() < 0.1
        p.organisation = rng.random() < 0.05
    humans = [p.id for p in members if p.pet is None and not p.deceased]
    network.household = ["c", *rng.sample(humans, min(len(humans), rng.randint(0, 2)))]
    for t in network.ties:
        t.care_tasks = set(rng.sample(list(CareTask), rng.randint(0, 2)))
        if "c" in (t.a, t.b) and rng.random() < 0.25:
            t.client_care_hours_per_week = rng.choice([None, 3.0, 9.0, 20.0])
            t.client_care_months = rng.choice([None, 2, 4, 36])
            t.client_care_tasks = set(rng.sample(list(CareTask), rng.randint(0, 3)))
    return network


def generated_case(name: str, members: int, seed: int, pool: str) -> Case:
    """A seeded case: the network now and two snapshots with instruments."""
    case = _generated_case(name, members, seed, pool)
    for k, net in enumerate([case.network, *(s.network for s in case.snapshots)]):
        _new_fields(net, random.Random(f"{name}-{k}"))
    return case


def _generated_case(name: str, members: int, seed: int, pool: str) -> Case:
    rng = random.Random(seed)
    if members == 0:
        return Case(id=name, title=name, client="c", network=_network(rng, 0, pool))
    snapshots = [
        Snapshot(
            id=sid,
            label=sid,
            taken_on=_REAL_DATE(year, 3, 15) if sid == "start" or rng.random() < 0.5 else None,
            network=_network(
                rng,
                max(1, members - 3 + 2 * k),
                pool if sid == "start" or pool == "any" else f"{pool}~",
            ),
            instruments=_instruments(rng, year),
        )
        for k, (sid, year) in enumerate((("start", 2019), ("later", 2023)))
    ]
    return Case(
        id=name, title=name, client="c", network=_network(rng, members, pool), snapshots=snapshots
    )


def _documents(case: Case) -> list[tuple[str, list[str]]]:
    """(golden file name, CLI arguments after INPUT) for every state and pair of states."""
    states = [*(s.id for s in case.snapshots), CURRENT]
    docs = [
        (
            f"{case.id}.analyse.{s}",
            ["analyse", "--json"] + ([] if s == CURRENT else ["--snapshot", s]),
        )
        for s in states
    ]
    pairs = [(a, b) for a in states for b in states if a != b] or [(CURRENT, CURRENT)]
    docs += [
        (f"{case.id}.compare.{a}.{b}", ["compare", "--json", "--from", a, "--to", b])
        for a, b in pairs
    ]
    return docs


def _inputs(tmp: Path) -> list[tuple[Path, Case]]:
    found = [(demo_path(cid), read_case(demo_path(cid))) for cid in DEMO_IDS]
    for name, members, seed, pool in GENERATED:
        path = tmp / f"{name}.zorgkracht.json"
        case = generated_case(name, members, seed, pool)
        write_case(case, path)
        found.append((path, read_case(path)))
    return found


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    assert done.value.code in (0, None), err
    return out


def test_analyse_and_compare_json_are_the_golden_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _inputs(tmp_path)
    monkeypatch.setattr(dt, "date", FrozenDate)
    produced: dict[str, str] = {}
    for path, case in inputs:
        for name, args in _documents(case):
            produced[name] = _run([args[0], str(path), *args[1:]], capsys)
    monkeypatch.undo()
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob("*.json"):
            old.unlink()
        for name, text in produced.items():
            (GOLDEN / f"{name}.json").write_text(text, encoding="utf-8")
    stored = {p.name.removesuffix(".json") for p in GOLDEN.glob("*.json")}
    assert stored == set(produced), "golden documents missing or left over"
    for name, text in produced.items():
        assert text == (GOLDEN / f"{name}.json").read_text(encoding="utf-8"), name


def test_the_golden_documents_cover_what_they_should() -> None:
    """Every generated case has instruments, carers and both kinds of excluded person."""
    names = {p.name for p in GOLDEN.glob("*.json")}
    assert "karel.compare.start.later.json" in names
    assert "gen-large.analyse.start.json" in names
    seen: dict[str, Any] = {
        "instruments": 0,
        "carers": 0,
        "pets": 0,
        "deceased": 0,
        "type": 0,
        "afstand_nemen": 0,
        "client_care": 0,
        "energy": 0,
        "family": 0,
    }
    codes: set[str] = set()
    for path in GOLDEN.glob("*.analyse.*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        seen["instruments"] += len(doc["instruments"])
        seen["carers"] += len(doc["carers"])
        seen["pets"] += len(doc["excluded"]["pets"])
        seen["deceased"] += len(doc["excluded"]["deceased"])
        seen["type"] += doc["typology"]["type"] is not None
        seen["afstand_nemen"] += sum(r["action"] == "afstand_nemen" for r in doc["radio"])
        seen["client_care"] += len(doc["client_care"]["carers"])
        seen["energy"] += doc["energy"]["gives"] + doc["energy"]["costs"]
        seen["family"] += len(doc["client_system"]) > 1
        codes.update(s["code"] for s in doc["signals"])
    assert all(seen.values()), seen
    assert codes == set(SIGNAL_CODES)
    intended = 0
    for path in GOLDEN.glob("*.compare.*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        intended += sum(d["intended"] for d in doc["departures"])
    assert intended
