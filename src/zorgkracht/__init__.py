"""Zorgkracht: map a client's social network together, see what it can carry, organise help."""

__version__ = "0.1.0"
