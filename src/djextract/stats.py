"""Corpus summaries of mentions: what a person wants to see after a batch.

Why: a JSON-lines file of thousands of mentions says little at a glance; the
counts per document, the bodies and programmes named most, and the figures
summed by category (party members reported per document) do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from .schema import BY_RANK

TYPES = tuple(s.name for s in BY_RANK)


def summarize(mentions: Iterable[dict[str, Any]], top: int = 15) -> dict[str, list[dict[str, Any]]]:
    """Tables as lists of rows: per_document, top_bodies, top_programmes, figures_by_category."""
    per_doc: dict[str, Counter[str]] = defaultdict(Counter)
    party_members: dict[str, float] = defaultdict(float)
    bodies: dict[str, Counter[str]] = defaultdict(Counter)
    programmes: dict[str, Counter[str]] = defaultdict(Counter)
    body_kind: dict[str, str] = {}
    prog_kind: dict[str, str] = {}
    fig_count: Counter[str] = Counter()
    fig_sum: dict[str, float] = defaultdict(float)
    fig_docs: dict[str, set[str]] = defaultdict(set)
    persons: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (name, post, body) → documents
    documents: dict[str, Counter[str]] = defaultdict(Counter)
    doc_kind: dict[str, str] = {}
    for m in mentions:
        doc = str(m.get("doc", "-"))
        typ = m.get("type", "")
        per_doc[doc][typ] += 1
        if typ == "body":
            bodies[m.get("name") or m["text"]][doc] += 1
            body_kind.setdefault(m.get("name") or m["text"], m.get("kind") or "")
        elif typ == "programme":
            programmes[m.get("name") or m["text"]][doc] += 1
            prog_kind.setdefault(m.get("name") or m["text"], m.get("kind") or "")
        elif typ == "person":
            persons[(m.get("name") or m["text"], m.get("post") or "", m.get("body") or "")].add(doc)
        elif typ == "document":
            documents[m.get("name") or m["text"]][doc] += 1
            doc_kind.setdefault(m.get("name") or m["text"], m.get("kind") or "")
        elif typ == "figure":
            cat = m.get("category") or "other"
            fig_count[cat] += 1
            fig_docs[cat].add(doc)
            value = m.get("value")
            if isinstance(value, (int, float)):
                fig_sum[cat] += value
                if cat == "party_members":
                    party_members[doc] += value
    rows_doc = [{"doc": d, **{t: c.get(t, 0) for t in TYPES}, "party_members_reported": _num(party_members.get(d))}
                for d, c in per_doc.items()]

    def top_rows(table: dict[str, Counter[str]], kinds: dict[str, str]) -> list[dict[str, Any]]:
        ranked = sorted(table.items(), key=lambda kv: (-len(kv[1]), -sum(kv[1].values()), kv[0]))[:top]
        return [{"name": n, "kind": kinds.get(n, ""), "documents": len(c), "mentions": sum(c.values())}
                for n, c in ranked]

    rows_fig = [{"category": c, "figures": n, "documents": len(fig_docs[c]),
                 "sum": _num(fig_sum[c]) if c not in ("percentage",) else None}
                for c, n in fig_count.most_common()]
    rows_persons = [{"name": n, "post": p or None, "body": b or None, "documents": len(ds)}
                    for (n, p, b), ds in sorted(persons.items(), key=lambda kv: (-len(kv[1]), kv[0]))
                    if p or b][:top]
    return {"per_document": rows_doc, "top_bodies": top_rows(bodies, body_kind),
            "top_programmes": top_rows(programmes, prog_kind), "figures_by_category": rows_fig,
            "persons": rows_persons, "top_documents": top_rows(documents, doc_kind)}


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(v, 2)


TITLES = {
    "per_document": "Mentions per document",
    "top_bodies": "Bodies named in most documents",
    "top_programmes": "Programmes named in most documents",
    "figures_by_category": "Figures by category (sum of values; money in 元)",
    "persons": "Who holds which post (persons with a post or body)",
    "top_documents": "Documents cited in most documents",
}


def render_tables(summary: dict[str, list[dict[str, Any]]]) -> list[Any]:
    from rich.table import Table

    out = []
    for key, rows in summary.items():
        table = Table(title=TITLES.get(key, key), header_style="bold")
        if not rows:
            continue
        for col in rows[0]:
            table.add_column(col, justify="right" if isinstance(rows[0][col], (int, float)) else "left")
        for r in rows:
            table.add_row(*("" if v is None else f"{v:,}" if isinstance(v, (int, float)) else str(v)
                            for v in r.values()))
        out.append(table)
    return out
