"""The shapes of the analysis: what :func:`~zorgkracht.analysis.analyse` and
:func:`~zorgkracht.analysis.compare` return, typed all the way down.

The results are :class:`~typing.TypedDict`\\ s, not dataclasses: every consumer (the web
templates through Jinja, the CLI's ``--json`` dump, the text report, the comparison's walk
over every number) reads them as plain dicts with ``["key"]``, and ``json.dumps`` writes them
unchanged, in the order they were built. The JSON is documented key by key in
``docs/analysis.md``; ``tests/analysis/test_documented_keys.py`` checks these types, that
document and the real output against each other, and ``test_json_unchanged.py`` checks the
JSON byte for byte.

Codes the analysis itself defines (signal codes, severities, RADIO actions, trends, reasons,
categories, types) are :data:`~typing.Literal` types. Codes of the domain (a role, a tie's
quality, a sector as a count's key) stay ``str``: their sets live in
:mod:`zorgkracht.domain.codes`. Counts per category are ``dict[str, int]`` because their keys
are those domain codes plus ``unknown``. Nothing here is ``Any``.

No ``from __future__ import annotations`` here: the annotations are evaluated, so that
``__required_keys__`` and ``__optional_keys__`` see ``NotRequired`` at run time (the tests
check the real output against them).
"""

from typing import Literal, NotRequired, TypedDict

from zorgkracht.domain.codes import Support

Letter = Literal["P", "G", "A", "E", "W"]
"""A support letter (book ch. 4), the value of :class:`~zorgkracht.domain.codes.Support`."""

LETTER: dict[Support, Letter] = {
    Support.PRACTICAL: "P",
    Support.COMPANIONSHIP: "G",
    Support.ADVICE: "A",
    Support.EMOTIONAL: "E",
    Support.APPRECIATION: "W",
}
"""The letter of each support type (a test keeps it equal to ``Support.value``)."""

SignalCode = Literal[
    "EMPTY_NETWORK",
    "ONLY_PROFESSIONALS",
    "ONLY_FAMILY",
    "NO_WEAK_TIES",
    "NO_FRIENDS",
    "SUPPORT_GAP",
    "SUPPORT_CONCENTRATED",
    "CARER_LOAD",
    "CLIENT_CARER_LOAD",
    "LOW_RECIPROCITY",
    "FAR_PRACTICAL_SUPPORT",
    "CONFLICT_TIES",
    "LOW_VARIETY",
]
Severity = Literal["info", "attention"]
CarerReason = Literal["high_hours", "plan_load", "young", "own_needs"]
RadioAction = Literal[
    "reanimeren", "activeren", "deblokkeren", "intensiveren", "onderhouden", "afstand_nemen"
]
Trend = Literal["strengthened", "weakened", "mixed"]
Category = Literal[
    "not_lonely",
    "moderately_lonely",
    "severely_lonely",
    "very_severely_lonely",
    "lonely",
    "at_risk_of_isolation",
    "not_at_risk",
    "lower_strain",
    "high_strain",
]
"""The category of an instrument score, as the instrument's manual names it."""
ReasonCode = Literal["too_many_missing", "unknown_instrument", "invalid_answer"]
Perception = Literal["meaningful", "burdensome"]
PerceptionSource = Literal["perception", "djg11", "djg6"]
TypologyType = Literal["socially_resilient", "lonely", "few_contacts", "socially_isolated"]


class Message(TypedDict):
    """One text in Dutch and English."""

    nl: str
    en: str


class PersonInfo(TypedDict):
    """A network member as the result names them; ``role`` is a ``Role`` code."""

    name: str
    role: str | None
    sensitive: bool


class Excluded(TypedDict):
    pets: list[str]
    deceased: list[str]


class SizeMeasures(TypedDict):
    """:func:`~zorgkracht.analysis.size.size_measures`; counts per code plus ``unknown``."""

    size: int
    by_sector: dict[str, int]
    by_segment: dict[str, int]
    by_circle: dict[str, int]
    by_zone: dict[str, int]
    by_frequency: dict[str, int]
    by_network_zone: dict[str, int]
    reachability: dict[str, float] | None


