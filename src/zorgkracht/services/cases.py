"""Case use cases: the transaction, access and cache boundary between the interfaces and
storage.

The web application and the command line both call these; neither talks to storage directly.
The use cases take the :class:`~.permissions.Actor` who asks (the signed-in user, or the
command line's operator) and check what the actor may do themselves
(:func:`~.permissions.require`): ``open``, ``create_assigned``, ``replace``, ``remove``,
``set_status``, ``edit``, ``erase``, ``visible``, ``due_for_review``, ``import_file``,
``export_file`` and ``export_text``. The methods without an actor (``get``, ``list``,
``create``, ``update``, ``delete``) are their building blocks, for callers that hold no
actor: the use cases above, the tests and the benchmarks.
"""

from __future__ import annotations

import base64
import builtins
import dataclasses
import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zorgkracht.domain import Case, Conflict, InvalidInput, Problem
from zorgkracht.domain.codes import CaseStatus
from zorgkracht.domain.limits import case_id_problem
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.interchange import case_json
from zorgkracht.interchange.detect import FileKind, load_bytes, load_path
from zorgkracht.interchange.exports import export_bytes, export_kind, write_export
from zorgkracht.interchange.network_list_write import network_list_text
from zorgkracht.storage import CaseRecord, CaseStore, CaseSummary

from .edits import EditResult, apply_edit
from .permissions import Action, Actor, require
from .recent import RecentCases

log = logging.getLogger(__name__)

