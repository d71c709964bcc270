"""``zorgkracht plan``: the process of a case, from referral to closing, on the command line.

INPUT is a case file or the id of a stored case, as for ``analyse``. The text is for reading
(the phasing and its steps, referral and intake, the help questions with the top 3 first, the
meetings with whom the client invited and their replies, the actions, the team, evaluations,
closing); ``--json`` prints the process itself, every field with ids of persons and records
and dates in ISO form, with the steps of the phasing and the plan's hours a week per person
(keys in ``docs/calendar.md``). This is the professional's view: notes and what is marked sensitive
are in it (with the ``sensitive`` flag). Nothing is logged: the output holds client data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from enum import Enum
from typing import TYPE_CHECKING, Any

import typer

from zorgkracht.cli.analyse import InputArg, JsonOption, _audit_view, _open
from zorgkracht.cli.common import set_lang
from zorgkracht.cli.options import DbOption, LangOption
from zorgkracht.domain.phasings import STEPS
from zorgkracht.i18n import Text, in_language

if TYPE_CHECKING:
    from zorgkracht.domain import Case
    from zorgkracht.domain.process import Action, Meeting, Process


def _jsonable(value: Any) -> Any:
    """Dates as ``YYYY-MM-DD``, times as ``HH:MM``, codes as their value, records as objects."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _record(value: Any) -> Any:
    return None if value is None else _jsonable(dataclasses.asdict(value))


def steps(process: Process) -> list[dict[str, Any]]:
    """The steps of the phasing with what was noted on each (``done_on``, ``note``); without a
    phasing, the step records as they are."""
    noted = {s.step: s for s in process.steps}
    template = STEPS.get(process.phasing, ()) if process.phasing else ()
    rows: list[dict[str, Any]] = []
    for step in template:
        record = noted.pop(step.number, None)
        rows.append(
            {
                "number": step.number,
                "phase": {"nl": step.phase_nl, "en": step.phase_en},
                "name": {"nl": step.nl, "en": step.en},
                "records": list(step.records),
                "lines": step.lines,
                "done_on": _jsonable(record.done_on) if record else None,
                "note": record.note if record else "",
            }
        )
    for record in sorted(noted.values(), key=lambda s: s.step):
        rows.append(
            {"number": record.step, "done_on": _jsonable(record.done_on), "note": record.note}
        )
    return rows


def plan_data(case: Case) -> dict[str, Any]:
    """The process of ``case`` as JSON-ready data; ``asked_by`` names the client when the
    question names nobody."""
    p = case.process
    questions = []
    for q in p.help_questions:
        row = _record(q)
        row["asked_by"] = q.asked_by or case.client
        row["top"] = q.priority is not None and q.priority <= 3
        questions.append(row)
    return {
        "case": case.id,
        "client": case.client,
        "phasing": _jsonable(p.phasing),
        "steps": steps(p),
        "referral": _record(p.referral),
        "intake": _record(p.intake),
        "coach": _record(p.coach),
        "help_questions": questions,
        "meetings": [_record(m) for m in p.meetings],
        "actions": [_record(a) for a in p.actions],
        "team": _record(p.team),
        "evaluations": [_record(e) for e in p.evaluations],
        "closing": _record(p.closing),
        "plan_hours": p.plan_hours(),
    }


# -- the text form ---------------------------------------------------------------------------

