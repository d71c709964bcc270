"""The process's meetings and actions as an iCalendar file (RFC 5545), per case or per person.

Members of the action team put their part in their own phone's calendar (issue 14, point 5),
so a calendar file leaves the professional's hands: it carries only what a network member
needs to turn up and do their part. Left out, always:

- every note (of a meeting, an action, a question);
- an action marked sensitive (the whole event), and a help question marked sensitive (its
  text is not on a meeting's agenda nor beside an action);
- the name of a person marked sensitive (they are not named among who does or thinks along);
- what the client gives back, the invitees and their replies, the rephrasings.

A meeting (3650–3702) is a ``VEVENT``: at its date and start time in ``Europe/Amsterdam`` (with
the ``VTIMEZONE`` written out) and ``DURATION`` from its minutes, or all day when it has no start
time; its summary is the kind and the client's first name, its description the agenda of the
book (introductions, information phase, private time, the plan back to everyone, 3676–3702)
with the questions on it. A meeting without a date is not in the calendar.

An action (3696–3711, 4044–4046) is an all-day ``VEVENT`` from its start, repeating by its
frequency until its end (``RRULE``), or a ``VTODO`` when it is done "as needed" or has no start.
Its summary is the description, its description who does it and who thinks along, and the
help question. A stopped action stays in the file as cancelled, so a phone that imported it
before takes it off.

UIDs are ``<case>-<record id>@zorgkracht``: the same record has the same UID in every file
and every run, so importing a newer file updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Any

import icalendar

from zorgkracht.domain import Case, NotFound
from zorgkracht.domain.process import AGENDA, Action, Meeting
from zorgkracht.domain.process_codes import ActionFrequency, ActionStatus, Part
from zorgkracht.i18n import Text, in_language

__all__ = ["TZID", "calendar_bytes", "case_calendar", "uid"]

TZID = "Europe/Amsterdam"
_ZONE = zoneinfo.ZoneInfo(TZID)
_RULES: dict[ActionFrequency, dict[str, Any]] = {
    ActionFrequency.DAILY: {"FREQ": "DAILY"},
    ActionFrequency.WEEKLY: {"FREQ": "WEEKLY"},
    ActionFrequency.FORTNIGHTLY: {"FREQ": "WEEKLY", "INTERVAL": 2},
    ActionFrequency.MONTHLY: {"FREQ": "MONTHLY"},
}
"""The repeat rule of each frequency; ``once`` has none, ``as_needed`` is a to-do."""
_TODO_STATUS = {
    ActionStatus.PLANNED: "NEEDS-ACTION",
    ActionStatus.ONGOING: "IN-PROCESS",
    ActionStatus.DONE: "COMPLETED",
    ActionStatus.STOPPED: "CANCELLED",
}

AGENDA_HEAD = Text("Agenda", "Agenda")
QUESTIONS_HEAD = Text("Vragen van {client}", "Questions of {client}")
FACILITATOR = Text("Gespreksleider", "Facilitator")
DOES = Text("Doet", "Does")
THINKS_ALONG = Text("Denkt mee", "Thinks along")
QUESTION = Text("Hulpvraag", "Help question")
WITH_CLIENT = Text("{kind} met {client}", "{kind} with {client}")
CALENDAR_NAME = Text("Zorgkracht: {client}", "Zorgkracht: {client}")


def uid(case: Case, record_id: str) -> str:
    """The stable UID of a process record: ``<case>-<record id>@zorgkracht``."""
    return f"{case.id}-{record_id}@zorgkracht"


def _first_name(case: Case) -> str:
    for p in case.network.persons:
        if p.id == case.client:
            return p.name.split()[0] if p.name.split() else p.name
    return ""


def _timezone() -> icalendar.Timezone:
    """``Europe/Amsterdam`` as Dutch and European rules have it since 1996 (the last Sunday of
    March and of October), as calendar programs write it themselves: valid for any year."""
    tz = icalendar.Timezone()
    tz.add("tzid", TZID)
    for kind, name, start, month, before, after in (
        (icalendar.TimezoneDaylight, "CEST", dt.datetime(1981, 3, 29, 2), 3, 1, 2),
        (icalendar.TimezoneStandard, "CET", dt.datetime(1996, 10, 27, 3), 10, 2, 1),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        tz.add_component(part)
    return tz


class _Writer:
    """Writes the events of one case for one reader (everyone, or one person)."""

    def __init__(self, case: Case, lang: str, stamp: dt.datetime) -> None:
        self.case = case
        self.lang = lang
        self.stamp = stamp
        self.client = _first_name(case)
        self.hidden = {p.id for p in case.network.persons if p.sensitive}
        self.names = {p.id: p.name for p in case.network.persons}
        self.timed = False

    def say(self, text: Text, **values: str) -> str:
        return in_language(text, self.lang).format(**values)

    def _common(self, component: icalendar.Component, record_id: str, summary: str) -> None:
        component.add("uid", uid(self.case, record_id))
        component.add("dtstamp", self.stamp)
        component.add("summary", summary)

    def question_text(self, question_id: str) -> str | None:
        """The help question's text, unless it is sensitive or missing."""
        for q in self.case.process.help_questions:
            if q.id == question_id and not q.sensitive:
                return q.text
        return None

    def meeting(self, meeting: Meeting) -> icalendar.Event | None:
        if meeting.date is None:
            return None
        event = icalendar.Event()
        kind = in_language(meeting.kind, self.lang)
        label = self.say(WITH_CLIENT, kind=kind, client=self.client) if self.client else kind
        self._common(event, meeting.id, label[:1].upper() + label[1:])
        if meeting.start is not None:
            event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start, tzinfo=_ZONE))
            if meeting.minutes:
                event.add("duration", dt.timedelta(minutes=meeting.minutes))
            self.timed = True
        else:
            event.add("dtstart", meeting.date)
            event.add("duration", dt.timedelta(days=1))
        if meeting.place:
            event.add("location", meeting.place)
        lines = [in_language(AGENDA_HEAD, self.lang) + ":"]
        lines += [f"{n}. {in_language(phase, self.lang)}" for n, phase in enumerate(AGENDA, 1)]
        questions = [t for t in map(self.question_text, meeting.questions) if t]
        if questions:
            lines += ["", self.say(QUESTIONS_HEAD, client=self.client) + ":"]
            lines += [f"- {t}" for t in questions]
        if meeting.facilitator:
            lines += ["", f"{in_language(FACILITATOR, self.lang)}: {meeting.facilitator}"]
        event.add("description", "\n".join(lines))
        event.add("status", "CONFIRMED")
        return event

    def _people(self, action: Action, part: Part) -> list[str]:
        return [
            self.names.get(p.person, p.person)
            for p in action.persons
            if p.part is part and p.person not in self.hidden
        ]

    def action(self, action: Action) -> icalendar.Component | None:
        if action.sensitive:
            return None
        todo = action.start is None or action.frequency is ActionFrequency.AS_NEEDED
        component: icalendar.Component = icalendar.Todo() if todo else icalendar.Event()
        self._common(component, action.id, action.description)
        if action.start is not None:
            component.add("dtstart", action.start)
        if todo:
            if action.end is not None and (action.start is None or action.end > action.start):
                component.add("due", action.end)
            component.add("status", _TODO_STATUS[action.status])
        else:
            component.add("duration", dt.timedelta(days=1))
            rule = _RULES.get(action.frequency) if action.frequency else None
            if rule is not None:
                component.add("rrule", {**rule, **({"UNTIL": action.end} if action.end else {})})
            stopped = action.status is ActionStatus.STOPPED
            component.add("status", "CANCELLED" if stopped else "CONFIRMED")
        lines = []
        for text, part in ((DOES, Part.DOES), (THINKS_ALONG, Part.THINKS_ALONG)):
            people = self._people(action, part)
            if people:
                lines.append(f"{in_language(text, self.lang)}: {', '.join(people)}")
        question = self.question_text(action.help_question)
        if question:
            lines.append(f"{in_language(QUESTION, self.lang)}: {question}")
        if lines:
            component.add("description", "\n".join(lines))
        return component


