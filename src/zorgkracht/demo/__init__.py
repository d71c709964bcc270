"""The demo cases from the book, shipped as case files (``zorgkracht/2`` for the two with a
process, Tavenier and Ada; ``zorgkracht/1`` for the others).

The files ``flodder``, ``fatima``, ``karel``, ``tavenier``, ``ada`` and ``pauline``
``.zorgkracht.json`` in this package are
written by ``python -m devtools.demo.build`` from the builders in ``devtools/demo/`` (not
shipped); a test keeps the two in step. What the book says and what was filled in is listed
in ``docs/demo-cases.md``.
"""

from __future__ import annotations

from pathlib import Path

from zorgkracht.domain import Case

DEMO_IDS: tuple[str, ...] = ("flodder", "fatima", "karel", "tavenier", "ada", "pauline")
"""Case ids of the demo cases, in the order of the book."""

SUFFIX = ".zorgkracht.json"


def demo_path(case_id: str) -> Path:
    """The shipped case file of one demo case."""
    return Path(__file__).resolve().parent / f"{case_id}{SUFFIX}"


def demo_paths() -> list[Path]:
    """The shipped case files, in the order of :data:`DEMO_IDS`."""
    return [demo_path(case_id) for case_id in DEMO_IDS]


def load_demo_cases() -> list[Case]:
    """Read and validate every shipped demo case."""
    from zorgkracht.interchange.case_json import read_case

    return [read_case(path) for path in demo_paths()]


__all__ = ["DEMO_IDS", "demo_path", "demo_paths", "load_demo_cases"]
