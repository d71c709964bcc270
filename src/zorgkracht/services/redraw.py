"""What the page already shows: the last picture drawn after an edit, per case, view and
language, so that the next edit's answer carries only the parts that changed.

The page says which version its picture shows (``drawn``); when that is the version drawn last
here, the answer holds the changed parts of the SVG (:func:`zorgkracht.render.svg_patch.
changed_parts`) instead of the whole picture, and leaves out the table when its rows are the
same. Anything else (another worker drew the last one, the page shows an older picture, the
picture's frame changed) gets the whole picture, as before.

Kept in process memory only, for a few cases (:data:`KEEP`), like the analysis panels of
:mod:`.analysing`; dropped with the other drawn parts when a case is erased
(:func:`zorgkracht.layout.memo.forget`). Nothing here is logged: it is client data.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from zorgkracht.layout.memo import on_forget
from zorgkracht.render.svg_patch import SvgParts, changed_parts, split

from .pictures import Picture

KEEP = 32
"""How many (case, view, language) pictures are kept."""

_Key = tuple[str, str, str]
_kept: OrderedDict[_Key, tuple[int, SvgParts | None, list[dict[str, str]]]] = OrderedDict()
_lock = threading.Lock()


def _clear() -> None:
    with _lock:
        _kept.clear()


on_forget(_clear)


@dataclass(frozen=True, slots=True)
class Redrawn:
    """How the page gets its picture after an edit."""

    patch: dict[str, str] | None
    """The changed parts (key → SVG text) when the page can patch its picture; else None and
    the page gets the whole picture."""
    same_rows: bool
    """The table's rows are those of the picture the page shows (its table can stay)."""


def redrawn(case_id: str, version: int, drawn: int | None, picture: Picture, lang: str) -> Redrawn:
    """Remember ``picture`` (of the case at ``version``) and say how the page that shows the
    picture of version ``drawn`` gets it."""
    key = (case_id, picture.view, lang)
    parts = split(picture.svg) if picture.svg is not None else None
    with _lock:
        before = _kept.get(key)
        if picture.svg is None:
            _kept.pop(key, None)
        else:
            _kept[key] = (version, parts, picture.rows)
            _kept.move_to_end(key)
            while len(_kept) > KEEP:
                _kept.popitem(last=False)
    if picture.svg is None or before is None or drawn is None or before[0] != drawn:
        return Redrawn(None, False)
    _version, old, rows = before
    patch = changed_parts(old, parts) if old is not None and parts is not None else None
    return Redrawn(patch, rows == picture.rows)


def remember(case_id: str, version: int, picture: Picture, lang: str) -> None:
    """Remember ``picture`` of the case at ``version`` as the one a page shows (a case page
    drawn for editing), so that the page's first edit can be answered with a patch."""
    redrawn(case_id, version, None, picture, lang)


__all__ = ["KEEP", "Redrawn", "redrawn", "remember"]
