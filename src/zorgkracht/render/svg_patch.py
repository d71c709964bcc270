"""A drawn picture (or a page fragment) in keyed parts, and what changed between two drawings
of it.

A person dragged a little way on a 150-person ecogram changes the person's group and the few
ties that bow round them; the other 400-odd groups of the 330 kB SVG are the same text. A tie
made stronger changes two rows of the person list and its row of the table. The edit API sends
the page only the parts that changed (:func:`changed_parts`), and the page swaps those elements
instead of the whole picture or fragment.

The SVG writer (:mod:`.svg`) puts every element on a line of its own, indented two spaces a
level. The *keyed parts* of a picture (:data:`SVG`) are the elements two levels down (the
children of the picture's top-level groups: persons, ties, domains) whose opening tag carries a
``data-…-id`` attribute; those of a page fragment (:data:`HTML`) are its list items, table rows
and scripts with a ``data-…-row``, ``data-…-id`` or ``id`` attribute that begin a line (a part
inside another part belongs to it). A part's key is that attribute as written,
``data-tie-id="t5"``, which is also the attribute selector the page finds the element with.
Everything else is the *frame*: the text between the keyed parts, kept with the order of the
keys.

Two drawings can be patched when their frames and key orders are equal: then the new text is
the old one with the changed parts put in, byte for byte (:func:`split` checks that the parts
and frame give the text back, so an unexpected layout of the text means "no parts", never a
wrong patch). Pure: strings in, strings out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SVG = re.compile(r'^(    )<(g)\b[^>\n]*?\s(data-[a-z]+(?:-[a-z]+)*-id)="([\w.:-]+)"[^\n]*$', re.M)
"""The opening line of a keyed part of a picture: a ``<g>`` indented two levels, with a
``data-…-id``. Groups: the indent, the tag, the attribute, its value."""
HTML = re.compile(
    r'^( *)<(li|tr|script)\b[^>\n]*?\s(data-[a-z]+(?:-[a-z]+)*-(?:id|row)|id)="([\w.:-]+)"[^\n]*$',
    re.M,
)
"""The opening line of a keyed part of a page fragment: a list item, table row or script."""


@dataclass(frozen=True, slots=True)
class SvgParts:
    """A picture split into its keyed parts and its frame."""

    frame: tuple[str, ...]
    """The text before the first part, between each two parts, and after the last."""
    keys: tuple[str, ...]
    """The parts' keys, in the picture's order (``data-person-id="p1"``)."""
    parts: dict[str, str]
    """Key → the part's text, from its opening ``<g`` to its closing tag."""


def split(text: str, shape: re.Pattern[str] = SVG) -> SvgParts | None:
    """``text`` in the keyed parts that ``shape`` finds; None when it has none, when a key is
    used twice, or when the text is not laid out as expected (a part that does not close)."""
    frame: list[str] = []
    keys: list[str] = []
    parts: dict[str, str] = {}
    at = 0
    for found in shape.finditer(text):
        start = found.start()
        if start < at:  # inside the previous part: it belongs to that one
            continue
        indent, tag, attribute, value = found.groups()
        line_end = found.end()
        line = text[start:line_end]
        if line.endswith("/>") or line.endswith(f"</{tag}>"):
            end = line_end
        else:
            close_tag = f"\n{indent}</{tag}>"
            close = text.find(close_tag, line_end)
            if close < 0:
                return None
            end = close + len(close_tag)
        key = f'{attribute}="{value}"'
        if key in parts:
            return None
        frame.append(text[at:start])
        keys.append(key)
        parts[key] = text[start:end]
        at = end
    if not keys:
        return None
    frame.append(text[at:])
    result = SvgParts(tuple(frame), tuple(keys), parts)
    if join(result) != text:
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


__all__ = ["HTML", "SVG", "SvgParts", "changed_parts", "join", "patched", "split"]
