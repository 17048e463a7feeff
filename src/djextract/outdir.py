"""--output-dir: one JSON-lines file per input, written atomically, and the manifest --resume trusts.

Why a manifest and not file times: an output is only worth keeping when it
came from the same input *and* the same djextract with the same options.
After each file is renamed into place, one line is appended to
``.djextract-manifest`` in the folder: the output's name, the input's
signature (size and modification time, or a hash of a record's text) and the
fingerprint of the run (version and options that shape output). ``--resume``
skips an input only when its output exists and its last manifest line matches
all three; a torn last line (a killed run) is ignored, so that input is redone.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

MANIFEST = ".djextract-manifest"  # JSON lines, but not *.jsonl: globs over the outputs must not take it


def safe_name(doc_id: str) -> str:
    """A relative file name for a document id (no '..', no absolute paths, no odd characters)."""
    keep = "".join(ch if ch.isalnum() or ch in "._-/~" else "_" for ch in doc_id).strip("/")
    return keep.replace("..", "_") or "doc"


def out_name(rel: str) -> str:
    """The output's path inside the folder: the input's relative path plus .jsonl."""
    return safe_name(rel) + ".jsonl"


def out_path(output_dir: Path, rel: str) -> Path:
    """Where --output-dir puts the mentions of one input."""
    return output_dir / out_name(rel)


class UniqueNames:
    """Gives each input its own output name: a second record with the same id gets `ID~2`, not its file."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def claim(self, rel: str) -> tuple[str, bool]:
        """The rel to use and whether it had to be changed."""
        if out_name(rel) not in self.seen:
            self.seen.add(out_name(rel))
            return rel, False
        n = 2
        while out_name(f"{rel}~{n}") in self.seen:
            n += 1
        self.seen.add(out_name(f"{rel}~{n}"))
        return f"{rel}~{n}", True


def write_atomic(path: Path, lines: list[str]) -> None:
    """Write to a temporary file and rename it into place: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(lines)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def sweep_temp(output_dir: Path) -> int:
    """Remove temporary files left by a writer that was killed mid-write (its input was redone)."""
    n = 0
    for tmp in output_dir.rglob(".*.jsonl.*.tmp"):
        try:
            tmp.unlink()
            n += 1
        except OSError:
            pass
    return n


def fingerprint(producer: dict[str, Any]) -> str:
    """A short hash of what produced an output (version and options)."""
    return hashlib.sha256(json.dumps(producer, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def input_signature(path: str | None, text: str | None) -> str:
    """What identifies an input's content cheaply: size and mtime of a file, else a hash of its text."""
    if path is not None:
        try:
            st = os.stat(path)
        except OSError:
            return ""
        return f"{st.st_size}:{st.st_mtime_ns}"
    return "sha1:" + hashlib.sha1((text or "").encode("utf-8", "surrogatepass")).hexdigest()


class Manifest:
    """The folder's record of finished outputs (see the module's docstring)."""

    def __init__(self, output_dir: Path, run: str) -> None:
        self.path = output_dir / MANIFEST
        self.run = run
        self.entries: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            with self.path.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    try:
                        entry = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # the torn last line of a killed run
                    if isinstance(entry, dict) and isinstance(entry.get("output"), str):
                        self.entries[entry["output"]] = entry

    def is_done(self, rel: str, signature: str) -> bool:
        """The output exists and was made from this input by a run with the same fingerprint."""
        name = out_name(rel)
        entry = self.entries.get(name)
        return (entry is not None and entry.get("run") == self.run and entry.get("input") == signature
                and signature != "" and (self.path.parent / name).exists())

    def record(self, rel: str, signature: str, producer: dict[str, Any]) -> None:
        """Append the line for an output just renamed into place."""
        entry = {"output": out_name(rel), "input": signature, "run": self.run, **producer}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.entries[entry["output"]] = entry
