"""A drawn picture in keyed parts, and what changed between two drawings of it.

A person dragged a little way on a 150-person ecogram changes the person's group and the few
ties that bow round them; the other 400-odd groups of the 330 kB SVG are the same text. The edit
API sends the page only the parts that changed (:func:`changed_parts`), and the page swaps those
elements instead of the whole picture.

The SVG writer (:mod:`.svg`) puts every element on a line of its own, indented two spaces a
level. The *keyed parts* are the elements two levels down (the children of the picture's
top-level groups: persons, ties, domains) whose opening tag carries a ``data-…-id``
attribute; their key is that attribute as written, ``data-tie-id="t5"``, which is also the
attribute selector the page finds the element with. Everything else is the *frame*: the text
between the keyed parts, kept with the order of the keys.

Two drawings can be patched when their frames and key orders are equal: then the new picture
is the old one with the changed parts put in, byte for byte (:func:`split` checks that the parts
and frame give the picture back, so an unexpected layout of the text means "no parts", never a
wrong patch). Pure: strings in, strings out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = re.compile(r'^    <g\b[^>\n]*?\s(data-[a-z]+(?:-[a-z]+)*-id)="([\w.:-]+)"[^\n]*$', re.M)
"""The opening line of a keyed part: a ``<g>`` indented two levels, with a ``data-…-id``."""
_CLOSE = "\n    </g>"


@dataclass(frozen=True, slots=True)
class SvgParts:
    """A picture split into its keyed parts and its frame."""

    frame: tuple[str, ...]
    """The text before the first part, between each two parts, and after the last."""
    keys: tuple[str, ...]
    """The parts' keys, in the picture's order (``data-person-id="p1"``)."""
    parts: dict[str, str]
    """Key → the part's text, from its opening ``<g`` to its closing tag."""


def split(svg: str) -> SvgParts | None:
    """``svg`` in keyed parts; None when it has none, when a key is used twice, or when its
    text is not laid out as :mod:`.svg` writes it."""
    frame: list[str] = []
    keys: list[str] = []
    parts: dict[str, str] = {}
    at = 0
    for found in _OPEN.finditer(svg):
        start = found.start()
        if start < at:  # inside the previous part: not two levels down after all
            return None
        line_end = found.end()
        if svg[line_end - 2 : line_end] == "/>":
            end = line_end
        else:
            close = svg.find(_CLOSE, line_end)
            if close < 0:
                return None
            end = close + len(_CLOSE)
        key = f'{found.group(1)}="{found.group(2)}"'
        if key in parts:
            return None
        frame.append(svg[at:start])
        keys.append(key)
        parts[key] = svg[start:end]
        at = end
    if not keys:
        return None
    frame.append(svg[at:])
    result = SvgParts(tuple(frame), tuple(keys), parts)
    if join(result) != svg:
        return None
    return result


def join(split_svg: SvgParts) -> str:
    """The picture again: the frame with each part in its place."""
    pieces: list[str] = []
    for text, key in zip(split_svg.frame, split_svg.keys, strict=False):
        pieces += (text, split_svg.parts[key])
    pieces.append(split_svg.frame[-1])
    return "".join(pieces)


def changed_parts(old: SvgParts, new: SvgParts) -> dict[str, str] | None:
    """The parts of ``new`` that differ from ``old`` (key → text), when ``new`` is ``old``
    with just those parts replaced; None when the frames or the keys differ (a person added,
    the picture grown): then the whole picture has to be sent."""
    if old.keys != new.keys or old.frame != new.frame:
        return None
    return {key: text for key, text in new.parts.items() if old.parts[key] != text}


def patched(old: SvgParts, changes: dict[str, str]) -> str:
    """``old`` with the parts in ``changes`` replaced (what the page does with a patch)."""
    return join(SvgParts(old.frame, old.keys, {**old.parts, **changes}))


__all__ = ["SvgParts", "changed_parts", "join", "patched", "split"]
