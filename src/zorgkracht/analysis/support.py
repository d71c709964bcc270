"""Support: coverage per support type, gaps, concentration, reciprocity and care potential.

Support types are the book's letters (ch. 4): P practical, G companionship (gezelschap),
A advice and information, E emotional, and W appreciation (waardering; De Roos & van Dinther,
ch. 11). Who provides what is read from the supporting client ties (see
:mod:`zorgkracht.analysis.view`).

* **Coverage**: for each letter, the sorted ids of the members who provide it. A letter
  without provider is a **gap**.
* **Concentration**: over the set of (provider, letter) pairs, the share given by the
  provider with the most pairs: ``c = max_j |{(j, ℓ)}| / |{(i, ℓ)}|``. ``c = 1`` means one
  person gives all support the client receives: the *mantelval* risk (book ch. 2 and 10).
  When several providers share the maximum, ``person`` is the first by id and ``tied`` lists
  them all.
* **Reciprocity** (Scheffers, book ch. 4: people drop out when they are only asked): the share
  of supporting ties with ``reciprocal = True`` among those where reciprocity is known;
  ties with ``reciprocal = None`` are left out and counted as ``unknown``. Only the informal
  network counts: ties with members whose role is ``professional`` or ``service`` are paid
  help that nobody expects to be returned, so they are left out and counted as ``formal``
  (otherwise every social worker would show as a "one-way" tie).
* **Care potential** (Broese van Groenou & van Tilburg 2007, book ch. 2): members with contact
  at least monthly (``daily``, ``weekly`` or ``monthly``) who give practical support (P).
"""

from __future__ import annotations

from zorgkracht.domain.codes import Frequency, Role, Support

from .results import LETTER, CarePotential, Concentration, Letter, Reciprocity
from .view import SUPPORT_ORDER, NetworkView, providers_of

AT_LEAST_MONTHLY = frozenset({Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY})
FORMAL_ROLES = frozenset({Role.PROFESSIONAL, Role.SERVICE})


def coverage(view: NetworkView) -> dict[Letter, list[str]]:
    """Support letter → sorted ids of its providers, every letter present."""
    return {LETTER[letter]: providers_of(view, letter) for letter in SUPPORT_ORDER}


def gaps(support: dict[Letter, list[str]]) -> list[Letter]:
    """Letters without provider, in the book's order P G A E W."""
    return [letter for letter, providers in support.items() if not providers]


def concentration(view: NetworkView) -> Concentration:
    """Share of all (provider, letter) pairs given by the largest provider."""
    pairs = {pid: len(letters) for pid, letters in view.provided.items() if letters}
    total = sum(pairs.values())
    if total == 0:
        return {"share": None, "person": None, "tied": [], "pairs": 0, "total_pairs": 0}
    top = max(pairs.values())
    tied = sorted(pid for pid, count in pairs.items() if count == top)
    return {
        "share": top / total,
        "person": tied[0],
        "tied": tied,
        "pairs": top,
        "total_pairs": total,
    }


def reciprocity(view: NetworkView) -> Reciprocity:
    """Share of informal supporting ties on which the client gives something back."""
    formal_ids = {p.id for p in view.members if p.role in FORMAL_ROLES}
    informal = [(pid, tie) for pid, tie in view.supporting if pid not in formal_ids]
    yes = sum(1 for _, tie in informal if tie.reciprocal is True)
    no = sum(1 for _, tie in informal if tie.reciprocal is False)
    unknown = sum(1 for _, tie in informal if tie.reciprocal is None)
    known = yes + no
    return {
        "share": yes / known if known else None,
        "reciprocal": yes,
        "not_reciprocal": no,
        "unknown": unknown,
        "formal": len(view.supporting) - len(informal),
        "supporting_ties": len(view.supporting),
        "one_way_persons": sorted({pid for pid, tie in informal if tie.reciprocal is False}),
    }


def care_potential(view: NetworkView) -> CarePotential:
    """Members with contact at least monthly who give practical support."""
    persons = sorted(
        p.id
        for p in view.members
        if p.frequency in AT_LEAST_MONTHLY and Support.PRACTICAL in view.provided.get(p.id, ())
    )
    return {"count": len(persons), "persons": persons}