class VarietyMeasure(TypedDict):
    blau: float | None
    iqv: float | None
    k: int
    n: int
    unknown: int
    counts: dict[str, int]


class Variety(TypedDict):
    sector: VarietyMeasure
    role: VarietyMeasure
    gender: VarietyMeasure
    age_group: VarietyMeasure
    education: VarietyMeasure


class StructureMeasures(TypedDict):
    """:func:`~zorgkracht.analysis.structure.structure_measures`; pairs are ``[a, b]``."""

    density: float | None
    ties_among_members: int
    components: list[list[str]]
    component_count: int
    bridges: list[list[str]]
    isolates: list[str]


class Concentration(TypedDict):
    share: float | None
    person: str | None
    tied: list[str]
    pairs: int
    total_pairs: int
    formal_pairs: int


class Reciprocity(TypedDict):
    share: float | None
    reciprocal: int
    not_reciprocal: int
    unknown: int
    formal: int
    supporting_ties: int
    one_way_persons: list[str]


class CarePotential(TypedDict):
    count: int
    persons: list[str]


class Carer(TypedDict):
    person: str
    hours_per_week: float | None
    plan_hours_per_week: float | None
    """The part of ``hours_per_week`` the action plan asks (``None``: none)."""
    months: int | None
    intensive: bool
    long_term: bool
    young: bool
    own_needs: bool
    support: list[Letter]


class ClientCarer(TypedDict):
    """One member of the client system who gives care
    (:func:`~zorgkracht.analysis.carers.client_care`); ``tasks`` are ``CareTask`` codes,
    ``persons`` the member ids cared for."""

    person: str
    hours_per_week: float | None
    months: int | None
    tasks: list[str]
    persons: list[str]
    intensive: bool
    long_term: bool
    carer: bool


class ClientCare(TypedDict):
    """The care the client (or the client system) gives: per giver, and hours summed, months
    the largest, tasks and persons cared for united."""

    carers: list[ClientCarer]
    hours_per_week: float | None
    months: int | None
    tasks: list[str]
    persons: list[str]


class EnergyPersons(TypedDict):
    gives: list[str]
    costs: list[str]
    both: list[str]


class EnergySummary(TypedDict):
    """How many members give the client energy, cost energy, or both, and who
    (:func:`~zorgkracht.analysis.support.energy`); ``unknown``: members without an answer."""

    gives: int
    costs: int
    both: int
    unknown: int
    persons: EnergyPersons


class Measures(TypedDict):
    """Every measure of one network: what the signals are computed from."""

    client: str
    client_name: str
    year: int
    reference_date: str
    persons: dict[str, PersonInfo]
    excluded: Excluded
    size: int
    by_sector: dict[str, int]
    by_segment: dict[str, int]
    by_circle: dict[str, int]
    by_zone: dict[str, int]
    by_frequency: dict[str, int]
    by_network_zone: dict[str, int]
    reachability: dict[str, float] | None
    variety: Variety
    density: float | None
    ties_among_members: int
    components: list[list[str]]
    component_count: int
    bridges: list[list[str]]
    isolates: list[str]
    support: dict[Letter, list[str]]
    support_counts: dict[Letter, int]
    gaps: list[Letter]
    concentration: Concentration
    reciprocity: Reciprocity
    care_potential: CarePotential
    carers: list[Carer]
    client_system: list[str]
    client_care: ClientCare
    energy: EnergySummary


class Signal(TypedDict):
    """A point of attention; ``letter``, ``reasons``, ``ties``, ``domains`` and ``carer`` only
    where the code has them."""

    code: SignalCode
    severity: Severity
    persons: list[str]
    message: Message
    letter: NotRequired[Letter]
    """SUPPORT_GAP and FAR_PRACTICAL_SUPPORT."""
    reasons: NotRequired[list[CarerReason]]
    """CARER_LOAD."""
    ties: NotRequired[list[str]]
    """CONFLICT_TIES: tie ids."""
    domains: NotRequired[list[str]]
    """CONFLICT_TIES: ids of the ecogram domains at the end of a tense or conflictvol tie."""
    carer: NotRequired[str]
    """CLIENT_CARER_LOAD: the client, or the member of the client system, who gives care
    (``persons`` are those cared for)."""


