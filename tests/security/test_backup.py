"""Backups: ``zorgkracht backup`` / ``restore`` on SQLite and PostgreSQL, and between them.

Every case comes back byte-equal as a case file, with its version; accounts, password hashes and
assignments come back; a damaged backup is refused and changes nothing; a backup taken while a
writer is editing (and then killed with SIGKILL) restores to whole cases only.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from tests.security.ops_support import (
    ROOT,
    Databases,
    burst_case,
    databases,
    version_mismatches,
    zorgkracht,
)
from zorgkracht.demo import DEMO_IDS
from zorgkracht.domain import InvalidInput
from zorgkracht.domain.errors import Conflict
from zorgkracht.domain.invariants import validate_case
from zorgkracht.interchange import case_json
from zorgkracht.services import CaseService
from zorgkracht.services.accounts import AccountService
from zorgkracht.services.backup import check_backup, make_backup, restore_backup
from zorgkracht.storage import CaseStore

__all__ = ["databases"]  # the fixture, used by name

HASHER = PasswordHasher.from_parameters(CHEAPEST)
PASSWORD = "correct horse battery"
BACKENDS = ["sqlite", "postgresql"]


def fill(url: str) -> None:
    """The demo cases (snapshots, genograms, instruments), three generated ones (one edited
    twice), two accounts and their assignments."""
    with CaseStore(url) as store:
        store.migrate()
        service = CaseService(store)
        service.load_demo_cases()
        for i in range(3):
            service.create(burst_case(i))
        record = store.get("burst-1")
        record.case.title = "Burst 1 v2"
        record = store.save(record.case, record.version)
        record.case.title = "Burst 1 v3"
        store.save(record.case, record.version)
        accounts = AccountService.for_cases(store, HASHER)
        admin = accounts.create_user("beheer", "Bea de Vries", PASSWORD, is_admin=True)
        worker = accounts.create_user("piet", "Piet Jansen", PASSWORD)
        accounts.assign("burst-0", worker.id)
        accounts.assign("karel", worker.id)
        accounts.set_disabled(admin.id, False)


def contents(url: str) -> dict[str, object]:
    """Everything a restore must keep: each case file as bytes with its version and times,
    the accounts with their hashes, and who is assigned to what."""
    with CaseStore(url) as store:
        store.migrate()
        cases = {}
        for summary in store.list(include_archived=True):
            record = store.get(summary.id)
            text = json.dumps(case_json.case_to_dict(record.case), ensure_ascii=False, indent=2)
            cases[summary.id] = (text.encode(), record.version, record.created_at)
        accounts = AccountService.for_cases(store, HASHER)
        users = {}
        for account in accounts.list():
            found = accounts.store.find_login(account.username)
            assert found is not None
            users[account.username] = (
                account,
                found[1],
                sorted(accounts.store.case_ids(account.id)),
            )
        return {"cases": cases, "users": users}


@pytest.mark.parametrize("source", BACKENDS)
@pytest.mark.parametrize("target", BACKENDS)
def test_archive_restores_everything_on_either_backend(
    databases: Databases, tmp_path: Path, source: str, target: str
) -> None:
    src, dst = databases.new(source), databases.new(target)
    fill(src)
    archive = tmp_path / "backup.zip"
    made = make_backup(src, archive)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert made.cases == len(DEMO_IDS) + 3 and made.users == 2  # the demo cases, three generated
    restored = restore_backup(dst, archive)
    assert restored.rows == made.rows
    if target == "sqlite":  # a new SQLite file is made for its owner only
        assert stat.S_IMODE(Path(dst.removeprefix("sqlite:///")).stat().st_mode) == 0o600
    before, after = contents(src), contents(dst)
    assert after["cases"] == before["cases"]  # case files byte-equal, versions and times kept
    assert after["users"] == before["users"]
    with CaseStore(dst) as store:
        accounts = AccountService.for_cases(store, HASHER)
        assert accounts.sign_in("piet", PASSWORD).account is not None
        # ids go on after the restored ones (PostgreSQL's sequences are moved along)
        new = accounts.create_user("nieuw", "Nieuwe Collega", PASSWORD)
        assert new.id > max(a.id for a in accounts.list() if a.username != "nieuw")


@pytest.mark.parametrize("target", BACKENDS)
def test_sqlite_copy_restores_on_either_backend(
    databases: Databases, tmp_path: Path, target: str
) -> None:
    src, dst = databases.new("sqlite"), databases.new(target)
    fill(src)
    copy = tmp_path / "een back-up #1?.sqlite"  # a name that needs quoting in a URI
    made = make_backup(src, copy)
    assert made.kind == "sqlite"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert copy.read_bytes().startswith(b"SQLite format 3\x00")
    restore_backup(dst, copy)
    assert contents(dst) == contents(src)


def test_sqlite_copy_needs_sqlite(databases: Databases, tmp_path: Path) -> None:
    src = databases.new("postgresql")
    fill(src)
    with pytest.raises(Exception, match="SQLite"):
        make_backup(src, tmp_path / "backup.sqlite")
    assert not (tmp_path / "backup.sqlite").exists()


@pytest.mark.parametrize("backend", BACKENDS)
def test_restore_refuses_a_database_with_data_unless_replace(
    databases: Databases, tmp_path: Path, backend: str
) -> None:
    src, dst = databases.new(backend), databases.new(backend)
    fill(src)
    archive = tmp_path / "backup.zip"
    make_backup(src, archive)
    with CaseStore(dst) as store:
        store.migrate()
        CaseService(store).create(burst_case(7))
    before = contents(dst)
    with pytest.raises(Conflict, match="niet leeg"):
        restore_backup(dst, archive)
    assert contents(dst) == before
    restore_backup(dst, archive, replace=True)
    assert contents(dst) == contents(src)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_audit_log_travels_and_is_never_replaced(
    databases: Databases, tmp_path: Path, backend: str
) -> None:
    """The audit log is in the backup and restored with it; sessions and sign-in counts are
    not; and a database whose audit log has rows is never emptied by ``--replace``."""
    from sqlalchemy import text

    from zorgkracht.services.audit import Actor, AuditService, Event

    src, dst = databases.new(backend), databases.new(backend)
    fill(src)
    with CaseStore(src) as store:
        AuditService.for_store(store).record(Actor.cli(), Event.CASE_VIEWED, case_id="c1")
    archive = tmp_path / "backup.zip"
    make_backup(src, archive)
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
    assert "tables/audit_log.jsonl" in names
    assert not {"tables/sessions.jsonl", "tables/login_attempts.jsonl"} & names
    restore_backup(dst, archive)
    with CaseStore(dst) as store:
        audit = AuditService.for_store(store)
        audit.record(Actor.cli(), Event.CASE_VIEWED, case_id="c2")
    before = contents(dst)
    with pytest.raises(Conflict, match="logboek"):
        restore_backup(dst, archive, replace=True)
    assert contents(dst) == before
    engine = CaseStore(dst)
    try:
        with engine._reads.begin() as s:
            cases = [r[0] for r in s.execute(text("SELECT case_id FROM audit_log ORDER BY id"))]
    finally:
        engine.close()
    assert cases == ["c1", "c2"]


def _rewrite(archive: Path, out: Path, entry: str, change: object) -> None:
    """Copy ``archive`` to ``out`` with ``entry`` changed by ``change(bytes) -> bytes``."""
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == entry:
                data = change(data)  # type: ignore[operator]
            zout.writestr(info.filename, data)


def _damaged(archive: Path, tmp_path: Path) -> dict[str, Path]:
    """Damaged copies of ``archive``: each must be refused."""
    raw = archive.read_bytes()
    out = {}
    out["truncated"] = tmp_path / "truncated.zip"
    out["truncated"].write_bytes(raw[: len(raw) // 2])
    out["garbage"] = tmp_path / "garbage.zip"
    out["garbage"].write_bytes(b"dit is geen back-up\n" * 50)
    out["changed row"] = tmp_path / "changed.zip"
    _rewrite(
        archive, out["changed row"], "tables/persons.jsonl", lambda b: b.replace(b"a", b"e", 1)
    )
    out["lost row"] = tmp_path / "lost.zip"
    _rewrite(archive, out["lost row"], "tables/ties.jsonl", lambda b: b.split(b"\n", 1)[1])
    out["no manifest"] = tmp_path / "nomanifest.zip"
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(out["no manifest"], "w") as zout:
        for info in zin.infolist():
            if info.filename != "manifest.json":
                zout.writestr(info.filename, zin.read(info.filename))
    return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_damaged_backup_is_refused_and_changes_nothing(
    databases: Databases, tmp_path: Path, backend: str
) -> None:
    src, dst = databases.new(backend), databases.new(backend)
    fill(src)
    archive = tmp_path / "backup.zip"
    make_backup(src, archive)
    with CaseStore(dst) as store:
        store.migrate()
        CaseService(store).create(burst_case(9))
    before = contents(dst)
    for name, damaged in _damaged(archive, tmp_path).items():
        with pytest.raises(InvalidInput, match="niets gewijzigd") as caught:
            restore_backup(dst, damaged, replace=True)
        assert "back-up" in caught.value.nl and "backup" in caught.value.en, name
        assert contents(dst) == before, name


@pytest.mark.parametrize("backend", BACKENDS)
def test_rows_that_do_not_fit_roll_the_whole_restore_back(
    databases: Databases, tmp_path: Path, backend: str
) -> None:
    """A well-formed archive whose rows break the schema (a network of a case that is not in
    it; checksums made to match): the restore fails in the database, halfway, and the target
    is exactly as it was, even with ``replace``."""
    src, dst = databases.new(backend), databases.new(backend)
    fill(src)
    archive = tmp_path / "backup.zip"
    make_backup(src, archive)
    bad = tmp_path / "inconsistent.zip"
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(bad, "w") as zout:
        manifest = json.loads(zin.read("manifest.json"))
        for entry in manifest["tables"]:
            data = zin.read(entry["file"])
            if entry["table"] == "cases":
                data = data.split(b"\n", 1)[1]
                entry["rows"] -= 1
                entry["sha256"] = hashlib.sha256(data).hexdigest()
            zout.writestr(entry["file"], data)
        zout.writestr("manifest.json", json.dumps(manifest))
    with CaseStore(dst) as store:
        store.migrate()
        CaseService(store).create(burst_case(9))
    before = contents(dst)
    with pytest.raises(InvalidInput, match="passen niet"):
        restore_backup(dst, bad, replace=True)
    assert contents(dst) == before


def test_a_truncated_sqlite_copy_is_refused(databases: Databases, tmp_path: Path) -> None:
    src, dst = databases.new("sqlite"), databases.new("sqlite")
    fill(src)
    copy = tmp_path / "backup.sqlite"
    make_backup(src, copy)
    truncated = tmp_path / "truncated.sqlite"
    raw = copy.read_bytes()
    truncated.write_bytes(raw[: len(raw) // 3])
    with pytest.raises(InvalidInput, match="niets gewijzigd"):
        check_backup(truncated)
    with pytest.raises(InvalidInput):
        restore_backup(dst, truncated)
    with CaseStore(dst) as store:
        store.migrate()
        assert store.count() == 0


def test_the_command_line(databases: Databases, tmp_path: Path) -> None:
    src, dst = databases.new("sqlite"), databases.new("postgresql")
    fill(src)
    archive = tmp_path / "b.zip"
    run = zorgkracht("backup", "-o", str(archive), "--db", src)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert f"{len(DEMO_IDS) + 3} casussen, 2 accounts" in out
    run = zorgkracht("restore", str(archive), "--db", dst, "--yes", "--lang", "en")
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert f"Restored: {len(DEMO_IDS) + 3} cases, 2 accounts" in out
    run = zorgkracht("restore", str(archive), "--db", dst, "--yes")
    out, err = run.communicate(timeout=120)
    assert run.returncode == 4 and "niet leeg" in err and "Traceback" not in err
    run = zorgkracht("backup", "-o", str(tmp_path / "no" / "such" / "dir.zip"), "--db", src)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 1 and "Kan " in err and "Traceback" not in err
    missing = tmp_path / "missing.sqlite"
    run = zorgkracht("backup", "-o", str(tmp_path / "x.zip"), "--db", f"sqlite:///{missing}")
    out, err = run.communicate(timeout=120)
    assert run.returncode == 5 and "niet bereikbaar" in err
    assert not missing.exists() and not (tmp_path / "x.zip").exists()
    run = zorgkracht("restore", str(tmp_path / "missing.zip"), "--db", dst, "--yes")
    out, err = run.communicate(timeout=120)
    assert run.returncode == 2 and "niet te openen" in err and "Traceback" not in err
    broken = tmp_path / "broken.zip"
    broken.write_bytes(archive.read_bytes()[:500])
    run = zorgkracht("restore", str(broken), "--db", dst, "--yes", "--replace")
    out, err = run.communicate(timeout=120)
    assert run.returncode == 2 and "geen bruikbare back-up" in err and "Traceback" not in err
    assert contents(dst) == contents(src)


class Progress:
    """The last ``edit N`` line of a writer process, read in a thread."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.edits = 0
        self.process = process
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("edit "):
                self.edits = int(line.split()[1])

    def wait_for(self, edits: int) -> None:
        deadline = time.monotonic() + 120
        while self.edits < edits:
            assert self.process.poll() is None, "the writer ended"
            assert time.monotonic() < deadline, "the writer made no progress"
            time.sleep(0.05)


