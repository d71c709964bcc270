"""The build backend: setuptools, asking for mypy only when a wheel will be compiled.

``pyproject.toml`` names this module as its in-tree backend. It is setuptools' own backend,
except that building a wheel also requires mypy (which brings mypyc) when ``setup.py`` will
compile: not with ``ZORGKRACHT_COMPILE=0`` and not for an editable install, which never
compiles. See ``docs/compiled.md``.
"""

from __future__ import annotations

import os

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403

COMPILER = "mypy>=1.10,<2"


def _compiling() -> bool:
    return os.environ.get("ZORGKRACHT_COMPILE", "1").strip().lower() not in (
        "0",
        "false",
        "no",
        "off",
    )


def get_requires_for_build_wheel(config_settings: dict[str, object] | None = None) -> list[str]:
    requires: list[str] = build_meta.get_requires_for_build_wheel(config_settings)
    return [*requires, COMPILER] if _compiling() else requires
