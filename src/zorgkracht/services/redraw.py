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

import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zorgkracht.layout.memo import on_forget
from zorgkracht.render.svg_patch import HTML, SvgParts, changed_parts, split

from .pictures import Picture

KEEP = 32
"""How many (case, view, language) pictures are kept."""


_Fragment = tuple[str, SvgParts | None]
"""A page fragment as drawn, and in parts."""


@dataclass(slots=True)
class _Shown:
    """What a page shows of a case at ``version``: the picture in parts, its table's rows,
    and the page fragments in parts (those drawn since; a fragment an edit does not draw
    again is the same as before)."""

    version: int
    svg: SvgParts | None
    rows: list[dict[str, str]]
    fragments: dict[str, _Fragment]


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
    fragments: dict[str, _Fragment]
    """The fragments of the page that shows version ``drawn`` (empty: unknown)."""


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


@dataclass(frozen=True, slots=True)
class Fragments:
    """How the page gets its fragments after an edit."""

    whole: dict[str, str]
    """Fragments sent whole: name → HTML."""
    rows: dict[str, dict[str, str]]
    """Fragments patched: name → the parts that changed (key → HTML)."""
    data: dict[str, dict[str, Any]]
    """Changed JSON scripts of patched fragments (``<script type="application/json">``):
    the script's id → :func:`json_changes`; the script itself is then not in ``rows``."""


def fragment_patches(
    case_id: str, view: str, lang: str, version: int, since: Redrawn, drawn: dict[str, str]
) -> Fragments:
    """Of the page fragments ``drawn`` for the case at ``version`` (name → HTML): those the
    page gets whole, and those it can patch (name → changed parts), against the fragments of
    the page ``since`` says; one that is the same as there is left out. Remembered for the
    next edit."""
    out = Fragments({}, {}, {})
    splits: dict[str, _Fragment] = {}
    for name, html in drawn.items():
        before = since.fragments.get(name)
        if before is not None and before[0] == html:  # the page shows it already
            splits[name] = before
            continue
        parts = split(html, HTML)
        splits[name] = (html, parts)
        old = before[1] if before is not None else None
        change = changed_parts(old, parts) if old is not None and parts is not None else None
        if change is None:
            out.whole[name] = html
            continue
        for key in [k for k in change if k.startswith('id="')]:
            data = json_changes(old.parts[key], change[key]) if old is not None else None
            if data is not None:
                out.data[key[4:-1]] = data
                del change[key]
        out.rows[name] = change
    with _lock:
        shown = _kept.get((case_id, view, lang))
        if shown is not None and shown.version == version:
            shown.fragments.update(splits)
    return out


_JSON_SCRIPT = re.compile(r'^\s*<script type="application/json"[^>]*>(.*)</script>\s*$', re.S)


def json_changes(old: str, new: str) -> dict[str, Any] | None:
    """What changed between two JSON scripts holding an object: ``{"values": {key: value},
    "entries": {key: {id: entry}}, "drop": {key: [id, …]}}``. A key whose value is an object
    of objects (persons by id) is compared by its entries: ``entries`` holds the changed and
    new ones (new ones come after the others, as in the object), ``drop`` the removed ones;
    any other changed key is in ``values`` whole. None when either is not such a script."""
    found_old, found_new = _JSON_SCRIPT.match(old), _JSON_SCRIPT.match(new)
    if found_old is None or found_new is None:
        return None
    before, after = json.loads(found_old.group(1)), json.loads(found_new.group(1))
    if not isinstance(before, dict) or not isinstance(after, dict) or before.keys() != after.keys():
        return None
    values: dict[str, Any] = {}
    entries: dict[str, dict[str, Any]] = {}
    dropped: dict[str, list[str]] = {}
    for key, value in after.items():
        was = before[key]
        if value == was:
            continue
        kept = [k for k in was if k in value] if _by_id(value) and _by_id(was) else None
        if kept is not None and list(value)[: len(kept)] == kept:
            entries[key] = {k: v for k, v in value.items() if was.get(k) != v}
            gone = [k for k in was if k not in value]
            if gone:
                dropped[key] = gone
        else:
            values[key] = value
    return {"values": values, "entries": entries, "drop": dropped}


def _by_id(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, dict) for v in value.values())


def remember(case_id: str, version: int, picture: Picture, lang: str) -> None:
    """Remember ``picture`` of the case at ``version`` as the one a page shows (a case page
    drawn for editing), so that the page's first edit can be answered with a patch."""
    redrawn(case_id, version, None, picture, lang, edited=False)


def on_erase(clear: Callable[[], None]) -> None:
    """Have ``clear`` called when a case is erased (with every drawn part kept in memory): for
    the web application's own kept parts, such as the person list's rows."""
    on_forget(clear)


__all__ = [
    "KEEP",
    "Fragments",
    "Redrawn",
    "fragment_patches",
    "json_changes",
    "on_erase",
    "redrawn",
    "remember",
]
