"""Pictures of a case for the web application and the command line: drawing within a time
budget, the inline picture with its table, and exports as SVG, PNG, PDF or text.

Everything is drawn by :mod:`zorgkracht.render.views`, so the page, the exports and the command
line show the same picture. The functions that take an :class:`~.permissions.Actor` check what
the actor may do (:func:`~.permissions.require`) before they draw; the others draw a case the
caller has already been given.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zorgkracht.domain import Case, InvalidInput, Problem, ZorgkrachtError
from zorgkracht.domain.model import CURRENT
from zorgkracht.layout.budget import DrawingTooSlow, drawing_budget
from zorgkracht.render.budget import TOO_LARGE, picture_within
from zorgkracht.render.views import FORMATS, VIEWS, View, case_at, check_view

from .permissions import Action, Actor, require

log = logging.getLogger(__name__)

__all__ = [
    "CURRENT",
    "FORMATS",
    "TOO_LARGE",
    "VIEWS",
    "Picture",
    "View",
    "case_at",
    "check_view",
    "draw",
    "draw_file",
    "export_document",
    "export_picture",
    "inline_svg",
    "load_views",
    "map_panel",
    "picture_document",
]

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")


@dataclass(frozen=True, slots=True)
class Picture:
    """One view of one case: the inline SVG and its table view, or why there is none."""

    view: str
    svg: str | None
    rows: list[dict[str, str]]
    unavailable: bool = False
    too_large: bool = False
    """The drawing passed its time budget: no picture, the plain table of persons and ties."""


def load_views() -> None:
    """Import the module of every view now (a server does this before its first request)."""
    import importlib

    for view in VIEWS:
        importlib.import_module(f"zorgkracht.render.{view}")


def inline_svg(svg: str) -> str:
    """An SVG document fit for inlining in HTML (without its XML declaration)."""
    return _XML_DECLARATION.sub("", svg, count=1)


def draw(
    case: Case, view: str, lang: str, *, table: bool = True, budget: float | None = None
) -> Picture:
    """The picture and (unless ``table`` is false) its table of ``view``, drawn within
    ``budget`` seconds (see :mod:`zorgkracht.render.budget`); a view whose module does not
    exist yet is marked unavailable instead of failing the page."""
    try:
        raw, rows = picture_within(case, view, lang, table=table, seconds=budget)
    except ModuleNotFoundError as err:
        if not (err.name or "").startswith("zorgkracht.render."):
            raise
        return Picture(view, None, [], unavailable=True)
    if raw is None:
        return Picture(view, None, rows, too_large=True)
    return Picture(view, inline_svg(raw), rows)


def map_panel(case: Case, view: str, lang: str, budget: float | None = 5.0) -> dict[str, Any]:
    """The picture and its table for the interview's map panel, drawn within ``budget``
    seconds; a view that cannot be drawn says so instead of breaking the interview."""
    from zorgkracht.render.views import render_svg, render_table

    try:
        with drawing_budget(budget):
            svg = _XML_DECLARATION.sub("", render_svg(case, view, lang=lang))
            rows = render_table(case, view, lang=lang)
    except Exception as err:  # the panel must never take the interview down
        log.warning("view %s could not be drawn: %s", view, type(err).__name__)
        return {"view": view, "svg": "", "rows": [], "failed": True}
    return {"view": view, "svg": svg, "rows": rows, "failed": False}


def export_picture(
    actor: Actor,
    case: Case,
    view: str,
    fmt: str,
    *,
    lang: str,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    budget: float | None = None,
    large_print: bool = False,
) -> bytes:
    """``view`` of ``case`` (or of its snapshot) as ``fmt``, drawn within ``budget`` seconds;
    ``InvalidInput`` (``too_large_to_draw``) when it does not fit, ``NotFound`` for an unknown
    snapshot, ``ModuleNotFoundError`` for a view that is still being written. ``large_print``:
    drawn 1.5 times larger (:func:`zorgkracht.render.views.export`)."""
    from zorgkracht.render.views import export

    action = Action.EXPORT_PICTURE_WITHOUT_SENSITIVE if hide_sensitive else Action.EXPORT_PICTURE
    require(actor, action, case.id)
    shown = case_at(case, snapshot)
    try:
        with drawing_budget(budget):
            if fmt == "pdf":
                return picture_document(
                    shown, [view], lang=lang, snapshot=snapshot, hide_sensitive=hide_sensitive
                )
            return export(
                shown,
                view,
                fmt,
                lang=lang,
                hide_sensitive=hide_sensitive,
                large_print=large_print,
            )
    except DrawingTooSlow:
        raise InvalidInput(
            [Problem("view", TOO_LARGE[0], TOO_LARGE[1], "too_large_to_draw")]
        ) from None


def export_document(
    actor: Actor,
    case: Case,
    views: Sequence[str],
    *,
    lang: str,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    budget: float | None = None,
) -> bytes:
    """One PDF document of several views (each drawn within ``budget`` seconds) of ``case`` or
    of its snapshot: :func:`picture_document` with the actor's permission checked."""
    action = Action.EXPORT_PICTURE_WITHOUT_SENSITIVE if hide_sensitive else Action.EXPORT_PICTURE
    require(actor, action, case.id)
    shown = case_at(case, snapshot)
    try:
        with drawing_budget(budget * len(views) if budget is not None else None):
            return picture_document(
                shown, views, lang=lang, snapshot=snapshot, hide_sensitive=hide_sensitive
            )
    except DrawingTooSlow:
        raise InvalidInput(
            [Problem("view", TOO_LARGE[0], TOO_LARGE[1], "too_large_to_draw")]
        ) from None


