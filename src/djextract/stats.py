"""Corpus summaries of mentions: what a person wants to see after a batch.

Why these tables: a JSON-lines file of thousands of mentions says little at a
glance; the counts per document, the bodies and programmes named most, and
the figures by category do. Party members are reported per document as the
document's *stated total* — the largest party-members figure that states no
change — never as a sum: a report gives its total, then breakdowns (女党员,
少数民族党员), net increases and the headline again, and adding them up gave
2.85 times the whole party on a national bulletin. Money is summed only where
it is funding (经费, 资金, 投入 …): a report's sales, output and GDP are not
something to add up. The tables by province and
city add those per-document totals up over the documents of each place; the
place comes from per-document records (`--per-doc`) or from reports extracted
here, and documents whose place is not known are counted under "(unknown)".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from .schema import BY_RANK

TYPES = tuple(s.name for s in BY_RANK)
PLURALS = {s.plural: s.name for s in BY_RANK}
UNKNOWN = "(unknown)"

TITLES = {
    "per_document": "Mentions per document (party members: the document's stated total)",
    "by_province": "Documents and figures by province (sums of the documents' stated totals; funding in 元)",
    "by_city": "Documents and figures by city",
    "top_bodies": "Bodies named in most documents",
    "top_programmes": "Programmes named in most documents",
    "figures_by_category": "Figures by category",
    "persons": "Who holds which post (persons with a post or body)",
    "top_documents": "Documents cited in most documents",
}
TABLES = tuple(TITLES)


def flatten(records: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Mention lines and per-document records → (mentions, facts of each document that has them)."""
    mentions: list[dict[str, Any]] = []
    facts: dict[str, dict[str, Any]] = {}
    for r in records:
        if "type" in r:
            mentions.append(r)
            continue
        doc = str(r.get("doc", "-"))
        facts[doc] = {"place": r.get("place") or {}, "date": r.get("date")}
        for plural in PLURALS:
            mentions.extend(m for m in r.get(plural) or [] if isinstance(m, dict))
        mentions.append({"doc": doc, "type": ""})  # a document with no mentions still counts
    return mentions, facts


CLAUSE = re.compile(r"[，,；;：:。！？!?]")


def _context(m: dict[str, Any]) -> str:
    """The counted noun and the clause before the figure with the clause before that."""
    sentence, text = m.get("sentence") or "", m.get("text") or ""
    at = sentence.find(text) if text else -1
    before = CLAUSE.split(sentence[:at])[-2:] if at > 0 else []
    return (m.get("counted") or "") + "|" + "".join(before)


@cache
def _words(name: str) -> tuple[str, ...]:
    from .lexicon import load_lines

    return load_lines(name)


def is_member_total(m: dict[str, Any]) -> bool:
    """A party-members figure that can be the document's total: no change, no subset word near it."""
    if m.get("change"):
        return False
    context = _context(m)
    return not any(w in context for w in _words("stats/member_subsets.txt"))


def is_funding(m: dict[str, Any]) -> bool:
    """A money figure that is funding (see data/stats/funding_words.txt)."""
    return not m.get("change") and any(w in _context(m) for w in _words("stats/funding_words.txt"))


