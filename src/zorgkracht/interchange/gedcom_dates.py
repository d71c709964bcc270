"""The year in a GEDCOM date, and whether it is certain.

A genogram needs years, not days. :func:`parse_date` reads every date form of GEDCOM 5.5, 5.5.1
and 7.0 — ``1 JAN 1900``, ``ABT 1850``, ``BEF``/``AFT``, ``BET … AND …``, ``FROM … TO …``,
``INT … (phrase)``, dual years ``1750/51``, ``B.C.``/``BCE``, calendar escapes (``@#DJULIAN@``)
and 7.0 calendar names (``JULIAN``, ``HEBREW``, ``FRENCH_R``, ``_EXT``) — and gives the year it
names and whether that year is *exact*: a plain Gregorian or Julian date with no qualifier and
nothing left over. Only exact years are stored on persons and couples; the importer keeps the
others as text in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zorgkracht.domain.bounds import MAX_YEAR, MIN_YEAR

_MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
    "OCTOBER", "NOVEMBER", "DECEMBER", "SEPT",
}  # fmt: skip
_HEBREW_MONTHS = {
    "TSH", "CSH", "KSL", "TVT", "SHV", "ADR", "ADS", "NSN", "IYR", "SVN", "TMZ", "AAV", "ELL",
}  # fmt: skip
_FRENCH_MONTHS = {
    "VEND", "BRUM", "FRIM", "NIVO", "PLUV", "VENT", "GERM", "FLOR", "PRAI", "MESS", "THER",
    "FRUC", "COMP",
}  # fmt: skip
_QUALIFIERS = {"ABT", "CAL", "EST", "BEF", "AFT", "BET", "AND", "FROM", "TO", "INT"}
_EXACT_CALENDARS = {"GREGORIAN", "JULIAN"}
_OTHER_CALENDARS = {"HEBREW", "FRENCH_R", "FRENCH", "ROMAN", "UNKNOWN"}
_BCE = {"B.C.", "BC", "BCE", "B.C", "B.C.E."}

_YEAR = re.compile(r"(\d{1,4})(?:/(\d{1,2}))?")
_ESCAPE = re.compile(r"@#D([^@]*)@")
_PHRASE = re.compile(r"\([^)]*\)?")


@dataclass(frozen=True, slots=True)
class GedcomDate:
    text: str
    """The date as written in the file, whitespace tidied."""
    year: int | None
    """The (first) year named, in the Gregorian count; ``None`` if there is none."""
    exact: bool
    """True when ``year`` is certain and fits the domain (``MIN_YEAR``–``MAX_YEAR``)."""


def _year(token: str) -> int | None:
    match = _YEAR.fullmatch(token)
    if match is None:
        return None
    year = int(match.group(1))
    if match.group(2) is not None:  # dual year 1750/51: the new-style (second) year
        suffix = match.group(2)
        base = year - year % (10 ** len(suffix)) + int(suffix)
        year = base if base > year else base + 10 ** len(suffix)
    return year


def parse_date(raw: str) -> GedcomDate:
    text = " ".join(raw.split())
    body = _PHRASE.sub(" ", text).upper()
    exact = body.strip() != "" and "(" not in text
    calendar = "GREGORIAN"
    escape = _ESCAPE.search(body)
    while escape is not None:
        calendar = escape.group(1).strip().replace(" ", "_") or calendar
        body = body[: escape.start()] + " " + body[escape.end() :]
        escape = _ESCAPE.search(body)
    year: int | None = None
    for token in body.split():
        if token in _QUALIFIERS:
            exact = False
            if year is not None and token in ("AND", "TO"):
                break
            continue
        if token in _EXACT_CALENDARS:
            calendar = token
            continue
        if token in _OTHER_CALENDARS or token.startswith("_"):
            calendar = token
            continue
        if token in _HEBREW_MONTHS:
            calendar = "HEBREW"
            continue
        if token in _FRENCH_MONTHS:
            calendar = "FRENCH_R"
            continue
        if token in _MONTHS:
            continue
        if token in _BCE:
            exact = False
            year = None
            continue
        value = _year(token)
        if value is None:
            exact = False  # something we do not understand, such as "?"
            continue
        year = value  # the last number of a date is its year (day and month come first)
    # ISO dates (2000-05-20) are not GEDCOM, but exporters write them
    iso = re.fullmatch(r"(\d{4})-\d{2}-\d{2}", body.strip())
    if iso is not None:
        year, exact = int(iso.group(1)), True
    if calendar not in _EXACT_CALENDARS:
        exact = False
        year = None if calendar in _OTHER_CALENDARS or calendar.startswith("_") else year
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        exact = False
    return GedcomDate(text=text, year=year, exact=exact)
