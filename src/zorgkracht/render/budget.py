"""Drawing within a time budget, and what the page shows instead of a picture that does not fit.

:func:`picture_within` draws through :func:`~zorgkracht.render.views.render_picture` under
:func:`zorgkracht.layout.budget.drawing_budget`. When the drawing passes its deadline it has
already stopped (the layout loops check it, see :mod:`zorgkracht.layout.budget`); the answer
is then no picture, the plain table of persons and ties (:func:`plain_rows`, which needs no
layout) and :data:`TOO_LARGE`, in Dutch and English.

Why a cooperative deadline rather than drawing in a worker: a thread cannot be stopped from
outside, so a timed-out thread would keep drawing for a client that has gone; a process per
picture can be killed, but starting one and sending it the case costs more than a whole redraw
of a usual case (41-61 ms for an edit), and it loses the remembered parts of the last drawing
(:mod:`zorgkracht.layout.memo`). Checking a clock once per round of the few loops that grow
faster than the case costs well under a microsecond per check and stops the work itself.
"""

from __future__ import annotations

import logging

from zorgkracht.domain import Case
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.budget import DrawingTooSlow, drawing_budget

from . import words
from .views import render_picture

log = logging.getLogger(__name__)

TOO_LARGE = (
    "Dit netwerk is te groot om hier als plaatje te tekenen; hieronder staat het als tabel. "
    "Met de opdrachtregel (zorgkracht render) kunt u het plaatje wel maken.",
    "This network is too large to draw here as a picture; it is shown as a table below. The "
    "command line (zorgkracht render) can still make the picture.",
)


def _tr(nl: str, en: str, lang: str) -> str:
    return in_language(Text(nl, en), lang)


def plain_rows(case: Case, lang: str = "nl") -> list[dict[str, str]]:
    """Every person and every tie of the case's network as table rows, without a layout."""
    net = case.network
    names = {p.id: p.name for p in net.persons}
    names.update({d.id: d.name for d in net.domains})
    rows: list[dict[str, str]] = []
    for p in net.persons:
        parts = []
        if p.id == case.client:
            parts.append(_tr("cliënt", "client", lang))
        if p.role is not None:
            parts.append(_tr(p.role.nl, p.role.en, lang))
        if p.circle is not None:
            parts.append(_tr(p.circle.nl, p.circle.en, lang))
        rows.append(
            {
                "kind": _tr(*words.kind_of(p), lang),
                "id": p.id,
                "who": p.name,
                "details": ", ".join(parts),
            }
        )
    for t in net.ties:
        rows.append(
            {
                "kind": _tr("relatie", "tie", lang),
                "id": t.id,
                "who": f"{names.get(t.a, t.a)} – {names.get(t.b, t.b)}",
                "details": words.strength(t.strength, lang),
            }
        )
    return rows


def picture_within(
    case: Case, view: str, lang: str, *, table: bool, seconds: float | None
) -> tuple[str | None, list[dict[str, str]]]:
    """The SVG and table of ``view``; ``(None, plain rows)`` when it does not fit in
    ``seconds`` (``None``: no budget)."""
    try:
        with drawing_budget(seconds):
            return render_picture(case, view, lang=lang, table=table)
    except DrawingTooSlow:
        log.warning("drawing of %s stopped at its budget of %s s", view, seconds)
        return None, plain_rows(case, lang) if table else []
