"""Benchmark ``branchdesk verify`` on a large database: wall time and peak memory.

Usage: python benchmarks/bench_verify.py /tmp/bench.sqlite

Runs the whole check once, in this process, as the CLI does (SQLite's integrity and
foreign-key checks, the audit chain, the table-by-table replay both ways, every stored
scan re-hashed) and prints the counts, the wall time and this process's peak resident
memory (which includes SQLite's page cache and memory map, up to about 320 MB).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from branchdesk.storage.database import Database
from branchdesk.storage.integrity import verify_database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="校验大型数据库的耗时与内存峰值")
    parser.add_argument("database", type=Path, help="数据库文件（如 generate.py 生成的）")
    args = parser.parse_args(argv)
    db = Database.open_sqlite(args.database)
    start = time.perf_counter()
    try:
        with db.read() as session:
            report = verify_database(session)
    finally:
        db.dispose()
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"sound: {report.sound} {report.problems[:1]}")
    print(f"audit entries: {report.entries_checked:,}  records: {report.records_checked:,}"
          f"  stored scans: {report.files_checked:,}")
    print(f"time: {seconds:.1f} s  peak memory: {peak_kb / 1024:.0f} MB")
    return 0 if report.sound else 1


if __name__ == "__main__":
    sys.exit(main())
