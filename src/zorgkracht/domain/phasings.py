"""Phasings: templates of steps over the process records (``shared/domain.md`` §7).

Every chapter of the book warns against rigid use, so a step is a reading aid and a place to
note progress, never a gate: any record can be made at any step.
"""

from __future__ import annotations

from dataclasses import dataclass

from .process_codes import Phasing


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    phase_nl: str
    phase_en: str
    nl: str
    en: str
    records: tuple[str, ...]
    """The process records this step fills (``referral``, ``intake``, ``map``,
    ``help_questions``, ``meetings``, ``actions``, ``team``, ``evaluations``, ``closing``)."""
    lines: str
    """The book's lines it follows."""


def _s(n: int, phase: tuple[str, str], nl: str, en: str, records: str, lines: str) -> Step:
    return Step(n, phase[0], phase[1], nl, en, tuple(records.split()), lines)


_EXPLORE = ("verkennen", "explore")
_MEET = ("beraad", "meet")
_ACT = ("actie", "act")
_ORIENT = ("oriënteren", "orient")
_THINK = ("denken", "think")
_DO = ("doen", "do")

STEPS: dict[Phasing, tuple[Step, ...]] = {
    Phasing.SNS: (
        _s(
            1,
            _EXPLORE,
            "netwerkverkenning en -analyse",
            "network exploration and analysis",
            "referral intake map help_questions",
            "3598-3648",
        ),
        _s(
            2,
            _MEET,
            "familienetwerk-beraad",
            "family network meeting",
            "meetings actions",
            "3667-3692",
        ),
        _s(
            3,
            _ACT,
            "actieteam en trajectcoördinatie",
            "action team and coordination",
            "team actions evaluations closing",
            "3694-3711",
        ),
    ),
    Phasing.VEREIJKEN: (
        _s(1, _EXPLORE, "sociale diagnose", "social diagnosis", "referral intake map", "2094-2104"),
        _s(
            2,
            _MEET,
            "trajectplan (netwerkberaad)",
            "trajectory plan (network meeting)",
            "help_questions meetings actions",
            "2105-2107",
        ),
        _s(3, _ACT, "uitvoering", "carrying out", "actions team", "2109-2112"),
        _s(
            4,
            _ACT,
            "evaluatie en consolidatie",
            "evaluation and consolidation",
            "evaluations closing",
            "2114",
        ),
    ),
    Phasing.SCHEFFERS: (
        _s(
            1,
            _EXPLORE,
            "netwerk inventariseren",
            "taking stock of the network",
            "referral intake map",
            "2118-2121",
        ),
        _s(
            2,
            _EXPLORE,
            "mogelijkheden van het netwerk",
            "the network's possibilities",
            "map help_questions",
            "2123-2130",
        ),
        _s(
            3, _MEET, "werkplan opzetten", "drawing up a work plan", "meetings actions", "2132-2133"
        ),
        _s(
            4, _ACT, "werkplan uitvoeren", "carrying out the work plan", "actions team", "2135-2139"
        ),
        _s(
            5,
            _ACT,
            "eindevaluatie en consolidatie",
            "final evaluation and consolidation",
            "evaluations closing",
            "2141",
        ),
    ),
    Phasing.COACH: (
        _s(
            1,
            _ORIENT,
            "kennismaking en perspectief",
            "getting acquainted and perspective",
            "referral intake",
            "3941-3947",
        ),
        _s(2, _ORIENT, "netwerk in beeld", "the network in view", "map", "3949-3960"),
        _s(3, _ORIENT, "de waarde van het netwerk", "the value of the network", "map", "3961-3977"),
        _s(
            4,
            _THINK,
            "het sociale verkeersplein",
            "the social crossroads",
            "map help_questions",
            "3979-3988",
        ),
        _s(5, _THINK, "rondje positief", "round of positives", "meetings", "3989-4015"),
        _s(
            6,
            _THINK,
            "team up: netwerkberaad",
            "team up: network meeting",
            "meetings team",
            "4016-4036",
        ),
        _s(7, _DO, "kies een top 3", "choose a top 3", "help_questions", "4040-4042"),
        _s(8, _DO, "persoonlijk actieplan", "personal action plan", "actions", "4044-4046"),
        _s(9, _DO, "plan uitvoeren", "carrying out the plan", "actions team", "4048"),
        _s(
            10,
            _DO,
            "leren van ervaringen",
            "learning from experience",
            "evaluations closing",
            "4050-4058",
        ),
    ),
    Phasing.FREE: (),
}
"""The steps of each phasing, in order. The line ranges are checked against the book by a
test; a helper that changes a step checks its lines there."""
