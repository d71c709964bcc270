"""Writing a network list: the case's current network as rows a spreadsheet opens.

Dutch headers and values with ``;`` (what Dutch Excel expects), or English with ``,``. Roles are
written gender-neutral (``ouder``, ``broer of zus``) with the gender in its own column, so reading
the list back never infers a gender; cells that hold a default (personal network, positive
quality, not sensitive) are left empty. ``sterkte``/``richting`` are written only when a tie's
strength or direction differs from what reading the row would give; the columns of what the
book asks to record (``wens``, ``energie``, ``vragen``, ``zorgtaken``, the client's care, ...)
only when some row has a value in them.

A cell that a spreadsheet would take for a formula (it starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) is written with a leading ``'`` (OWASP, CSV injection); the reader
takes that ``'`` off again (:func:`~.network_list_rows.unescape_cell`), so a list written and
read back gives the same names.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from zorgkracht.domain import Case, Person, Tie
from zorgkracht.domain.codes import CareTask, NetworkZone, Quality
from zorgkracht.i18n import LANGS, language

from . import network_list_vocab as v
from .network_list_vocab import STRENGTH_BY_CIRCLE, Column, default_direction

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
OPTIONAL = frozenset(
    {
        Column.STRENGTH,
        Column.DIRECTION,
        Column.ORGANISATION,
        Column.WISH,
        Column.ENERGY,
        Column.MAY_ASK,
        Column.RECEIVES_CARE,
        Column.OWN_NEEDS,
        Column.CARE_TASKS,
        Column.CLIENT_CARE_HOURS,
        Column.CLIENT_CARE_MONTHS,
        Column.CLIENT_CARE_TASKS,
    }
)
"""Columns written only when some row has a value in them: a list without them stays as it
was, and reads back the same either way."""


def escape_cell(value: str) -> str:
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula, also when
    it already starts with ``'`` before such a character (``'-`` becomes ``''-``), so that
    :func:`~.network_list_rows.unescape_cell` gives back exactly ``value``."""
    return "'" + value if value.lstrip("'").startswith(FORMULA_START) else value


def _number(value: float, lang: str) -> str:
    """2.5 → ``2,5`` in Dutch, ``2.5`` in English; 8.0 → ``8``."""
    text = repr(float(value)).removesuffix(".0")
    return text.replace(".", ",") if lang == "nl" else text


def _links(case: Case, order: dict[str, int]) -> tuple[dict[str, Tie], dict[str, list[str]]]:
    """The tie from the client to each member, and for each member the later members it knows."""
    client_ties: dict[str, Tie] = {}
    knows: dict[str, set[str]] = {}
    for tie in case.network.ties:
        ends = {tie.a, tie.b}
        if len(ends) != 2 or not ends <= order.keys():
            continue  # a tie with a domain, or to itself: not in a network list
        if case.client in ends:
            client_ties.setdefault((ends - {case.client}).pop(), tie)
        else:
            first, second = sorted(ends, key=order.__getitem__)
            knows.setdefault(first, set()).add(second)
    return client_ties, {p: sorted(ids, key=order.__getitem__) for p, ids in knows.items()}


def _yes(flag: bool, i: int) -> str:
    """``ja``/``yes`` for True; empty for False, the default."""
    return v.BOOLEAN_OUT[True][i] if flag else ""


def _tasks(tasks: set[CareTask], i: int) -> str:
    """Care tasks in canonical order, separated as the names of a ``kent`` cell."""
    inner = (", ", "; ")[i]  # no quotes needed with ";" (Dutch) or "," (English) between cells
    return inner.join(v.CARE_TASK_OUT[t][i] for t in CareTask if t in tasks)


