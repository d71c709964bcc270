"""The case page: the client system, every view as a tab, the analysis, snapshots, exports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from zorgkracht.domain import NotFound

from .deps import load_case, render_page

router = APIRouter(include_in_schema=False)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: str) -> HTMLResponse:
    try:
        record = load_case(request, case_id)
    except NotFound:
        return render_page(request, "not_found.html", 404, case_id=case_id)
    return render_page(request, "case.html", record=record, case=record.case)
