"""The benchmark scripts keep working as the schema grows (run small here, large by hand)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generator_writes_a_sound_database(tmp_path: Path) -> None:
    db = tmp_path / "bench.sqlite"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(db),
         "--members", "300", "--branches", "3"],
        check=True, capture_output=True, timeout=300,
    )
    verify = subprocess.run(
        [sys.executable, "-m", "branchdesk", "verify", "--db", str(db)],
        capture_output=True, text=True, timeout=300,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_the_list_benchmarks_run_small() -> None:
    """The transfer and meeting list benchmarks run end to end on a small generated database."""
    for script, size in (("bench_transfer_list.py", "--transfers"),
                         ("bench_meeting_list.py", "--meetings")):
        run = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / script), "--members", "300", size, "400",
             "--repeats", "1"],
            capture_output=True, text=True, timeout=300,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        assert "old:" in run.stdout  # the comparison with the whole-list reads was printed


def test_the_precheck_benchmark_runs_small() -> None:
    """The 档案预审 benchmark runs end to end, each measure beside its bare limit."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_precheck.py"), "--members", "300",
         "--branches", "3", "--opinion-members", "5", "--repeats", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    for case in ("bare sqlite3 read of every file's rows", "check_files(): every file",
                 "check_branch(): that branch", "bare one-page PDF, same font",
                 "opinion_bytes()"):
        (line,) = [line for line in lines if case in line]
        assert float(line.split()[-1]) > 0, line  # the × bare column
    assert run.stdout.count("× bare") == 2  # both comparisons were printed
