"""The case page: the client system, every view as a tab, the analysis, snapshots, exports.

``GET /cases/{id}`` shows one view at a time (``?view=``, tabs that are plain links, so the page
works without JavaScript), the picture inline as SVG drawn by :mod:`zorgkracht.services.pictures`
(the same renderer as the exports) with its table view right under it as the text alternative, the
analysis with its signals explained, and the snapshots. ``?snapshot=`` shows a snapshot's
pictures. Snapshots are taken with a form (``POST /cases/{id}/snapshots``) and compared on
``/cases/{id}/compare``. Exports are plain downloads under ``/cases/{id}/export/``. The use
cases (drawing, the analysis panel, taking a snapshot, exports) are in :mod:`zorgkracht.services`;
the routes here read the request and shape the page.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from zorgkracht.domain import Case, Conflict, InvalidInput, NotFound, Problem, Snapshot
from zorgkracht.domain.codes import Quality
from zorgkracht.domain.limits import MAX_TITLE
from zorgkracht.domain.model import CURRENT
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.i18n import Text, in_language, language
from zorgkracht.services.analysing import analysis_panel, comparison_page, names
from zorgkracht.services.audit import Event
from zorgkracht.services.cases import CaseRecord, FileKind
from zorgkracht.services.permissions import Action
from zorgkracht.services.pictures import (
    FORMATS,
    TOO_LARGE,
    VIEWS,
    Picture,
    case_at,
    draw,
)
from zorgkracht.services.pictures import (
    export_document as pictures_file,
)
from zorgkracht.services.pictures import (
    export_picture as picture_file,
)
from zorgkracht.services.redraw import remember
from zorgkracht.services.snapshots import take_snapshot as snapshot_of

from .case_forms import CHOICES, case_data
from .case_instruments import INSTRUMENT_FORMS
from .deps import current_user, get_service, load_case, not_found_answer, page_lang, render_page
from .i18n import translator
from .page_cache import PageCache, StateKey, StateParts, ViewParts
from .person_rows import person_rows

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

VIEW_LABELS: dict[str, str] = {
    "genogram": "Genogram",
    "ecogram": "Ecogram",
    "netwerkkaart": "Network map",
    "netwerkschema": "Network schema",
    "levenslijn": "Life line",
    "sociogram": "Sociogram",
}
"""Tab labels (English msgids, translated in the templates)."""

_MEDIA = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


def draw_budget(request: Request) -> float:
    """The time one picture may take (setting ``draw_budget_seconds``)."""
    settings = getattr(request.app.state, "settings", None)
    return float(getattr(settings, "draw_budget_seconds", 5.0))


def _snapshot_or_404(case: Case, snapshot: str | None) -> Case:
    return case_at(case, snapshot or None)


def _view_or_default(view: str | None) -> str:
    return view if view in VIEWS else VIEWS[0]


def case_context(
    request: Request,
    record: CaseRecord,
    view: str,
    snapshot: str | None,
    picture: Picture | None = None,
    analysis: dict[str, Any] | None = None,
    *,
    hide_sensitive: bool = False,
    data: bool = True,
) -> dict[str, Any]:
    """Everything the case page and its fragments need. With ``hide_sensitive`` the page shows
    the case without what is marked sensitive (for a network meeting), read-only; without
    ``data``, no ``case_data`` (only the person list's fragment has it)."""
    lang = page_lang(request)
    case = record.case
    shown = _snapshot_or_404(case, snapshot)
    if hide_sensitive:
        shown = without_sensitive(shown)
    snap: Snapshot | None = case.snapshot(snapshot) if snapshot and snapshot != CURRENT else None
    editable = snap is None and not hide_sensitive
    known = names(shown, lang)
    if picture is None:
        picture = draw(shown, view, lang, budget=draw_budget(request))
        if editable:  # the picture the page's script edits: the next edit's answer patches it
            remember(record.case.id, record.version, picture, lang)
    return {
        "hide_sensitive": hide_sensitive,
        "record": record,
        "case": case,
        "shown": shown,
        "net": shown.network,
        "names": known,
        "view": view,
        "views": VIEWS,
        "view_labels": VIEW_LABELS,
        "snapshot": snap,
        "editable": editable,
        "picture": picture,
        "too_large": TOO_LARGE,
        "analysis": analysis or analysis_panel(shown, lang),
        "choices": CHOICES,
        "instrument_forms": INSTRUMENT_FORMS,
        "formats": FORMATS,
        "today": dt.date.today().isoformat(),
        "case_data": case_data(shown, known, editable=editable) if data else None,
        "person_row": person_rows(
            request.app.state.templates.env,
            shown.network,
            shown,
            known,
            editable=editable,
            lang=lang,
            translate=translator(lang),
        ),
    }


def _not_found(request: Request, case_id: str) -> Response:
    return not_found_answer(request, case_id)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    request: Request,
    case_id: str,
    view: str | None = None,
    snapshot: str | None = None,
    taken: str | None = None,
    hide_sensitive: bool = False,
) -> Response:
    try:
        record = load_case(
            request,
            case_id,
            detail=_shown(f"page:{_view_or_default(view)}", snapshot, hide_sensitive),
        )
        context, parts = page_parts(
            request, record, _view_or_default(view), snapshot, hide_sensitive
        )
    except NotFound:
        return _not_found(request, case_id)
    just_taken = next((s for s in record.case.snapshots if s.id == taken), None)
    return render_page(request, "case.html", **context, parts=parts, just_taken=just_taken)


