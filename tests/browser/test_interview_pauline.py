"""Pauline Bloem's interview in Chromium, from an empty database (the book's case after chapter
11: 69, her husband Henk with Alzheimer's in a nursing home, three children, a women's guild,
the dementia association, volunteer Lisa). Fifteen people are named through the pages; the
genogram then has the couple and child lines, the organisations are marked as organisations,
the English interface shows English domain names, and axe-core finds no serious or critical
violation on any interview step.

The server here has a database of its own, empty but for the first account, so the case is
made through the new-case form as a first user would.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import LiveServer, log_in, shoot, start_server
from .steps import (
    Named,
    answer_more_about,
    case_doc,
    interview_client,
    name_people,
    new_case_by_form,
    person_named,
)
from .test_accessibility import serious

PAULINE: list[Named] = [
    ("family", "Henk", "partner", 1, "", False, "getrouwd"),
    ("family", "Marja", "dochter", 1, "EG", False, None),
    ("family", "Peter", "zoon", 2, "P", False, None),
    ("family", "Joost", "zoon", 2, "", False, None),
    ("family", "Ans", "zus", 2, "G", False, None),
    ("family", "Lotte", "kleindochter", 2, "W", False, None),
    ("friends", "Ria", None, 2, "EG", False, None),
    ("friends", "Gerda", None, 3, "", False, None),
    ("neighbours", "Jolanda", None, 3, "P", False, None),
    ("clubs", "Vrouwengilde", None, 3, "G", True, None),
    ("clubs", "Dementievereniging", "vrijwilliger", 3, "A", True, None),
    ("clubs", "Winkeltje in het verzorgingshuis", "vrijwilliger", 3, "", True, None),
    ("professionals", "Lisa", "vrijwilliger", 2, "EG", False, None),
    ("professionals", "Verpleeghuis De Linde", "dienstverlener", 4, "", True, None),
    ("professionals", "Coördinator Steunpunt", None, 4, "A", False, None),
]
ORGANISATIONS = [name for _s, name, _r, _c, _l, org, _t in PAULINE if org]


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server, thread, live = start_server(tmp_path_factory.mktemp("pauline") / "empty.sqlite")
    yield live
    server.should_exit = True
    thread.join(timeout=10)
    live.store.close()


@pytest.fixture(scope="module")
def walked(browser: Browser, empty_server: LiveServer) -> Iterator[tuple[Any, str]]:
    """A signed-in browser context in which Pauline's interview was walked; the case id."""
    context = browser.new_context(
        base_url=empty_server.url, viewport={"width": 1366, "height": 900}, locale="nl-NL"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page)
    case_id = walk(page)
    page.close()
    yield context, case_id
    context.close()


def walk(page: Page) -> str:
    case_id = new_case_by_form(page, "Netwerk van Pauline", "Pauline Bloem")
    interview_client(page, case_id, "vrouw", 1956)

    def notice(entry: Named) -> None:
        if entry[1] == "Ans":  # her sister: the page says why two parents without a name
            expect(page.locator("#iv-notice")).to_contain_text("Ans deelt de ouders")

    name_people(page, case_id, PAULINE, after=notice)
    answer_more_about(page, case_id, "Henk")
    return case_id


def test_paulines_interview_builds_the_family_tree(walked: tuple[Any, str]) -> None:
    context, case_id = walked
    page = context.new_page()
    doc = case_doc(page, case_id)
    net = doc["network"]
    names = {p["id"]: p["name"] for p in net["persons"]}
    pauline = person_named(doc, "Pauline Bloem")
    assert (pauline["gender"], pauline["birth_year"]) == ("female", 1956)
    named = [p for p in net["persons"] if p["id"] != doc["client"] and p["name"] != "?"]
    assert [p["name"] for p in named] == [entry[1] for entry in PAULINE]  # fifteen
    assert len(named) == 15
    assert [(names[c["a"]], names[c["b"]], c["type"]) for c in net["couples"]] == [
        ("Pauline Bloem", "Henk", "married"),
        ("?", "?", "married"),
    ]
    descent = [(names[c["child"]], [names[p] for p in c["parents"]]) for c in net["children"]]
    assert descent[:3] == [
        ("Marja", ["Pauline Bloem", "Henk"]),
        ("Peter", ["Pauline Bloem", "Henk"]),
        ("Joost", ["Pauline Bloem", "Henk"]),
    ]
    # Ans, her sister, shares two parents with Pauline; nobody named them
    unknown = [p["id"] for p in net["persons"] if p["name"] == "?"]
    assert descent[3:] == [("Pauline Bloem", ["?", "?"]), ("Ans", ["?", "?"])]
    assert [c["parents"] for c in net["children"][3:]] == [unknown, unknown]
    genders = {p["name"]: p.get("gender") for p in named}
    assert (genders["Marja"], genders["Peter"], genders["Ans"]) == ("female", "male", "female")
    henk = person_named(doc, "Henk")
    assert (henk.get("wish"), henk.get("energy"), henk.get("may_ask")) == ("same", "both", False)
    assert henk.get("receives_care") is True

    # the genogram draws both couples and both families
    for _ in range(2):  # and again after a reload
        page.goto(f"/cases/{case_id}?view=genogram")
        svg = page.locator("#picture svg")
        expect(svg.locator("g.couple")).to_have_count(2)
        expect(svg.locator('g.couple[data-couple="married"]')).to_have_count(2)
        expect(svg.locator("g.family")).to_have_count(2)
        in_tree = [_id(names, n) for n in ("Pauline Bloem", "Henk", "Marja", "Peter", "Joost")]
        for person in [*in_tree, _id(names, "Ans"), *unknown]:
            expect(svg.locator(f'g.person[data-person-id="{person}"]')).to_have_count(1)
    shoot(page, "interview-pauline-genogram")
    page.close()


