"""Write the pinned output of `djextract extract` on samples/, dev2 and dev3 (tests/snapshots/).

Why pinned: every change of output then shows up as a diff in review, not
only as a moved score. `make snapshot` runs this to accept a change; the test
`tests/test_snapshot.py` fails, showing the first differences, until then.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"samples": ROOT / "samples", "dev2": ROOT / "tests" / "data" / "dev2" / "docs",
        "dev3": ROOT / "tests" / "data" / "dev3" / "docs"}
OUT = ROOT / "tests" / "snapshots"


def lines_of(folder: Path) -> list[str]:
    """The JSON lines of one folder, as `djextract extract FOLDER -j1` writes them."""
    from djextract import batch
    from djextract.pipeline import Options

    out: list[str] = []
    for res in batch.run(batch.iter_items([str(folder)]), Options(), jobs=1, as_lines=True):
        out.extend(res.lines)
    return out


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, folder in SETS.items():
        path = OUT / f"{name}.jsonl"
        path.write_text("".join(lines_of(folder)), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