def _fragment(request: Request, name: str, context: dict[str, Any]) -> Markup:
    return Markup(bytes(render_page(request, f"case_{name}.html", **context).body).decode("utf-8"))


def page_parts(
    request: Request, record: CaseRecord, view: str, snapshot: str | None, hide_sensitive: bool
) -> tuple[dict[str, Any], dict[str, Markup] | None]:
    """The case page's context and its parts (:data:`FRAGMENTS`) as HTML, kept between loads
    of the same stored state in ``app.state.page_cache`` (:mod:`.page_cache`); without a cache,
    no parts (the page includes their templates)."""
    cache: PageCache | None = getattr(request.app.state, "page_cache", None)
    if cache is None:
        return case_context(request, record, view, snapshot, hide_sensitive=hide_sensitive), None
    key = StateKey(
        record.case.id,
        record.revision,
        record.version,
        page_lang(request),
        snapshot or "",
        hide_sensitive,
        dt.date.today().isoformat(),
    )
    state = cache.get(key)
    drawn = state.views.get(view) if state is not None else None
    if state is None:
        context = case_context(request, record, view, snapshot, hide_sensitive=hide_sensitive)
        state = StateParts(
            analysis=context["analysis"],
            system=_fragment(request, "system", context),
            analysis_html=_fragment(request, "analysis", context),
            people=_fragment(request, "people", context),
            views={},
        )
    else:
        picture = drawn.picture if drawn is not None else None
        context = case_context(
            request,
            record,
            view,
            snapshot,
            picture,
            state.analysis,
            hide_sensitive=hide_sensitive,
            data=False,
        )
        if picture is not None and context["editable"]:
            # as for a picture drawn anew: the page's first edit is answered with a patch
            remember(record.case.id, record.version, picture, key.lang)
    if drawn is None:
        drawn = ViewParts(context["picture"], _fragment(request, "table", context))
        if not (drawn.picture.too_large or drawn.picture.unavailable):
            state.views = {**state.views, view: drawn}
    cache.put(key, state)
    parts = {
        "system": state.system,
        "analysis": state.analysis_html,
        "people": state.people,
        "table": drawn.table,
    }
    return context, parts


# --- snapshots ------------------------------------------------------------------------------


def _form_problem(where: str, nl: str, en: str) -> Problem:
    return Problem(where=where, nl=nl, en=en, code="invalid")