def _id(names: dict[str, str], name: str) -> str:
    return next(i for i, n in names.items() if n == name)


def test_the_organisations_are_organisations(walked: tuple[Any, str]) -> None:
    context, case_id = walked
    page = context.new_page()
    doc = case_doc(page, case_id)
    marked = [p["name"] for p in doc["network"]["persons"] if p.get("organisation")]
    assert marked == ORGANISATIONS
    for name in ORGANISATIONS:
        assert person_named(doc, name).get("gender", "unknown") == "unknown"
    assert person_named(doc, "Lisa").get("organisation", False) is False
    page.close()


def test_domains_are_codes_shown_in_the_page_language(walked: tuple[Any, str]) -> None:
    context, case_id = walked
    page = context.new_page()
    doc = case_doc(page, case_id)
    assert sorted((d["name"], d["kind"]) for d in doc["network"]["domains"]) == [
        ("club", "club"),
        ("family", "family"),
        ("friends", "friends"),
        ("neighbourhood", "neighbourhood"),
        ("social_work", "social_work"),
    ]
    for lang, shown, hidden in (
        ("en", ["Family", "Friends", "Neighbourhood"], ["Familie", "Vrienden", "Buurt"]),
        ("nl", ["Familie", "Vrienden", "Buurt"], ["Family", "Friends", "Neighbourhood"]),
    ):
        for _ in range(2):
            page.goto(f"/cases/{case_id}?view=ecogram&lang={lang}")
            names = page.locator("#picture svg .domain-names text").all_text_contents()
            for name in shown:
                assert name in names, (lang, names)
            for name in hidden:
                assert name not in names, (lang, names)
            assert "Overig" not in names and "Other" not in names
    shoot(page, "interview-pauline-ecogram-en")
    page.goto(f"/cases/{case_id}/interview/names/clubs?lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Clubs and church")
    expect(page.get_by_label("This is an organisation, not one person")).to_be_visible()
    page.close()


def test_no_serious_violation_on_any_interview_step(walked: tuple[Any, str]) -> None:
    context, case_id = walked
    page = context.new_page()
    doc = case_doc(page, case_id)
    person = person_named(doc, "Marja")["id"]
    organisation = person_named(doc, "Vrouwengilde")["id"]
    base = f"/cases/{case_id}/interview"
    steps = ["household", "family", "friends", "neighbours", "work", "clubs", "professionals"]
    steps += ["birthday", "season", "tickets", "moving"]
    paths = [base, f"{base}/client", *(f"{base}/names/{s}" for s in steps)]
    paths += [f"{base}/about/{person}", f"{base}/about/{organisation}", f"{base}/knows"]
    found: dict[str, list[str]] = {}
    for path in paths:
        page.goto(path)
        details = page.locator("details.iv-more")
        if details.count():
            details.first.evaluate("d => { d.open = true; }")
        problems = serious(page)
        if problems:
            found[path] = problems
            shoot(page, "axe-" + path.rsplit("/", 1)[-1])
    assert found == {}
    page.close()


def test_touch_targets_are_at_least_44_pixels(walked: tuple[Any, str]) -> None:
    context, case_id = walked
    page = context.new_page()
    base = f"/cases/{case_id}/interview"
    marja = person_named(case_doc(page, case_id), "Marja")["id"]
    selector = ", ".join(
        (
            ".iv-steps a",
            ".iv-question form button",
            ".iv-question form select",
            ".iv-question form input[type=text]",
            ".iv-option",
            ".iv-check-row:not([hidden])",
            ".iv-more > summary",
            ".iv-next a",
            ".iv-people a",
            ".iv-people button",
            ".iv-views a",
        )
    )
    measured = 0
    for path in (f"{base}/client", f"{base}/names/family", f"{base}/names/clubs"):
        page.goto(path)
        small = _small_targets(page, selector)
        assert small == [], (path, small)
        measured += page.locator(selector).count()
    page.goto(f"{base}/about/{marja}")
    page.locator("details.iv-more").evaluate("d => { d.open = true; }")
    assert _small_targets(page, selector) == []
    assert measured > 60


def _small_targets(page: Page, selector: str) -> list[str]:
    """Visible controls smaller than 44 by 44 CSS pixels, as 'text: w x h'."""
    small: list[str] = page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
            .filter(el => el.offsetParent !== null)
            .map(el => [el, el.getBoundingClientRect()])
            .filter(([el, r]) => r.width < 44 || r.height < 44)
            .map(([el, r]) => (el.textContent || el.name || el.tagName).trim().slice(0, 40)
                 + ': ' + Math.round(r.width) + ' x ' + Math.round(r.height))""",
        selector,
    )
    return small