class RadioSuggestion(TypedDict):
    person: str
    action: RadioAction
    reason: Message


class NetworkAnalysis(Measures):
    """:func:`~zorgkracht.analysis.measures.analyse_network`: the measures, signals and RADIO."""

    signals: list[Signal]
    radio: list[RadioSuggestion]


class Reason(TypedDict):
    """Why an instrument score is ``None`` or an instrument was not scored."""

    score: str | None
    code: ReasonCode
    missing: NotRequired[int]
    allowed_missing: NotRequired[int]
    nl: str
    en: str


class Scores(TypedDict):
    """What one instrument's scorer gives: only the keys of that instrument are present."""

    total: NotRequired[int | None]
    emotional: NotRequired[int | None]
    social: NotRequired[int | None]
    family: NotRequired[int | None]
    friends: NotRequired[int | None]
    perception: NotRequired[Perception | None]
    max: NotRequired[int]
    missing: NotRequired[int]
    category: NotRequired[Category | None]
    emotional_category: NotRequired[Category | None]
    social_category: NotRequired[Category | None]
    cutoff: NotRequired[int]
    reasons: list[Reason]


class ScoredInstrument(Scores):
    """One instrument response, scored (see ``docs/instruments.md``). ``name`` and ``source``
    are missing for an unknown instrument; the score keys only where the instrument has them.
    ``instrument`` is a ``str``: an unknown code is reported, not rejected."""

    instrument: str
    kind: Literal["research_instrument"]
    taken_on: str | None
    name: NotRequired[Message]
    source: NotRequired[str]
    scored: bool


class TypologyReason(TypedDict):
    code: Literal["no_perception"]
    nl: str
    en: str


class Typology(TypedDict):
    type: TypologyType | None
    label: Message | None
    network: Literal["rich", "poor"]
    size: int
    rich_from: int
    perception: Perception | None
    perception_source: PerceptionSource | None
    reason: TypologyReason | None
    message: Message | None
    source: str


class AnalysisResult(NetworkAnalysis):
    """:func:`~zorgkracht.analysis.analyse`: ``snapshot`` first, then the network analysis,
    then ``instruments`` and ``typology`` (the order of ``docs/analysis.md``)."""

    snapshot: str
    instruments: list[ScoredInstrument]
    typology: Typology


Change = TypedDict("Change", {"from": float | None, "to": float | None, "change": float | None})
"""One number before and after; ``change`` is ``None`` when either is."""


class Departure(TypedDict):
    """A member who left (:func:`~zorgkracht.analysis.change.departures`); ``wish`` is the
    ``Wish`` code in the earlier state."""

    person: str
    intended: bool
    wish: str | None


StrengthChange = TypedDict("StrengthChange", {"from": int, "to": int, "change": int})
QualityChange = TypedDict("QualityChange", {"from": str, "to": str})
"""``Quality`` codes."""


class TieChange(TypedDict):
    pair: list[str]
    strength: StrengthChange
    quality: QualityChange
    support_gained: list[Letter]
    support_lost: list[Letter]
    trend: Trend
    intended: bool
    """Weakened or mixed, with a member the client wanted less or no contact with before."""


class TieChanges(TypedDict):
    added: list[list[str]]
    removed: list[list[str]]
    removed_intended: list[list[str]]
    """The removed pairs with a member the client wanted less or no contact with before."""
    changed: list[TieChange]
    strengthened: list[list[str]]
    weakened: list[list[str]]


Comparison = TypedDict(
    "Comparison",
    {
        "from": str,
        "to": str,
        "from_date": str | None,
        "to_date": str | None,
        "client": str,
        "client_name": str,
        "persons": dict[str, PersonInfo],
        "came": list[str],
        "left": list[str],
        "departures": list[Departure],
        "ties": TieChanges,
        "measures": dict[str, Change],
    },
)
""":func:`~zorgkracht.analysis.compare` (``from`` is a keyword, hence the functional form)."""