@router.post("/cases/{case_id}/snapshots", response_class=HTMLResponse)
async def take_snapshot(request: Request, case_id: str) -> Response:
    """Copy the current network into a new snapshot (label and date from the form)."""
    try:
        record = load_case(
            request, case_id, Action.EDIT, event=Event.CASE_CHANGED, detail="snapshot"
        )
    except NotFound:
        return _not_found(request, case_id)
    form = await request.form()
    label = str(form.get("label", "")).strip()
    taken = str(form.get("taken_on", "")).strip()
    version = str(form.get("version", "")).strip()
    problems: list[Problem] = []
    if not label:
        problems.append(
            _form_problem("label", "Geef de momentopname een naam.", "Give the snapshot a name.")
        )
    if len(label) > MAX_TITLE:
        problems.append(_form_problem("label", "De naam is te lang.", "The name is too long."))
    taken_on: dt.date | None = None
    if taken:
        try:
            taken_on = dt.date.fromisoformat(taken)
        except ValueError:
            problems.append(
                _form_problem(
                    "taken_on",
                    "Geef een datum als JJJJ-MM-DD.",
                    "Give a date as YYYY-MM-DD.",
                )
            )
    expected = record.version
    if version:
        if version.isascii() and version.isdigit() and len(version) <= 18:
            expected = int(version)
        else:
            problems.append(
                _form_problem(
                    "version",
                    "De versie van de pagina is onleesbaar; laad de pagina opnieuw.",
                    "The page's version cannot be read; reload the page.",
                )
            )
    if not problems:
        try:
            _saved, snap = snapshot_of(
                get_service(request),
                current_user(request).actor,
                record,
                label=label,
                taken_on=taken_on,
                expected_version=expected,
            )
        except Conflict as err:
            problems.append(_form_problem("version", err.nl, err.en))
        except InvalidInput as err:
            problems.extend(err.problems)
        else:
            view = str(form.get("view", ""))
            return RedirectResponse(
                f"/cases/{quote(case_id)}?view={_view_or_default(view)}&taken={quote(snap.id)}"
                "#snapshots",
                status_code=303,
            )
    context = case_context(request, record, VIEWS[0], None)
    return render_page(
        request,
        "case.html",
        422,
        **context,
        snapshot_errors={p.where: p for p in problems},
        snapshot_form={"label": label, "taken_on": taken},
    )


@router.get("/cases/{case_id}/compare", response_class=HTMLResponse)
def compare_page(
    request: Request, case_id: str, a: str = "current", b: str = "current"
) -> Response:
    """What changed between two snapshots (``current`` is the network now)."""
    lang = page_lang(request)
    try:
        record = load_case(request, case_id, detail="compare")
        shown = comparison_page(record.case, a, b, lang)
    except NotFound:
        return _not_found(request, case_id)
    return render_page(
        request,
        "case_compare.html",
        case=record.case,
        page=shown,
        result=shown.result,
        names=shown.names,
        quality={q.value: in_language(q, lang) for q in Quality},
        a=a,
        b=b,
    )


# --- exports --------------------------------------------------------------------------------


