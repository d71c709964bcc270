"""Case use cases: the transaction boundary between the interfaces and storage.

The web application and the command line both call these; neither talks to storage directly.
"""

from __future__ import annotations

import builtins
import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from zorgkracht.domain import Case, Conflict, NotFound
from zorgkracht.domain.codes import CaseStatus
from zorgkracht.interchange import case_json, network_list
from zorgkracht.interchange.detect import FileKind, load_path
from zorgkracht.storage import CaseRecord, CaseStore, CaseSummary

log = logging.getLogger(__name__)

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class ImportResult:
    kind: FileKind
    record: CaseRecord


class CaseService:
    def __init__(self, store: CaseStore) -> None:
        self.store = store

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
        record = self.store.add(case)
        log.info("case created (version %d)", record.version)
        return record

    def update(
        self, case: Case, expected_version: int, *, previous: Case | None = None
    ) -> CaseRecord:
        """Save ``case`` over ``expected_version``; ``previous`` is that version as this
        service returned it, when the caller holds it (saving is then faster)."""
        return self.store.save(case, expected_version, previous=previous)

    def delete(self, case_id: str, expected_version: int) -> None:
        self.store.delete(case_id, expected_version)

    def erase(self, case_id: str) -> None:
        """Remove a case and everything attached to it for good (the client's right to
        erasure); NotFound when it does not exist. Callers also drop their cached copies."""
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

        A case file keeps its own id (a clash is a conflict unless ``case_id`` is given); a
        network list or GEDCOM file gets a free id derived from the file name.
        """
        loaded = load_path(path, case_id=case_id, focus=focus, generations=generations)
        case = loaded.case
        if loaded.kind is not FileKind.CASE and case_id is None:
            case.id = self.free_id(case.id)
        return ImportResult(loaded.kind, self.store.add(case))

    def export_file(self, case_id: str, path: Path, *, lang: str = "nl") -> FileKind:
        """Write a stored case as a case file, or as a network list when ``path`` ends in .csv."""
        case = self.store.get(case_id).case
        if path.suffix.lower() == ".csv":
            network_list.write_network_list(case, path, lang=lang)
            return FileKind.NETWORK_LIST
        case_json.write_case(case, path)
        return FileKind.CASE

    def free_id(self, wanted: str) -> str:
        base = _SLUG.sub("-", wanted.lower()).strip("-") or "casus"
        candidate, n = base, 1
        while self._exists(candidate):
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _exists(self, case_id: str) -> bool:
        try:
            self.store.get(case_id)
        except NotFound:
            return False
        return True

    def load_demo_cases(self) -> builtins.list[str]:
        """Store the shipped demo cases when the database holds no case at all."""
        from zorgkracht.demo import load_demo_cases

        if self.store.count() > 0:
            return []
        loaded = []
        for case in load_demo_cases():
            try:
                self.store.add(case)
            except Conflict:  # another process loaded it at the same moment
                continue
            loaded.append(case.id)
        return loaded
