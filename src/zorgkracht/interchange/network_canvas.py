"""A Network Canvas interview's CSV export as a case (issue 15, point 6).

Network Canvas (Interviewer, Server, Fresco) exports each interview as CSV files. Followed
(complexdatacollective/network-exporters, commit 709cba4 of 2024-10-15):
``src/utils/general.js`` (``getFilePrefix``: ``<caseID>_<sessionID>``; ``makeFilename``:
``<prefix>_ego.csv``, ``<prefix>_attributeList_<node type>.csv``,
``<prefix>_edgeList_<edge type>.csv``), ``src/formatters/csv/ego-list.js`` (columns
``networkCanvasEgoUUID``, ``networkCanvasCaseID``, ``networkCanvasSessionID``,
``networkCanvasProtocolName``, ``sessionStart``, ``sessionFinish``, ``sessionExported``, then
the ego's variables), ``attribute-list.js`` (``nodeID``, ``networkCanvasEgoUUID``,
``networkCanvasUUID``, then the node's variables), ``edge-list.js`` (``edgeID``, ``from``,
``to`` as node ids, ``networkCanvasEgoUUID``, ``networkCanvasUUID``,
``networkCanvasSourceUUID``, ``networkCanvasTargetUUID``, then the edge's variables),
``src/formatters/network.js`` (``processEntityVariables``: a categorical variable ``v`` with
options ``a``, ``b`` becomes the columns ``v_a``, ``v_b`` holding ``true``/``false``; a layout
variable becomes ``v_x``, ``v_y``) and ``csv/csv.js`` (commas, ``\\r\\n``, quotes).

The export comes as a directory or a zip of those files (one interview; a zip of several is
read when the mapping names the ``session``), or as one attribute list alone. Every node of
every attribute list is a member with a tie from the client (the ego); every edge is a tie
between two members. Which variables hold what is a :class:`Mapping`: a variable named like a
column of the network list (``shared/domain.md`` §10, Dutch or English: ``naam``/``name``,
``cirkel``/``circle``, ``rol``/``role``, ``steun``/``support``, ...) is read as that column,
and a mapping file or the options of ``zorgkracht import`` name the others. The values are
then read as in a network list (Dutch or English words, circle 1-4, support letters), after
the mapping's own value table. Reading is all or nothing, every problem named by file, row
and variable.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from zorgkracht.domain import Case, InvalidInput, Person, Problem

from . import network_list_vocab as v
from .network_list import CLIENT_NAME
from .network_list import _case as network_case
from .network_list_rows import Row, RowReader
from .network_list_vocab import Column

__all__ = ["MAPPING_FILE", "Mapping", "parse_network_canvas", "read_network_canvas"]

MAPPING_FILE = "zorgkracht-mapping.toml"
"""A mapping file of this name inside the export directory or zip is used when no other is
given."""

_FILE = re.compile(
    r"^(?P<prefix>.*?)_?(?P<kind>attributeList|edgeList|ego|adjacencyMatrix)"
    r"(?:_(?P<type>[^/\\]*?))?\.csv$",
    re.IGNORECASE,
)
_UUID, _NODE_ID = "networkCanvasUUID", "nodeID"
_SOURCE, _TARGET = "networkCanvasSourceUUID", "networkCanvasTargetUUID"
_RESERVED = frozenset(
    {_UUID, _NODE_ID, "networkCanvasEgoUUID", "edgeID", "from", "to", _SOURCE, _TARGET}
)
_NAME_GUESSES = ("name", "naam", "nickname", "label")

SUPPORT_WORDS: dict[str, str] = {
    v.norm(word): letter
    for letter, words in (
        ("P", ("praktisch", "praktische steun", "practical", "instrumental", "help")),
        ("G", ("gezelschap", "companionship", "social", "sociaal", "company")),
        ("A", ("advies", "advice", "informatie", "information", "informational")),
        ("E", ("emotioneel", "emotionele steun", "emotional", "emotional support")),
        ("W", ("waardering", "appreciation", "esteem")),
    )
    for word in words
}
"""Option values of a support variable read as letters (beside the letters themselves)."""


def _problem(where: str, nl: str, en: str, code: str = "invalid") -> Problem:
    return Problem(where, nl, en, code)


@dataclass(frozen=True, slots=True)
class Mapping:
    """Which Network Canvas variable is which column, and value translations per column."""

    variables: dict[Column, str] = field(default_factory=dict)
    values: dict[Column, dict[str, str]] = field(default_factory=dict)
    ego_name: str | None = None
    session: str | None = None
    node_types: tuple[str, ...] = ()
    """Only these node types (all when empty)."""

    def with_variables(self, **names: str | None) -> Mapping:
        """This mapping with ``circle="closeness"`` and the like (options of the command)."""
        chosen = {Column(key): name for key, name in names.items() if name}
        return Mapping(
            {**self.variables, **chosen},
            self.values,
            self.ego_name,
            self.session,
            self.node_types,
        )

    @classmethod
    def from_toml(cls, text: str, source: str) -> Mapping:
        """A mapping file: ``session``, ``ego_name``, ``node_types`` at the top, a
        ``[variables]`` table (column = variable) and ``[values.<column>]`` tables (Network
        Canvas value = our value)."""
        problems: list[Problem] = []
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise InvalidInput(
                [_problem("", f"onleesbare TOML: {err}", f"unreadable TOML: {err}", "toml")], source
            ) from None
        variables: dict[Column, str] = {}
        values: dict[Column, dict[str, str]] = {}
        for table in ("variables", "values"):
            raw = doc.get(table, {})
            if not isinstance(raw, dict):
                problems.append(_problem(table, "moet een tabel zijn", "must be a table"))
                continue
            for key, value in raw.items():
                column = v.HEADER_WORDS.get(v.norm(key))
                ok = isinstance(value, str) if table == "variables" else isinstance(value, dict)
                if column is None:
                    problems.append(
                        _problem(
                            f"{table}.{key}",
                            f"onbekende kolom '{key}'",
                            f"unknown column '{key}'",
                            "unknown_column",
                        )
                    )
                elif not ok:
                    problems.append(
                        _problem(f"{table}.{key}", "verkeerde soort waarde", "wrong kind of value")
                    )
                elif table == "variables":
                    variables[column] = str(value)
                else:
                    values[column] = {str(k): str(val) for k, val in value.items()}
        unknown = set(doc) - {"variables", "values", "ego_name", "session", "node_types"}
        problems += [
            _problem(key, f"onbekende sleutel '{key}'", f"unknown key '{key}'", "unknown_key")
            for key in sorted(unknown)
        ]
        if problems:
            raise InvalidInput(problems, source)
        types = doc.get("node_types", [])
        return cls(
            variables,
            values,
            str(doc["ego_name"]) if "ego_name" in doc else None,
            str(doc["session"]) if "session" in doc else None,
            tuple(str(t) for t in types) if isinstance(types, list) else (str(types),),
        )


@dataclass(slots=True)
class _Table:
    name: str
    header: list[str]
    rows: list[dict[str, str]]


def _table(name: str, data: bytes, problems: list[Problem]) -> _Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(
            _problem(name, "bestand is geen UTF-8-tekst", "file is not UTF-8 text", "encoding")
        )
        return _Table(name, [], [])
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as err:
        problems.append(_problem(name, f"onleesbare CSV: {err}", f"unreadable CSV: {err}", "csv"))
        return _Table(name, [], [])
    if not records:
        return _Table(name, [], [])
    header = [cell.strip() for cell in records[0]]
    rows = [dict(zip(header, record, strict=False)) for record in records[1:] if any(record)]
    return _Table(name, header, rows)


def _files(source: Path | bytes, name: str) -> dict[str, bytes]:
    """The CSV (and mapping) files of a directory or zip, by base name."""
    if isinstance(source, Path):
        return {p.name: p.read_bytes() for p in sorted(source.iterdir()) if p.is_file()}
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            return {
                Path(info.filename).name: archive.read(info)
                for info in archive.infolist()
                if not info.is_dir() and not Path(info.filename).name.startswith(".")
            }
    except (zipfile.BadZipFile, OSError) as err:
        raise InvalidInput(
            [
                _problem(
                    "", f"onleesbaar zip-bestand ({err})", f"unreadable zip file ({err})", "zip"
                )
            ],
            name,
        ) from None


def _column_text(table: _Table, row: dict[str, str], variable: str) -> str | None:
    """The value of ``variable`` in ``row``: its own column, or the options of a categorical
    variable (``variable_option`` = ``true``) joined by ``;``; ``None`` when the file has
    neither."""
    if variable in row:
        return row[variable].strip()
    options = [col for col in table.header if col.startswith(f"{variable}_")]
    if not options:
        return None
    chosen = [col[len(variable) + 1 :] for col in options if v.norm(row.get(col, "")) == "true"]
    return ";".join(chosen)


def _translate(column: Column, text: str, mapping: Mapping) -> str:
    table = {v.norm(k): val for k, val in mapping.values.get(column, {}).items()}
    parts = [p.strip() for p in re.split(r"[;,]", text)] if column is Column.SUPPORT else [text]
    out = [table.get(v.norm(p), p) for p in parts if p]
    if column is Column.SUPPORT:
        out = [SUPPORT_WORDS.get(v.norm(p), p) for p in out]
    return (
        ";".join(out)
        if column in (Column.SUPPORT, Column.CARE_TASKS, Column.DOMAIN)
        else "".join(out)
    )


def _columns(table: _Table, mapping: Mapping, problems: list[Problem]) -> dict[Column, str]:
    """Column → variable for one attribute list: the mapping's, then variables named like a
    column; a mapped variable the file lacks is a problem."""
    chosen = dict(mapping.variables)
    for name in table.header:
        column = v.HEADER_WORDS.get(v.norm(name))
        if column is not None and column not in chosen and name not in _RESERVED:
            chosen[column] = name
    if Column.NAME not in chosen:
        guess = next((n for n in table.header if v.norm(n) in _NAME_GUESSES), None)
        if guess is not None:
            chosen[Column.NAME] = guess
    for column, variable in chosen.items():
        present = variable in table.header or any(
            h.startswith(f"{variable}_") for h in table.header
        )
        if not present:
            problems.append(
                _problem(
                    table.name,
                    f"variabele '{variable}' (voor {column.value}) staat niet in dit bestand",
                    f"variable '{variable}' (for {column.value}) is not in this file",
                    "missing_column",
                )
            )
    if Column.NAME not in chosen:
        problems.append(
            _problem(
                table.name,
                "geen variabele voor de naam; geef die met --nc-name",
                "no variable for the name; name it with --nc-name",
                "missing_column",
            )
        )
    return {c: n for c, n in chosen.items() if c is not Column.KNOWS}


def _members(
    table: _Table, mapping: Mapping, problems: list[Problem], rows: list[Row]
) -> dict[str, Row]:
    """The rows of one attribute list, keyed by ``networkCanvasUUID`` and ``nodeID``."""
    columns = _columns(table, mapping, problems)
    if any(p.where == table.name for p in problems):
        return {}
    reader = RowReader()
    order = list(columns)
    for index, column in enumerate(order):
        reader.columns[index] = (column, columns[column])
        reader.written[column] = index
        reader.named.add(index)
    keyed: dict[str, Row] = {}
    for number, record in enumerate(table.rows, start=2):
        cells = [
            _translate(c, _column_text(table, record, columns[c]) or "", mapping) for c in order
        ]
        row = reader.row(number, cells)
        if row.is_client:
            reader.add(
                number,
                reader.written[Column.ROLE],
                "de cliënt is het ego, geen knoop",
                "the client is the ego, not a node",
                "two_clients",
            )
        rows.append(row)
        for key in (record.get(_UUID, ""), f"#{record.get(_NODE_ID, '')}"):
            if key.strip("#"):
                keyed[key] = row
    problems += [_problem(f"{table.name}, {p.where}", p.nl, p.en, p.code) for p in reader.problems]
    return keyed


def _pairs(
    tables: Iterable[_Table],
    keyed: dict[str, Row],
    rows: list[Row],
    skipped: bool,
    problems: list[Problem],
) -> list[tuple[Row, Row]]:
    order = {id(row): n for n, row in enumerate(rows)}
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[Row, Row]] = []
    for table in tables:
        for number, record in enumerate(table.rows, start=2):
            ends = []
            for uuid_col, id_col in ((_SOURCE, "from"), (_TARGET, "to")):
                key = record.get(uuid_col, "").strip() or f"#{record.get(id_col, '').strip()}"
                ends.append(keyed.get(key))
                if key not in keyed and not skipped:
                    problems.append(
                        _problem(
                            f"{table.name}, rij/row {number}, kolom/column {id_col}",
                            f"knoop '{key.lstrip('#')}' staat in geen attributenlijst",
                            f"node '{key.lstrip('#')}' is in no attribute list",
                            "unknown_reference",
                        )
                    )
            a, b = ends
            if a is None or b is None or a is b:
                continue
            ranks = sorted((order[id(a)], order[id(b)]))
            if (ranks[0], ranks[1]) not in seen:
                seen.add((ranks[0], ranks[1]))
                pairs.append((a, b) if order[id(a)] < order[id(b)] else (b, a))
    return pairs


def _select(files: dict[str, bytes], mapping: Mapping, source: str) -> dict[str, list[str]]:
    """The files of the one interview: kind → names."""
    by_prefix: dict[str, dict[str, list[str]]] = {}
    for name in files:
        found = _FILE.match(name)
        if found is None:
            continue
        kind = found["kind"].lower()
        if kind == "attributelist" and (found["type"] or "") not in (
            mapping.node_types or (found["type"] or "",)
        ):
            continue
        by_prefix.setdefault(found["prefix"], {}).setdefault(kind, []).append(name)
    if mapping.session:
        by_prefix = {k: f for k, f in by_prefix.items() if mapping.session in k}
    if not any("attributelist" in f for f in by_prefix.values()):
        raise InvalidInput(
            [
                _problem(
                    "",
                    "geen Network Canvas-attributenlijst (…_attributeList_<type>.csv) gevonden",
                    "no Network Canvas attribute list (…_attributeList_<type>.csv) found",
                    "no_nodes",
                )
            ],
            source,
        )
    if len(by_prefix) > 1:
        shown = ", ".join(sorted(by_prefix))
        raise InvalidInput(
            [
                _problem(
                    "",
                    f"dit zijn {len(by_prefix)} interviews ({shown}); kies er één met 'session' "
                    "in het koppelbestand",
                    f"these are {len(by_prefix)} interviews ({shown}); choose one with 'session' "
                    "in the mapping file",
                    "several_interviews",
                )
            ],
            source,
        )
    return next(iter(by_prefix.values()))


def parse_network_canvas(
    source: Path | bytes,
    name: str,
    *,
    mapping: Mapping | None = None,
    case_id: str | None = None,
) -> Case:
    """The case in a Network Canvas export: a directory (``Path``), the bytes of a zip or of
    one attribute list CSV. ``name`` names it in messages. Without ``mapping`` a
    :data:`MAPPING_FILE` inside is used, else variables named like network list columns."""
    if isinstance(source, bytes) and not source.startswith(b"PK\x03\x04"):
        files = {f"{Path(name).stem}_attributeList_.csv": source}
    else:
        files = _files(source, name)
    if mapping is None:
        own = files.get(MAPPING_FILE)
        mapping = Mapping.from_toml(own.decode("utf-8-sig"), MAPPING_FILE) if own else Mapping()
    chosen = _select(files, mapping, name)
    problems: list[Problem] = []
    client = Person(id="", name=CLIENT_NAME)
    for ego_name in chosen.get("ego", []):
        ego = _table(ego_name, files[ego_name], problems)
        if len(ego.rows) != 1:
            problems.append(
                _problem(
                    ego_name,
                    f"{len(ego.rows)} ego's; exporteer één interview per keer (zonder samenvoegen)",
                    f"{len(ego.rows)} egos; export one interview at a time (without merging)",
                    "several_interviews",
                )
            )
            continue
        variable = mapping.ego_name or next(
            (h for h in ego.header if v.norm(h) in _NAME_GUESSES), None
        )
        if variable is not None and ego.rows[0].get(variable, "").strip():
            client.name = ego.rows[0][variable].strip()
    rows: list[Row] = []
    keyed: dict[str, Row] = {}
    unread = bool(mapping.node_types)  # edges may name nodes not read: do not check them
    for node_file in sorted(chosen.get("attributelist", [])):
        before = len(problems)
        table = _table(node_file, files[node_file], problems)
        keyed |= _members(table, mapping, problems, rows)
        unread |= any(p.where == node_file for p in problems[before:])
    edges = [_table(n, files[n], problems) for n in sorted(chosen.get("edgelist", []))]
    pairs = _pairs(edges, keyed, rows, unread, problems)
    if problems:
        raise InvalidInput(problems, name)
    client_row = Row(0, client, is_client=True)
    return network_case([client_row, *rows], pairs, name, case_id, None)


def read_network_canvas(
    path: Path, *, mapping: Mapping | None = None, case_id: str | None = None
) -> Case:
    """A Network Canvas export from disk: a directory, a zip or one attribute list."""
    source: Path | bytes = path if path.is_dir() else path.read_bytes()
    return parse_network_canvas(source, path.name, mapping=mapping, case_id=case_id)


def mapping_for(path: Path | None, **variables: str | None) -> Mapping | None:
    """The mapping of ``zorgkracht import``: the file at ``path`` (if any) with the variables
    of its ``--nc-*`` options; ``None`` when neither is given (a mapping file inside the
    export, or variables named like columns, then decide)."""
    if path is None and not any(variables.values()):
        return None
    base = Mapping()
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            raise InvalidInput(
                [_problem("", f"kan niet gelezen worden ({err})", f"cannot be read ({err})", "io")],
                path.name,
            ) from None
        base = Mapping.from_toml(text, path.name)
    return base.with_variables(**variables)
