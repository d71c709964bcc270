"""The one reader of ``If-Match``: the version of the case that a request changes.

The ETag of a case is its version in quotes (``"3"``). ``If-Match`` may send it as ``"3"``,
``3``, ``W/"3"`` or ``W/3``, with spaces around; anything else (a sign, a digit separator,
``*``, a list, unbalanced quotes, more than 18 digits) is bad input (422), and a missing or
empty header is a 428. Every route that writes a case reads the header through
:func:`expected_version`.
"""

from __future__ import annotations

import re

from starlette.requests import Request

from zorgkracht.domain import InvalidInput, Problem, ZorgkrachtError

MAX_DIGITS = 18
"""A version has at most 18 digits (it fits a 64-bit integer)."""

_VERSION = re.compile(r'(?:W/)?(?:"([0-9]{1,18})"|([0-9]{1,18}))')


class PreconditionRequired(ZorgkrachtError):
    """A write without ``If-Match`` (answered with 428)."""

    def __init__(self) -> None:
        super().__init__(
            "Stuur de versie die u bewerkt mee in de If-Match-header (de ETag van de casus).",
            "Send the version you are editing in the If-Match header (the case's ETag).",
        )


def parse_if_match(value: str | None) -> int | None:
    """The version in an ``If-Match`` value; ``None`` when there is none (missing or blank).
    ``InvalidInput`` when the value is not one of the forms in the module's text."""
    raw = (value or "").strip()
    if not raw:
        return None
    found = _VERSION.fullmatch(raw)
    if found is None:
        shown = raw.removeprefix("W/").strip('"')[:40]
        raise InvalidInput(
            [
                Problem(
                    "If-Match",
                    f"versie {shown!r} is geen getal",
                    f"version {shown!r} is not a number",
                    "type",
                )
            ]
        )
    return int(found.group(1) or found.group(2))


def expected_version(request: Request) -> int:
    """The version that the request's ``If-Match`` names; :class:`PreconditionRequired` when
    it names none."""
    version = parse_if_match(request.headers.get("if-match"))
    if version is None:
        raise PreconditionRequired()
    return version
