"""Reading a network list, bytes to rows: encoding, separator, header and every cell.

:class:`RowReader` checks each cell against the vocabulary of :mod:`.network_list_vocab` and
keeps every problem with its row and column; :mod:`.network_list` turns the rows into a case.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from zorgkracht.domain import Person, Problem
from zorgkracht.domain.bounds import CARE_HOURS, CARE_MONTHS, STRENGTH, WEIGHT, YEAR, Bound
from zorgkracht.domain.codes import CareTask, Direction, Quality, Support

from . import network_list_vocab as v
from .network_list_vocab import Column

# --- bytes to records ---------------------------------------------------------------


def problem(where: str, nl: str, en: str, code: str) -> Problem:
    return Problem(where=where, nl=nl, en=en, code=code)


def decode(data: bytes) -> str | Problem:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return problem(
                "",
                "bestand is geen geldige UTF-16-tekst",
                "file is not valid UTF-16 text",
                "encoding",
            )
    if data.startswith(b"PK\x03\x04") or b"\x00" in data[:4096]:
        return problem(
            "",
            "dit is geen CSV-tekstbestand (misschien een Excel-werkmap); sla het in Excel op als "
            "'CSV (gescheiden door lijstscheidingsteken)'",
            "this is not a CSV text file (perhaps an Excel workbook); save it from Excel as "
            "'CSV (comma delimited)'",
            "not_text",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return problem(
            "",
            "bestand is geen UTF-8- of Windows-1252-tekst",
            "file is not UTF-8 or Windows-1252 text",
            "encoding",
        )


def detect_delimiter(text: str) -> str:
    """The separator counted most often outside quotes in the first non-blank line.

    ``;`` wins a tie and is taken when the header has a single column (Dutch Excel's choice,
    and a name in a one-column list is then never split at a comma).
    """
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    seen_text = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in counts:
            counts[char] += 1
        elif char in "\r\n":
            if seen_text:
                break
            counts = dict.fromkeys(counts, 0)
        elif not char.isspace():
            seen_text = True
    best = max(counts.values())
    return next((d for d in (";", ",", "\t") if counts[d] == best and best > 0), ";")


_SEP_LINE = re.compile(r"sep=([;,\t|])[ \t]*(?:\r\n|\r|\n|\Z)", re.IGNORECASE)


def split_sep_line(text: str) -> tuple[str, str | None]:
    """Excel's optional first line ``sep=;`` names the separator; it is not shown as a row."""
    found = _SEP_LINE.match(text)
    return (text[found.end() :], found.group(1)) if found else (text, None)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unescape_cell(cell: str) -> str:
    """A cell without the ``'`` that a writer puts before what a spreadsheet would read as a
    formula (see :func:`~.network_list_write.escape_cell`: ``'-`` is ``-``, ``''-`` is ``'-``);
    any other cell as it is."""
    quoted = cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START)
    return cell[1:] if quoted else cell


def read_records(text: str) -> tuple[list[list[str]], tuple[int, Problem] | None]:
    """The rows of the file; and, if the CSV breaks off, the row where and why."""
    text, sep = split_sep_line(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep or detect_delimiter(text))
    records: list[list[str]] = []
    try:
        records.extend([unescape_cell(cell) for cell in row] for row in reader)
    except csv.Error as err:
        number = len(records) + 1
        return records, (
            number,
            problem(f"rij/row {number}", f"onleesbare CSV: {err}", f"unreadable CSV: {err}", "csv"),
        )
    return records, None


# --- records to rows --------------------------------------------------------------


@dataclass(slots=True)
class Row:
    number: int
    person: Person
    is_client: bool = False
    cells: dict[Column, tuple[int, str]] = field(default_factory=dict)
    """Column → (index in the file, value as written, trimmed)."""
    domains: list[str] = field(default_factory=list)
    knows: list[str] = field(default_factory=list)
    support: set[Support] = field(default_factory=set)
    reciprocal: bool | None = None
    quality: Quality = Quality.POSITIVE
    care_hours: float | None = None
    care_months: int | None = None
    care_tasks: set[CareTask] = field(default_factory=set)
    client_care_hours: float | None = None
    client_care_months: int | None = None
    client_care_tasks: set[CareTask] = field(default_factory=set)
    strength: int | None = None
    direction: Direction | None = None


