"""The meeting screen: a network meeting on a tablet, from introductions to the plan.

``GET /cases/{id}/meetings/{meeting_id}`` shows the agenda's phases as large steps (book
3676–3702: introductions, the information phase, private time, the plan back to everyone),
a toggle per invitee for who is present, and the action plan made live during the meeting.
When the information phase ends the professionals leave (3684–3690): the screen says so and
names them. Every change is an edit operation (``update_meeting`` for the phase, attendance and
``held``; ``add_action`` for the plan), sent by ``static/meeting.js`` through the edits API.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from zorgkracht.domain import NotFound
from zorgkracht.domain.process import AGENDA
from zorgkracht.services.plan_view import PLAN_VIEWS

from .case_plan import plan_context
from .deps import load_case, not_found_answer, render_page

router = APIRouter(include_in_schema=False)


@router.get("/cases/{case_id}/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting_page(request: Request, case_id: str, meeting_id: str) -> Response:
    try:
        record = load_case(request, case_id, detail="page:meeting")
        meeting = record.case.process.meeting(meeting_id)
    except (NotFound, KeyError):
        return not_found_answer(request, case_id)
    context = plan_context(request, record.case, PLAN_VIEWS[0])
    people = {p["id"]: p for p in context["people"]}
    leaving = [
        people[i.person]["name"]
        for i in meeting.invitees
        if i.person in people and people[i.person]["professional"]
    ]
    phase_index = AGENDA.index(meeting.phase) if meeting.phase is not None else -1
    stored: dict[str, Any] = next(
        (m for m in context["process_data"].get("meetings", []) if m.get("id") == meeting_id), {}
    )
    invitees: list[dict[str, Any]] = list(stored.get("invitees", []))
    return render_page(
        request,
        "meeting.html",
        record=record,
        meeting=meeting,
        agenda=AGENDA,
        phase_index=phase_index,
        leaving=leaving,
        toggles={i["person"]: attendance_op(meeting_id, invitees, i["person"]) for i in invitees},
        **context,
    )


def attendance_op(meeting_id: str, invitees: list[dict[str, Any]], person: str) -> dict[str, Any]:
    """The operation that turns ``person``'s presence round (absent or unknown → present)."""
    changed = [
        {**i, "present": not i.get("present", False)} if i["person"] == person else i
        for i in invitees
    ]
    return {"op": "update_meeting", "id": meeting_id, "changes": {"invitees": changed}}
