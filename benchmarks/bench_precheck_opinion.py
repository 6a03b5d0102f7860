"""Benchmark the 档案预审 as the GUI runs it: the check of a branch's files and the printed opinion.

Usage: python benchmarks/bench_precheck_opinion.py [--repeats 5] [--members 300]

Builds the demo database in a temporary folder, then (medians after one warm-up,
time.perf_counter):
  - ``services.precheck.check_files()`` over every file of the demo, and per file: the
    GUI runs the check on a worker thread, since a county's few hundred files take seconds;
  - the 预审意见 PDF for ``--members`` members with ten problems each (``opinion_bytes``),
    which the GUI prints on the UI thread under a wait cursor.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
from pathlib import Path

from timing import median_ms  # benchmarks/timing.py (this folder is on sys.path)

from branchdesk.core.demo import build_demo
from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.core.services import Services
from branchdesk.reports.fonts import default_fonts
from branchdesk.reports.precheck.opinion import opinion_bytes
from branchdesk.reports.precheck.opinion_data import printable
from branchdesk.storage.database import Database

TODAY = dt.date(2026, 11, 26)
SAMPLE = FileProblem(
    member_id=0, id_number="110105200002290110", name="王堃", branch="机关第一党支部", step=10,
    step_name="进行政治审查", severity=ProblemSeverity.ERROR,
    rule="《中国共产党发展党员工作细则》第十五条",
    message="政审结论的日期（2025年3月1日）早于函调回复的日期（2025年3月10日）：应在收到全部"
            "函调回复后作出政审结论",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="档案预审的检查与预审意见打印的耗时")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--members", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="branchdesk-bench-") as folder:
        path = Path(folder) / "demo.sqlite"
        summary = build_demo(path, today=TODAY)
        db = Database.open_sqlite(path)
        try:
            services = Services.build(db, Path(folder) / "backups", today=TODAY)
            found = services.precheck.check_files()
            check = median_ms(services.precheck.check_files, args.repeats)
        finally:
            db.dispose()
    print(f"check of the demo's {summary.files} files: {check:.0f} ms "
          f"({check / summary.files:.1f} ms a file, {len(found)} problems); "
          f"{args.members} files ≈ {check / summary.files * args.members / 1000:.1f} s")
    default_fonts()  # registered once in a running program
    problems = [
        dataclasses.replace(SAMPLE, member_id=member, step=step)
        for member in range(args.members) for step in range(1, 11)
    ]
    opinion = printable(problems, "中共演示委员会", "全部党支部", TODAY)
    pdf = opinion_bytes(opinion)
    printing = median_ms(lambda: opinion_bytes(opinion), args.repeats)
    print(f"预审意见 for {args.members} members, {len(problems)} problems: {printing:.0f} ms, "
          f"{len(pdf) // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
