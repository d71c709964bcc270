"""docs/analysis.md lists exactly the top-level keys that analyse() returns."""

from __future__ import annotations

import re
from pathlib import Path

from zorgkracht.analysis import analyse
from zorgkracht.demo import load_demo_cases

DOC = Path(__file__).resolve().parents[2] / "docs" / "analysis.md"


def documented_keys() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## JSON-sleutels van `analyse()` / JSON keys")
    section = text[start : text.index("\n## ", start + 5)]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)


def test_the_documented_key_table_is_the_real_output() -> None:
    keys = documented_keys()
    assert len(keys) == len(set(keys))
    for case in load_demo_cases():
        for snapshot in [None, *(s.id for s in case.snapshots)]:
            assert set(keys) == set(analyse(case, snapshot).keys()), (case.id, snapshot)
    # and in the order analyse() builds them
    karel = next(c for c in load_demo_cases() if c.id == "karel")
    assert keys == list(analyse(karel, "start").keys())
