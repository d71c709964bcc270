"""The name a page or picture shows for an ecogram domain.

A domain has a kind (a :class:`~zorgkracht.domain.codes.DomainKind` code) and a name. The
interview makes domains by kind and types no name for them: it stores the kind's code as the
name (:func:`unnamed`; the case file asks for a name), and :func:`domain_label` shows the
kind's standard name in the page's language, so an English page reads "Work or school" and a
Dutch one "Werk of school". Domains made by earlier versions under the Dutch or English
standard name read the same way. A name the professional typed, or one read from a file under
a name of its own, is shown as it is in every language.
"""

from __future__ import annotations

import dataclasses

from zorgkracht.domain import Case
from zorgkracht.domain.codes import DomainKind
from zorgkracht.domain.model import Domain
from zorgkracht.i18n import Text, in_language

__all__ = [
    "STANDARD_NAMES",
    "domain_label",
    "has_own_name",
    "standard_name",
    "unnamed",
    "with_domain_labels",
]

STANDARD_NAMES: dict[DomainKind, Text] = {
    DomainKind.FAMILY: Text("Familie", "Family"),
    DomainKind.FRIENDS: Text("Vrienden", "Friends"),
    DomainKind.NEIGHBOURHOOD: Text("Buurt", "Neighbourhood"),
    DomainKind.WORK: Text("Werk of school", "Work or school"),
    DomainKind.CLUB: Text("Club, vereniging en kerk", "Clubs and church"),
    DomainKind.SOCIAL_WORK: Text("Hulp en diensten", "Care and services"),
}
"""The names of the domains the interview makes, by kind, in Dutch and English; any other
kind is named by its code's label."""


def standard_name(kind: DomainKind) -> Text:
    """The standard name of a domain of ``kind`` in both languages."""
    known = STANDARD_NAMES.get(kind)
    if known is not None:
        return known
    return Text(kind.nl[:1].upper() + kind.nl[1:], kind.en[:1].upper() + kind.en[1:])


def unnamed(kind: DomainKind) -> str:
    """What a domain of ``kind`` that nobody named stores as its name: the kind's code."""
    return kind.value


def has_own_name(domain: Domain) -> bool:
    """Whether ``domain`` carries a name somebody gave it (not empty, not its kind's code and
    not its kind's standard name in either language)."""
    name = domain.name.strip()
    standard = standard_name(domain.kind)
    return name not in ("", domain.kind.value, standard.nl, standard.en)


def domain_label(domain: Domain, lang: str | None) -> str:
    """The name of ``domain`` to show in ``lang``: its own name when it has one
    (:func:`has_own_name`), otherwise its kind's standard name in that language."""
    if has_own_name(domain):
        return domain.name
    return in_language(standard_name(domain.kind), lang)


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
