"""The name a page or picture shows for an ecogram domain.

The interview makes a domain of a standard kind with a standard name (``Buurt`` for the
neighbourhood, ``Werk of school`` for work); the case file keeps that name as it is, and
:func:`domain_label` shows it in the page's language, so an English page reads "Work or school".
A domain the professional renamed, or one read from a file under a name of its own, shows its
own name in every language.
"""

from __future__ import annotations

import dataclasses

from zorgkracht.domain import Case
from zorgkracht.domain.codes import DomainKind
from zorgkracht.domain.model import Domain
from zorgkracht.i18n import Text, in_language

__all__ = ["STANDARD_NAMES", "domain_label", "standard_name", "with_domain_labels"]

STANDARD_NAMES: dict[DomainKind, Text] = {
    DomainKind.NEIGHBOURHOOD: Text("Buurt", "Neighbourhood"),
    DomainKind.WORK: Text("Werk of school", "Work or school"),
    DomainKind.CLUB: Text("Club, vereniging en kerk", "Clubs and church"),
    DomainKind.SOCIAL_WORK: Text("Hulp en diensten", "Care and services"),
}
"""The names the interview gives the domains it makes, by kind, in Dutch and English."""


def standard_name(kind: DomainKind) -> Text | None:
    """The standard name of a domain of ``kind`` (``None`` for a kind the interview never
    makes)."""
    return STANDARD_NAMES.get(kind)


def domain_label(domain: Domain, lang: str | None) -> str:
    """The name of ``domain`` to show in ``lang``: its kind's standard name in that language
    when it carries that name (in Dutch or English), otherwise its own name."""
    standard = STANDARD_NAMES.get(domain.kind)
    if standard is not None and domain.name in (standard.nl, standard.en):
        return in_language(standard, lang)
    return domain.name


def with_domain_labels(case: Case, lang: str | None) -> Case:
    """``case`` with every domain named as :func:`domain_label` says, for drawing; the same
    object when no name changes (so a picture of a case without standard names is the picture
    of the case itself)."""
    network = case.network
    labels = [domain_label(d, lang) for d in network.domains]
    if all(label == d.name for label, d in zip(labels, network.domains, strict=True)):
        return case
    domains = [
        d if label == d.name else dataclasses.replace(d, name=label)
        for label, d in zip(labels, network.domains, strict=True)
    ]
    return dataclasses.replace(case, network=dataclasses.replace(network, domains=domains))
