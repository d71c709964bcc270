"""Order the persons within each genogram row and give them x positions.

A row is a list of *blocks*: a person alone, or a cluster of partners (with their pets) that
stays together. Blocks are ordered by barycentric sweeps (a block goes under the couple lines it
hangs from, and over its children), siblings oldest left; then x positions come from a weighted
least-squares fit that keeps the order and the minimum gaps (:func:`~.geometry.isotonic`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from zorgkracht.domain.codes import Gender

from .family import FamilyGraph
from .geometry import isotonic

PARTNER_GAP = 24.0
BLOCK_GAP = 28.0
FAMILY_GAP = 20.0
SWEEPS = 4
ROUNDS = 4
_NO_YEAR = 10_000


@dataclass(slots=True)
class Block:
    members: list[str]
    widths: list[float]
    key: int
    left: float = 0.0

    @property
    def width(self) -> float:
        return sum(self.widths) + PARTNER_GAP * (len(self.widths) - 1)

    def offsets(self) -> list[float]:
        """Centre of each member relative to the block's left edge."""
        out: list[float] = []
        x = 0.0
        for w in self.widths:
            out.append(x + w / 2)
            x += w + PARTNER_GAP
        return out


class Arranger:
    """Blocks per row, their order and their x positions, for one :class:`FamilyGraph`."""

    def __init__(self, graph: FamilyGraph, width_of: Callable[[str], float], index: str) -> None:
        self.g = graph
        self.width_of = width_of
        self.index = index
        self.fam = {f.key: f for f in graph.families}
        self.parent_fams: dict[str, list[str]] = {}
        self.child_fams: dict[str, list[str]] = {}
        self.fam_children: dict[str, list[str]] = {}
        self.sib_key: dict[str, tuple[int, int, int]] = {}
        self._index_relations()
        self.level: dict[str, int] = {}
        self.center: dict[str, float] = {}
        self.rows: list[list[Block]] = self._build_blocks()

    # -- structure -------------------------------------------------------------------------

    def _index_relations(self) -> None:
        groups: dict[tuple[str, str], list[int]] = {}
        for i, (ch, key) in enumerate(self.g.child_relations):
            if key not in self.parent_fams.setdefault(ch.child, []):
                self.parent_fams[ch.child].append(key)
            kids = self.fam_children.setdefault(key, [])
            if ch.child not in kids:
                kids.append(ch.child)
            for parent in self.fam[key].parents:
                fams = self.child_fams.setdefault(parent, [])
                if key not in fams:
                    fams.append(key)
            if ch.twin_group is not None:
                groups.setdefault((key, ch.twin_group), []).append(i)
        twin_of: dict[int, tuple[int, int]] = {}
        for members in groups.values():
            years = [self.g.person(self.g.child_relations[i][0].child).birth_year for i in members]
            known = [y for y in years if y is not None]
            group_key = (min(known) if known else _NO_YEAR, min(members))
            for i in members:
                twin_of[i] = group_key
        for i, (ch, _key) in enumerate(self.g.child_relations):
            if ch.child in self.sib_key:
                continue
            year = self.g.person(ch.child).birth_year
            own = (year if year is not None else _NO_YEAR, i)
            self.sib_key[ch.child] = (*twin_of.get(i, own), i)

    def _build_blocks(self) -> list[list[Block]]:
        g = self.g
        count = max(g.generation.values(), default=-1) + 1
        rows: list[list[Block]] = [[] for _ in range(count)]
        partners: dict[str, list[tuple[tuple[int, int], str, str]]] = {}
        for ps in g.partnerships:
            if g.generation[ps.a] == g.generation[ps.b]:
                partners.setdefault(ps.a, []).append((ps.order, ps.b, ps.id))
                partners.setdefault(ps.b, []).append((ps.order, ps.a, ps.id))
        for plist in partners.values():
            plist.sort()
        seen: set[str] = set()
        for person in g.persons:
            pid = person.id
            if pid in seen or pid in g.owner:
                continue
            component = [pid]
            seen.add(pid)
            i = 0
            while i < len(component):
                for _order, other, _ps in partners.get(component[i], []):
                    if other not in seen:
                        seen.add(other)
                        component.append(other)
                i += 1
            members = self._arrange(component, partners)
            members = self._with_pets(members, partners)
            block = Block(members, [self.width_of(m) for m in members], g.order[pid])
            rows[g.generation[pid]].append(block)
        for row in rows:
            for block in row:
                self._levels(block)
        return rows

    def _arrange(
        self, component: list[str], partners: dict[str, list[tuple[tuple[int, int], str, str]]]
    ) -> list[str]:
        """Partners in chronological order left to right around the person with the most
        partners: the earlier half on the left, the later half on the right."""
        g = self.g
        if len(component) == 1:
            return component
        if len(component) == 2:
            a, b = component
            ga, gb = g.person(a).gender, g.person(b).gender
            if ga is not Gender.MALE and gb is Gender.MALE:
                return [b, a]
            if ga is Gender.MALE or g.order[a] < g.order[b]:
                return [a, b]
            return [b, a]
        centre = min(
            component, key=lambda p: (-len(partners.get(p, [])), p != self.index, g.order[p])
        )
        placed = {centre}
        left: list[str] = []  # from the centre outwards
        right: list[str] = []
        queue: list[tuple[str, int]] = [(centre, 0)]
        while queue:
            pid, side = queue.pop(0)
            new = [o for _k, o, _ps in partners.get(pid, []) if o not in placed]
            placed.update(new)
            if side == 0:
                half = (len(new) + 1) // 2
                to_left, to_right = new[:half], new[half:]
            elif side < 0:
                to_left, to_right = new, []
            else:
                to_left, to_right = [], new
            left.extend(reversed(to_left))
            right.extend(to_right)
            queue.extend((o, -1) for o in reversed(to_left))
            queue.extend((o, 1) for o in to_right)
        return [*reversed(left), centre, *right]

    def _with_pets(
        self, members: list[str], partners: dict[str, list[tuple[tuple[int, int], str, str]]]
    ) -> list[str]:
        """Each pet right beside its owner, on the side with fewer of the owner's partners."""
        out = list(members)
        for pet, owner in self.g.owner.items():
            if owner not in out:
                continue
            at = out.index(owner)
            mine = {o for _k, o, _ps in partners.get(owner, [])}
            on_left = sum(1 for m in out[:at] if m in mine)
            on_right = sum(1 for m in out[at + 1 :] if m in mine)
            if on_right <= on_left:
                at += 1
                while at < len(out) and out[at] in self.g.owner:
                    at += 1
                out.insert(at, pet)
            else:
                out.insert(at, pet)
        return out

    def _levels(self, block: Block) -> None:
        """Depth of each couple line under the block: lines over the same stretch get
        different depths, the shortest line highest."""
        pos = {m: i for i, m in enumerate(block.members)}
        spans: list[tuple[int, int, tuple[int, int], str]] = []
        for ps in self.g.partnerships:
            if ps.a in pos and ps.b in pos:
                lo, hi = sorted((pos[ps.a], pos[ps.b]))
                spans.append((hi - lo, lo, ps.order, ps.id))
        taken: dict[int, list[tuple[int, int]]] = {}
        for width, lo, _order, ps_id in sorted(spans):
            hi = lo + width
            level = 1
            while any(max(lo, a) < min(hi, b) for a, b in taken.get(level, [])):
                level += 1
            taken.setdefault(level, []).append((lo, hi))
            self.level[ps_id] = level

    # -- positions -------------------------------------------------------------------------

    def _pack(self, row: list[Block]) -> None:
        x = 0.0
        prev: Block | None = None
        for block in row:
            if prev is not None:
                x += self._gap(prev, block)
            block.left = x
            x += block.width
            prev = block
        shift = -x / 2
        for block in row:
            block.left += shift
        self._centres(row)

    def _centres(self, row: list[Block]) -> None:
        for block in row:
            for m, off in zip(block.members, block.offsets(), strict=True):
                self.center[m] = block.left + off

    def _family(self, block: Block) -> str | None:
        for m in block.members:
            fams = self.parent_fams.get(m)
            if fams:
                return fams[0]
        return None

    def _gap(self, a: Block, b: Block) -> float:
        fa, fb = self._family(a), self._family(b)
        return BLOCK_GAP + (FAMILY_GAP if fa != fb else 0.0)

    def drop(self, key: str) -> float:
        parents = self.fam[key].parents
        return sum(self.center[p] for p in parents) / len(parents)

    def _children_mid(self, key: str) -> float | None:
        xs = [self.center[c] for c in self.fam_children.get(key, []) if c in self.center]
        return (min(xs) + max(xs)) / 2 if xs else None

    def _up_targets(self, m: str) -> list[float]:
        """Where ``m`` would like to be to hang under its parents."""
        return [self.drop(f) for f in self.parent_fams.get(m, [])]

    def _down_targets(self, m: str) -> list[float]:
        """Where ``m`` would like to be to stand over its children."""
        out: list[float] = []
        for f in self.child_fams.get(m, []):
            mid = self._children_mid(f)
            if mid is not None:
                out.append(mid + self.center[m] - self.drop(f))
        return out

    def _key(self, block: Block, up: bool) -> float:
        values: list[float] = []
        for m, _off in zip(block.members, block.offsets(), strict=True):
            values.extend(self._up_targets(m) if up else self._down_targets(m))
        if not values:
            for m in block.members:
                anchor = self.g.anchor.get(m)
                if anchor is not None and anchor in self.center:
                    return self.center[anchor] + 0.5
            return block.left + block.width / 2
        return sum(values) / len(values)

    def _sib(self, block: Block) -> tuple[int, int, int]:
        return min(
            (self.sib_key[m] for m in block.members if m in self.sib_key),
            default=(_NO_YEAR, _NO_YEAR, _NO_YEAR),
        )

    def _reorder(self, r: int, up: bool) -> None:
        row = self.rows[r]
        keyed = [(self._key(b, up), self._sib(b), b.key, b) for b in row]
        keyed.sort(key=lambda t: (t[0], t[1], t[2]))
        row[:] = [t[3] for t in keyed]
        self._birth_order(row)
        if up:
            for block in row:
                self._mirror(block)
        self._pack(row)

    def _birth_order(self, row: list[Block]) -> None:
        """Children of one family stand oldest left, whatever the barycentres say."""
        for family in self.g.families:
            kids = self.fam_children.get(family.key, [])
            slots: list[tuple[int, str]] = []
            for i, block in enumerate(row):
                mine = [m for m in block.members if m in kids]
                if len(mine) > 1:
                    slots = []
                    break
                if mine:
                    slots.append((i, mine[0]))
            if len(slots) < 2:
                continue
            blocks = {kid: row[i] for i, kid in slots}
            ordered = sorted((kid for _i, kid in slots), key=lambda k: self.sib_key[k])
            for (i, _old), kid in zip(slots, ordered, strict=True):
                row[i] = blocks[kid]

    def _mirror(self, block: Block) -> None:
        """Turn a cluster of partners round when that brings partners nearer their parents."""
        if len(block.members) < 2:
            return

        def cost(members: list[str]) -> float:
            trial = Block(members, [self.width_of(m) for m in members], block.key, block.left)
            total = 0.0
            for m, off in zip(trial.members, trial.offsets(), strict=True):
                for target in self._up_targets(m):
                    total += abs(trial.left + off - target)
            return total

        flipped = list(reversed(block.members))
        if cost(flipped) < cost(block.members) - 1e-6:
            block.members = flipped
            block.widths = list(reversed(block.widths))

    def order(self) -> None:
        for row in self.rows:
            self._pack(row)
        for r in range(1, len(self.rows)):
            self._reorder(r, up=True)
        for _ in range(SWEEPS):
            for r in reversed(range(len(self.rows) - 1)):
                self._reorder(r, up=False)
            for r in range(1, len(self.rows)):
                self._reorder(r, up=True)

    def _sib_offsets(self, key: str, row: list[Block]) -> dict[str, float]:
        members = {m for block in row for m in block.members}
        kids = sorted(
            (c for c in self.fam_children.get(key, []) if c in members),
            key=lambda c: self.center[c],
        )
        widths = [self.width_of(c) for c in kids]
        total = sum(widths) + BLOCK_GAP * (len(kids) - 1)
        out: dict[str, float] = {}
        x = -total / 2
        for kid, w in zip(kids, widths, strict=True):
            out[kid] = x + w / 2
            x += w + BLOCK_GAP
        return out

    def _place(self, r: int, up: bool) -> None:
        """Move each person of row ``r`` towards its parents (``up``) or its children, keeping
        the order and the minimum gaps. Partners may drift apart, so that several couples of one
        person each get room for their children; a person with no wish of their own follows the
        rest of their block."""
        row = self.rows[r]
        items: list[str] = []
        desired: list[float] = []
        weights: list[float] = []
        minimum: list[float] = []
        sib: dict[str, dict[str, float]] = {}
        for b, block in enumerate(row):
            wishes: list[tuple[str, list[float]]] = []
            for m in block.members:
                targets: list[float] = []
                if up:
                    for f in self.parent_fams.get(m, []):
                        if f not in sib:
                            sib[f] = self._sib_offsets(f, row)
                        targets.append(self.drop(f) + sib[f].get(m, 0.0))
                else:
                    targets = self._down_targets(m)
                anchor = self.g.anchor.get(m)
                if not targets and anchor is not None and anchor in self.center:
                    targets = [self.center[anchor]]
                wishes.append((m, targets))
            shifts = [t - self.center[m] for m, ts in wishes for t in ts]
            shift = sum(shifts) / len(shifts) if shifts else 0.0
            wishes = self._followers(wishes)
            for i, (m, targets) in enumerate(wishes):
                if i:
                    prev = block.members[i - 1]
                    minimum.append((self.width_of(prev) + self.width_of(m)) / 2 + PARTNER_GAP)
                elif b:
                    prev_block = row[b - 1]
                    prev = prev_block.members[-1]
                    minimum.append(
                        (self.width_of(prev) + self.width_of(m)) / 2 + self._gap(prev_block, block)
                    )
                items.append(m)
                if targets:
                    desired.append(sum(targets) / len(targets))
                    weights.append(float(len(targets)))
                else:
                    desired.append(self.center[m] + shift)
                    weights.append(0.5 if shifts else 1e-3)
        offsets = [0.0]
        for gap in minimum:
            offsets.append(offsets[-1] + gap)
        fitted = isotonic([d - o for d, o in zip(desired, offsets, strict=True)], weights)
        for m, z, o in zip(items, fitted, offsets, strict=True):
            self.center[m] = z + o

    def _followers(self, wishes: list[tuple[str, list[float]]]) -> list[tuple[str, list[float]]]:
        """A pet follows its owner, a partner without wishes of their own the nearest partner
        with some, keeping their present distance."""
        own = {m: ts for m, ts in wishes if ts}
        out: list[tuple[str, list[float]]] = []
        for i, (m, targets) in enumerate(wishes):
            if not targets:
                leader = self.g.owner.get(m)
                if leader is None or leader not in own:
                    near = sorted(
                        (abs(j - i), other) for j, (other, _t) in enumerate(wishes) if other in own
                    )
                    leader = near[0][1] if near else None
                if leader is not None:
                    gap = self.center[m] - self.center[leader]
                    targets = [t + gap for t in own[leader]]
            out.append((m, targets))
        return out

    def place(self) -> None:
        for _ in range(ROUNDS):
            for r in range(1, len(self.rows)):
                self._place(r, up=True)
            for r in reversed(range(len(self.rows) - 1)):
                self._place(r, up=False)
        for r in range(1, len(self.rows)):
            self._place(r, up=True)