def picture_document(
    case: Case,
    views: Sequence[str],
    *,
    lang: str,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    focus: str | None = None,
    generations: int | None = None,
    today: dt.date | None = None,
) -> bytes:
    """``views`` of ``case`` as one A4 PDF document (:mod:`zorgkracht.render.document`): each
    picture on its page under a heading (the view, the case's title and the client's name, the
    date: ``today``, or the date of ``snapshot`` when ``case`` shows that snapshot), then its
    table; with ``hide_sensitive`` (a network meeting) without what is marked sensitive and
    without the title and the client's name in the heading."""
    from zorgkracht.render.document import Heading, PicturePage, document_pdf
    from zorgkracht.render.views import render_picture

    snap = case.snapshot(snapshot) if snapshot is not None and snapshot != CURRENT else None
    client = next((p.name for p in case.network.persons if p.id == case.client), "")
    pages: list[PicturePage] = []
    for view in views:
        svg, rows = render_picture(
            case,
            view,
            lang=lang,
            focus=focus,
            generations=generations,
            hide_sensitive=hide_sensitive,
        )
        heading = Heading(
            view=view,
            lang=lang,
            date=snap.taken_on if snap is not None else (today or dt.date.today()),
            title=case.title,
            client=client,
            snapshot=snap.label if snap is not None else None,
            meeting=hide_sensitive,
        )
        pages.append(PicturePage(svg, rows, heading))
    return document_pdf(pages, lang)


def table_text(rows: list[dict[str, str]]) -> str:
    """The text alternative, one line per row: ``kind: who — details``."""
    return "".join(f"{r['kind']}: {r['who']} — {r['details']}\n" for r in rows)


def draw_file(
    case: Case,
    view: str,
    fmt: str | None,
    *,
    table: bool,
    lang: str,
    focus: str | None,
    generations: int | None,
    hide_sensitive: bool = False,
    snapshot: str | None = None,
) -> bytes:
    """The bytes of a picture file (``fmt``; a PDF is a document, :func:`picture_document`,
    dated by ``snapshot`` when ``case`` shows that snapshot), or with ``table`` its text
    alternative, for the command line; a view that is not written yet is a
    ``ZorgkrachtError`` that says so."""
    from zorgkracht.render import views

    try:
        if table:
            rows = views.render_table(
                case,
                view,
                lang=lang,
                focus=focus,
                generations=generations,
                hide_sensitive=hide_sensitive,
            )
            return table_text(rows).encode("utf-8")
        assert fmt is not None
        if fmt == "pdf":
            return picture_document(
                case,
                [view],
                lang=lang,
                snapshot=snapshot,
                hide_sensitive=hide_sensitive,
                focus=focus,
                generations=generations,
            )
        return views.export(
            case,
            view,
            fmt,
            lang=lang,
            focus=focus,
            generations=generations,
            hide_sensitive=hide_sensitive,
        )
    except ModuleNotFoundError as err:
        if err.name != f"zorgkracht.render.{view}":
            raise
        raise ZorgkrachtError(
            f"De weergave {view!r} is in deze versie nog niet beschikbaar.",
            f"The view {view!r} is not available in this version yet.",
        ) from None
