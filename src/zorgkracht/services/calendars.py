"""Calendars of the process for the web application and the command line: the door to
:mod:`zorgkracht.interchange.ical` (meetings and actions as iCalendar, per case or per person).

Nothing here logs: a calendar holds client data.
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain import Case
from zorgkracht.interchange.ical import calendar_bytes

__all__ = ["calendar_file"]


def calendar_file(
    case: Case, *, person: str | None = None, lang: str = "nl", now: dt.datetime | None = None
) -> bytes:
    """The ``.ics`` file of ``case``'s meetings and actions, or of those of ``person``; what is
    marked sensitive and every note are left out (:mod:`zorgkracht.interchange.ical`)."""
    return calendar_bytes(case, person=person, lang=lang, now=now)
