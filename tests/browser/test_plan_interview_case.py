"""The plan of a case built through the interview, not a demo or a posted file: two help
questions and two actions whose persons are picked on that case's own ecogram; the badges of the
plan layer show who carries what, clear of every name, and change when an action changes."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .steps import Named, case_doc, interview_client, name_people, new_case_by_form, person_named
from .test_plan_browser import _open, _ready, _saved

PEOPLE: list[Named] = [
    ("family", "Henk Bloem", "partner", 1, "", False, "getrouwd"),
    ("family", "Marja Bloem", "dochter", 1, "EG", False, None),
    ("friends", "Ria Jansen", None, 2, "EG", False, None),
    ("neighbours", "Jolanda Visser", None, 3, "P", False, None),
    ("clubs", "Vrouwengilde Sint Agatha", None, 3, "G", True, None),
]

# every badge against every name: how many badges, names, and overlaps (in the SVG's own units)
_OVERLAPS = """() => {
  const svg = document.querySelector("#plan-picture svg");
  const badges = [...svg.querySelectorAll(".plan-badges .plan-badge rect")].map(r => r.getBBox());
  const names = [...svg.querySelectorAll("text")]
    .filter(t => !t.closest(".plan-layer"))
    .map(t => t.getBBox()).filter(b => b.width > 0);
  const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width &&
                        a.y < b.y + b.height && b.y < a.y + a.height;
  const hits = badges.flatMap(a => names.filter(b => hit(a, b)).map(() => 1)).length;
  return [badges.length, names.length, hits];
}"""


def test_a_plan_on_a_case_built_through_the_interview(signed_in: Page) -> None:
    page = signed_in
    case_id = new_case_by_form(page, "Netwerk van Pauline", "Pauline Bloem")
    interview_client(page, case_id, "vrouw", 1956)
    name_people(page, case_id, PEOPLE)
    doc = case_doc(page, case_id)
    marja = person_named(doc, "Marja Bloem")["id"]
    jolanda = person_named(doc, "Jolanda Visser")["id"]
    page.goto(f"/cases/{case_id}/plan")
    _ready(page)
    for n, text in enumerate(["Wie gaat mee naar Henk?", "Hulp bij de boodschappen"], start=1):
        form = page.locator("#form-add-question")
        form.locator("#newq-text").fill(text)
        form.locator("#newq-priority").fill(str(n))
        form.get_by_role("button", name="Hulpvraag toevoegen").click()
        expect(page.locator("#question-list > li")).to_have_count(n)
        _saved(page)
    for n, (question, text, pid) in enumerate(
        [("hq1", "Samen op bezoek", marja), ("hq2", "Boodschappen op vrijdag", jolanda)], start=1
    ):
        _open(page, "add-action")
        form = page.locator("#form-add-action")
        form.locator("#newa-help_question").select_option(question)
        form.locator("#newa-description").fill(text)
        form.locator("[data-pick]").click()
        page.locator(f'#plan-picture [data-person-id="{pid}"]').first.click()
        form.locator("#newa-hours_per_week").fill("2")
        form.get_by_role("button", name="Actie toevoegen").click()
        expect(page.locator("#action-list > li")).to_have_count(n)
        _saved(page)
    badges = page.locator("#plan-picture .plan-badges .plan-badge")
    expect(badges).to_have_count(2)
    badge_count, name_count, hits = page.evaluate(_OVERLAPS)
    assert badge_count == 2 and name_count >= len(PEOPLE) and hits == 0
    stored = case_doc(page, case_id)["process"]["actions"]
    assert [a["persons"][0]["person"] for a in stored] == [marja, jolanda]
    # change the second action's hours: only its badge changes, the map stays where it is
    _open(page, "a-ac2")
    page.locator("#a-ac2-hours_per_week").fill("5")
    page.locator("#a-ac2 form").get_by_role("button", name="Opslaan").click()
    _saved(page)
    badge = page.locator(f'#plan-picture .plan-badge[data-plan-person="{jolanda}"]')
    expect(badge).to_have_attribute("data-hours", "5")
    expect(
        page.locator(f'#plan-picture .plan-badge[data-plan-person="{marja}"]')
    ).to_have_attribute("data-hours", "2")
    assert page.evaluate(_OVERLAPS)[2] == 0