def _person_cells(p: Person, i: int) -> dict[Column, str]:
    return {
        Column.NAME: p.name,
        Column.ROLE: v.ROLE_OUT[p.role][i] if p.role else "",
        Column.GENDER: v.GENDER_OUT[p.gender][i],
        Column.BIRTH_YEAR: str(p.birth_year) if p.birth_year is not None else "",
        Column.CIRCLE: v.CIRCLE_OUT[p.circle][i] if p.circle else "",
        Column.ZONE: v.ZONE_OUT[p.zone][i] if p.zone else "",
        Column.FREQUENCY: (p.frequency.value if i else p.frequency.nl) if p.frequency else "",
        Column.NETWORK: (
            v.NETWORK_OUT[p.network_zone][i] if p.network_zone is not NetworkZone.PERSONAL else ""
        ),
        Column.STATUS: (p.status.value if i else p.status.nl) if p.status else "",
        Column.WEIGHT: str(p.weight) if p.weight is not None else "",
        Column.SENSITIVE: _yes(p.sensitive, i),
        Column.ORGANISATION: _yes(p.organisation, i),
        Column.WISH: v.WISH_OUT[p.wish][i] if p.wish else "",
        Column.ENERGY: v.ENERGY_OUT[p.energy][i] if p.energy else "",
        Column.MAY_ASK: v.BOOLEAN_OUT[p.may_ask][i] if p.may_ask is not None else "",
        Column.RECEIVES_CARE: _yes(p.receives_care, i),
        Column.OWN_NEEDS: _yes(p.own_needs, i),
    }


def _tie_cells(tie: Tie, person: Person, lang: str) -> dict[Column, str]:
    i = LANGS.index(language(lang))  # the (nl, en) tables' column
    cells = {
        Column.SUPPORT: "".join(s.value for s in v.SUPPORT_ORDER if s in tie.support),
        Column.RECIPROCAL: v.BOOLEAN_OUT[tie.reciprocal][i] if tie.reciprocal is not None else "",
        Column.QUALITY: (
            (tie.quality.value if i else tie.quality.nl)
            if tie.quality is not Quality.POSITIVE
            else ""
        ),
        Column.CARE_HOURS: (
            _number(tie.care_hours_per_week, lang) if tie.care_hours_per_week is not None else ""
        ),
        Column.CARE_MONTHS: str(tie.care_months) if tie.care_months is not None else "",
        Column.CARE_TASKS: _tasks(tie.care_tasks, i),
        Column.CLIENT_CARE_HOURS: (
            _number(tie.client_care_hours_per_week, lang)
            if tie.client_care_hours_per_week is not None
            else ""
        ),
        Column.CLIENT_CARE_MONTHS: (
            str(tie.client_care_months) if tie.client_care_months is not None else ""
        ),
        Column.CLIENT_CARE_TASKS: _tasks(tie.client_care_tasks, i),
    }
    if tie.strength != STRENGTH_BY_CIRCLE[person.circle]:
        cells[Column.STRENGTH] = str(tie.strength)
    if tie.direction is not default_direction(tie.support, tie.reciprocal):
        cells[Column.DIRECTION] = v.DIRECTION_OUT[tie.direction][i]
    return cells


def network_list_text(case: Case, *, lang: str = "nl") -> str:
    """The case's current network as a network list (Dutch, or English with ``lang="en"``).

    The client's row comes first, then every other person in the order of the case.
    """
    i = LANGS.index(language(lang))  # the (nl, en) tables' column
    delimiter, inner = ((";", ", "), (",", "; "))[i]  # no quotes needed
    net = case.network
    persons = [
        *(p for p in net.persons if p.id == case.client),
        *(p for p in net.persons if p.id != case.client),
    ]
    order = {p.id: n for n, p in enumerate(persons)}
    names = {p.id: p.name for p in persons}
    client_ties, knows = _links(case, order)
    domains: dict[str, list[str]] = {}
    for domain in net.domains:
        for ref in dict.fromkeys(domain.members):
            domains.setdefault(ref, []).append(domain.name)

    rows: list[dict[Column, str]] = []
    for p in persons:
        row = _person_cells(p, i)
        if p.id == case.client:
            row[Column.ROLE] = v.CLIENT_OUT[i]
        row[Column.DOMAIN] = inner.join(domains.get(p.id, []))
        row[Column.KNOWS] = inner.join(names[other] for other in knows.get(p.id, []))
        tie = client_ties.get(p.id)
        if tie is not None:
            row.update(_tie_cells(tie, p, lang))
        rows.append(row)

    columns = [c for c in v.HEADERS if c not in OPTIONAL or any(r.get(c) for r in rows)]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([v.HEADERS[c][i] for c in columns])
    writer.writerows([[escape_cell(r.get(c, "")) for c in columns] for r in rows])
    return out.getvalue()


def write_network_list(case: Case, path: Path, *, lang: str = "nl") -> None:
    """Write :func:`network_list_text` as UTF-8 with a BOM, so that Excel shows accents right."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write(network_list_text(case, lang=lang))
