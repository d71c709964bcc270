"""Interview mode: collect the network by asking (domain.md §8).

Pages under ``/cases/{id}/interview``: an overview, the client's own page (``/client``: gender
and year of birth), one page per name generator (``/names/{step}``: the name with its relation,
circle and support, and the family tree, organisations and domains that go with it), one page
per person for the interpreters (``/about/{person}``) and the who-knows-whom checklist
(``/knows``). The step is in the URL, so the interview can be left
and resumed. Every answer is saved at once with the version the page showed, as edit operations
through ``CaseService.edit`` (the write path of drawing on the map, which checks that the user
may edit the case and keeps its remembered record): removing a person is ``remove_person``, the
other answers a batch of operations (:func:`zorgkracht.services.interview.save_answer`).
Forms work without JavaScript (post, then redirect back); ``static/interview.js`` posts the
same forms with ``Accept: application/json`` and redraws the map panel (``/map``) without a
page reload. Errors come back next to the field and change nothing.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from zorgkracht.domain import (
    Case,
    Circle,
    Conflict,
    Energy,
    Frequency,
    InvalidInput,
    NotFound,
    Problem,
    Quality,
    Role,
    Support,
    Wish,
    Zone,
)
from zorgkracht.i18n import Text, in_language
from zorgkracht.services import interview as iv
from zorgkracht.services import interview_family as family
from zorgkracht.services import interview_steps as steps
from zorgkracht.services.audit import Event
from zorgkracht.services.cases import CaseRecord
from zorgkracht.services.pictures import map_panel

from .deps import audit, current_user, get_service, load_case, page_lang, render_page

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

MAP_VIEWS = ("netwerkschema", "ecogram", "sociogram")
MAX_BODY = 64 * 1024
CODES: dict[str, tuple[Any, ...]] = {
    "roles": tuple(Role),
    "circles": tuple(Circle),
    "frequencies": tuple(Frequency),
    "zones": tuple(Zone),
    "qualities": tuple(Quality),
    "supports": tuple(Support),
    "genders": iv.GENDERS,
    "wishes": tuple(Wish),
    "energies": tuple(Energy),
    "couple_types": steps.COUPLE_TYPES,
}
FLAGS = ("receives_care", "own_needs")
"""Yes/no questions asked with a tick box: unticked (but shown) is no."""


# --- helpers --------------------------------------------------------------------------------
def _base(case_id: str) -> str:
    return f"/cases/{quote(case_id, safe='')}/interview"


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


async def _form(request: Request) -> dict[str, list[str]]:
    """The posted form (``application/x-www-form-urlencoded``), every field as a list."""
    body = await request.body()
    if len(body) > MAX_BODY:
        raise InvalidInput([Problem("body", "te veel gegevens", "too much data", "too_large")])
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(
            [Problem("body", "geen geldige tekst (UTF-8)", "not valid text (UTF-8)", "encoding")]
        ) from None
    return parse_qs(text, keep_blank_values=True)


def _one(form: dict[str, list[str]], name: str) -> str:
    values = form.get(name) or [""]
    return values[0]


def _version(form: dict[str, list[str]]) -> int:
    raw = _one(form, "version").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise InvalidInput(
            [
                Problem(
                    "version",
                    "de versie van de casus ontbreekt; laad de pagina opnieuw",
                    "the case version is missing; reload the page",
                    "required",
                )
            ]
        )
    return int(raw)


def _map_view(request: Request, default: str = "netwerkschema") -> str:
    view = request.query_params.get("view", default)
    return view if view in MAP_VIEWS else default


def _label(lang: str) -> Any:
    def label(code: Any) -> str:
        if code is None:
            return ""
        return str(in_language(code, lang))

    return label


def _save(
    request: Request, case_id: str, version: int, operations: list[dict[str, Any]]
) -> CaseRecord:
    """Save an answer, edit operations (:mod:`zorgkracht.services.edits`) applied as one edit
    over the version the page showed: the same write path as drawing on the map."""
    return iv.save_answer(
        get_service(request), current_user(request).actor, case_id, version, operations
    )


def _page(
    request: Request,
    template: str,
    record: CaseRecord,
    *,
    status_code: int = 200,
    current: str,
    **context: Any,
) -> HTMLResponse:
    case = record.case
    lang = page_lang(request)
    view = _map_view(request, "sociogram" if current == "knows" else "netwerkschema")
    members = iv.named_members(case)
    return render_page(
        request,
        template,
        status_code,
        record=record,
        case=case,
        base=_base(case.id),
        steps=iv.NAME_STEPS,
        current=current,
        members=members,
        first_member=members[0].id if members else None,
        client_name=_client_name(case),
        label=_label(lang),
        map_views=MAP_VIEWS,
        panel=map_panel(case, view, lang),
        codes=CODES,
        **context,
    )


def _client_name(case: Case) -> str:
    try:
        return case.network.person(case.client).name
    except KeyError:
        return case.client


def _errors(err: InvalidInput, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in err.problems:
        key = p.where.split("/")[0] or "form"
        text = in_language(p, lang)
        out[key] = f"{out[key]} {text}" if key in out else text
    return out


def _conflict_text(lang: str) -> str:
    return in_language(
        Text(
            "Iemand anders heeft deze casus intussen gewijzigd. Uw antwoord is niet opgeslagen; "
            "deze pagina toont nu de nieuwste stand, geef het antwoord opnieuw.",
            "Someone else changed this case in the meantime. Your answer was not saved; "
            "this page now shows the latest state, please give it again.",
        ),
        lang,
    )


def _not_found(request: Request, case_id: str) -> HTMLResponse:
    return render_page(request, "not_found.html", 404, case_id=case_id)


def _saved_json(record: CaseRecord, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"version": record.version, **extra}, headers={"ETag": f'"{record.version}"'}
    )


# --- overview and map -----------------------------------------------------------------------
@router.get("/cases/{case_id}/interview", response_class=HTMLResponse)
def overview(request: Request, case_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return _not_found(request, case_id)
    return _page(request, "interview.html", record, current="overview")


# --- the client ---------------------------------------------------------------------------
def _client_page(
    request: Request,
    record: CaseRecord,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    conflict: bool = False,
) -> HTMLResponse:
    case = record.case
    client = case.network.person(case.client)
    shown = values or {
        "gender": "" if client.gender.value == "unknown" else client.gender.value,
        "birth_year": "" if client.birth_year is None else str(client.birth_year),
    }
    return _page(
        request,
        "interview_client.html",
        record,
        status_code=status_code,
        current="client",
        values=shown,
        errors=errors or {},
        conflict=_conflict_text(page_lang(request)) if conflict else None,
        first_step=iv.NAME_STEPS[0],
    )


@router.get("/cases/{case_id}/interview/client", response_class=HTMLResponse)
def client_page(request: Request, case_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return _not_found(request, case_id)
    return _client_page(request, record)


@router.post("/cases/{case_id}/interview/client", response_model=None)
async def save_client(request: Request, case_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_client")
    as_json = _wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        if as_json:
            raise
        return _not_found(request, case_id)
    form = await _form(request)
    values = {k: _one(form, k) for k in ("gender", "birth_year")}
    try:
        operations = iv.client_operations(record.case, values["gender"], values["birth_year"])
        saved = _save(request, case_id, _version(form), operations)
    except InvalidInput as err:
        if as_json:
            raise
        errors = _errors(err, page_lang(request))
        return _client_page(request, record, status_code=422, errors=errors, values=values)
    except Conflict:
        if as_json:
            raise
        fresh = load_case(request, case_id)
        return _client_page(request, fresh, status_code=409, values=values, conflict=True)
    if as_json:
        return _saved_json(saved)
    if _one(form, "go") == "stay":
        return RedirectResponse(f"{_base(case_id)}/client", status_code=303)
    return RedirectResponse(f"{_base(case_id)}/names/{iv.NAME_STEPS[0].key}", status_code=303)


@router.get("/cases/{case_id}/interview/map", response_class=HTMLResponse)
def map_fragment(request: Request, case_id: str) -> HTMLResponse:
    """The map panel alone, for redrawing it after an answer."""
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return _not_found(request, case_id)
    lang = page_lang(request)
    return render_page(
        request,
        "interview_map.html",
        record=record,
        case=record.case,
        base=_base(case_id),
        map_views=MAP_VIEWS,
        panel=map_panel(record.case, _map_view(request), lang),
    )


# --- name generators ------------------------------------------------------------------------
@router.get("/cases/{case_id}/interview/names/{step}", response_class=HTMLResponse)
def names_page(request: Request, case_id: str, step: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
        current = iv.name_step(step)
    except NotFound:
        return _not_found(request, case_id)
    notice = None
    shown = request.query_params.get("added") or request.query_params.get("exists")
    if shown:
        try:  # the client's own name can come back as a duplicate too
            person = record.case.network.person(shown)
            notice = {
                "person": person,
                "created": "added" in request.query_params,
                "note": _unknown_parents_note(person.name, page_lang(request))
                if "unknown_parents" in request.query_params
                else "",
            }
        except KeyError:
            notice = None
    return _names(
        request, record, current, notice=notice, conflict="conflict" in request.query_params
    )


def _names(
    request: Request,
    record: CaseRecord,
    step: iv.NameStep,
    *,
    status_code: int = 200,
    notice: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    conflict: bool = False,
) -> HTMLResponse:
    lang = page_lang(request)
    case = record.case
    relations = [
        (value, kin.label(lang) if kin is not None else _label(lang)(role), role.value)
        for value, role, kin in steps.relation_choices(step)
    ]
    partners = family.partner_choices(case) if Role.CHILD in step.roles else []
    return _page(
        request,
        "interview_names.html",
        record,
        status_code=status_code,
        current=step.key,
        step=step,
        relations=relations,
        partners=partners,
        other_parent=family.default_other_parent(case) or "none",
        next_step=iv.next_step(step.key),
        previous_step=iv.previous_step(step.key),
        question=step.question(lang),
        title=step.title(lang),
        notice=notice,
        errors=errors or {},
        values=values or {},
        conflict=_conflict_text(lang) if conflict else None,
    )


@router.post("/cases/{case_id}/interview/names/{step}", response_model=None)
async def add_name(request: Request, case_id: str, step: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_names")
    as_json = _wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
        current = iv.name_step(step)
    except NotFound:
        if as_json:
            raise
        return _not_found(request, case_id)
    form = await _form(request)
    fields = ("name", "role", "gender", "circle", "couple", "other_parent", "organisation")
    values = {k: _one(form, k) for k in fields}
    lang = page_lang(request)
    try:
        version = _version(form)
        added = iv.name_operations(
            record.case,
            current.key,
            values["name"],
            role=values["role"],
            gender=values["gender"],
            circle=values["circle"],
            support=form.get("support", []),
            organisation=values["organisation"] == "yes",
            couple=values["couple"],
            other_parent=values["other_parent"],
            another_person=_one(form, "another_person") == "yes",
        )
        saved = _save(request, case_id, version, added.operations) if added.created else record
    except InvalidInput as err:
        if as_json:
            raise
        return _names(
            request, record, current, status_code=422, errors=_errors(err, lang), values=values
        )
    except Conflict:
        if as_json:
            raise
        fresh = load_case(request, case_id)
        return _names(request, fresh, current, status_code=409, values=values, conflict=True)
    person = added.person
    made_parents = any(
        op["op"] == "add_person" and op["name"] == family.UNKNOWN_NAME for op in added.operations
    )
    if as_json:
        label = _label(lang)
        return _saved_json(
            saved,
            created=added.created,
            note=_unknown_parents_note(person.name, lang) if made_parents else "",
            person={
                "id": person.id,
                "name": person.name,
                "role": label(person.role),
                "about": f"{_base(case_id)}/about/{quote(person.id, safe='')}",
            },
        )
    key = "added" if added.created else "exists"
    url = f"{_base(case_id)}/names/{current.key}?{key}={quote(person.id, safe='')}"
    return RedirectResponse(url + ("&unknown_parents=1" if made_parents else ""), status_code=303)


def _unknown_parents_note(name: str, lang: str) -> str:
    """What the page says when a brother or sister made two parents without a name."""
    return in_language(
        Text(
            f"{name} deelt de ouders met de cliënt: in de stamboom staan nu twee ouders zonder "
            f"naam ({family.UNKNOWN_NAME}). Noem de moeder of de vader bij deze vraag, dan "
            "krijgen zij die naam.",
            f"{name} shares the parents with the client: the family tree now has two parents "
            f"without a name ({family.UNKNOWN_NAME}). Name the mother or the father at this "
            "question and they take that name.",
        ),
        lang,
    )


@router.post("/cases/{case_id}/interview/remove/{person_id}", response_model=None)
async def remove_person(request: Request, case_id: str, person_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_remove")
    as_json = _wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        if as_json:
            raise
        return _not_found(request, case_id)
    form = await _form(request)
    back = _one(form, "back")
    if not back.startswith(_base(case_id) + "/"):
        back = _base(case_id)
    try:
        iv.member(record.case, person_id)  # anyone but the client
        saved = _save(request, case_id, _version(form), [{"op": "remove_person", "id": person_id}])
    except (NotFound, Conflict, InvalidInput):
        if as_json:
            raise
        # nothing changed; the page shows the current state and says why
        sep = "&" if "?" in back else "?"
        return RedirectResponse(f"{back}{sep}conflict=1", status_code=303)
    if as_json:
        return _saved_json(saved, removed=person_id)
    return RedirectResponse(back, status_code=303)


# --- interpreters, per person ---------------------------------------------------------------
def _about(
    request: Request,
    record: CaseRecord,
    person_id: str,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    conflict: bool = False,
) -> HTMLResponse:
    case = record.case
    person = iv.member(case, person_id)
    members = iv.named_members(case)
    ids = [p.id for p in members]
    index = ids.index(person_id) if person_id in ids else len(members)
    lang = page_lang(request)
    return _page(
        request,
        "interview_person.html",
        record,
        status_code=status_code,
        current="about",
        person=person,
        tie=iv.client_tie(case, person_id),
        position=index + 1,
        next_person=members[index + 1] if index + 1 < len(members) else None,
        previous_person=members[index - 1] if index > 0 else None,
        last_step=iv.NAME_STEPS[-1],
        errors=errors or {},
        conflict=_conflict_text(lang) if conflict else None,
    )


@router.get("/cases/{case_id}/interview/about/{person_id}", response_class=HTMLResponse)
def about_page(request: Request, case_id: str, person_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
        iv.member(record.case, person_id)
    except NotFound:
        return _not_found(request, case_id)
    return _about(request, record, person_id)


@router.post("/cases/{case_id}/interview/about/{person_id}", response_model=None)
async def save_about(request: Request, case_id: str, person_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_about")
    as_json = _wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
        iv.member(record.case, person_id)
    except NotFound:
        if as_json:
            raise
        return _not_found(request, case_id)
    form = await _form(request)
    answers = {k: v for k, v in form.items() if k in iv.INTERPRETER_FIELDS}
    if "support_shown" in form and "support" not in answers:
        answers["support"] = []  # every box unticked: no support
    for flag in FLAGS:
        if "flags_shown" in form and flag not in answers:
            answers[flag] = ["no"]
    lang = page_lang(request)
    try:
        operations = iv.interpreter_operations(record.case, person_id, answers)
        saved = _save(request, case_id, _version(form), operations)
    except InvalidInput as err:
        if as_json:
            raise
        return _about(request, record, person_id, status_code=422, errors=_errors(err, lang))
    except Conflict:
        if as_json:
            raise
        fresh = load_case(request, case_id)
        return _about(request, fresh, person_id, status_code=409, conflict=True)
    if as_json:
        return _saved_json(saved)
    members = [p.id for p in iv.named_members(saved.case)]
    index = members.index(person_id) if person_id in members else len(members)
    if _one(form, "go") == "stay" or index + 1 >= len(members):
        target = (
            f"{_base(case_id)}/knows"
            if _one(form, "go") != "stay"
            else f"{_base(case_id)}/about/{quote(person_id, safe='')}"
        )
    else:
        target = f"{_base(case_id)}/about/{quote(members[index + 1], safe='')}"
    return RedirectResponse(target, status_code=303)


# --- who knows whom -------------------------------------------------------------------------
def _knows(
    request: Request,
    record: CaseRecord,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    conflict: bool = False,
    saved: bool = False,
) -> HTMLResponse:
    case = record.case
    members = iv.named_members(case)
    lang = page_lang(request)
    return _page(
        request,
        "interview_knows.html",
        record,
        status_code=status_code,
        current="knows",
        knows={f"{a} {b}" for a, b in iv.known_pairs(case)},
        rows=[(p, members[i + 1 :]) for i, p in enumerate(members[:-1])],
        errors=errors or {},
        conflict=_conflict_text(lang) if conflict else None,
        saved=saved,
        last_member=members[-1] if members else None,
    )


@router.get("/cases/{case_id}/interview/knows", response_class=HTMLResponse)
def knows_page(request: Request, case_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return _not_found(request, case_id)
    return _knows(request, record, saved="saved" in request.query_params)


@router.post("/cases/{case_id}/interview/knows", response_model=None)
async def save_knows(request: Request, case_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_knows")
    as_json = _wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        if as_json:
            raise
        return _not_found(request, case_id)
    form = await _form(request)
    lang = page_lang(request)
    try:
        operations = iv.acquaintance_operations(record.case, form.get("knows", []))
        saved = _save(request, case_id, _version(form), operations)
    except InvalidInput as err:
        if as_json:
            raise
        return _knows(request, record, status_code=422, errors=_errors(err, lang))
    except Conflict:
        if as_json:
            raise
        return _knows(request, load_case(request, case_id), status_code=409, conflict=True)
    if as_json:
        return _saved_json(saved)
    return RedirectResponse(f"{_base(case_id)}/knows?saved=1", status_code=303)
