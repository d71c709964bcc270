"""Finding 7: exports and headers.

Before the fix: the network list wrote cells starting with ``= + - @`` unescaped (formula
injection in a spreadsheet); the CSP lacked ``default-src`` and ``object-src``; ``/static/``
lacked ``nosniff``; ``?hide_sensitive=true`` was silently ignored on the case file and network
list downloads; new case ids were made from titles (client names) and a clash answered 409
"already exists", revealing another professional's case.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.helpers import signed_in_client
from zorgkracht.cli.main import main
from zorgkracht.interchange import case_json
from zorgkracht.interchange.network_list import parse_network_list

from .hardening_support import demo

OPAQUE = re.compile(r"^c-[a-z2-7]{10}$")
FORMULAS = ['=HYPERLINK("http://x")', "+31 6 12345678", "-Piet", "@Ann", "=1+2"]


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        yield test_client


def _with_formula_names() -> dict[str, Any]:
    case = demo("karel")
    persons = case["network"]["persons"]
    for person, name in zip(persons[1:], FORMULAS, strict=False):
        person["name"] = name
    return case


def test_network_list_cells_that_look_like_formulas_are_escaped_and_read_back(
    client: TestClient,
) -> None:
    case = _with_formula_names()
    assert client.post("/api/cases", json=case).status_code == 201
    for lang, sep in (("nl", ";"), ("en", ",")):
        answer = client.get(f"/cases/karel/export/network-list.csv?lang={lang}")
        assert answer.status_code == 200
        text = answer.content.decode("utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text), delimiter=sep) for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        for name in FORMULAS:
            assert "'" + name in cells
        back = parse_network_list(answer.content, "lijst.csv")
        names = {p.name for p in back.network.persons}
        assert set(FORMULAS) <= names
    # a name that merely starts with an apostrophe is kept as it is
    plain = parse_network_list("naam;rol\nKim;cliënt\n't Hart;buurman\n".encode(), "l.csv")
    assert "'t Hart" in {p.name for p in plain.network.persons}


def test_the_content_security_policy_and_static_files(client: TestClient) -> None:
    assert client.post("/api/cases", json=demo("karel")).status_code == 201
    for path in ("/", "/cases/karel", "/api/cases"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
    page = client.get("/cases/karel").text
    assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))", page)
    assert " style=" not in page
    for path in ("/static/case/main.js", "/static/zorgkracht.css"):
        static = client.get(path)
        assert static.status_code == 200
        assert static.headers["x-content-type-options"] == "nosniff"


def test_hide_sensitive_is_honoured_on_the_case_file_and_network_list(
    client: TestClient,
) -> None:
    case = demo("karel")
    secret = next(p for p in case["network"]["persons"] if p["id"] == "overbuur")
    secret["sensitive"] = True
    assert client.post("/api/cases", json=case).status_code == 201
    full = client.get("/cases/karel/export/case.json")
    assert "overbuur" in full.text
    hidden = client.get("/cases/karel/export/case.json?hide_sensitive=true")
    assert hidden.status_code == 200
    assert '"overbuur"' not in hidden.text and secret["name"] not in hidden.text
    assert "zonder-gevoelig" in hidden.headers["content-disposition"]
    case_json.case_from_data(hidden.json())  # still a valid case file
    listed = client.get("/cases/karel/export/network-list.csv")
    assert secret["name"] in listed.content.decode("utf-8-sig")
    hidden_list = client.get("/cases/karel/export/network-list.csv?hide_sensitive=true")
    assert hidden_list.status_code == 200
    assert secret["name"] not in hidden_list.content.decode("utf-8-sig")


def test_new_cases_get_opaque_ids_and_a_clash_reveals_nothing(client: TestClient) -> None:
    made = client.post(
        "/cases",
        data={"title": "Familie Jansen", "client_name": "Jan Jansen"},
        follow_redirects=False,
    )
    assert made.status_code == 303
    case_id = made.headers["location"].rsplit("/", 1)[-1]
    assert OPAQUE.match(case_id), case_id
    first = client.post("/api/cases", json=demo("karel"))
    assert first.status_code == 201 and first.json()["id"] == "karel"  # free: kept
    again = client.post("/api/cases", json=demo("karel"))
    assert again.status_code == 201, again.text[:300]
    assert OPAQUE.match(again.json()["id"])
    assert again.headers["location"] == f"/api/cases/{again.json()['id']}"
    assert "already exists" not in again.text and "bestaat al" not in again.text
    bad = demo("karel")
    bad["id"] = "Karel_Jansen"  # not of the form of a case id
    odd = client.post("/api/cases", json=bad)
    assert odd.status_code == 201 and OPAQUE.match(odd.json()["id"])


def test_imports_get_opaque_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'ids.sqlite'}"
    roster = tmp_path / "familie-jansen.csv"
    roster.write_text("naam;rol\nJan Jansen;cliënt\nPiet;vriend\n", encoding="utf-8")

    def imported(*args: str) -> tuple[int, str]:
        with pytest.raises(SystemExit) as done:
            main(["import", *args, "--db", db])
        out, err = capsys.readouterr()
        code = done.value.code if isinstance(done.value.code, int) else 0
        return code, (out.split() or [err])[-1]

    code, case_id = imported(str(roster))
    assert code == 0 and OPAQUE.match(case_id), case_id
    case_file = tmp_path / "karel.zorgkracht.json"
    case_file.write_text(case_json.dumps(case_json.case_from_data(demo("karel"))), "utf-8")
    assert imported(str(case_file)) == (0, "karel")
    code, case_id = imported(str(case_file))
    assert code == 0 and OPAQUE.match(case_id), case_id
    code, _last = imported(str(case_file), "--id", "karel")
    assert code == 4  # the operator chose the id: a clash is a conflict
