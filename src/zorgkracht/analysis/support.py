"""Support: coverage per support type, gaps, concentration, reciprocity and care potential.

Support types are the book's letters (ch. 4): P practical, G companionship (gezelschap),
A advice and information, E emotional, and W appreciation (waardering; De Roos & van Dinther,
ch. 11). Who provides what is read from the supporting client ties (see
:mod:`zorgkracht.analysis.view`).

* **Coverage**: for each letter, the sorted ids of the members who provide it. A letter
  without provider is a **gap**.
* **Informal providers** (domain §3 and §6): members of the informal network — kin and the
  friendly sector, that is every role but ``professional`` and ``service`` (an unknown role
  counts as informal, as for reciprocity) — who are one person, not an ``organisation``.
* **Concentration** ("Hoeveel rust op één persoon"): over the set of (provider, letter) pairs
  of *informal* providers, the share given by the provider with the most pairs:
  ``c = max_j |{(j, ℓ)}| / |{(i, ℓ)}|``. ``c = 1`` means one person of the client's own circle
  gives all the informal support: the *mantelval* risk (book 1111–1114 and 4681: the primary
  carers carry the care alone). A social worker carrying much is no mantelval — that is their
  work (Flodder: Sjakie, 1872–1873) — so professionals, service providers and organisations are
  left out and their pairs counted as ``formal_pairs``. When several providers share the
  maximum, ``person`` is the first by id and ``tied`` lists them all.
* **Reciprocity** (Scheffers, book ch. 4: people drop out when they are only asked): the share
  of supporting ties with ``reciprocal = True`` among those where reciprocity is known;
  ties with ``reciprocal = None`` are left out and counted as ``unknown``. Only the informal
  network counts: ties with members whose role is ``professional`` or ``service`` are paid
  help that nobody expects to be returned, so they are left out and counted as ``formal``
  (otherwise every social worker would show as a "one-way" tie).
* **Care potential** (Broese van Groenou & van Tilburg 2007, book 1100–1109): informal
  providers (above) with contact at least monthly (``daily``, ``weekly`` or ``monthly``) who
  give practical support (P) and do not receive care themselves (``receives_care``). The book
  finds them "onder de kinderen … en buren … overige familieleden en vrienden" (1107–1108):
  the informal network, not the debt counsellor or the family worker (Tavenier), and not
  someone who is cared for (Opa Flodder, 1733).
* **Energy**: per member the client's answer whether the contact ``gives`` energy, ``costs``
  energy or ``both`` (the netwerkcirkel of the Pauline case, ch. 11): how many, and who.
"""

from __future__ import annotations

from zorgkracht.domain.codes import Energy, Frequency, Role, Support
from zorgkracht.domain.model import Person

from .results import (
    LETTER,
    CarePotential,
    Concentration,
    EnergyPersons,
    EnergySummary,
    Letter,
    Reciprocity,
)
from .view import SUPPORT_ORDER, NetworkView, providers_of

AT_LEAST_MONTHLY = frozenset({Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY})
FORMAL_ROLES = frozenset({Role.PROFESSIONAL, Role.SERVICE})


def is_informal(person: Person) -> bool:
    """A member of the informal network: not paid help (professional, service), not an
    organisation."""
    return person.role not in FORMAL_ROLES and not person.organisation


def coverage(view: NetworkView) -> dict[Letter, list[str]]:
    """Support letter → sorted ids of its providers, every letter present."""
    return {LETTER[letter]: providers_of(view, letter) for letter in SUPPORT_ORDER}


def gaps(support: dict[Letter, list[str]]) -> list[Letter]:
    """Letters without provider, in the book's order P G A E W."""
    return [letter for letter, providers in support.items() if not providers]


def concentration(view: NetworkView) -> Concentration:
    """Share of all informal (provider, letter) pairs given by the largest informal provider."""
    informal = {p.id for p in view.members if is_informal(p)}
    pairs = {
        pid: len(letters) for pid, letters in view.provided.items() if letters and pid in informal
    }
    formal = sum(len(x) for pid, x in view.provided.items() if pid not in informal)
    total = sum(pairs.values())
    if total == 0:
        return {
            "share": None,
            "person": None,
            "tied": [],
            "pairs": 0,
            "total_pairs": 0,
            "formal_pairs": formal,
        }
    top = max(pairs.values())
    tied = sorted(pid for pid, count in pairs.items() if count == top)
    return {
        "share": top / total,
        "person": tied[0],
        "tied": tied,
        "pairs": top,
        "total_pairs": total,
        "formal_pairs": formal,
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
    """Informal members, not cared for, with contact at least monthly who give practical
    support."""
    persons = sorted(
        p.id
        for p in view.members
        if is_informal(p)
        and not p.receives_care
        and p.frequency in AT_LEAST_MONTHLY
        and Support.PRACTICAL in view.provided.get(p.id, ())
    )
    return {"count": len(persons), "persons": persons}


def energy(view: NetworkView) -> EnergySummary:
    """How many members give the client energy, cost energy or both, and who (the netwerkcirkel
    of the Pauline case, book ch. 11). Members without an answer count as ``unknown``."""

    def who(kind: Energy) -> list[str]:
        return sorted(p.id for p in view.members if p.energy is kind)

    persons: EnergyPersons = {
        "gives": who(Energy.GIVES),
        "costs": who(Energy.COSTS),
        "both": who(Energy.BOTH),
    }
    return {
        "gives": len(persons["gives"]),
        "costs": len(persons["costs"]),
        "both": len(persons["both"]),
        "unknown": sum(1 for p in view.members if p.energy is None),
        "persons": persons,
    }
