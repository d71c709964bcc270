"""Research instruments answered with a snapshot, scored exactly as their manuals prescribe.

These are **research instruments, not diagnoses**: every result is labelled
``"kind": "research_instrument"`` and is a number for the conversation with the client. The
items, sources, scoring rules, cut-offs and conditions of use are in ``docs/instruments.md``.

Instrument codes (answer ranges in :data:`zorgkracht.domain.codes.INSTRUMENT_ITEMS`, checked
with the case):

* ``djg11``, ``djg6`` — De Jong Gierveld loneliness scale, see :mod:`.loneliness`.
* ``lsns6`` — Lubben Social Network Scale, 6 items (Lubben et al. 2006). Items 1–3 relatives,
  4–6 friends: 1/4 how many do you see or hear from at least once a month; 2/5 how many do you
  feel at ease with to talk about private matters; 3/6 how many do you feel close to such that
  you could call on them for help. Answers 0 = none, 1 = one, 2 = two, 3 = three or four,
  4 = five to eight, 5 = nine or more. Total 0–30 = the sum; family and friends subscales 0–15.
  Total below 12: at risk of social isolation. The scale gives no rule for unanswered items, so
  a score with any unanswered item is ``None`` (a partial sum is not on the 0–30 scale).
* ``csi`` — Caregiver Strain Index (Robinson 1983), answered by a **carer**: 13 items,
  0 = no, 1 = yes; total 0–13 = the number of yes answers; 7 or more: a high level of strain.
  No rule for unanswered items in the source, so the total is ``None`` with any unanswered.
* ``perception`` — not a scale: the client's own answer to the book's question how they
  experience their network (ch. 5), item 1: 1 = betekenisvol/meaningful, 2 = belastend/
  burdensome. Used by the typology of Machielse & Hortulanus (:mod:`.typology`).
"""

from __future__ import annotations

from collections.abc import Callable

from zorgkracht.domain.model import InstrumentResponse

from .loneliness import score_djg6, score_djg11
from .results import Category, Perception, Reason, ScoredInstrument, Scores
from .scoring import Answers, band, check_answers, item_scores, rule_sum

LSNS_FAMILY = ("1", "2", "3")
LSNS_FRIENDS = ("4", "5", "6")
LSNS_AT_RISK_BELOW = 12
CSI_HIGH_FROM = 7
LSNS_BANDS: tuple[tuple[int, Category], ...] = (
    (LSNS_AT_RISK_BELOW - 1, "at_risk_of_isolation"),
    (30, "not_at_risk"),
)
CSI_BANDS: tuple[tuple[int, Category], ...] = (
    (CSI_HIGH_FROM - 1, "lower_strain"),
    (13, "high_strain"),
)
MEANINGFUL, BURDENSOME = 1, 2

NAMES: dict[str, tuple[str, str, str]] = {
    "djg11": (
        "Eenzaamheidsschaal van De Jong Gierveld (11 items)",
        "De Jong Gierveld Loneliness Scale (11 items)",
        "De Jong Gierveld & Kamphuis 1985; De Jong Gierveld & Van Tilburg, Manual of the"
        " Loneliness Scale 1999 (update 2022); cut-offs Van Tilburg & De Jong Gierveld 1999",
    ),
    "djg6": (
        "Eenzaamheidsschaal van De Jong Gierveld (6 items)",
        "De Jong Gierveld Loneliness Scale (6 items)",
        "De Jong Gierveld & Van Tilburg 2006; Manual of the Loneliness Scale §8",
    ),
    "lsns6": (
        "Lubben Social Network Scale (6 items)",
        "Lubben Social Network Scale (6 items)",
        "Lubben, Blozik, Gillmann, Iliffe, von Renteln Kruse, Beck & Stuck 2006",
    ),
    "csi": (
        "Caregiver Strain Index (belasting van de mantelzorger)",
        "Caregiver Strain Index",
        "Robinson 1983",
    ),
    "perception": (
        "Beleving van het netwerk (vraag aan de cliënt, geen schaal)",
        "Perception of the network (question to the client, not a scale)",
        "Machielse 2003, in the book ch. 5",
    ),
}


