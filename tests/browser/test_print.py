"""Printing the case page gives the same document as the PDF export: A4, a heading with the
view, the case, the client (not for a network meeting) and the date, the picture with its
legend, its table with the names in full, the analysis, page numbers; no buttons, tabs or
toolbar. Chromium prints to PDF (``page.pdf``); pypdf reads the page sizes and pdftotext the
text. Each print is done twice (after a reload)."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Page

from tests.render.export_case import (
    CLIENT,
    LONG_FAMILY_NAME,
    LONG_NAME,
    SENSITIVE_NAME,
    SNAPSHOT,
    TITLE,
    case_data,
    is_a4,
    page_sizes,
    page_texts,
)

CASE = "print-tavenier"
SCREEN_ONLY = (
    "Persoon toevoegen",
    "Add a person",
    "Ongedaan maken",
    "Undo",
    "Download this picture",
    "Download deze afbeelding",
)


def add_case(page: Page) -> None:
    if page.request.get(f"/api/cases/{CASE}").status == 200:
        return
    data = case_data()
    data["id"] = CASE
    token = page.request.get("/api/session").json()["csrf_token"]
    answer = page.request.post("/api/cases", data=data, headers={"X-CSRF-Token": token})
    assert answer.status == 201, answer.text()


def printed(page: Page, query: str) -> list[str]:
    """Print the case page twice (the second after a reload) as Chromium does; the texts of
    the pages of the second print, after checking that both are A4 and say the same."""
    page.goto(f"/cases/{CASE}{query}")
    prints: list[bytes] = []
    for again in (False, True):
        if again:
            page.reload()
        page.wait_for_load_state("networkidle")
        prints.append(page.pdf(prefer_css_page_size=True, print_background=True))
    for pdf in prints:
        sizes = page_sizes(pdf)
        assert sizes and all(is_a4(size) for size in sizes), sizes
    first, second = (page_texts(pdf) for pdf in prints)
    assert first == second
    return second


def test_printing_the_case_page_gives_the_document(signed_in: Page) -> None:
    add_case(signed_in)
    today = dt.date.today().isoformat()
    texts = printed(signed_in, "?view=ecogram&lang=nl")
    assert texts[0].startswith(
        f"Ecogram {TITLE} · cliënt: {CLIENT} Datum: {today} (het netwerk van nu)"
    )
    whole = " ".join(texts)
    assert "Legenda" in texts[0]
    assert LONG_NAME in whole and SENSITIVE_NAME in whole
    assert "Analyse" in whole
    for word in SCREEN_ONLY:
        assert word not in whole, word
    for number, text in enumerate(texts, start=1):
        assert text.endswith(f"pagina {number} van {len(texts)}"), text[-80:]

    texts = printed(signed_in, "?view=genogram&lang=en")
    assert texts[0].startswith(f"Genogram {TITLE} · client: {CLIENT} Date: {today}")
    assert "Legend" in texts[0]
    assert LONG_FAMILY_NAME in " ".join(texts)
    assert texts[-1].endswith(f"page {len(texts)} of {len(texts)}")


def test_printing_for_a_network_meeting_and_a_snapshot(signed_in: Page) -> None:
    add_case(signed_in)
    texts = printed(signed_in, "?view=sociogram&lang=nl&hide_sensitive=true")
    whole = " ".join(texts)
    assert (
        texts[0].startswith("Sociogram Datum: ")
        and "Voor een netwerkberaad: wat als gevoelig is gemarkeerd, is weggelaten." in texts[0]
    )
    assert TITLE not in whole and "cliënt:" not in whole and SENSITIVE_NAME not in whole
    assert LONG_NAME in whole

    texts = printed(signed_in, f"?view=netwerkkaart&lang=en&snapshot={SNAPSHOT}")
    assert "date of the snapshot: 2024-03-05" in texts[0]
