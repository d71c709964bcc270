"""What the page already shows: the last picture drawn after an edit, per case, view and
language, so that the next edit's answer carries only the parts that changed.

The page says which version its picture shows (``drawn``); when that is the version drawn last
here, the answer holds the changed parts of the SVG (:func:`zorgkracht.render.svg_patch.
changed_parts`) instead of the whole picture, leaves out the table when its rows are the same,
and sends of the page fragments it draws again (person list, table, analysis) only the rows
that changed when the fragment was drawn here before (:func:`fragment_patches`). Anything else
(another worker drew the last one, the page shows an older picture, the frame changed) gets
the whole picture and fragments, as before.

Kept in process memory only, for a few cases (:data:`KEEP`), like the analysis panels of
:mod:`.analysing`; dropped with the other drawn parts when a case is erased
(:func:`zorgkracht.layout.memo.forget`). Nothing here is logged: it is client data.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from zorgkracht.layout.memo import on_forget
from zorgkracht.render.svg_patch import HTML, SvgParts, changed_parts, split

from .pictures import Picture

KEEP = 32
"""How many (case, view, language) pictures are kept."""


@dataclass(slots=True)
class _Shown:
    """What a page shows of a case at ``version``: the picture in parts, its table's rows,
    and the page fragments in parts (those drawn since; a fragment an edit does not draw
    again is the same as before)."""

    version: int
    svg: SvgParts | None
    rows: list[dict[str, str]]
    fragments: dict[str, SvgParts | None]


_Key = tuple[str, str, str]
_kept: OrderedDict[_Key, _Shown] = OrderedDict()
_lock = threading.Lock()


def _clear() -> None:
    with _lock:
        _kept.clear()


on_forget(_clear)


@dataclass(frozen=True, slots=True)
class Redrawn:
    """How the page gets its picture and fragments after an edit."""

    patch: dict[str, str] | None
    """The changed parts (key → SVG text) when the page can patch its picture; else None and
    the page gets the whole picture."""
    same_rows: bool
    """The table's rows are those of the picture the page shows (its table can stay)."""
    fragments: dict[str, SvgParts | None]
    """The fragments of the page that shows version ``drawn``, in parts (empty: unknown)."""


def redrawn(
    case_id: str,
    version: int,
    drawn: int | None,
    picture: Picture,
    lang: str,
    *,
    edited: bool = True,
) -> Redrawn:
    """Remember ``picture`` (of the case at ``version``, made by an edit of the version before
    when ``edited``) and say how the page that shows the picture of version ``drawn`` gets
    it."""
    key = (case_id, picture.view, lang)
    parts = split(picture.svg) if picture.svg is not None else None
    with _lock:
        before = _kept.get(key)
        if picture.svg is None:
            _kept.pop(key, None)
        else:
            # the fragments that an edit of the version before does not draw again are
            # unchanged; a page drawn anew shows those of its own version
            valid = version - 1 if edited else version
            follows = before is not None and before.version == valid
            carried = dict(before.fragments) if before is not None and follows else {}
            _kept[key] = _Shown(version, parts, picture.rows, carried)
            _kept.move_to_end(key)
            while len(_kept) > KEEP:
                _kept.popitem(last=False)
    if picture.svg is None or before is None or drawn is None or before.version != drawn:
        return Redrawn(None, False, {})
    old = before.svg
    patch = changed_parts(old, parts) if old is not None and parts is not None else None
    return Redrawn(patch, before.rows == picture.rows, dict(before.fragments))


def fragment_patches(
    case_id: str, view: str, lang: str, version: int, since: Redrawn, drawn: dict[str, str]
) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Of the page fragments ``drawn`` for the case at ``version`` (name → HTML): those the
    page gets whole, and those it can patch (name → changed parts), against the fragments of
    the page ``since`` says; remembered for the next edit."""
    whole: dict[str, str] = {}
    patches: dict[str, dict[str, str]] = {}
    splits: dict[str, SvgParts | None] = {}
    for name, html in drawn.items():
        parts = splits[name] = split(html, HTML)
        old = since.fragments.get(name)
        change = changed_parts(old, parts) if old is not None and parts is not None else None
        if change is None:
            whole[name] = html
        else:
            patches[name] = change
    with _lock:
        shown = _kept.get((case_id, view, lang))
        if shown is not None and shown.version == version:
            shown.fragments.update(splits)
    return whole, patches


def remember(case_id: str, version: int, picture: Picture, lang: str) -> None:
    """Remember ``picture`` of the case at ``version`` as the one a page shows (a case page
    drawn for editing), so that the page's first edit can be answered with a patch."""
    redrawn(case_id, version, None, picture, lang, edited=False)


def on_erase(clear: Callable[[], None]) -> None:
    """Have ``clear`` called when a case is erased (with every drawn part kept in memory): for
    the web application's own kept parts, such as the person list's rows."""
    on_forget(clear)


__all__ = ["KEEP", "Redrawn", "fragment_patches", "on_erase", "redrawn", "remember"]
