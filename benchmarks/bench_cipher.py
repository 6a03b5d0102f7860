"""Benchmark the cost of encryption at rest: the same county-scale database plain and encrypted.

Usage: python benchmarks/bench_cipher.py DB.sqlite [--repeats 9]

DB.sqlite comes from ``benchmarks/generate.py`` (100,000 members); it is copied (and the
copy vacuumed), never changed. A second copy is encrypted with ``branchdesk``'s own
conversion (timed), then both files are measured the same way, alternately (so that a
busy machine weighs on both alike), medians after one warm-up of each (time.perf_counter):
  open      opening the file and reading one row, as at a program start (for the
            encrypted file this includes deriving the key: PBKDF2-HMAC-SHA512, 256,000
            iterations, once per process and file)
  search    a roster keystroke: ``search_ids`` for a 1-character surname plus the first
            page of 200 rows, as the roster table paints
  todo      the 待办 list of today (``services.todo.items``)
  save      one member's phone number changed and saved (one audited transaction)
  verify    ``verify_database`` over the whole file (once, no warm-up; it reads every row)
  backup    a checked backup into a temporary folder (once, no warm-up)
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.storage import cipher
from branchdesk.storage.backup import backup_database
from branchdesk.storage.cipher_convert import encrypt_database
from branchdesk.storage.database import Database
from branchdesk.storage.integrity import verify_database
from branchdesk.storage.roster import RosterFilter

PASSPHRASE = "bench-passphrase-2026"
FIRST_PAGE = 200


class Subject:
    """One of the two files, opened, with the actions measured on it."""

    def __init__(self, path: Path, passphrase: str | None, work: Path) -> None:
        self.path, self.passphrase, self.work = path, passphrase, work
        self.actor = Actor("admin", Role.ADMIN, "基准测试")
        self.db = Database.open_sqlite(path, passphrase=passphrase)
        self.services = Services.build(self.db, work / "backups")
        with self.db.engine.connect() as connection:
            self.surname = connection.exec_driver_sql(
                "SELECT substr(name, 1, 1) FROM members ORDER BY id LIMIT 1 OFFSET 4321"
            ).scalar_one()
        self.member_id = self.services.members.search_ids(
            RosterFilter(text=self.surname), actor=self.actor)[0]
        self.phones = iter(range(10**9))
        self.today = dt.date.today()

    def open(self) -> None:
        cipher._derived_key.cache_clear()  # as at a program start: the key derived once
        db = Database.open_sqlite(self.path, passphrase=self.passphrase)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("SELECT id FROM members LIMIT 1").fetchall()
        db.dispose()

    def search(self) -> None:
        ids = self.services.members.search_ids(RosterFilter(text=self.surname), actor=self.actor)
        self.services.members.rows(ids[:FIRST_PAGE])

    def todo(self) -> None:
        self.services.todo.items(self.today)

    def save(self) -> None:
        data = self.services.members.get(self.member_id).data
        phone = f"139{next(self.phones) % 10**8:08d}"
        self.services.members.update(
            self.actor, self.member_id, dataclasses.replace(data, phone=phone))

    def verify(self) -> None:
        with self.db.read() as session:
            assert verify_database(session).sound

    def backup(self) -> None:
        backup_database(self.path, self.work / "backups", passphrase=self.passphrase)


def _ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def paired(
    plain: Subject, encrypted: Subject, name: str, repeats: int, warm_up: bool = True
) -> tuple[float, float]:
    """Medians of ``name`` on both files, run alternately after a warm-up of each, so that
    the other programs of a busy machine weigh on both the same."""
    if warm_up:
        getattr(plain, name)()
        getattr(encrypted, name)()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        times[0].append(_ms(getattr(plain, name)))
        times[1].append(_ms(getattr(encrypted, name)))
    return statistics.median(times[0]), statistics.median(times[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="数据库加密的性能代价")
    parser.add_argument("db", type=Path, help="由 benchmarks/generate.py 生成的数据库")
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-cipher-bench-"))
    try:
        plain = work / "plain.sqlite"
        source = sqlite3.connect(f"{args.db.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(plain)
        source.backup(target)
        source.close()
        # the encrypted copy is written table by table (sqlcipher_export), which packs it
        # like a VACUUM: pack the plain one the same way, or the comparison measures that
        target.execute("VACUUM")
        target.close()
        encrypted = work / "encrypted.sqlite"
        shutil.copyfile(plain, encrypted)
        started = time.perf_counter()
        encrypt_database(encrypted, PASSPHRASE, work / "conversion-backups")
        convert_s = time.perf_counter() - started
        print(f"members file {plain.stat().st_size / 1e6:.0f} MB plain, "
              f"{encrypted.stat().st_size / 1e6:.0f} MB encrypted; "
              f"branchdesk encrypt (backup + export + checks) took {convert_s:.1f} s")
        subjects = (Subject(plain, None, work / "p"), Subject(encrypted, PASSPHRASE, work / "e"))
        print(f"{'measure':<8} {'plain ms':>10} {'encrypted ms':>13} {'ratio':>6}")
        for name, repeats in (("open", args.repeats), ("search", args.repeats),
                              ("save", args.repeats), ("todo", max(3, args.repeats // 3)),
                              ("verify", 1), ("backup", 1)):
            plain_ms, encrypted_ms = paired(*subjects, name, repeats, warm_up=repeats > 1)
            print(f"{name:<8} {plain_ms:>10.1f} {encrypted_ms:>13.1f} "
                  f"{encrypted_ms / plain_ms:>6.2f}", flush=True)
        for subject in subjects:
            subject.db.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
