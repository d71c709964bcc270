"""One exception hierarchy for the whole application.

Every error a user can cause carries its message in Dutch and in English and, where it has one,
the place it refers to (a file, row, column, field or id). The command line and the web layer map
these to clean messages; nothing here knows about either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with some input: where it is and why, in Dutch and English."""

    where: str
    nl: str
    en: str
    code: str = "invalid"

    def text(self, lang: str = "nl") -> str:
        message = self.en if lang == "en" else self.nl
        return f"{self.where}: {message}" if self.where else message


class ZorgkrachtError(Exception):
    """Base of every error the application raises on purpose."""

    exit_code = 1

    def __init__(self, nl: str, en: str | None = None) -> None:
        self.nl = nl
        self.en = en if en is not None else nl
        super().__init__(self.en)

    def text(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl

    def __str__(self) -> str:
        if self.nl == self.en:
            return self.nl
        return f"{self.nl} / {self.en}"


class InvalidInput(ZorgkrachtError):
    """Input that breaks the rules: carries every problem found, not only the first."""

    exit_code = 2

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        prefix_nl = f"{source}: " if source else ""
        count = len(self.problems)
        head_nl = (
            f"{prefix_nl}{count} {'fout' if count == 1 else 'fouten'} gevonden, niets opgeslagen"
        )
        head_en = (
            f"{source + ': ' if source else ''}{count} problem{'s' if count != 1 else ''} found, "
            "nothing was stored"
        )
        nl = "\n".join([head_nl, *(f"  - {p.text('nl')}" for p in self.problems)])
        en = "\n".join([head_en, *(f"  - {p.text('en')}" for p in self.problems)])
        super().__init__(nl, en)

    def __str__(self) -> str:
        lines = [self.nl.splitlines()[0] + " / " + self.en.splitlines()[0]]
        for p in self.problems:
            where = f"{p.where}: " if p.where else ""
            lines.append(f"  - {where}{p.nl} / {p.en}")
        return "\n".join(lines)


class NotFound(ZorgkrachtError):
    exit_code = 3


class Conflict(ZorgkrachtError):
    """Someone else changed the same thing first (optimistic concurrency)."""

    exit_code = 4


class StorageUnavailable(ZorgkrachtError):
    """The database cannot be used. ``nl``/``en`` say which database and why (for the command
    line and the operator's log); ``public_nl``/``public_en`` are what a web client is told:
    never a URL or a driver's message."""

    exit_code = 5

    def __init__(
        self,
        nl: str,
        en: str | None = None,
        *,
        public_nl: str = "De database is op dit moment niet bereikbaar; probeer het later opnieuw.",
        public_en: str = "The database cannot be reached at the moment; please try again later.",
    ) -> None:
        super().__init__(nl, en)
        self.public_nl = public_nl
        self.public_en = public_en


def raise_if(problems: Iterable[Problem], source: str | None = None) -> None:
    found = list(problems)
    if found:
        raise InvalidInput(found, source)
