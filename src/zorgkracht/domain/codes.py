"""The codes of the domain language (``shared/domain.md`` §3–§4).

Every enumeration here is the contract with files, the database and the pictures: the string
value of a member is the code that is written to a case file or a table. Dutch and English
labels live with the code so that every view can say it in the user's language.
"""

from __future__ import annotations

from enum import Enum

from .coded import Coded as Coded
from .coded import register_labels


class Gender(Coded):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class Identity(Coded):
    """Orientation and identity markers drawn on a genogram (book legend, ch. 4)."""

    GAY = "gay"
    LESBIAN = "lesbian"
    BISEXUAL = "bisexual"
    TRANSGENDER = "transgender"


class ConditionKind(Coded):
    PHYSICAL_ILLNESS = "physical_illness"
    MENTAL_ILLNESS = "mental_illness"
    SUBSTANCE_USE = "substance_use"


class ConditionState(Coded):
    PRESENT = "present"
    IN_RECOVERY = "in_recovery"
    SUSPECTED = "suspected"


class Role(Coded):
    """A member's objective relation to the client (§3)."""

    PARTNER = "partner"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"
    OTHER_FAMILY = "other_family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    COLLEAGUE = "colleague"
    FELLOW_CLIENT = "fellow_client"
    ACQUAINTANCE = "acquaintance"
    VOLUNTEER = "volunteer"
    PROFESSIONAL = "professional"
    SERVICE = "service"


class Sector(Coded):
    """MSNA sector (Baars 1990), derived from :class:`Role`."""

    KIN = "kin"
    FRIENDLY = "friendly"
    SERVICES = "services"


class Segment(Coded):
    """Lensink segment of the netwerkschema, derived from :class:`Role`."""

    FAMILY = "family"
    CLIENT_CONTACTS = "client_contacts"
    PROFESSIONAL = "professional"
    SOCIETY = "society"


class Circle(Coded):
    """Lensink circle: the client's subjective closeness. ``number`` is 1 (inner) to 4."""

    INTIMACY = "intimacy"
    FRIENDSHIP = "friendship"
    ACQUAINTANCE = "acquaintance"
    SERVICES = "services"

    @property
    def number(self) -> int:
        return list(Circle).index(self) + 1

    @classmethod
    def from_number(cls, number: int) -> Circle:
        if not 1 <= number <= 4:
            raise ValueError(number)
        return list(cls)[number - 1]


class Zone(Coded):
    """Reachability (MSNA zones), plus ``online``."""

    NEIGHBOURHOOD = "neighbourhood"
    TOWN = "town"
    REGION = "region"
    OUTSIDE_REGION = "outside_region"
    ONLINE = "online"


class Frequency(Coded):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"
    RARELY = "rarely"


class NetworkZone(Coded):
    """MSNA network zone: personal, nominal or extensive network."""

    PERSONAL = "personal"
    NOMINAL = "nominal"
    EXTENSIVE = "extensive"


class TieStatus(Coded):
    """Status of the tie with the client, the basis of RADIO (§6)."""

    ACTIVE = "active"
    FADED = "faded"
    DISTURBED = "disturbed"
    WEAK = "weak"


class Wish(Coded):
    """The client's wish for a contact (Den Hollander & Wilken, ch. 4; Karel, ch. 5)."""

    MORE = "more"
    SAME = "same"
    LESS = "less"
    NONE = "none"


class Energy(Coded):
    """Whether a contact gives or costs the client energy (netwerkcirkel, ch. 11)."""

    GIVES = "gives"
    COSTS = "costs"
    BOTH = "both"


class CareTask(Coded):
    """Kinds of care task (ch. 2), for care given to the client and care the client gives."""

    HOUSEHOLD = "household"
    TRANSPORT = "transport"
    ADMINISTRATION = "administration"
    PERSONAL_CARE = "personal_care"
    SUPERVISION = "supervision"


class EducationLevel(Coded):
    """Education level in the three bands Statistics Netherlands (CBS) reports."""

    LOW = "low"
    MIDDLE = "middle"
    HIGH = "high"


