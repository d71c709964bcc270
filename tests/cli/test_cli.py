"""The command line, run in-process through ``main`` exactly as the console script runs it."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from zorgkracht.cli.main import main
from zorgkracht.interchange.case_json import read_case

ROOT = Path(__file__).resolve().parents[2]
ROSTER = (
    "naam;rol;geslacht;cirkel;steun;wederkerig\n"
    "Kim;cliënt;v;;;\n"
    "Jolanda;buurvrouw;;bekenden;PG;ja\n"
    "Ahmed;vriend;m;2;E;nee\n"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


@pytest.fixture()
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "netwerk kim.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def test_import_prints_the_new_case_id_as_last_word(
    db: str, roster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["import", str(roster), "--db", db], capsys)
    assert code == 0, err
    case_id = out.split()[-1]
    assert re.fullmatch(r"c-[a-z2-7]{10}", case_id)  # opaque: not made from the file name
    code, out, _ = run(["cases", "--db", db, "--json"], capsys)
    listed = json.loads(out)
    assert [(c["id"], c["client"], c["persons"]) for c in listed] == [(case_id, "Kim", 3)]


def test_importing_the_same_list_twice_gives_two_cases(
    db: str, roster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = []
    for _ in range(2):
        code, out, err = run(["import", str(roster), "--db", db], capsys)
        assert code == 0, err
        ids.append(out.split()[-1])
    assert len(set(ids)) == 2 and all(i.startswith("c-") for i in ids)


def test_export_then_import_of_a_case_file(
    db: str, roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["import", str(roster), "--db", db], capsys)
    case_id = out.split()[-1]
    out_file = tmp_path / "kim.json"
    code, _, err = run(["export", case_id, "-o", str(out_file), "--db", db], capsys)
    assert code == 0, err
    exported = read_case(out_file)
    assert [p.name for p in exported.network.persons] == ["Kim", "Jolanda", "Ahmed"]
    # the same file again gets a new opaque id (its own is taken) ...
    code, out, err = run(["import", str(out_file), "--db", db], capsys)
    assert code == 0, err
    assert out.split()[-1] not in (case_id, "") and out.split()[-1].startswith("c-")
    # ... an id chosen with --id that is taken is a conflict
    code, _, err = run(["import", str(out_file), "--db", db, "--id", case_id], capsys)
    assert code == 4
    assert case_id in err and "Traceback" not in err
    # ... and a free one is used
    code, out, err = run(["import", str(out_file), "--db", db, "--id", "kopie"], capsys)
    assert code == 0, err
    assert out.split()[-1] == "kopie"
    other = tmp_path / "kopie.json"
    run(["export", "kopie", "-o", str(other), "--db", db], capsys)
    again = read_case(other)
    again.id = exported.id
    assert again == exported


def test_export_as_network_list(
    db: str, roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["import", str(roster), "--db", db], capsys)
    out_file = tmp_path / "terug.csv"
    code, _, err = run(["export", out.split()[-1], "-o", str(out_file), "--db", db], capsys)
    assert code == 0, err
    code, out, err = run(["validate", str(out_file)], capsys)
    assert code == 0, err
    assert "3 personen" in out


def test_bad_network_list_stores_nothing_and_lists_every_problem(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "fout.csv"
    bad.write_text("naam;rol;cirkel\nKim;cliënt;\nJan;baas;\nPiet;vriend;9\n", encoding="utf-8")
    code, out, err = run(["import", str(bad), "--db", db], capsys)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert "fout.csv" in err
    assert "3" in err and "4" in err  # both bad rows are named
    code, out, _ = run(["cases", "--db", db, "--json"], capsys)
    assert json.loads(out) == []


def test_validate_reports_in_english_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "case.json"
    bad.write_text('{"format": "zorgkracht/9"}', encoding="utf-8")
    code, _, err = run(["validate", str(bad), "--lang", "en"], capsys)
    assert code == 2
    assert "format 'zorgkracht/9' is not supported" in err
    assert "is missing" in err


def test_messages_name_the_kind_of_file_in_words(
    db: str, roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Casusbestand, netwerklijst, GEDCOM-bestand: words, not the codes of the audit log."""
    code, out, err = run(["import", str(roster), "--db", db], capsys)
    assert code == 0, err
    case_id = out.split()[-1]
    assert out.startswith("Geïmporteerd (netwerklijst): ")
    saved = tmp_path / "kim.json"
    code, out, err = run(["export", case_id, "-o", str(saved), "--db", db, "--lang", "en"], capsys)
    assert code == 0, err
    assert out.strip() == f"Written (case file): {saved}"
    code, out, _ = run(["validate", str(saved)], capsys)
    # Kim, Jolanda and Ahmed; a relatie of Kim with each of the two others
    assert (
        out.strip() == f"{saved}: geldig (casusbestand); 3 personen, 2 relaties, 0 momentopnamen."
    )
    gedcom = ROOT / "tests" / "data" / "gedcom" / "gedcom-5.5" / "555SAMPLE.GED"
    code, out, _ = run(["validate", str(gedcom), "--lang", "en"], capsys)
    assert code == 0
    assert out.startswith(f"{gedcom}: valid (GEDCOM file); ")
    code, out, _ = run(["import", str(saved), "--db", db, "--lang", "en"], capsys)
    assert out.startswith("Imported (case file): ")
    # a file that breaks the rules: the first line says what it was read as
    notes = tmp_path / "notities.txt"
    notes.write_text("MIT License\n\nCopyright\n", encoding="utf-8")
    code, out, err = run(["import", str(notes), "--db", db], capsys)
    assert code == 2 and out == ""
    assert err.startswith("notities.txt (netwerklijst): 2 fouten gevonden, niets opgeslagen\n")
    bad = tmp_path / "kapot.json"
    bad.write_text('{"format": "zorgkracht/9"}', encoding="utf-8")
    code, _, err = run(["validate", str(bad), "--lang", "en"], capsys)
    assert code == 2
    assert err.startswith("kapot.json (case file): ")


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["validate", str(tmp_path / "nope.csv")], capsys)
    assert code == 2
    assert "bestaat niet" in err


