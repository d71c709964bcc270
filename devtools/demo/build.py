"""Build the demo cases and write them as the case files shipped in ``zorgkracht.demo``.

Run ``python -m devtools.demo.build`` after changing a case module; the test
``tests/demo/test_demo_cases.py`` fails while a shipped file differs from what is built here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from devtools.demo import ada, fatima, flodder, karel, pauline, tavenier
from zorgkracht.demo import DEMO_IDS, demo_path
from zorgkracht.domain import Case, validate_case
from zorgkracht.interchange.case_json import dumps

BUILDERS: dict[str, Callable[[], Case]] = {
    flodder.CASE_ID: flodder.build,
    fatima.CASE_ID: fatima.build,
    karel.CASE_ID: karel.build,
    tavenier.CASE_ID: tavenier.build,
    ada.CASE_ID: ada.build,
    pauline.CASE_ID: pauline.build,
}


def build_cases() -> list[Case]:
    """Every demo case, validated, in the order of :data:`DEMO_IDS`."""
    return [validate_case(BUILDERS[case_id](), case_id) for case_id in DEMO_IDS]


def render() -> dict[Path, str]:
    """The text of every demo case file, by the path it is shipped at."""
    return {demo_path(case.id): dumps(case) for case in build_cases()}


def write() -> list[Path]:
    """Write every demo case file that differs from what is built; return the written paths."""
    written = []
    for path, text in render().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main() -> int:
    written = write()
    for path in written:
        print(f"geschreven / written: {path}")
    if not written:
        print("democasussen zijn al actueel / demo cases are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