NO_PROCESS = Text(
    "Deze casus heeft nog geen proces (hulpvragen, beraad, actieplan).",
    "This case has no process yet (help questions, meetings, action plan).",
)
HEADS = {
    "phasing": Text("Fasering", "Phasing"),
    "referral": Text("Aanmelding", "Referral"),
    "intake": Text("Intake", "Intake"),
    "coach": Text("Koppeling netwerkcoach", "Coach match"),
    "questions": Text("Hulpvragen", "Help questions"),
    "meetings": Text("Bijeenkomsten", "Meetings"),
    "actions": Text("Actieplan", "Action plan"),
    "hours": Text("Uren per week in het plan", "Hours a week in the plan"),
    "team": Text("Actieteam", "Action team"),
    "evaluations": Text("Evaluaties", "Evaluations"),
    "closing": Text("Afsluiting", "Closing"),
}
FIELDS = {
    "date": Text("datum", "date"),
    "referrer_name": Text("verwezen door", "referred by"),
    "referrer_organisation": Text("organisatie", "organisation"),
    "referrer_role": Text("functie", "role"),
    "reason": Text("reden", "reason"),
    "question": Text("vraag van de verwijzer", "the referrer's question"),
    "services": Text("betrokken hulp", "services involved"),
    "own_words": Text("vragen in eigen woorden", "questions in own words"),
    "rephrased": Text("herformulering", "rephrased"),
    "wishes": Text("wensen", "wishes"),
    "motivation": Text("motivatie", "motivation"),
    "report": Text("verslag", "report"),
    "network_summary": Text("netwerk in het kort", "the network in short"),
    "coordinator": Text("coördinator", "coordinator"),
    "coach": Text("netwerkcoach", "network coach"),
    "matched_on": Text("gekoppeld op", "matched on"),
}
W = {
    "top": Text("top 3", "top 3"),
    "other": Text("overige", "other"),
    "asked_by": Text("gevraagd door", "asked by"),
    "priority": Text("prioriteit", "priority"),
    "sensitive": Text("gevoelig", "sensitive"),
    "done": Text("gedaan", "done"),
    "invited": Text("uitgenodigd", "invited"),
    "present": Text("aanwezig", "present"),
    "absent": Text("afwezig", "absent"),
    "held": Text("gehouden", "held"),
    "questions": Text("vragen", "questions"),
    "question": Text("hulpvraag", "help question"),
    "hours": Text("uur per week", "hours a week"),
    "gives_back": Text("geeft terug", "gives back"),
    "members": Text("leden", "members"),
    "coordinator": Text("coördinator", "coordinator"),
    "professional": Text("professional", "professional"),
    "reached": Text("doel bereikt", "goal reached"),
    "not_reached": Text("doel niet bereikt", "goal not reached"),
    "aftercare": Text("nazorg", "after-care"),
    "warning": Text("signalen", "warning signs"),
    "call": Text("bellen", "call"),
    "way_back": Text("terugkomen", "way back"),
    "referred_to": Text("verwezen naar", "referred to"),
    "from": Text("van", "from"),
    "until": Text("tot", "until"),
    "by": Text("door", "by"),
    "minutes": Text("min", "min"),
}


