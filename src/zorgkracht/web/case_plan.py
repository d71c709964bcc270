"""The plan page of a case: the process from referral to closing, beside the map.

``GET /cases/{id}/plan`` shows the chosen phasing's steps and the records (referral and intake,
help questions with the top 3 first, meetings, actions, the team, evaluations, closing), each
with a form whose change is one edit operation of the edits API (``static/case/plan.js`` sends
it with ``If-Match``; undo sends the inverse the answer gives). Persons are picked from a list
and by clicking them on the picture; who the client does not want asked is shown disabled with
the reason (book 3598–3628: the client chooses). The plan's hours a week per person are shown
next to their care hours, with a signal above the carer threshold.

``GET /cases/{id}/picture/{view}.svg?plan=true`` is the ecogram or netwerkschema with the plan
layer (who carries what). The meeting screen is in :mod:`.meeting_routes`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from zorgkracht.domain import Case, NotFound
from zorgkracht.domain.codes import Role
from zorgkracht.domain.model import Person
from zorgkracht.domain.phasings import STEPS
from zorgkracht.domain.process_codes import (
    ActionFrequency,
    ActionStatus,
    AgendaPhase,
    ClosingReason,
    MeetingKind,
    Part,
    Phasing,
    ProfessionalRole,
    QuestionStatus,
    Reply,
)
from zorgkracht.i18n import Text, in_language
from zorgkracht.services.analysing import names
from zorgkracht.services.cases import CaseRecord
from zorgkracht.services.pictures import draw
from zorgkracht.services.plan_view import (
    PLAN_VIEWS,
    hours_text,
    plan_badges,
    plan_load,
    plan_svg,
    process_data,
)

from .case_routes import draw_budget
from .deps import load_case, not_found_answer, page_lang, render_page

router = APIRouter(include_in_schema=False)

NOT_ASKED = Text(
    "de cliënt wil niet dat deze persoon gevraagd wordt",
    "the client does not want this person asked",
)
"""Why a person cannot be invited or asked (``may_ask`` is false; 3598–3628)."""
PROFESSIONAL_ROLES = frozenset({Role.PROFESSIONAL, Role.SERVICE})

CODES: dict[str, type[Any]] = {
    "phasing": Phasing,
    "question_status": QuestionStatus,
    "meeting_kind": MeetingKind,
    "reply": Reply,
    "phase": AgendaPhase,
    "part": Part,
    "action_status": ActionStatus,
    "frequency": ActionFrequency,
    "professional_role": ProfessionalRole,
    "closing_reason": ClosingReason,
}


def person_rows(case: Case, lang: str) -> list[dict[str, Any]]:
    """Every person of the network as the pickers show them: name, whether they may be asked
    (and why not), whether they are the client, a professional, or marked sensitive."""
    known = names(case, lang)
    return [
        {
            "id": p.id,
            "name": known.get(p.id, p.name),
            "client": p.id == case.client,
            "may_ask": p.may_ask is not False,
            "reason": "" if p.may_ask is not False else in_language(NOT_ASKED, lang),
            "professional": _professional(p),
            "sensitive": p.sensitive,
        }
        for p in case.network.persons
        if not p.is_pet
    ]


def _professional(person: Person) -> bool:
    return person.role in PROFESSIONAL_ROLES


def code_options(lang: str) -> dict[str, list[tuple[str, str]]]:
    return {key: [(c.value, in_language(c, lang)) for c in kind] for key, kind in CODES.items()}


def plan_context(
    request: Request, case: Case, view: str, *, picture: bool = True, data: bool = True
) -> dict[str, Any]:
    """What the plan page and the meeting screen share (``picture``: with the map drawn;
    ``data``: with the process as in the case file, which the meetings' forms need and an
    action's part does not)."""
    lang = page_lang(request)
    process = case.process
    people = person_rows(case, lang)
    known = {p["id"]: p["name"] for p in people}
    steps = STEPS.get(process.phasing, ()) if process.phasing else ()
    done = {s.step: s for s in process.steps}
    top = process.top()
    rest = [q for q in process.help_questions if q not in top]
    svg = plan_svg(case, view, lang) if picture and view in PLAN_VIEWS else None
    return {
        "case": case,
        "process": process,
        "people": people,
        "known": known,
        "steps": steps,
        "phase_names": {s.number: in_language(Text(s.phase_nl, s.phase_en), lang) for s in steps},
        "done": done,
        "questions": [*top, *rest],
        "top_ids": {q.id for q in top},
        "codes": code_options(lang),
        "load": plan_load(case),
        "hours_text": hours_text,
        "plan_views": PLAN_VIEWS,
        "view": view,
        "svg": svg.split("?>", 1)[-1] if svg else None,
        "snapshots": case.snapshots,
        "process_data": process_data(case) if data else {},
        "today": dt.date.today().isoformat(),
        "not_asked": in_language(NOT_ASKED, lang),
        # whoever has a part in the plan gets a calendar of their own
        "plan_people": {ap.person for a in process.actions for ap in a.persons}
        | {i.person for m in process.meetings for i in m.invitees},
    }


@router.get("/cases/{case_id}/plan", response_class=HTMLResponse)
def plan_page(request: Request, case_id: str, view: str = PLAN_VIEWS[0]) -> Response:
    """The plan of the case, with the map and its plan layer."""
    try:
        record = load_case(request, case_id, detail="page:plan")
    except NotFound:
        return not_found_answer(request, case_id)
    view = view if view in PLAN_VIEWS else PLAN_VIEWS[0]
    return render_page(
        request,
        "case_plan.html",
        record=record,
        **plan_context(request, record.case, view),
    )


@router.get("/cases/{case_id}/plan/actions/{action_id}", response_class=HTMLResponse)
def plan_action_part(
    request: Request, case_id: str, action_id: str, view: str = PLAN_VIEWS[0]
) -> Response:
    """What an edit of one action changes on the plan page: the badges of the plan layer (the
    map itself follows the network, which a plan edit does not change), the plan load and that
    action (``case_plan_part.html``), so that the page need not load the whole plan and its
    map again (``docs/benchmarks.md``, "Plan")."""
    try:
        record = load_case(request, case_id, detail="page:plan:action")
    except NotFound:
        return not_found_answer(request, case_id)
    html = _action_part(request, record, action_id, view)
    if html is None:
        return not_found_answer(request, case_id)
    return HTMLResponse(html)


PlanPart = Literal["action"]
"""The parts of the plan page an edit's answer can carry (``POST …/edits?part=action``)."""
PARTS: tuple[str, ...] = get_args(PlanPart)


def _action_part(request: Request, record: CaseRecord, action_id: str, view: str) -> str | None:
    """``case_plan_part.html`` for ``action_id``: its item, the plan load and the badges."""
    try:
        action = record.case.process.action(action_id)
    except KeyError:
        return None
    view = view if view in PLAN_VIEWS else PLAN_VIEWS[0]
    page = render_page(
        request,
        "case_plan_part.html",
        record=record,
        action=action,
        badges=plan_badges(record.case, view, page_lang(request)),
        **plan_context(request, record.case, view, picture=False, data=False),
    )
    return bytes(page.body).decode("utf-8")


def edit_part(
    request: Request, record: CaseRecord, operation: Any, part: PlanPart, view: str
) -> str | None:
    """The HTML of the plan page's ``part`` after ``operation`` was saved as ``record``, for the
    edit's answer, so that the page need not fetch it afterwards (one round trip; web/edit_api).
    With ``part="action"`` and an ``update_action``: what :func:`plan_action_part` answers (the
    action's item, the plan load and the badges on ``view``); else None (the page loads the
    plan again)."""
    if part != "action" or not isinstance(operation, dict):
        return None
    action_id = operation.get("id")
    if operation.get("op") != "update_action" or not isinstance(action_id, str):
        return None
    return _action_part(request, record, action_id, view)


@router.get("/cases/{case_id}/picture/{view}.svg")
def plan_picture(request: Request, case_id: str, view: str, plan: bool = False) -> Response:
    """The picture of ``view``; with ``plan=true`` (ecogram, netwerkschema) the plan layer."""
    try:
        record = load_case(request, case_id, detail=f"picture:{view}" + (":plan" if plan else ""))
    except NotFound:
        return not_found_answer(request, case_id)
    lang = page_lang(request)
    if plan and view in PLAN_VIEWS:
        svg: str | None = plan_svg(record.case, view, lang)
    else:
        svg = draw(record.case, view, lang, table=False, budget=draw_budget(request)).svg
    if svg is None:
        return not_found_answer(request, case_id)
    return Response(svg, media_type="image/svg+xml")
