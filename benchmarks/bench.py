"""Throughput and memory of djextract, measured against plain jieba.lcut in the same run.

Why a script and not a timed test: timings depend on the machine and its load;
this prints numbers for a person to read and record (README, issue notes),
while the test suite checks behaviour only.

    python benchmarks/bench.py            # start-up, 5 MB and 20 MB, and a 50 MB run for the memory check
    python benchmarks/bench.py --quick    # start-up and 5 MB only
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


def run_cli(args: list[str], repeat: int = 1, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MiB) of djextract runs (its workers not included).

    The median of a few runs, because one run on a shared machine can be off by 10%.
    """
    runs = sorted(_run_once(args, env or CHILD_ENV) for _ in range(repeat))
    return runs[len(runs) // 2]


def _run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    import tempfile

    with tempfile.TemporaryFile() as errfile:  # a file, not a pipe: warnings must never block the child
        t = time.perf_counter()
        proc = subprocess.Popen(djextract_cmd() + args, stdout=subprocess.DEVNULL, stderr=errfile, env=env)
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


# The Python sources, as a machine without a C compiler runs them: what compiling the rules gains.
PURE_ENV = {**CHILD_ENV, "DJEXTRACT_PURE": "1"}
RUNS = (("djextract -j1 (jieba)", ["-j", "1"], CHILD_ENV),
        ("djextract -j2 (jieba)", ["-j", "2"], CHILD_ENV),
        ("djextract -j1 --segmenter rjieba", ["-j", "1", "--segmenter", "rjieba"], CHILD_ENV),
        ("djextract --segmenter rjieba (default -j)", ["--segmenter", "rjieba"], CHILD_ENV),
        ("  the same, Python sources (DJEXTRACT_PURE=1)", ["--segmenter", "rjieba"], PURE_ENV),
        ("djextract -j1 (jieba), Python sources", ["-j", "1"], PURE_ENV))


def measure(mb: int, repeat: int) -> list[tuple[str, float, float | None, float | None]]:
    """Rows (label, MB/s, peak RSS, × plain jieba.lcut) on a corpus of ``mb`` MB.

    The baseline is timed before and after the djextract runs and the median taken, since the
    machine's speed drifts over a run of minutes (seen: 1.15 to 1.25 MB/s for the same lcut).
    """
    folder, size = build_corpus(mb)
    mb_real = size / 1e6
    plain_secs = [plain_jieba(folder)[0] for _ in range(repeat)]
    runs = []
    for label, extra, env in RUNS:
        try:
            wall, rss = run_cli(["extract", str(folder), "--no-progress", *extra], repeat, env)
        except SystemExit as exc:
            print(f"{label}: skipped ({exc})")
            continue
        runs.append((label, mb_real / wall, rss))
    plain_secs += [plain_jieba(folder)[0] for _ in range(repeat)]
    base = mb_real / sorted(plain_secs)[len(plain_secs) // 2]
    print(f"\n{mb_real:.1f} MB ({len(list(folder.glob('*.txt')))} files of the four samples); plain jieba.lcut "
          f"runs (MB/s): {', '.join(f'{mb_real / s:.2f}' for s in plain_secs)}")
    rows: list[tuple[str, float, float | None, float | None]] = [("plain jieba.lcut (in process, no I/O)", base,
                                                                   None, None)]
    rows += [(label, rate, rss, rate / base) for label, rate, rss in runs]
    print(f"{'run':44s} {'MB/s':>7s} {'peak RSS':>9s} {'× jieba':>8s}")
    for label, rate, peak, ratio in rows:
        print(f"{label:44s} {rate:7.2f} {'' if peak is None else f'{peak:6.0f} MiB':>9s} "
              f"{'' if ratio is None else f'{ratio:7.2f}×':>8s}")
    j1 = next((r for r in rows if r[0] == RUNS[0][0]), None)
    j2 = next((r for r in rows if r[0] == RUNS[1][0]), None)
    if j1 and j2:
        print(f"-j2 / -j1 speed-up: {j2[1] / j1[1]:.2f}×")
    return rows


def startup(repeat: int = 5) -> None:
    """Wall time of `djextract --help` and of a one-line input, end to end (best and median)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("海棠区委组织部召开党建工作会议，新成立党支部62个。\n", encoding="utf-8")
        for label, args in (("djextract --help", ["--help"]),
                            ("one-line input", ["extract", str(one), "-q", "-o", str(Path(tmp) / "out.jsonl")])):
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                subprocess.run(djextract_cmd() + args, stdout=subprocess.DEVNULL, check=True, env=CHILD_ENV)
                times.append(time.perf_counter() - t)
            times.sort()
            print(f"{label}: {times[0] * 1000:.0f} ms best of {repeat}, {times[len(times) // 2] * 1000:.0f} ms median")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="5 MB only: no 20 MB run and no 50 MB memory run")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each djextract command (the median is shown)")
    args = ap.parse_args()

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; djextract runs: median of {args.repeat}")
    version = subprocess.run(djextract_cmd() + ["--version"], env=CHILD_ENV, capture_output=True, text=True)
    print(" ".join(version.stdout.split("\n")).strip())  # which build: compiled rules or Python sources
    # one run first, so that the bytecode cache and djextract's table caches exist, as after an install
    subprocess.run(djextract_cmd() + ["extract", str(SAMPLES), "--no-progress", "-j", "1"], env=CHILD_ENV,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    startup()
    rows5 = measure(5, args.repeat)
    if args.quick:
        return
    measure(20, 1)
    folder50, size50 = build_corpus(50)
    wall50, rss50 = run_cli(["extract", str(folder50), "--no-progress", "-j", "1"])
    rss5 = next((r[2] for r in rows5 if r[0] == RUNS[0][0]), None)
    shown = f"5 MB {rss5:.0f} MiB, " if rss5 else ""
    print(f"\npeak RSS -j1: {shown}50 MB {rss50:.0f} MiB; 50 MB -j1 {size50 / 1e6 / wall50:.2f} MB/s")


if __name__ == "__main__":
    main()
