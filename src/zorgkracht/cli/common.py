"""What every ``zorgkracht`` command shares: the language of its messages, the database it
opens, the operator it acts as, and the audit of what it did.

The command line acts as the machine's operator (:meth:`Actor.operator
<zorgkracht.services.permissions.Actor.operator>`: an administrator named ``cli:<os user>``)
and goes through the same use cases of :mod:`zorgkracht.services` as the web application, so
the same permission checks apply. Nothing heavy is imported here at module level: each command
imports what it uses when it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from zorgkracht.domain import InvalidInput, NotFound, Problem, ZorgkrachtError
from zorgkracht.i18n import Text, in_language, language

if TYPE_CHECKING:
    from zorgkracht.services import CaseService
    from zorgkracht.services.audit import Event, Outcome
    from zorgkracht.services.permissions import Actor

from zorgkracht.i18n import Lang

_state: dict[str, str] = {"lang": os.environ.get("ZORGKRACHT_LANG", "nl")}


def set_lang(value: str) -> Lang:
    """Speak ``value`` (``nl`` or ``en``) from now on; ``InvalidInput`` for another value."""
    if value not in ("nl", "en"):
        raise InvalidInput(
            [
                Problem(
                    "--lang",
                    f"onbekende taal {value!r}; kies nl of en",
                    f"unknown language {value!r}; choose nl or en",
                    "enum",
                )
            ]
        )
    _state["lang"] = value
    return language(value)


def lang() -> Lang:
    """The language the command line speaks now."""
    return language(_state["lang"])


def say(nl: str, en: str) -> str:
    """``nl`` or ``en``, in the language the command line speaks."""
    return in_language(Text(nl, en), lang())


def database_url(db: str | None) -> str:
    """The database of ``--db``, else of the settings (``ZORGKRACHT_DATABASE_URL`` or the
    embedded SQLite file)."""
    from zorgkracht.config import Settings

    settings = Settings(database_url=db) if db else Settings()
    return settings.resolved_database_url()


def open_service(db: str | None) -> CaseService:
    """The case service over the database of ``--db``, migrated to the newest schema."""
    from zorgkracht.services import CaseService

    return CaseService.at(database_url(db), migrate=True)


def operator() -> Actor:
    """Who the command line acts as."""
    from zorgkracht.services.permissions import Actor

    return Actor.operator()


def record(
    service: CaseService,
    event: Event,
    case_id: str | None,
    detail: str = "",
    outcome: Outcome | None = None,
) -> None:
    """Record what the command line did (as ``cli:<os user>``)."""
    from zorgkracht.services.audit import AuditService, Outcome

    AuditService.for_store(service.store).record(
        operator(), event, case_id=case_id, detail=detail, outcome=outcome or Outcome.OK
    )


@contextmanager
def audited(
    service: CaseService, event: Event, case_id: str | None, detail: str = ""
) -> Iterator[None]:
    """Record ``event`` when the block ends: ``ok``, ``not_found`` or ``failed``."""
    from zorgkracht.services.audit import Outcome

    try:
        yield
    except NotFound:
        record(service, event, case_id, detail, Outcome.NOT_FOUND)
        raise
    except ZorgkrachtError:
        record(service, event, case_id, detail, Outcome.FAILED)
        raise
    record(service, event, case_id, detail)
