"""Zorgkracht as a Python library: load a case from any file it reads, analyse it, draw its
pictures (``draw``: ``render`` is the name of the drawing package), write it in any format,
and make the papers and calendars of its process.

The names are at the top of the package (``zorgkracht.load``, ``zorgkracht.analyse``, ...)
and are imported when first used, so ``import zorgkracht`` stays light. Everything goes
through :mod:`zorgkracht.services`, as the command line and the web application do; nothing
is stored. A case is a :class:`zorgkracht.domain.Case` (plain dataclasses): read it, or change
it with :func:`edit`, which checks every rule and gives the operation that undoes it.

>>> import zorgkracht
>>> case = zorgkracht.load(zorgkracht.demo_file("tavenier"))
>>> case.title
'De familie Tavenier'
>>> len(case.process.help_questions), [q.priority for q in case.process.top()]
(6, [1, 2, 3])
>>> zorgkracht.analyse(case)["size"]
17
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zorgkracht.domain import Case
    from zorgkracht.services.edits import EditResult

__all__ = [
    "VIEWS",
    "analyse",
    "calendar",
    "compare",
    "demo_file",
    "draw",
    "edit",
    "export",
    "load",
    "report",
]

VIEWS = ("genogram", "ecogram", "netwerkkaart", "netwerkschema", "levenslijn", "sociogram")
"""The six pictures of a case."""


def demo_file(name: str) -> Path:
    """The case file of a demo case from the book: ``flodder``, ``fatima``, ``karel``,
    ``tavenier``, ``ada`` or ``pauline``.

    >>> demo_file("ada").name
    'ada.zorgkracht.json'
    """
    from zorgkracht.services.inputs import demo_file as path_of

    return path_of(name)


def load(source: str | Path | bytes, *, name: str = "data") -> Case:
    """The case in a file (a path) or in ``bytes``: a case file, a network list (CSV), GEDCOM,
    GraphML, an easyNWK record or a Network Canvas export, told apart by content. All rules
    are checked; :class:`zorgkracht.domain.InvalidInput` lists every problem with its place
    (``name`` names ``bytes`` in the messages).

    >>> case = load(b"naam;rol;cirkel\\nJolanda;buur;kennissen\\n", name="lijst.csv")
    >>> [p.name for p in case.network.persons][1:]
    ['Jolanda']
    >>> from zorgkracht.domain import InvalidInput
    >>> try:
    ...     load(b"naam;rol\\n;buur\\n", name="kapot.csv")
    ... except InvalidInput as err:
    ...     print(err.problems[0].where)
    rij/row 2, kolom/column naam
    """
    from zorgkracht.services.inputs import read_bytes, read_file

    if isinstance(source, bytes):
        return read_bytes(source, name).case
    return read_file(Path(source)).case


def analyse(case: Case, snapshot: str | None = None) -> dict[str, Any]:
    """Every measure, signal and RADIO reading of the network now or of ``snapshot``: the
    document of ``zorgkracht analyse --json`` (``docs/analysis.md``).

    >>> result = analyse(load(demo_file("karel")))
    >>> sorted(result["support"])
    ['A', 'E', 'G', 'P', 'W']
    """
    from zorgkracht.services.analysing import analyse as analysed

    return dict(analysed(case, snapshot))


def compare(case: Case, before: str, after: str = "current") -> dict[str, Any]:
    """What changed from snapshot ``before`` to ``after`` (``current``: the network now).

    >>> ada = load(demo_file("ada"))
    >>> change = compare(ada, "aanmelding", "eind")
    >>> change["from"], change["to"]
    ('aanmelding', 'eind')
    """
    from zorgkracht.services.analysing import compare as compared

    return dict(compared(case, before, after))


def draw(
    case: Case,
    view: str,
    format: str = "svg",
    *,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    lang: str = "nl",
) -> bytes:
    """One picture (``view``, one of :data:`VIEWS`) as ``svg``, ``png`` or ``pdf`` (an A4
    document with heading, legend and table), drawn as the application draws it; with
    ``hide_sensitive`` without what is marked sensitive.

    >>> svg = draw(load(demo_file("karel")), "ecogram")
    >>> svg[:5]
    b'<?xml'
    """
    from zorgkracht.services.pictures import case_at, draw_file

    return draw_file(
        case_at(case, snapshot),
        view,
        format,
        table=False,
        lang=lang,
        focus=None,
        generations=None,
        hide_sensitive=hide_sensitive,
        snapshot=snapshot,
    )


def export(
    case: Case,
    path: str | Path,
    *,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    gedcom_version: str = "5.5.1",
    lang: str = "nl",
) -> Path:
    """Write ``case`` to ``path`` in the format of its suffix: ``.json`` (case file), ``.csv``
    (network list), ``.graphml``, ``.gexf`` or ``.ged`` (GEDCOM 5.5.1 or 7.0); see
    ``docs/interchange.md`` for what each keeps. Written whole or not at all.

    >>> import tempfile, networkx
    >>> target = Path(tempfile.mkdtemp()) / "karel.graphml"
    >>> export(load(demo_file("karel")), target).suffix
    '.graphml'
    >>> networkx.read_graphml(target).number_of_nodes() > 1
    True
    """
    from zorgkracht.services.inputs import write_file

    target = Path(path)
    write_file(
        case,
        target,
        snapshot=snapshot,
        hide_sensitive=hide_sensitive,
        gedcom_version=gedcom_version,
        lang=lang,
    )
    return target


def edit(case: Case, operation: dict[str, Any]) -> EditResult:
    """Apply an edit operation (``docs/web.md`` lists them; the same as
    ``POST /api/cases/{id}/edits``) to a copy of ``case``: the new case and the operation that
    undoes it. Bad input raises :class:`zorgkracht.domain.InvalidInput` naming the field;
    ``case`` is never changed.

    >>> case = load(demo_file("karel"))
    >>> done = edit(case, {"op": "add_help_question", "text": "Wie gaat mee naar de markt?"})
    >>> done.case.process.help_questions[-1].id, done.inverse["op"]
    ('hq1', 'remove_help_question')
    >>> edit(done.case, done.inverse).case == case
    True
    """
    from zorgkracht.services.edits import apply_edit

    return apply_edit(case, operation)


def report(
    case: Case,
    kind: str,
    format: str = "pdf",
    *,
    meeting: str | None = None,
    lang: str = "nl",
    today: dt.date | None = None,
) -> bytes:
    """A paper of the process: ``invitation``, ``plan``, ``client-plan``, ``evaluation`` (none
    shows what is marked sensitive) or ``case`` (the professional's file), as A4 ``pdf`` or
    printable ``html`` (``docs/documents.md``).

    >>> html = report(load(demo_file("tavenier")), "client-plan", "html")
    >>> b"<html" in html
    True
    """
    from zorgkracht.services.process_documents import process_document

    return process_document(case, kind, format, meeting=meeting, lang=lang, today=today)


def calendar(case: Case, *, person: str | None = None, lang: str = "nl") -> bytes:
    """The meetings and actions of the process as iCalendar (RFC 5545), of the whole case or
    of one ``person``; nothing sensitive and no notes (``docs/calendar.md``).

    >>> ics = calendar(load(demo_file("tavenier")))
    >>> ics.splitlines()[0]
    b'BEGIN:VCALENDAR'
    """
    from zorgkracht.services.calendars import calendar_file

    return calendar_file(case, person=person, lang=lang)
