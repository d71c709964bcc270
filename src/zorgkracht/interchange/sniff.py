"""What kind of file a few bytes start: cheap to import, so that recognising a file does not load
the readers of the kinds it is not (start-up time of ``zorgkracht analyse``)."""

from __future__ import annotations

import re

_HEAD = re.compile(rb"\A(?:\xef\xbb\xbf)?[ \t\r\n]*0[ \t]+(?:HEAD\b|@[^@\r\n]*@?[ \t]+[A-Z_]+)")


def looks_like_gedcom(data: bytes) -> bool:
    """True when ``data`` starts like a GEDCOM file (``0 HEAD``, or a level-0 record line)."""
    head = data[:400]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"0\x00", b"\x000")):
        encoding = "utf-16-be" if head[:2] in (b"\xfe\xff", b"\x000") else "utf-16-le"
        text = head[: len(head) // 2 * 2].decode(encoding, errors="ignore").lstrip("\ufeff")
        head = text.encode("utf-8", errors="ignore")
    return _HEAD.match(head) is not None


_EASYNWK_KEY = re.compile(rb'"(?:alteri|currentVersion)"\s*:')
_CASE_FORMAT = re.compile(rb'"format"\s*:\s*"zorgkracht/')


def looks_like_easynwk(data: bytes) -> bool:
    """True when ``data`` is a JSON object with easyNWK's keys (``alteri`` in a version, or
    ``currentVersion``) and is not a Zorgkracht case file (``"format": "zorgkracht/..."``)."""
    head = data[:65536]
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return False
    return _EASYNWK_KEY.search(head) is not None and _CASE_FORMAT.search(head) is None


def looks_like_network_canvas_zip(data: bytes) -> bool:
    """True when ``data`` is a zip archive naming a Network Canvas attribute list (file names
    stand uncompressed in a zip); an Excel workbook (also a zip) is not one."""
    return data.startswith(b"PK\x03\x04") and b"_attributeList" in data


_NC_HEADER = re.compile(rb"\A(?:\xef\xbb\xbf)?\"?nodeID\"?,\"?networkCanvasEgoUUID\"?,")


def looks_like_network_canvas_csv(data: bytes) -> bool:
    """True when ``data`` is a Network Canvas attribute list (its header starts ``nodeID,
    networkCanvasEgoUUID,``)."""
    return _NC_HEADER.match(data[:200]) is not None


_XML_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?"  # BOM, XML declaration
    rb"(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"  # comments, DOCTYPE
    rb"<(?:[A-Za-z_][\w.-]*:)?(\w+)",
    re.DOTALL,
)


def xml_root(data: bytes) -> str | None:
    """The name of the root element when ``data`` starts like an XML document (``graphml``,
    ``gexf``), without its namespace prefix; ``None`` otherwise."""
    match = _XML_ROOT.match(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None
