"""Shared pieces of instrument scoring: answer checks, sums with a missing-answer rule, reasons.

Each instrument's own module decides how many unanswered items a score allows (its manual's
rule); this module only applies that rule the same way everywhere and says why a score is
``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from zorgkracht.domain.codes import INSTRUMENT_ITEMS

from .results import Category, Reason

Answers = dict[str, int | None]


def check_answers(code: str, answers: Answers) -> None:
    """Raise :class:`ValueError` for an item the instrument lacks or an answer out of range.

    The case invariants reject these at input already; this guards direct calls.
    """
    items, low, high = INSTRUMENT_ITEMS[code]
    known = {str(i) for i in range(1, items + 1)}
    for item, value in answers.items():
        if item not in known:
            raise ValueError(f"{code} has no item {item!r}")
        if value is not None and not low <= value <= high:
            raise ValueError(f"{code} item {item}: answer {value} is not between {low} and {high}")


def item_scores(
    answers: Answers, items: Iterable[str], score: Callable[[int], int]
) -> dict[str, int]:
    """``score(answer)`` for every answered item of ``items``."""
    out: dict[str, int] = {}
    for item in items:
        value = answers.get(item)
        if value is not None:
            out[item] = int(score(value))
    return out


def rule_sum(
    scores: dict[str, int],
    items: tuple[str, ...],
    allowed_missing: int,
    name: str,
    reasons: list[Reason],
) -> int | None:
    """Sum of the answered ``items``, or ``None`` (with a reason) when more than
    ``allowed_missing`` of them are unanswered."""
    missing = sum(1 for i in items if i not in scores)
    if missing > allowed_missing:
        reasons.append(too_many_missing(name, missing, allowed_missing, len(items)))
        return None
    return sum(scores[i] for i in items if i in scores)


SCORE_NAMES: dict[str, tuple[str, str]] = {
    "total": ("totaal", "total"),
    "emotional": ("emotionele eenzaamheid", "emotional loneliness"),
    "social": ("sociale eenzaamheid", "social loneliness"),
    "family": ("familie", "family"),
    "friends": ("vrienden", "friends"),
    "perception": ("beleving", "perception"),
}


def too_many_missing(name: str, missing: int, allowed: int, items: int) -> Reason:
    """Why the score ``name`` is ``None``: ``missing`` of ``items`` unanswered, ``allowed`` ok."""
    if allowed == 0:
        nl_rule, en_rule = "er mag geen item open zijn", "no item may be unanswered"
    else:
        nl_rule = f"hoogstens {allowed} mag open zijn"
        en_rule = f"at most {allowed} may be unanswered"
    nl_name, en_name = SCORE_NAMES.get(name, (name, name))
    return {
        "score": name,
        "code": "too_many_missing",
        "missing": missing,
        "allowed_missing": allowed,
        "nl": f"{nl_name}: geen score, {missing} van de {items} items niet beantwoord; {nl_rule}.",
        "en": f"{en_name}: no score, {missing} of {items} items not answered; {en_rule}.",
    }


def band(total: int | None, bands: tuple[tuple[int, Category], ...]) -> Category | None:
    """The label of the first band whose upper bound ``total`` does not exceed."""
    if total is None:
        return None
    for upper, label in bands:
        if total <= upper:
            return label
    raise ValueError(f"score {total} above the last band")
