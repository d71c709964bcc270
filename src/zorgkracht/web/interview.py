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
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from zorgkracht.domain import (
    Conflict,
    InvalidInput,
    NotFound,
    Role,
)
from zorgkracht.services import interview as iv
from zorgkracht.services import interview_family as family
from zorgkracht.services import interview_steps as steps
from zorgkracht.services.audit import Event
from zorgkracht.services.cases import CaseRecord
from zorgkracht.services.pictures import map_panel

from .deps import audit, load_case, page_lang, render_page
from .interview_pages import (
    FLAGS,
    MAP_VIEWS,
    base_url,
    conflict_text,
    errors_by_field,
    first_value,
    form_version,
    interview_page,
    labeller,
    map_view,
    not_found_page,
    read_form,
    save_operations,
    saved_json,
    unknown_parents_note,
    wants_json,
)

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


# --- overview and map -----------------------------------------------------------------------
@router.get("/cases/{case_id}/interview", response_class=HTMLResponse)
def overview(request: Request, case_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return not_found_page(request, case_id)
    return interview_page(request, "interview.html", record, current="overview")


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
    return interview_page(
        request,
        "interview_client.html",
        record,
        status_code=status_code,
        current="client",
        values=shown,
        errors=errors or {},
        conflict=conflict_text(page_lang(request)) if conflict else None,
        first_step=iv.NAME_STEPS[0],
    )


@router.get("/cases/{case_id}/interview/client", response_class=HTMLResponse)
def client_page(request: Request, case_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return not_found_page(request, case_id)
    return _client_page(request, record)


@router.post("/cases/{case_id}/interview/client", response_model=None)
async def save_client(request: Request, case_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_client")
    as_json = wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        if as_json:
            raise
        return not_found_page(request, case_id)
    form = await read_form(request)
    values = {k: first_value(form, k) for k in ("gender", "birth_year")}
    try:
        operations = iv.client_operations(record.case, values["gender"], values["birth_year"])
        saved = save_operations(request, case_id, form_version(form), operations)
    except InvalidInput as err:
        if as_json:
            raise
        errors = errors_by_field(err, page_lang(request))
        return _client_page(request, record, status_code=422, errors=errors, values=values)
    except Conflict:
        if as_json:
            raise
        fresh = load_case(request, case_id)
        return _client_page(request, fresh, status_code=409, values=values, conflict=True)
    if as_json:
        return saved_json(saved)
    if first_value(form, "go") == "stay":
        return RedirectResponse(f"{base_url(case_id)}/client", status_code=303)
    return RedirectResponse(f"{base_url(case_id)}/names/{iv.NAME_STEPS[0].key}", status_code=303)


@router.get("/cases/{case_id}/interview/map", response_class=HTMLResponse)
def map_fragment(request: Request, case_id: str) -> HTMLResponse:
    """The map panel alone, for redrawing it after an answer."""
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return not_found_page(request, case_id)
    lang = page_lang(request)
    return render_page(
        request,
        "interview_map.html",
        record=record,
        case=record.case,
        base=base_url(case_id),
        map_views=MAP_VIEWS,
        panel=map_panel(record.case, map_view(request), lang),
    )


# --- name generators ------------------------------------------------------------------------
@router.get("/cases/{case_id}/interview/names/{step}", response_class=HTMLResponse)
def names_page(request: Request, case_id: str, step: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
        current = iv.name_step(step)
    except NotFound:
        return not_found_page(request, case_id)
    notice = None
    shown = request.query_params.get("added") or request.query_params.get("exists")
    if shown:
        try:  # the client's own name can come back as a duplicate too
            person = record.case.network.person(shown)
            notice = {
                "person": person,
                "created": "added" in request.query_params,
                "note": unknown_parents_note(person.name, page_lang(request))
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
        (value, kin.label(lang) if kin is not None else labeller(lang)(role), role.value)
        for value, role, kin in steps.relation_choices(step)
    ]
    partners = family.partner_choices(case) if Role.CHILD in step.roles else []
    return interview_page(
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
        conflict=conflict_text(lang) if conflict else None,
    )


@router.post("/cases/{case_id}/interview/names/{step}", response_model=None)
async def add_name(request: Request, case_id: str, step: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_names")
    as_json = wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
        current = iv.name_step(step)
    except NotFound:
        if as_json:
            raise
        return not_found_page(request, case_id)
    form = await read_form(request)
    fields = ("name", "role", "gender", "circle", "couple", "other_parent", "organisation")
    values = {k: first_value(form, k) for k in fields}
    lang = page_lang(request)
    try:
        version = form_version(form)
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
            another_person=first_value(form, "another_person") == "yes",
        )
        saved = (
            save_operations(request, case_id, version, added.operations)
            if added.created
            else record
        )
    except InvalidInput as err:
        if as_json:
            raise
        return _names(
            request,
            record,
            current,
            status_code=422,
            errors=errors_by_field(err, lang),
            values=values,
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
        label = labeller(lang)
        return saved_json(
            saved,
            created=added.created,
            note=unknown_parents_note(person.name, lang) if made_parents else "",
            person={
                "id": person.id,
                "name": person.name,
                "role": label(person.role),
                "about": f"{base_url(case_id)}/about/{quote(person.id, safe='')}",
            },
        )
    key = "added" if added.created else "exists"
    url = f"{base_url(case_id)}/names/{current.key}?{key}={quote(person.id, safe='')}"
    return RedirectResponse(url + ("&unknown_parents=1" if made_parents else ""), status_code=303)


@router.post("/cases/{case_id}/interview/remove/{person_id}", response_model=None)
async def remove_person(request: Request, case_id: str, person_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_remove")
    as_json = wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        if as_json:
            raise
        return not_found_page(request, case_id)
    form = await read_form(request)
    back = first_value(form, "back")
    if not back.startswith(base_url(case_id) + "/"):
        back = base_url(case_id)
    try:
        iv.member(record.case, person_id)  # anyone but the client
        saved = save_operations(
            request, case_id, form_version(form), [{"op": "remove_person", "id": person_id}]
        )
    except (NotFound, Conflict, InvalidInput):
        if as_json:
            raise
        # nothing changed; the page shows the current state and says why
        sep = "&" if "?" in back else "?"
        return RedirectResponse(f"{back}{sep}conflict=1", status_code=303)
    if as_json:
        return saved_json(saved, removed=person_id)
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
    return interview_page(
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
        conflict=conflict_text(lang) if conflict else None,
    )


@router.get("/cases/{case_id}/interview/about/{person_id}", response_class=HTMLResponse)
def about_page(request: Request, case_id: str, person_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
        iv.member(record.case, person_id)
    except NotFound:
        return not_found_page(request, case_id)
    return _about(request, record, person_id)


@router.post("/cases/{case_id}/interview/about/{person_id}", response_model=None)
async def save_about(request: Request, case_id: str, person_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_about")
    as_json = wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
        iv.member(record.case, person_id)
    except NotFound:
        if as_json:
            raise
        return not_found_page(request, case_id)
    form = await read_form(request)
    answers = {k: v for k, v in form.items() if k in iv.INTERPRETER_FIELDS}
    if "support_shown" in form and "support" not in answers:
        answers["support"] = []  # every box unticked: no support
    for flag in FLAGS:
        if "flags_shown" in form and flag not in answers:
            answers[flag] = ["no"]
    lang = page_lang(request)
    try:
        operations = iv.interpreter_operations(record.case, person_id, answers)
        saved = save_operations(request, case_id, form_version(form), operations)
    except InvalidInput as err:
        if as_json:
            raise
        return _about(
            request, record, person_id, status_code=422, errors=errors_by_field(err, lang)
        )
    except Conflict:
        if as_json:
            raise
        fresh = load_case(request, case_id)
        return _about(request, fresh, person_id, status_code=409, conflict=True)
    if as_json:
        return saved_json(saved)
    members = [p.id for p in iv.named_members(saved.case)]
    index = members.index(person_id) if person_id in members else len(members)
    if first_value(form, "go") == "stay" or index + 1 >= len(members):
        target = (
            f"{base_url(case_id)}/knows"
            if first_value(form, "go") != "stay"
            else f"{base_url(case_id)}/about/{quote(person_id, safe='')}"
        )
    else:
        target = f"{base_url(case_id)}/about/{quote(members[index + 1], safe='')}"
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
    return interview_page(
        request,
        "interview_knows.html",
        record,
        status_code=status_code,
        current="knows",
        knows={f"{a} {b}" for a, b in iv.known_pairs(case)},
        rows=[(p, members[i + 1 :]) for i, p in enumerate(members[:-1])],
        errors=errors or {},
        conflict=conflict_text(lang) if conflict else None,
        saved=saved,
        last_member=members[-1] if members else None,
    )


@router.get("/cases/{case_id}/interview/knows", response_class=HTMLResponse)
def knows_page(request: Request, case_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        return not_found_page(request, case_id)
    return _knows(request, record, saved="saved" in request.query_params)


@router.post("/cases/{case_id}/interview/knows", response_model=None)
async def save_knows(request: Request, case_id: str) -> Response:
    audit(request, Event.CASE_CHANGED, case_id, "interview_knows")
    as_json = wants_json(request)
    try:
        record = load_case(request, case_id, detail="interview")
    except NotFound:
        if as_json:
            raise
        return not_found_page(request, case_id)
    form = await read_form(request)
    lang = page_lang(request)
    try:
        operations = iv.acquaintance_operations(record.case, form.get("knows", []))
        saved = save_operations(request, case_id, form_version(form), operations)
    except InvalidInput as err:
        if as_json:
            raise
        return _knows(request, record, status_code=422, errors=errors_by_field(err, lang))
    except Conflict:
        if as_json:
            raise
        return _knows(request, load_case(request, case_id), status_code=409, conflict=True)
    if as_json:
        return saved_json(saved)
    return RedirectResponse(f"{base_url(case_id)}/knows?saved=1", status_code=303)
