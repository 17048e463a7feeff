"""Renderers on top of the JSON-lines contract: JSON lines and rich tables.

Why separate: the JSON-lines stream is the one source of truth for machines;
people get tables drawn from the same dicts, so the two can never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from .schema import BY_NAME

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps would build one a call


def jsonl_line(obj: dict[str, Any]) -> str:
    return _ENCODER.encode(obj) + "\n"


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


def rows_table(rows: list[dict[str, Any]], title: str = "") -> Any:
    """Flat rows (per-document facts, stats) as a table: numbers right-aligned with thousands separators."""
    from rich.table import Table

    table = Table(title=title or None, header_style="bold")
    if not rows:
        return table
    cols = list(rows[0])
    for col in cols:
        numeric = any(isinstance(r.get(col), (int, float)) and not isinstance(r.get(col), bool) for r in rows)
        table.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else f"{r[c]:,}" if isinstance(r[c], (int, float)) else str(r[c])
                        for c in cols))
    return table
