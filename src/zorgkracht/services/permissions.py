"""Who may do what: one decision for the web application and the command line.

:func:`allowed` answers for a role, an action and whether the case is assigned to the user.
:func:`require` asks it for an :class:`Actor` and refuses with :class:`Forbidden` or, for a case
the actor may not even know of, :class:`CaseHidden` (a ``NotFound``). Every use case of the
services calls :func:`require` itself, for the web application (the signed-in user) and the
command line alike; the command line acts as the machine's operator (:meth:`Actor.operator`,
role ``admin``: every right) and is audited as ``cli:<os user>``.

=========================  =====  ===========  ============  =========
action                     admin  coordinator  professional  volunteer
=========================  =====  ===========  ============  =========
list the case              all    all          assigned      assigned
view, edit                 all    assigned     assigned      assigned
create a case              yes    yes          yes           no
export case file / list    all    assigned     assigned      no
export picture             all    assigned     assigned      no
picture w/o sensitive      all    assigned     assigned      assigned
delete a case              all    no           assigned      no
erase a case               all    no           no            no
manage access to a case    all    all          no            no
accounts, roles, audit     yes    no           no            no
=========================  =====  ===========  ============  =========
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from enum import StrEnum

from zorgkracht.domain import NotFound, ZorgkrachtError


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    PROFESSIONAL = "professional"
    VOLUNTEER = "volunteer"

    @property
    def nl(self) -> str:
        return _ROLE_NAMES[self][0]

    @property
    def en(self) -> str:
        return _ROLE_NAMES[self][1]


_ROLE_NAMES = {
    Role.ADMIN: ("Beheerder", "Administrator"),
    Role.COORDINATOR: ("Coördinator", "Coordinator"),
    Role.PROFESSIONAL: ("Professional", "Professional"),
    Role.VOLUNTEER: ("Vrijwillige netwerkcoach", "Volunteer network coach"),
}


class Action(StrEnum):
    LIST_CASES = "list_cases"
    VIEW = "view"
    EDIT = "edit"
    CREATE = "create"
    EXPORT_CASE_FILE = "export_case_file"
    EXPORT_PICTURE = "export_picture"
    EXPORT_PICTURE_WITHOUT_SENSITIVE = "export_picture_without_sensitive"
    DELETE = "delete"
    ERASE = "erase"
    MANAGE_ACCESS = "manage_access"
    MANAGE_ACCOUNTS = "manage_accounts"
    VIEW_AUDIT = "view_audit"


_ASSIGNED = "assigned"
_ANY = "any"
_RULES: dict[Role, dict[Action, str]] = {
    Role.ADMIN: {action: _ANY for action in Action},
    Role.COORDINATOR: {
        Action.LIST_CASES: _ANY,
        Action.VIEW: _ASSIGNED,
        Action.EDIT: _ASSIGNED,
        Action.CREATE: _ANY,
        Action.EXPORT_CASE_FILE: _ASSIGNED,
        Action.EXPORT_PICTURE: _ASSIGNED,
        Action.EXPORT_PICTURE_WITHOUT_SENSITIVE: _ASSIGNED,
        Action.MANAGE_ACCESS: _ANY,
    },
    Role.PROFESSIONAL: {
        Action.LIST_CASES: _ASSIGNED,
        Action.VIEW: _ASSIGNED,
        Action.EDIT: _ASSIGNED,
        Action.CREATE: _ANY,
        Action.EXPORT_CASE_FILE: _ASSIGNED,
        Action.EXPORT_PICTURE: _ASSIGNED,
        Action.EXPORT_PICTURE_WITHOUT_SENSITIVE: _ASSIGNED,
        Action.DELETE: _ASSIGNED,
    },
    Role.VOLUNTEER: {
        Action.LIST_CASES: _ASSIGNED,
        Action.VIEW: _ASSIGNED,
        Action.EDIT: _ASSIGNED,
        Action.EXPORT_PICTURE_WITHOUT_SENSITIVE: _ASSIGNED,
    },
}
"""Per role, the actions it may do on any case or only on assigned ones; others never."""


def allowed(role: Role | str, action: Action, *, assigned: bool) -> bool:
    """Whether a user with ``role`` may do ``action`` on a case (``assigned``: the case is
    assigned to them; ignored for actions on no case, such as creating one)."""
    try:
        rules = _RULES[Role(role)]
    except ValueError:
        return False  # an unknown role may do nothing
    scope = rules.get(action)
    return scope == _ANY or (scope == _ASSIGNED and assigned)


def parse_role(value: str) -> Role | None:
    """The role named ``value``, or ``None``."""
    try:
        return Role(value.strip().lower())
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does something: a signed-in user (id, user name at the time, role and the cases
    assigned to them) or the command line's operator. The audit log records ``user_id``,
    ``name`` and ``address``; :func:`require` looks at ``role`` and ``case_ids``. An actor
    without a role may do nothing."""

    user_id: int | None
    name: str
    address: str | None = None
    role: Role | None = None
    case_ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def operator(cls) -> Actor:
        """The person at this machine's command line: an administrator, named after the OS
        user (``cli:<user>``), at the address ``local``."""
        try:
            who = getpass.getuser()
        except (KeyError, OSError):  # no user name for this uid (containers)
            who = "?"
        return cls(None, f"cli:{who}", "local", Role.ADMIN)

    @classmethod
    def cli(cls) -> Actor:
        """The same as :meth:`operator`."""
        return cls.operator()

    def may(self, action: Action | str, case_id: str | None = None) -> bool:
        """Whether this actor may do ``action`` (on ``case_id``)."""
        if self.role is None:
            return False
        assigned = case_id is not None and case_id in self.case_ids
        return allowed(self.role, Action(action), assigned=assigned)


class Forbidden(ZorgkrachtError):
    """The actor may not do this (the web answers 403)."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(nl, en)


class CaseHidden(NotFound):
    """The actor may not know that the case exists: refused as if it did not (404)."""

    def __init__(self, case_id: str) -> None:
        super().__init__(f"Casus {case_id!r} bestaat niet.", f"Case {case_id!r} does not exist.")


def require(actor: Actor, action: Action, case_id: str | None = None) -> None:
    """Nothing when ``actor`` may do ``action`` (on ``case_id``). Otherwise :class:`Forbidden`
    when their role may never do it or they can see that the case exists (in their list), and
    :class:`CaseHidden` when they cannot: someone else's case is not revealed."""
    if actor.may(action, case_id):
        return
    if case_id is None or actor.role is None or not allowed(actor.role, action, assigned=True):
        raise Forbidden(
            "U mag dit niet doen met uw rol.", "Your role does not allow you to do this."
        )
    if actor.may(Action.LIST_CASES, case_id):
        raise Forbidden(
            "U mag de inhoud van deze casus niet zien: hij is niet aan u toegewezen.",
            "You may not see the contents of this case: it is not assigned to you.",
        )
    raise CaseHidden(case_id)


REFUSALS = (Forbidden, CaseHidden)
"""What :func:`require` raises (to catch a refusal apart from a case that does not exist)."""

__all__ = [
    "REFUSALS",
    "Action",
    "Actor",
    "CaseHidden",
    "Forbidden",
    "Role",
    "allowed",
    "parse_role",
    "require",
]
