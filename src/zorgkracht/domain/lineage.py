"""Parent lines: who hangs from whom, and the line that would run round (nobody may become
their own ancestor).

One question answers both ways a case changes: :meth:`ParentLines.chain` says whether hanging a
child from a parent closes a line. An edit asks it of the relation it adds or changes, against
every other relation; a case that is read asks it relation by relation in file order
(:func:`cycle_finder`), so every cycle is reported once, at the parent that closes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import ChildRelation
from .rules import Cycle


class ParentLines:
    """Child → parents, built relation by relation."""

    __slots__ = ("parents",)

    def __init__(self, children: Iterable[ChildRelation] = (), skip: str | None = None) -> None:
        self.parents: dict[str, list[str]] = {}
        for rel in children:
            if rel.id != skip:
                for parent in rel.parents:
                    self.add(rel.child, parent)

    def add(self, child: str, parent: str) -> None:
        if parent != child:
            self.parents.setdefault(child, []).append(parent)

    def chain(self, child: str, parent: str) -> list[str] | None:
        """The line ``child → parent → ... → child`` when ``child`` is already an ancestor of
        ``parent`` (so hanging ``child`` from ``parent`` would close it), else ``None``."""
        below: dict[str, str | None] = {parent: None}
        todo = [parent]
        while todo:
            current = todo.pop()
            if current == child:
                line: list[str] = []
                node: str | None = current
                while node is not None:
                    line.append(node)
                    node = below[node]
                return [child, *reversed(line)]
            for up in self.parents.get(current, ()):
                if up not in below:
                    below[up] = current
                    todo.append(up)
        return None

    def closes(self, rel: ChildRelation, parent: str) -> list[str] | None:
        """:meth:`chain` for ``rel``: a :data:`~zorgkracht.domain.rules.Cycle`."""
        return self.chain(rel.child, parent)


def _in_cycles(children: Sequence[ChildRelation]) -> set[str]:
    """Persons that may lie on a cycle: what remains when everyone without a child relation
    pointing at them is taken away, over and over (Kahn). Empty when no line runs round."""
    pointing: dict[str, int] = {}
    ups: dict[str, list[str]] = {}
    for rel in children:
        for parent in rel.parents:
            if parent != rel.child:
                ups.setdefault(rel.child, []).append(parent)
                pointing[parent] = pointing.get(parent, 0) + 1
                pointing.setdefault(rel.child, 0)
    free = [node for node, n in pointing.items() if n == 0]
    while free:
        node = free.pop()
        del pointing[node]
        for up in ups.get(node, ()):
            pointing[up] -= 1
            if pointing[up] == 0:
                free.append(up)
    return set(pointing)


def cycle_finder(children: Sequence[ChildRelation]) -> Cycle:
    """The :data:`~zorgkracht.domain.rules.Cycle` of a whole network: the parent of each
    relation (in order) that closes a line run round through the relations before it."""
    suspects = _in_cycles(children)
    if not suspects:
        return lambda rel, parent: None
    lines = ParentLines()
    closing: dict[tuple[int, str], list[str]] = {}
    for rel in children:
        if rel.child not in suspects:
            continue
        for parent in dict.fromkeys(rel.parents):
            if parent == rel.child or parent not in suspects:
                continue
            found = lines.chain(rel.child, parent)
            if found is None:
                lines.add(rel.child, parent)
            else:
                closing[(id(rel), parent)] = found
    return lambda rel, parent: closing.get((id(rel), parent))