def _meetings_of(case: Case, person: str | None) -> Iterable[Meeting]:
    """Every meeting, or those ``person`` is invited to (the client: all of them, being the
    one who invites)."""
    for m in case.process.meetings:
        if person is None or person == case.client or person in {i.person for i in m.invitees}:
            yield m


def _actions_of(case: Case, person: str | None) -> Iterable[Action]:
    """Every action, or those ``person`` has a part in (does or thinks along)."""
    for a in case.process.actions:
        if person is None or person in {p.person for p in a.persons}:
            yield a


def case_calendar(
    case: Case,
    *,
    person: str | None = None,
    lang: str = "nl",
    now: dt.datetime | None = None,
) -> icalendar.Calendar:
    """The meetings and actions of ``case`` as a calendar: all of them, or those of
    ``person`` (an id in the current network; :class:`NotFound` for another). ``now`` is the
    ``DTSTAMP`` of every component (the moment the file is made, in UTC)."""
    if person is not None and person not in {p.id for p in case.network.persons}:
        raise NotFound(
            f"persoon {person!r} staat niet in het netwerk van deze casus",
            f"person {person!r} is not in this case's network",
        )
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    writer = _Writer(case, lang, stamp)
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Zorgkracht//Zorgkracht//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", writer.say(CALENDAR_NAME, client=writer.client))
    components: list[icalendar.Component] = []
    for m in _meetings_of(case, person):
        if (event := writer.meeting(m)) is not None:
            components.append(event)
    for a in _actions_of(case, person):
        if (item := writer.action(a)) is not None:
            components.append(item)
    if writer.timed:
        cal.add_component(_timezone())
    for c in components:
        cal.add_component(c)
    return cal


def calendar_bytes(
    case: Case,
    *,
    person: str | None = None,
    lang: str = "nl",
    now: dt.datetime | None = None,
) -> bytes:
    """:func:`case_calendar` as the bytes of an ``.ics`` file (CRLF lines, UTF-8)."""
    data: bytes = case_calendar(case, person=person, lang=lang, now=now).to_ical()
    return data
