"""Zorgkracht: map a client's social network together, see what it can carry, organise help."""

from zorgkracht import _compiled

__version__ = "0.1.0"

_compiled.install()
