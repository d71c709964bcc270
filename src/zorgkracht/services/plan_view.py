"""What the plan pages show besides the records: the plan's load per person, the picture with
the plan layer, and the process as data for the page script.

The plan load follows the carers rule of :mod:`zorgkracht.analysis.carers` (SCP, book ch. 2):
someone who would give more than ``carer_min_hours`` hours a week, counting the care hours of
their ties with the client and the hours the plan asks of them, is signalled, so that a plan
does not overload one person (3579–3581: "zwaar belast").
"""

from __future__ import annotations

from dataclasses import dataclass

from zorgkracht.analysis.carers import tie_care_hours
from zorgkracht.analysis.settings import AnalysisSettings
from zorgkracht.analysis.view import build_view
from zorgkracht.domain import Case
from zorgkracht.interchange.process_json import process_to_dict
from zorgkracht.render.plan_layer import PLAN_VIEWS, carried, hours_text, plan_picture
from zorgkracht.render.plan_layer import plan_badges as render_badges

__all__ = ["PLAN_VIEWS", "LoadRow", "hours_text", "plan_load", "plan_svg", "process_data"]


@dataclass(frozen=True, slots=True)
class LoadRow:
    """One person's load: care hours on their ties with the client, the plan's hours."""

    person: str
    care_hours: float | None
    plan_hours: float
    actions: int
    threshold: float

    @property
    def total(self) -> float:
        return (self.care_hours or 0.0) + self.plan_hours

    @property
    def heavy(self) -> bool:
        """More than the carer threshold a week, the plan's hours counted in."""
        return self.total > self.threshold


def care_hours(case: Case) -> dict[str, float]:
    """Person id → care hours a week given to the client (ties not from the client)."""
    if case.client is None:
        return {}
    return tie_care_hours(build_view(case.network, case.client))


def plan_load(case: Case, settings: AnalysisSettings | None = None) -> list[LoadRow]:
    """A row for every person with care hours or a part in the plan, in network order."""
    threshold = (settings or AnalysisSettings()).carer_min_hours
    care = care_hours(case)
    load = carried(case.process)
    return [
        LoadRow(
            p.id,
            care.get(p.id),
            load.get(p.id, (0, 0.0))[1],
            load.get(p.id, (0, 0.0))[0],
            threshold,
        )
        for p in case.network.persons
        if p.id in care or p.id in load
    ]


def plan_svg(case: Case, view: str, lang: str) -> str:
    """``view`` (one of :data:`PLAN_VIEWS`) with the plan layer, as an SVG document."""
    return plan_picture(case, view, lang)[0]


def plan_badges(case: Case, view: str, lang: str) -> str:
    """Only the badges of the plan layer on ``view`` (what a plan edit changes on the map)."""
    return render_badges(case, view, lang)


def process_data(case: Case) -> dict[str, object]:
    """The process as in the case file (the fields the edit operations take)."""
    return process_to_dict(case.process)
