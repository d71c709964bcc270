"""The interface's message catalogues (Babel): English message ids, Dutch translations.

Every ``.po`` file in ``locales/<lang>/LC_MESSAGES/`` is read at start-up and merged into one
catalogue per language; each part of the interface keeps its own file there (``messages.po``,
``case.po``, ``interview.po``). English is the message id itself and needs no catalogue. See
``docs/translations.md`` for how to extract and update the strings.
"""

from __future__ import annotations

import gettext
import io
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from babel.support import Translations

log = logging.getLogger(__name__)

LOCALES = Path(__file__).resolve().parent / "locales"
LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

Lang = Literal["nl", "en"]

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "LOCALES",
    "Bilingual",
    "Lang",
    "Text",
    "catalogue_files",
    "in_language",
    "language",
    "load",
    "translations",
]


class Bilingual(Protocol):
    """Anything that says one thing in Dutch and English (codes, problems, messages)."""

    @property
    def nl(self) -> str: ...

    @property
    def en(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Text:
    """A text written out in both languages: ``in_language(Text("Legenda", "Legend"), lang)``."""

    nl: str
    en: str


def language(value: str | None) -> Lang:
    """The interface language for ``value``: ``"en"`` for English, Dutch for anything else."""
    return "en" if value == "en" else "nl"


def in_language(thing: Bilingual, lang: str | None) -> str:
    """The text of ``thing`` in ``lang`` (Dutch unless ``lang`` is ``"en"``); the one way to
    pick between the Dutch and English text of a code, a problem, a message or a :class:`Text`."""
    return thing.en if language(lang) == "en" else thing.nl


def catalogue_files(lang: str) -> list[Path]:
    """The ``.po`` files of ``lang``, in name order."""
    return sorted((LOCALES / lang / "LC_MESSAGES").glob("*.po"))


def _from_po(path: Path, lang: str) -> Translations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with path.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=path.stem)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out, as gettext does
    buffer.seek(0)
    return Translations(fp=buffer, domain="messages")


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """Every catalogue of ``lang`` merged into one; English (or an unknown language) translates
    nothing."""
    from babel.support import NullTranslations, Translations

    files = catalogue_files(lang) if lang in LANGS else []
    if not files:
        return NullTranslations()
    merged = Translations(domain="messages")
    for path in files:
        merged.merge(_from_po(path, lang))
    log.debug("loaded %d catalogue file(s) for %s", len(files), lang)
    return merged


def load() -> None:
    """Read every catalogue now (at start-up), so that a broken ``.po`` file fails early."""
    for lang in LANGS:
        translations(lang)
