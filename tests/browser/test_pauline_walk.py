"""Pauline Bloem's case walked in one go (issue 13, "done when"), in Chromium against a server
with an empty database: the interview with fifteen people (her husband Henk, their children
with genogram lines, her sister, friends, a neighbour, the women's guild, the dementia
association, the nursing home, volunteer Lisa; the book's case, lines 5098-5250), the first
snapshot; then on the case page every kind of field once or more (illness, deceased, notes,
sensitive, the state of a relation, care hours, months and tasks both ways, life events on the
levenslijn, an instrument and the perception question, wish, energy, may-ask, receives-care,
own-needs), the second snapshot; two people added by keyboard alone (keys counted) and two by
touch (taps counted), the third snapshot; the comparison; the pictures as PDF documents (A4,
every full name in the text, read with pypdf). axe-core scans every page and open dialog on
the way. Every change is checked on the page and in ``GET /api/cases/{id}``; what can be done
again is done twice, because the known failure was the second time failing silently."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pypdf
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.render.export_case import is_a4

from .conftest import LiveServer, log_in, shoot, start_server
from .steps import (
    Named,
    add_by_keys,
    add_by_pointer,
    add_event,
    answer,
    answer_more_about,
    case_doc,
    focused_person,
    interview_client,
    name_people,
    new_case_by_form,
    open_section,
    person_named,
    save,
    take_snapshot,
)
from .test_accessibility import serious

PEOPLE: list[Named] = [
    ("family", "Henk Bloem", "partner", 1, "", False, "getrouwd"),
    ("family", "Marja Bloem", "dochter", 1, "EG", False, None),
    ("family", "Peter Bloem", "zoon", 2, "P", False, None),
    ("family", "Joost Bloem", "zoon", 2, "", False, None),
    ("family", "Ans van Dijk", "zus", 2, "G", False, None),
    ("family", "Lotte Bloem", "kleindochter", 2, "W", False, None),
    ("friends", "Ria Jansen", None, 2, "EG", False, None),
    ("friends", "Gerda Smit", None, 3, "", False, None),
    ("neighbours", "Jolanda Visser", None, 3, "P", False, None),
    ("clubs", "Vrouwengilde Sint Agatha", None, 3, "G", True, None),
    ("clubs", "Dementievereniging Alzheimer Nederland", "vrijwilliger", 3, "A", True, None),
    ("clubs", "Winkeltje in het verzorgingshuis", "vrijwilliger", 3, "", True, None),
    ("professionals", "Lisa Spruit", "vrijwilliger", 2, "EG", False, None),
    ("professionals", "Verpleeghuis De Linde", "dienstverlener", 4, "", True, None),
    ("professionals", "Coördinator Steunpunt Zorg voor Welzijn", None, 4, "A", False, None),
]
NAMES = [entry[1] for entry in PEOPLE]
# added on the case page: by keyboard (name, support key, circle key) and by touch
BY_KEYS = [("Karin Bos", "e", "2", "friendship"), ("Henny de Wit", "p", "3", "acquaintance")]
BY_TOUCH = [
    ("Wim Kok", "G", "3 bekenden", "acquaintance"),
    ("Bep Mulder", "A", "4 diensten", "services"),
]
ADDED = [name for name, *_ in BY_KEYS + BY_TOUCH]
CLIENT = "Pauline Bloem"
CIRCLES = {1: "intimacy", 2: "friendship", 3: "acquaintance", 4: "services"}
STATUS = {"disturbed": "verstoord", "faded": "vervaagd"}
RAW_DECIMAL = re.compile(r"\d[.,]\d{4,}")


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server, thread, live = start_server(tmp_path_factory.mktemp("walk") / "empty.sqlite")
    yield live
    server.should_exit = True
    thread.join(timeout=10)
    live.store.close()


class Scans:
    """axe-core's serious and critical findings, gathered per page or dialog."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}
        self.count = 0

    def __call__(self, page: Page, where: str) -> None:
        self.count += 1
        problems = serious(page)
        if problems:
            self.found[where] = problems
            shoot(page, "walk-axe-" + re.sub(r"[^a-z0-9]+", "-", where.lower()))


