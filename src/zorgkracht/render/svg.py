"""A very small SVG builder: elements, attributes and text, escaped and formatted the same way
every time (numbers rounded to two decimals, attributes in the order given), so that a picture
can be compared with a golden file byte for byte."""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from zorgkracht.layout.geometry import XY

SVG_NS = "http://www.w3.org/2000/svg"
AttrValue = str | float | int | None

# characters that XML 1.0 does not allow, even escaped
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def num(value: float) -> str:
    """A number as SVG text: at most two decimals, no trailing zeros, never ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _attr_name(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


class Element:
    """An SVG element with attributes, optional text and children."""

    __slots__ = ("attrs", "children", "tag", "text")

    def __init__(self, tag: str, text: str | None = None, /, **attrs: AttrValue) -> None:
        self.tag = tag
        self.text = text
        self.attrs: dict[str, str] = {}
        self.children: list[Element] = []
        self.set(**attrs)

    def set(self, /, **attrs: AttrValue) -> Element:
        for name, value in attrs.items():
            if value is None:
                continue
            self.attrs[_attr_name(name)] = num(value) if isinstance(value, float) else str(value)
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
        pad = "  " * indent
        attrs = "".join(
            f' {k}="{escape(clean(v), {chr(34): "&quot;", chr(10): "&#10;"})}"'
            for k, v in self.attrs.items()
        )
        if self.text is not None:
            return f"{pad}<{self.tag}{attrs}>{escape(clean(self.text))}</{self.tag}>"
        if not self.children:
            return f"{pad}<{self.tag}{attrs}/>"
        inner = "\n".join(child.render(indent + 1) for child in self.children)
        return f"{pad}<{self.tag}{attrs}>\n{inner}\n{pad}</{self.tag}>"


def points(pts: Sequence[XY]) -> str:
    return " ".join(f"{num(p.x)},{num(p.y)}" for p in pts)


def path_d(pts: Sequence[XY]) -> str:
    if not pts:
        return ""
    first, *rest = pts
    return f"M{num(first.x)} {num(first.y)}" + "".join(f"L{num(p.x)} {num(p.y)}" for p in rest)


def document(root: Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + root.render() + "\n"
