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
