"""Reading djextract's own output back in, for `stats` and `eval`, beside reports to extract.

Why each input is decided on its own: `djextract stats out.jsonl samples/`
means the mentions of one run plus the reports of a folder, and
`cat report.txt | djextract stats` means a report. So every file (and stdin,
read once and kept) is looked at by its first line: a JSON object with a
``doc`` and a ``type`` (a mention) or with the per-document arrays is output;
anything else is a report and goes to the extractors. A broken line in an
output file is an error with its place, never a silent skip.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import Item, iter_items
from .read import InputError, decode
from .schema import BY_RANK

PER_DOC_KEYS = frozenset(s.plural for s in BY_RANK)
PEEK = 1 << 16


@dataclass
class Inputs:
    """What the paths hold: records of earlier output, reports to extract, and errors (`WHERE: why`)."""

    records: list[dict[str, Any]] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)  # paths (files or folders) to extract
    stdin_text: str | None = None  # stdin, when it held a report
    errors: list[str] = field(default_factory=list)

    def items(self, stdin_name: str = "-") -> list[Item]:
        """The reports as batch items (stdin's text already read, named ``stdin_name``)."""
        out = list(iter_items(self.reports)) if self.reports else []
        if self.stdin_text is not None:
            out.append(Item(stdin_name, text=self.stdin_text, rel="stdin"))
        return out


def is_record(obj: Any) -> bool:
    """A mention line, or a per-document line (--per-doc), of djextract's output."""
    return isinstance(obj, dict) and "doc" in obj and ("type" in obj or bool(PER_DOC_KEYS & set(obj)))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _looks_like_output(head: str) -> bool:
    try:
        return is_record(json.loads(_first_line(head)))
    except (json.JSONDecodeError, ValueError):
        return False


def _parse(text: str, where: str, into: Inputs) -> None:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            into.errors.append(f"{where}:{lineno}: not JSON ({exc.msg})")
            continue
        if not is_record(obj):
            into.errors.append(f"{where}:{lineno}: not a djextract mention or document record")
            continue
        into.records.append(obj)


def split_inputs(paths: list[str]) -> Inputs:
    """Sort the paths into output to read and reports to extract (see the module's docstring)."""
    out = Inputs()
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
            try:
                text = decode(data).text
            except InputError as exc:
                out.errors.append(f"-: {exc}")
                continue
            if _looks_like_output(text[:PEEK]):
                _parse(text, "-", out)
            else:
                out.stdin_text = text
            continue
        path = Path(p)
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    head = fh.read(PEEK).decode("utf-8", errors="replace")
                if _looks_like_output(head):
                    _parse(path.read_text(encoding="utf-8"), p, out)
                    continue
            except (OSError, UnicodeDecodeError) as exc:
                out.errors.append(f"{p}: {getattr(exc, 'strerror', None) or exc}")
                continue
        out.reports.append(p)
    return out
