"""The page scripts say things the one way: ``t("English id")`` from ``static/messages.js``, the
ids declared in ``zorgkracht.i18n.scripts`` and translated by the Babel catalogues, embedded in
the page as ``<script type="application/json" id="zk-messages">``. No script holds a table of
Dutch and English texts. And the scripts are ES modules the static route serves as JavaScript."""

from __future__ import annotations

import glob
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from zorgkracht.i18n import catalogue_files, translations
from zorgkracht.i18n.scripts import SCRIPT_MESSAGES, script_messages

from .helpers import signed_in_client

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src" / "zorgkracht" / "web" / "static"
SCRIPTS = sorted(STATIC.rglob("*.js"))

_STRING = r'"(?:[^"\\]|\\.)*"'
_T_CALL = re.compile(r"(?<![\w.$])t\(\s*(" + _STRING + ")")
_ANY_T_CALL = re.compile(r"(?<![\w.$])t\(")
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_IMPORT = re.compile(r'^import \{[^}]*\} from "([^"]+)";', re.M)

# What a script choosing between Dutch and English by itself looks like.
_PICKERS = {
    "a comparison with a language": re.compile(r'[!=]==?\s*"(?:nl|en)"|"(?:nl|en)"\s*[!=]=='),
    "a language flag in a condition": re.compile(r"(?<![\w.$])(?:nl|en|isDutch|english)\s*\?"),
    "a Dutch or English member": re.compile(r"\.(?:nl|en)\b"),
}


def source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def used_ids() -> dict[str, str]:
    """Every id the scripts pass to ``t()``: id → first place."""
    found: dict[str, str] = {}
    for path in SCRIPTS:
        for match in _T_CALL.finditer(source(path)):
            found.setdefault(json.loads(match.group(1)), path.name)
    return found


def dutch_texts() -> set[str]:
    texts: set[str] = set()
    for path in catalogue_files("nl"):
        with path.open("rb") as f:
            texts |= {str(m.string) for m in read_po(f) if m.id and m.string and m.string != m.id}
    return texts


def pickers(text: str) -> list[str]:
    """The ways ``text`` picks a language by itself, and the Dutch texts it holds."""
    found = [name for name, pattern in _PICKERS.items() if pattern.search(text)]
    literals = {json.loads(s) for s in re.findall(_STRING, text)}
    found += [f"the Dutch text {s!r}" for s in sorted(literals & dutch_texts()) if " " in s]
    return found


def test_the_scripts_are_found() -> None:
    names = {p.relative_to(STATIC).as_posix() for p in SCRIPTS}
    assert {"messages.js", "interview.js", "case/main.js", "case/api.js"} <= names
    assert "case.js" not in names
    assert len(used_ids()) >= 15


def test_every_text_of_the_scripts_is_declared_once_and_used() -> None:
    used = used_ids()
    assert sorted(set(used) - set(SCRIPT_MESSAGES)) == []
    assert sorted(set(SCRIPT_MESSAGES) - set(used)) == []
    assert len(SCRIPT_MESSAGES) == len(set(SCRIPT_MESSAGES))


def test_the_scripts_ask_for_texts_only_by_their_english_id() -> None:
    """``t(variable)`` would hide an id from this test and from the catalogue."""
    for path in SCRIPTS:
        text = _COMMENT.sub("", source(path)).replace("function t(", "")
        assert len(_ANY_T_CALL.findall(text)) == len(_T_CALL.findall(text)), path.name


def test_babel_extracts_the_ids_of_the_scripts() -> None:
    """``pybabel extract -F babel.cfg`` finds them (``N_`` is one of Babel's default keywords)."""
    module = ROOT / "src" / "zorgkracht" / "i18n" / "scripts.py"
    extracted = {str(m[1]) for m in extract_from_file("python", str(module))}
    assert set(SCRIPT_MESSAGES) <= extracted