def score_lsns6(answers: Answers) -> Scores:
    """Total (0–30), family and friends (0–15) of the LSNS-6; < 12 is at risk of isolation."""
    check_answers("lsns6", answers)
    scores = item_scores(answers, LSNS_FAMILY + LSNS_FRIENDS, lambda v: v)
    reasons: list[Reason] = []
    total = rule_sum(scores, LSNS_FAMILY + LSNS_FRIENDS, 0, "total", reasons)
    family = rule_sum(scores, LSNS_FAMILY, 0, "family", reasons)
    friends = rule_sum(scores, LSNS_FRIENDS, 0, "friends", reasons)
    return {
        "total": total,
        "family": family,
        "friends": friends,
        "max": 30,
        "missing": 6 - len(scores),
        "category": band(total, LSNS_BANDS),
        "cutoff": LSNS_AT_RISK_BELOW,
        "reasons": reasons,
    }


def score_csi(answers: Answers) -> Scores:
    """Number of yes answers (0–13) of the Caregiver Strain Index; 7 or more is high strain."""
    check_answers("csi", answers)
    items = tuple(str(i) for i in range(1, 14))
    scores = item_scores(answers, items, lambda v: v)
    reasons: list[Reason] = []
    total = rule_sum(scores, items, 0, "total", reasons)
    return {
        "total": total,
        "max": 13,
        "missing": 13 - len(scores),
        "category": band(total, CSI_BANDS),
        "cutoff": CSI_HIGH_FROM,
        "reasons": reasons,
    }


def score_perception(answers: Answers) -> Scores:
    """The client's own word: ``meaningful`` or ``burdensome`` (``None`` when not answered)."""
    check_answers("perception", answers)
    value = answers.get("1")
    reasons: list[Reason] = []
    rule_sum(item_scores(answers, ("1",), lambda v: v), ("1",), 0, "perception", reasons)
    perception: Perception | None = (
        None if value is None else "meaningful" if value == MEANINGFUL else "burdensome"
    )
    return {"perception": perception, "missing": 0 if value is not None else 1, "reasons": reasons}


SCORERS: dict[str, Callable[[Answers], Scores]] = {
    "djg11": score_djg11,
    "djg6": score_djg6,
    "lsns6": score_lsns6,
    "csi": score_csi,
    "perception": score_perception,
}


def score_response(response: InstrumentResponse) -> ScoredInstrument:
    """One response scored, or ``scored: False`` with a reason for an unknown code or answer.

    Keys in this order: ``instrument``, ``kind``, ``taken_on``, ``name`` and ``source`` (known
    instruments), ``scored``, then the scorer's keys ending with ``reasons``."""
    code = response.instrument
    taken_on = response.taken_on.isoformat() if response.taken_on else None
    scorer = SCORERS.get(code)
    if scorer is None:
        unknown: Reason = {
            "score": None,
            "code": "unknown_instrument",
            "nl": f"onbekend instrument '{code}'",
            "en": f"unknown instrument '{code}'",
        }
        return {
            "instrument": code,
            "kind": "research_instrument",
            "taken_on": taken_on,
            "scored": False,
            "reasons": [unknown],
        }
    nl, en, source = NAMES[code]
    try:
        scores = scorer(response.answers)
    except ValueError as err:
        invalid: Reason = {"score": None, "code": "invalid_answer", "nl": str(err), "en": str(err)}
        return {
            "instrument": code,
            "kind": "research_instrument",
            "taken_on": taken_on,
            "name": {"nl": nl, "en": en},
            "source": source,
            "scored": False,
            "reasons": [invalid],
        }
    return {
        "instrument": code,
        "kind": "research_instrument",
        "taken_on": taken_on,
        "name": {"nl": nl, "en": en},
        "source": source,
        "scored": True,
        **scores,
    }


def score_instruments(responses: list[InstrumentResponse]) -> list[ScoredInstrument]:
    """Every response of a snapshot, scored, in the order they were stored."""
    return [score_response(r) for r in responses]
