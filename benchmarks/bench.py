"""Throughput and memory of djextract, measured against plain jieba.lcut in the same run.

Why a script and not a timed test: timings depend on the machine and its load;
this prints numbers for a person to read and record (README, issue notes),
while the test suite checks behaviour only.

    python benchmarks/bench.py            # 5 MB corpus, plus a 50 MB one for the memory check
    python benchmarks/bench.py --quick    # 5 MB only, no 50 MB run
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS = Path(__file__).resolve().parent / "corpus"


def build_corpus(mb: int) -> tuple[Path, int]:
    """The four samples concatenated into one file, repeated until the folder holds ≥ mb MB."""
    folder = CORPUS / f"{mb}mb"
    unit = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))).encode("utf-8")
    n = -(-mb * 1_000_000 // len(unit))
    if not folder.exists() or len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i in range(n):
            (folder / f"doc{i:05d}.txt").write_bytes(unit)
    return folder, n * len(unit)


# As a user's install runs: with Python's bytecode cache (pip writes it at install time). Without
# it, every process compiles djextract's modules from source again (30 ms of start-up here).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def djextract_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("djextract")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "djextract.cli"]


def run_cli(args: list[str], repeat: int = 1) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MiB) of djextract runs (its workers not included).

    The median of a few runs, because one run on a shared machine can be off by 10%.
    """
    runs = sorted(_run_once(args) for _ in range(repeat))
    return runs[len(runs) // 2]


def _run_once(args: list[str]) -> tuple[float, float]:
    import tempfile

    with tempfile.TemporaryFile() as errfile:  # a file, not a pipe: warnings must never block the child
        t = time.perf_counter()
        proc = subprocess.Popen(djextract_cmd() + args, stdout=subprocess.DEVNULL, stderr=errfile, env=CHILD_ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        errfile.seek(0)
        err = errfile.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) not in (0,):
        raise SystemExit(f"djextract {' '.join(args)} failed: {err[-500:]}")
    return wall, usage.ru_maxrss / 1024


def plain_jieba(folder: Path) -> tuple[float, int]:
    """Seconds for jieba.lcut over every file of the folder (dictionary loaded beforehand)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - t, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the 50 MB memory run")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each djextract command (the median is shown)")
    args = ap.parse_args()

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    folder, size = build_corpus(5)
    mb = size / 1e6
    print(f"corpus: {mb:.1f} MB ({len(list(folder.glob('*.txt')))} files of the four samples); "
          f"djextract runs: median of {args.repeat}\n")

    # The baseline is timed before and after the djextract runs and the median taken, since the
    # machine's speed drifts over a run of minutes (seen: 1.15 to 1.25 MB/s for the same lcut).
    plain_secs = [plain_jieba(folder)[0] for _ in range(args.repeat)]

    # one run first, so that the bytecode cache and djextract's dictionary cache exist, as after an install
    subprocess.run(djextract_cmd() + ["extract", str(SAMPLES), "--no-progress", "-j", "1"], env=CHILD_ENV,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    help_times = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(djextract_cmd() + ["--help"], stdout=subprocess.DEVNULL, check=True, env=CHILD_ENV)
        help_times.append(time.perf_counter() - t)

    runs = []
    for label, extra in (("djextract -j1 (jieba)", ["-j", "1"]),
                         ("djextract -j2 (jieba)", ["-j", "2"]),
                         ("djextract -j1 --segmenter rjieba", ["-j", "1", "--segmenter", "rjieba"]),
                         ("djextract -j2 --segmenter rjieba", ["-j", "2", "--segmenter", "rjieba"])):
        try:
            wall, rss = run_cli(["extract", str(folder), "--no-progress", *extra], args.repeat)
        except SystemExit as exc:
            print(f"{label}: skipped ({exc})")
            continue
        runs.append((label, mb / wall, rss))
    plain_secs += [plain_jieba(folder)[0] for _ in range(args.repeat)]
    base = mb / sorted(plain_secs)[len(plain_secs) // 2]
    rows = [("plain jieba.lcut (in process, no I/O)", base, None, None)]
    rows += [(label, rate, rss, rate / base) for label, rate, rss in runs]
    print(f"plain jieba.lcut runs (MB/s): {', '.join(f'{mb / s:.2f}' for s in plain_secs)}")

    print(f"{'run':40s} {'MB/s':>7s} {'peak RSS':>9s} {'× jieba':>8s}")
    for label, rate, rss, ratio in rows:
        print(f"{label:40s} {rate:7.2f} {'' if rss is None else f'{rss:6.0f} MiB':>9s} "
              f"{'' if ratio is None else f'{ratio:7.2f}×':>8s}")
    j1 = next((r for r in rows if r[0] == "djextract -j1 (jieba)"), None)
    j2 = next((r for r in rows if r[0] == "djextract -j2 (jieba)"), None)
    if j1 and j2:
        print(f"\n-j2 / -j1 speed-up: {j2[1] / j1[1]:.2f}×")
    best, median = min(help_times) * 1000, sorted(help_times)[2] * 1000
    print(f"djextract --help: {best:.0f} ms (best of 5), {median:.0f} ms median")

    if not args.quick:
        big, big_size = build_corpus(50)
        _, rss5 = run_cli(["extract", str(folder), "--no-progress", "-j", "1", "--types", "body,figure,programme"])
        wall50, rss50 = run_cli(["extract", str(big), "--no-progress", "-j", "1"])
        wall50j2, _ = run_cli(["extract", str(big), "--no-progress", "-j", "2"])
        mb50 = big_size / 1e6
        print(f"\npeak RSS -j1: 5 MB corpus {rss5:.0f} MiB, 50 MB corpus {rss50:.0f} MiB "
              f"({(rss50 / rss5 - 1) * 100:+.0f}%)")
        print(f"50 MB corpus (start-up a smaller share): -j1 {mb50 / wall50:.2f} MB/s, -j2 {mb50 / wall50j2:.2f} MB/s, "
              f"speed-up {wall50 / wall50j2:.2f}×, -j1 {mb50 / wall50 / base:.2f}× plain jieba.lcut")


if __name__ == "__main__":
    main()
