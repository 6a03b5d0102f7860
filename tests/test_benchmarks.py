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
