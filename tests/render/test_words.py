"""The words of the pictures' legends, the text tables, the command line's messages and the
messages catalogue: a tie is a "relatie" (never "band"), what must not be shown is "gevoelig"
(never "vertrouwelijk"), strength is "minder belangrijk / belangrijk / heel belangrijk"."""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path

import pytest

from tests.render.test_organisation_svg import org_case
from tests.render.views_svg import parse
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case, Tie
from zorgkracht.domain.coded import _LABELS
from zorgkracht.domain.codes import Quality
from zorgkracht.render import ecogram_legend, legend, views, words
from zorgkracht.render.budget import plain_rows
from zorgkracht.render.ecogram_table import ecogram_table

SRC = Path(__file__).resolve().parents[2] / "src" / "zorgkracht"
BAND = re.compile(r"\bband(en)?\b", re.IGNORECASE)
SECRET = re.compile(r"vertrouwelijk", re.IGNORECASE)
SVG = "{http://www.w3.org/2000/svg}"


def assert_plain(text: str, where: str) -> None:
    assert not BAND.search(text), f"'band' in {where}: {text!r}"
    assert not SECRET.search(text), f"'vertrouwelijk' in {where}: {text!r}"


def neutral(case: Case) -> Case:
    """The case with every name and title its users typed replaced by a code, so that only the
    application's own words are left to check; every person and tie marked sensitive."""
    case = copy.deepcopy(case)
    case.title = "T"
    net = case.network
    for n, p in enumerate(net.persons):
        p.name, p.pet = f"P{n}", (f"K{n}" if p.pet is not None else None)
        p.sensitive = n % 2 == 1
    for n, d in enumerate(net.domains):
        d.name = f"D{n}"
    for n, e in enumerate(net.events):
        e.title, e.sensitive = f"E{n}", True
    for t in net.ties:
        t.sensitive = True
    return case


def cases() -> list[Case]:
    return [neutral(c) for c in [*load_demo_cases(), org_case()]]


@pytest.mark.parametrize("view", views.VIEWS)
def test_pictures_and_tables_say_relatie_and_gevoelig(view: str) -> None:
    marked = False
    for case in cases():
        for lang in ("nl", "en"):
            svg = views.render_svg(case, view, lang=lang)
            for el in parse(svg).iter():
                if el.tag in (f"{SVG}text", f"{SVG}title", f"{SVG}desc") and el.text:
                    assert_plain(el.text, f"{case.id} {view} {lang}")
            rows = views.render_table(case, view, lang=lang)
            for row in rows:
                assert_plain(f"{row['kind']} {row['details']}", f"{case.id} {view} table")
            if lang == "nl":
                marked = marked or any("gevoelig" in row["details"] for row in rows)
    # what is marked sensitive is called so in the table (the genogram's leaves it unmarked)
    assert marked or view == "genogram"


def test_every_legend_entry_says_relatie() -> None:
    for lang in ("nl", "en"):
        for key in legend.ORDER:
            assert_plain(legend.label(key, lang), key)
        for key in ecogram_legend.ORDER:
            assert_plain(ecogram_legend.label(key, lang), key)


def test_the_ecogram_legend_uses_the_books_words() -> None:
    said = {key: ecogram_legend.label(key, "nl") for key in ecogram_legend.ORDER}
    assert said["quality:tense"] == "stippellijn: gespannen relatie"
    assert said["quality:conflict"] == "gekartelde lijn: conflictvolle relatie"
    assert said["quality:positive"] == "doorgetrokken lijn: positieve relatie"
    assert [said[f"strength:{n}"] for n in (1, 2, 3)] == [
        "dunne lijn: minder belangrijk",
        "middeldikke lijn: belangrijk",
        "dikke lijn: heel belangrijk",
    ]
    assert all("richting van de relatie" in said[f"direction:{d}"] for d in ("to_client", "both"))
    assert said["circle:domain"].startswith("leefgebied (domein)")
    english = {key: ecogram_legend.label(key, "en") for key in ecogram_legend.ORDER}
    assert english["quality:tense"] == "dotted line: tense tie"
    assert [english[f"strength:{n}"] for n in (1, 2, 3)] == [
        "thin line: less important",
        "medium line: important",
        "thick line: very important",
    ]
    assert "direction of the relationship" in english["direction:from_client"]
    assert english["circle:domain"].startswith("life domain")


def test_strength_in_words_in_the_tables() -> None:
    assert [words.strength(n, "nl") for n in (0, 1, 2, 3, 7)] == [
        "minder belangrijk (1 van 3)",
        "minder belangrijk (1 van 3)",
        "belangrijk (2 van 3)",
        "heel belangrijk (3 van 3)",
        "heel belangrijk (3 van 3)",
    ]
    case = org_case()
    case.network.ties = [Tie(id="x", a=case.client, b="club", strength=3, quality=Quality.CONFLICT)]
    rows = ecogram_table(case, "nl")
    assert next(r for r in rows if r["id"] == "x")["details"] == (
        "conflictvol, heel belangrijk (3 van 3)"
    )
    assert next(r for r in rows if r["id"] == "x")["kind"] == "relatie"


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append(node.value)
    return out


@pytest.mark.parametrize(
    "module",
    ["cli/main.py", "cli/render.py", "cli/common.py", "interchange/detect.py", "render/words.py"],
)
def test_the_command_line_and_import_messages_say_relatie(module: str) -> None:
    for text in _strings(SRC / module):
        assert_plain(text, module)


def test_the_code_labels_and_the_messages_catalogue_say_relatie() -> None:
    for (kind, code), (nl, en) in _LABELS.items():
        assert_plain(f"{nl} {en}", f"{kind}.{code}")
    catalogue = SRC / "i18n" / "locales" / "nl" / "LC_MESSAGES" / "messages.po"
    said = re.findall(r'^msgstr "(.*)"$', catalogue.read_text(encoding="utf-8"), flags=re.M)
    assert len(said) > 50
    for text in said:
        assert_plain(text, "messages.po")


def test_the_plain_table_of_a_network_too_large_to_draw() -> None:
    case = org_case()
    for lang, tie, org in (("nl", "relatie", "organisatie"), ("en", "tie", "organisation")):
        rows = {r["id"]: r for r in plain_rows(neutral(case), lang)}
        assert rows["t-club2"]["kind"] == tie
        assert rows["t-club2"]["details"] == words.strength(1, lang)
        assert rows["club"]["kind"] == org
        for row in rows.values():
            assert_plain(f"{row['kind']} {row['details']}", "plain rows")