class AgeGroup(Coded):
    CHILD = "child"  # 0-11
    ADOLESCENT = "adolescent"  # 12-17
    YOUNG_ADULT = "young_adult"  # 18-29
    ADULT = "adult"  # 30-64
    OLDER_ADULT = "older_adult"  # 65+

    @classmethod
    def for_age(cls, age: int) -> AgeGroup:
        if age < 12:
            return cls.CHILD
        if age < 18:
            return cls.ADOLESCENT
        if age < 30:
            return cls.YOUNG_ADULT
        if age < 65:
            return cls.ADULT
        return cls.OLDER_ADULT


class CoupleType(Coded):
    MARRIED = "married"
    MARRIED_SEPARATED = "married_separated"
    DIVORCED = "divorced"
    COHABITING = "cohabiting"
    ENGAGED = "engaged"
    COMMITTED = "committed"
    WIDOWED = "widowed"
    AFFAIR = "affair"
    SECRET_AFFAIR = "secret_affair"


class ChildType(Coded):
    BIOLOGICAL = "biological"
    ADOPTED = "adopted"
    FOSTER = "foster"
    PREGNANCY = "pregnancy"
    MISCARRIAGE = "miscarriage"
    STILLBIRTH = "stillbirth"
    ABORTION = "abortion"


class TwinType(Coded):
    IDENTICAL = "identical"
    FRATERNAL = "fraternal"


class EmotionalType(Coded):
    GOOD = "good"
    CLOSE = "close"
    FUSED = "fused"
    DISTANT = "distant"
    HOSTILE = "hostile"
    CLOSE_HOSTILE = "close_hostile"
    CONFLICT = "conflict"
    CUTOFF = "cutoff"
    CUTOFF_REPAIRED = "cutoff_repaired"
    CARE = "care"
    FOCUSED_ON = "focused_on"
    ABUSE = "abuse"

    @property
    def directed(self) -> bool:
        """Directed relations are drawn with an arrow from ``a`` to ``b``."""
        return self in (EmotionalType.CARE, EmotionalType.FOCUSED_ON, EmotionalType.ABUSE)


class Quality(Coded):
    POSITIVE = "positive"
    TENSE = "tense"
    CONFLICT = "conflict"


class Direction(Coded):
    """Direction of support or energy along a tie, read from end ``a`` (the client side)."""

    TO_CLIENT = "to_client"
    FROM_CLIENT = "from_client"
    BOTH = "both"
    NONE = "none"


class Support(Coded):
    """Support letters (book ch. 4; W after De Roos & van Dinther, ch. 11)."""

    PRACTICAL = "P"
    COMPANIONSHIP = "G"
    ADVICE = "A"
    EMOTIONAL = "E"
    APPRECIATION = "W"


class DomainKind(Coded):
    WORK = "work"
    SCHOOL = "school"
    FRIENDS = "friends"
    FAMILY = "family"
    NEIGHBOURHOOD = "neighbourhood"
    CHURCH = "church"
    SPORTS = "sports"
    CLUB = "club"
    HEALTH_CARE = "health_care"
    SOCIAL_WORK = "social_work"
    MUNICIPALITY = "municipality"
    HOUSING = "housing"
    POLICE = "police"
    JUSTICE = "justice"
    MEDIA = "media"
    VOLUNTEER_WORK = "volunteer_work"
    INCOME = "income"
    LEISURE = "leisure"
    OTHER = "other"


class CaseStatus(Coded):
    ACTIVE = "active"
    ARCHIVED = "archived"


ROLE_SECTOR: dict[Role, Sector] = {
    Role.PARTNER: Sector.KIN,
    Role.PARENT: Sector.KIN,
    Role.CHILD: Sector.KIN,
    Role.SIBLING: Sector.KIN,
    Role.GRANDPARENT: Sector.KIN,
    Role.GRANDCHILD: Sector.KIN,
    Role.OTHER_FAMILY: Sector.KIN,
    Role.FRIEND: Sector.FRIENDLY,
    Role.NEIGHBOUR: Sector.FRIENDLY,
    Role.COLLEAGUE: Sector.FRIENDLY,
    Role.ACQUAINTANCE: Sector.FRIENDLY,
    Role.VOLUNTEER: Sector.FRIENDLY,
    Role.FELLOW_CLIENT: Sector.FRIENDLY,
    Role.PROFESSIONAL: Sector.SERVICES,
    Role.SERVICE: Sector.SERVICES,
}

