"""The case page: views as tabs, the picture with its table view, analysis, snapshots, exports."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from zorgkracht.demo import demo_path, load_demo_cases
from zorgkracht.domain import ChildRelation, CoupleRelation
from zorgkracht.layout.family import select
from zorgkracht.render.views import VIEWS
from zorgkracht.web.case_forms import family_keys

from .helpers import csrf_from


def page(client: TestClient, query: str = "") -> str:
    answer = client.get(f"/cases/karel{query}")
    assert answer.status_code == 200, answer.text
    return str(answer.text)


def test_every_view_is_a_tab_link_and_the_chosen_one_is_selected(client: TestClient) -> None:
    html = page(client, "?view=ecogram")
    assert 'role="tablist"' in html
    tabs = re.findall(
        r'<a role="tab" id="tab-(\w+)" href="([^"]+)"[^>]*aria-selected="(\w+)"', html
    )
    assert [t[0] for t in tabs] == list(VIEWS)
    assert [t[1] for t in tabs] == [f"/cases/karel?view={v}" for v in VIEWS]
    assert [t[0] for t in tabs if t[2] == "true"] == ["ecogram"]
    assert 'role="tabpanel" id="view-panel" aria-labelledby="tab-ecogram"' in html


@pytest.mark.parametrize("view", ["genogram", "ecogram", "netwerkschema", "netwerkkaart"])
def test_the_picture_is_inline_with_its_table_view_under_it(client: TestClient, view: str) -> None:
    html = page(client, f"?view={view}")
    picture = html.index('<div id="picture"')
    svg = html.index("<svg", picture)
    table = html.index('<div id="fragment-table">')
    assert picture < svg < table
    assert "<?xml" not in html
    assert 'data-person-id="karel"' in html[svg:table]
    assert 'data-row-id="karel"' in html[table:]  # the table names the same persons


def test_unknown_view_falls_back_to_the_first_and_unknown_case_is_404(client: TestClient) -> None:
    assert 'aria-labelledby="tab-genogram"' in page(client, "?view=kaart")
    missing = client.get("/cases/nobody")
    assert missing.status_code == 404
    assert client.get("/cases/karel?snapshot=nope").status_code == 404


def test_client_system_and_analysis_are_shown_in_plain_words(client: TestClient) -> None:
    html = page(client, "?lang=en")
    assert "Client system" in html
    system = html[html.index('id="system-title"') : html.index('id="case-app"')]
    assert "Karel" in system and "Hondje" in system  # the household
    analysis = html[html.index('id="fragment-analysis"') : html.index('id="fragment-people"')]
    assert 'data-signal="' in analysis
    assert "Suggestions (RADIO)" in analysis
    assert "Vader" in analysis  # RADIO: deblokkeren for the disturbed tie with his father
    assert "deblokkeren (unblock)" in analysis


def test_a_snapshot_shows_its_own_pictures_and_cannot_be_edited(client: TestClient) -> None:
    now = page(client, "?view=ecogram")
    start = page(client, "?view=ecogram&snapshot=start")
    assert 'data-editable="true"' in now and 'id="person-dialog"' in now
    assert 'data-editable="false"' in start and 'id="person-dialog"' not in start
    assert "start" in start.lower()
    tabs = re.findall(r'<a role="tab" id="tab-\w+" href="([^"]+)"', start)
    assert len(tabs) == len(VIEWS)
    assert all(t.endswith("&amp;snapshot=start") for t in tabs)


def test_take_a_snapshot_copies_the_network_now(client: TestClient) -> None:
    html = page(client)
    answer = client.post(
        "/cases/karel/snapshots",
        data={
            "csrf_token": csrf_from(html),
            "version": "1",
            "label": "Na het netwerkberaad",
            "taken_on": "2026-11-29",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    case = client.get("/api/cases/karel").json()
    snap = case["snapshots"][-1]
    location = answer.headers["location"]
    assert location == f"/cases/karel?view=genogram&taken={snap['id']}#snapshots"
    assert (
        "“Na het netwerkberaad” has been taken"
        in client.get(location.replace("#", "&lang=en#")).text
    )
    assert snap["id"] not in ("start", "later")
    assert (snap["label"], snap["taken_on"]) == ("Na het netwerkberaad", "2026-11-29")
    assert snap["network"] == case["network"]
    assert len(case["snapshots"]) == 3


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"label": "  ", "taken_on": "2026-11-29"}, "snapshot-label-error", "Give the snapshot"),
        ({"label": "Nu", "taken_on": "29-11-2026"}, "snapshot-date-error", "YYYY-MM-DD"),
    ],
)
def test_a_bad_snapshot_form_says_what_is_wrong_next_to_the_field(
    client: TestClient, form: dict[str, str], field: str, message: str
) -> None:
    html = page(client, "?lang=en")
    answer = client.post(
        "/cases/karel/snapshots", data={"csrf_token": csrf_from(html), "version": "1", **form}
    )
    assert answer.status_code == 422
    error = re.search(rf'<p class="error" id="{field}">([^<]+)</p>', answer.text)
    assert error and message in error.group(1)
    assert len(client.get("/api/cases/karel").json()["snapshots"]) == 2


def test_a_stale_snapshot_form_is_refused(client: TestClient) -> None:
    html = page(client, "?lang=en")
    case = client.get("/api/cases/karel").json()
    case["title"] = "Karel, bijgewerkt"
    assert client.put("/api/cases/karel", json=case, headers={"If-Match": '"1"'}).status_code == 200
    answer = client.post(
        "/cases/karel/snapshots",
        data={"csrf_token": csrf_from(html), "version": "1", "label": "Te laat"},
    )
    assert answer.status_code == 422
    assert "someone else" in answer.text
    assert len(client.get("/api/cases/karel").json()["snapshots"]) == 2


def test_compare_shows_who_came_and_left_and_what_changed(client: TestClient) -> None:
    answer = client.get("/cases/karel/compare?a=start&b=later&lang=en")
    assert answer.status_code == 200
    html = answer.text
    came = html[html.index('id="came-title"') : html.index('id="left-title"')]
    data = json.loads(demo_path("karel").read_text())
    names = {p["id"]: p["name"] for s in data["snapshots"] for p in s["network"]["persons"]}
    start = {p["id"] for p in data["snapshots"][0]["network"]["persons"]}
    later = {p["id"] for p in data["snapshots"][1]["network"]["persons"]}
    newcomers = [names[i] for i in later - start if names[i] != "Hondje"]
    assert newcomers and all(escape(name) in came for name in newcomers)
    assert "quality tense → positive" in html  # Moeder: the tie got better
    assert '<th scope="row">network members</th><td>' in html
    assert "Measures that changed" in html
    assert client.get("/cases/karel/compare?a=start&b=nope").status_code == 404


@pytest.mark.parametrize(
    ("fmt", "media", "magic"),
    [
        ("svg", "image/svg+xml", b"<?xml"),
        ("png", "image/png", b"\x89PNG"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_export_pictures(client: TestClient, fmt: str, media: str, magic: bytes) -> None:
    answer = client.get(f"/cases/karel/export/netwerkschema.{fmt}?lang=en")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media)
    assert answer.headers["content-disposition"] == (
        f'attachment; filename="karel-netwerkschema.{fmt}"'
    )
    assert answer.content.startswith(magic)


def test_export_a_snapshot_picture_and_refuse_unknown_ones(client: TestClient) -> None:
    now = client.get("/cases/karel/export/ecogram.svg").text
    start = client.get("/cases/karel/export/ecogram.svg?snapshot=start")
    assert start.status_code == 200
    assert "karel-ecogram-start.svg" in start.headers["content-disposition"]
    assert start.text != now
    assert client.get("/cases/karel/export/kaart.svg").status_code == 404
    assert client.get("/cases/karel/export/ecogram.gif").status_code == 404
    assert client.get("/cases/nobody/export/ecogram.svg").status_code == 404


def test_export_without_what_is_marked_sensitive(client: TestClient) -> None:
    """Karel's tie with the corner shop is marked sensitive: drawn in the professional's
    picture, left out of the one for a network meeting (the page links to both)."""
    page = client.get("/cases/karel?view=ecogram").text
    assert "/export/ecogram.pdf?lang=nl&amp;hide_sensitive=true" in page
    full = client.get("/cases/karel/export/ecogram.svg")
    shown = client.get("/cases/karel/export/ecogram.svg?hide_sensitive=true")
    assert shown.status_code == 200
    assert 'filename="karel-ecogram-zonder-gevoelig.svg"' in shown.headers["content-disposition"]
    assert 'data-tie-id="t_buurtkruidenier"' in full.text
    assert 'data-tie-id="t_buurtkruidenier"' not in shown.text
    assert 'data-person-id="karel"' in shown.text


def test_the_page_for_a_network_meeting_leaves_out_what_is_sensitive(client: TestClient) -> None:
    """Karel's mother marked sensitive: gone from every view, table, list and analysis of the
    meeting page, which cannot be edited; the ordinary page still shows her."""
    case = client.get("/api/cases/karel")
    name = "Geertruida Verborgen"  # a name no other text of the page contains
    marked = client.post(
        "/api/cases/karel/edits",
        json={"op": "update_person", "id": "moeder", "changes": {"sensitive": True, "name": name}},
        headers={"If-Match": case.headers["ETag"]},
    )
    assert marked.status_code == 200, marked.text
    for view in VIEWS:
        page = client.get(f"/cases/karel?view={view}&hide_sensitive=true")
        assert page.status_code == 200
        assert "Geertruida" not in page.text, view
        assert 'data-person-id="moeder"' not in page.text
        assert 'data-tie-id="t_buurtkruidenier"' not in page.text
        assert 'data-editable="false"' in page.text
        assert f"view={view}&amp;hide_sensitive=true" in page.text  # the tabs keep the mode
        full = client.get(f"/cases/karel?view={view}")
        assert "Geertruida" in full.text
        assert 'data-editable="true"' in full.text


def test_export_the_case_file_and_the_network_list(client: TestClient) -> None:
    case_file = client.get("/cases/karel/export/case.json")
    assert case_file.status_code == 200
    assert 'filename="karel.zorgkracht.json"' in case_file.headers["content-disposition"]
    assert json.loads(case_file.text) == client.get("/api/cases/karel").json()
    listing = client.get("/cases/karel/export/network-list.csv")
    assert listing.status_code == 200
    assert listing.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(listing.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "naam"
    assert rows[1][0] == "Karel"
    data = json.loads(demo_path("karel").read_text())
    assert len(rows) == 1 + len(data["network"]["persons"])


def test_the_page_loads_nothing_from_another_host(client: TestClient) -> None:
    html = page(client)
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not re.match(r"^(https?:)?//", url), url
    assert client.get("/static/case/main.js").status_code == 200
    assert client.get("/static/case.css").status_code == 200


def test_the_script_knows_the_genogram_family_group_of_each_child_line() -> None:
    """``family_keys`` names the ``data-family`` group of the genogram the way the layout does,
    so that a click on a child line finds its child relation."""
    cases = load_demo_cases()
    flodder = cases[0]
    net = flodder.network
    assert net.children
    # two parents without a couple relation, and a second couple of the same two persons
    a, b = net.couples[0].a, net.couples[0].b
    net.couples.append(CoupleRelation(id="again", a=b, b=a))
    loner = next(p.id for p in net.persons if p.id not in (a, b))
    others = [p.id for p in net.persons if p.id not in (a, b, loner)]
    net.children.append(ChildRelation(id="extra", child=loner, parents=[others[0], others[1]]))
    for case in cases:  # the Flodders with the two relations added, and the others
        graph = select(case, focus=None, generations=None, hide_sensitive=False)
        drawn = {ch.id: key for ch, key in graph.child_relations}
        keys = family_keys(case.network)
        assert {k: keys[k] for k in drawn} == drawn
    assert family_keys(net)["extra"] == "c:~" + "+".join(sorted(others[:2]))


def test_snapshot_current_is_the_case_as_it_is_now(client: TestClient) -> None:
    """``?snapshot=current`` (the name the compare page and the CLI use for now) shows the
    editable case, as without ``snapshot``; an unknown snapshot is still a 404."""
    for _ in range(2):
        current = page(client, "?view=ecogram&snapshot=current")
        assert 'data-editable="true"' in current
    assert client.get("/cases/karel?snapshot=nope").status_code == 404


def test_the_forms_take_their_maxlength_from_the_domain_limits(client: TestClient) -> None:
    """One definition of the bounds: the name and title fields say what the case check says."""
    from zorgkracht.domain.limits import MAX_NAME, MAX_TITLE

    for _ in range(2):
        text = page(client)
        assert f'id="pd-name" name="name" required maxlength="{MAX_NAME}"' in text
        assert f'id="dd-name" name="name" required maxlength="{MAX_NAME}"' in text
        assert f'name="label" required maxlength="{MAX_TITLE}"' in text
