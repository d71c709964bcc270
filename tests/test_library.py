"""The library (``zorgkracht.load``, ``analyse``, ...): its docstrings' examples and those of
``docs/library.md`` run here, and ``import zorgkracht`` loads nothing heavy."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import zorgkracht
from zorgkracht import library

DOCS = Path(__file__).resolve().parents[1] / "docs" / "library.md"


def test_the_docstrings_examples_run() -> None:
    result = doctest.testmod(library, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 20
    assert result.failed == 0


def test_the_examples_in_the_docs_run() -> None:
    result = doctest.testfile(str(DOCS), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8
    assert result.failed == 0


def test_every_public_name_is_documented_and_reachable() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in library.__all__:
        if name != "VIEWS":
            assert f"zorgkracht.{name}(" in text, name
        assert getattr(zorgkracht, name) is getattr(library, name)
    assert set(dir(zorgkracht)) == set(zorgkracht.__all__)
    with pytest.raises(AttributeError):
        zorgkracht.nothing_here  # noqa: B018


def test_importing_the_package_loads_no_service_or_drawing() -> None:
    code = (
        "import sys, zorgkracht; "
        "print(sorted(m for m in sys.modules if m.startswith('zorgkracht.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['zorgkracht.version']"


def test_a_demo_that_does_not_exist_is_named() -> None:
    from zorgkracht.domain import NotFound

    with pytest.raises(NotFound, match="flodder"):
        zorgkracht.demo_file("nobody")
