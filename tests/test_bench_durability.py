"""The durability benchmark runs end to end (small here, 300 saves by hand)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_durability_benchmark_runs_small(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_durability.py"), "--saves", "3",
         "--dir", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "BranchDesk members.create" in run.stdout and "FULL/NORMAL" in run.stdout