def _context(browser: Browser, server: LiveServer, **extra: Any) -> BrowserContext:
    context = browser.new_context(
        base_url=server.url,
        viewport={"width": 1366, "height": 900},
        locale="nl-NL",
        accept_downloads=True,
        **extra,
    )
    context.set_default_timeout(15_000)
    return context


def _ids(doc: dict[str, Any]) -> dict[str, str]:
    return {p["name"]: p["id"] for p in doc["network"]["persons"] if p["name"] != "?"}


def _person(doc: dict[str, Any], pid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in doc["network"]["persons"] if p["id"] == pid)
    return found


def _client_tie(doc: dict[str, Any], pid: str) -> dict[str, Any]:
    client = doc["client"]
    found: dict[str, Any] = next(
        t for t in doc["network"]["ties"] if {t["a"], t["b"]} == {client, pid}
    )
    return found


def _row(page: Page, pid: str) -> Locator:
    return page.locator(f'[data-person-row="{pid}"]')


def _edit_person(page: Page, pid: str) -> Locator:
    page.locator(f'[data-action="edit-person"][data-id="{pid}"]').click()
    dialog = page.locator("#person-dialog")
    expect(dialog).to_be_visible()
    return dialog


def _pdf(page: Page, link: Locator) -> tuple[list[tuple[float, float]], str]:
    """Download the PDF behind ``link``: its page sizes and its text (pypdf), white space
    made single spaces."""
    with page.expect_download() as download:
        link.click()
    data = download.value.path().read_bytes()
    assert data[:4] == b"%PDF"
    reader = pypdf.PdfReader(io.BytesIO(data))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    return sizes, text