__all__ = [
    "CaseRecord",
    "CaseService",
    "CaseSummary",
    "FileKind",
    "ImportResult",
    "export_kind",
    "opaque_id",
    "stale_edit",
]

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

    @classmethod
    def at(cls, url: str, *, migrate: bool = False) -> CaseService:
        """The service over the database at ``url`` (a SQLAlchemy URL), migrated to the
        newest schema first when ``migrate``."""
        store = CaseStore(url)
        if migrate:
            store.migrate()
        return cls(store)

    # --- reading ------------------------------------------------------------------------
    def list(
        self, *, search: str | None = None, include_archived: bool = False
    ) -> list[CaseSummary]:
        return self.store.list(search=search, include_archived=include_archived)

    def get(self, case_id: str) -> CaseRecord:
        return self.store.get(case_id)

    def open(self, actor: Actor, case_id: str, action: Action = Action.VIEW) -> CaseRecord:
        """The stored case, when ``actor`` may do ``action`` with it."""
        require(actor, action, case_id)
        return self.get(case_id)

    def visible(
        self, actor: Actor, *, search: str | None = None, include_archived: bool = False
    ) -> builtins.list[CaseSummary]:
        """The cases in ``actor``'s list: every case for a role that may list any, else the
        ones assigned to them."""
        rows = self.list(search=search, include_archived=include_archived)
        if actor.may(Action.LIST_CASES):
            return rows
        return [r for r in rows if r.id in actor.case_ids]

    def due_for_review(self, actor: Actor, days: int) -> builtins.list[CaseSummary]:
        """Archived cases not changed for ``days`` days: to be reviewed (kept or erased), for
        a role that may list every case."""
        require(actor, Action.LIST_CASES)
        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
        return [
            r
            for r in self.store.list(include_archived=True)
            if r.status is CaseStatus.ARCHIVED and r.updated_at < cutoff
        ]

    # --- writing ------------------------------------------------------------------------
    def create(self, case: Case, *, assign_to: int | None = None) -> CaseRecord:
        """Store a new case under its own id; Conflict when the id is taken. With
        ``assign_to`` the case is assigned to that user in the same transaction."""
        self.recent.drop(case.id)
        record = self.store.add(case, assign_to=assign_to)
        log.info("case created (version %d)", record.version)
        return record

    def create_new(
        self, case: Case, *, keep_id: bool = False, assign_to: int | None = None
    ) -> CaseRecord:
        """Store a new case under a new opaque id (:func:`opaque_id`), or under its own id when
        ``keep_id`` and that id is well-formed and free. Never a Conflict over the id: whether
        another professional's case holds an id is not revealed by a refusal."""
        if keep_id and case_id_problem(case.id) is None:
            try:
                return self.create(case, assign_to=assign_to)
            except Conflict:
                pass
        for _attempt in range(5):
            case.id = opaque_id()
            try:
                return self.create(case, assign_to=assign_to)
            except Conflict:  # 50 random bits taken: try again
                continue
        raise Conflict("Probeer het nog eens.", "Please try again.")

    def create_assigned(self, actor: Actor, case: Case, *, keep_id: bool = False) -> CaseRecord:
        """Store a new case (see :meth:`create_new`) and assign it to ``actor``, in one
        transaction: when the assignment fails, no case is stored. The command line's operator
        has no account: its cases are assigned to nobody."""
        require(actor, Action.CREATE)
        return self.create_new(case, keep_id=keep_id, assign_to=actor.user_id)

    def replace(self, actor: Actor, case_id: str, case: Case, expected_version: int) -> CaseRecord:
        """Save ``case`` as the whole new content of ``case_id`` over ``expected_version``."""
        require(actor, Action.EDIT, case_id)
        if case.id != case_id:
            raise InvalidInput(
                [
                    Problem(
                        "id",
                        f"id {case.id!r} in het bestand hoort niet bij /api/cases/{case_id}",
                        f"id {case.id!r} in the body does not match /api/cases/{case_id}",
                        "mismatch",
                    )
                ]
            )
        return self.update(case, expected_version)

    def remove(self, actor: Actor, case_id: str, expected_version: int) -> None:
        """Delete the case at ``expected_version`` (it can no longer be opened)."""
        require(actor, Action.DELETE, case_id)
        self.delete(case_id, expected_version)

    def set_status(self, actor: Actor, case_id: str, status: CaseStatus) -> None:
        """Archive or restore a case, read again and retried when it changes in between."""
        for _attempt in range(3):
            record = self.open(actor, case_id, Action.EDIT)
            if record.case.status == status:
                return
            try:
                self.update(dataclasses.replace(record.case, status=status), record.version)
                return
            except Conflict:  # changed in between: read again and retry
                continue
        raise Conflict(
            "De casus werd steeds tegelijk gewijzigd; probeer het nog eens.",
            "The case kept being changed at the same time; please try again.",
        )

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
        self, actor: Actor, case_id: str, expected_version: int, operation: Any
    ) -> tuple[EditResult, CaseRecord]:
        """Apply one edit operation (:mod:`zorgkracht.services.edits`) to the case at
        ``expected_version`` and save it; the result and the saved record.

        The base is the record this service saved last when it is at that version, else the
        stored case. A remembered base that is no longer the stored case (another process
        deleted and stored it anew) is refused by the store's claim; the edit is then tried
        once more from the stored case."""
        require(actor, Action.EDIT, case_id)
        base = self.recent.get(case_id, expected_version)
        remembered = base is not None
        if base is None:
            base = self._base(case_id, expected_version)
        self.recent.drop(case_id)
        # the store's save checks every invariant before it writes: checked once, not twice
        try:
            result = apply_edit(base.case, operation, check=False)
            saved = self.store.save(result.case, expected_version, previous=base)
        except Conflict:
            if not remembered:
                raise
            log.info("remembered base of an edit was stale; edit retried from the database")
            base = self._base(case_id, expected_version)
            result = apply_edit(base.case, operation, check=False)
            saved = self.store.save(result.case, expected_version, previous=base)
        self.recent.put(saved)
        return result, saved

    def _base(self, case_id: str, expected_version: int) -> CaseRecord:
        record = self.store.get(case_id)
        if record.version != expected_version:
            raise stale_edit(case_id, record.version, expected_version)
        return record

    def erase(self, actor: Actor, case_id: str) -> None:
        """Remove a case and everything attached to it for good (the client's right to
        erasure); NotFound when it does not exist. Callers also drop their cached copies."""
        require(actor, Action.ERASE, case_id)
        self.recent.drop(case_id)
        self.store.erase(case_id)
        from zorgkracht.layout import memo

        memo.forget(case_id)
        from .analysing import forget_panels

        forget_panels(case_id)
        log.info("case erased")

    def import_file(
        self,
        actor: Actor,
        path: Path,
        *,
        case_id: str | None = None,
        focus: str | None = None,
        generations: int | None = None,
        nc_mapping: Path | None = None,
        nc_variables: dict[str, str | None] | None = None,
    ) -> ImportResult:
        """Read and store a case file, network list or GEDCOM file, all or nothing.

        With ``case_id`` the case is stored under that id (a Conflict when it is taken: the
        operator chose it). Otherwise a case file keeps its own id when that is well-formed
        and free, and gets a new opaque id when not; a network list or GEDCOM file always gets
        a new opaque id (ids made from file names or titles would carry client names).
        """
        require(actor, Action.CREATE)
        from zorgkracht.interchange.network_canvas import mapping_for  # only when importing

        mapping = mapping_for(nc_mapping, **(nc_variables or {}))  # Network Canvas
        loaded = load_path(
            path, case_id=case_id, focus=focus, generations=generations, nc_mapping=mapping
        )
        case = loaded.case
        if case_id is not None:
            return ImportResult(loaded.kind, self.create(case))
        record = self.create_new(case, keep_id=loaded.kind is FileKind.CASE)
        return ImportResult(loaded.kind, record)

    def import_bytes(self, actor: Actor, data: bytes, source: str) -> ImportResult:
        """Read and store the file ``data`` (any format read by content: case file, network
        list, GEDCOM, GraphML, easyNWK, one Network Canvas attribute list or zip), all or
        nothing; ids as :meth:`import_file` gives them without ``case_id``."""
        require(actor, Action.CREATE)
        loaded = load_bytes(data, source)
        record = self.create_new(loaded.case, keep_id=loaded.kind is FileKind.CASE)
        return ImportResult(loaded.kind, record)

    def export_bytes(
        self,
        actor: Actor,
        case_id: str,
        kind: FileKind,
        *,
        lang: str = "nl",
        snapshot: str | None = None,
        hide_sensitive: bool = False,
        gedcom_version: str = "5.5.1",
    ) -> bytes:
        """A stored case as the bytes of a file of ``kind`` (:func:`export_bytes`)."""
        case = self.open(actor, case_id, Action.EXPORT_CASE_FILE).case
        return export_bytes(
            case,
            kind,
            snapshot=snapshot,
            hide_sensitive=hide_sensitive,
            gedcom_version=gedcom_version,
            lang=lang,
        )

    def export_file(
        self,
        actor: Actor,
        case_id: str,
        path: Path,
        *,
        lang: str = "nl",
        snapshot: str | None = None,
        hide_sensitive: bool = False,
        gedcom_version: str = "5.5.1",
    ) -> FileKind:
        """Write a stored case in the format of ``path``'s suffix (:mod:`.exports`): a case
        file, a network list, GraphML, GEXF or GEDCOM, of ``snapshot`` and without what is
        sensitive when asked."""
        export_kind(path)  # an unknown suffix is said before the case is opened
        case = self.open(actor, case_id, Action.EXPORT_CASE_FILE).case
        return write_export(
            case,
            path,
            snapshot=snapshot,
            hide_sensitive=hide_sensitive,
            gedcom_version=gedcom_version,
            lang=lang,
        )

    def export_text(
        self, actor: Actor, case_id: str, kind: FileKind, *, hide_sensitive: bool, lang: str
    ) -> str:
        """A stored case as the text of a case file or a network list (``kind``); with
        ``hide_sensitive`` without what is marked sensitive (in the network now and in every
        snapshot)."""
        record = self.open(actor, case_id, Action.EXPORT_CASE_FILE)
        case = without_sensitive(record.case) if hide_sensitive else record.case
        if kind is FileKind.NETWORK_LIST:
            return network_list_text(case, lang=lang)
        return case_json.dumps(case)

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