@pytest.mark.parametrize("msgid", SCRIPT_MESSAGES)
def test_every_text_of_the_scripts_is_in_the_catalogue_in_dutch_and_english(msgid: str) -> None:
    listed = {m.id for path in catalogue_files("nl") for m in read_po(path.open("rb")) if m.id}
    assert msgid in listed
    dutch = translations("nl").gettext(msgid)
    assert dutch != msgid
    assert sorted(re.findall(r"%\((\w+)\)s", dutch)) == sorted(re.findall(r"%\((\w+)\)s", msgid))
    assert translations("en").gettext(msgid) == msgid
    assert script_messages("nl")["messages"] == {
        m: translations("nl").gettext(m) for m in SCRIPT_MESSAGES
    }


def test_the_check_for_language_tables_can_fail() -> None:
    old = """var nl = state.lang !== "en";
      var T = { saved: nl ? "Opgeslagen." : "Saved." };
      var message = e.message ? (nl ? e.message.nl : e.message.en) : "";"""
    assert set(pickers(old)) >= {
        "a comparison with a language",
        "a language flag in a condition",
        "a Dutch or English member",
    }
    assert pickers(
        'var T = {saved: "Saved."}; say("Iemand anders heeft deze casus intussen '
        'opgeslagen. Laad de pagina opnieuw.")'
    )
    assert pickers('open(dlg, t ? "edit" : "add"); say(t("Saved."));') == []


@pytest.mark.parametrize("script", [p.relative_to(STATIC).as_posix() for p in SCRIPTS])
def test_no_script_picks_a_language_by_itself(script: str) -> None:
    assert pickers(source(STATIC / script)) == [], script


def test_the_modules_import_what_is_there() -> None:
    for path in SCRIPTS:
        for target in _IMPORT.findall(source(path)):
            assert target.startswith("./") or target.startswith("../"), (path.name, target)
            assert (path.parent / target).resolve().is_file(), (path.name, target)


# --- served and embedded ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with signed_in_client(tmp_path_factory.mktemp("js")) as client:
        case = {
            "format": "zorgkracht/1",
            "id": "kim",
            "title": "Netwerk van Kim",
            "client": "p1",
            "network": {"persons": [{"id": "p1", "name": "Kim"}], "household": ["p1"]},
        }
        assert client.post("/api/cases", json=case).status_code == 201
        yield client


@pytest.mark.parametrize("script", [p.relative_to(STATIC).as_posix() for p in SCRIPTS])
def test_every_module_is_served_as_javascript(client: TestClient, script: str) -> None:
    answer = client.get(f"/static/{script}")
    assert answer.status_code == 200
    assert "javascript" in answer.headers["content-type"]
    assert answer.headers["x-content-type-options"] == "nosniff"


_EMBEDDED = re.compile(r'<script type="application/json" id="zk-messages">(.*?)</script>', re.S)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("url", "script"),
    [
        ("/cases/kim", "/static/case/main.js"),
        ("/cases/kim/interview/names/household", "/static/interview.js"),
    ],
)
def test_the_pages_embed_the_texts_in_their_language(
    client: TestClient, url: str, script: str, lang: str
) -> None:
    html = client.get(f"{url}?lang={lang}").text
    assert f'<script type="module" src="{script}"></script>' in html
    found = _EMBEDDED.findall(html)
    assert len(found) == 1
    assert json.loads(found[0]) == script_messages(lang)
    assert "default-src 'self'" in client.get(url).headers["content-security-policy"]


def test_every_script_is_shipped_in_the_package() -> None:
    """``[tool.setuptools.package-data]`` takes the modules in ``static/case/`` too."""
    package = ROOT / "src" / "zorgkracht"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["zorgkracht"]
    shipped = {
        Path(found).as_posix()
        for pattern in patterns
        for found in glob.glob(pattern, root_dir=package, recursive=True)
    }
    for path in SCRIPTS:
        assert path.relative_to(package).as_posix() in shipped, path
