"""Who may do what: one decision for the web application and the command line.

:func:`allowed` answers for a role, an action and whether the case is assigned to the user.
The web application asks it for every request (``zorgkracht.web.deps``); the command line acts
as the local operator with every right (and is audited as ``cli``).

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

from enum import StrEnum


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


__all__ = ["Action", "Role", "allowed", "parse_role"]
