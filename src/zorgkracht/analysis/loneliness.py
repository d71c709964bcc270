"""The De Jong Gierveld loneliness scale, 11 items (``djg11``) and 6 items (``djg6``).

Source: De Jong Gierveld & Van Tilburg, *Manual of the Loneliness Scale* (1999, online update
2022), §7 (processing), §8 (the short scale) and §9 (cut-off points); De Jong Gierveld &
Kamphuis 1985 (11 items); De Jong Gierveld & Van Tilburg 2006 (6 items); Van Tilburg & De Jong
Gierveld 1999 (cut-off points of the 11-item scale). A research instrument, not a diagnosis.

Scoring is dichotomous, as the manual prescribes: on a **negatively** worded item (emotional
loneliness) the neutral answer and the agreeing answers count 1; on a **positively** worded item
(social loneliness) the neutral answer and the disagreeing answers count 1. The neutral answer
"min of meer / more or less" therefore always counts as lonely.

``djg11`` answers: 1 = ja!/yes!, 2 = ja/yes, 3 = min of meer/more or less, 4 = nee/no,
5 = nee!/no! (with three answers only, record yes = 2, more or less = 3, no = 4). Items, in the
manual's order (E = emotional, negative; S = social, positive):
1 S always someone to talk to · 2 E miss a really close friend · 3 E general sense of
emptiness · 4 S plenty of people to lean on · 5 E miss the pleasure of company · 6 E circle of
friends too limited · 7 S many people I trust completely · 8 S enough people I feel close to ·
9 E miss having people around · 10 E often feel rejected · 11 S can call on friends.
Total 0–11 (at most 2 items unanswered), emotional 0–6 and social 0–5 (at most 1 unanswered
each); the score is the count over the answered items. Categories of the total: 0–2 not
lonely, 3–8 moderately, 9–10 severely, 11 very severely lonely.

``djg6`` answers: 1 = ja/yes, 2 = min of meer/more or less, 3 = nee/no (the manual's SPSS
syntax numbers them the other way round, no = 1: recode such data). Items in the order of the
manual's short scale, 11-item numbers in brackets: 1 E emptiness (3) · 2 S people to rely on
(4) · 3 S people I trust completely (7) · 4 E miss having people around (9) · 5 S people I feel
close to (8) · 6 E often feel rejected (10). Total 0–6 with at most 1 item unanswered; each
subscale 0–3 with none unanswered (the manual's syntax). Categories of the total: 0–1 not
lonely, 2–4 moderately, 5–6 severely lonely; of each subscale: 0 not lonely, 1–3 lonely.
"""

from __future__ import annotations

from .results import Category, Reason, Scores
from .scoring import Answers, band, check_answers, item_scores, rule_sum

DJG11_EMOTIONAL = ("2", "3", "5", "6", "9", "10")
DJG11_SOCIAL = ("1", "4", "7", "8", "11")
DJG11_BANDS: tuple[tuple[int, Category], ...] = (
    (2, "not_lonely"),
    (8, "moderately_lonely"),
    (10, "severely_lonely"),
    (11, "very_severely_lonely"),
)

DJG6_EMOTIONAL = ("1", "4", "6")
DJG6_SOCIAL = ("2", "3", "5")
DJG6_BANDS: tuple[tuple[int, Category], ...] = (
    (1, "not_lonely"),
    (4, "moderately_lonely"),
    (6, "severely_lonely"),
)
SUBSCALE_BANDS: tuple[tuple[int, Category], ...] = ((0, "not_lonely"), (99, "lonely"))

LONELY_THRESHOLD = {"djg11": 3, "djg6": 2}
"""Lowest total that is (at least moderately) lonely: the manuals' first cut-off."""


def score_djg11(answers: Answers) -> Scores:
    """Total, emotional and social scores of the 11-item scale, with the manual's categories."""
    check_answers("djg11", answers)
    scores = item_scores(answers, DJG11_EMOTIONAL, lambda v: v <= 3)
    scores.update(item_scores(answers, DJG11_SOCIAL, lambda v: v >= 3))
    reasons: list[Reason] = []
    items = DJG11_EMOTIONAL + DJG11_SOCIAL
    total = rule_sum(scores, items, 2, "total", reasons)
    emotional = rule_sum(scores, DJG11_EMOTIONAL, 1, "emotional", reasons)
    social = rule_sum(scores, DJG11_SOCIAL, 1, "social", reasons)
    return {
        "total": total,
        "emotional": emotional,
        "social": social,
        "max": 11,
        "missing": 11 - len(scores),
        "category": band(total, DJG11_BANDS),
        "reasons": reasons,
    }


def score_djg6(answers: Answers) -> Scores:
    """Total, emotional and social scores of the 6-item scale, with the manual's categories."""
    check_answers("djg6", answers)
    scores = item_scores(answers, DJG6_EMOTIONAL, lambda v: v <= 2)
    scores.update(item_scores(answers, DJG6_SOCIAL, lambda v: v >= 2))
    reasons: list[Reason] = []
    total = rule_sum(scores, ("1", "2", "3", "4", "5", "6"), 1, "total", reasons)
    emotional = rule_sum(scores, DJG6_EMOTIONAL, 0, "emotional", reasons)
    social = rule_sum(scores, DJG6_SOCIAL, 0, "social", reasons)
    return {
        "total": total,
        "emotional": emotional,
        "social": social,
        "max": 6,
        "missing": 6 - len(scores),
        "category": band(total, DJG6_BANDS),
        "emotional_category": band(emotional, SUBSCALE_BANDS),
        "social_category": band(social, SUBSCALE_BANDS),
        "reasons": reasons,
    }