def _download(content: bytes | str, media: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "casus"


def _without(hide_sensitive: bool, lang: str | None) -> str:
    if not hide_sensitive:
        return ""
    return in_language(Text("-zonder-gevoelig", "-without-sensitive"), lang)


@router.get("/cases/{case_id}/export/case.json")
def export_case_file(
    request: Request, case_id: str, hide_sensitive: bool = False, lang: str | None = None
) -> Response:
    """The case file; with ``hide_sensitive`` without what is marked sensitive (in the current
    network and every snapshot, :func:`~zorgkracht.domain.privacy.without_sensitive`)."""
    try:
        record = load_case(
            request,
            case_id,
            Action.EXPORT_CASE_FILE,
            event=Event.CASE_EXPORTED,
            detail="case_file" + (":without_sensitive" if hide_sensitive else ""),
        )
        text = get_service(request).export_text(
            current_user(request).actor,
            record.case.id,
            FileKind.CASE,
            hide_sensitive=hide_sensitive,
            lang=language(lang),
        )
    except NotFound:
        return _not_found(request, case_id)
    return _download(
        text,
        "application/json",
        f"{_safe(case_id)}{_without(hide_sensitive, lang)}.zorgkracht.json",
    )


@router.get("/cases/{case_id}/export/network-list.csv")
def export_network_list(
    request: Request, case_id: str, lang: str | None = None, hide_sensitive: bool = False
) -> Response:
    """The network list (CSV); with ``hide_sensitive`` without what is marked sensitive."""
    try:
        record = load_case(
            request,
            case_id,
            Action.EXPORT_CASE_FILE,
            event=Event.CASE_EXPORTED,
            detail="network_list" + (":without_sensitive" if hide_sensitive else ""),
        )
        text = get_service(request).export_text(
            current_user(request).actor,
            record.case.id,
            FileKind.NETWORK_LIST,
            hide_sensitive=hide_sensitive,
            lang=language(lang),
        )
    except NotFound:
        return _not_found(request, case_id)
    return _download(
        "\ufeff" + text,
        "text/csv; charset=utf-8",
        f"{_safe(case_id)}-netwerklijst{_without(hide_sensitive, lang)}.csv",
    )


@router.get("/cases/{case_id}/export/pictures.pdf")
def export_pictures(
    request: Request,
    case_id: str,
    lang: str | None = None,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
) -> Response:
    """Every view in one PDF document (A4, each picture with its heading and its table); with
    ``hide_sensitive`` without what is marked sensitive (for a network meeting)."""
    action = Action.EXPORT_PICTURE_WITHOUT_SENSITIVE if hide_sensitive else Action.EXPORT_PICTURE
    detail = _shown("pdf:all", snapshot, hide_sensitive)
    try:
        record = load_case(request, case_id, action, event=Event.CASE_EXPORTED, detail=detail)
        _snapshot_or_404(record.case, snapshot)
    except NotFound:
        return _not_found(request, case_id)
    data = pictures_file(
        current_user(request).actor,
        record.case,
        VIEWS,
        lang=language(lang),
        snapshot=snapshot,
        hide_sensitive=hide_sensitive,
        budget=draw_budget(request),
    )
    suffix = f"-{_safe(snapshot)}" if snapshot else ""
    suffix += _without(hide_sensitive, lang)
    name = in_language(Text("netwerkbeelden", "network-pictures"), lang)
    return _download(data, _MEDIA["pdf"], f"{_safe(case_id)}-{name}{suffix}.pdf")


@router.get("/cases/{case_id}/export/{view}.{fmt}")
def export_picture(
    request: Request,
    case_id: str,
    view: str,
    fmt: str,
    lang: str | None = None,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
) -> Response:
    """A picture as SVG, PNG or PDF, drawn by the same renderer as the page; with
    ``hide_sensitive`` without what is marked sensitive (for a network meeting)."""
    if view not in VIEWS or fmt not in FORMATS:
        return _not_found(request, case_id)
    action = Action.EXPORT_PICTURE_WITHOUT_SENSITIVE if hide_sensitive else Action.EXPORT_PICTURE
    detail = _shown(f"{fmt}:{view}", snapshot, hide_sensitive)
    try:
        record = load_case(request, case_id, action, event=Event.CASE_EXPORTED, detail=detail)
        _snapshot_or_404(record.case, snapshot)
    except NotFound:
        return _not_found(request, case_id)
    chosen = language(lang)
    try:
        data = picture_file(
            current_user(request).actor,
            record.case,
            view,
            fmt,
            lang=chosen,
            snapshot=snapshot,
            hide_sensitive=hide_sensitive,
            budget=draw_budget(request),
            # the browser's large-print choice (static/large_print.js), shared with the screen
            large_print=request.cookies.get("zk_large_print") == "1",
        )
    except ModuleNotFoundError:  # a view that is still being written
        return _not_found(request, case_id)
    suffix = f"-{_safe(snapshot)}" if snapshot else ""
    if hide_sensitive:
        suffix += _without(hide_sensitive, lang)
    return _download(data, _MEDIA[fmt], f"{_safe(case_id)}-{view}{suffix}.{fmt}")


def _shown(detail: str, snapshot: str | None, hide_sensitive: bool) -> str:
    """The audit detail of a view or export: what, of a snapshot, without the sensitive."""
    return (
        detail
        + (":snapshot" if snapshot else "")
        + (":without_sensitive" if hide_sensitive else "")
    )


FRAGMENTS = ("system", "table", "analysis", "people")
"""Parts of the case page that an edit redraws: ``case_<name>.html``."""


PICTURE_FRAGMENTS = ("table",)
"""The parts that follow the picture alone: all that changes when a person is only moved."""


def page_fragments(
    request: Request,
    record: CaseRecord,
    picture: Picture,
    analysis: dict[str, Any],
    parts: tuple[str, ...] = FRAGMENTS,
) -> dict[str, str]:
    """The HTML of the page parts ``parts`` (of :data:`FRAGMENTS`) for the script to swap in."""
    if not parts:
        return {}
    if not picture.rows and not picture.unavailable:
        picture = draw(record.case, picture.view, page_lang(request), budget=draw_budget(request))
    context = case_context(
        request, record, picture.view, None, picture, analysis, data="people" in parts
    )
    return {name: str(_fragment(request, name, context)) for name in parts}
