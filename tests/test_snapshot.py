"""The output on samples/, dev2 and dev3 is pinned: a change must be accepted with `make snapshot`."""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("snapshot", ROOT / "tools" / "snapshot.py")
assert spec is not None and spec.loader is not None
snapshot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(snapshot)


@pytest.mark.parametrize("name", list(snapshot.SETS))
def test_output_is_the_pinned_snapshot(name):
    want = (snapshot.OUT / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    got = "".join(snapshot.lines_of(snapshot.SETS[name])).splitlines()
    if got != want:
        diff = list(difflib.unified_diff(want, got, "pinned", "now", n=0, lineterm=""))
        shown = "\n".join(line[:300] for line in diff[:40])
        pytest.fail(f"the output on {name} changed ({len(diff)} diff lines); review, then `make snapshot`:\n{shown}")
