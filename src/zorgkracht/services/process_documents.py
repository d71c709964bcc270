"""The documents of the process, as files: the one door for the command line (``zorgkracht
report``) and the web application.

Kinds (``shared/domain.md`` §12, "Documents that come out"):

``invitation``
    the written invitation to a meeting, with its agenda, the client's questions and a note
    that a leaflet goes with it (3671–3674);
``plan``
    the action plan for everyone present (3696–3711);
``client-plan``
    the client's own plan on one page, in plain words;
``evaluation``
    per help question and action, with the network before and after (4050–4058);
``case``
    the case report for the professional's file: everything, what is sensitive included.

The first four never show what is marked sensitive
(:func:`zorgkracht.domain.privacy.without_sensitive`). Each is a printable HTML page or an A4
PDF. Nothing here logs the documents' content: it is client data.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from zorgkracht.domain import Case, InvalidInput, NotFound, Problem
from zorgkracht.domain.model import CURRENT
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.domain.process import Meeting
from zorgkracht.i18n import Text, in_language

if TYPE_CHECKING:
    from zorgkracht.render.process_documents_common import Figure

log = logging.getLogger(__name__)

__all__ = ["DOCUMENT_FORMATS", "DOCUMENT_KINDS", "process_document"]

DOCUMENT_KINDS = ("invitation", "plan", "client-plan", "evaluation", "case")
DOCUMENT_FORMATS = ("pdf", "html")

_CASE_VIEWS = ("genogram", "ecogram")
"""The pictures of the case report."""


def _invalid(where: str, nl: str, en: str, code: str = "invalid") -> InvalidInput:
    return InvalidInput([Problem(where, nl, en, code)])


def _check(kind: str, fmt: str) -> None:
    if kind not in DOCUMENT_KINDS:
        known = ", ".join(DOCUMENT_KINDS)
        raise _invalid(
            "--kind",
            f"onbekende soort document {kind!r}; kies uit {known}",
            f"unknown kind of document {kind!r}; choose one of {known}",
            "enum",
        )
    if fmt not in DOCUMENT_FORMATS:
        raise _invalid(
            "--format",
            f"onbekend formaat {fmt!r}; kies pdf of html",
            f"unknown format {fmt!r}; choose pdf or html",
            "enum",
        )


def _meeting(case: Case, meeting: str | None, kind: str) -> Meeting | None:
    """The meeting ``meeting`` names; for an invitation without one, the first meeting not
    held yet (else the last)."""
    meetings = case.process.meetings
    if meeting is not None:
        for m in meetings:
            if m.id == meeting:
                return m
        known = ", ".join(m.id for m in meetings) or "—"
        raise NotFound(
            f"bijeenkomst {meeting!r} bestaat niet in deze casus (wel: {known})",
            f"meeting {meeting!r} does not exist in this case (known: {known})",
        )
    if kind != "invitation":
        return None
    if not meetings:
        raise _invalid(
            "--meeting",
            "deze casus heeft nog geen bijeenkomst om voor uit te nodigen",
            "this case has no meeting to invite to yet",
            "not_found",
        )
    return next((m for m in meetings if not m.held), meetings[-1])


def _has_plan(case: Case, kind: str) -> bool:
    process = case.process
    if kind == "case":
        return not process.is_empty()
    return bool(process.help_questions or process.actions or process.meetings)


def process_document(
    case: Case,
    kind: str,
    fmt: str,
    meeting: str | None = None,
    lang: str = "nl",
    today: dt.date | None = None,
) -> bytes:
    """Document ``kind`` of ``case`` as ``fmt`` (``pdf``: A4; ``html``: a printable page,
    UTF-8). ``meeting``: the meeting an invitation is for (by default the first not held yet);
    the date of the plan when given for another kind. ``InvalidInput`` for an unknown kind or
    format and for a case without help questions or plan; ``NotFound`` for an unknown meeting."""
    from zorgkracht.render import process_documents as docs
    from zorgkracht.render import process_documents_report as report
    from zorgkracht.render.process_documents_common import pdf_of

    _check(kind, fmt)
    if not _has_plan(case, kind):
        raise _invalid(
            "process",
            "deze casus heeft nog geen hulpvragen of plan",
            "this case has no help questions or plan yet",
            "no_process",
        )
    chosen = _meeting(case, meeting, kind)
    day = today or dt.date.today()
    if chosen is not None and chosen.date is not None and kind != "invitation":
        day = chosen.date
    if kind == "invitation":
        assert chosen is not None
        html = docs.invitation_html(case, chosen.id, lang)
    elif kind == "plan":
        html = docs.plan_html(case, lang, day)
    elif kind == "client-plan":
        html = docs.client_plan_html(case, lang, day)
    elif kind == "evaluation":
        figures, measures = _before_after(case, lang)
        html = report.evaluation_html(case, lang, day, figures, measures)
    else:
        html = report.case_html(case, lang, day, _case_figures(case, lang), _analysis(case, lang))
    log.info("process document %s as %s", kind, fmt)
    return pdf_of(html) if fmt == "pdf" else html.encode("utf-8")


def _snapshot_caption(case: Case, snapshot: str, before: bool, lang: str) -> str:
    from zorgkracht.render.process_documents_common import date_text

    when = Text("Vóór", "Before") if before else Text("Na", "After")
    if snapshot == CURRENT:
        what = in_language(Text("het netwerk van nu", "the network now"), lang)
    else:
        snap = case.snapshot(snapshot)
        day = date_text(snap.taken_on, lang)
        what = f"{snap.label} ({day})" if day else snap.label
    return f"{in_language(when, lang)}: {what}"


def _before_after(case: Case, lang: str) -> tuple[list[Figure], list[tuple[str, str, str, str]]]:
    """The ecogram before and after of the last evaluation that names a ``before`` snapshot,
    drawn without what is sensitive, and the measures that moved between them."""
    from zorgkracht.render.process_documents_common import Figure
    from zorgkracht.render.views import case_at, render_svg

    from .analysing import comparison_page

    shown = without_sensitive(case)
    pair = next(
        ((e.before, e.after or CURRENT) for e in reversed(shown.process.evaluations) if e.before),
        None,
    )
    if pair is None:
        return [], []
    before, after = pair
    figures: list[Figure] = [
        Figure(
            _snapshot_caption(shown, snap, snap == before, lang),
            render_svg(case_at(shown, snap), "ecogram", lang=lang),
        )
        for snap in (before, after)
    ]
    return figures, comparison_page(shown, before, after, lang).measures


def _case_figures(case: Case, lang: str) -> list[Figure]:
    from zorgkracht.render.document import VIEW_NAMES
    from zorgkracht.render.process_documents_common import Figure
    from zorgkracht.render.views import render_svg

    return [
        Figure(in_language(VIEW_NAMES[view], lang), render_svg(case, view, lang=lang))
        for view in _CASE_VIEWS
    ]


def _analysis(case: Case, lang: str) -> list[str]:
    """The analysis in short: the network's size, the signals, who carries the care and the
    RADIO suggestions."""
    from .analysing import analysis_panel

    panel = analysis_panel(case, lang)
    lines = [
        in_language(
            Text(
                f"Omvang van het netwerk: {panel['size']}", f"Size of the network: {panel['size']}"
            ),
            lang,
        )
    ]
    lines += [str(s["message"]) for s in panel["signals"]]
    if panel["carers"]:
        carers = ", ".join(panel["carers"])
        lines.append(in_language(Text(f"Mantelzorgers: {carers}", f"Carers: {carers}"), lang))
    lines += [f"{r['person']}: {r['action']} — {r['reason']}" for r in panel["radio"]]
    return lines