class _Text:
    """Writes the text form of one case's process in one language."""

    def __init__(self, case: Case, lang: str) -> None:
        self.case = case
        self.lang = lang
        self.names = {p.id: p.name for p in case.network.persons}
        self.lines: list[str] = []

    def w(self, key: str) -> str:
        return in_language(W[key], self.lang)

    def name(self, person: str | None) -> str:
        pid = person or self.case.client
        return self.names.get(pid, pid)

    def head(self, key: str) -> None:
        if self.lines:
            self.lines.append("")
        self.lines.append(in_language(HEADS[key], self.lang))

    def add(self, text: str, indent: int = 1) -> None:
        self.lines.append("  " * indent + text)

    def fields(self, record: Any) -> None:
        """Every field of a referral, intake or coach match that has a value, labelled."""
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if value in (None, "", []):
                continue
            label = in_language(FIELDS[f.name], self.lang) if f.name in FIELDS else f.name
            self.add(f"{label}: {_jsonable(value)}")

    def phasing(self, p: Process) -> None:
        if p.phasing is None and not p.steps:
            return
        self.head("phasing")
        if p.phasing is not None:
            self.add(in_language(p.phasing, self.lang))
        for row in steps(p):
            mark = "x" if row["done_on"] else " "
            name = in_language(Text(**row["name"]), self.lang) if "name" in row else ""
            done = f"({self.w('done')} {row['done_on']})" if row["done_on"] else ""
            note = f"- {row['note']}" if row["note"] else ""
            text = " ".join(x for x in (f"{row['number']}.", name, done, note) if x)
            self.add(f"[{mark}] {text}")

    def questions(self, p: Process) -> None:
        if not p.help_questions:
            return
        self.head("questions")
        top = p.top()
        rest = [q for q in p.help_questions if q not in top]
        for title, group in ((self.w("top"), top), (self.w("other"), rest)):
            if not group:
                continue
            self.add(f"{title}:")
            for q in group:
                bits = [
                    in_language(q.status, self.lang),
                    f"{self.w('asked_by')} {self.name(q.asked_by)}",
                ]
                if q.priority is not None:
                    bits.insert(0, f"{self.w('priority')} {q.priority}")
                if q.sensitive:
                    bits.append(self.w("sensitive"))
                self.add(f"{q.id}: {q.text} ({'; '.join(bits)})", 2)

    def meeting(self, m: Meeting) -> None:
        when = " ".join(x for x in (_jsonable(m.date), _jsonable(m.start)) if x)
        bits = [
            x for x in (when, f"{m.minutes} {self.w('minutes')}" if m.minutes else "", m.place) if x
        ]
        held = f" [{self.w('held')}]" if m.held else ""
        self.add(f"{m.id}: {in_language(m.kind, self.lang)}{held} {', '.join(bits)}".rstrip())
        if m.facilitator:
            self.add(f"{self.w('by')}: {m.facilitator}", 2)
        if m.questions:
            self.add(f"{self.w('questions')}: {', '.join(m.questions)}", 2)
        for i in m.invitees:
            present = {True: self.w("present"), False: self.w("absent"), None: ""}[i.present]
            tail = f", {present}" if present else ""
            self.add(f"- {self.name(i.person)}: {in_language(i.reply, self.lang)}{tail}", 2)

    def action(self, a: Action) -> None:
        status = in_language(a.status, self.lang)
        sensitive = f", {self.w('sensitive')}" if a.sensitive else ""
        self.add(f"{a.id}: {a.description} ({status}{sensitive})")
        self.add(f"{self.w('question')}: {a.help_question}", 2)
        when = []
        if a.start:
            when.append(f"{self.w('from')} {a.start.isoformat()}")
        if a.end:
            when.append(f"{self.w('until')} {a.end.isoformat()}")
        if a.frequency:
            when.append(in_language(a.frequency, self.lang))
        if a.hours_per_week is not None:
            when.append(f"{a.hours_per_week:g} {self.w('hours')}")
        if when:
            self.add(", ".join(when), 2)
        for ap in a.persons:
            hours = a.hours_of(ap)
            extra = f" ({hours:g} {self.w('hours')})" if hours else ""
            self.add(f"- {self.name(ap.person)}: {in_language(ap.part, self.lang)}{extra}", 2)
        if a.gives_back:
            self.add(f"{self.w('gives_back')}: {a.gives_back}", 2)

    def write(self) -> str:
        p = self.case.process
        if p.is_empty():
            return in_language(NO_PROCESS, self.lang)
        self.phasing(p)
        for key, record in (("referral", p.referral), ("intake", p.intake), ("coach", p.coach)):
            if record is not None:
                self.head(key)
                self.fields(record)
        self.questions(p)
        if p.meetings:
            self.head("meetings")
            for m in p.meetings:
                self.meeting(m)
        if p.actions:
            self.head("actions")
            for a in p.actions:
                self.action(a)
            hours = p.plan_hours()
            if hours:
                self.head("hours")
                for person, h in sorted(hours.items(), key=lambda kv: -kv[1]):
                    self.add(f"{self.name(person)}: {h:g}")
        self.team(p)
        self.evaluations(p)
        self.closing(p)
        return "\n".join(self.lines)

    def team(self, p: Process) -> None:
        if p.team is None:
            return
        self.head("team")
        t = p.team
        if t.members:
            self.add(f"{self.w('members')}: {', '.join(self.name(m) for m in t.members)}")
        if t.coordinator:
            self.add(f"{self.w('coordinator')}: {self.name(t.coordinator)}")
        if t.professional or t.professional_role:
            role = in_language(t.professional_role, self.lang) if t.professional_role else ""
            self.add(
                f"{self.w('professional')}: {' - '.join(x for x in (t.professional, role) if x)}"
            )

    def evaluations(self, p: Process) -> None:
        if not p.evaluations:
            return
        self.head("evaluations")
        for e in p.evaluations:
            about = ", ".join(x for x in (e.help_question, e.action) if x)
            reached = {True: self.w("reached"), False: self.w("not_reached"), None: ""}
            bits = [x for x in (_jsonable(e.date), about, reached[e.goal_reached]) if x]
            self.add(f"{e.id}: {'; '.join(bits)}")
            for text in (e.words, e.effect):
                if text:
                    self.add(text, 2)

    def closing(self, p: Process) -> None:
        c = p.closing
        if c is None:
            return
        self.head("closing")
        self.add("; ".join(x for x in (_jsonable(c.date), in_language(c.reason, self.lang)) if x))
        for key, value in (
            ("aftercare", c.aftercare_contact),
            ("warning", c.warning_signs),
            ("call", ", ".join([*(self.name(x) for x in c.call), *filter(None, [c.call_others])])),
            ("way_back", c.way_back),
            ("referred_to", c.referred_to),
        ):
            if value:
                self.add(f"{self.w(key)}: {value}")


def format_plan(case: Case, lang: str) -> str:
    """The text form of the process of ``case``."""
    return _Text(case, lang).write()


def plan_command(
    source: InputArg,
    as_json: JsonOption = False,
    lang: LangOption = "nl",
    db: DbOption = None,
) -> None:
    """Toon het proces: hulpvragen, beraad, actieplan, team, evaluatie, afsluiting. / Show the
    process: help questions, meetings, action plan, team, evaluation, closing."""
    chosen = set_lang(lang)
    case, stored = _open(source, db)
    _audit_view(stored, source, "plan")
    if as_json:
        typer.echo(json.dumps(plan_data(case), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_plan(case, chosen))
