from __future__ import annotations

import pytest

from zorgkracht.analysis.variety import blau, iqv, variety_measures
from zorgkracht.domain.codes import AgeGroup, EducationLevel, Gender, Role

from .helpers import person


def test_blau_and_iqv_by_hand() -> None:
    # counts 2, 1, 1: p = 1/2, 1/4, 1/4; Σp² = 1/4 + 1/16 + 1/16 = 3/8; B = 5/8
    assert blau([2, 1, 1]) == pytest.approx(5 / 8)
    # k = 3: IQV = 5/8 × 3/2 = 15/16
    assert iqv(5 / 8, 3) == pytest.approx(15 / 16)
    # everyone in one category: B = 0
    assert blau([4]) == 0.0
    # even spread over all k = 2 categories: B = 1/2, IQV = 1
    assert iqv(blau([3, 3]), 2) == pytest.approx(1.0)


def test_blau_is_undefined_without_known_values() -> None:
    assert blau([]) is None
    assert blau([0, 0]) is None
    assert iqv(None, 3) is None
    assert iqv(0.5, 1) is None


def test_unknown_values_are_left_out_and_counted() -> None:
    members = [
        person("a", role=Role.PARENT, gender=Gender.FEMALE, education=EducationLevel.LOW),
        person("b", role=Role.FRIEND, gender=Gender.MALE, birth_year=2000),
        person("c2", role=Role.NEIGHBOUR, gender=Gender.UNKNOWN, age_group=AgeGroup.ADULT),
        person("d"),
    ]
    v = variety_measures(members, 2024)
    # sector: kin 1, friendly 2, unknown 1 → p = 1/3, 2/3; B = 1 − 1/9 − 4/9 = 4/9;
    # IQV = 4/9 × 3/2 = 2/3
    assert v["sector"]["blau"] == pytest.approx(4 / 9)
    assert v["sector"]["iqv"] == pytest.approx(2 / 3)
    assert v["sector"]["n"] == 3
    assert v["sector"]["unknown"] == 1
    assert v["sector"]["k"] == 3
    assert v["sector"]["counts"] == {"friendly": 2, "kin": 1}
    # role: 3 different of k = 15: B = 1 − 3/9 = 2/3; IQV = 2/3 × 15/14 = 5/7
    assert v["role"]["blau"] == pytest.approx(2 / 3)
    assert v["role"]["iqv"] == pytest.approx(5 / 7)
    # gender: female, male known; 'unknown' gender and no gender both unknown → 2 unknown
    # B = 1/2, k = 3: IQV = 3/4
    assert v["gender"]["unknown"] == 2
    assert v["gender"]["blau"] == pytest.approx(0.5)
    assert v["gender"]["iqv"] == pytest.approx(0.75)
    # age group: b born 2000 → 24 in 2024 → young_adult; c2 adult; a and d unknown
    assert v["age_group"]["counts"] == {"adult": 1, "young_adult": 1}
    assert v["age_group"]["unknown"] == 2
    # education: one known value: B = 0, IQV = 0
    assert v["education"]["blau"] == 0.0
    assert v["education"]["iqv"] == 0.0
    assert v["education"]["unknown"] == 3


def test_no_members_gives_undefined_variety() -> None:
    v = variety_measures([], 2024)
    assert v["sector"] == {"blau": None, "iqv": None, "k": 3, "n": 0, "unknown": 0, "counts": {}}
