"""The key that signs session cookies, kept outside the client database.

Where the key comes from, in order:

1. the setting ``ZORGKRACHT_SECRET_KEY`` (at least 32 characters), e.g. for several server
   processes on several machines;
2. the file named by ``ZORGKRACHT_SECRET_KEY_FILE``;
3. ``<user data dir>/secret.key`` (``~/.local/share/zorgkracht/secret.key`` on Linux).

A missing key file is created on first use with ``O_EXCL`` and mode 0600 (two processes starting
at once end up with the same key); an existing file readable by others is tightened to 0600.
:class:`KeySource` notices when the file is replaced (``zorgkracht key rotate``) and uses the
new key from then on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from pathlib import Path

from zorgkracht.config import Settings
from zorgkracht.domain.errors import ZorgkrachtError
from zorgkracht.storage.engine import private_data_dir

log = logging.getLogger(__name__)

KEY_FILE = "secret.key"
KEY_BYTES = 48
PRIVATE_FILE = 0o600


def key_path(settings: Settings) -> Path:
    if settings.secret_key_file:
        return Path(settings.secret_key_file)
    return private_data_dir() / KEY_FILE


def _new_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def _read(path: Path) -> str:
    info = path.stat()
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, PRIVATE_FILE)
        log.warning("key file permissions tightened to 0600")
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise ZorgkrachtError(
            f"Het sleutelbestand {path} is leeg of te kort; maak een nieuwe sleutel met "
            "'zorgkracht key rotate'.",
            f"The key file {path} is empty or too short; make a new key with "
            "'zorgkracht key rotate'.",
        )
    return key


def _create(path: Path) -> None:
    """Write a new key to ``path`` when no file is there (``O_EXCL``: never overwrite)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        os.fchmod(fd, PRIVATE_FILE)
        os.write(fd, (_new_key() + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    log.info("new session key file created")


def load_key(settings: Settings) -> str:
    """The session key from the settings or the key file; the file is made when missing."""
    if settings.secret_key:
        return settings.secret_key
    path = key_path(settings)
    with contextlib.suppress(FileExistsError):  # made earlier, or by another process just now
        _create(path)
    return _read(path)


def rotate_key(settings: Settings) -> Path:
    """Replace the key file by one with a new key (written beside it, then renamed over it)."""
    if settings.secret_key:
        raise ZorgkrachtError(
            "De sleutel komt uit ZORGKRACHT_SECRET_KEY; zet daar een nieuwe waarde en start de "
            "server opnieuw.",
            "The key comes from ZORGKRACHT_SECRET_KEY; set a new value there and restart the "
            "server.",
        )
    path = key_path(settings)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
    _create(temporary)
    os.replace(temporary, path)
    log.info("session key rotated")
    return path


class KeySource:
    """The current key; a key file replaced on disk is read again (checked per call by its
    inode and modification time, which costs one ``stat``)."""

    def __init__(self, settings: Settings, key: str | None = None) -> None:
        self._settings = settings
        self._fixed = key or settings.secret_key
        self._path = None if self._fixed else key_path(settings)
        self._seen: tuple[int, int] | None = None
        self._key = self._fixed or ""

    def current(self) -> str:
        if self._fixed:
            return self._fixed
        assert self._path is not None
        try:
            info = self._path.stat()
        except FileNotFoundError:
            self._seen = None
            self._key = load_key(self._settings)
            return self._key
        seen = (info.st_ino, info.st_mtime_ns)
        if seen != self._seen:
            self._key = load_key(self._settings)
            self._seen = seen
        return self._key
