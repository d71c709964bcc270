"""The last saved record of a few cases, kept by the service that writes them.

An edit that follows an edit of the same case starts from the record this process saved last,
instead of reading the whole case back. That record is only ever a *base* for the next write:
:meth:`CaseService.edit <zorgkracht.services.cases.CaseService.edit>` hands it to
``CaseStore.save(previous=...)``, whose atomic claim checks the record's version and revision
against the stored row, so a record that is no longer what is stored (another process saved,
deleted or stored the case anew) is a conflict and never written over the stored case. Every
write path of the service drops or replaces the record of the case it writes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from zorgkracht.storage import CaseRecord

DEFAULT_SIZE = 16


class RecentCases:
    """A small least-recently-used map from case id to its last saved record."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._items: OrderedDict[str, CaseRecord] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, case_id: str, version: int) -> CaseRecord | None:
        """The record of ``case_id`` at ``version``, if that is the one kept."""
        with self._lock:
            record = self._items.get(case_id)
            if record is None or record.version != version:
                return None
            self._items.move_to_end(case_id)
            return record

    def put(self, record: CaseRecord) -> None:
        with self._lock:
            self._items[record.case.id] = record
            self._items.move_to_end(record.case.id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def drop(self, case_id: str) -> None:
        with self._lock:
            self._items.pop(case_id, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __contains__(self, case_id: object) -> bool:
        with self._lock:
            return case_id in self._items
