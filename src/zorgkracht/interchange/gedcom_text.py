"""GEDCOM bytes to a tree of lines: character sets, line endings, levels, CONT/CONC, pointers.

This is the format layer of the GEDCOM importer (:mod:`zorgkracht.interchange.gedcom`): it knows
nothing about persons or families. :func:`decode` turns the bytes into text (by byte order mark,
then by the ``HEAD.CHAR`` tag), :func:`parse_lines` turns the text into :class:`Node` records and
reports every malformed line with its number. Messages never quote the content of a line, only
what is wrong with it, so personal data does not end up in logs.

Hand-written rather than taken from a GEDCOM library: the line grammar is small, the importer has
to report *every* problem with its line number (all or nothing), and no maintained Python library
reads 5.5, 5.5.1 and 7.0 alike. ANSEL, the one hard character set, is decoded by the ``ansel``
codec package.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ansel.encodings import gedcom as _ansel_gedcom

from zorgkracht.domain import Problem

MAX_LEVEL = 99
VOID = "@VOID@"


@dataclass(slots=True)
class Node:
    """One GEDCOM structure: its line, with CONT/CONC folded into ``value``, and its children."""

    level: int
    tag: str
    value: str
    line: int
    xref: str | None = None
    children: list[Node] = field(default_factory=list)

    def first(self, tag: str) -> Node | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def all(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    @property
    def pointer(self) -> str | None:
        """The ``@XREF@`` this line points to, or ``None`` when its value is not a pointer."""
        return self.value if _POINTER.fullmatch(self.value) else None


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    note: str = ""
    """A remark for the case (e.g. a fallback character set), never personal data."""


@dataclass(slots=True)
class Parsed:
    records: list[Node]
    problems: list[Problem]


def problem(where: str, nl: str, en: str, code: str) -> Problem:
    return Problem(where=where, nl=nl, en=en, code=code)


# --- character sets ------------------------------------------------------------------------

_CHARSETS: dict[str, str] = {
    "UTF8": "utf-8",
    "UNICODE": "utf-16",
    "UTF16": "utf-16",
    "ANSEL": "ansel",
    "ASCII": "ascii",
    "ANSI": "cp1252",
    "WINDOWS": "cp1252",
    "WINDOWS1252": "cp1252",
    "CP1252": "cp1252",
    "IBMWINDOWS": "cp1252",
    "IBMPC": "cp437",
    "IBM": "cp437",
    "IBMDOS": "cp437",
    "MSDOS": "cp437",
    "CP437": "cp437",
    "CP850": "cp850",
    "IBM850": "cp850",
    "MACINTOSH": "mac_roman",
    "MAC": "mac_roman",
    "MACROMAN": "mac_roman",
    "LATIN1": "latin-1",
    "ISO88591": "latin-1",
    "ISO885915": "iso8859-15",
}

_CHAR_LINE = re.compile(rb"(?:\A|[\r\n])[ \t]*1[ \t]+CHAR[ \t]+([^\r\n]*)")
_NEXT_RECORD = re.compile(rb"[\r\n][ \t]*0[ \t]")


def _declared_charset(data: bytes) -> str | None:
    """The value of ``HEAD.CHAR`` (looked for in the HEAD record only), upper case."""
    end = _NEXT_RECORD.search(data, 1)
    head = data[: end.start() if end else len(data)]
    found = _CHAR_LINE.search(head)
    if found is None:
        return None
    return found.group(1).decode("latin-1").strip().upper()


def _ansel(data: bytes) -> str:
    text, _ = _ansel_gedcom.Codec().decode(data, errors="replace")
    return str(text)


def decode(data: bytes, source: str) -> Decoded | Problem:
    """Text of a GEDCOM file in NFC, or the problem that stops it being read."""
    text: str
    note = ""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8"
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"0\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x000"):
        encoding = "utf-16-be"
    else:
        declared = _declared_charset(data)
        key = re.sub(r"[^A-Z0-9]", "", declared or "")
        encoding = _CHARSETS.get(key, "") if declared else ""
        if encoding == "utf-16":  # CHAR UNICODE without a byte order mark: 8-bit text after all
            encoding = "utf-8"
        if not encoding:
            # No CHAR (GEDCOM 7.0 is always UTF-8), or one we do not know: UTF-8, else Windows.
            encoding = "utf-8"
            if declared:
                note = f"Onbekende tekenset '{declared[:40]}' in het bestand; gelezen als UTF-8."
        elif encoding == "ascii":
            encoding = "utf-8"  # ASCII is a subset; files that say ASCII often are not
    try:
        text = _ansel(data) if encoding == "ansel" else data.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding != "utf-8":
            line = _line_of(data, err.start)
            return problem(
                f"{source}:{line}",
                f"tekst is geen geldige {encoding}; controleer de tekenset (HEAD.CHAR)",
                f"text is not valid {encoding}; check the character set (HEAD.CHAR)",
                "encoding",
            )
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        note = "Het bestand is geen geldige UTF-8; gelezen als Windows-1252."
    text = text.removeprefix("\ufeff").rstrip("\x1a")
    return Decoded(unicodedata.normalize("NFC", text), encoding, note)


def _line_of(data: bytes, offset: int) -> int:
    head = data[:offset]
    newlines = head.count(b"\n")
    return (newlines if newlines else head.count(b"\r")) + 1


# --- lines ---------------------------------------------------------------------------------

_LINE = re.compile(
    r"(?P<level>\d+) +(?:(?P<xref>@[^@]+@) +)?(?P<tag>[A-Za-z0-9_]+)(?: (?P<value>.*))?"
)
_LEVEL = re.compile(r"\d+")
_POINTER = re.compile(r"@[^@#\s][^@]*@")
_SPLIT = re.compile(r"\r\n|\r|\n")


def _bad_line(raw: str) -> tuple[str, str, str]:
    """Why a non-empty line does not match the GEDCOM line grammar (nl, en, code)."""
    level = _LEVEL.match(raw)
    if level is None:
        return (
            "regel is geen GEDCOM: hij begint niet met een niveaunummer",
            "line is not GEDCOM: it does not start with a level number",
            "not_gedcom",
        )
    rest = raw[level.end() :].strip()
    if not rest:
        return ("regel heeft geen tag", "line has no tag", "missing_tag")
    token = rest.split()[0]
    if token.startswith("@") and (token.count("@") < 2 and "@" not in rest[1:]):
        return (
            "verwijzing (xref) is niet afgesloten met @",
            "cross-reference id is not closed with @",
            "bad_xref",
        )
    return (
        "regel volgt het GEDCOM-formaat niet (niveau, optionele @xref@, tag, waarde)",
        "line does not follow the GEDCOM format (level, optional @xref@, tag, value)",
        "bad_line",
    )


def parse_lines(text: str, source: str) -> Parsed:
    """Every record of the file as a tree, and every problem with the lines, HEAD and TRLR."""
    problems: list[Problem] = []
    records: list[Node] = []
    stack: list[Node] = []
    lines = _SPLIT.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    trailer_line = 0
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        stripped = raw.strip(" \t")
        if trailer_line:
            if stripped:
                problems.append(
                    problem(
                        where,
                        f"tekst na de afsluiting (TRLR op regel {trailer_line})",
                        f"text after the trailer (TRLR on line {trailer_line})",
                        "after_trailer",
                    )
                )
                break
            continue
        if not stripped:
            problems.append(
                problem(where, "lege regel", "empty line (not allowed in GEDCOM)", "empty_line")
            )
            continue
        match = _LINE.fullmatch(stripped)
        if match is None:
            nl, en, code = _bad_line(stripped)
            problems.append(problem(where, nl, en, code))
            continue
        level = int(match["level"])
        if level > MAX_LEVEL:
            problems.append(
                problem(
                    where,
                    f"niveau {level} is te hoog (hoogstens {MAX_LEVEL})",
                    f"level {level} is too high (at most {MAX_LEVEL})",
                    "bad_level",
                )
            )
            continue
        if level > len(stack):
            previous = len(stack) - 1
            problems.append(
                problem(
                    where,
                    f"niveau springt van {previous} naar {level}; "
                    "een regel ligt hoogstens één niveau dieper dan de vorige",
                    f"level jumps from {previous} to {level}; "
                    "a line may be at most one level deeper than the one before",
                    "level_jump",
                )
                if stack
                else problem(
                    where,
                    f"bestand begint met niveau {level}; het moet beginnen met '0 HEAD'",
                    f"file starts at level {level}; it must start with '0 HEAD'",
                    "missing_head",
                )
            )
            continue
        node = Node(level, match["tag"], match["value"] or "", number, match["xref"])
        del stack[level:]
        if level == 0:
            records.append(node)
            if node.tag == "TRLR":
                trailer_line = number
        elif node.tag in ("CONT", "CONC"):
            parent = stack[-1]
            parent.value += ("\n" if node.tag == "CONT" else "") + node.value
        else:
            stack[-1].children.append(node)
        stack.append(node)

    if not records or records[0].tag != "HEAD":
        problems.insert(
            0,
            problem(
                f"{source}:{records[0].line if records else 1}",
                "kop ontbreekt: een GEDCOM-bestand begint met '0 HEAD'",
                "header missing: a GEDCOM file starts with '0 HEAD'",
                "missing_head",
            ),
        )
    if not trailer_line:
        problems.append(
            problem(
                f"{source}:{len(lines)}",
                "afsluiting ontbreekt: een GEDCOM-bestand eindigt met '0 TRLR'",
                "trailer missing: a GEDCOM file ends with '0 TRLR'",
                "missing_trailer",
            )
        )
    return Parsed(records, problems)


def check_pointers(records: list[Node], source: str) -> tuple[dict[str, Node], list[Problem]]:
    """Index the records by xref; report duplicate ids and pointers to records that do not exist.

    Pointers are matched exactly, and otherwise ignoring case (5.5.1 files mix cases; 7.0 allows
    only upper case). ``@VOID@`` (7.0) means "no record" and is always allowed. Pointers inside
    extension structures (tags starting with ``_``) are not checked.
    """
    problems: list[Problem] = []
    index: dict[str, Node] = {}
    for record in records:
        if record.xref is None:
            continue
        if record.xref in index:
            first = index[record.xref]
            problems.append(
                problem(
                    f"{source}:{record.line}",
                    f"id {record.xref} is al gebruikt op regel {first.line}",
                    f"id {record.xref} is already used on line {first.line}",
                    "duplicate_xref",
                )
            )
            continue
        index[record.xref] = record
    for key, record in list(index.items()):
        index.setdefault(key.upper(), record)

    def walk(node: Node) -> None:
        if node.tag.startswith("_"):
            return  # extension structures belong to another program's vocabulary
        target = node.pointer
        if target is not None and target != VOID and resolve(index, target) is None:
            problems.append(
                problem(
                    f"{source}:{node.line}",
                    f"{node.tag} verwijst naar {target}, maar dat record bestaat niet",
                    f"{node.tag} points to {target}, but there is no such record",
                    "undefined_pointer",
                )
            )
        for child in node.children:
            walk(child)

    for record in records:
        for child in record.children:
            walk(child)
    return index, problems


def resolve(index: dict[str, Node], pointer: str) -> Node | None:
    return index.get(pointer) or index.get(pointer.upper())
