"""The case page: the client system, every view as a tab, the analysis, snapshots, exports.

``GET /cases/{id}`` shows one view at a time (``?view=``, tabs that are plain links, so the page
works without JavaScript), the picture inline as SVG drawn by :mod:`zorgkracht.render.views` (the
same renderer as the exports) with its table view right under it as the text alternative, the
analysis with its signals explained, and the snapshots. ``?snapshot=`` shows a snapshot's
pictures. Snapshots are taken with a form (``POST /cases/{id}/snapshots``) and compared on
``/cases/{id}/compare``. Exports are plain downloads under ``/cases/{id}/export/``.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from zorgkracht.analysis import analyse, compare
from zorgkracht.domain import Case, Conflict, InvalidInput, NotFound, Problem, Snapshot
from zorgkracht.domain.codes import Circle, Quality, Sector, Support, Zone
from zorgkracht.domain.limits import MAX_TITLE
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.i18n import Text, in_language, language
from zorgkracht.interchange import case_json
from zorgkracht.interchange.network_list_write import network_list_text
from zorgkracht.layout.budget import DrawingTooSlow, drawing_budget
from zorgkracht.render.budget import TOO_LARGE, picture_within
from zorgkracht.render.views import FORMATS, VIEWS, case_at, export
from zorgkracht.services.audit import Event
from zorgkracht.services.edits import new_id
from zorgkracht.services.permissions import Action
from zorgkracht.storage import CaseRecord

from .case_forms import CHOICES, case_data
from .deps import get_service, load_case, not_found_answer, page_lang, render_page

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

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")
_MEDIA = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}

RADIO_EN = {
    "reanimeren": "revive",
    "activeren": "activate",
    "deblokkeren": "unblock",
    "intensiveren": "intensify",
    "onderhouden": "maintain",
}
"""The Dutch RADIO verbs (Smit & van Gennep) with their English sense, for English pages."""


@dataclass(frozen=True, slots=True)
class Picture:
    """One view of one case: the inline SVG and its table view, or why there is none."""

    view: str
    svg: str | None
    rows: list[dict[str, str]]
    unavailable: bool = False
    too_large: bool = False
    """The drawing passed its time budget: no picture, the plain table of persons and ties."""


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


def draw_budget(request: Request) -> float:
    """The time one picture may take (setting ``draw_budget_seconds``)."""
    settings = getattr(request.app.state, "settings", None)
    return float(getattr(settings, "draw_budget_seconds", 5.0))


def _names(case: Case) -> dict[str, str]:
    names = {p.id: p.name for p in case.network.persons}
    names.update({d.id: d.name for d in case.network.domains})
    return names


def analysis_panel(case: Case, lang: str) -> dict[str, Any]:
    """What the analysis panel shows: signals with the names of the persons concerned, RADIO
    suggestions with their reasons (other than ``onderhouden``, which is for everyone), and the
    key measures."""
    result = analyse(case)
    names = _names(case)

    def who(ids: list[str]) -> list[str]:
        return [names.get(i, i) for i in ids]

    support = [
        {"letter": letter, "label": Support(letter), "who": who(ids)}
        for letter, ids in result["support"].items()
    ]
    return {
        "size": result["size"],
        "signals": [
            {
                "code": s["code"],
                "severity": s["severity"],
                "message": s["message"][language(lang)],
                "persons": who(s["persons"]),
            }
            for s in result["signals"]
        ],
        "radio": [
            {
                "person": names.get(r["person"], r["person"]),
                "action": in_language(
                    Text(r["action"], f"{r['action']} ({RADIO_EN.get(r['action'], r['action'])})"),
                    lang,
                ),
                "reason": r["reason"][language(lang)],
            }
            for r in result["radio"]
            if r["action"] != "onderhouden"
        ],
        "support": support,
        "density": result["density"],
        "concentration": result["concentration"]["share"],
        "reciprocity": result["reciprocity"]["share"],
        "care_potential": result["care_potential"]["count"],
        "carers": who([c["person"] for c in result["carers"]]),
        "components": result["component_count"],
    }


def analysis_summary(panel: dict[str, Any]) -> dict[str, Any]:
    """The short form of :func:`analysis_panel` that the edit API returns: size and signals."""
    return {"size": panel["size"], "signals": panel["signals"]}


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
) -> dict[str, Any]:
    """Everything the case page and its fragments need. With ``hide_sensitive`` the page shows
    the case without what is marked sensitive (for a network meeting), read-only."""
    lang = page_lang(request)
    case = record.case
    shown = _snapshot_or_404(case, snapshot)
    if hide_sensitive:
        shown = without_sensitive(shown)
    snap: Snapshot | None = case.snapshot(snapshot) if snapshot else None
    return {
        "hide_sensitive": hide_sensitive,
        "record": record,
        "case": case,
        "shown": shown,
        "net": shown.network,
        "names": _names(shown),
        "view": view,
        "views": VIEWS,
        "view_labels": VIEW_LABELS,
        "snapshot": snap,
        "editable": snap is None and not hide_sensitive,
        "picture": picture or draw(shown, view, lang, budget=draw_budget(request)),
        "too_large": TOO_LARGE,
        "analysis": analysis or analysis_panel(shown, lang),
        "choices": CHOICES,
        "formats": FORMATS,
        "today": dt.date.today().isoformat(),
        "case_data": case_data(shown),
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
        context = case_context(
            request, record, _view_or_default(view), snapshot, hide_sensitive=hide_sensitive
        )
    except NotFound:
        return _not_found(request, case_id)
    just_taken = next((s for s in record.case.snapshots if s.id == taken), None)
    return render_page(request, "case.html", **context, just_taken=just_taken)


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
        case = record.case
        snap = Snapshot(
            id=new_id(case, "s"),
            label=label,
            taken_on=taken_on,
            network=copy.deepcopy(case.network),
        )
        changed = dataclasses.replace(case, snapshots=[*case.snapshots, snap])
        try:
            get_service(request).update(changed, expected)
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
    try:
        record = load_case(request, case_id, detail="compare")
        result = compare(record.case, a, b)
    except NotFound:
        return _not_found(request, case_id)
    names = {pid: p["name"] for pid, p in result["persons"].items()}
    names[result["client"]] = result["client_name"]
    for net in (record.case.network, *(s.network for s in record.case.snapshots)):
        for d in net.domains:
            names.setdefault(d.id, d.name)
    lang = page_lang(request)
    moved = {
        measure_label(k, lang): v
        for k, v in result["measures"].items()
        if v["change"] and measure_label(k, lang)
    }
    return render_page(
        request,
        "case_compare.html",
        case=record.case,
        result=result,
        names=names,
        moved=moved,
        quality={q.value: in_language(q, lang) for q in Quality},
        a=a,
        b=b,
    )


_MEASURES: dict[str, tuple[str, str]] = {
    "size": ("netwerkleden", "network members"),
    "ties_among_members": ("banden tussen netwerkleden", "ties between members"),
    "density": ("dichtheid (wie kent wie)", "density (who knows whom)"),
    "component_count": ("losse groepjes", "separate groups"),
    "bridges.count": ("bruggen", "bridges"),
    "isolates.count": ("leden die niemand anders kennen", "members who know nobody else"),
    "care_potential.count": ("zorgpotentieel", "care potential"),
    "carers.count": ("mantelzorgers", "informal carers"),
    "concentration.share": ("concentratie van de steun", "concentration of support"),
    "reciprocity.share": ("wederkerigheid", "reciprocity"),
    "signals.count": ("aandachtspunten", "points of attention"),
    "gaps.count": ("soorten steun die niemand geeft", "kinds of support nobody gives"),
    "variety.sector.iqv": ("gevarieerdheid over sectoren (IQV)", "variety over sectors (IQV)"),
}
_GROUPS: dict[str, tuple[str, str, type[Any]]] = {
    "by_sector": ("sector", "sector", Sector),
    "by_circle": ("cirkel", "circle", Circle),
    "by_zone": ("zone", "zone", Zone),
    "support_counts": ("steun", "support", Support),
}


def measure_label(path: str, lang: str) -> str:
    """A plain label for a measure of :func:`zorgkracht.analysis.compare` (``""`` for the
    technical ones that the page leaves out)."""
    if path in _MEASURES:
        return in_language(Text(*_MEASURES[path]), lang)
    group, _, code = path.partition(".")
    if group in _GROUPS and code != "unknown":
        nl_text, en_text, enum = _GROUPS[group]
        member = enum(code)
        return f"{in_language(Text(nl_text, en_text), lang)}: {in_language(member, lang)}"
    return ""


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
    except NotFound:
        return _not_found(request, case_id)
    case = without_sensitive(record.case) if hide_sensitive else record.case
    return _download(
        case_json.dumps(case),
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
    except NotFound:
        return _not_found(request, case_id)
    case = without_sensitive(record.case) if hide_sensitive else record.case
    text = network_list_text(case, lang=language(lang))
    return _download(
        "\ufeff" + text,
        "text/csv; charset=utf-8",
        f"{_safe(case_id)}-netwerklijst{_without(hide_sensitive, lang)}.csv",
    )


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
        shown = _snapshot_or_404(record.case, snapshot)
    except NotFound:
        return _not_found(request, case_id)
    try:
        with drawing_budget(draw_budget(request)):
            data = export(shown, view, fmt, lang=language(lang), hide_sensitive=hide_sensitive)
    except ModuleNotFoundError:  # a view that is still being written
        return _not_found(request, case_id)
    except DrawingTooSlow:
        raise InvalidInput(
            [Problem("view", TOO_LARGE[0], TOO_LARGE[1], "too_large_to_draw")]
        ) from None
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


def page_fragments(
    request: Request, record: CaseRecord, picture: Picture, analysis: dict[str, Any]
) -> dict[str, str]:
    """The HTML of the page parts that change with an edit, for the script to swap in."""
    if not picture.rows and not picture.unavailable:
        picture = draw(record.case, picture.view, page_lang(request), budget=draw_budget(request))
    context = case_context(request, record, picture.view, None, picture, analysis)
    return {
        name: bytes(render_page(request, f"case_{name}.html", **context).body).decode("utf-8")
        for name in FRAGMENTS
    }
