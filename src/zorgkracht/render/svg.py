"""A very small SVG builder: elements, attributes and text, escaped and formatted the same way
every time (numbers rounded to two decimals, attributes in the order given), so that a picture
can be compared with a golden file byte for byte."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from typing import cast
from xml.sax.saxutils import escape

from zorgkracht.layout.geometry import XY
from zorgkracht.layout.memo import on_forget

SVG_NS = "http://www.w3.org/2000/svg"
AttrValue = str | float | int | None

# characters that XML 1.0 does not allow, even escaped
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# characters that change when escaped or cleaned: text without any of them is written as it is
_TEXT_SPECIAL = re.compile("[&<>]|" + _NOT_XML.pattern)
_ATTR_SPECIAL = re.compile('[&<>"\n]|' + _NOT_XML.pattern)
_ATTR_ENTITIES = {chr(34): "&quot;", chr(10): "&#10;"}
_NAMES: dict[str, str] = {}


_NUMS: dict[float, str] = {}
_CACHE_SIZE = 50_000


def num(value: float) -> str:
    """A number as SVG text: at most two decimals, no trailing zeros, never ``-0``."""
    known = _NUMS.get(value)
    if known is not None:
        return known
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    if len(_NUMS) >= _CACHE_SIZE:
        _NUMS.clear()
    _NUMS[value] = text
    return text


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _attr_name(name: str) -> str:
    known = _NAMES.get(name)
    if known is None:
        known = _NAMES[name] = name.rstrip("_").replace("_", "-")
    return known


def _attr_text(value: str, seen: dict[str, str]) -> str:
    """The attribute value escaped; ``seen`` remembers values within one document (kept per
    document, so that no client text outlives the picture)."""
    known = seen.get(value)
    if known is None:
        known = value
        if _ATTR_SPECIAL.search(value) is not None:
            known = escape(clean(value), _ATTR_ENTITIES)
        seen[value] = known
    return known


def _text(value: str) -> str:
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return escape(clean(value))


class Element:
    """An SVG element with attributes, optional text and children."""

    __slots__ = ("attrs", "children", "tag", "text")

    def __init__(self, tag: str, text: str | None = None, /, **attrs: AttrValue) -> None:
        self.tag = tag
        self.text = text
        self.children: list[Element] = []
        own: dict[str, str] = {}
        self.attrs = own
        if attrs:  # the same as self.set(**attrs), without a second call
            names = _NAMES
            for name, value in attrs.items():
                if value is not None:
                    key = names.get(name) or _attr_name(name)
                    if isinstance(value, float):
                        shown = _NUMS.get(value)
                        own[key] = shown if shown is not None else num(value)
                    else:
                        own[key] = value if type(value) is str else str(value)

    def set(self, /, **attrs: AttrValue) -> Element:
        own = self.attrs
        for name, value in attrs.items():
            if value is None:
                continue
            key = _NAMES.get(name) or _attr_name(name)
            own[key] = num(value) if isinstance(value, float) else str(value)
        return self

    def set_raw(self, name: str, value: str) -> Element:
        """Set an attribute whose name is not a Python identifier (``data-person-id``)."""
        self.attrs[name] = value
        return self

    def add(self, tag: str, text: str | None = None, /, **attrs: AttrValue) -> Element:
        child = Element(tag, text, **attrs)
        self.children.append(child)
        return child

    def append(self, child: Element) -> Element:
        self.children.append(child)
        return child

    def extend(self, children: Sequence[Element]) -> None:
        self.children.extend(children)

    def render(self, indent: int = 0) -> str:
        out: list[str] = []
        self._write(out, indent, {})
        return "".join(out)

    def _write(self, out: list[str], indent: int, seen: dict[str, str]) -> None:
        pad = "  " * indent
        tag = self.tag
        parts = [pad, "<", tag]
        for k, v in self.attrs.items():
            shown = seen.get(v)
            if shown is None:
                shown = _attr_text(v, seen)
            parts += (" ", k, '="', shown, '"')
        text = self.text
        children = self.children
        if text is not None:
            parts += (">", _text(text), "</", tag, ">")
            out.append("".join(parts))
        elif not children:
            parts.append("/>")
            out.append("".join(parts))
        else:
            parts.append(">\n")
            out.append("".join(parts))
            inner = indent + 1
            first = True
            for child in children:
                if first:
                    first = False
                else:
                    out.append("\n")
                child._write(out, inner, seen)
            out.append(f"\n{pad}</{tag}>")


class Written(Element):
    """An element without children that is already written out, for the parts of a picture
    drawn hundreds of times: the markup is exactly what :class:`Element` would write."""

    __slots__ = ("markup",)

    def __init__(self, markup: str) -> None:
        # what Element("") sets, without the call
        self.tag = ""
        self.text = None
        self.children = []
        self.attrs = {}
        self.markup = markup

    def _write(self, out: list[str], indent: int, seen: dict[str, str]) -> None:
        out.append("  " * indent + self.markup)


class WrittenLines(Element):
    """Several sibling elements without children, already written out: the same bytes as one
    :class:`Written` for each line, one object instead of several."""

    __slots__ = ("lines",)

    def __init__(self, lines: Sequence[str]) -> None:
        self.tag = ""
        self.text = None
        self.children = []
        self.attrs = {}
        self.lines = lines

    def _write(self, out: list[str], indent: int, seen: dict[str, str]) -> None:
        pad = "  " * indent
        out.append(pad + ("\n" + pad).join(self.lines))


class WrittenGroup(Element):
    """An element whose children are childless elements already written out, one line each:
    the same bytes as the element with those children would write, without building them."""

    __slots__ = ("head", "lines")

    def __init__(self, tag: str, head: str, lines: Sequence[str]) -> None:
        self.tag = tag
        self.text = None
        self.children = []
        self.attrs = {}
        self.head = head
        """The opening tag without its closing ``>``: ``<g class="person" ...``."""
        self.lines = lines

    def _write(self, out: list[str], indent: int, seen: dict[str, str]) -> None:
        pad = "  " * indent
        if not self.lines:
            out.append(f"{pad}{self.head}/>")
            return
        inner = "\n" + pad + "  "
        out.append(f"{pad}{self.head}>{inner}{inner.join(self.lines)}\n{pad}</{self.tag}>")


def written_lines(parts: Sequence[Element], seen: dict[str, str]) -> list[str] | None:
    """The lines ``parts`` write as children of one element (without indentation), or None
    when one of them has children of its own (then only the element tree writes them)."""
    lines: list[str] = []
    for part in parts:
        kind = type(part)
        if kind is WrittenLines:
            lines.extend(cast(WrittenLines, part).lines)
        elif kind is Written:
            lines.append(cast(Written, part).markup)
        elif kind is Element and not part.children:
            out: list[str] = []
            part._write(out, 0, seen)
            lines.append(out[0])
        else:
            return None
    return lines


def open_tag(tag: str, attrs: Sequence[tuple[str, str]], seen: dict[str, str]) -> str:
    """The opening tag :class:`Element` writes for string attributes (names as given), without
    the closing ``>``."""
    parts = ["<", tag]
    for k, v in attrs:
        shown = seen.get(v)
        if shown is None:
            shown = _attr_text(v, seen)
        parts += (" ", k, '="', shown, '"')
    return "".join(parts)


class Block(Element):
    """A finished element already written out for the depth it is drawn at: the same bytes
    as the element itself would write there, so a part of a picture that did not change since
    the last redraw is not built and written again. At another depth the element writes
    itself."""

    __slots__ = ("depth", "element", "markup")

    def __init__(self, element: Element, depth: int) -> None:
        self.tag = ""
        self.text = None
        self.children = []
        self.attrs = {}
        self.element = element
        self.depth = depth
        self.markup = element.render(depth)

    def _write(self, out: list[str], indent: int, seen: dict[str, str]) -> None:
        if indent == self.depth:
            out.append(self.markup)
        else:
            self.element._write(out, indent, seen)


class Blocks:
    """Finished elements by a key of everything they are drawn from; bounded (cleared when
    full). Keys hold geometry and codes; where a key must hold a person's data it is the
    pickle of the record, kept in process memory only."""

    def __init__(self, depth: int, size: int = 5_000) -> None:
        self.depth = depth
        self.size = size
        self.held: dict[Hashable, Block] = {}
        on_forget(self.held.clear)

    def get(self, key: Hashable, make: Callable[[], Element]) -> Block:
        known = self.held.get(key)
        if known is None:
            if len(self.held) >= self.size:
                self.held.clear()
            known = self.held[key] = Block(make(), self.depth)
        return known


def attrs_markup(attrs: Sequence[tuple[str, AttrValue]]) -> str:
    """The attributes as :class:`Element` writes them: `` name="value"`` each, names as Python
    keywords, ``None`` values left out, numbers rounded, values escaped."""
    parts = []
    for name, value in attrs:
        if value is not None:
            shown = num(value) if isinstance(value, float) else str(value)
            parts.append(f' {_NAMES.get(name) or _attr_name(name)}="{_attr_text(shown, {})}"')
    return "".join(parts)


def text_markup(text: str) -> str:
    """Element text as :class:`Element` writes it (escaped)."""
    return _text(text)


def points(pts: Sequence[XY]) -> str:
    get = _NUMS.get
    out: list[str] = []
    for p in pts:
        x, y = p.x, p.y
        out += (" ", get(x) or num(x), ",", get(y) or num(y))
    return "".join(out[1:])


def path_d(pts: Sequence[XY]) -> str:
    if not pts:
        return ""
    get = _NUMS.get
    out: list[str] = []
    for p in pts:
        x, y = p.x, p.y
        out += ("L", get(x) or num(x), " ", get(y) or num(y))
    out[0] = "M"
    return "".join(out)


def path_d_xy(xs: Sequence[float], ys: Sequence[float]) -> str:
    """:func:`path_d` of the points ``(xs[i], ys[i])``, without making them."""
    if not xs:
        return ""
    get = _NUMS.get
    out: list[str] = []
    for x, y in zip(xs, ys, strict=True):
        out += ("L", get(x) or num(x), " ", get(y) or num(y))
    out[0] = "M"
    return "".join(out)


def document(root: Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + root.render() + "\n"


LARGE_PRINT = 1.5
"""Large print (for reading the picture together with the client): the whole picture drawn
this much larger, so that names of at least 12 user units are at least 18 pixels on a screen at
one pixel a unit and in a PNG, and 1.5 times as large on paper."""
_ROOT_SIZE = re.compile(r'(<svg\b[^>]*?) width="([0-9.]+)" height="([0-9.]+)"')


def enlarged(svg: str, factor: float = LARGE_PRINT) -> str:
    """The SVG document drawn ``factor`` times larger: the root's width and height grow, its
    viewBox (what is drawn) stays; marked ``data-large-print``."""

    def grow(m: re.Match[str]) -> str:
        width, height = float(m.group(2)) * factor, float(m.group(3)) * factor
        return f'{m.group(1)} width="{num(width)}" height="{num(height)}" data-large-print="true"'

    return _ROOT_SIZE.sub(grow, svg, count=1)
