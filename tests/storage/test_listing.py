"""The case list: search, the archive filter, order and counts."""

from __future__ import annotations

import copy

from zorgkracht.domain.codes import CaseStatus
from zorgkracht.storage import CaseStore

from .samples import sample_case


def _add(
    store: CaseStore, case_id: str, title: str, client_name: str, archived: bool = False
) -> None:
    case = sample_case(case_id, title)
    case.network.persons[0].name = client_name
    if archived:
        case.status = CaseStatus.ARCHIVED
    store.add(case)


def test_list_searches_title_and_client_name_ignoring_case(store: CaseStore) -> None:
    _add(store, "a", "Familie Jansen", "Ében Özdemir")
    _add(store, "b", "Buurtnetwerk", "Marie Jansen")
    _add(store, "c", "Straße 12", "Piet")
    _add(store, "d", "100% hulp", "Kees")
    _add(store, "e", "Oude casus Jansen", "Anna", archived=True)

    def ids(search: str | None, archived: bool = False) -> list[str]:
        return sorted(s.id for s in store.list(search=search, include_archived=archived))

    assert ids(None) == ["a", "b", "c", "d"]
    assert ids(None, archived=True) == ["a", "b", "c", "d", "e"]
    assert ids("jansen") == ["a", "b"]
    assert ids("JANSEN", archived=True) == ["a", "b", "e"]
    assert ids("öZDEMIR") == ["a"]  # beyond ASCII, on SQLite too
    assert ids("ében") == ["a"]
    assert ids("strasse") == ["c"]  # case folding: ß is ss
    assert ids("%") == ["d"]  # LIKE wildcards are taken literally
    assert ids("_") == []
    assert ids("   ") == ["a", "b", "c", "d"]
    assert ids("nobody") == []


def test_list_is_newest_first_with_counts(store: CaseStore) -> None:
    _add(store, "x2", "Twee", "Cliënt X2")
    _add(store, "x1", "Een", "Cliënt X1")
    _add(store, "x3", "Drie", "Cliënt X3")
    record = store.get("x2")
    edited = copy.deepcopy(record.case)
    edited.snapshots.pop()
    store.save(edited, record.version)

    summaries = store.list()
    assert [s.id for s in summaries] == ["x2", "x3", "x1"]
    top = summaries[0]
    assert top.title == "Twee"
    assert top.client_name == "Cliënt X2"
    assert top.status is CaseStatus.ACTIVE
    assert top.version == 2
    assert top.persons == 7
    assert top.snapshots == 1
    assert top.updated_at == store.get("x2").updated_at
    assert summaries[1].snapshots == 2
    assert store.count() == 3
