"""The network list (``shared/domain.md`` §10): the roster CSV professionals keep in Excel.

One row per person, the first row holds the column names. Column names and values may be Dutch
or English, in any letter case, with or without accents (see :mod:`.network_list_vocab`). The
file may be UTF-8 (with or without BOM), Windows-1252 or UTF-16 with a BOM, separated by ``;``,
``,`` or a tab (counted in the header row, outside quotes).

Reading is all or nothing: every problem in the whole file is collected with its row (as the
spreadsheet numbers it, the header being row 1) and column (as written in the file), and
:class:`InvalidInput` lists them all. Each row becomes a person with a tie from the client; the
``kent`` column adds ties between members and ``domein`` puts persons in ecogram domains. The
care the client gives a member (``zorguren_client``, ``zorgmaanden_client``,
``zorgtaken_client``) goes on that tie from the client, as ``client_care_*``.
Writing gives a list that reads back to the same persons, attributes and ties.
``docs/network-list.md`` has the rules for users.
"""

from __future__ import annotations

import csv
from pathlib import Path

from zorgkracht.domain import Case, Domain, InvalidInput, Network, Person, Problem, Tie
from zorgkracht.domain.codes import DomainKind
from zorgkracht.domain.ids import IdPool
from zorgkracht.domain.invariants import validate_case
from zorgkracht.domain.limits import MAX_TITLE

from . import network_list_vocab as v
from .network_list_rows import (
    Row,
    RowReader,
    decode,
    detect_delimiter,
    problem,
    read_records,
    split_sep_line,
)
from .network_list_vocab import KNOWS_STRENGTH, STRENGTH_BY_CIRCLE, Column, default_direction
from .network_list_write import network_list_text, write_network_list

__all__ = [
    "CLIENT_ID",
    "CLIENT_NAME",
    "looks_like_network_list",
    "network_list_text",
    "parse_network_list",
    "read_network_list",
    "write_network_list",
]

CLIENT_ID = "client"
CLIENT_NAME = "Cliënt"
"""The client made up when no row has the role cliënt."""


def looks_like_network_list(data: bytes) -> bool:
    """True when the first non-blank line of ``data`` holds a ``naam``/``name`` column."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="ignore")
    else:
        try:
            text = head.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            cut = err.start > len(head) - 4  # a character cut in two at the end of the head
            text = (
                head[: err.start].decode("utf-8-sig") if cut else head.decode("cp1252", "replace")
            )
    if text.lstrip("\ufeff \t\r\n").startswith("{") or "\x00" in text:
        return False
    text, sep = split_sep_line(text.lstrip("\ufeff"))
    lines = [line for line in text.splitlines() if line.strip(" \t;,")]
    if not lines:
        return False
    cells = next(csv.reader([lines[0]], delimiter=sep or detect_delimiter(lines[0])), [])
    return any(v.HEADER_WORDS.get(v.norm(cell)) is Column.NAME for cell in cells)


# --- reading: rows to a case --------------------------------------------------------------


def _case(
    rows: list[Row],
    pairs: list[tuple[Row, Row]],
    source: str,
    case_id: str | None,
    title: str | None,
) -> Case:
    """``rows`` has the client row (if any) first, then the members in file order."""
    ids = IdPool()  # unique across persons, domains and ties
    client = rows[0].person if rows and rows[0].is_client else Person(id="", name=CLIENT_NAME)
    client.id = ids.derived(CLIENT_ID)
    members = [row for row in rows if not row.is_client]
    for row in members:
        row.person.id = ids.derived(v.slug(row.person.name, "persoon"))

    domains: dict[str, Domain] = {}
    for row in rows:
        for name in row.domains:
            key = v.norm(name)
            if key not in domains:
                domains[key] = Domain(
                    id=ids.derived("d-" + v.slug(name, "domein")),
                    name=name,
                    kind=v.DOMAIN_KIND_WORDS.get(key, DomainKind.OTHER),
                )
            if row.person.id not in domains[key].members:
                domains[key].members.append(row.person.id)

    ties = [
        Tie(
            id=ids.derived(f"t-{row.person.id}"),
            a=client.id,
            b=row.person.id,
            strength=(
                row.strength if row.strength is not None else STRENGTH_BY_CIRCLE[row.person.circle]
            ),
            quality=row.quality,
            direction=row.direction or default_direction(row.support, row.reciprocal),
            support=row.support,
            reciprocal=row.reciprocal,
            care_hours_per_week=row.care_hours,
            care_months=row.care_months,
            care_tasks=row.care_tasks,
            client_care_hours_per_week=row.client_care_hours,
            client_care_months=row.client_care_months,
            client_care_tasks=row.client_care_tasks,
        )
        for row in members
    ]
    ties += [
        Tie(
            id=ids.derived(f"t-{a.person.id}-{b.person.id}"),
            a=a.person.id,
            b=b.person.id,
            strength=KNOWS_STRENGTH,
        )
        for a, b in pairs
    ]
    case = Case(
        id=case_id or v.slug(Path(source).stem, "netwerk"),
        title=title or f"Netwerk van {client.name}"[:MAX_TITLE],
        client=client.id,
        network=Network(
            persons=[client, *(row.person for row in members)],
            household=[client.id],
            ties=ties,
            domains=list(domains.values()),
        ),
    )
    return validate_case(case, source)


def parse_network_list(
    data: bytes, source: str, *, case_id: str | None = None, title: str | None = None
) -> Case:
    """The case in network list ``data`` (named ``source`` in messages), or :class:`InvalidInput`.

    The case id defaults to a slug of the file name's stem, the title to "Netwerk van <client>".
    """
    text = decode(data)
    if isinstance(text, Problem):
        raise InvalidInput([text], source)
    records, broken = read_records(text)
    numbered = [(n, r) for n, r in enumerate(records, start=1) if any(c.strip() for c in r)]
    if not numbered and broken is None:
        raise InvalidInput(
            [problem("", "het bestand is leeg", "the file is empty", "empty_file")], source
        )
    reader = RowReader()
    if numbered:
        (header_number, header), *body = numbered
        reader.header(header_number, header)
        rows = [reader.row(number, cells) for number, cells in body]
    else:
        rows = []
    if broken is not None:
        reader.found.append((broken[0], -1, broken[1]))
    reader.check_clients(rows)
    rows.sort(key=lambda row: not row.is_client)  # stable: the client first, then file order
    pairs = reader.knows_pairs(rows)
    if reader.found:
        raise InvalidInput(reader.problems, source)
    return _case(rows, pairs, source, case_id, title)


def read_network_list(path: Path, *, case_id: str | None = None, title: str | None = None) -> Case:
    """Read a network list from disk; see :func:`parse_network_list`."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InvalidInput(
            [
                problem(
                    "",
                    f"bestand kan niet gelezen worden ({err.strerror})",
                    f"file cannot be read ({err.strerror})",
                    "io",
                )
            ],
            path.name,
        ) from None
    return parse_network_list(data, path.name, case_id=case_id, title=title)
