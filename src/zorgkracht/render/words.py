"""The words the pictures' legends and text tables use for ties and persons, in one place.

They follow the book (lines cited): a tie is a *relatie* (English *tie*); its strength is drawn
as thickness, "dikker = belangrijker" (1792), and named *minder belangrijk / belangrijk / heel
belangrijk*; a normal tie is a solid line, a tense one a *stippellijn* (dotted, 1795), a
conflict a *gekartelde lijn* (zigzag, 1795; "conflictvolle relatie", 2324); the arrows show the
*richting van de relatie* (1793, 2328); an ecogram circle is a *leefgebied (domein)* (2445). An
organisation (a club, a nursing home, an association) is drawn as an organisation, not as a
man or a woman.
"""

from __future__ import annotations

from zorgkracht.domain import Person
from zorgkracht.domain.codes import Quality
from zorgkracht.i18n import Text, in_language

TIE = ("relatie", "tie")
TIES = ("relaties", "ties")
PERSON = ("persoon", "person")
ORGANISATION = ("organisatie", "organisation")
DOMAIN = ("leefgebied (domein)", "life domain")

STRENGTH: dict[int, tuple[str, str]] = {
    1: ("minder belangrijk", "less important"),
    2: ("belangrijk", "important"),
    3: ("heel belangrijk", "very important"),
}
"""A tie's strength 1-3 in words (book 1792-1793: thicker = more important)."""

LINE: dict[Quality, tuple[str, str]] = {
    Quality.POSITIVE: ("doorgetrokken lijn", "solid line"),
    Quality.TENSE: ("stippellijn", "dotted line"),
    Quality.CONFLICT: ("gekartelde lijn", "zigzag line"),
}
"""How a tie of each quality is drawn, named as the book names it (1795)."""

RELATION: dict[Quality, tuple[str, str]] = {
    Quality.POSITIVE: ("positieve relatie", "positive tie"),
    Quality.TENSE: ("gespannen relatie", "tense tie"),
    Quality.CONFLICT: ("conflictvolle relatie", "tie in conflict"),
}
"""A tie of each quality, as the book's ecogram legend names it (2322-2334)."""

DIRECTION = ("richting van de relatie", "direction of the relationship")


def tr(pair: tuple[str, str], lang: str) -> str:
    """The Dutch or English word of ``pair``."""
    return in_language(Text(*pair), lang)


def strength(value: int, lang: str) -> str:
    """``heel belangrijk (3 van 3)``: the strength in words and as a number (clamped to 1-3)."""
    n = min(max(value, 1), 3)
    return f"{tr(STRENGTH[n], lang)} ({n} {tr(('van', 'of'), lang)} 3)"


def line_legend(quality: Quality, lang: str, among: bool = False) -> str:
    """``stippellijn: gespannen relatie``, with ``tussen netwerkleden`` when ``among``."""
    text = f"{tr(LINE[quality], lang)}: {tr(RELATION[quality], lang)}"
    return f"{text} {tr(('tussen netwerkleden', 'between members'), lang)}" if among else text


def kind_of(person: Person) -> tuple[str, str]:
    """``organisatie`` for an organisation, else ``persoon``: the table's kind of row."""
    return ORGANISATION if person.organisation else PERSON
