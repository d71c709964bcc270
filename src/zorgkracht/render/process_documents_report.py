"""The evaluation report and the case report (``shared/domain.md`` §12.7, "Documents that come
out").

The evaluation (2114, 3884–3888, 4050–4058) goes to the client and the network: per help
question and per action whether it was done, its effect and the client's words, with the
network before and after; it shows the case as :func:`~zorgkracht.domain.privacy.
without_sensitive` gives it. The case report is for the professional's file and shows
everything, what is marked sensitive included (and marked so). The pictures and the analysis
come in drawn and worded by the caller (:mod:`zorgkracht.services.process_documents`).
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain import Case
from zorgkracht.domain.privacy import sensitive_persons, without_sensitive
from zorgkracht.domain.process import Evaluation, Process

from .process_documents import ordered_questions, plan_body
from .process_documents_common import (
    Figure,
    bullets,
    date_text,
    esc,
    figure_html,
    label,
    names_of,
    page_html,
    person_names,
    t,
    time_text,
)

__all__ = ["case_html", "evaluation_html"]


def _yes_no(value: bool | None, lang: str) -> str:
    if value is None:
        return t("nog niet bekend", "not known yet", lang)
    return t("ja", "yes", lang) if value else t("nee", "no", lang)


def _facts(facts: list[tuple[str, str]]) -> str:
    shown = [(k, v) for k, v in facts if v]
    if not shown:
        return ""
    return "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in shown) + "</dl>"


def _evaluation(e: Evaluation, client: str, lang: str) -> str:
    words = f"“{e.words}”" if e.words else ""
    return _facts(
        [
            (t("Datum", "Date", lang), date_text(e.date, lang)),
            (t("Gedaan", "Done", lang), _yes_no(e.done, lang)),
            (t("Effect", "Effect", lang), e.effect),
            (t("Doel bereikt", "Goal reached", lang), _yes_no(e.goal_reached, lang)),
            (t(f"Wat {client} zegt", f"What {client} says", lang), words),
            (t("Notitie", "Note", lang), e.note),
        ]
    )


def evaluations_body(process: Process, client: str, lang: str) -> str:
    """Per help question and per action of ``process``: its evaluations, then those of the
    plan as a whole."""
    out: list[str] = []
    for q in ordered_questions(process):
        out.append(f"<h3>{esc(q.text)} <em>({esc(label(q.status, lang))})</em></h3>")
        own = [e for e in process.evaluations if e.help_question == q.id and e.action is None]
        out += [_evaluation(e, client, lang) for e in own]
        for a in process.actions:
            if a.help_question != q.id:
                continue
            out.append(
                "<p><strong>"
                + esc(t("Actie: ", "Action: ", lang) + a.description)
                + f"</strong> ({esc(label(a.status, lang))})</p>"
            )
            out += [_evaluation(e, client, lang) for e in process.evaluations if e.action == a.id]
    whole = [e for e in process.evaluations if e.help_question is None and e.action is None]
    if whole:
        out.append(f"<h3>{esc(t('Het plan als geheel', 'The plan as a whole', lang))}</h3>")
        out += [_evaluation(e, client, lang) for e in whole]
    return "".join(out)


def _measures(measures: list[tuple[str, str, str, str]], lang: str) -> str:
    if not measures:
        return ""
    head = [
        t("Maat", "Measure", lang),
        t("Vóór", "Before", lang),
        t("Na", "After", lang),
        t("Verschil", "Change", lang),
    ]
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in measures
    )
    return (
        f"<h3>{esc(t('Wat veranderde', 'What changed', lang))}</h3><table><thead><tr>"
        + "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
        + f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def evaluation_html(
    case: Case,
    lang: str,
    today: dt.date,
    figures: list[Figure],
    measures: list[tuple[str, str, str, str]],
) -> str:
    """The evaluation report: per help question and action, done, effect and the client's
    words; the network before and after (``figures``, drawn without what is sensitive) and the
    measures that moved (label, before, after, change)."""
    shown = without_sensitive(case)
    client = names_of(shown).get(shown.client, "")
    body = [
        f"<h2>{esc(t('Vragen en acties', 'Questions and actions', lang))}</h2>",
        evaluations_body(shown.process, client, lang),
    ]
    if figures or measures:
        body.append('<section class="pictures">')
        body.append(
            f"<h2>{esc(t('Het netwerk vóór en na', 'The network before and after', lang))}</h2>"
        )
        body += [figure_html(f, lang, height_mm=105.0) for f in figures]
        body.append(_measures(measures, lang))
        body.append("</section>")
    subtitle = t(
        f"Voor {client} en het netwerk · {date_text(today, lang)}",
        f"For {client} and the network · {date_text(today, lang)}",
        lang,
    )
    return page_html(t("Evaluatie", "Evaluation", lang), subtitle, "".join(body), lang)


def _meetings(case: Case, names: dict[str, str], lang: str) -> str:
    process = case.process
    out: list[str] = []
    for m in process.meetings:
        out.append(
            f"<h3>{esc(label(m.kind, lang).capitalize())} {esc(date_text(m.date, lang))}</h3>"
        )
        invitees = [
            names.get(i.person, i.person)
            + f" ({label(i.reply, lang)}"
            + (
                ""
                if i.present is None
                else "; "
                + (t("aanwezig", "present", lang) if i.present else t("afwezig", "absent", lang))
            )
            + ")"
            for i in m.invitees
        ]
        questions = [process.help_question(q).text for q in m.questions]
        out.append(
            _facts(
                [
                    (t("Tijd", "Time", lang), time_text(m.start, m.minutes)),
                    (t("Plaats", "Place", lang), m.place),
                    (t("Gespreksleider", "Chaired by", lang), m.facilitator),
                    (t("Uitgenodigd", "Invited", lang), ", ".join(invitees)),
                    (t("Vragen", "Questions", lang), "; ".join(questions)),
                    (t("Fase", "Phase", lang), label(m.phase, lang)),
                    (t("Gehouden", "Held", lang), _yes_no(m.held, lang)),
                    (t("Notitie", "Note", lang), m.note),
                ]
            )
        )
    return "".join(out)


def _records(case: Case, lang: str) -> str:
    p = case.process
    out: list[str] = []
    phasing = label(p.phasing, lang)
    if phasing or p.steps:
        steps = [
            t(f"stap {s.step}", f"step {s.step}", lang)
            + (f": {date_text(s.done_on, lang)}" if s.done_on else "")
            + (f" ({s.note})" if s.note else "")
            for s in p.steps
        ]
        out.append(f"<h2>{esc(t('Werkwijze', 'Approach', lang))}</h2>")
        out.append(
            _facts(
                [
                    (t("Fasering", "Phasing", lang), phasing),
                    (t("Stappen", "Steps", lang), "; ".join(steps)),
                ]
            )
        )
    if p.referral is not None:
        r = p.referral
        out.append(f"<h2>{esc(t('Aanmelding', 'Referral', lang))}</h2>")
        out.append(
            _facts(
                [
                    (t("Datum", "Date", lang), date_text(r.date, lang)),
                    (
                        t("Verwezen door", "Referred by", lang),
                        ", ".join(
                            x
                            for x in (r.referrer_name, r.referrer_role, r.referrer_organisation)
                            if x
                        ),
                    ),
                    (t("Reden", "Reason", lang), r.reason),
                    (t("Vraag van de verwijzer", "The referrer's question", lang), r.question),
                    (t("Betrokken diensten", "Services involved", lang), r.services),
                ]
            )
        )
    if p.intake is not None:
        i = p.intake
        out.append(f"<h2>{esc(t('Intake', 'Intake', lang))}</h2>")
        out.append(
            _facts(
                [
                    (t("Datum", "Date", lang), date_text(i.date, lang)),
                    (t("In eigen woorden", "In their own words", lang), i.own_words),
                    (t("Herformulering", "Rephrased", lang), i.rephrased),
                    (t("Wensen", "Wishes", lang), i.wishes),
                    (t("Motivatie", "Motivation", lang), i.motivation),
                    (t("Verslag", "Report", lang), i.report),
                    (t("Het netwerk in het kort", "The network in short", lang), i.network_summary),
                ]
            )
        )
    if p.coach is not None:
        c = p.coach
        out.append(f"<h2>{esc(t('Koppeling met een coach', 'Coach match', lang))}</h2>")
        out.append(
            _facts(
                [
                    (t("Coördinator", "Coordinator", lang), c.coordinator),
                    (t("Coach", "Coach", lang), c.coach),
                    (t("Gekoppeld op", "Matched on", lang), date_text(c.matched_on, lang)),
                    (t("Waarom", "Why", lang), c.reason),
                ]
            )
        )
    return "".join(out)


def _closing(case: Case, names: dict[str, str], lang: str) -> str:
    c = case.process.closing
    if c is None:
        return ""
    return f"<h2>{esc(t('Afsluiting en nazorg', 'Closing and after-care', lang))}</h2>" + _facts(
        [
            (t("Datum", "Date", lang), date_text(c.date, lang)),
            (t("Reden", "Reason", lang), label(c.reason, lang)),
            (t("Afsluitende activiteit", "Closing activity", lang), c.activity),
            (t("Nazorg", "After-care", lang), c.aftercare_contact),
            (t("Nazorg op", "After-care on", lang), date_text(c.aftercare_date, lang)),
            (t("Signalen", "Warning signs", lang), c.warning_signs),
            (t("Bellen", "Call", lang), person_names(c.call, names)),
            (t("Ook bellen", "Also call", lang), c.call_others),
            (t("Terugweg", "Way back", lang), c.way_back),
            (t("Doorverwezen naar", "Referred to", lang), c.referred_to),
        ]
    )


def case_html(
    case: Case,
    lang: str,
    today: dt.date,
    figures: list[Figure],
    analysis: list[str],
) -> str:
    """The case report for the professional's file: the whole process, what is marked
    sensitive included, the analysis in short (``analysis``, lines) and the pictures."""
    names = names_of(case)
    client = names.get(case.client, "")
    hidden = sensitive_persons(case)
    body = [
        '<p class="note sensitive">'
        + esc(
            t(
                "Voor het dossier van de professional: dit verslag bevat ook wat als gevoelig is "
                "gemarkeerd. Niet delen met het netwerk.",
                "For the professional's file: this report also holds what is marked sensitive. "
                "Do not share it with the network.",
                lang,
            )
        )
        + "</p>"
    ]
    if hidden:
        body.append(
            "<p>"
            + esc(
                t("Gevoelig gemarkeerd: ", "Marked sensitive: ", lang)
                + person_names(sorted(hidden), names)
            )
            + "</p>"
        )
    body.append(_records(case, lang))
    body.append(plan_body(case, lang))
    if case.process.meetings:
        body.append(f"<h2>{esc(t('Bijeenkomsten', 'Meetings', lang))}</h2>")
        body.append(_meetings(case, names, lang))
    if case.process.evaluations:
        body.append(f"<h2>{esc(t('Evaluaties', 'Evaluations', lang))}</h2>")
        body.append(evaluations_body(case.process, client, lang))
    body.append(_closing(case, names, lang))
    if analysis:
        body.append(f"<h2>{esc(t('Analyse in het kort', 'The analysis in short', lang))}</h2>")
        body.append(bullets(esc(line) for line in analysis))
    if figures:
        body.append('<section class="pictures">')
        body.append(f"<h2>{esc(t('Netwerkbeelden', 'Network pictures', lang))}</h2>")
        body += [figure_html(f, lang, height_mm=115.0) for f in figures]
        body.append("</section>")
    subtitle = " · ".join(
        x
        for x in (
            case.title,
            t(f"cliënt: {client}", f"client: {client}", lang),
            date_text(today, lang),
        )
        if x
    )
    return page_html(t("Casusverslag", "Case report", lang), subtitle, "".join(body), lang)
