"""``zorgkracht analyse`` and ``compare``, run in-process through ``main`` as the script runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zorgkracht.cli.main import main
from zorgkracht.demo import demo_path

KAREL = str(demo_path("karel"))
ROSTER = (
    "naam;rol;geslacht;cirkel;steun;wederkerig\n"
    "Kim;cliënt;v;;;\n"
    "Jolanda;buurvrouw;;bekenden;PG;ja\n"
    "Ahmed;vriend;m;2;E;nee\n"
)
REQUIRED_KEYS = {
    "persons",
    "size",
    "by_sector",
    "by_segment",
    "by_circle",
    "by_zone",
    "by_frequency",
    "variety",
    "density",
    "support",
    "concentration",
    "reciprocity",
    "care_potential",
    "carers",
    "signals",
    "radio",
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = run([*argv, "--json"], capsys)
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


@pytest.fixture()
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "netwerk kim.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def test_json_has_every_documented_key_with_the_agreed_shapes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_json(["analyse", KAREL, "--snapshot", "start"], capsys)
    assert result.keys() >= REQUIRED_KEYS
    # Karel at the start: father, mother, café friends, girlfriend; the dog does not count
    assert result["size"] == 4
    assert result["persons"]["moeder"] == {"name": "Moeder", "role": "parent", "sensitive": False}
    assert "karel" not in result["persons"] and "hondje" not in result["persons"]
    assert result["by_sector"] == {"kin": 3, "friendly": 1, "services": 0, "unknown": 0}
    assert set(result["support"]) == {"P", "G", "A", "E", "W"}
    for signal in result["signals"]:
        assert {"code", "severity", "persons", "message"} <= signal.keys()
        assert set(signal["message"]) == {"nl", "en"}
    assert {"person": "moeder", "action": "reanimeren"} in [
        {"person": r["person"], "action": r["action"]} for r in result["radio"]
    ]
    assert all(set(r["reason"]) == {"nl", "en"} for r in result["radio"])


def test_text_report_in_dutch_and_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyse", KAREL, "--snapshot", "start"], capsys)
    assert code == 0, err
    assert out.startswith("Netwerkanalyse\n")
    assert "Omvang: 4 netwerkleden" in out
    assert "Er staan geen buren, kennissen of collega's op de kaart" in out
    assert "Moeder: reanimeren." in out
    code, out, err = run(["analyse", KAREL, "--snapshot", "start", "--lang", "en"], capsys)
    assert code == 0, err
    assert out.startswith("Network analysis\n")
    assert "Size: 4 network members" in out
    assert "There are no neighbours, acquaintances or colleagues on the map" in out
    assert "Moeder: reanimeren (revive)." in out


def test_compare_karels_two_snapshots(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_json(["compare", KAREL, "--from", "start", "--to", "later"], capsys)
    assert (result["from"], result["to"]) == ("start", "later")
    assert result["left"] == ["cafevrienden", "vriendin"]
    assert "buurvrouw" in result["came"] and "hulpverlener" in result["came"]
    assert result["measures"]["size"] == {"from": 4, "to": 11, "change": 7}
    code, out, err = run(
        ["compare", KAREL, "--from", "start", "--to", "later", "--lang", "en"], capsys
    )
    assert code == 0, err
    assert out.startswith("Change in the network: start → later\n")
    # the café friends left as Karel wished when the start records his wish (less)
    wished = {d["person"]: d["intended"] for d in result["departures"]}["cafevrienden"]
    note = " (as the client wished: distance taken, a gain)" if wished else ""
    assert f"Left: Cafévrienden{note}; Vriendin" in out
    assert "by_circle." not in out and "variety.gender.iqv" not in out
    assert "variety by gender (IQV)" in out
    code, out, _ = run(["compare", KAREL, "--from", "start", "--to", "later"], capsys)
    note = " (zoals de cliënt wilde: afstand genomen, een winst)" if wished else ""
    assert f"Weggegaan: Cafévrienden{note}; Vriendin" in out
    assert "gevarieerdheid naar sector (IQV)" in out


def test_a_network_list_as_input(roster: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_json(["analyse", str(roster)], capsys)
    assert result["size"] == 2
    assert result["support"]["P"] == result["support"]["G"]
    assert len(result["support"]["P"]) == 1
    assert "NO_WEAK_TIES" not in {s["code"] for s in result["signals"]}  # Jolanda, a neighbour


def test_a_stored_case_by_id(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'analyse.sqlite'}"
    code, out, err = run(["import", str(roster), "--db", db], capsys)
    assert code == 0, err
    case_id = out.split()[-1]
    result = run_json(["analyse", case_id, "--db", db], capsys)
    assert result["size"] == 2
    assert sorted(p["name"] for p in result["persons"].values()) == ["Ahmed", "Jolanda"]


def test_unknown_snapshot_exits_non_zero_with_a_clear_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["analyse", KAREL, "--snapshot", "eind", "--lang", "en"], capsys)
    assert code != 0 and out == ""
    assert "snapshot 'eind' does not exist" in err and "start, later" in err
    assert "Traceback" not in err
    code, _, err = run(["compare", KAREL, "--from", "start", "--to", "eind"], capsys)
    assert code != 0
    assert "momentopname 'eind' bestaat niet" in err


def test_input_that_is_neither_file_nor_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    code, _, err = run(["analyse", "geen-casus", "--db", db], capsys)
    assert code != 0
    assert "geen bestand en geen casus" in err
    code, _, err = run(["analyse", str(tmp_path / "weg.json")], capsys)
    assert code != 0 and "Traceback" not in err
    code, _, err = run(["analyse", KAREL, "--lang", "fr"], capsys)
    assert code != 0 and "onbekende taal" in err
