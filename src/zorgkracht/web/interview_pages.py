"""The interview pages' common parts (see :mod:`zorgkracht.web.interview`): reading a posted
form, the page around every question, the texts for a conflict and for parents without a
name, and the JSON answer of a save."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse

from zorgkracht.domain import (
    Case,
    Circle,
    Energy,
    Frequency,
    InvalidInput,
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
from zorgkracht.services.cases import CaseRecord
from zorgkracht.services.pictures import map_panel

from .deps import current_user, get_service, page_lang, render_page

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


def base_url(case_id: str) -> str:
    return f"/cases/{quote(case_id, safe='')}/interview"


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


async def read_form(request: Request) -> dict[str, list[str]]:
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


def first_value(form: dict[str, list[str]], name: str) -> str:
    values = form.get(name) or [""]
    return values[0]


def form_version(form: dict[str, list[str]]) -> int:
    raw = first_value(form, "version").strip()
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


def map_view(request: Request, default: str = "netwerkschema") -> str:
    view = request.query_params.get("view", default)
    return view if view in MAP_VIEWS else default


def labeller(lang: str) -> Any:
    def label(code: Any) -> str:
        if code is None:
            return ""
        return str(in_language(code, lang))

    return label


def save_operations(
    request: Request, case_id: str, version: int, operations: list[dict[str, Any]]
) -> CaseRecord:
    """Save an answer, edit operations (:mod:`zorgkracht.services.edits`) applied as one edit
    over the version the page showed: the same write path as drawing on the map."""
    return iv.save_answer(
        get_service(request), current_user(request).actor, case_id, version, operations
    )


def interview_page(
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
    view = map_view(request, "sociogram" if current == "knows" else "netwerkschema")
    members = iv.named_members(case)
    return render_page(
        request,
        template,
        status_code,
        record=record,
        case=case,
        base=base_url(case.id),
        steps=iv.NAME_STEPS,
        current=current,
        members=members,
        first_member=members[0].id if members else None,
        client_name=client_name(case),
        label=labeller(lang),
        map_views=MAP_VIEWS,
        panel=map_panel(case, view, lang),
        codes=CODES,
        **context,
    )


def client_name(case: Case) -> str:
    try:
        return case.network.person(case.client).name
    except KeyError:
        return case.client


def errors_by_field(err: InvalidInput, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in err.problems:
        key = p.where.split("/")[0] or "form"
        text = in_language(p, lang)
        out[key] = f"{out[key]} {text}" if key in out else text
    return out


def conflict_text(lang: str) -> str:
    return in_language(
        Text(
            "Iemand anders heeft deze casus intussen gewijzigd. Uw antwoord is niet opgeslagen; "
            "deze pagina toont nu de nieuwste stand, geef het antwoord opnieuw.",
            "Someone else changed this case in the meantime. Your answer was not saved; "
            "this page now shows the latest state, please give it again.",
        ),
        lang,
    )


def not_found_page(request: Request, case_id: str) -> HTMLResponse:
    return render_page(request, "not_found.html", 404, case_id=case_id)


def saved_json(record: CaseRecord, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"version": record.version, **extra}, headers={"ETag": f'"{record.version}"'}
    )


def unknown_parents_note(name: str, lang: str) -> str:
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