def _column_letter(index: int) -> str:
    """0 → ``A``, 26 → ``AA``: how a spreadsheet names a column that has no header."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_CODED: dict[Column, tuple[bool, str, Mapping[str, object]]] = {
    Column.GENDER: (True, "gender", v.GENDER_WORDS),
    Column.CIRCLE: (True, "circle", v.CIRCLE_WORDS),
    Column.ZONE: (True, "zone", v.ZONE_WORDS),
    Column.FREQUENCY: (True, "frequency", v.FREQUENCY_WORDS),
    Column.NETWORK: (True, "network_zone", v.NETWORK_WORDS),
    Column.STATUS: (True, "status", v.STATUS_WORDS),
    Column.SENSITIVE: (True, "sensitive", v.BOOLEAN_WORDS),
    Column.ORGANISATION: (True, "organisation", v.BOOLEAN_WORDS),
    Column.WISH: (True, "wish", v.WISH_WORDS),
    Column.ENERGY: (True, "energy", v.ENERGY_WORDS),
    Column.MAY_ASK: (True, "may_ask", v.BOOLEAN_WORDS),
    Column.RECEIVES_CARE: (True, "receives_care", v.BOOLEAN_WORDS),
    Column.OWN_NEEDS: (True, "own_needs", v.BOOLEAN_WORDS),
    Column.RECIPROCAL: (False, "reciprocal", v.BOOLEAN_WORDS),
    Column.QUALITY: (False, "quality", v.QUALITY_WORDS),
    Column.DIRECTION: (False, "direction", v.DIRECTION_WORDS),
}
"""Columns holding a word from a table: (set on the person, else on the tie; attribute; table)."""


class RowReader:
    """Turns the records of one file into rows, collecting every problem on the way.

    Each problem is kept with its row and column index, so the list can be shown in the order
    of the spreadsheet whichever check found it.
    """

    def __init__(self) -> None:
        self.found: list[tuple[int, int, Problem]] = []
        self.columns: dict[int, tuple[Column, str]] = {}
        """Column index → (column, its name as written in the header)."""
        self.written: dict[Column, int] = {}
        """Column → its index in the file."""
        self.named: set[int] = set()
        """Indexes of every column with a name in the header, known or not."""

    @property
    def problems(self) -> list[Problem]:
        return [p for _, _, p in sorted(self.found, key=lambda item: item[:2])]

    def add(self, row: int, col: int | None, nl: str, en: str, code: str) -> None:
        where = f"rij/row {row}"
        if col is not None:
            label = self.columns[col][1] if col in self.columns else _column_letter(col)
            where += f", kolom/column {label}"
        self.found.append((row, -1 if col is None else col, problem(where, nl, en, code)))

    def header(self, number: int, cells: Sequence[str]) -> None:
        for index, raw in enumerate(cells):
            name = raw.strip()
            if not name:
                continue
            self.named.add(index)
            column = v.HEADER_WORDS.get(v.norm(name))
            if column is None:
                self.found.append(
                    (
                        number,
                        index,
                        problem(
                            f"rij/row {number}, kolom/column {name}",
                            f"onbekende kolom '{name}'",
                            f"unknown column '{name}'",
                            "unknown_column",
                        ),
                    )
                )
            elif column in self.written:
                first = self.columns[self.written[column]][1]
                self.found.append(
                    (
                        number,
                        index,
                        problem(
                            f"rij/row {number}, kolom/column {name}",
                            f"kolom '{name}' staat er al als '{first}'",
                            f"column '{name}' is already there as '{first}'",
                            "duplicate_column",
                        ),
                    )
                )
            else:
                self.written[column] = index
                self.columns[index] = (column, name)
        if Column.NAME not in self.written:
            self.add(
                number,
                None,
                "de kolom 'naam' ontbreekt",
                "the column 'name' is missing",
                "missing_column",
            )

    def name_of(self, column: Column) -> str:
        return self.columns[self.written[column]][1]

    def row(self, number: int, cells: Sequence[str]) -> Row:
        row = Row(number, Person(id="", name=""))
        for index, raw in enumerate(cells):
            value = raw.strip()
            if index in self.columns:
                row.cells[self.columns[index][0]] = (index, value)
            elif value and index not in self.named:
                self.add(
                    number,
                    index,
                    f"waarde '{value}' staat in een kolom zonder naam",
                    f"value '{value}' is in a column without a name",
                    "unnamed_column",
                )
        for column, index in self.written.items():
            value = row.cells.get(column, (index, ""))[1]
            self._cell(row, column, value, index)
        return row

    def _unknown(self, row: Row, col: int, column: Column, value: str) -> None:
        nl, en = v.CHOICES[column]
        self.add(
            row.number,
            col,
            f"onbekende waarde '{value}'; kies uit {nl}",
            f"unknown value '{value}'; choose from {en}",
            "unknown_value",
        )

    def _int(self, row: Row, col: int, value: str, bound: Bound[int]) -> int | None:
        low, high = bound.low, bound.high
        try:
            number = int(value)
        except ValueError:
            self.add(
                row.number,
                col,
                f"'{value}' is geen geheel getal",
                f"'{value}' is not a whole number",
                "not_a_number",
            )
            return None
        if number < low or (high is not None and number > high):
            bounds_nl = f"tussen {low} en {high}" if high is not None else f"{low} of meer"
            bounds_en = f"between {low} and {high}" if high is not None else f"{low} or more"
            self.add(
                row.number,
                col,
                f"{number} moet {bounds_nl} zijn",
                f"{number} must be {bounds_en}",
                "out_of_range",
            )
            return None
        return number

    def _hours(self, row: Row, col: int, value: str) -> float | None:
        try:
            hours = float(value.replace(",", "."))
        except ValueError:
            hours = math.nan
        if not math.isfinite(hours):
            self.add(
                row.number,
                col,
                f"'{value}' is geen getal",
                f"'{value}' is not a number",
                "not_a_number",
            )
            return None
        if not CARE_HOURS.holds(hours):
            self.add(
                row.number,
                col,
                f"{value} uur per week moet tussen {CARE_HOURS.low} en {CARE_HOURS.high} liggen",
                f"{value} hours a week must be between {CARE_HOURS.low} and {CARE_HOURS.high}",
                "out_of_range",
            )
            return None
        return hours

    def _cell(self, row: Row, column: Column, value: str, col: int) -> None:
        p = row.person
        if column is Column.NAME:
            p.name = value
            if not value:
                self.add(row.number, col, "naam is leeg", "name is empty", "required")
        elif not value:
            return
        elif column is Column.ROLE:
            if v.norm(value) in v.CLIENT_WORDS:
                row.is_client = True
            elif (found := v.ROLE_WORDS.get(v.norm(value))) is not None:
                p.role, implied = found
                if implied is not None and not row.cells.get(Column.GENDER, (0, ""))[1]:
                    p.gender = implied
            else:
                self._unknown(row, col, column, value)
        elif column is Column.BIRTH_YEAR:
            p.birth_year = self._int(row, col, value, YEAR)
        elif column is Column.WEIGHT:
            p.weight = self._int(row, col, value, WEIGHT)
        elif column is Column.STRENGTH:
            row.strength = self._int(row, col, value, STRENGTH)
        elif column is Column.CARE_MONTHS:
            row.care_months = self._int(row, col, value, CARE_MONTHS)
        elif column is Column.CARE_HOURS:
            row.care_hours = self._hours(row, col, value)
        elif column is Column.CLIENT_CARE_MONTHS:
            row.client_care_months = self._int(row, col, value, CARE_MONTHS)
        elif column is Column.CLIENT_CARE_HOURS:
            row.client_care_hours = self._hours(row, col, value)
        elif column in (Column.CARE_TASKS, Column.CLIENT_CARE_TASKS):
            tasks, bad = v.parse_care_tasks(value)
            if bad:
                nl, en = v.CHOICES[column]
                shown = ", ".join(f"'{part}'" for part in bad)
                self.add(
                    row.number,
                    col,
                    f"onbekende zorgtaak {shown}; kies uit {nl} (meer gescheiden door ;)",
                    f"unknown care task {shown}; choose from {en} (several separated by ;)",
                    "unknown_value",
                )
            elif column is Column.CARE_TASKS:
                row.care_tasks = tasks
            else:
                row.client_care_tasks = tasks
        elif column is Column.SUPPORT:
            row.support, bad = v.parse_support(value)
            if bad:
                shown = ", ".join(bad)
                self.add(
                    row.number,
                    col,
                    f"onbekende steunletter {shown}; gebruik P, G, A, E, W",
                    f"unknown support letter {shown}; use P, G, A, E, W",
                    "unknown_support",
                )
        elif column is Column.KNOWS:
            row.knows = v.split_names(value)
        elif column is Column.DOMAIN:
            row.domains = v.split_names(value)
        else:
            on_person, attr, words = _CODED[column]
            found_value = words.get(v.norm(value))
            if found_value is None:
                self._unknown(row, col, column, value)
            else:
                setattr(p if on_person else row, attr, found_value)

    def check_clients(self, rows: list[Row]) -> None:
        """At most one client row, and no tie values on it (the client has no tie to itself)."""
        clients = [row for row in rows if row.is_client]
        for extra in clients[1:]:
            self.add(
                extra.number,
                self.written[Column.ROLE],
                f"tweede cliënt; rij {clients[0].number} is al de cliënt",
                f"a second client; row {clients[0].number} is already the client",
                "two_clients",
            )
        for client in clients:
            for column, (index, value) in client.cells.items():
                if column in v.TIE_COLUMNS and value:
                    self.add(
                        client.number,
                        index,
                        "hoort bij de band met de cliënt, niet in de rij van de cliënt zelf",
                        "belongs to a tie with the client, not in the client's own row",
                        "client_tie_value",
                    )

    def knows_pairs(self, rows: list[Row]) -> list[tuple[Row, Row]]:
        """The member pairs named in ``kent``, each once, earlier row first, in row order."""
        if Column.NAME not in self.written:
            return []
        by_name: dict[str, list[Row]] = {}
        for row in rows:
            by_name.setdefault(v.norm(row.person.name), []).append(row)
        order = {id(row): n for n, row in enumerate(rows)}
        pairs: set[tuple[int, int]] = set()
        name_column, col = self.name_of(Column.NAME), self.written.get(Column.KNOWS)
        for row in rows:
            for name in row.knows:
                found = by_name.get(v.norm(name), [])
                if not found:
                    self.add(
                        row.number,
                        col,
                        f"'{name}' staat niet in de kolom {name_column}",
                        f"'{name}' is not in the column {name_column}",
                        "unknown_name",
                    )
                elif len(found) > 1:
                    numbers = ", ".join(str(r.number) for r in found)
                    self.add(
                        row.number,
                        col,
                        f"'{name}' is niet eenduidig: die naam staat in de rijen {numbers}",
                        f"'{name}' is ambiguous: that name is in rows {numbers}",
                        "ambiguous_name",
                    )
                elif found[0] is row:
                    self.add(
                        row.number,
                        col,
                        f"'{name}' is deze rij zelf; iemand kan zichzelf niet kennen",
                        f"'{name}' is this row itself; a person cannot know themselves",
                        "self_reference",
                    )
                elif not found[0].is_client:  # the client has a tie with everyone already
                    ends = sorted((order[id(row)], order[id(found[0])]))
                    pairs.add((ends[0], ends[1]))
        return [(rows[a], rows[b]) for a, b in sorted(pairs)]
