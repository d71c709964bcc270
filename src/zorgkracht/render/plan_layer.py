"""The plan layer: who carries what, drawn over the ecogram and the netwerkschema.

While the action plan is made (book 3694–3711, 4044–4046) the professional and the client look
at the map to see whether the plan leans on a few people. Each person named in an action that is
not done or stopped gets a small badge next to their symbol: the number of actions and the
expected hours a week (:meth:`~zorgkracht.domain.process.Process.plan_hours`). Persons without
actions get no badge. A badge is placed at the first of a few spots round the symbol that meets
no name (the layout's text boxes) and no other badge; the legend gets one entry below the
picture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from zorgkracht.domain import Case
from zorgkracht.domain.process import Process
from zorgkracht.domain.process_codes import ActionStatus
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.ecogram import layout_ecogram
from zorgkracht.layout.geometry import Rect
from zorgkracht.layout.netwerkschema import layout_netwerkschema

from . import netwerkschema
from .domain_names import with_domain_labels
from .ecogram import render_ecogram_svg
from .svg import Element, document, num

PLAN_VIEWS: tuple[str, ...] = ("ecogram", "netwerkschema")
"""The views the plan layer is drawn on."""

BADGE_H = 18.0
CHAR_W = 7.0
PAD = 5.0
GAP = 2.0
LEGEND_H = 34.0
FILL = "#1d4e89"

_LEGEND = Text(
    "plan: aantal acties · uren per week",
    "plan: number of actions · hours a week",
)
_UNIT = Text("u", "h")
_TITLE = Text("%(n)s acties, %(h)s uur per week", "%(n)s actions, %(h)s hours a week")
_ROOT = re.compile(r'<svg\b[^>]*?viewBox="([-0-9. ]+)"[^>]*>')


@dataclass(frozen=True, slots=True)
class Badge:
    """A person's badge: their actions and hours, and where it is drawn."""

    person: str
    actions: int
    hours: float
    box: Rect


def carried(process: Process) -> dict[str, tuple[int, float]]:
    """Person id → (number of actions they take part in, expected hours a week), over the
    actions that are not done or stopped; persons without such an action are left out."""
    hours = process.plan_hours()
    counts: dict[str, int] = {}
    for action in process.actions:
        if action.status in (ActionStatus.DONE, ActionStatus.STOPPED):
            continue
        for person in {p.person for p in action.persons}:
            counts[person] = counts.get(person, 0) + 1
    return {pid: (n, hours.get(pid, 0.0)) for pid, n in counts.items()}


def hours_text(hours: float) -> str:
    """Hours as written on a badge: whole hours without a decimal, else one decimal."""
    return str(int(hours)) if float(hours).is_integer() else f"{hours:.1f}"


def badge_text(actions: int, hours: float, lang: str) -> str:
    if not hours:
        return str(actions)
    return f"{actions} · {hours_text(hours)}{in_language(_UNIT, lang)}"


def _candidates(symbol: Rect, width: float) -> list[Rect]:
    """Spots round a symbol, in order of preference: top right, top left, right, left, above."""
    top = symbol.y - BADGE_H / 2
    mid = symbol.y + (symbol.height - BADGE_H) / 2
    return [
        Rect(symbol.right - width / 2, top, width, BADGE_H),
        Rect(symbol.x - width / 2, top, width, BADGE_H),
        Rect(symbol.right + GAP, mid, width, BADGE_H),
        Rect(symbol.x - width - GAP, mid, width, BADGE_H),
        Rect(symbol.x + (symbol.width - width) / 2, symbol.y - BADGE_H - GAP, width, BADGE_H),
    ]


def place_badges(
    symbols: Sequence[tuple[str, Rect]],
    texts: Sequence[Rect],
    load: dict[str, tuple[int, float]],
    lang: str,
) -> list[Badge]:
    """A badge for each drawn person with actions, at the first spot that overlaps no text box
    (``texts``: the names of the picture) and no badge placed before; the first spot when
    none is free. (The boxes are compared as plain edges, and only those near the spots: what
    ``Rect.overlaps`` says, at a plan edit's speed for a network of 150.)"""
    placed: list[Badge] = []
    taken = [_edges(t) for t in texts]
    for pid, symbol in symbols:
        if pid not in load:
            continue
        n, h = load[pid]
        width = CHAR_W * len(badge_text(n, h, lang)) + 2 * PAD
        spots = _candidates(symbol, width)
        edges = [_edges(s) for s in spots]
        x0, y0 = min(e[0] for e in edges), min(e[1] for e in edges)
        x1, y1 = max(e[2] for e in edges), max(e[3] for e in edges)
        near = [t for t in taken if t[0] < x1 and x0 < t[2] and t[1] < y1 and y0 < t[3]]
        box = next(
            (
                spot
                for spot, (a, b, c, d) in zip(spots, edges, strict=True)
                if not any(x < c and a < r and y < d and b < e for x, y, r, e in near)
            ),
            spots[0],
        )
        placed.append(Badge(pid, n, h, box))
        taken.append(_edges(box))
    return placed


