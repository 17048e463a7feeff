"""Shared fixtures: the sample reports and the gold annotations."""

from __future__ import annotations

import json
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
