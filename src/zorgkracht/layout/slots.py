"""``slot(id)`` and ``ids()`` for the layouts made of :class:`~zorgkracht.layout.radial.Slot`.

This module imports :mod:`~zorgkracht.layout.radial`, never the other way round: the layouts
import ``SlotLookup`` from here. A plain Python class on purpose (this module is not compiled,
see ``docs/compiled.md``): a class compiled by mypyc gives its annotated attributes
class-level descriptors, which ``@dataclass`` in a subclass would take for defaults.
"""

from __future__ import annotations

from .radial import Slot


class SlotLookup:
    """``slot(id)`` and ``ids()`` for a layout with ``client`` and ``persons`` slots (the
    netwerkkaart, netwerkschema and sociogram layouts)."""

    __slots__ = ()
    client: Slot | None
    persons: tuple[Slot, ...]

    def slot(self, person_id: str) -> Slot:
        for s in self.persons:
            if s.id == person_id:
                return s
        if self.client is not None and self.client.id == person_id:
            return self.client
        raise KeyError(person_id)

    def ids(self) -> list[str]:
        return [s.id for s in self.persons]