class _Doc:
    """What one document reports, for the per-document and per-place tables."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.members: float | None = None
        self.organisations: float | None = None
        self.funding: set[float] = set()

    def figure(self, m: dict[str, Any]) -> None:
        value, cat = m.get("value"), m.get("category")
        if not isinstance(value, (int, float)) or m.get("change"):
            return  # an increase or decrease is not a total
        if cat == "party_members" and is_member_total(m):
            self.members = max(self.members or 0, value)  # breakdowns are smaller, repeats equal
        elif cat == "party_organizations":
            self.organisations = max(self.organisations or 0, value)
        elif cat == "money" and is_funding(m):
            self.funding.add(value)  # the same sum said twice is one sum


def summarize(records: Iterable[dict[str, Any]], top: int = 15) -> dict[str, list[dict[str, Any]]]:
    """Every table of TITLES as a list of rows, from mention lines and/or per-document records."""
    mentions, facts = flatten(records)
    docs: dict[str, _Doc] = defaultdict(_Doc)
    named: dict[str, dict[str, Counter[str]]] = {t: defaultdict(Counter) for t in ("body", "programme", "document")}
    kinds: dict[str, dict[str, str]] = {t: {} for t in named}
    fig_count: Counter[str] = Counter()
    fig_docs: dict[str, set[str]] = defaultdict(set)
    persons: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (name, post, body) → documents
    for m in mentions:
        doc = str(m.get("doc", "-"))
        typ = m.get("type", "")
        d = docs[doc]
        if not typ:
            continue
        d.counts[typ] += 1
        name = m.get("name") or m.get("text") or ""
        if typ in named:
            named[typ][name][doc] += 1
            kinds[typ].setdefault(name, m.get("kind") or "")
        elif typ == "person":
            persons[(name, m.get("post") or "", m.get("body") or "")].add(doc)
        elif typ == "figure":
            cat = m.get("category") or "other"
            fig_count[cat] += 1
            fig_docs[cat].add(doc)
            d.figure(m)

    def place_of(doc: str) -> dict[str, Any]:
        return facts.get(doc, {}).get("place") or {}

    rows_doc = []
    for doc, d in docs.items():
        row: dict[str, Any] = {"doc": doc, **{t: d.counts.get(t, 0) for t in TYPES},
                               "party_members": _num(d.members),
                               "funding": _num(sum(d.funding) if d.funding else None)}
        p = place_of(doc)  # empty for documents known only from mention lines
        row.update({"province": p.get("province"), "city": p.get("city"), "county": p.get("county"),
                    "date": facts.get(doc, {}).get("date")})
        rows_doc.append(row)

    def by_place(levels: tuple[str, ...]) -> list[dict[str, Any]]:
        groups: dict[tuple[Any, ...], list[_Doc]] = defaultdict(list)
        for doc, d in docs.items():
            p = place_of(doc)
            groups[tuple((p.get(lv), p.get(f"{lv}_code")) for lv in levels)].append(d)
        rows = []
        for key, ds in groups.items():
            row: dict[str, Any] = {}
            for lv, (name, code) in zip(levels, key, strict=True):
                row[lv] = name or UNKNOWN
                row[f"{lv}_code"] = code
            row.update({"documents": len(ds),
                        "party_members": _num(_sum(d.members for d in ds)),
                        "party_organizations": _num(_sum(d.organisations for d in ds)),
                        "funding": _num(_sum(sum(d.funding) if d.funding else None for d in ds))})
            rows.append(row)
        return sorted(rows, key=lambda r: (r[levels[0]] == UNKNOWN, -r["documents"], str(r[levels[-1]])))

    def top_rows(typ: str) -> list[dict[str, Any]]:
        ranked = sorted(named[typ].items(), key=lambda kv: (-len(kv[1]), -sum(kv[1].values()), kv[0]))[:top]
        return [{"name": n, "kind": kinds[typ].get(n, ""), "documents": len(c), "mentions": sum(c.values())}
                for n, c in ranked]

    rows_fig = [{"category": c, "figures": n, "documents": len(fig_docs[c])} for c, n in fig_count.most_common()]
    rows_persons = [{"name": n, "post": p or None, "body": b or None, "documents": len(ds)}
                    for (n, p, b), ds in sorted(persons.items(), key=lambda kv: (-len(kv[1]), kv[0]))
                    if p or b][:top]
    return {"per_document": rows_doc, "by_province": by_place(("province",)),
            "by_city": by_place(("province", "city")), "top_bodies": top_rows("body"),
            "top_programmes": top_rows("programme"), "figures_by_category": rows_fig,
            "persons": rows_persons, "top_documents": top_rows("document")}


def _sum(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(v, 2)


def render_tables(summary: dict[str, list[dict[str, Any]]]) -> list[Any]:
    """The non-empty tables, titled, for a terminal."""
    from .render import rows_table

    return [rows_table(rows, TITLES.get(key, key)) for key, rows in summary.items() if rows]
