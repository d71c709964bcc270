"""Thresholds of the analysis, in one typed settings object.

There is no norm for a good network (book ch. 5, first of seven points), so every threshold
below only decides when a *point of attention* is shown; none of them is a verdict. The
defaults are documented in ``docs/analysis.md`` and can be changed per call of
:func:`zorgkracht.analysis.analyse`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class AnalysisSettings:
    """Thresholds for the signals. All shares are fractions between 0 and 1."""

    concentration_share: float = 0.5
    """SUPPORT_CONCENTRATED when one provider gives *more than* this share of all
    (provider, support type) pairs ("one person carrying most of it", domain §6)."""

    concentration_min_pairs: int = 3
    """... and only when at least this many (provider, support type) pairs are known."""

    reciprocity_share: float = 0.5
    """LOW_RECIPROCITY when *less than* this share of the supporting ties is reciprocal."""

    reciprocity_min_ties: int = 2
    """... and only when reciprocity is known for at least this many supporting ties."""

    variety_iqv: float = 0.5
    """LOW_VARIETY when the IQV over MSNA sectors is *below* this value."""

    variety_min_members: int = 3
    """... and only when at least this many members have a known sector."""

    carer_high_hours: float = 8.0
    """CARER_LOAD for a carer giving *more than* this many hours a week that nobody shares
    (8 is the SCP boundary for intensive care)."""

    carer_min_months: int = 3
    """A carer gives care for *longer than* this many months, or more than
    :attr:`carer_min_hours` hours a week (SCP definition)."""

    carer_min_hours: float = 8.0
    """Hours a week above which someone counts as a carer (SCP definition)."""

    young_age: int = 25
    """A carer younger than this is young (CARER_LOAD): a child, or a young adult building their
    own life, like Fatima's son of 22 (book 2492–2500)."""

    child_age: int = 12
    """RADIO suggests nobody younger than this for activeren (domain §6): a child is not asked
    to carry the network."""

    typology_rich_size: int = 10
    """The typology of Machielse & Hortulanus calls a network *rich* from this many members
    (size ≥ this), else *poor*. The book gives no number: 10 is this tool's convention (the
    upper end of Lensink's 6–10 in the circle of intimacy); set it for your practice."""

    def __post_init__(self) -> None:
        for name in ("concentration_share", "reciprocity_share", "variety_iqv"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        for name in (
            "concentration_min_pairs",
            "reciprocity_min_ties",
            "variety_min_members",
            "carer_min_months",
            "young_age",
            "child_age",
            "typology_rich_size",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative")
        if self.carer_high_hours < 0 or self.carer_min_hours < 0:
            raise ValueError("hours cannot be negative")


DEFAULT_SETTINGS = AnalysisSettings()
