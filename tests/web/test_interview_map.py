"""The interview builds the whole map through the pages (FastAPI's in-process client): the
client's own page, names with their relation word, circle, support and family tree,
organisations, domains stored by code and shown in the page language, bad answers named next
to the field and changing nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .test_interview import client, form, stored

__all__ = ["client"]


def add(client: TestClient, step: str, **fields: object) -> None:
    version, _ = stored(client)
    answer = client.post(
        f"/cases/kim/interview/names/{step}",
        data=form(client, version, **fields),
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


def test_the_client_page_asks_gender_and_year_of_birth(client: TestClient) -> None:
    page = client.get("/cases/kim/interview/client")
    assert page.status_code == 200
    assert "Over u" in page.text and "In welk jaar bent u geboren?" in page.text
    overview = client.get("/cases/kim/interview").text
    assert 'class="button" href="/cases/kim/interview/client"' in overview
    for _ in range(2):  # the same answer twice: saved, and nothing else changes
        answer = client.post(
            "/cases/kim/interview/client",
            data=form(client, stored(client)[0], gender="female", birth_year="1956", go="next"),
            follow_redirects=False,
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == "/cases/kim/interview/names/household"
        kim = stored(client)[1]["network"]["persons"][0]
        assert (kim["gender"], kim["birth_year"]) == ("female", 1956)
    version, before = stored(client)
    bad = client.post(
        "/cases/kim/interview/client",
        data=form(client, version, gender="female", birth_year="69"),
    )
    assert bad.status_code == 422
    assert "geen geboortejaar" in bad.text
    assert stored(client) == (version, before)
    english = client.get("/cases/kim/interview/client?lang=en").text
    assert "In which year were you born?" in english and "About you" in english


def test_names_page_offers_words_circle_support_and_the_family_fields(client: TestClient) -> None:
    page = client.get("/cases/kim/interview/names/family").text
    for text in ('value="mother"', ">moeder<", ">zoon<", 'name="circle"', 'name="support"'):
        assert text in page
    assert 'name="couple"' in page  # the family has partners
    assert 'name="organisation"' not in page  # family are persons
    assert 'name="other_parent"' not in page  # no partner yet
    clubs = client.get("/cases/kim/interview/names/clubs").text
    assert 'name="organisation"' in clubs
    english = client.get("/cases/kim/interview/names/family?lang=en").text
    for text in (">mother<", ">son<", ">married<", "Married or together?", "How close? (circle)"):
        assert text in english
    for text in (">moeder<", ">zoon<", ">getrouwd<"):
        assert text not in english
    add(client, "family", name="Henk", role="partner", couple="married")
    page = client.get("/cases/kim/interview/names/family").text
    assert '<option value="p2" selected>Henk</option>' in page


def test_a_family_is_built_with_its_genogram_lines(client: TestClient) -> None:
    add(client, "household", name="Henk", role="partner", couple="cohabiting", circle="1")
    add(client, "family", name="Marja", role="daughter", circle="1", support=["E", "P"])
    add(client, "family", name="Ans", role="sister", circle="2")
    add(client, "family", name="Riet", role="mother", circle="2")
    _, doc = stored(client)
    net = doc["network"]
    names = {p["id"]: p["name"] for p in net["persons"]}
    assert [(names[c["a"]], names[c["b"]], c["type"]) for c in net["couples"]] == [
        ("Kim", "Henk", "cohabiting"),
        ("Riet", "?", "married"),
    ]
    assert [(names[c["child"]], [names[p] for p in c["parents"]]) for c in net["children"]] == [
        ("Marja", ["Kim", "Henk"]),
        ("Kim", ["Riet", "?"]),
        ("Ans", ["Riet", "?"]),
    ]
    marja = next(p for p in net["persons"] if p["name"] == "Marja")
    assert (marja["gender"], marja["role"], marja["circle"]) == ("female", "child", "intimacy")
    tie = next(t for t in net["ties"] if t["b"] == marja["id"])
    assert (sorted(tie["support"]), tie["direction"]) == (["E", "P"], "to_client")
    # the unknown father is in the tree but not on the interview's lists
    page = client.get("/cases/kim/interview/names/family").text
    assert page.count('<li data-person-id="p') == 4
    assert '<span id="iv-count">4</span>' in page


def test_domains_are_stored_by_code_and_shown_in_the_page_language(client: TestClient) -> None:
    add(client, "family", name="Marja", role="daughter")
    add(client, "clubs", name="Vrouwengilde", organisation="yes")
    add(client, "friends", name="Ria")
    _, doc = stored(client)
    assert [(d["name"], d["kind"]) for d in doc["network"]["domains"]] == [
        ("family", "family"),
        ("club", "club"),
        ("friends", "friends"),
    ]
    english = client.get("/cases/kim/export/ecogram.svg?lang=en").text
    dutch = client.get("/cases/kim/export/ecogram.svg?lang=nl").text
    for svg, shown, hidden in (
        (english, [">Family<", ">Clubs and church<", ">Friends<"], [">Familie<", ">Vrienden<"]),
        (dutch, [">Familie<", ">Club, vereniging", ">Vrienden<"], [">Family<", ">Friends<"]),
    ):
        for name in shown:
            assert name in svg
        for name in hidden:
            assert name not in svg
    assert ">Overig<" not in dutch and ">Other<" not in english


def test_bad_names_answers_are_named_and_change_nothing(client: TestClient) -> None:
    version, before = stored(client)
    answer = client.post(
        "/cases/kim/interview/names/family",
        data=form(client, version, name="Mo", role="mother", circle="9", support=["Z"]),
    )
    assert answer.status_code == 422
    assert 'id="iv-circle-error" class="iv-error" >' in answer.text
    assert "is geen steunsoort" in answer.text
    assert stored(client) == (version, before)


def test_a_sibling_without_named_parents_is_explained(client: TestClient) -> None:
    version, _ = stored(client)
    answer = client.post(
        "/cases/kim/interview/names/family",
        data=form(client, version, name="Ans", role="sister"),
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"].endswith("?added=p2&unknown_parents=1")
    page = client.get(answer.headers["location"]).text
    assert "Ans deelt de ouders met de cliënt" in page
    version, _ = stored(client)
    second = client.post(
        "/cases/kim/interview/names/family?lang=en",
        data=form(client, version, name="Kees", role="brother"),
        headers={"Accept": "application/json"},
    )
    assert second.json()["note"] == ""  # the parents are there now
    version, _ = stored(client)
    third = client.post(
        "/cases/kim/interview/names/family?lang=en",
        data=form(client, version, name="Jan", role="father"),
        headers={"Accept": "application/json"},
    )
    assert third.json()["person"]["id"] == "p4"  # the unknown father, named now
    _, doc = stored(client)
    assert [p["name"] for p in doc["network"]["persons"]] == ["Kim", "Ans", "?", "Jan", "Kees"]
