"""Backups of the whole database and restoring them (:mod:`zorgkracht.storage.backup`).

The command line calls these; they hold no state of their own. A backup file holds every
client's data and every account's password hash: it needs the same protection as the database.
"""

from __future__ import annotations

import logging
from pathlib import Path

from zorgkracht.storage import backup as storage
from zorgkracht.storage.backup import BackupSummary
from zorgkracht.storage.engine import safe_url

log = logging.getLogger(__name__)

__all__ = ["BackupSummary", "check_backup", "make_backup", "restore_backup", "shown_url"]


def make_backup(url: str, path: Path) -> BackupSummary:
    """Write a backup of the database at ``url`` to ``path`` (mode 0600)."""
    return storage.write_backup(url, path)


def check_backup(path: Path) -> BackupSummary:
    """Read a backup completely and check it, without restoring anything."""
    return storage.inspect_backup(path)


def restore_backup(url: str, path: Path, *, replace: bool = False) -> BackupSummary:
    """Restore ``path`` into the database at ``url``: all or nothing."""
    return storage.restore(url, path, replace=replace)


def shown_url(url: str) -> str:
    """``url`` with any password masked, for messages."""
    return safe_url(url)
