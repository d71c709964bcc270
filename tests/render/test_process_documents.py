"""The documents of the process (``zorgkracht.services.process_documents``): what each says,
in Dutch and in English, on A4; nothing sensitive on the papers for the network or the client,
everything in the case report; the client's plan on one page."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from functools import cache

import pytest
from pypdf import PdfReader

from tests.render.process_case import (
    CAMPING,
    FRIENDS,
    HOLIDAY,
    LESSONS,
    LICENCE,
    SECRET_ACTION,
    SECRET_PERSON,
    SECRET_QUESTION,
    WORDS,
    tavenier_with_process,
)
from zorgkracht.domain import InvalidInput, NotFound
from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    Closing,
    HelpQuestion,
    Meeting,
    Process,
    Team,
)
from zorgkracht.services.process_documents import process_document

TODAY = dt.date(2026, 3, 1)
A4 = (595, 842)  # points
PAPERS = ("invitation", "plan", "client-plan", "evaluation")
"""The documents for the network or the client: nothing sensitive on them."""


@cache
def pdf(kind: str, lang: str) -> bytes:
    return process_document(tavenier_with_process(), kind, "pdf", lang=lang, today=TODAY)


@cache
def html(kind: str, lang: str) -> str:
    data = process_document(tavenier_with_process(), kind, "html", lang=lang, today=TODAY)
    return data.decode("utf-8")


def pages(data: bytes) -> list[str]:
    """The text of each page, with runs of white space as one space."""
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size == A4
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def text(kind: str, lang: str) -> str:
    return " ".join(pages(pdf(kind, lang)))


def pictures_text(page: str) -> str:
    """The SVG pictures in an HTML document, decoded (the names they draw)."""
    found = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page)
    return "".join(base64.b64decode(b).decode("utf-8") for b in found)


def test_the_invitation_has_the_meeting_the_agenda_the_questions_and_the_leaflet() -> None:
    said = text("invitation", "nl")
    for needle in (
        "Uitnodiging: netwerkberaad",
        "Moeder van Pieter, Zus van Pieter",  # addressed to the invitees
        "12 maart 2026",
        "19:30–21:00",  # 90 minutes from 19:30
        "Buurthuis De Linde",
        "Michel Scheerder",
        FRIENDS,
        HOLIDAY,
        LICENCE,
        "folder",
    ):
        assert needle in said, needle
    phases = ["Kennismakingsronde", "Informatiefase", "Privétijd", "Plan terug naar iedereen"]
    at = [said.index(p) for p in phases]
    assert at == sorted(at)  # the book's order (3676–3702)


def test_the_plan_has_the_top_3_first_and_who_does_what_when() -> None:
    said = text("plan", "nl")
    assert said.index(HOLIDAY) < said.index(FRIENDS) < said.index(LICENCE)  # priority 1, 2, 3
    for needle in (
        CAMPING,
        LESSONS,
        "Zus van Pieter (2 u)",  # her own hours
        "Broer van Pieter (1,5 u)",  # the action's hours, in Dutch decimals
        "15 maart 2026 – 30 juni 2026",
        "vanaf 1 april 2026",
        "elke week",
        "Lina bakt een taart",
        "Coördinator Zus van Pieter",
        "Michel Scheerder",
    ):
        assert needle in said, needle


def test_the_client_plan_says_in_plain_words_who_helps_and_whom_to_call_on_one_page() -> None:
    found = pages(pdf("client-plan", "nl"))
    assert len(found) == 1
    said = found[0]
    for needle in (
        "Uw plan",
        "Dit heeft u gevraagd",
        HOLIDAY,
        "Broer van Pieter helpt u met: Rijlessen regelen en betalen.",
        "Hoe vaak: elke week. Wanneer: vanaf 1 april 2026.",
        "Bel Zus van Pieter.",
        "MEE: 0900-1234",
    ):
        assert needle in said, needle
    assert CAMPING not in said  # done: no longer a help to come


def test_the_client_plan_stays_on_one_page_with_many_questions_and_actions() -> None:
    case = tavenier_with_process()
    long = "Een lange omschrijving van wat er moet gebeuren, met alle bijzonderheden erbij. " * 3
    questions = [
        HelpQuestion(id=f"q{n}", text=f"Vraag {n}: {long}", priority=n) for n in range(1, 9)
    ]
    actions = [
        Action(
            id=f"a{n}{m}",
            help_question=f"q{n}",
            description=f"Actie {n}.{m}: {long}",
            persons=[ActionPerson(person="zus_pieter")],
        )
        for n in range(1, 9)
        for m in range(4)
    ]
    long_names = ", ".join(f"Iemand met een heel lange naam nummer {n}" for n in range(9))
    case.process = Process(
        help_questions=questions,
        actions=actions,
        team=Team(members=["zus_pieter"], coordinator="zus_pieter", professional=long_names),
        closing=Closing(call=["zus_pieter", "broer_pieter"], call_others=long_names),
    )
    data = process_document(case, "client-plan", "pdf", lang="nl", today=TODAY)
    found = pages(data)
    assert len(found) == 1
    assert "U heeft nog 5 andere vragen" in found[0]
    assert "Vraag 3" in found[0] and "Vraag 4" not in found[0]  # the top 3
    # five actions of the top 3, in their order; the other seven in the action plan
    assert "Actie 2.0" in found[0] and "Actie 2.1" not in found[0]
    assert "Er zijn nog 7 andere afspraken" in found[0]


def test_the_evaluation_has_the_client_words_and_the_network_before_and_after() -> None:
    said = text("evaluation", "nl")
    for needle in (
        "Camping uitzoeken en boeken",
        "Gedaan ja",
        "De hele familie ging een week samen kamperen.",
        f"“{WORDS}”",
        "Vóór: Begin (1 september 2025)",
        "Na: het netwerk van nu",
        "Moeder van Pieter",  # drawn in the ecograms
    ):
        assert needle in said, needle
    assert html("evaluation", "nl").count("<img ") == 2


def test_the_case_report_shows_everything_and_says_it_is_for_the_file() -> None:
    said = text("case", "nl")
    for needle in (
        SECRET_PERSON,
        SECRET_QUESTION,
        SECRET_ACTION,
        "[gevoelig]",
        "Niet delen met het netwerk",
        HOLIDAY,
        CAMPING,
        WORDS,
        "Wij willen erbij horen.",
        "Analyse in het kort",
        "Genogram",
        "Ecogram",
    ):
        assert needle in said, needle
    assert SECRET_PERSON in pictures_text(html("case", "nl"))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", PAPERS)
def test_nothing_sensitive_reaches_a_paper_for_the_network_or_the_client(
    kind: str, lang: str
) -> None:
    page = html(kind, lang)
    for shown in (text(kind, lang), page, pictures_text(page)):
        for secret in (SECRET_PERSON, SECRET_QUESTION, SECRET_ACTION):
            assert secret not in shown, (kind, secret)


def test_english_documents_are_in_english() -> None:
    plan = text("plan", "en")
    for needle in ("Action plan", "Who does it", "weekly", "March 15, 2026", "(1.5 h)"):
        assert needle in plan, needle
    for dutch in ("Actieplan", "elke week", "maart"):
        assert dutch not in plan, dutch
    client = text("client-plan", "en")
    assert "Your plan" in client and "How often: weekly." in client
    assert "Uw plan" not in client
    invitation = text("invitation", "en")
    assert "Invitation: network meeting" in invitation and "March 12, 2026" in invitation
    assert "Private time" in invitation and "Privétijd" not in invitation
    assert "Case report" in text("case", "en") and "Evaluation" in text("evaluation", "en")
    assert 'lang="en"' in html("plan", "en")


def test_the_html_is_a_printable_a4_page() -> None:
    page = html("plan", "nl")
    assert page.startswith("<!doctype html>")
    assert "size: A4" in page and "counter(pages)" in page
    assert 'lang="nl"' in page


def test_a_case_without_help_questions_or_plan_has_no_documents() -> None:
    case = tavenier_with_process()
    case.process = Process()
    for kind in ("plan", "case"):
        with pytest.raises(InvalidInput) as err:
            process_document(case, kind, "pdf")
        assert err.value.problems[0].nl == "deze casus heeft nog geen hulpvragen of plan"


def test_an_unknown_meeting_kind_or_format_is_refused() -> None:
    case = tavenier_with_process()
    with pytest.raises(NotFound) as missing:
        process_document(case, "invitation", "html", meeting="mt9")
    assert "mt9" in str(missing.value.nl) and "mt1" in str(missing.value.nl)
    with pytest.raises(InvalidInput):
        process_document(case, "letter", "html")
    with pytest.raises(InvalidInput):
        process_document(case, "plan", "docx")


def test_the_invitation_is_for_the_first_meeting_not_held_unless_one_is_named() -> None:
    case = tavenier_with_process()
    case.process.meetings[0].held = True
    case.process.meetings.append(
        Meeting(id="mt2", date=dt.date(2026, 10, 1), place="Bij Pieter thuis")
    )
    first = process_document(case, "invitation", "html").decode("utf-8")
    assert "Bij Pieter thuis" in first and "Buurthuis De Linde" not in first
    named = process_document(case, "invitation", "html", meeting="mt1").decode("utf-8")
    assert "Buurthuis De Linde" in named
