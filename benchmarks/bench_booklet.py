"""Benchmark printing development booklets (发展党员全程纪实表) against a bare reportlab page.

Usage: python benchmarks/bench_booklet.py [--repeats 10] [--batch 1000] [--keep DIR]

Measures, with time.perf_counter (medians over repeats):
  (a) a bare one-page PDF drawn with reportlab's canvas in the same embedded CJK font;
  (b) one complete booklet (all 25 steps, 14 body pages after the cover) rendered to memory;
  both warm (fonts registered beforehand, as in a running program) and cold (in a fresh
  process, finding and registering the font included, as for the first print or the CLI);
  (c) a batch of N booklets, each in a fresh process with its peak memory: rendered into
      one PDF (each booklet with its own cover and numbering), and saved one file each.
The goal (issue 3) is a booklet within 10× the bare page.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reports"))

from booklet_sample import sample_booklet  # noqa: E402
from timing import median_ms  # benchmarks/timing.py (this folder is on sys.path)

from branchdesk.reports.booklet import render_booklet  # noqa: E402
from branchdesk.reports.fonts import default_fonts  # noqa: E402

NAMES = ("张喆", "王堃", "李昇", "刘玥", "陈燚", "欧阳明", "司马青", "赵一")


def bare_page() -> bytes:
    """One A4 page with a line of Chinese in the booklet's font, embedded."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont(default_fonts().body.name, 12)
    canvas.drawString(72, 700, "发展党员全程纪实表 张喆 11010519981231005X 第 1 页")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


COLD = """
import io, sys, time
sys.path.insert(0, {tests!r})
started = time.perf_counter()
if {booklet!r}:
    from booklet_sample import sample_booklet
    from branchdesk.reports.booklet import render_booklet
    render_booklet(sample_booklet(), io.BytesIO())
else:
    from reportlab.pdfgen.canvas import Canvas
    from branchdesk.reports.fonts import default_fonts
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont(default_fonts().body.name, 12)
    canvas.drawString(72, 700, "发展党员全程纪实表 张喆 11010519981231005X 第 1 页")
    canvas.showPage()
    canvas.save()
print((time.perf_counter() - started) * 1000)
"""


BATCH = """
import io, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from booklet_sample import sample_booklet
from branchdesk.reports.booklet import render_booklets, save_booklets
from branchdesk.reports.fonts import default_fonts
default_fonts()
names = {names!r}
batch = [sample_booklet(name=names[i % len(names)]) for i in range({count})]
keep = {keep!r}
with tempfile.TemporaryDirectory() as folder:
    started = time.perf_counter()
    if {one_pdf!r}:
        target = Path(keep or folder) / "batch-{count}.pdf"
        render_booklets(batch, target)
        size = target.stat().st_size
    else:
        paths = save_booklets(batch, Path(folder) / "booklets")
        size = sum(p.stat().st_size for p in paths)
    ms = (time.perf_counter() - started) * 1000
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB (Linux: kB)
print(ms, peak, size / 1e6)
"""


def batch_run(count: int, one_pdf: bool, keep: Path | None) -> tuple[float, float, float]:
    """(ms, peak MB, output MB) of printing ``count`` booklets in a fresh process."""
    tests = str(Path(__file__).resolve().parents[1] / "tests" / "reports")
    code = BATCH.format(
        tests=tests, names=NAMES, count=count, one_pdf=one_pdf,
        keep=str(keep) if keep else "",
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    ms, peak, size = (float(x) for x in out.stdout.split())
    return ms, peak, size


def cold_ms(booklet: bool, repeats: int) -> float:
    """Median time, in a fresh process, from importing reportlab to the finished PDF."""
    tests = str(Path(__file__).resolve().parents[1] / "tests" / "reports")
    code = COLD.format(tests=tests, booklet=booklet)
    times = [
        float(subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout)
        for _ in range(repeats)
    ]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="save the one booklet and the batch here")
    args = parser.parse_args()

    started = time.perf_counter()
    fonts = default_fonts()
    font_ms = (time.perf_counter() - started) * 1000
    print(f"字体：{fonts.body.source}（首次查找并注册 {font_ms:.0f} ms，每个进程一次）")

    one = sample_booklet()

    def booklet() -> bytes:
        out = io.BytesIO()
        render_booklet(one, out)
        return out.getvalue()

    bare = median_ms(bare_page, args.repeats)
    single = median_ms(booklet, args.repeats)
    cold_bare = cold_ms(False, max(3, args.repeats // 2))
    cold_single = cold_ms(True, max(3, args.repeats // 2))
    pages_one = booklet().count(b"/Type /Page\n")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "booklet.pdf").write_bytes(booklet())
    one_ms, one_peak, one_size = batch_run(args.batch, True, args.keep)
    each_ms, each_peak, each_size = batch_run(args.batch, False, None)

    rows = [
        ("bare one-page reportlab PDF, same font", bare, 1.0),
        (f"one booklet ({pages_one} pages)", single, single / bare),
        ("  … per page", single / pages_one, single / pages_one / bare),
        ("cold: bare page, font found and registered", cold_bare, 1.0),
        ("cold: one booklet, font found and registered", cold_single, cold_single / cold_bare),
        (f"{args.batch} booklets in one PDF (total)", one_ms, one_ms / bare),
        ("  … per booklet", one_ms / args.batch, one_ms / args.batch / bare),
        (f"{args.batch} booklets, one file each (total)", each_ms, each_ms / bare),
        ("  … per booklet", each_ms / args.batch, each_ms / args.batch / bare),
    ]
    print(f"{'case':<46} {'ms':>10} {'× bare page':>12}")
    for label, ms, ratio in rows:
        print(f"{label:<46} {ms:>10.1f} {ratio:>12.1f}")
    print(f"one PDF: {one_size:.1f} MB written, peak memory {one_peak:.0f} MB")
    print(f"one file each: {each_size:.1f} MB written, peak memory {each_peak:.0f} MB")
    print("goal: one booklet within 10× the bare page")


if __name__ == "__main__":
    main()
