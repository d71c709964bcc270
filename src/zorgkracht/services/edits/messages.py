"""Bad input as :class:`~zorgkracht.domain.InvalidInput`: each problem names the field, in
Dutch and English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from zorgkracht.domain import InvalidInput, Problem
from zorgkracht.domain.rules import unknown
from zorgkracht.interchange.case_json import problems_from_validation

_MORE_MESSAGES: dict[str, tuple[str, str]] = {
    "finite_number": ("moet een eindig getal zijn", "must be a finite number"),
    "float_type": ("is geen getal", "is not a number"),
    "int_from_float": ("is geen geheel getal", "is not a whole number"),
    "string_type": ("moet tekst zijn", "must be text"),
    "string_too_long": ("is te lang", "is too long"),
    "bool_type": ("is geen ja/nee-waarde", "is not a yes/no value"),
    "dict_type": ("moet een object zijn", "must be an object"),
    "list_type": ("moet een lijst zijn", "must be a list"),
    "model_type": ("moet een object zijn", "must be an object"),
    "model_attributes_type": ("moet een object zijn", "must be an object"),
    "date_type": ("is geen datum (JJJJ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_parsing": ("is geen datum (JJJJ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": ("is geen datum (JJJJ-MM-DD)", "is not a date (YYYY-MM-DD)"),
}


def _parse(model: type[BaseModel], data: Any, where: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = problems_from_validation(err, data, f"{where}/" if where else "")
        raise InvalidInput([_dutch(p) for p in problems]) from None


def _dutch(p: Problem) -> Problem:
    """Problems the case file reader has no Dutch text for get one here."""
    if p.nl != p.en:
        return p
    nl, en = _MORE_MESSAGES.get(p.code, ("ongeldige waarde", p.en))
    return Problem(where=p.where, nl=nl, en=en, code=p.code)


def _problem(where: str, nl: str, en: str, code: str) -> InvalidInput:
    return InvalidInput([Problem(where=where, nl=nl, en=en, code=code)])


def _unknown(where: str, ref: str, nl: str = "persoon", en: str = "person") -> InvalidInput:
    return InvalidInput([unknown(where, ref, nl, en)])


class _At:
    """Where a problem is: the field of an ``add_*`` operation, or under ``changes/`` for an
    update, naming a changed field (``instead``) when the field itself was not changed."""

    def __init__(self, changes: Mapping[str, Any] | None = None) -> None:
        self.changes = changes

    def __call__(self, field: str, *instead: str) -> str:
        if self.changes is None:
            return field
        if field.split("/")[0] not in self.changes:
            field = next((other for other in instead if other in self.changes), field)
        return f"changes/{field}"