def test_unknown_case_on_export(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["export", "nope", "-o", str(tmp_path / "x.json"), "--db", db], capsys)
    assert code == 3
    assert "nope" in err


def test_unreachable_database_is_a_clear_error(
    roster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    code, _, err = run(["import", str(roster), "--db", url], capsys)
    assert code == 5
    assert "Traceback" not in err and "127.0.0.1" in err


def _fake_uvicorn(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    return calls


def test_serve_any_address_requires_login_and_prints_the_setup_url(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fake_uvicorn(monkeypatch)
    code, out, err = run(["serve", "--host", "0.0.0.0", "--port", "0", "--db", db], capsys)
    assert code == 0, err
    url = out.strip().splitlines()[-1].split()[-1]
    assert url.startswith("http://0.0.0.0:0/setup?token=")
    assert "Democasussen geladen" in out
    [call] = calls
    token = url.split("token=")[1]
    assert call["app"].state.setup_token == token
    assert call["host"] == "0.0.0.0" and call["proxy_headers"] is False
    # once an account exists, the plain address is printed and no setup token is needed
    monkeypatch.setattr("sys.stdin", io.StringIO("een lang wachtwoord\n"))
    code, out, err = run(["user", "add", "Anna", "--admin", "--password-stdin", "--db", db], capsys)
    assert code == 0, err
    assert out.strip() == "Account aangemaakt: anna (beheerder)"
    code, out, _ = run(["serve", "--port", "0", "--proxy-headers", "--db", db], capsys)
    assert out.strip().splitlines()[-1] == "Zorgkracht draait op http://127.0.0.1:0/"
    assert calls[1]["app"].state.setup_token is None and calls[1]["proxy_headers"] is True


def test_serve_refuses_a_port_in_use(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fake_uvicorn(monkeypatch)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(["serve", "--port", str(port), "--db", db], capsys)
    assert code == 1 and f"Poort {port}" in err
    assert calls == []


def test_user_add_refuses_a_short_password(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    code, _, err = run(["user", "add", "anna", "--password-stdin", "--db", db], capsys)
    assert code == 2 and "minstens 10 tekens" in err


def test_console_script_exits_nonzero_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text("{", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "zorgkracht.cli.main", "validate", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "regel/line 1" in done.stderr and "Traceback" not in done.stderr


def test_the_help_names_the_views_and_formats_of_the_services() -> None:
    from zorgkracht.cli.options import FORMAT_NAMES, VIEW_NAMES
    from zorgkracht.services.pictures import FORMATS, VIEWS

    assert VIEW_NAMES == VIEWS
    assert FORMAT_NAMES == FORMATS


def test_the_command_line_loads_no_database_web_or_drawing_module_to_start() -> None:
    """Each command imports what it uses when it runs (``zorgkracht --help`` stays quick)."""
    code = (
        "import sys; import zorgkracht.cli.main; "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic', 'networkx', 'fastapi', 'uvicorn', 'cairosvg') or "
        "m.startswith(('zorgkracht.storage', 'zorgkracht.services.', 'zorgkracht.render', "
        "'zorgkracht.layout', 'zorgkracht.analysis', 'zorgkracht.web')))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []


def _loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    """The top-level packages and our modules that ``zorgkracht ARGS`` loaded (run in a child
    process with its output thrown away)."""
    code = (
        "import sys, io, contextlib\n"
        "from zorgkracht.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        f"        main({args!r})\n"
        "    except SystemExit as end:\n"
        "        assert not end.code, end.code\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "ZORGKRACHT_DATABASE_URL": f"sqlite:///{tmp_path / 'never.sqlite'}"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return set(done.stderr.split())


HEAVY = ("sqlalchemy", "alembic", "fastapi", "uvicorn", "cairosvg", "jsonschema", "rich")


def test_version_and_help_load_neither_the_model_nor_pydantic(tmp_path: Path) -> None:
    """``zorgkracht version`` and ``--help`` are answered in well under 150 ms
    (benchmarks/bench_startup.py): no library beyond Typer, no case model."""
    for args in (["version"], ["--help"]):
        loaded = _loaded_by(args, tmp_path)
        assert not {m for m in loaded if m.split(".")[0] in (*HEAVY, "networkx", "pydantic")}
        assert "zorgkracht.domain.model" not in loaded, args


def test_analyse_and_render_of_a_file_load_no_database_nor_other_readers(tmp_path: Path) -> None:
    """A network list is analysed and drawn without SQLAlchemy, the case-file reader
    (jsonschema) or the GEDCOM reader, and an SVG without cairosvg."""
    from devtools.generators import network_case
    from zorgkracht.interchange.network_list_write import write_network_list

    small = tmp_path / "small.csv"
    write_network_list(network_case(8), small)
    analysed = _loaded_by(["analyse", str(small)], tmp_path)
    drawn = _loaded_by(
        ["render", str(small), "--view", "ecogram", "-o", str(tmp_path / "x.svg")], tmp_path
    )
    for loaded in (analysed, drawn):
        assert not {m for m in loaded if m.split(".")[0] in HEAVY}
        assert "zorgkracht.interchange.case_json" not in loaded
        assert "zorgkracht.interchange.gedcom" not in loaded
        assert "zorgkracht.storage" not in loaded
    assert "zorgkracht.analysis" in analysed
    assert "<svg" in (tmp_path / "x.svg").read_text(encoding="utf-8")
    assert not (tmp_path / "never.sqlite").exists()


def test_version_says_what_the_typer_command_says() -> None:
    """``main`` answers ``version`` before building the command line; Typer's own command
    prints the same."""
    from typer.testing import CliRunner

    from zorgkracht.cli.main import app

    typer_says = CliRunner().invoke(app, ["version"]).output
    done = subprocess.run(
        [sys.executable, "-m", "zorgkracht.cli.main", "version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == typer_says == f"{__import__('zorgkracht').__version__}\n"
