"""The papers of the process for the network and the client: the invitation to a meeting, the
action plan for everyone present, and the client's own plan on one page (``shared/domain.md``
§12, "Documents that come out").

Each function takes the whole case and shows it as :func:`~zorgkracht.domain.privacy.
without_sensitive` gives it: nothing marked sensitive reaches these papers (§12.5), whoever
calls them. The evaluation and the case report are :mod:`.process_documents_report`. Each
returns a printable HTML page (:func:`~.process_documents_common.page_html`).
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain import Case
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.domain.process import AGENDA, Action, HelpQuestion, Meeting, Process
from zorgkracht.domain.process_codes import ActionStatus, MeetingKind, Part

from .process_documents_common import (
    bullets,
    date_text,
    esc,
    hours_text,
    label,
    names_of,
    page_html,
    person_names,
    t,
    time_text,
)

__all__ = [
    "client_plan_html",
    "invitation_html",
    "ordered_questions",
    "plan_body",
    "plan_html",
    "when_text",
]

_AGENDA_TEXT: dict[str, tuple[str, str]] = {
    "introductions": (
        "Iedereen stelt zich voor: wie u bent voor {client}, wat u verwacht van dit overleg en "
        "hoe u erin staat.",
        "Everyone introduces themselves: who you are to {client}, what you expect of this "
        "meeting and how you feel about it.",
    ),
    "information": (
        "De hulpverleners vertellen wat hun organisatie kan doen. Daarna nemen zij afscheid.",
        "The professionals tell what their organisation can do. Then they take their leave.",
    ),
    "private_time": (
        "{client} en het netwerk bespreken de vragen en maken samen een actieplan.",
        "{client} and the network discuss the questions and make an action plan together.",
    ),
    "plan_back": (
        "Het actieplan wordt met alle betrokkenen besproken.",
        "The action plan is discussed with everyone involved.",
    ),
}
"""What happens in each phase of the agenda (3676–3702)."""


def ordered_questions(process: Process) -> list[HelpQuestion]:
    """The help questions with the top 3 first, in order of priority, then the others as
    they were asked (4040)."""
    top = process.top()
    ids = {q.id for q in top}
    return [*top, *(q for q in process.help_questions if q.id not in ids)]


def when_text(action: Action, lang: str) -> str:
    """``3 maart 2026 – 30 juni 2026``, ``vanaf 3 maart 2026``, ``tot …`` or empty."""
    start, end = date_text(action.start, lang), date_text(action.end, lang)
    if start and end:
        return f"{start} – {end}"
    if start:
        return t(f"vanaf {start}", f"from {start}", lang)
    if end:
        return t(f"tot {end}", f"until {end}", lang)
    return ""


def _client_name(case: Case) -> str:
    return names_of(case).get(case.client, "")


def invitation_html(case: Case, meeting_id: str, lang: str) -> str:
    """The written invitation to meeting ``meeting_id``, addressed to its invitees: the date,
    the time and the place, the agenda, the client's questions on it, and that an information
    leaflet goes with it (3671–3674)."""
    shown = without_sensitive(case)
    meeting: Meeting = shown.process.meeting(meeting_id)
    names = names_of(shown)
    client = names.get(shown.client, "")
    kind = label(meeting.kind, lang)
    to = person_names((i.person for i in meeting.invitees), names)
    facts = [
        (t("Aan", "To", lang), to),
        (t("Datum", "Date", lang), date_text(meeting.date, lang)),
        (t("Tijd", "Time", lang), time_text(meeting.start, meeting.minutes)),
        (t("Plaats", "Place", lang), meeting.place),
        (t("Gespreksleider", "Chaired by", lang), meeting.facilitator),
    ]
    body = [
        "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts if v) + "</dl>",
        "<p>"
        + esc(
            t(
                f"{client} nodigt u uit voor een {kind}. Samen kijken we hoe we {client} "
                "kunnen helpen met de vragen hieronder.",
                f"{client} invites you to a {kind}. Together we look at how we can help "
                f"{client} with the questions below.",
                lang,
            )
        )
        + "</p>",
    ]
    if meeting.kind is MeetingKind.NETWORK_MEETING:
        rows = []
        for phase in AGENDA:
            nl, en = _AGENDA_TEXT[phase.value]
            what = t(nl, en, lang).format(client=client)
            rows.append(f"<strong>{esc(label(phase, lang).capitalize())}</strong>: {esc(what)}")
        body.append(f"<h2>{esc(t('Agenda', 'Agenda', lang))}</h2><ol>")
        body.append("".join(f"<li>{row}</li>" for row in rows) + "</ol>")
    questions = [shown.process.help_question(q) for q in meeting.questions]
    if questions:
        title = t(f"De vragen van {client}", f"{client}'s questions", lang)
        body.append(f"<h2>{esc(title)}</h2>")
        body.append(bullets(esc(q.text) for q in questions))
    if meeting.leaflet:
        body.append(
            '<p class="note">'
            + esc(
                t(
                    "Bij deze uitnodiging zit een folder met informatie over de werkwijze.",
                    "A leaflet with information about the approach comes with this invitation.",
                    lang,
                )
            )
            + "</p>"
        )
    body.append(
        "<p>"
        + esc(
            t(
                "Wilt u laten weten of u komt?",
                "Would you let us know whether you can come?",
                lang,
            )
        )
        + "</p>"
    )
    signed = [client, meeting.facilitator]
    body.append(
        "<p>"
        + esc(t("Met vriendelijke groet,", "Kind regards,", lang))
        + "<br>"
        + "<br>".join(esc(s) for s in signed if s)
        + "</p>"
    )
    title = t(f"Uitnodiging: {kind}", f"Invitation: {kind}", lang)
    return page_html(title, "", "".join(body), lang)


def _action_rows(process: Process, question: HelpQuestion, names: dict[str, str], lang: str) -> str:
    rows = []
    for a in process.actions:
        if a.help_question != question.id:
            continue
        does = [
            names.get(p.person, p.person)
            + (f" ({hours_text(a.hours_of(p), lang)} {t('u', 'h', lang)})" if a.hours_of(p) else "")
            for p in a.persons
            if p.part is Part.DOES
        ]
        along = [names.get(p.person, p.person) for p in a.persons if p.part is Part.THINKS_ALONG]
        what = esc(a.description)
        if a.sensitive:
            what += esc(t(" [gevoelig]", " [sensitive]", lang))
        if a.gives_back:
            what += "<br><em>" + esc(t("Terug: ", "In return: ", lang) + a.gives_back) + "</em>"
        cells = [
            what,
            esc(", ".join(does)),
            esc(", ".join(along)),
            esc(when_text(a, lang)),
            esc(label(a.frequency, lang)),
            esc(hours_text(a.hours_per_week, lang)),
            esc(label(a.status, lang)),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    if not rows:
        return "<p>" + esc(t("Nog geen acties.", "No actions yet.", lang)) + "</p>"
    head = [
        t("Actie", "Action", lang),
        t("Wie doet het", "Who does it", lang),
        t("Denkt mee", "Thinks along", lang),
        t("Wanneer", "When", lang),
        t("Hoe vaak", "How often", lang),
        t("Uur per week", "Hours a week", lang),
        t("Stand", "Status", lang),
    ]
    return (
        "<table><thead><tr>"
        + "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def plan_body(case: Case, lang: str) -> str:
    """The action plan's sections for ``case`` as it is given (the case report shows it whole,
    the plan for everyone as :func:`plan_html` gives it)."""
    process = case.process
    names = names_of(case)
    questions = ordered_questions(process)
    out = [f"<h2>{esc(t('Hulpvragen', 'Help questions', lang))}</h2>"]
    items = []
    for q in questions:
        top = (
            t(f"top 3, nummer {q.priority}", f"top 3, number {q.priority}", lang)
            if q in process.top()
            else ""
        )
        extra = "; ".join(x for x in (top, label(q.status, lang)) if x)
        mark = t(" [gevoelig]", " [sensitive]", lang) if q.sensitive else ""
        items.append(f"{esc(q.text)} <em>({esc(extra)})</em>{esc(mark)}")
    out.append(bullets(items) or "<p>—</p>")
    out.append(f"<h2>{esc(t('Acties', 'Actions', lang))}</h2>")
    for q in questions:
        out.append(f"<h3>{esc(q.text)}</h3>")
        out.append(_action_rows(process, q, names, lang))
    team = process.team
    if team is not None:
        out.append(f"<h2>{esc(t('Het actieteam', 'The action team', lang))}</h2><dl>")
        facts = [
            (t("Leden", "Members", lang), person_names(team.members, names)),
            (
                t("Coördinator", "Coordinator", lang),
                names.get(team.coordinator, "") if team.coordinator else "",
            ),
            (
                t("Professional", "Professional", lang),
                ", ".join(x for x in (team.professional, label(team.professional_role, lang)) if x),
            ),
        ]
        out.append("".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts if v))
        out.append("</dl>")
    hours = process.plan_hours()
    if hours:
        out.append(f"<h2>{esc(t('Uren per week', 'Hours a week', lang))}</h2>")
        out.append(
            bullets(
                esc(f"{names.get(p, p)}: {hours_text(h, lang)}")
                for p, h in sorted(hours.items(), key=lambda kv: -kv[1])
            )
        )
    return "".join(out)


def plan_html(case: Case, lang: str, today: dt.date) -> str:
    """The action plan for everyone present (3696–3711): the help questions with the top 3
    first, the actions with who does them and who thinks along, when, how often and the hours
    a week, and the action team with its coordinator."""
    shown = without_sensitive(case)
    client = _client_name(shown)
    subtitle = t(
        f"Het plan van {client} en het netwerk · {date_text(today, lang)}",
        f"The plan of {client} and the network · {date_text(today, lang)}",
        lang,
    )
    return page_html(t("Actieplan", "Action plan", lang), subtitle, plan_body(shown, lang), lang)


_CLIENT_QUESTIONS = 3
_CLIENT_HELPS = 5
_CLIENT_CHARS = 110
"""The client's plan is one page: at most three questions, five helps, and each text at most
this long (the whole text is in the action plan)."""


def _short(text: str, limit: int = _CLIENT_CHARS) -> str:
    """``text`` without a closing full stop, cut at a word before ``limit`` characters."""
    text = text.strip().rstrip(".")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " …"


def client_plan_html(case: Case, lang: str, today: dt.date) -> str:
    """The client's own plan on one page, in plain words (B1, formal "u"): what they asked,
    who helps with what and when, and whom to call. At most three questions and five actions
    still to come, each text short: the rest stays in the action plan."""
    shown = without_sensitive(case)
    process = shown.process
    names = names_of(shown)
    client = names.get(shown.client, "")
    questions = ordered_questions(process)[:_CLIENT_QUESTIONS]
    out = [f"<h2>{esc(t('Dit heeft u gevraagd', 'What you asked', lang))}</h2>"]
    out.append(bullets(esc(_short(q.text)) for q in questions) or "<p>—</p>")
    more = len(process.help_questions) - len(questions)
    if more > 0:
        out.append(
            "<p>"
            + esc(
                t(
                    f"U heeft nog {more} andere vragen. Die staan in het actieplan.",
                    f"You have {more} other questions. They are in the action plan.",
                    lang,
                )
            )
            + "</p>"
        )
    out.append(f"<h2>{esc(t('Wie helpt u?', 'Who helps you?', lang))}</h2>")
    asked = {q.id for q in questions}
    coming = [
        a
        for a in process.actions
        if a.help_question in asked and a.status not in (ActionStatus.DONE, ActionStatus.STOPPED)
    ]
    coming.sort(key=lambda a: [q.id for q in questions].index(a.help_question))
    out.append(
        bullets(_help_line(a, names, lang) for a in coming[:_CLIENT_HELPS])
        or "<p>" + esc(t("Dat spreken we nog af.", "We will agree on that.", lang)) + "</p>"
    )
    rest = len(coming) - _CLIENT_HELPS
    if rest > 0:
        out.append(
            "<p>"
            + esc(
                t(
                    f"Er zijn nog {rest} andere afspraken. Die staan in het actieplan.",
                    f"There are {rest} other agreements. They are in the action plan.",
                    lang,
                )
            )
            + "</p>"
        )
    out.append(f"<h2>{esc(t('Wie belt u?', 'Whom do you call?', lang))}</h2>")
    out.append(_call_lines(process, names, lang))
    title = t("Uw plan", "Your plan", lang)
    subtitle = t(
        f"Voor {client} · {date_text(today, lang)}",
        f"For {client} · {date_text(today, lang)}",
        lang,
    )
    return page_html(title, subtitle, "".join(out), lang, base_pt=11.5)


def _help_line(action: Action, names: dict[str, str], lang: str) -> str:
    does = _short(person_names((p.person for p in action.doers()), names), 60)
    along = _short(
        person_names((p.person for p in action.persons if p.part is Part.THINKS_ALONG), names), 60
    )
    what = _short(action.description)
    lines = []
    if does:
        lines.append(t(f"{does} helpt u met: {what}.", f"{does} helps you with: {what}.", lang))
    else:
        lines.append(t(f"Wat: {what}.", f"What: {what}.", lang))
    if along:
        lines.append(t(f"{along} denkt met u mee.", f"{along} thinks along with you.", lang))
    when: list[str] = []
    if action.frequency is not None:
        often = label(action.frequency, lang)
        when.append(t(f"Hoe vaak: {often}.", f"How often: {often}.", lang))
    period = when_text(action, lang)
    if period:
        when.append(t(f"Wanneer: {period}.", f"When: {period}.", lang))
    if when:
        lines.append(" ".join(when))
    return "<br>".join(esc(line) for line in lines)


def _call_lines(process: Process, names: dict[str, str], lang: str) -> str:
    lines: list[str] = []
    team = process.team
    if team is not None and team.coordinator:
        who = _short(names.get(team.coordinator, team.coordinator), 60)
        lines.append(
            t(
                f"Heeft u een vraag over het plan? Bel {who}.",
                f"A question about the plan? Call {who}.",
                lang,
            )
        )
    closing = process.closing
    if closing is not None and closing.call:
        who = _short(person_names(closing.call, names), 90)
        lines.append(
            t(f"Gaat het niet goed? Bel {who}.", f"Things not going well? Call {who}.", lang)
        )
    if closing is not None and closing.call_others:
        lines.append(
            t(
                f"U kunt ook bellen: {_short(closing.call_others, 90)}.",
                f"You can also call: {_short(closing.call_others, 90)}.",
                lang,
            )
        )
    if team is not None and team.professional:
        lines.append(
            t(
                f"Uw hulpverlener is {_short(team.professional, 60)}.",
                f"Your professional is {_short(team.professional, 60)}.",
                lang,
            )
        )
    if not lines:
        lines.append(t("Dat spreken we nog met u af.", "We will agree on that with you.", lang))
    return bullets(esc(line) for line in lines)
