"""The base of every code enumeration: a string enum whose members carry Dutch and English
labels. The labels are registered by the modules that define the codes (:mod:`.codes`,
:mod:`.process_codes`)."""

from __future__ import annotations

from enum import StrEnum

_LABELS: dict[tuple[str, str], tuple[str, str]] = {}


class Coded(StrEnum):
    """A string enumeration whose members carry a Dutch and an English label."""

    @property
    def nl(self) -> str:
        return _LABELS.get((type(self).__name__, self.value), (self.value, self.value))[0]

    @property
    def en(self) -> str:
        return _LABELS.get((type(self).__name__, self.value), (self.value, self.value))[1]


def register_labels(labels: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Add the Dutch and English labels of codes: (enum class name, code) → (nl, en)."""
    _LABELS.update(labels)
