"""Levenslijn (life line): where every life event goes. Positions only, no drawing.

A horizontal time axis in years. Each event of ``case.network.events`` stands at its year (a
dated event at its day within the year; undated events of one year and side spread over that
year, in their order), above the axis when its valence is positive, below when negative, and on
the upper side for 0. The marker's distance from the axis grows with the intensity
(``abs(valence)``, 0-3). Labels start just beyond their marker and are stacked outwards until
they overlap no earlier label, so no two labels ever overlap. A manual position
(``case.positions["levenslijn"][event_id]``) is the centre of the event's label. Rules in
``docs/views.md``.
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass

from zorgkracht.domain import Case, LifeEvent

from .geometry import XY, Rect
from .radial import frame, pinned_points
from .text import wrap_words

log = logging.getLogger(__name__)
VIEW = "levenslijn"
LABEL_W = 176.0
LINE_H = 12.0
PAD = 5.0
MARKER_BASE = 16.0
MARKER_STEP = 20.0
LABEL_GAP = 10.0
STACK_GAP = 6.0
SLIDE = 8.0
TITLE_CHARS = 26
TITLE_LINES = 3
EMPTY_W = 480.0


@dataclass(frozen=True, slots=True)
class EventBox:
    """An event: its marker (at ``year_x`` on the axis, ``marker`` the symbol), its label box
    and the text lines of the label (title lines, then the year and valence, then who)."""

    id: str
    x: float
    y: float
    width: float
    height: float
    marker: XY
    above: bool
    title: tuple[str, ...]
    pinned: bool = False

    @property
    def rect(self) -> Rect:
        return Rect(self.x, self.y, self.width, self.height)


@dataclass(frozen=True, slots=True)
class Tick:
    year: int
    x: float
    labelled: bool


@dataclass(frozen=True, slots=True)
class LevenslijnLayout:
    events: tuple[EventBox, ...]
    axis_y: float
    axis_x0: float
    axis_x1: float
    ticks: tuple[Tick, ...]
    x: float
    y: float
    width: float
    height: float

    def event(self, event_id: str) -> EventBox:
        for e in self.events:
            if e.id == event_id:
                return e
        raise KeyError(event_id)

    def ids(self) -> list[str]:
        return [e.id for e in self.events]


def wrap_title(text: str, width: int = TITLE_CHARS, lines: int = TITLE_LINES) -> list[str]:
    """Break a title into at most ``lines`` lines of about ``width`` characters, at spaces
    (:func:`zorgkracht.layout.text.wrap_words`)."""
    return wrap_words(text, width, lines) or [""]


def others(event: LifeEvent, client: str) -> list[str]:
    """The persons concerned besides the client, in the event's order."""
    return [pid for pid in event.persons if pid != client]


def label_lines(event: LifeEvent, client: str) -> int:
    """Title lines, one line for year and valence, and one for the other persons concerned
    when there are any."""
    return len(wrap_title(event.title)) + 1 + (1 if others(event, client) else 0)


def ordered(events: list[LifeEvent]) -> list[LifeEvent]:
    """Events in time order: by year, then date (undated last), then input order."""
    indexed = list(enumerate(events))
    indexed.sort(key=lambda ie: (ie[1].year, ie[1].date is None, ie[1].date or ie[1].year, ie[0]))
    return [e for _i, e in indexed]


def positions_in_year(events: list[LifeEvent]) -> dict[str, float]:
    """Fractional year of each event: its day in the year when dated, else spread evenly
    over the year among the undated events of that year on the same side."""
    out: dict[str, float] = {}
    groups: dict[tuple[int, bool], list[LifeEvent]] = {}
    for e in events:
        if e.date is not None:
            days = 366 if calendar.isleap(e.date.year) else 365
            out[e.id] = e.year + (e.date.timetuple().tm_yday - 0.5) / days
        else:
            groups.setdefault((e.year, e.valence >= 0), []).append(e)
    for (year, _side), group in groups.items():
        for k, e in enumerate(group):
            out[e.id] = year + (k + 1) / (len(group) + 1)
    return out


