"""What a change does to real text: the mentions two versions of djextract find, side by side.

    python tools/corpus_diff.py OLD [NEW] [--corpus DIR ...] [--show N]

OLD and NEW are git revisions (NEW defaults to the working tree). Each
version runs `djextract extract` over the corpus folders (default: samples/
and the dev2 and dev3 reports) from its own source tree, with this
environment's libraries; then the mentions are matched by (document, type,
span) and the script prints, per type, how many appeared, disappeared and
changed a field, and then the items themselves grouped by type and by the
field that changed, each with its sentence. Why: a rule is judged on what it
does to reports nobody annotated, not only on the gold scores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DEFAULT_CORPUS = [ROOT / "samples", DATA / "dev2" / "docs", DATA / "dev3" / "docs"]


def run_version(src: Path, corpus: list[Path]) -> list[dict]:
    """The mention lines of `djextract extract` run from the source tree ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys; from djextract.cli import main; sys.argv[0] = 'djextract'; main()"
    out = subprocess.run([sys.executable, "-c", code, "extract", *map(str, corpus), "-q", "--no-summary"],
                         env=env, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 2):
        sys.exit(f"corpus_diff: {src}: djextract failed:\n{out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def checkout(rev: str, into: Path) -> Path:
    """The source tree of a revision (a detached worktree), or of the working tree for ''."""
    if not rev:
        return ROOT / "src"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(into), rev], check=True)
    return into / "src"


def key(m: dict) -> tuple:
    return (m["doc"], m["type"], m["start"], m["end"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old")
    ap.add_argument("new", nargs="?", default="")
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--show", type=int, default=25, help="items shown per group")
    args = ap.parse_args()
    corpus = args.corpus or DEFAULT_CORPUS
    with tempfile.TemporaryDirectory() as tmp:
        trees = []
        try:
            old_src = checkout(args.old, Path(tmp) / "old")
            trees.append(Path(tmp) / "old")
            new_src = checkout(args.new, Path(tmp) / "new")
            if args.new:
                trees.append(Path(tmp) / "new")
            old = {key(m): m for m in run_version(old_src, corpus)}
            new = {key(m): m for m in run_version(new_src, corpus)}
        finally:
            for t in trees:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(t)], check=False)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    counts: Counter[tuple[str, str]] = Counter()
    for k in sorted(set(old) | set(new)):
        a, b = old.get(k), new.get(k)
        m = b or a
        assert m is not None
        where = f"{m['doc']}@{m['start']}  {m['text']}"
        if a is None or b is None:
            what = "appeared" if a is None else "disappeared"
            counts[(m["type"], what)] += 1
            groups[(m["type"], what)].append(f"{where}  | {m['sentence'][:80]}")
            continue
        for field in sorted(set(a) | set(b)):
            if field not in ("sentence", "source_text") and a.get(field) != b.get(field):
                counts[(m["type"], f"changed {field}")] += 1
                groups[(m["type"], f"changed {field}")].append(
                    f"{where}  {a.get(field)!r} → {b.get(field)!r}  | {m['sentence'][:60]}")
    print(f"{len(old)} mentions before, {len(new)} after, on {', '.join(str(c) for c in corpus)}")
    for (typ, what), n in sorted(counts.items()):
        print(f"  {typ:10} {what:20} {n}")
    for (typ, what), items in sorted(groups.items()):
        print(f"\n## {typ}: {what} ({len(items)})")
        for line in items[:args.show]:
            print("  " + line)
        if len(items) > args.show:
            print(f"  … and {len(items) - args.show} more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
