"""``zorgkracht export CASE -o FILE``: the format from the suffix, ``--snapshot``,
``--hide-sensitive``, ``--gedcom-version``; GraphML accepted by ``import``, ``validate`` and
``analyse``."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from zorgkracht.demo import demo_path
from zorgkracht.interchange.case_json import read_case
from zorgkracht.interchange.gedcom import read_gedcom

from .test_cli import run


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    return url


@pytest.fixture()
def ada(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, _, err = run(["import", str(demo_path("ada")), "--db", db, "--id", "ada"], capsys)
    assert code == 0, err
    return "ada"


def test_graphml_and_gexf_from_the_suffix(
    db: str, ada: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = read_case(demo_path("ada"))
    for suffix, reader, kind in (
        (".graphml", nx.read_graphml, "GraphML"),
        (".GEXF", lambda p: nx.read_gexf(p, version="1.3"), "GEXF"),
    ):
        out_file = tmp_path / f"ada{suffix}"
        code, out, err = run(["export", ada, "-o", str(out_file), "--db", db], capsys)
        assert code == 0, err
        assert out.startswith(f"Geschreven ({kind}-bestand)")
        graph = reader(out_file)
        assert sorted(graph.nodes) == sorted(
            [p.id for p in case.network.persons] + [d.id for d in case.network.domains]
        )
        assert graph.number_of_edges() == len(case.network.ties)


def test_hide_sensitive_and_snapshot(
    db: str, ada: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = read_case(demo_path("ada"))
    sensitive = {t.id for t in case.network.ties if t.sensitive}
    assert sensitive == {"t_ex", "t_therapeut"}  # the demo has something to hide
    out_file = tmp_path / "ada.graphml"
    run(["export", ada, "-o", str(out_file), "--db", db], capsys)
    assert sensitive <= {d["id"] for _, _, d in nx.read_graphml(out_file).edges(data=True)}
    code, _, err = run(["export", ada, "-o", str(out_file), "--db", db, "--hide-sensitive"], capsys)
    assert code == 0, err
    graph = nx.read_graphml(out_file)
    shown = {d["id"] for _, _, d in graph.edges(data=True)}
    assert shown == {t.id for t in case.network.ties} - sensitive
    assert not any(d["sensitive"] for _, _, d in graph.edges(data=True))
    snapshot = case.snapshots[0]
    code, _, err = run(
        ["export", ada, "-o", str(out_file), "--db", db, "--snapshot", snapshot.id], capsys
    )
    assert code == 0, err
    graph = nx.read_graphml(out_file)
    assert sorted(graph.nodes) == sorted(
        [p.id for p in snapshot.network.persons] + [d.id for d in snapshot.network.domains]
    )
    assert graph.graph["snapshot"] == snapshot.id
    code, _, err = run(
        ["export", ada, "-o", str(out_file), "--db", db, "--snapshot", "nope"], capsys
    )
    assert code != 0 and "nope" in err and "Traceback" not in err


@pytest.mark.parametrize("version", ["5.5.1", "7.0"])
def test_gedcom_in_both_versions(
    db: str, tmp_path: Path, version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["import", str(demo_path("fatima")), "--db", db], capsys)
    assert code == 0, err
    case_id = out.split()[-1]
    out_file = tmp_path / "familie.ged"
    code, out, err = run(
        ["export", case_id, "-o", str(out_file), "--db", db, "--gedcom-version", version], capsys
    )
    assert code == 0, err
    assert out.startswith("Geschreven (GEDCOM-bestand)")
    text = out_file.read_text(encoding="utf-8")
    assert f"2 VERS {version}\n" in text
    case = read_case(demo_path("fatima"))
    back = read_gedcom(out_file)
    assert len(back.network.couples) == len(case.network.couples)
    assert len(back.network.children) == len(case.network.children)


def test_unknown_suffix_and_gedcom_version_are_refused(
    db: str, ada: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["export", ada, "-o", str(tmp_path / "ada.xlsx"), "--db", db, "--lang", "en"], capsys
    )
    assert code == 2
    assert "unknown suffix .xlsx; choose one of .json, .csv, .graphml, .gexf, .ged" in err
    assert not (tmp_path / "ada.xlsx").exists()
    code, _, err = run(
        ["export", ada, "-o", str(tmp_path / "a.ged"), "--db", db, "--gedcom-version", "6"], capsys
    )
    assert code == 2 and "5.5.1 of 7.0" in err
    code, _, err = run(
        ["export", ada, "-o", str(tmp_path / "a.json"), "--db", db, "--snapshot", "x"], capsys
    )
    assert code == 2 and "casusbestand bevat alle momentopnamen" in err


def test_graphml_is_imported_validated_and_analysed(
    db: str, ada: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "ada.graphml"
    run(["export", ada, "-o", str(out_file), "--db", db], capsys)
    code, out, err = run(["import", str(out_file), "--db", db], capsys)
    assert code == 0, err
    assert out.startswith("Geïmporteerd (GraphML-bestand)")
    code, out, err = run(["validate", str(out_file)], capsys)
    assert code == 0 and "geldig (GraphML-bestand)" in out, err
    code, out, err = run(["analyse", str(out_file), "--json"], capsys)
    assert code == 0, err
    from_file = json.loads(out)
    code, out, err = run(["analyse", ada, "--json", "--db", db], capsys)
    assert code == 0, err
    stored = json.loads(out)
    # the same analysis, but for the household (the client system), which GraphML does not hold
    assert from_file.pop("client_system") == ["ada"] != stored.pop("client_system")
    assert from_file == stored