def layout_levenslijn(case: Case) -> LevenslijnLayout:
    """The levenslijn of the case's network; the same case always gives the same layout."""
    events = ordered(list(case.network.events))
    pins = pinned_points(case, VIEW)
    if not events:
        box = frame([Rect(0, -40, EMPTY_W, 80)])
        return LevenslijnLayout((), 0.0, 0.0, EMPTY_W, (), box.x, box.y, box.width, box.height)
    first, last = events[0].year, events[-1].year
    y0, y1 = first - 1, last + 2
    span = y1 - y0
    per_year = min(80.0, max(18.0, 1100.0 / span))
    fraction = positions_in_year(events)

    def x_of(year: float) -> float:
        return (year - y0) * per_year

    step = 1 if per_year >= 40 else 5 if per_year >= 12 else 10
    ticks = tuple(Tick(y, x_of(y), y % step == 0) for y in range(y0, y1 + 1))
    placed: list[Rect] = []
    boxes: dict[str, EventBox] = {}
    obstacles = [_stem_rect(x_of(fraction[e.id]), e.valence) for e in events]
    for e in events:
        if e.id in pins:
            p = pins[e.id]
            height = label_lines(e, case.client) * LINE_H + 2 * PAD
            rect = Rect(p.x - LABEL_W / 2, p.y - height / 2, LABEL_W, height)
            placed.append(rect)
    for e in events:
        above = e.valence >= 0
        sign = -1.0 if above else 1.0
        ex = x_of(fraction[e.id])
        marker = XY(ex, sign * (MARKER_BASE + MARKER_STEP * abs(e.valence)))
        height = label_lines(e, case.client) * LINE_H + 2 * PAD
        title = tuple(wrap_title(e.title))
        if e.id in pins:
            p = pins[e.id]
            rect = Rect(p.x - LABEL_W / 2, p.y - height / 2, LABEL_W, height)
            boxes[e.id] = EventBox(e.id, *_xywh(rect), marker, above, title, True)
            continue
        near = marker.y + sign * LABEL_GAP
        y = near - height if above else near
        rect = _free_spot(ex, y, height, above, [*placed, *obstacles])
        placed.append(rect)
        boxes[e.id] = EventBox(e.id, *_xywh(rect), marker, above, title)
    log.debug("levenslijn: %d events, %d pinned", len(events), len(pins))
    out = tuple(boxes[e.id] for e in events)
    rects = [b.rect for b in out] + [Rect(-10, -30, x_of(y1) + 20, 60)]
    box = frame(rects)
    return LevenslijnLayout(out, 0.0, 0.0, x_of(y1), ticks, box.x, box.y, box.width, box.height)


def _stem_rect(x: float, valence: int) -> Rect:
    """The stem from the axis to the marker, with the marker: kept free of labels."""
    reach = MARKER_BASE + MARKER_STEP * abs(valence) + 8.0
    return Rect(x - 8.0, -reach if valence >= 0 else 0.0, 16.0, reach)


def _free_spot(ex: float, y: float, height: float, above: bool, taken: list[Rect]) -> Rect:
    """The label box nearest the axis (from ``y`` outwards) that overlaps nothing in ``taken``;
    at each height the box may slide sideways as long as it stays over its stem, centred first."""
    shifts = [0.0]
    for k in range(1, int(LABEL_W / 2 / SLIDE)):
        shifts += [k * SLIDE, -k * SLIDE]
    while True:
        for shift in shifts:
            rect = Rect(ex - LABEL_W / 2 + shift, y, LABEL_W, height)
            if not any(r.overlaps(rect) for r in taken):
                return rect
        centred = Rect(ex - LABEL_W / 2, y, LABEL_W, height)
        hits = [r for r in taken if r.overlaps(centred)]
        if above:
            y = min(r.y for r in hits) - STACK_GAP - height
        else:
            y = max(r.bottom for r in hits) + STACK_GAP


def _xywh(r: Rect) -> tuple[float, float, float, float]:
    return r.x, r.y, r.width, r.height
