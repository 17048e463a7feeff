"""Shared fixtures: the sample reports and the gold annotations."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return DATA / "dev_gold.jsonl"


@pytest.fixture(scope="session")
def sample_mentions(sample_texts: dict[str, str]) -> dict[str, list]:
    import djextract

    out = {}
    for name, text in sample_texts.items():
        ms = djextract.extract(text)
        for m in ms:
            m.doc = name
        out[name] = ms
    return out


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def interrupted(tmp_path: Path, samples_dir: Path) -> Callable[..., tuple[int, str]]:
    """Run `djextract extract IN ARGS…` over 200 copies of a sample in tmp_path/in, send Ctrl-C once
    ``ready()`` holds (or after two minutes), and give its exit code and stderr."""
    src = tmp_path / "in"
    src.mkdir()
    text = (samples_dir / "002_e6ce74bfb9ddebab.txt").read_text(encoding="utf-8")
    for i in range(200):
        (src / f"d{i:03d}.txt").write_text(text, encoding="utf-8")

    def run(args: list[str], ready: Callable[[], bool]) -> tuple[int, str]:
        cmd = [sys.executable, "-c", "from djextract.cli import main; main()", "extract", str(src), *args]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 120
        while time.time() < deadline and not ready():
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        return proc.returncode, err.decode()

    return run
