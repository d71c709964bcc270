"""The codes of the process records (``shared/domain.md`` §7 and §12), with their labels.

Like :mod:`.codes`, the string value of a member is what a case file or a table holds; the
Dutch and English labels live with the code.
"""

from __future__ import annotations

from .coded import Coded, register_labels


class Phasing(Coded):
    """A template of steps over the same records; none of them is a cage (§7)."""

    SNS = "sns"
    """Sociale netwerkstrategieën (MEE, ch. 7): three steps."""
    VEREIJKEN = "vereijken"
    """Sociale netwerkbenadering (Vereijken, ch. 4): four steps."""
    SCHEFFERS = "scheffers"
    """Vereijken with the network's possibilities as a step of its own: five steps."""
    COACH = "coach"
    """Natuurlijk een netwerkcoach! (ch. 8, table 8.1): ten steps in three phases."""
    FREE = "free"
    """No phasing: the records only."""


class QuestionStatus(Coded):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    REACHED = "reached"
    LET_GO = "let_go"


class MeetingKind(Coded):
    NETWORK_MEETING = "network_meeting"
    """Netwerkberaad, familienetwerk-beraad (3650–3702; step 6, 4028–4036)."""
    ROUND_POSITIVE = "round_positive"
    """Rondje positief (3876–3879, 3993–4015)."""
    INFORMATION = "information"
    """An information meeting for the network (Arnold and Ivanka, 5020–5054)."""
    EVALUATION = "evaluation"


class Reply(Coded):
    PENDING = "pending"
    YES = "yes"
    NO = "no"


class AgendaPhase(Coded):
    """The agenda of a network meeting, in this order (3676–3702)."""

    INTRODUCTIONS = "introductions"
    INFORMATION = "information"
    PRIVATE_TIME = "private_time"
    PLAN_BACK = "plan_back"


class Part(Coded):
    """What a person does in an action: carries it out, or thinks along."""

    DOES = "does"
    THINKS_ALONG = "thinks_along"


class ActionStatus(Coded):
    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    STOPPED = "stopped"


class ActionFrequency(Coded):
    ONCE = "once"
    DAILY = "daily"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    AS_NEEDED = "as_needed"


class ProfessionalRole(Coded):
    """The professional's role towards the network (Hendrix, 2157–2170)."""

    MEMBER = "member"
    COACH = "coach"
    MECHANIC = "mechanic"
    MANAGER = "manager"


class ClosingReason(Coded):
    GOALS_REACHED = "goals_reached"
    CLIENT_CHOICE = "client_choice"
    REFERRED = "referred"
    NO_PROGRESS = "no_progress"
    OTHER = "other"


register_labels(
    {
        ("Phasing", "sns"): (
            "sociale netwerkstrategieën (3 stappen)",
            "social network strategies (3 steps)",
        ),
        ("Phasing", "vereijken"): (
            "sociale netwerkbenadering (4 stappen)",
            "social network approach (4 steps)",
        ),
        ("Phasing", "scheffers"): (
            "netwerkbenadering met analyse (5 stappen)",
            "network approach with analysis (5 steps)",
        ),
        ("Phasing", "coach"): ("netwerkcoach (10 stappen)", "network coach (10 steps)"),
        ("Phasing", "free"): ("vrij", "free"),
        ("QuestionStatus", "open"): ("nog niet begonnen", "not started yet"),
        ("QuestionStatus", "in_progress"): ("mee bezig", "in progress"),
        ("QuestionStatus", "reached"): ("bereikt", "reached"),
        ("QuestionStatus", "let_go"): ("losgelaten", "let go"),
        ("MeetingKind", "network_meeting"): ("netwerkberaad", "network meeting"),
        ("MeetingKind", "round_positive"): ("rondje positief", "round of positives"),
        ("MeetingKind", "information"): ("informatiebijeenkomst", "information meeting"),
        ("MeetingKind", "evaluation"): ("evaluatie", "evaluation"),
        ("Reply", "pending"): ("nog geen antwoord", "no reply yet"),
        ("Reply", "yes"): ("komt", "coming"),
        ("Reply", "no"): ("komt niet", "not coming"),
        ("AgendaPhase", "introductions"): ("kennismakingsronde", "introductions"),
        ("AgendaPhase", "information"): ("informatiefase", "information phase"),
        ("AgendaPhase", "private_time"): ("privétijd", "private time"),
        ("AgendaPhase", "plan_back"): ("plan terug naar iedereen", "plan back to everyone"),
        ("Part", "does"): ("doet", "does"),
        ("Part", "thinks_along"): ("denkt mee", "thinks along"),
        ("ActionStatus", "planned"): ("gepland", "planned"),
        ("ActionStatus", "ongoing"): ("loopt", "ongoing"),
        ("ActionStatus", "done"): ("klaar", "done"),
        ("ActionStatus", "stopped"): ("gestopt", "stopped"),
        ("ActionFrequency", "once"): ("eenmalig", "once"),
        ("ActionFrequency", "daily"): ("elke dag", "daily"),
        ("ActionFrequency", "weekly"): ("elke week", "weekly"),
        ("ActionFrequency", "fortnightly"): ("om de week", "every two weeks"),
        ("ActionFrequency", "monthly"): ("elke maand", "monthly"),
        ("ActionFrequency", "as_needed"): ("als het nodig is", "as needed"),
        ("ProfessionalRole", "member"): ("lid", "member"),
        ("ProfessionalRole", "coach"): ("netwerkcoach", "network coach"),
        ("ProfessionalRole", "mechanic"): ("netwerkmonteur", "network mechanic"),
        ("ProfessionalRole", "manager"): ("netwerkbeheerder", "network manager"),
        ("ClosingReason", "goals_reached"): ("doelen bereikt", "goals reached"),
        ("ClosingReason", "client_choice"): ("keuze van de cliënt", "the client's choice"),
        ("ClosingReason", "referred"): ("doorverwezen", "referred onwards"),
        ("ClosingReason", "no_progress"): ("komt niet verder", "no progress"),
        ("ClosingReason", "other"): ("anders", "other"),
    }
)
