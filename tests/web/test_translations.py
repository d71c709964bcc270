"""The Babel catalogues: every text the interface asks for has a Dutch translation, templates
hold no hard-coded text, and the pages show no untranslated English in Dutch."""

from __future__ import annotations

import fnmatch
import functools
import re
import tomllib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from zorgkracht.i18n import LOCALES, catalogue_files, translations

from .helpers import signed_in_client

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "zorgkracht"
TEMPLATES = SRC / "web" / "templates"
METHODS = [("web/templates/**.html", "jinja2"), ("**.py", "python")]
# Names and symbols that are the same in every language.
ALLOWED = {
    "Zorgkracht",
    "Nederlands",
    "English",
    "·",
    "×",
    "→",
    "←",
    "—",
    "–",
    "PDF",
    "SVG",
    "PNG",
    "CSV",
    "JSON",
    "OpenAPI",
    "API",
}
_EXPR = re.compile(r"\{\{.*?\}\}", re.S)
_STATEMENT = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)


def without_jinja(source: str) -> str:
    """The template with every expression as ``·`` and every statement or comment removed."""
    return _STATEMENT.sub(" ", _EXPR.sub("·", source))


_FORMAT = re.compile(r"%\((\w+)\)s")
VISIBLE_ATTRS = {"title", "alt", "placeholder", "aria-label", "aria-description"}


@functools.cache
def used_msgids() -> dict[str, str]:
    """Every message id passed to ``_()`` in the templates and Python code: id → first place."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(SRC), method_map=METHODS, keywords={"_": None}
    ):
        if isinstance(message, str) and message:
            found.setdefault(message, f"{filename}:{lineno}")
    return found


def test_extraction_finds_the_texts_of_the_shell() -> None:
    ids = used_msgids()
    assert {"Skip to content", "Sign in", "Signed in as %(name)s", "Create case"} <= set(ids)


def test_every_text_has_a_dutch_translation() -> None:
    dutch = translations("nl")
    missing = {
        msgid: where for msgid, where in used_msgids().items() if dutch.gettext(msgid) == msgid
    }
    # A few words are spelled the same in Dutch; the catalogue must still list them.
    listed = {m.id for path in catalogue_files("nl") for m in read_po(path.open("rb")) if m.id}
    really_missing = {m: w for m, w in missing.items() if m not in listed}
    assert really_missing == {}, "no Dutch translation for:\n" + "\n".join(
        f"  {where}: {msgid!r}" for msgid, where in sorted(really_missing.items())
    )


def test_translations_keep_their_placeholders() -> None:
    for path in catalogue_files("nl"):
        with path.open("rb") as f:
            for message in read_po(f):
                if message.id and message.string:
                    assert sorted(_FORMAT.findall(str(message.id))) == sorted(
                        _FORMAT.findall(str(message.string))
                    ), f"{path.name}: {message.id!r}"


def test_every_catalogue_file_is_merged_and_shipped() -> None:
    files = catalogue_files("nl")
    assert "messages.po" in {f.name for f in files}
    dutch = translations("nl")
    for path in files:
        with path.open("rb") as f:
            catalog = read_po(f)
        sample = [m for m in catalog if m.id and m.string and not m.fuzzy][:5]
        assert sample, path
        # a text defined in more than one file may take the other file's translation
        assert any(dutch.gettext(str(m.id)) == m.string for m in sample), path
    assert translations("en").gettext("Cases") == "Cases"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["zorgkracht"]
    for path in files:
        relative = path.relative_to(SRC).as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative
    assert LOCALES.is_relative_to(SRC)


class _TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in VISIBLE_ATTRS and value:
                self.texts.append(value)
            if tag == "input" and name == "value" and value and ("type", "submit") in attrs:
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def _words(text: str) -> list[str]:
    """Words of natural language left in ``text`` (two or more letters, not an allowed name)."""
    return [w for w in re.findall(r"[^\W\d_]{2,}", text) if w not in ALLOWED]


def test_the_check_for_hard_coded_text_can_fail() -> None:
    parser = _TextNodes()
    parser.feed(without_jinja('<p>{{ _("Cases") }}</p><button title="Opslaan">x</button>'))
    assert [w for t in parser.texts for w in _words(t)] == ["Opslaan"]


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_hold_no_hard_coded_text(template: str) -> None:
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    parser = _TextNodes()
    parser.feed(without_jinja(source))
    leftovers = [t for t in parser.texts if _words(t)]
    assert leftovers == [], f"{template}: text outside _(): {leftovers}"


# --- rendered pages -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, str]]]:
    """The shell's pages as rendered, in Dutch and in English."""
    with signed_in_client(tmp_path_factory.mktemp("i18n")) as client:
        case = {
            "format": "zorgkracht/1",
            "id": "kim",
            "title": "Netwerk van Kim",
            "client": "p1",
            "network": {"persons": [{"id": "p1", "name": "Kim"}], "household": ["p1"]},
        }
        assert client.post("/api/cases", json=case).status_code == 201
        out: dict[str, dict[str, str]] = {}
        for lang in ("nl", "en"):
            out[lang] = {
                "/": client.get(f"/?lang={lang}").text,
                "/?archived=1&q=zzz": client.get("/?archived=1&q=zzz").text,
                "/admin/users": client.get("/admin/users").text,
                "/cases/kim/access": client.get("/cases/kim/access").text,
                "/cases/nope/access": client.get("/cases/nope/access").text,
                "bad form": client.post("/cases", data={"title": "", "client_name": ""}).text,
            }
        client.cookies.clear()
        client.headers.pop("X-CSRF-Token")
        for lang in ("nl", "en"):
            out[lang]["/login"] = client.get(f"/login?lang={lang}").text
        yield out


def test_dutch_pages_show_no_untranslated_english(pages: dict[str, dict[str, str]]) -> None:
    dutch = translations("nl")
    english_only = {m for m in used_msgids() if dutch.gettext(m) != m}
    for url, html in pages["nl"].items():
        parser = _TextNodes()
        parser.feed(html)
        leaked = [t for t in parser.texts if t in english_only]
        assert leaked == [], f"{url}: {leaked}"
        assert '<html lang="nl">' in html


def test_english_pages_show_no_dutch(pages: dict[str, dict[str, str]]) -> None:
    dutch_texts = set()
    for path in catalogue_files("nl"):
        with path.open("rb") as f:
            dutch_texts |= {str(m.string) for m in read_po(f) if m.string and m.string != m.id}
    for url, html in pages["en"].items():
        parser = _TextNodes()
        parser.feed(html)
        leaked = [t for t in parser.texts if t in dutch_texts]
        assert leaked == [], f"{url}: {leaked}"
        assert '<html lang="en">' in html