def _edges(rect: Rect) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of ``rect``."""
    return rect.x, rect.y, rect.right, rect.bottom


def _badge(badge: Badge, lang: str) -> Element:
    g = Element("g", class_="plan-badge")
    g.set_raw("data-plan-person", badge.person)
    g.set_raw("data-actions", str(badge.actions))
    g.set_raw("data-hours", hours_text(badge.hours))
    b = badge.box
    g.set_raw("data-bbox", f"{num(b.x)} {num(b.y)} {num(b.width)} {num(b.height)}")
    title = in_language(_TITLE, lang) % {"n": badge.actions, "h": hours_text(badge.hours)}
    g.add("title", title)
    g.add("rect", x=b.x, y=b.y, width=b.width, height=b.height, rx=9.0, fill=FILL)
    g.add(
        "text",
        badge_text(badge.actions, badge.hours, lang),
        x=b.x + b.width / 2,
        y=b.y + 13.0,
        font_size=12.0,
        font_weight="bold",
        text_anchor="middle",
        fill="#fff",
    )
    return g


def _legend(x: float, y: float, lang: str) -> Element:
    g = Element("g", class_="plan-legend")
    g.add("rect", x=x + 8, y=y + 8, width=44.0, height=BADGE_H, rx=9.0, fill=FILL)
    g.add(
        "text",
        badge_text(2, 5.0, lang),
        x=x + 30,
        y=y + 21,
        font_size=12.0,
        font_weight="bold",
        text_anchor="middle",
        fill="#fff",
    )
    g.add("text", in_language(_LEGEND, lang), x=x + 60, y=y + 21, font_size=13.0)
    return g


def with_layer(svg: str, badges: Sequence[Badge], lang: str) -> str:
    """``svg`` (a document of ours) with the badges on top and a legend band added below."""
    found = _ROOT.search(svg)
    if found is None:
        return svg
    x, y, w, h = (float(v) for v in found.group(1).split())
    head = found.group(0)
    grown = head.replace(found.group(1), f"{num(x)} {num(y)} {num(w)} {num(h + LEGEND_H)}", 1)
    grown = re.sub(
        r' height="([0-9.]+)"', lambda m: f' height="{num(float(m[1]) + LEGEND_H)}"', grown, count=1
    )
    layer = Element("g", class_="plan-layer")
    layer.add("rect", x=x, y=y + h, width=w, height=LEGEND_H, fill="#fff")
    layer.append(badge_group(badges, lang))
    layer.append(_legend(x, y + h, lang))
    body = svg.replace(head, grown, 1)
    end = body.rfind("</svg>")
    return body[:end] + layer.render(1) + "\n" + body[end:]


def badge_group(badges: Sequence[Badge], lang: str) -> Element:
    """The badges in one group (``plan-badges``): what a plan edit changes on the picture."""
    group = Element("g", class_="plan-badges")
    for badge in badges:
        group.append(_badge(badge, lang))
    return group


def _badges_on(case: Case, view: str, lang: str, *, draw: bool) -> tuple[str | None, list[Badge]]:
    """The badges of ``view``, placed on its layout, and (with ``draw``) the picture. The case is
    drawn with its domains named as every picture names them (``render_picture``): the same
    layout as the view without the plan layer, kept once for both (``layout.memo``)."""
    load = carried(case.process)
    case = with_domain_labels(case, lang)
    svg: str | None = None
    if view == "ecogram":
        eco = layout_ecogram(case)
        if draw:
            svg = render_ecogram_svg(case, eco, lang=lang)
        symbols = [(p.id, p.symbol) for p in eco.persons]
        texts = [p.label for p in eco.persons]
    elif view == "netwerkschema":
        schema = layout_netwerkschema(case)
        if draw:
            svg = document(netwerkschema.draw(case, schema, lang=lang, show_legend=True))
        slots = [*([schema.client] if schema.client else []), *schema.persons]
        symbols = [(s.id, s.symbol) for s in slots]
        texts = [s.label for s in slots]
    else:
        raise ValueError(view)
    return svg, place_badges(symbols, texts, load, lang)


def plan_picture(case: Case, view: str, lang: str) -> tuple[str, list[Badge]]:
    """The ``view`` (ecogram or netwerkschema) of ``case`` with the plan layer, and its badges."""
    svg, badges = _badges_on(case, view, lang, draw=True)
    assert svg is not None
    return with_layer(svg, badges, lang), badges


def plan_badges(case: Case, view: str, lang: str) -> str:
    """Only the badges of ``view`` (``<g class="plan-badges">``), placed as
    :func:`plan_picture` places them: a plan edit changes nothing else on the picture (the
    picture follows the network, the badges the process), so the page swaps just this group."""
    _svg, badges = _badges_on(case, view, lang, draw=False)
    return badge_group(badges, lang).render(1)
