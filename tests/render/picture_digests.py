"""SHA-256 of many pictures and tables, to compare the compiled wheel with the sources.

``python -m tests.render.picture_digests`` prints them as JSON; ``scripts/check_wheel.py`` runs
it once with the compiled wheel installed and once with the sources and compares. The cases:
the demo cases in every view and both languages (also without what is marked sensitive, and the
genogram around every household member), every well-formed GEDCOM test file, and seeded
families and ecograms of :mod:`devtools.generators` in several sizes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from devtools.generators import ecogram_case, family
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case
from zorgkracht.interchange.gedcom import read_gedcom
from zorgkracht.layout.memo import forget
from zorgkracht.render import views

GEDCOM_DIR = Path(__file__).resolve().parents[1] / "data" / "gedcom"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _pictures() -> Iterator[tuple[str, Case, str, dict[str, object]]]:
    for case in load_demo_cases():
        for view in views.VIEWS:
            for lang in ("nl", "en"):
                yield f"{case.id}/{view}/{lang}", case, view, {"lang": lang}
            yield f"{case.id}/{view}/hidden", case, view, {"hide_sensitive": True}
        for pid in case.network.household:
            focus = {"focus": pid, "generations": 1}
            yield f"{case.id}/genogram/{pid}", case, "genogram", focus
    for path in sorted(GEDCOM_DIR.rglob("*.ged")):
        if path.parent.name != "malformed":
            yield str(path.relative_to(GEDCOM_DIR)), read_gedcom(path), "genogram", {}
    for size in (5, 12, 30, 60, 120, 200, 1000):
        for seed in (1, 2, 3):
            yield f"family-{size}-{seed}", family(size, seed), "genogram", {}
    for size in (3, 8, 20, 50):
        for seed in (1, 2):
            yield f"ecogram-{size}-{seed}", ecogram_case(size, seed), "ecogram", {}


def digests() -> dict[str, str]:
    """Name → digest of the SVG and of the table, each drawn from nothing."""
    out: dict[str, str] = {}
    for name, case, view, options in _pictures():
        forget()
        svg = views.render_svg(case, view, **options)  # type: ignore[arg-type]
        table = views.render_table(case, view, **options)  # type: ignore[arg-type]
        out[name] = _sha(svg) + " " + _sha(json.dumps(table, sort_keys=True))
    return out


if __name__ == "__main__":
    print(json.dumps(digests(), indent=1, sort_keys=True))
