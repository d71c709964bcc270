from __future__ import annotations

import pytest

from zorgkracht.domain.codes import ROLE_SECTOR, ROLE_SEGMENT, Circle, Coded, Role, all_code_enums


@pytest.mark.parametrize("enum", all_code_enums(), ids=lambda e: e.__name__)
def test_every_code_has_a_dutch_and_english_label(enum: type[Coded]) -> None:
    for member in enum:
        assert member.nl and member.en
        if enum.__name__ not in ("Support",):
            # a label that equals the code means it was forgotten, unless the word is the same
            assert (member.nl, member.en) != (member.value, member.value) or member.value in {
                "partner",
                "school",
                "media",
                "online",
                "conflict",
                "transgender",
            }, member


def test_every_role_has_a_sector_and_segment() -> None:
    assert set(ROLE_SECTOR) == set(Role) == set(ROLE_SEGMENT)


def test_circles_are_numbered_inside_out() -> None:
    assert [c.number for c in Circle] == [1, 2, 3, 4]
    assert Circle.from_number(3) is Circle.ACQUAINTANCE
    with pytest.raises(ValueError):
        Circle.from_number(5)
