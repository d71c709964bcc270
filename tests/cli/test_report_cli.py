"""``zorgkracht report``, run in-process through ``main`` as the console script runs it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.render.process_case import HOLIDAY, SECRET_PERSON, tavenier_with_process
from zorgkracht.cli.main import main
from zorgkracht.demo import demo_path
from zorgkracht.interchange.case_json import dumps


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "tavenier.zorgkracht.json"
    path.write_text(dumps(tavenier_with_process()), encoding="utf-8")
    return path


def test_a_plan_as_pdf_from_a_case_file(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.pdf"
    code, out, err = run(["report", str(case_file), "--kind", "plan", "-o", str(target)], capsys)
    assert code == 0, err
    assert str(target) in out
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    said = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert HOLIDAY in said and "Zus van Pieter" in said
    assert SECRET_PERSON not in said


def test_the_format_follows_the_file_name_or_format(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = tmp_path / "uitnodiging.html"
    args = ["report", str(case_file), "--kind", "invitation", "--meeting", "mt1"]
    code, _out, err = run([*args, "-o", str(html), "--lang", "en"], capsys)
    assert code == 0, err
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Invitation: network meeting" in page
    named = tmp_path / "brief.out"
    code, _out, err = run([*args, "-o", str(named), "--format", "pdf"], capsys)
    assert code == 0, err
    assert named.read_bytes().startswith(b"%PDF-")
    code, _out, err = run([*args, "-o", str(tmp_path / "brief.doc")], capsys)
    assert code == 2 and "pdf of html" in err
    assert not (tmp_path / "brief.doc").exists()


def test_the_case_report_names_the_sensitive_person(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "verslag.html"
    code, _out, err = run(["report", str(case_file), "--kind", "case", "-o", str(target)], capsys)
    assert code == 0, err
    assert SECRET_PERSON in target.read_text(encoding="utf-8")


def test_an_unknown_meeting_is_named_with_the_known_ones(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.pdf"
    argv = ["report", str(case_file), "--kind", "invitation", "--meeting", "mt9", "-o", str(target)]
    code, _out, err = run(argv, capsys)
    assert code == 3
    assert "bijeenkomst 'mt9' bestaat niet" in err and "mt1" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nl", "deze casus heeft nog geen hulpvragen of plan"),
        ("en", "this case has no help questions or plan yet"),
    ],
)
def test_a_case_without_a_process_is_refused_clearly(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.pdf"
    argv = ["report", str(demo_path("karel")), "--kind", "plan", "-o", str(target)]
    code, _out, err = run([*argv, "--lang", lang], capsys)
    assert code == 2
    assert said in err
    assert not target.exists()


def test_an_unknown_kind_is_refused(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["report", str(case_file), "--kind", "brief", "-o", str(tmp_path / "x.pdf")]
    code, _out, err = run(argv, capsys)
    assert code == 2 and "client-plan" in err


def test_the_help_names_the_kinds_and_formats_of_the_service() -> None:
    from zorgkracht.cli.report import DOCUMENT_FORMAT_NAMES, KIND_NAMES
    from zorgkracht.services.process_documents import DOCUMENT_FORMATS, DOCUMENT_KINDS

    assert KIND_NAMES == DOCUMENT_KINDS
    assert DOCUMENT_FORMAT_NAMES == DOCUMENT_FORMATS


def test_a_stored_case_is_read_by_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stored case is read by its id: its plan is written and the export is in the audit
    log; a stored case without a process is refused with the same clear message as a file."""
    db = f"sqlite:///{tmp_path / 'report.sqlite'}"
    code, _out, err = run(["import", str(demo_path("tavenier")), "--db", db, "--id", "tav"], capsys)
    assert code == 0, err
    target = tmp_path / "plan.pdf"
    argv = ["report", "tav", "--kind", "plan", "-o", str(target), "--db", db]
    code, _out, err = run(argv, capsys)
    assert code == 0, err
    assert target.read_bytes()[:5] == b"%PDF-"
    code, _out, err = run(["import", str(demo_path("karel")), "--db", db, "--id", "kar"], capsys)
    assert code == 0, err
    code, _out, err = run(["report", "kar", *argv[2:]], capsys)
    assert code == 2 and "deze casus heeft nog geen hulpvragen of plan" in err
    code, _out, err = run(["report", "geen-casus", *argv[2:]], capsys)
    assert code == 3 and "geen bestand en geen casus" in err