ROLE_SEGMENT: dict[Role, Segment] = {
    **{role: Segment.FAMILY for role, sector in ROLE_SECTOR.items() if sector is Sector.KIN},
    Role.FRIEND: Segment.SOCIETY,
    Role.NEIGHBOUR: Segment.SOCIETY,
    Role.COLLEAGUE: Segment.SOCIETY,
    Role.ACQUAINTANCE: Segment.SOCIETY,
    Role.VOLUNTEER: Segment.SOCIETY,
    Role.FELLOW_CLIENT: Segment.CLIENT_CONTACTS,
    Role.PROFESSIONAL: Segment.PROFESSIONAL,
    Role.SERVICE: Segment.PROFESSIONAL,
}


register_labels(
    {
        ("Gender", "male"): ("man", "male"),
        ("Gender", "female"): ("vrouw", "female"),
        ("Gender", "other"): ("anders", "other"),
        ("Gender", "unknown"): ("onbekend", "unknown"),
        ("Identity", "gay"): ("homo", "gay"),
        ("Identity", "lesbian"): ("lesbisch", "lesbian"),
        ("Identity", "bisexual"): ("biseksueel", "bisexual"),
        ("Identity", "transgender"): ("transgender", "transgender"),
        ("ConditionKind", "physical_illness"): ("lichamelijke ziekte", "physical illness"),
        ("ConditionKind", "mental_illness"): ("psychische ziekte", "mental illness"),
        ("ConditionKind", "substance_use"): ("middelengebruik", "substance use"),
        ("ConditionState", "present"): ("aanwezig", "present"),
        ("ConditionState", "in_recovery"): ("in herstel", "in recovery"),
        ("ConditionState", "suspected"): ("vermoed", "suspected"),
        ("Role", "partner"): ("partner", "partner"),
        ("Role", "parent"): ("ouder", "parent"),
        ("Role", "child"): ("kind", "child"),
        ("Role", "sibling"): ("broer of zus", "sibling"),
        ("Role", "grandparent"): ("grootouder", "grandparent"),
        ("Role", "grandchild"): ("kleinkind", "grandchild"),
        ("Role", "other_family"): ("overige familie", "other family"),
        ("Role", "friend"): ("vriend(in)", "friend"),
        ("Role", "neighbour"): ("buur", "neighbour"),
        ("Role", "colleague"): ("collega", "colleague"),
        ("Role", "fellow_client"): ("lotgenoot", "fellow client"),
        ("Role", "acquaintance"): ("kennis", "acquaintance"),
        ("Role", "volunteer"): ("vrijwilliger", "volunteer"),
        ("Role", "professional"): ("hulpverlener", "professional"),
        ("Role", "service"): ("dienstverlener", "service provider"),
        ("Sector", "kin"): ("verwanten", "kin"),
        ("Sector", "friendly"): ("vriendschappelijke betrekkingen", "friendly relations"),
        ("Sector", "services"): ("maatschappelijke diensten", "services"),
        ("Segment", "family"): ("familie", "family"),
        ("Segment", "client_contacts"): ("cliëntcontacten", "client contacts"),
        ("Segment", "professional"): ("professionele contacten", "professional contacts"),
        ("Segment", "society"): ("samenleving", "society"),
        ("Circle", "intimacy"): ("intimiteit", "intimacy"),
        ("Circle", "friendship"): ("vriendschap", "friendship"),
        ("Circle", "acquaintance"): ("bekenden", "acquaintances"),
        ("Circle", "services"): ("diensten", "services"),
        ("Zone", "neighbourhood"): ("wijk", "neighbourhood"),
        ("Zone", "town"): ("woonplaats", "town"),
        ("Zone", "region"): ("regio", "region"),
        ("Zone", "outside_region"): ("buiten de regio", "outside the region"),
        ("Zone", "online"): ("online", "online"),
        ("Frequency", "daily"): ("dagelijks", "daily"),
        ("Frequency", "weekly"): ("wekelijks", "weekly"),
        ("Frequency", "monthly"): ("maandelijks", "monthly"),
        ("Frequency", "yearly"): ("jaarlijks", "yearly"),
        ("Frequency", "rarely"): ("zelden", "rarely"),
        ("NetworkZone", "personal"): ("persoonlijk netwerk", "personal network"),
        ("NetworkZone", "nominal"): ("nominaal netwerk", "nominal network"),
        ("NetworkZone", "extensive"): ("extensief netwerk", "extensive network"),
        ("TieStatus", "active"): ("actief", "active"),
        ("TieStatus", "faded"): ("vervaagd", "faded"),
        ("TieStatus", "disturbed"): ("verstoord", "disturbed"),
        ("TieStatus", "weak"): ("verzwakt", "weakened"),
        ("Wish", "more"): ("meer contact", "more contact"),
        ("Wish", "same"): ("zo houden", "keep as it is"),
        ("Wish", "less"): ("minder contact", "less contact"),
        ("Wish", "none"): ("geen contact", "no contact"),
        ("Energy", "gives"): ("geeft energie", "gives energy"),
        ("Energy", "costs"): ("kost energie", "costs energy"),
        ("Energy", "both"): ("geeft en kost energie", "gives and costs energy"),
        ("CareTask", "household"): ("huishouden", "household"),
        ("CareTask", "transport"): ("vervoer en begeleiding", "transport and accompanying"),
        ("CareTask", "administration"): ("administratie", "administration"),
        ("CareTask", "personal_care"): ("persoonlijke verzorging", "personal care"),
        ("CareTask", "supervision"): ("toezicht", "supervision"),
        ("EducationLevel", "low"): ("laag", "low"),
        ("EducationLevel", "middle"): ("middelbaar", "middle"),
        ("EducationLevel", "high"): ("hoog", "high"),
        ("AgeGroup", "child"): ("kind (0-11)", "child (0-11)"),
        ("AgeGroup", "adolescent"): ("jongere (12-17)", "adolescent (12-17)"),
        ("AgeGroup", "young_adult"): ("jongvolwassene (18-29)", "young adult (18-29)"),
        ("AgeGroup", "adult"): ("volwassene (30-64)", "adult (30-64)"),
        ("AgeGroup", "older_adult"): ("oudere (65+)", "older adult (65+)"),
        ("CoupleType", "married"): ("getrouwd", "married"),
        ("CoupleType", "married_separated"): ("gescheiden van tafel en bed", "separated"),
        ("CoupleType", "divorced"): ("gescheiden", "divorced"),
        ("CoupleType", "cohabiting"): ("samenwonend", "cohabiting"),
        ("CoupleType", "engaged"): ("verloofd", "engaged"),
        ("CoupleType", "committed"): ("vaste relatie", "committed relationship"),
        ("CoupleType", "widowed"): ("weduwe/weduwnaar", "widowed"),
        ("CoupleType", "affair"): ("affaire", "affair"),
        ("CoupleType", "secret_affair"): ("geheime affaire", "secret affair"),
        ("ChildType", "biological"): ("biologisch kind", "biological child"),
        ("ChildType", "adopted"): ("geadopteerd kind", "adopted child"),
        ("ChildType", "foster"): ("pleegkind", "foster child"),
        ("ChildType", "pregnancy"): ("zwangerschap", "pregnancy"),
        ("ChildType", "miscarriage"): ("miskraam", "miscarriage"),
        ("ChildType", "stillbirth"): ("doodgeboren", "stillbirth"),
        ("ChildType", "abortion"): ("abortus", "abortion"),
        ("TwinType", "identical"): ("eeneiige tweeling", "identical twins"),
        ("TwinType", "fraternal"): ("twee-eiige tweeling", "fraternal twins"),
        ("EmotionalType", "good"): ("goede relatie", "good"),
        ("EmotionalType", "close"): ("hechte relatie", "close"),
        ("EmotionalType", "fused"): ("versmolten", "fused"),
        ("EmotionalType", "distant"): ("afstandelijk", "distant"),
        ("EmotionalType", "hostile"): ("vijandig", "hostile"),
        ("EmotionalType", "close_hostile"): ("hecht en vijandig", "close-hostile"),
        ("EmotionalType", "conflict"): ("conflict", "conflict"),
        ("EmotionalType", "cutoff"): ("verbroken", "cut off"),
        ("EmotionalType", "cutoff_repaired"): ("verbroken en hersteld", "cut off, repaired"),
        ("EmotionalType", "care"): ("zorgt voor", "cares for"),
        ("EmotionalType", "focused_on"): ("gericht op", "focused on"),
        ("EmotionalType", "abuse"): ("mishandeling", "abuse"),
        ("Quality", "positive"): ("positief", "positive"),
        ("Quality", "tense"): ("gespannen", "tense"),
        ("Quality", "conflict"): ("conflictvol", "conflict"),
        ("Direction", "to_client"): ("naar de cliënt", "to the client"),
        ("Direction", "from_client"): ("van de cliënt", "from the client"),
        ("Direction", "both"): ("wederzijds", "both ways"),
        ("Direction", "none"): ("geen", "none"),
        ("Support", "P"): ("praktische steun", "practical support"),
        ("Support", "G"): ("gezelschap", "companionship"),
        ("Support", "A"): ("advies en informatie", "advice and information"),
        ("Support", "E"): ("emotionele steun", "emotional support"),
        ("Support", "W"): ("waardering", "appreciation"),
        ("DomainKind", "work"): ("werk", "work"),
        ("DomainKind", "school"): ("school", "school"),
        ("DomainKind", "friends"): ("vrienden", "friends"),
        ("DomainKind", "family"): ("familie", "family"),
        ("DomainKind", "neighbourhood"): ("buurt", "neighbourhood"),
        ("DomainKind", "church"): ("kerk of moskee", "church or mosque"),
        ("DomainKind", "sports"): ("sport", "sports"),
        ("DomainKind", "club"): ("vereniging", "club"),
        ("DomainKind", "health_care"): ("gezondheidszorg", "health care"),
        ("DomainKind", "social_work"): ("maatschappelijk werk", "social work"),
        ("DomainKind", "municipality"): ("gemeente", "municipality"),
        ("DomainKind", "housing"): ("wonen", "housing"),
        ("DomainKind", "police"): ("politie", "police"),
        ("DomainKind", "justice"): ("justitie", "justice"),
        ("DomainKind", "media"): ("media", "media"),
        ("DomainKind", "volunteer_work"): ("vrijwilligerswerk", "volunteer work"),
        ("DomainKind", "income"): ("inkomen", "income"),
        ("DomainKind", "leisure"): ("vrije tijd", "leisure"),
        ("DomainKind", "other"): ("overig", "other"),
        ("CaseStatus", "active"): ("actief", "active"),
        ("CaseStatus", "archived"): ("gearchiveerd", "archived"),
    }
)


def all_code_enums() -> list[type[Enum]]:
    """Every code enumeration, for schema generation and label completeness tests."""
    from . import process_codes  # noqa: F401  (the process codes register themselves)

    return list(Coded.__subclasses__())


INSTRUMENT_ITEMS: dict[str, tuple[int, int, int]] = {
    "djg11": (11, 1, 5),
    "djg6": (6, 1, 3),
    "lsns6": (6, 0, 5),
    "csi": (13, 0, 1),
    "perception": (1, 1, 2),
}
"""Research instruments a snapshot can hold: code → (number of items, lowest answer, highest
answer). Items are numbered ``"1"`` … ``"n"``; ``None`` is an unanswered item. Scoring lives
in :mod:`zorgkracht.analysis.instruments`; ``docs/instruments.md`` has the items and sources."""
