"""Benchmark roster search and main-window start-up on a large database.

Usage: python benchmarks/bench_roster.py DB.sqlite [--repeats 15] [--skip-window]

Measures, with time.perf_counter, medians over repeats:
  (a) a bare sqlite3 ``SELECT id FROM members WHERE name LIKE '%frag%'``;
  (b) a BranchDesk search keystroke: ``services.members.search_ids`` plus fetching the
      first page of rows the roster table shows, for several kinds of fragment;
  (c) the main window shown with its roster populated, against a bare QMainWindow,
      both in one warm process and as a cold start of a fresh Python process.
The database is opened read-mostly; nothing in it is changed.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import median_ms  # benchmarks/timing.py (this folder is on sys.path)

from branchdesk.core.actor import Actor
from branchdesk.core.search_keys import normalise_query
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.storage.database import Database
from branchdesk.storage.roster import RosterFilter

#: rows the roster model fetches at once when the table first paints (roster_model.PAGE_SIZE)
FIRST_PAGE = 200


def fragments(path: Path) -> list[tuple[str, str]]:
    """Search fragments of each kind, taken from the database itself."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        name, id_number = conn.execute(
            "SELECT name, id_number FROM members WHERE length(name) = 3 "
            "ORDER BY id LIMIT 1 OFFSET 4321"
        ).fetchone()
    finally:
        conn.close()
    return [
        ("1-char surname", name[0]),
        ("2-char name fragment", name[1:]),
        ("pinyin initials", "zs"),
        ("ID fragment", id_number[6:14]),
    ]


def bench_search(path: Path, repeats: int) -> list[tuple[str, str, int, float, float]]:
    """Per fragment: kind, text, matches, bare-SQLite ms and BranchDesk keystroke ms."""
    raw = sqlite3.connect(str(path))
    db = Database.open_sqlite(path)
    services = Services.build(db, Path(tempfile.gettempdir()))
    actor = Actor("admin", Role.ADMIN, "基准测试")
    results = []
    try:
        for kind, text in fragments(path):
            def bare(text: str = text) -> list[tuple[int]]:
                return raw.execute(
                    "SELECT id FROM members WHERE name LIKE ?", (f"%{text}%",)
                ).fetchall()

            def keystroke(text: str = text) -> int:
                ids = services.members.search_ids(
                    RosterFilter(text=normalise_query(text)), actor=actor
                )
                services.members.rows(ids[:FIRST_PAGE])
                return len(ids)

            matches = keystroke()
            results.append(
                (kind, text, matches, median_ms(bare, repeats), median_ms(keystroke, repeats))
            )
    finally:
        raw.close()
        db.dispose()
    return results


BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtTest import QTest
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 760)
window.show()
QTest.qWaitForWindowExposed(window)
app.processEvents()
print("ready", flush=True)
"""

BRANCHDESK_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.gui.main_window import MainWindow
from branchdesk.storage.migrate import open_database
app = QApplication(sys.argv)
path = Path(sys.argv[1])
services = Services.build(open_database(path, Path(sys.argv[2])), Path(sys.argv[2]))
window = MainWindow(services, Actor("admin", Role.ADMIN, "基准测试"), path)
window.show()
QTest.qWaitForWindowExposed(window)
model = window.roster.model
assert model.rowCount() > 0 and model.data(model.index(0, 0))
app.processEvents()
print("ready", flush=True)
"""


def cold_start_ms(code: str, args: list[str]) -> float:
    """Wall time from spawning a Python process until it prints ``ready``."""
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=errors,
            text=True,
        )
        assert process.stdout is not None
        ready = any(line.strip() == "ready" for line in iter(process.stdout.readline, ""))
        elapsed = (time.perf_counter() - started) * 1000
        process.kill()
        process.wait()
        if not ready:
            errors.seek(0)
            raise RuntimeError("the window process did not start:\n" + errors.read()[-2000:])
    return elapsed


def bench_window(path: Path, repeats: int) -> list[tuple[str, float, float]]:
    """(measure, bare QMainWindow ms, BranchDesk main window ms), warm and cold."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    from branchdesk.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    db = Database.open_sqlite(path)
    backup_dir = Path(tempfile.mkdtemp(prefix="branchdesk-bench-"))
    services = Services.build(db, backup_dir)
    actor = Actor("admin", Role.ADMIN, "基准测试")

    def bare() -> None:
        window = QMainWindow()
        window.resize(1200, 760)
        window.show()
        QTest.qWaitForWindowExposed(window)
        app.processEvents()
        window.close()
        window.deleteLater()

    def branchdesk() -> None:
        window = MainWindow(services, actor, path)
        window.show()
        QTest.qWaitForWindowExposed(window)
        model = window.roster.model
        assert model.rowCount() > 0 and model.data(model.index(0, 0))
        app.processEvents()
        window.close()
        window.deleteLater()

    def measure(action: Callable[[], None]) -> float:
        def run() -> None:
            action()
            app.processEvents()  # let deleteLater run outside the timed part of the next run

        return median_ms(run, repeats)

    try:
        warm = ("warm (in process)", measure(bare), measure(branchdesk))
    finally:
        db.dispose()
    cold_repeats = max(3, repeats // 3)
    cold_bare = statistics.median(cold_start_ms(BARE_WINDOW, []) for _ in range(cold_repeats))
    cold_bd = statistics.median(
        cold_start_ms(BRANCHDESK_WINDOW, [str(path), str(backup_dir)])
        for _ in range(cold_repeats)
    )
    return [warm, ("cold (new process)", cold_bare, cold_bd)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="花名册搜索与主窗口启动的基准测试")
    parser.add_argument("db", type=Path, help="由 benchmarks/generate.py 生成的数据库")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--skip-window", action="store_true", help="只测搜索")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"{args.db} 不存在；先运行 benchmarks/generate.py")
    os.environ.setdefault("BRANCHDESK_HOME", tempfile.mkdtemp(prefix="branchdesk-home-"))
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    conn = sqlite3.connect(str(args.db))
    members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    conn.close()
    print(f"database: {args.db} ({members:,} members), median of {args.repeats} runs\n")

    header = f"{'search':<22}{'text':<10}{'matches':>8}{'sqlite ms':>11}{'keystroke ms':>14}"
    print(f"{header}{'ratio':>7}")
    for kind, text, matches, bare, ours in bench_search(args.db, args.repeats):
        print(f"{kind:<22}{text:<10}{matches:>8}{bare:>11.1f}{ours:>14.1f}{ours / bare:>6.2f}×")

    if not args.skip_window:
        platform = os.environ.get("QT_QPA_PLATFORM") or "native"
        label = f"window ({platform})"
        print(f"\n{label:<22}{'bare ms':>10}{'BranchDesk ms':>15}{'ratio':>8}")
        for label, bare_ms, ours_ms in bench_window(args.db, args.repeats):
            print(f"{label:<22}{bare_ms:>10.1f}{ours_ms:>15.1f}{ours_ms / bare_ms:>7.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
