"""The browser benchmark's pure helpers (the benchmark itself drives Chromium and is not run in
the test suite): median, 95th percentile and the split of one edit's page times."""

from __future__ import annotations

import pytest

from benchmarks.bench_browser import median, p95, sized_case, split_edit


def test_median_of_odd_and_even_counts() -> None:
    assert median([30.0, 10.0, 20.0]) == 20.0
    assert median([40.0, 10.0, 30.0, 20.0]) == 25.0


def test_p95_interpolates_between_closest_ranks() -> None:
    values = [float(v) for v in range(1, 21)]  # 1..20: rank (20 - 1) * 0.95 = 18.05
    assert p95(values) == pytest.approx(19.05)
    assert p95([5.0, 5.0]) == 5.0
    assert p95([7.0]) == 7.0


def test_empty_lists_are_refused() -> None:
    with pytest.raises(ValueError):
        median([])
    with pytest.raises(ValueError):
        p95([])


def test_split_edit_parts_add_up() -> None:
    times = {"t0": 100.0, "start": 102.0, "end": 150.0, "dom": 170.0, "painted": 185.0}
    assert split_edit(times) == {
        "total": 85.0,
        "dom": 70.0,
        "before": 2.0,
        "server": 48.0,
        "after": 20.0,
    }
    # without a resource timing entry only the totals
    assert split_edit({"t0": 1.0, "dom": 11.0, "painted": 21.0, "start": None, "end": None}) == {
        "total": 20.0,
        "dom": 10.0,
    }


def test_sized_case_has_the_number_of_persons() -> None:
    for size in (18, 150):
        case = sized_case(size)
        assert len(case.network.persons) == size
        assert case.id == f"browser-{size}"
