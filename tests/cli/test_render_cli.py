"""``zorgkracht render``, run in-process through ``main`` exactly as the console script runs it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zorgkracht.cli.main import main
from zorgkracht.demo import demo_path
from zorgkracht.interchange.case_json import read_case
from zorgkracht.render import views

ROOT = Path(__file__).resolve().parents[2]
GEDCOM = ROOT / "tests" / "data" / "gedcom" / "edge-cases" / "relationships-complex.ged"
TAVENIER = str(demo_path("tavenier"))
KAREL = str(demo_path("karel"))
TAVENIER_FAMILY = {
    "pieter",
    "lina",
    "dochter",
    "zoon",
    "jongste",
    "moeder_pieter",
    "broer_pieter",
    "zus_pieter",
    "moeder_lina",
}
MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def drawn_ids(path: Path) -> set[str]:
    root = ET.fromstring(path.read_bytes())
    ids = [el.attrib["data-person-id"] for el in root.iter() if "data-person-id" in el.attrib]
    assert len(ids) == len(set(ids)), "a person is drawn twice"
    return set(ids)


def render(capsys: pytest.CaptureFixture[str], *args: str, ok: bool = True) -> tuple[int, str, str]:
    code, out, err = run(["render", *args], capsys)
    if ok:
        assert code == 0, err
    return code, out, err


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_the_format_follows_the_file_name(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"tavenier.{fmt}"
    _code, out, _err = render(capsys, TAVENIER, "--view", "genogram", "-o", str(target))
    assert target.read_bytes().startswith(MAGIC[fmt])
    assert out.strip() == f"Geschreven (genogram, {fmt}): {target}"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_format_option_wins_over_the_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "picture.bin"
    render(capsys, TAVENIER, "--format", "pdf", "-o", str(target), "--lang", "en")
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_case_file_draws_its_family_and_no_professionals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "t.svg"
    render(capsys, TAVENIER, "-o", str(target))
    assert drawn_ids(target) == TAVENIER_FAMILY
    text = target.read_text(encoding="utf-8")
    assert "Legenda" in text and "Michel Scheerder" not in text


@pytest.mark.parametrize(
    ("generations", "expected"),
    [
        (0, {"I00002"}),
        # parents, wife and the three children of F00001 (worked out from the file by hand)
        (1, {"I00002", "I00008", "I00009", "I00003", "I00005", "I00004", "I00001"}),
    ],
)
def test_gedcom_focus_and_generations_draw_only_the_neighbourhood(
    generations: int, expected: set[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "g.svg"
    render(
        capsys,
        str(GEDCOM),
        "--focus",
        "@I00002@",
        "--generations",
        str(generations),
        "-o",
        str(target),
    )
    assert drawn_ids(target) == expected
    everyone = tmp_path / "all.svg"
    render(capsys, str(GEDCOM), "-o", str(everyone))
    assert len(drawn_ids(everyone)) == 43


def test_gedcom_sibling_is_two_steps_away(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "g.svg"
    render(capsys, str(GEDCOM), "--focus", "I00002", "--generations", "2", "-o", str(target))
    ids = drawn_ids(target)
    assert "I00021" in ids  # sister, through the parents
    assert len(ids) == 13


@pytest.mark.parametrize(
    ("focus", "generations", "expected"),
    [
        ("moeder_pieter", 1, {"moeder_pieter", "pieter", "broer_pieter", "zus_pieter"}),
        (
            "moeder_pieter",
            2,
            {"moeder_pieter", "pieter", "broer_pieter", "zus_pieter"}
            | {"lina", "dochter", "zoon", "jongste"},  # partner, children, household
        ),
    ],
)
def test_focus_and_generations_cut_the_genogram_of_a_case(
    focus: str,
    generations: int,
    expected: set[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "t.svg"
    render(capsys, TAVENIER, "--focus", focus, "--generations", str(generations), "-o", str(target))
    assert drawn_ids(target) == expected


def test_a_stored_case_is_drawn_by_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'render.sqlite'}"
    code, out, err = run(["import", TAVENIER, "--db", db], capsys)
    assert code == 0, err
    case_id = out.split()[-1]
    target = tmp_path / "stored.png"
    render(capsys, case_id, "--db", db, "-o", str(target))
    assert target.read_bytes().startswith(MAGIC["png"])
    svg = tmp_path / "stored.svg"
    render(capsys, case_id, "--db", db, "-o", str(svg))
    assert drawn_ids(svg) == TAVENIER_FAMILY


def test_a_snapshot_is_drawn_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now, then = tmp_path / "now.svg", tmp_path / "then.svg"
    render(capsys, KAREL, "-o", str(now))
    render(capsys, KAREL, "--snapshot", "start", "-o", str(then))
    assert drawn_ids(now) == {"karel", "hondje", "vader", "moeder"}
    # the girlfriend was there at the start; the café friends are no family
    assert drawn_ids(then) == {"karel", "hondje", "vader", "moeder", "vriendin"}


@pytest.mark.parametrize(
    ("lang", "first"),
    [("nl", "persoon: Pieter Tavenier — man"), ("en", "person: Pieter Tavenier — male")],
)
def test_table_writes_the_text_alternative(
    lang: str, first: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "t.txt"
    render(capsys, TAVENIER, "--table", "--lang", lang, "-o", str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    persons = [line for line in lines if line.startswith(first.split(":")[0] + ":")]
    assert len(persons) == len(TAVENIER_FAMILY)
    assert any(line.startswith(first) for line in lines)


@pytest.mark.parametrize(
    ("args", "code", "nl", "en"),
    [
        (["--view", "stamboom"], 2, "onbekende weergave 'stamboom'", "unknown view 'stamboom'"),
        (["--format", "gif"], 2, "onbekend formaat 'gif'", "unknown format 'gif'"),
        (["--focus", "niemand"], 2, "'niemand' staat niet in de casus", "'niemand' is not in"),
        (
            ["--snapshot", "nooit"],
            3,
            "momentopname 'nooit' bestaat niet",
            "snapshot 'nooit' does not exist",
        ),
        (["--generations", "-1"], 2, "negatief", "negative"),
        (["--table", "--format", "svg"], 2, "laat --format weg", "leave out --format"),
        (
            ["--view", "ecogram", "--focus", "pieter"],
            2,
            "werken voor het genogram en voor GEDCOM",
            "work for the genogram and for GEDCOM",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_errors_are_explained_and_write_nothing(
    args: list[str],
    code: int,
    nl: str,
    en: str,
    lang: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "out.svg"
    got, out, err = render(capsys, TAVENIER, "-o", str(target), "--lang", lang, *args, ok=False)
    assert got == code
    assert (en if lang == "en" else nl) in err
    assert "Traceback" not in err and out == ""
    assert list(tmp_path.iterdir()) == []


def test_a_failed_run_leaves_an_existing_file_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.svg"
    target.write_text("earlier picture", encoding="utf-8")
    got, _out, _err = render(capsys, TAVENIER, "-o", str(target), "--focus", "x", ok=False)
    assert got == 2
    assert target.read_text(encoding="utf-8") == "earlier picture"
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


def test_unknown_suffix_missing_input_folder_and_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = render(capsys, TAVENIER, "-o", str(tmp_path / "t.gif"), ok=False)
    assert code == 2 and "kan het formaat niet afleiden uit 't.gif'" in err
    code, _out, err = render(
        capsys, TAVENIER, "-o", str(tmp_path / "nowhere" / "t.svg"), "--lang", "en", ok=False
    )
    assert code == 2 and "does not exist" in err
    code, _out, err = render(
        capsys, str(tmp_path / "missing.json"), "-o", str(tmp_path / "t.svg"), ok=False
    )
    assert code == 2 and "bestand bestaat niet" in err
    db = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    code, _out, err = render(
        capsys, "geen-casus", "--db", db, "-o", str(tmp_path / "t.svg"), ok=False
    )
    assert code == 3 and "geen bestand en geen casus" in err
    code, _out, err = render(
        capsys, str(GEDCOM), "--focus", "I99999", "-o", str(tmp_path / "t.svg"), ok=False
    )
    assert code == 2 and "I99999" in err
    assert not [p.name for p in tmp_path.iterdir() if not p.name.startswith("empty.sqlite")]


@pytest.mark.parametrize("view", views.VIEWS)
def test_every_view_draws_a_demo_case(
    view: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"{view}.svg"
    render(capsys, TAVENIER, "--view", view, "-o", str(target), "--lang", "en")
    root = ET.fromstring(target.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert drawn_ids(target) <= {p.id for p in read_case(Path(TAVENIER)).network.persons}
    table = tmp_path / f"{view}.txt"
    _code, out, _err = render(capsys, TAVENIER, "--view", view, "--table", "-o", str(table))
    assert out.startswith(f"Geschreven ({view}, tekst)")
    table.read_text(encoding="utf-8")


@pytest.mark.parametrize("view", views.VIEWS)
def test_hide_sensitive_leaves_out_what_is_marked(
    view: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Karel with one member marked sensitive (besides his sensitive tie and life events)."""
    from zorgkracht.interchange.case_json import dumps

    case = read_case(Path(KAREL))
    net = case.network
    marked = next(
        t.b for t in net.ties if t.a == case.client and not t.sensitive and t.b != case.client
    )
    net.person(marked).sensitive = True
    name = net.person(marked).name
    hidden_ties = {t.id for t in net.ties if t.sensitive or marked in (t.a, t.b)}
    hidden_events = [ev.title for ev in net.events if ev.sensitive]
    source = tmp_path / "karel.zorgkracht.json"
    source.write_text(dumps(case), encoding="utf-8")
    drawn: dict[bool, tuple[str, set[str], str]] = {}
    for hide in (False, True):
        svg, table = tmp_path / f"{hide}.svg", tmp_path / f"{hide}.txt"
        flag = ["--hide-sensitive"] if hide else []
        render(capsys, str(source), "--view", view, "-o", str(svg), *flag)
        render(capsys, str(source), "--view", view, "--table", "-o", str(table), *flag)
        drawn[hide] = (svg.read_text("utf-8"), drawn_ids(svg), table.read_text("utf-8"))
    text, ids, rows = drawn[True]
    assert marked not in ids
    assert name not in rows
    assert not any(f'data-tie-id="{t}"' in text for t in hidden_ties)
    assert not any(title in text or title in rows for title in hidden_events)
    # without the flag the views that draw members show the marked person
    if view not in ("genogram", "levenslijn"):
        assert marked in drawn[False][1]
        assert name in drawn[False][2]
    if view == "levenslijn":
        assert all(title in drawn[False][2] for title in hidden_events)
