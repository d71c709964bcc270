"""The interface speaks to the client formally: "u" and "uw", never "je", "jij", "jouw" or
"jullie", in the Dutch catalogues, the templates, the interview's questions and the scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from zorgkracht.i18n import catalogue_files
from zorgkracht.services.interview_steps import NAME_STEPS

SRC = Path(__file__).resolve().parents[2] / "src" / "zorgkracht"
INFORMAL = re.compile(r"\b(je|jij|jouw|jullie)\b", re.IGNORECASE)


def _informal(text: str) -> list[str]:
    return [m.group(0) for m in INFORMAL.finditer(text)]


def test_the_check_finds_informal_address() -> None:
    assert _informal("Wie ken je van je werk?") == ["je", "je"]
    assert _informal("Jouw buren, en jullie? Jij!") == ["Jouw", "jullie", "Jij"]
    assert _informal("Wie kent u van uw werk? Jeugd, jeetje, bijenkorf") == []


@pytest.mark.parametrize("path", catalogue_files("nl"), ids=lambda p: p.name)
def test_the_dutch_catalogue_says_u(path: Path) -> None:
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    informal = {
        str(m.id): str(m.string)
        for m in catalogue
        if m.id and isinstance(m.string, str) and _informal(m.string)
    }
    assert informal == {}


@pytest.mark.parametrize(
    "path",
    sorted((SRC / "web" / "templates").glob("*.html"))
    + sorted((SRC / "web" / "static").rglob("*.js")),
    ids=lambda p: p.name,
)
def test_templates_and_scripts_say_u(path: Path) -> None:
    assert _informal(path.read_text(encoding="utf-8")) == []


def test_the_interview_questions_say_u() -> None:
    for step in NAME_STEPS:
        assert _informal(step.title_nl) == [], step.key
        assert _informal(step.question_nl) == [], step.key


def test_the_interview_pages_say_u() -> None:
    source = (SRC / "web" / "interview.py").read_text(encoding="utf-8")
    assert _informal(source) == []
