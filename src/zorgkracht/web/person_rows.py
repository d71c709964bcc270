"""The person list's rows (``_person_row.html``), each drawn again only when what it shows
changed.

A tie made stronger changes one row of a 150-person list; the edit's answer draws the whole list
(the page patches the rows that differ, :mod:`zorgkracht.services.redraw`), and drawing 150 rows
of translated text took most of the server's time of such an edit. A row shows a person record,
the tie records listed under them with the other person's name, and whether the list can be
edited, in a language; a row whose person and ties are equal to those it was drawn from, with
the same names, language and rights, is the row drawn before. (Records are compared by value:
the saved record the page is drawn from is a copy.)

Kept in process memory for a bounded number of rows and dropped, like every other drawn part,
when a case is erased (:func:`zorgkracht.services.redraw.on_erase`). Nothing here is logged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from zorgkracht.domain import Case, Network, Person, Tie
from zorgkracht.services.redraw import on_erase

ROWS = 4096
"""How many rows are kept (about 27 cases of 150 persons)."""

_Listed = tuple[tuple[Tie, str], ...]
_rows: dict[tuple[object, ...], tuple[Person, _Listed, Markup]] = {}
_lock = threading.Lock()


def _clear() -> None:
    with _lock:
        _rows.clear()


on_erase(_clear)


def person_rows(
    env: Environment,
    net: Network,
    case: Case,
    names: dict[str, str],
    *,
    editable: bool,
    lang: str,
    translate: Any,
) -> Callable[[Person], Markup]:
    """The function the person list calls for each person: that person's row."""
    template = env.get_template("_person_row.html")
    listed: dict[str, list[tuple[Tie, str]]] = {}
    for t in net.ties:
        listed.setdefault(t.a, []).append((t, names.get(t.b, t.b)))

    def row(p: Person) -> Markup:
        ties = tuple(listed.get(p.id, ()))
        key = (case.id, p.id, lang, editable, case.client, case.index_person)
        with _lock:
            kept = _rows.get(key)
        if kept is not None and kept[0] == p and kept[1] == ties:
            return kept[2]
        html = Markup(
            template.render(
                p=p, ties_listed=ties, editable=editable, case=case, _=translate, lang=lang
            )
        )
        with _lock:
            if len(_rows) >= ROWS:
                _rows.clear()
            _rows[key] = (p, ties, html)
        return html

    return row


__all__ = ["ROWS", "person_rows"]
