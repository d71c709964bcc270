"""The one If-Match parser (:mod:`zorgkracht.web.if_match`): digits only, in quotes or not,
weak or not; anything else is bad input, and no header is a missing precondition."""

from __future__ import annotations

import pytest

from zorgkracht.domain import InvalidInput
from zorgkracht.web.if_match import parse_if_match


@pytest.mark.parametrize(
    ("value", "version"),
    [
        ('"3"', 3),
        ("3", 3),
        ('W/"3"', 3),
        ("W/3", 3),
        ('  "12"  ', 12),
        ('"007"', 7),
        ('"' + "9" * 18 + '"', int("9" * 18)),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_the_forms_of_a_version(value: str | None, version: int | None) -> None:
    assert parse_if_match(value) == version


@pytest.mark.parametrize(
    "value",
    [
        '"-1"',
        "-1",
        '"1_0"',
        "1_0",
        '"+1"',
        '" 1"',
        '"1',
        '1"',
        '""',
        '"1", "2"',
        "*",
        "w/1",
        'W/ "1"',
        '"1.0"',
        '"١"',  # an Arabic-Indic digit: isdigit() says yes, a version says no
        '"' + "9" * 19 + '"',
        '"' + "9" * 5000 + '"',
        "een",
    ],
)
def test_odd_values_are_bad_input(value: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_if_match(value)
    (problem,) = refused.value.problems
    assert problem.where == "If-Match" and problem.code == "type"
    assert len(problem.en) < 120  # a long value is not echoed whole
