from __future__ import annotations

import datetime as dt
import json

import pytest

from zorgkracht.analysis import AnalysisSettings, analyse, format_analysis
from zorgkracht.domain.codes import Frequency, Role, TieStatus, Zone
from zorgkracht.domain.errors import NotFound
from zorgkracht.domain.model import Case, Snapshot

from .helpers import case, helps, network, person, tie

DAY = dt.date(2024, 6, 1)

REQUIRED = {
    "persons",
    "size",
    "by_sector",
    "by_segment",
    "by_circle",
    "by_zone",
    "by_frequency",
    "variety",
    "density",
    "support",
    "concentration",
    "reciprocity",
    "care_potential",
    "carers",
    "signals",
    "radio",
}


def _fatima() -> Case:
    net = network(
        person("son", name="Ahmed", role=Role.CHILD, birth_year=2008, zone=Zone.NEIGHBOURHOOD),
        person("sis", name="Samira", role=Role.SIBLING, zone=Zone.OUTSIDE_REGION),
        person("jul", name="Julia", role=Role.PROFESSIONAL, frequency=Frequency.WEEKLY),
        person("nb", name="Buurvrouw", role=Role.NEIGHBOUR, status=TieStatus.FADED),
        ties=[
            helps("son", "PG", care_hours_per_week=15, reciprocal=False),
            helps("sis", "E", reciprocal=True),
            helps("jul", "A"),
            tie("son", "sis"),
        ],
    )
    return case(net)


def test_analyse_has_the_contract_keys_and_is_json_ready() -> None:
    result = analyse(_fatima(), reference_date=DAY)
    assert set(result) >= REQUIRED
    assert set(result["by_sector"]) == {"kin", "friendly", "services", "unknown"}
    assert json.loads(json.dumps(result)) == result
    assert result["snapshot"] == "current"
    assert result["year"] == 2024


def test_analyse_a_snapshot_uses_its_network_and_date() -> None:
    kase = _fatima()
    then = network(
        person("x", role=Role.FRIEND), ties=[helps("x", "P", care_since=dt.date(2019, 1, 1))]
    )
    kase.snapshots.append(
        Snapshot(id="s1", label="toen", taken_on=dt.date(2019, 6, 1), network=then)
    )
    result = analyse(kase, "s1")
    assert result["size"] == 1
    assert result["reference_date"] == "2019-06-01"
    # 2019-01-01 → 2019-06-01: 5 whole months > 3 → carer
    assert [c["person"] for c in result["carers"]] == ["x"]
    assert result["carers"][0]["months"] == 5


def test_unknown_snapshot_raises_not_found() -> None:
    with pytest.raises(NotFound) as info:
        analyse(_fatima(), "nope")
    assert "momentopname" in info.value.nl
    assert "snapshot" in info.value.en


def test_format_analysis_in_both_languages() -> None:
    result = analyse(_fatima(), reference_date=DAY)
    nl = format_analysis(result, "nl")
    en = format_analysis(result, "en")
    assert "Omvang: 4 netwerkleden" in nl
    assert "Size: 4 network members" in en
    assert "Buurvrouw: reanimeren" in nl
    assert "reanimeren (revive)" in en
    assert "Ahmed" in nl  # the carer is named in the report for the table
    assert "[aandacht]" in nl and "[attention]" in en


def test_format_analysis_of_an_empty_network() -> None:
    text = format_analysis(analyse(case(network()), reference_date=DAY), "en")
    assert "Size: 0 network members" in text
    assert "no network members on the map yet" in text


def test_settings_are_validated() -> None:
    with pytest.raises(ValueError):
        AnalysisSettings(concentration_share=1.5)
    with pytest.raises(ValueError):
        AnalysisSettings(reciprocity_min_ties=-1)
