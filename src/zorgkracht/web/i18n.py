"""Interface texts: Dutch (the default) and English, from the Babel catalogues.

Templates call ``_("English text")`` and get the text in the page's language; named values are
filled in after translation: ``_("Signed in as %(name)s", name=user.name)``. The catalogues are
the ``.po`` files in :mod:`zorgkracht.i18n` (see ``docs/translations.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zorgkracht.i18n import translations

Translator = Callable[..., str]


def translator(lang: str) -> Translator:
    """``_`` for ``lang``: the translation of an English message id, with ``%(name)s`` values
    filled in from keyword arguments."""
    gettext = translations(lang).gettext

    def _(text: str, **values: Any) -> str:
        translated = gettext(text)
        return translated % values if values else translated

    return _
