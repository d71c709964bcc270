"""Another local user can read neither the client database (nor its WAL) nor the session key
(finding 2): the data folder is 0700, every file in it 0600, the key lives in its own 0600 file
(not in the database), and migration 0003 deletes the key the database used to hold.

As root (tests and CI here) the check is real: ``setpriv`` runs ``cat`` as the user ``nobody``,
which must be refused. Not as root, the mode bits are checked instead.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from tests.storage.conftest import (  # noqa: F401  (fixtures used by name)
    backend,
    empty_url,
    pg_databases,
)
from zorgkracht.config import Settings
from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import make_engine
from zorgkracht.storage.migrate import alembic_config

ROOT = Path(__file__).resolve().parents[2]
ZORGKRACHT = Path(sys.executable).parent / "zorgkracht"
IS_ROOT = os.geteuid() == 0
PASSWORD = "een lang en geheim wachtwoord"


def readable_by_others(path: Path) -> bool:
    """Whether an unprivileged local user can read ``path``."""
    assert path.exists(), path
    if IS_ROOT:
        done = subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "cat", str(path)],
            capture_output=True,
            timeout=30,
        )
        return done.returncode == 0
    return bool(path.stat().st_mode & 0o077)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture()
def open_dir() -> Iterator[Path]:
    """A folder every local user may enter (0755, under /tmp), as a home directory is."""
    path = Path(tempfile.mkdtemp(prefix="zk-perm-", dir="/tmp"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


@pytest.fixture()
def loose_umask() -> Iterator[None]:
    """The usual umask 022 of a login shell, whatever an earlier test left."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def cli(args: list[str], env: dict[str, str], stdin: str = "") -> str:
    done = subprocess.run(
        [str(ZORGKRACHT), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_cli_keeps_database_and_key_from_other_users(open_dir: Path, loose_umask: None) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(open_dir / "data"), "ZORGKRACHT_LOG": "WARNING"}
    for name in ("ZORGKRACHT_DATABASE_URL", "ZORGKRACHT_SECRET_KEY", "ZORGKRACHT_SECRET_KEY_FILE"):
        env.pop(name, None)
    (open_dir / "data").mkdir(mode=0o755)
    cli(["user", "add", "anna", "--admin", "--password-stdin"], env, PASSWORD + "\n")
    cli(["key", "rotate"], env)
    folder = open_dir / "data" / "zorgkracht"
    database = folder / "zorgkracht.sqlite"
    key = folder / "secret.key"
    assert mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {p.name: 0o600 for p in folder.iterdir()}
    # Open the folder to everyone again, as an older version left it: only the files guard now.
    folder.chmod(0o755)
    assert not readable_by_others(database)
    assert not readable_by_others(key)
    # ... and the next command closes the folder again, and any file left open in it.
    database.chmod(0o644)
    cli(["cases"], env)
    assert mode(folder) == 0o700 and mode(database) == 0o600


def test_an_open_database_and_its_wal_are_for_the_owner_only(
    open_dir: Path, loose_umask: None
) -> None:
    database = open_dir / "elders.sqlite"
    store = CaseStore(f"sqlite:///{database}")  # what `--db sqlite:///...` opens
    try:
        store.migrate()
        assert store.count() == 0  # the pool keeps a connection: the WAL stays
        wal = Path(f"{database}-wal")
        assert wal.exists()
        for path in (database, wal, Path(f"{database}-shm")):
            assert not readable_by_others(path), path.name
    finally:
        store.close()


def test_an_existing_loose_database_file_is_tightened_when_opened(
    open_dir: Path, loose_umask: None
) -> None:
    database = open_dir / "old.sqlite"
    CaseStore(f"sqlite:///{database}").close()
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{database}{suffix}")
        path.touch()
        path.chmod(0o644)
    store = CaseStore(f"sqlite:///{database}")
    try:
        store.migrate()
        for suffix in ("", "-wal", "-shm"):
            assert mode(Path(f"{database}{suffix}")) == 0o600, suffix
    finally:
        store.close()


def test_the_key_file_is_made_0600_and_is_not_in_the_database(
    open_dir: Path, loose_umask: None
) -> None:
    from zorgkracht.services.keys import load_key

    path = open_dir / "keys" / "secret.key"
    settings = Settings(secret_key_file=str(path))
    key = load_key(settings)
    assert len(key) >= 32 and load_key(settings) == key  # made once, then read
    assert mode(path) == 0o600
    assert not readable_by_others(path)
    path.chmod(0o644)  # loosened by hand: tightened on the next read
    assert load_key(settings) == key and mode(path) == 0o600


def test_migration_0003_deletes_the_session_secret_from_the_database(
    empty_url: str,  # noqa: F811  (the fixture imported above)
) -> None:
    engine = make_engine(empty_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            conn.execute(
                text(
                    "INSERT INTO app_settings (key, value) VALUES ('session_secret', 'old'), "
                    "('first_run_setup', 'x')"
                )
            )
        store = CaseStore(empty_url)
        store.migrate()
        store.close()
        with engine.connect() as conn:
            keys = set(conn.execute(text("SELECT key FROM app_settings")).scalars())
        assert keys == {"first_run_setup"}
    finally:
        engine.dispose()
