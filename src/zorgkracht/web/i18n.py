"""Interface texts: Dutch (the default) and English, from the Babel catalogues.

Templates call ``_("English text")`` and get the text in the page's language; named values are
filled in after translation: ``_("Signed in as %(name)s", name=user.name)``. Something that says
itself in both languages (a code, a problem) is shown with ``_.in_language(thing)``; the texts
of the page scripts are embedded with ``_.script_messages()``. The catalogues are the ``.po``
files in :mod:`zorgkracht.i18n` (see ``docs/translations.md``).
"""

from __future__ import annotations

from typing import Any

from zorgkracht.i18n import Bilingual, Lang, in_language, language, translations
from zorgkracht.i18n.scripts import script_messages

__all__ = ["Translator", "translator"]


class Translator:
    """``_`` for one language: the translation of an English message id, with ``%(name)s``
    values filled in from keyword arguments."""

    __slots__ = ("_gettext", "lang")

    def __init__(self, lang: str | None) -> None:
        self.lang: Lang = language(lang)
        self._gettext = translations(self.lang).gettext

    def __call__(self, text: str, **values: Any) -> str:
        translated = self._gettext(text)
        return translated % values if values else translated

    def in_language(self, thing: Bilingual) -> str:
        """The text of ``thing`` (a code, a problem: anything with ``nl`` and ``en``) in this
        language."""
        return in_language(thing, self.lang)

    def script_messages(self) -> dict[str, object]:
        """The texts of the page scripts in this language, for ``id="zk-messages"``."""
        return script_messages(self.lang)


def translator(lang: str) -> Translator:
    """``_`` for ``lang``."""
    return Translator(lang)
