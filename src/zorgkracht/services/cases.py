"""Case use cases: the transaction boundary between the interfaces and storage.

The web application and the command line both call these; neither talks to storage directly.
"""

from __future__ import annotations

import base64
import builtins
import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zorgkracht.domain import Case, Conflict
from zorgkracht.domain.codes import CaseStatus
from zorgkracht.domain.limits import case_id_problem
from zorgkracht.interchange import case_json, network_list
from zorgkracht.interchange.detect import FileKind, load_path
from zorgkracht.storage import CaseRecord, CaseStore, CaseSummary

from .edits import EditResult, apply_edit
from .recent import RecentCases

log = logging.getLogger(__name__)

OPAQUE_PREFIX = "c-"


def opaque_id() -> str:
    """A new case id that says nothing about the case: ``c-`` and 10 random base32 characters
    (50 bits)."""
    token = base64.b32encode(secrets.token_bytes(10)).decode("ascii").lower()
    return OPAQUE_PREFIX + token[:10]


@dataclass(frozen=True, slots=True)
class ImportResult:
    kind: FileKind
    record: CaseRecord


def stale_edit(case_id: str, current: int, expected: int) -> Conflict:
    return Conflict(
        f"Casus '{case_id}' is intussen door iemand anders opgeslagen (versie {current}, u had "
        f"versie {expected}); laad de pagina opnieuw, uw wijziging is niet opgeslagen",
        f"Case '{case_id}' was saved by someone else in the meantime (version {current}, you "
        f"had version {expected}); reload the page, your change was not saved",
    )


class CaseService:
    """Every write goes through here: each one drops or replaces the case's record in
    :attr:`recent` (the bases of the next edits, see :mod:`zorgkracht.services.recent`)."""

    def __init__(self, store: CaseStore) -> None:
        self.store = store
        self.recent = RecentCases()

    # --- reading ------------------------------------------------------------------------
    def list(
        self, *, search: str | None = None, include_archived: bool = False
    ) -> list[CaseSummary]:
        return self.store.list(search=search, include_archived=include_archived)

    def get(self, case_id: str) -> CaseRecord:
        return self.store.get(case_id)

    def due_for_review(self, days: int) -> builtins.list[CaseSummary]:
        """Archived cases not changed for ``days`` days: to be reviewed (kept or erased)."""
        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
        return [
            r
            for r in self.store.list(include_archived=True)
            if r.status is CaseStatus.ARCHIVED and r.updated_at < cutoff
        ]

    # --- writing ------------------------------------------------------------------------
    def create(self, case: Case) -> CaseRecord:
        """Store a new case under its own id; Conflict when the id is taken."""
        self.recent.drop(case.id)
        record = self.store.add(case)
        log.info("case created (version %d)", record.version)
        return record

    def create_new(self, case: Case, *, keep_id: bool = False) -> CaseRecord:
        """Store a new case under a new opaque id (:func:`opaque_id`), or under its own id when
        ``keep_id`` and that id is well-formed and free. Never a Conflict over the id: whether
        another professional's case holds an id is not revealed by a refusal."""
        if keep_id and case_id_problem(case.id) is None:
            try:
                return self.create(case)
            except Conflict:
                pass
        for _attempt in range(5):
            case.id = opaque_id()
            try:
                return self.create(case)
            except Conflict:  # 50 random bits taken: try again
                continue
        raise Conflict("Probeer het nog eens.", "Please try again.")

    def update(
        self, case: Case, expected_version: int, *, previous: CaseRecord | None = None
    ) -> CaseRecord:
        """Save ``case`` over ``expected_version``; ``previous`` is the record of that version
        as a store returned it, when the caller holds it (saving is then faster; the store
        checks that it is still the stored case)."""
        self.recent.drop(case.id)
        saved = self.store.save(case, expected_version, previous=previous)
        self.recent.put(saved)
        return saved

    def delete(self, case_id: str, expected_version: int) -> None:
        self.recent.drop(case_id)
        self.store.delete(case_id, expected_version)

    def edit(
        self, case_id: str, expected_version: int, operation: Any
    ) -> tuple[EditResult, CaseRecord]:
        """Apply one edit operation (:mod:`zorgkracht.services.edits`) to the case at
        ``expected_version`` and save it; the result and the saved record.

        The base is the record this service saved last when it is at that version, else the
        stored case. A remembered base that is no longer the stored case (another process
        deleted and stored it anew) is refused by the store's claim; the edit is then tried
        once more from the stored case."""
        base = self.recent.get(case_id, expected_version)
        remembered = base is not None
        if base is None:
            base = self._base(case_id, expected_version)
        self.recent.drop(case_id)
        try:
            result = apply_edit(base.case, operation)
            saved = self.store.save(result.case, expected_version, previous=base)
        except Conflict:
            if not remembered:
                raise
            log.info("remembered base of an edit was stale; edit retried from the database")
            base = self._base(case_id, expected_version)
            result = apply_edit(base.case, operation)
            saved = self.store.save(result.case, expected_version, previous=base)
        self.recent.put(saved)
        return result, saved

    def _base(self, case_id: str, expected_version: int) -> CaseRecord:
        record = self.store.get(case_id)
        if record.version != expected_version:
            raise stale_edit(case_id, record.version, expected_version)
        return record

    def erase(self, case_id: str) -> None:
        """Remove a case and everything attached to it for good (the client's right to
        erasure); NotFound when it does not exist. Callers also drop their cached copies."""
        self.recent.drop(case_id)
        self.store.erase(case_id)
        from zorgkracht.layout import memo

        memo.forget(case_id)
        log.info("case erased")

    def import_file(
        self,
        path: Path,
        *,
        case_id: str | None = None,
        focus: str | None = None,
        generations: int | None = None,
    ) -> ImportResult:
        """Read and store a case file, network list or GEDCOM file, all or nothing.

        With ``case_id`` the case is stored under that id (a Conflict when it is taken: the
        operator chose it). Otherwise a case file keeps its own id when that is well-formed
        and free, and gets a new opaque id when not; a network list or GEDCOM file always gets
        a new opaque id (ids made from file names or titles would carry client names).
        """
        loaded = load_path(path, case_id=case_id, focus=focus, generations=generations)
        case = loaded.case
        if case_id is not None:
            return ImportResult(loaded.kind, self.create(case))
        record = self.create_new(case, keep_id=loaded.kind is FileKind.CASE)
        return ImportResult(loaded.kind, record)

    def export_file(self, case_id: str, path: Path, *, lang: str = "nl") -> FileKind:
        """Write a stored case as a case file, or as a network list when ``path`` ends in .csv."""
        case = self.store.get(case_id).case
        if path.suffix.lower() == ".csv":
            network_list.write_network_list(case, path, lang=lang)
            return FileKind.NETWORK_LIST
        case_json.write_case(case, path)
        return FileKind.CASE

    def load_demo_cases(self) -> builtins.list[str]:
        """Store the shipped demo cases when the database holds no case at all."""
        from zorgkracht.demo import load_demo_cases

        if self.store.count() > 0:
            return []
        loaded = []
        self.recent.clear()
        for case in load_demo_cases():
            try:
                self.store.add(case)
            except Conflict:  # another process loaded it at the same moment
                continue
            loaded.append(case.id)
        return loaded