def test_paulines_case_walked_in_one_go(browser: Browser, empty_server: LiveServer) -> None:
    scan = Scans()
    context = _context(browser, empty_server)
    page = context.new_page()
    log_in(page)
    assert page.request.get("/api/cases").json() == []  # an empty database

    # --- the interview ---------------------------------------------------------------------
    case_id = new_case_by_form(page, "Netwerk van Pauline", CLIENT)
    interview_client(page, case_id, "vrouw", 1956)
    scan(page, "interview names household")
    steps_seen: set[str] = set()

    def after(entry: Named) -> None:
        if entry[0] not in steps_seen:  # each step's page scanned with its first name listed
            steps_seen.add(entry[0])
            scan(page, f"interview names {entry[0]}")

    name_people(page, case_id, PEOPLE, after=after)
    henk = answer_more_about(page, case_id, "Henk Bloem")
    scan(page, "interview about Henk")
    page.goto(f"/cases/{case_id}/interview/knows")
    scan(page, "interview knows")

    doc = case_doc(page, case_id)
    net = doc["network"]
    ids = _ids(doc)
    named = [p for p in net["persons"] if p["id"] != doc["client"] and p["name"] != "?"]
    assert [p["name"] for p in named] == NAMES and len(named) == 15
    pauline = _person(doc, doc["client"])
    assert (pauline["name"], pauline["gender"], pauline["birth_year"]) == (CLIENT, "female", 1956)
    assert {p["name"]: p["circle"] for p in named} == {e[1]: CIRCLES[e[3]] for e in PEOPLE}
    for _s, name, _r, _c, letters, organisation, _t in PEOPLE:
        assert sorted(_client_tie(doc, ids[name]).get("support", [])) == sorted(letters), name
        assert person_named(doc, name).get("organisation", False) is organisation, name
    names = {p["id"]: p["name"] for p in net["persons"]}
    couples = [(names[c["a"]], names[c["b"]], c["type"]) for c in net["couples"]]
    assert couples[0] == (CLIENT, "Henk Bloem", "married")
    descent = {(names[c["child"]], tuple(names[p] for p in c["parents"])) for c in net["children"]}
    for child in ("Marja Bloem", "Peter Bloem", "Joost Bloem"):
        assert (child, (CLIENT, "Henk Bloem")) in descent
    parents = [p["id"] for p in net["persons"] if p["name"] == "?"]
    assert len(parents) == 2  # Ans shares them with Pauline; nobody named them
    h = _person(doc, henk)
    assert (h["wish"], h["energy"], h["may_ask"], h["receives_care"]) == (
        "same",
        "both",
        False,
        True,
    )

    # the case page shows all of them, the genogram the family
    page.goto(f"/cases/{case_id}?view=genogram")
    for name in [CLIENT, *NAMES]:
        expect(_row(page, ids[name]).locator(".person-name")).to_contain_text(name)
    svg = page.locator("#picture svg")
    for name in (CLIENT, "Henk Bloem", "Marja Bloem", "Peter Bloem", "Joost Bloem"):
        expect(svg.locator(f'g.person[data-person-id="{ids[name]}"]')).to_have_count(1)
    expect(svg.locator('g.couple[data-couple="married"]')).to_have_count(2)
    expect(page.locator("#picture")).not_to_contain_text("overleden")  # nobody, yet
    scan(page, "case genogram")

    # --- the first snapshot, after the interview ---------------------------------------------
    take_snapshot(page, "Na het gesprek", 1)
    assert [s["label"] for s in case_doc(page, case_id)["snapshots"]] == ["Na het gesprek"]

    # --- every field on the case page --------------------------------------------------------
    page.goto(f"/cases/{case_id}?view=ecogram")
    scan(page, "case ecogram")
    # illness and notes, twice: Henk (Alzheimer's) and Pauline herself (her wrist)
    for pid, kind, state, note in (
        (henk, "physical_illness", "present", "Alzheimer; woont in Verpleeghuis De Linde."),
        (doc["client"], "physical_illness", "in_recovery", "Pols ontwricht bij een val."),
    ):
        dialog = _edit_person(page, pid)
        open_section(dialog, "Meer over deze persoon")
        dialog.get_by_role("button", name="Ziekte of middelengebruik toevoegen").click()
        dialog.locator("[data-condition] select[data-name=kind]").last.select_option(kind)
        dialog.locator("[data-condition] select[data-name=state]").last.select_option(state)
        open_section(dialog, "Gevoelig en notitie")
        dialog.get_by_label("Notitie").fill(note)
        if pid == henk:
            scan(page, "person dialog, every section open")
        save(dialog)
        p = _person(case_doc(page, case_id), pid)
        conditions = [(c["kind"], c.get("state", "present")) for c in p["conditions"]]
        assert conditions == [(kind, state)] and p["note"] == note  # "present" is the default
        dialog = _edit_person(page, pid)  # the dialog shows what was saved
        expect(dialog.locator("[data-condition] select[data-name=state]")).to_have_value(state)
        expect(dialog.get_by_label("Notitie")).to_have_value(note)
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()

    # deceased, twice: the parents Pauline and Ans share
    for pid, year in zip(parents, (1990, 2001), strict=True):
        dialog = _edit_person(page, pid)
        open_section(dialog, "Meer over deze persoon")
        dialog.get_by_label("Jaar van overlijden").fill(str(year))
        dialog.get_by_label("Overleden", exact=True).check()
        save(dialog)
        p = _person(case_doc(page, case_id), pid)
        assert (p["deceased"], p["death_year"]) == (True, year)
    page.goto(f"/cases/{case_id}?view=genogram")
    for pid in parents:
        expect(svg.locator(f'g.person[data-person-id="{pid}"]')).to_have_count(1)
    expect(page.locator("#picture")).to_contain_text("overleden")  # the legend's key
    for view in ("netwerkkaart", "sociogram"):
        page.goto(f"/cases/{case_id}?view={view}")
        expect(svg).to_be_visible()
        scan(page, f"case {view}")
    page.goto(f"/cases/{case_id}?view=ecogram&snapshot=s1")
    expect(page.locator('tr[data-snapshot-id="s1"]')).to_have_attribute("aria-current", "true")
    scan(page, "case snapshot s1")
    page.goto(f"/cases/{case_id}?view=ecogram")

    # the state of the relation, sensitive, wish, energy, may-ask, cared for, own needs:
    # Joost (contact broken, sensitive), Gerda (faded), Marja (more, energy, her own needs)
    for name, changes in (
        ("Joost Bloem", {"status": "disturbed", "sensitive": True, "note": "Geen contact."}),
        ("Gerda Smit", {"status": "faded", "wish": "more", "may_ask": True}),
        ("Marja Bloem", {"wish": "less", "energy": "costs", "may_ask": True, "own_needs": True}),
        ("Henk Bloem", {"wish": "more", "energy": "gives", "receives_care": True}),
    ):
        pid = ids[name]
        dialog = _edit_person(page, pid)
        open_section(dialog, "De relatie met de cliënt")
        if name == "Henk Bloem":  # set in the interview: the dialog shows it
            expect(dialog.get_by_label("Wens van de cliënt")).to_have_value("same")
            expect(dialog.get_by_label("Mag gevraagd")).to_have_value("false")
            expect(dialog.get_by_label("Krijgt zelf zorg")).to_be_checked()
        for field, value in changes.items():
            if field in ("status", "wish", "energy"):
                label = {"status": "Stand van de relatie", "wish": "Wens van de cliënt"}
                dialog.get_by_label(label.get(field, "Energie")).select_option(str(value))
            elif field == "may_ask":
                dialog.get_by_label("Mag gevraagd").select_option(str(value).lower())
            elif field == "receives_care":
                dialog.get_by_label("Krijgt zelf zorg").check()
            elif field == "own_needs":
                dialog.get_by_label("Heeft zelf steun nodig").check()
            else:
                open_section(dialog, "Gevoelig en notitie")
                if field == "sensitive":
                    dialog.get_by_label("Gevoelig: weglaten").check()
                else:
                    dialog.get_by_label("Notitie").fill(str(value))
        save(dialog)
        p = _person(case_doc(page, case_id), pid)
        assert {field: p.get(field) for field in changes} == changes, name
        facts = _row(page, pid).locator(".person-facts")
        if "status" in changes:
            expect(facts).to_contain_text(STATUS[str(changes["status"])])
        if "wish" in changes:
            expect(facts).to_contain_text("wens")
    expect(_row(page, ids["Joost Bloem"]).locator(".tag")).to_have_text("gevoelig")
    # reopened, the dialogs show what was saved (after a reload too)
    page.reload()
    for name, field, value in (
        ("Marja Bloem", "Energie", "costs"),
        ("Marja Bloem", "Mag gevraagd", "true"),
        ("Henk Bloem", "Energie", "gives"),
        ("Gerda Smit", "Stand van de relatie", "faded"),
    ):
        dialog = _edit_person(page, ids[name])
        open_section(dialog, "De relatie met de cliënt")
        expect(dialog.get_by_label(field)).to_have_value(value)
        if name == "Marja Bloem":
            expect(dialog.get_by_label("Heeft zelf steun nodig")).to_be_checked()
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()

    # care in a relation, both ways, twice: Marja helps her mother; Pauline visits Henk
    dialog = page.locator("#tie-dialog")
    for name, hours, months, tasks, client_hours, client_tasks in (
        ("Marja Bloem", "3,5", "12", ["household", "transport"], None, []),
        ("Henk Bloem", None, None, [], "10", ["supervision"]),
    ):
        tid = _client_tie(case_doc(page, case_id), ids[name])["id"]
        page.locator(f'[data-action="edit-tie"][data-id="{tid}"]').click()
        expect(dialog).to_be_visible()
        open_section(dialog, "Zorg in deze relatie")
        if hours:
            dialog.locator("#td-care-hours").fill(hours)
            dialog.locator("#td-care-months").fill(months or "")
        for task in tasks:
            dialog.locator(f'input[name="care_tasks"][value="{task}"]').check()
        if client_hours:
            dialog.locator("#td-client-care-hours").fill(client_hours)
        for task in client_tasks:
            dialog.locator(f'input[name="client_care_tasks"][value="{task}"]').check()
        open_section(dialog, "Gevoelig en notitie")
        if name == "Marja Bloem":
            scan(page, "tie dialog, every section open")
        save(dialog)
        t = _client_tie(case_doc(page, case_id), ids[name])
        if hours:
            assert (t["care_hours_per_week"], t["care_months"]) == (3.5, 12)
            expect(page.locator(f'[data-tie-row="{tid}"]')).to_contain_text("zorguren per week")
        assert t.get("care_tasks", []) == tasks
        assert t.get("client_care_hours_per_week") == (
            float(client_hours) if client_hours else None
        )
        assert t.get("client_care_tasks", []) == client_tasks
        page.locator(f'[data-action="edit-tie"][data-id="{tid}"]').click()  # shown again
        open_section(dialog, "Zorg in deze relatie")
        expect(dialog.locator("#td-client-care-hours")).to_have_value(client_hours or "")
        expect(dialog.locator("#td-care-months")).to_have_value(months or "")
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()

    # life events on the levenslijn, twice
    page.goto(f"/cases/{case_id}?view=levenslijn")
    add_event(page, "Henk naar het verpleeghuis", "2022", "-3", "Henk Bloem")
    add_event(page, "Eerste keer bij het Vrouwengilde", "2024", "+2", CLIENT)
    events = case_doc(page, case_id)["network"]["events"]
    assert [(e["title"], e["year"], e["valence"]) for e in events] == [
        ("Henk naar het verpleeghuis", 2022, -3),
        ("Eerste keer bij het Vrouwengilde", 2024, 2),
    ]
    assert events[0]["persons"] == [henk]
    expect(page.locator(".event-list li")).to_have_count(2)
    page.locator('[data-action="add-event"]').click()
    scan(page, "event dialog")
    page.keyboard.press("Escape")
    scan(page, "case levenslijn")

    # the perception question and an instrument (the short loneliness scale), each twice
    dialog = page.locator("#instrument-dialog")
    for code, choices, counted in (
        ("perception", {1: "ik mis iets of het drukt op mij (belastend)"}, None),
        ("djg6", {1: "ja", 2: "nee", 3: "min of meer", 4: "ja", 5: "nee", 6: "ja"}, 6),
        ("djg6", {2: "min of meer", 5: "geen antwoord"}, 5),
    ):
        existing = page.locator(f'[data-instrument-row="{code}"] [data-action="edit-instrument"]')
        if existing.count():
            existing.click()
        else:
            page.locator(
                f'[data-action="edit-instrument"][data-instrument="{code}"][data-new]'
            ).click()
        expect(dialog).to_be_visible()
        if code == "djg6" and counted == 6:
            scan(page, "instrument dialog")
        answer(page, code, choices)
        save(dialog)
        if counted is not None:
            expect(page.locator(f'[data-instrument-row="{code}"]')).to_contain_text(
                f"{counted} van 6 vragen beantwoord"
            )
    found = {r["instrument"]: r["answers"] for r in case_doc(page, case_id)["instruments"]}
    assert found["perception"] == {"1": 2}
    answered = {item: value for item, value in found["djg6"].items() if value is not None}
    assert answered == {"1": 1, "2": 2, "3": 2, "4": 1, "6": 1}
    # the perception question changed: the second answer replaces the first
    page.locator('[data-instrument-row="perception"] [data-action="edit-instrument"]').click()
    answer(page, "perception", {1: "vooral iets dat het mij geeft (betekenisvol)"})
    save(dialog)
    found = {r["instrument"]: r["answers"] for r in case_doc(page, case_id)["instruments"]}
    assert found["perception"] == {"1": 1}
    page.locator('[data-instrument-row="perception"] [data-action="edit-instrument"]').click()
    expect(dialog.locator('input[name="perception-1"][value="1"]')).to_be_checked()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # --- the second snapshot -------------------------------------------------------------------
    take_snapshot(page, "Na het invullen", 2)

    # --- two people by keyboard alone, keys counted ----------------------------------------------
    page.goto(f"/cases/{case_id}?view=netwerkschema")
    scan(page, "case netwerkschema")
    for name, key, digit, circle in BY_KEYS:
        keys = add_by_keys(page, name, key, digit)
        assert keys <= 8, (name, keys)
        doc = case_doc(page, case_id)
        p = person_named(doc, name)
        assert p["circle"] == circle
        assert _client_tie(doc, p["id"])["support"] == [key.upper()]
        assert focused_person(page) == p["id"]
        expect(_row(page, p["id"])).to_contain_text(name)
        expect(page.locator(f'#picture svg [data-person-id="{p["id"]}"]').first).to_be_attached()

    # --- two people by touch, taps counted --------------------------------------------------------
    touch = _context(browser, empty_server, has_touch=True, storage_state=context.storage_state())
    finger = touch.new_page()
    finger.goto(f"/cases/{case_id}?view=ecogram")
    for name, letter, circle_button, circle in BY_TOUCH:
        taps = add_by_pointer(finger, name, letter, circle_button, touch=True)
        assert taps <= 3, (name, taps)
        doc = case_doc(finger, case_id)
        p = person_named(doc, name)
        assert p["circle"] == circle
        assert _client_tie(doc, p["id"])["support"] == [letter]
        expect(_row(finger, p["id"])).to_contain_text(name)
    finger.locator('[data-action="add-person"]').tap()
    scan(finger, "add-person dialog by touch")
    touch.close()

    # --- the third snapshot; the comparison, twice ------------------------------------------------
    page.goto(f"/cases/{case_id}?view=ecogram")
    take_snapshot(page, "Na het uitbreiden", 3)
    snapshots = case_doc(page, case_id)["snapshots"]
    assert [(s["id"], s["label"]) for s in snapshots] == [
        ("s1", "Na het gesprek"),
        ("s2", "Na het invullen"),
        ("s3", "Na het uitbreiden"),
    ]
    assert [len(s["network"]["persons"]) for s in snapshots] == [18, 18, 22]
    for a, b, came in (("s1", "s3", ADDED), ("s2", "current", ADDED), ("s1", "s2", [])):
        page.goto(f"/cases/{case_id}?view=ecogram#snapshots")
        page.locator("#compare-a").select_option(a)
        page.locator("#compare-b").select_option(b)
        page.get_by_role("button", name="Vergelijken", exact=True).click()
        expect(page).to_have_url(re.compile(rf"/compare\?a={a}&b={b}$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Wat is er veranderd")
        new = page.locator("ul.came li")
        expect(new).to_have_count(len(came))
        for name in came:
            expect(page.locator("ul.came")).to_contain_text(name)
            expect(page.locator("ul.tie-changes")).to_contain_text(name)
        main = page.locator("main").inner_text()
        assert not RAW_DECIMAL.search(main), RAW_DECIMAL.findall(main)
        scan(page, f"compare {a} {b}")
        if a == "s1" and b == "s3":
            shoot(page, "walk-compare")

    # --- the pictures as PDF documents ------------------------------------------------------------
    page.goto(f"/cases/{case_id}?view=ecogram")
    everyone = [CLIENT, *NAMES, *ADDED]
    whole = page.get_by_role("link", name="Alle afbeeldingen in één PDF-document", exact=True)
    without = page.get_by_role(
        "link", name=re.compile("^Alle afbeeldingen in één PDF-document, zonder")
    )
    for link, hidden in ((whole, []), (without, ["Joost Bloem"]), (whole, [])):
        sizes, text = _pdf(page, link)
        assert len(sizes) >= 6 and all(is_a4(size) for size in sizes), sizes
        for name in everyone:
            if name in hidden:
                assert name not in text, name
            else:
                assert name in text, (name, text[:400])
    shoot(page, "walk-case-page")

    page.goto("/")
    expect(page.locator("main")).to_contain_text(CLIENT)
    scan(page, "case list")
    assert scan.count >= 24
    assert scan.found == {}
    context.close()