@pytest.mark.parametrize(
    ("backend", "suffix"), [("sqlite", ".zip"), ("sqlite", ".sqlite"), ("postgresql", ".zip")]
)
def test_a_backup_during_a_burst_of_edits_holds_whole_cases(
    databases: Databases, tmp_path: Path, backend: str, suffix: str
) -> None:
    """A writer process edits cases one after another; a backup is taken while it writes (it
    writes before, during and after), the writer is then killed with SIGKILL in the middle of
    its burst, and the backup restores to cases that each validate and name their own
    version; so does the database the writer was killed on."""
    src, dst = databases.new(backend), databases.new(backend)
    ids = [f"burst-{i}" for i in range(30)]
    with CaseStore(src) as store:
        store.migrate()
        for i in range(len(ids)):
            store.add(burst_case(i, members=40))
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.security.ops_writer", src, *ids],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        progress = Progress(writer)
        progress.wait_for(20)  # a burst under way
        before = progress.edits
        archive = tmp_path / f"burst{suffix}"
        made = make_backup(src, archive)
        print(f"edits while the backup ran: {progress.edits - before}")
        progress.wait_for(progress.edits + 3)  # still writing after the backup
        assert progress.edits > before
        writer.send_signal(signal.SIGKILL)  # in the middle of the burst
        writer.wait(timeout=30)
    finally:
        writer.kill()
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert made.cases == len(ids)
    restore_backup(dst, archive)
    with CaseStore(dst) as store:
        versions = {s.id: s.version for s in store.list()}
        assert sorted(versions) == sorted(ids)
        assert sum(versions.values()) - len(ids) >= before  # the edits before the backup
        assert version_mismatches(store) == []
        for case_id in ids:
            validate_case(store.get(case_id).case)
    with CaseStore(src) as store:
        assert version_mismatches(store) == []
