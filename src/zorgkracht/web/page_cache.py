"""The parts of the case page that are the same between loads of one stored state of a case.

A case page at 150 persons spends most of its server time on parts that depend only on the
case's stored state, the language and what is shown (a snapshot, without what is marked
sensitive), not on who asks: the picture of the view, the analysis, the person list (with the
page's ``case_data``) and the table view. :class:`PageCache` keeps these, rendered, for the
last few states asked for, so that loading the page again, or another view of the same case
(the person list and the analysis are the same on every view), renders only the page around
them.

The key names one stored state: the case's ``revision`` (another for a case deleted and stored
again under the same id) and ``version`` (higher after every change), and the day (ages count
from today). When a newer state of a
case is stored here, the older ones of that case are dropped; what no longer fits is dropped
oldest first; a case deleted or erased is dropped at once (:func:`forget_case`). The cache
lives on the application (``app.state.page_cache``), in memory only.
A picture that passed its time budget is not kept (another try may draw it).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from zorgkracht.services.pictures import Picture

SIZE = 8
"""How many case states (each with the views asked for) are kept: at 150 persons a state with
every view drawn holds some 2.5 MB of HTML."""


@dataclass(frozen=True)
class StateKey:
    """One stored state of a case as shown: the page parts that follow from it are the same."""

    case_id: str
    revision: str
    version: int
    lang: str
    snapshot: str
    hide_sensitive: bool
    day: str = ""
    """The date the parts were made on (ages in the tables and lists count from today)."""


@dataclass(frozen=True)
class ViewParts:
    """A view's picture and its table view (``case_table.html``) as HTML."""

    picture: Picture
    table: Markup


@dataclass
class StateParts:
    """The parts of one state shared by every view, and the views drawn so far."""

    analysis: dict[str, Any]
    system: Markup
    analysis_html: Markup
    people: Markup
    views: dict[str, ViewParts]


class PageCache:
    """A small least-recently-used store of :class:`StateParts`, safe between threads."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._items: OrderedDict[StateKey, StateParts] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def states(self) -> list[StateKey]:
        with self._lock:
            return list(self._items)

    def get(self, key: StateKey) -> StateParts | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: StateKey, parts: StateParts) -> None:
        """Keep ``parts``; other states of the same case that are older (or made on an earlier
        day) are dropped."""
        with self._lock:
            for old in [
                k
                for k in self._items
                if k.case_id == key.case_id
                and (k.revision != key.revision or k.version < key.version or k.day < key.day)
            ]:
                del self._items[old]
            self._items[key] = parts
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def drop(self, case_id: str) -> None:
        """Forget every state of a case."""
        with self._lock:
            for old in [k for k in self._items if k.case_id == case_id]:
                del self._items[old]


def forget_case(app_state: Any, case_id: str) -> None:
    """Drop every kept state of a case that was deleted or erased (its client data should not
    stay in memory until it is crowded out)."""
    cache = getattr(app_state, "page_cache", None)
    if isinstance(cache, PageCache):
        cache.drop(case_id)
