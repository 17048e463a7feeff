"""Renderers on top of the JSON-lines contract: JSON lines, CSV, rich tables.

Why separate: the JSON-lines stream is the one source of truth for machines;
people get tables drawn from the same dicts, so the two can never disagree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any

from .schema import BY_NAME, all_fields

CSV_FIELDS = all_fields()


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps would build one a call


def jsonl_line(obj: dict[str, Any]) -> str:
    return _ENCODER.encode(obj) + "\n"


class CsvWriter:
    """CSV with one header line, whatever the mix of types."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, mentions: Iterable[dict[str, Any]]) -> None:
        for m in mentions:
            self.writer.writerow({k: ("" if v is None else v) for k, v in m.items()})


def mention_summary(m: dict[str, Any]) -> str:
    """The type-specific part of a mention in a few words, for tables."""
    if m["type"] == "figure":
        parts = [f"{m.get('value')}" + (f"–{m['value_max']}" if m.get("value_max") is not None else ""),
                 m.get("unit") or "", m.get("category") or ""]
        if m.get("qualifier"):
            parts.append(m["qualifier"])
        if m.get("counted"):
            parts.append(f"({m['counted']})")
        return " ".join(p for p in parts if p)
    parts = [m.get("name") or "", m.get("kind") or ""]
    if m.get("head"):
        parts.append(f"[{m['head']}]")
    return " ".join(p for p in parts if p)


def mentions_table(mentions: list[dict[str, Any]], title: str = "") -> Any:
    from rich.table import Table

    table = Table(title=title or None, show_lines=False, header_style="bold")
    table.add_column("doc", overflow="fold", max_width=28)
    table.add_column("type")
    table.add_column("text", overflow="fold")
    table.add_column("details", overflow="fold")
    table.add_column("at", justify="right")
    for m in mentions:
        table.add_row(str(m["doc"]), f"[{BY_NAME[m['type']].colour}]{m['type']}[/]", m["text"],
                      mention_summary(m), f"{m['start']}–{m['end']}")
    return table


def to_csv_string(rows: list[dict[str, Any]], fields: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()
