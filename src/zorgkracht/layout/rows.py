"""Order the persons within each genogram row and give them x positions.

A row is a list of *blocks*: a person alone, or a cluster of partners (with their pets) that
stays together. Blocks are ordered by barycentric sweeps (a block goes under the couple lines it
hangs from, and over its children), siblings oldest left; then x positions come from a weighted
least-squares fit that keeps the order and the minimum gaps (:func:`~.geometry.isotonic`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

from zorgkracht.domain.codes import Gender

from .family import FamilyGraph, Partnership
from .geometry import isotonic

PARTNER_GAP = 24.0
BLOCK_GAP = 28.0
FAMILY_GAP = 20.0
SWEEPS = 4
ROUNDS = 4
SNAP = 6.0
_NO_YEAR = 10_000
_FIRST_THREE = itemgetter(0, 1, 2)  # the sort key of a keyed block: barycentre, sibling, order


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
        self.width: dict[str, float] = {p.id: width_of(p.id) for p in graph.persons}
        self.index = index
        self.fam = {f.key: f for f in graph.families}
        self._fam_rank: dict[str, int] = {}
        for n, f in enumerate(graph.families):
            self._fam_rank.setdefault(f.key, n)
        self.parent_fams: dict[str, list[str]] = {}
        self.child_fams: dict[str, list[str]] = {}
        self.fam_children: dict[str, list[str]] = {}
        self.sib_key: dict[str, tuple[int, int, int]] = {}
        self._index_relations()
        self.first_fam = {m: fams[0] for m, fams in self.parent_fams.items() if fams}
        self.level: dict[str, int] = {}
        self._sib_of: dict[int, tuple[int, int, int]] = {}
        self._couples_of: dict[str, list[Partnership]] = {}
        for ps in graph.partnerships:
            self._couples_of.setdefault(ps.a, []).append(ps)
        self._plans: dict[int, tuple[list[str], list[float], set[str]]] = {}
        self._row_fams: dict[int, list[list[str]]] = {}  # by id() of a row list in self.rows
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
            block = Block(members, [self.width[m] for m in members], g.order[pid])
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
        for m in block.members:
            for ps in self._couples_of.get(m, ()):
                if ps.b in pos:
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
        family = self._family
        prev_family: str | None = None
        for n, block in enumerate(row):
            here = family(block)
            if n:  # self._gap(previous block, block), each block's family looked up once
                x += BLOCK_GAP + (FAMILY_GAP if prev_family != here else 0.0)
            block.left = x
            x += block.width
            prev_family = here
        shift = -x / 2
        for block in row:
            block.left += shift
        self._centres(row)

    def _centres(self, row: list[Block]) -> None:
        center = self.center
        for block in row:
            # block.left + each of block.offsets()
            left = block.left
            x = 0.0
            for m, w in zip(block.members, block.widths, strict=True):
                center[m] = left + (x + w / 2)
                x += w + PARTNER_GAP

    def _family(self, block: Block) -> str | None:
        first = self.first_fam
        for m in block.members:
            if m in first:
                return first[m]
        return None

    def _gap(self, a: Block, b: Block) -> float:
        fa, fb = self._family(a), self._family(b)
        return BLOCK_GAP + (FAMILY_GAP if fa != fb else 0.0)

    def drop(self, key: str) -> float:
        parents = self.fam[key].parents
        center = self.center
        return sum([center[p] for p in parents]) / len(parents)

    def _children_mid(self, key: str) -> float | None:
        xs = [self.center[c] for c in self.fam_children.get(key, []) if c in self.center]
        return (min(xs) + max(xs)) / 2 if xs else None

    def _up_targets(self, m: str) -> list[float]:
        """Where ``m`` would like to be to hang under its parents."""
        return [self.drop(f) for f in self.parent_fams.get(m, [])]

    def _down_targets(
        self,
        m: str,
        mids: dict[str, float | None] | None = None,
        drops: dict[str, float] | None = None,
    ) -> list[float]:
        """Where ``m`` would like to be to stand over its children (``mids`` remembers the
        middle of each family's children and ``drops`` where its line comes down, while
        nothing moves)."""
        out: list[float] = []
        center = self.center
        for f in self.child_fams.get(m, ()):
            if mids is None:
                mid = self._children_mid(f)
            elif f in mids:
                mid = mids[f]
            else:
                mid = mids[f] = self._children_mid(f)
            if mid is not None:
                if drops is None:
                    drop = self.drop(f)
                else:
                    known = drops.get(f)
                    drop = drops[f] = self.drop(f) if known is None else known
                out.append(mid + center[m] - drop)
        return out

    def _up_wishes(self, row: list[Block]) -> dict[str, list[float]]:
        """:meth:`_up_targets` of everyone in ``row``, each family's drop computed once."""
        drops: dict[str, float] = {}
        parent_fams = self.parent_fams
        wishes: dict[str, list[float]] = {}
        for b in row:
            for m in b.members:
                targets: list[float] = []
                for f in parent_fams.get(m, ()):
                    drop = drops.get(f)
                    if drop is None:
                        drop = drops[f] = self.drop(f)
                    targets.append(drop)
                wishes[m] = targets
        return wishes

    def _key(self, block: Block, wishes: dict[str, list[float]]) -> float:
        values: list[float] = []
        for m in block.members:
            values.extend(wishes[m])
        if not values:
            for m in block.members:
                anchor = self.g.anchor.get(m)
                if anchor is not None and anchor in self.center:
                    return self.center[anchor] + 0.5
            return block.left + block.width / 2
        return sum(values) / len(values)

    def _sib(self, block: Block) -> tuple[int, int, int]:
        known = self._sib_of.get(id(block))  # blocks live as long as the arranger
        if known is None:
            known = self._sib_of[id(block)] = min(
                (self.sib_key[m] for m in block.members if m in self.sib_key),
                default=(_NO_YEAR, _NO_YEAR, _NO_YEAR),
            )
        return known

    def _reorder(self, r: int, up: bool) -> None:
        row = self.rows[r]
        # nothing moves until _pack, so every person's wishes can be computed once
        if up:
            wishes = self._up_wishes(row)
        else:
            mids: dict[str, float | None] = {}
            drops: dict[str, float] = {}
            wishes = {m: self._down_targets(m, mids, drops) for b in row for m in b.members}
        keyed = [(self._key(b, wishes), self._sib(b), b.key, b) for b in row]
        keyed.sort(key=_FIRST_THREE)
        row[:] = [t[3] for t in keyed]
        self._birth_order(row)
        if up:
            for block in row:
                if len(block.members) > 1:
                    self._mirror(block, wishes)
        self._pack(row)

    def _birth_order(self, row: list[Block]) -> None:
        """Children of one family stand oldest left, whatever the barycentres say."""
        pos = {m: i for i, block in enumerate(row) for m in block.members}
        for kids in self._row_families(row):
            here = [(pos[k], k) for k in kids]
            if len({i for i, _k in here}) < len(here):
                continue  # two children of the family in one block: leave the order alone
            slots = sorted(here)
            blocks = {kid: row[i] for i, kid in slots}
            ordered = sorted((kid for _i, kid in slots), key=self.sib_key.__getitem__)
            for (i, _old), kid in zip(slots, ordered, strict=True):
                moved = row[i] = blocks[kid]
                for m in moved.members:
                    pos[m] = i

    def _row_families(self, row: list[Block]) -> list[list[str]]:
        """The children on ``row`` of each family with two or more of them there, families in
        the graph's order; the persons of a row stay the same while it is ordered."""
        known = self._row_fams.get(id(row))
        if known is None:
            here = {m for block in row for m in block.members}
            present = {f for m in here for f in self.parent_fams.get(m, ())}
            known = []
            for key in sorted(present, key=self._fam_rank.__getitem__):
                kids = [k for k in self.fam_children.get(key, ()) if k in here]
                if len(kids) >= 2:
                    known.append(kids)
            self._row_fams[id(row)] = known
        return known

    def _mirror(self, block: Block, up_targets: dict[str, list[float]]) -> None:
        """Turn a cluster of partners round when that brings partners nearer their parents,
        and above all when it keeps a partner out from under another's sibling bar."""
        members = block.members
        if len(members) < 2:
            return
        flipped = list(reversed(members))
        width = self.width

        def offsets(order: list[str]) -> dict[str, float]:
            # Block.offsets of the members in this order
            out: dict[str, float] = {}
            x = 0.0
            for m in order:
                w = width[m]
                out[m] = x + w / 2
                x += w + PARTNER_GAP
            return out

        left = block.left

        def cost(at: dict[str, float], order: list[str]) -> float:
            total = 0.0
            for m in order:
                for target in up_targets[m]:
                    total += abs(left + at[m] - target)
            return total

        # the brothers and sisters of each partner on this row, where they stand now: a
        # partner's sibling bar runs from them to the partner (kept as their least and
        # greatest x, or None when there are none)
        generation = self.g.generation
        center = self.center
        inside = set(members)
        bars: list[tuple[str, float | None, float | None]] = []
        for m in members:
            for f in self.parent_fams.get(m, ()):
                kids = self.fam_children.get(f, ())
                if len(kids) > 1:
                    xs = [
                        center[k] - left
                        for k in kids
                        if k not in inside and k in center and generation[k] == generation[m]
                    ]
                    if xs:
                        bars.append((m, min(xs), max(xs)))
                    else:
                        bars.append((m, None, None))

        def crossings(at: dict[str, float]) -> int:
            """How often a partner stands inside the stretch of another partner's sibling bar
            (the bar would run over them as if they were a child of that family)."""
            count = 0
            for m, x0, x1 in bars:
                here = at[m]
                if x0 is None or x1 is None:
                    continue  # lo == hi: nobody stands strictly inside
                lo = here if here <= x0 else x0
                hi = here if here >= x1 else x1
                for o in members:
                    if o != m and lo < at[o] < hi:
                        count += 1
            return count

        now, turned = offsets(members), offsets(flipped)
        before, after = crossings(now), crossings(turned)
        if after < before or (
            after == before and cost(turned, flipped) < cost(now, members) - 1e-6
        ):
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

    def _sib_offsets(self, key: str, members: set[str]) -> dict[str, float]:
        kids = sorted(
            (c for c in self.fam_children.get(key, []) if c in members),
            key=lambda c: self.center[c],
        )
        widths = [self.width[c] for c in kids]
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
        items, offsets, in_row = self._plan(r)
        desired: list[float] = []
        weights: list[float] = []
        sib: dict[str, dict[str, float]] = {}
        mids: dict[str, float | None] = {}  # nothing moves until the fit at the end
        drops: dict[str, float] = {}
        center, parent_fams, anchors = self.center, self.parent_fams, self.g.anchor
        down_targets = self._down_targets
        for block in row:
            wishes: list[tuple[str, list[float]]] = []
            shifts: list[float] = []
            for m in block.members:
                targets: list[float]
                if up:
                    targets = []
                    for f in parent_fams.get(m, ()):
                        drop = drops.get(f)
                        if drop is None:
                            sib[f] = self._sib_offsets(f, in_row)
                            drop = drops[f] = self.drop(f)
                        targets.append(drop + sib[f].get(m, 0.0))
                else:
                    targets = down_targets(m, mids, drops)
                if not targets:
                    anchor = anchors.get(m)
                    if anchor is not None and anchor in center:
                        targets = [center[anchor]]
                if targets:
                    here = center[m]
                    shifts += [t - here for t in targets]
                wishes.append((m, targets))
            shift = sum(shifts) / len(shifts) if shifts else 0.0
            if len(wishes) > 1:  # alone in a block, nobody to follow
                wishes = self._followers(wishes)
            for m, targets in wishes:
                if targets:
                    count = len(targets)
                    desired.append(sum(targets) / count)
                    weights.append(float(count))
                else:
                    desired.append(center[m] + shift)
                    weights.append(0.5 if shifts else 1e-3)
        fitted = isotonic([d - o for d, o in zip(desired, offsets, strict=True)], weights)
        for m, z, o in zip(items, fitted, offsets, strict=True):
            self.center[m] = z + o

    def _plan(self, r: int) -> tuple[list[str], list[float], set[str]]:
        """The persons of row ``r`` in order, each one's least distance from the first (the
        minimum gaps added up) and the set of them; fixed while positions are fitted."""
        known = self._plans.get(r)
        if known is not None:
            return known
        row = self.rows[r]
        items: list[str] = []
        minimum: list[float] = []
        for b, block in enumerate(row):
            for i, m in enumerate(block.members):
                if i:
                    prev = block.members[i - 1]
                    minimum.append((self.width[prev] + self.width[m]) / 2 + PARTNER_GAP)
                elif b:
                    prev_block = row[b - 1]
                    prev = prev_block.members[-1]
                    minimum.append(
                        (self.width[prev] + self.width[m]) / 2 + self._gap(prev_block, block)
                    )
                items.append(m)
        offsets = [0.0]
        for gap in minimum:
            offsets.append(offsets[-1] + gap)
        plan = (items, offsets, set(items))
        self._plans[r] = plan
        return plan

    def _followers(self, wishes: list[tuple[str, list[float]]]) -> list[tuple[str, list[float]]]:
        """A pet follows its owner, a partner without wishes of their own the nearest partner
        with some, keeping their present distance."""
        own = {m: ts for m, ts in wishes if ts}
        if not own or len(own) == len(wishes):
            return wishes  # nobody to follow, or everyone has wishes of their own
        leaders = [(j, other) for j, (other, _t) in enumerate(wishes) if other in own]
        owners = self.g.owner
        out: list[tuple[str, list[float]]] = []
        for i, (m, targets) in enumerate(wishes):
            if not targets:
                leader = owners.get(m)
                if leader is None or leader not in own:
                    leader = min([(abs(j - i), other) for j, other in leaders])[1]
                if leader is not None:
                    gap = self.center[m] - self.center[leader]
                    targets = [t + gap for t in own[leader]]
            out.append((m, targets))
        return out

    def place(self) -> None:
        self._plans = {}  # the order is settled: the gaps between neighbours are fixed
        for _ in range(ROUNDS):
            for r in range(1, len(self.rows)):
                self._place(r, up=True)
            for r in reversed(range(len(self.rows) - 1)):
                self._place(r, up=False)
        for r in range(1, len(self.rows)):
            self._place(r, up=True)
        for r in range(1, len(self.rows)):
            self._align_only_children(r)

    def _align_only_children(self, r: int) -> None:
        """An only child that stands a few units beside its parents' line: move it (with the
        rest of its block) under the line, or else move its parents (when they are a block of
        their own without parents or other children) over it, where the neighbours leave room.
        A step of a few units in the line looks like a drawing error."""
        row = self.rows[r]
        for block in row:
            for m in block.members:
                fams = self.parent_fams.get(m, [])
                if len(fams) != 1 or len(self.fam_children.get(fams[0], [])) != 1:
                    continue
                delta = self.drop(fams[0]) - self.center[m]
                if not 0 < abs(delta) <= SNAP:
                    continue
                if not self._shift(row, block, delta):
                    parents = set(self.fam[fams[0]].parents)
                    above = self.rows[r - 1]
                    own = [b for b in above if set(b.members) == parents]
                    if own and all(
                        self.child_fams.get(p) == fams and not self.parent_fams.get(p)
                        for p in parents
                    ):
                        self._shift(above, own[0], -delta)
                break

    def _shift(self, row: list[Block], block: Block, delta: float) -> bool:
        """Move ``block`` by ``delta`` if that keeps the gaps to its neighbours."""
        b = row.index(block)
        first, last = block.members[0], block.members[-1]
        left = self.center[first] - self.width[first] / 2 + delta
        right = self.center[last] + self.width[last] / 2 + delta
        if b > 0:
            prev = row[b - 1]
            end = prev.members[-1]
            if left - (self.center[end] + self.width[end] / 2) < self._gap(prev, block):
                return False
        if b + 1 < len(row):
            nxt = row[b + 1]
            start = nxt.members[0]
            if self.center[start] - self.width[start] / 2 - right < self._gap(block, nxt):
                return False
        for member in block.members:
            self.center[member] += delta
        return True
