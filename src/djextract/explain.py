"""Why each mention was found and why each candidate was not: the rules that fired, in order, with data lines.

Why: rule work on unseen reports starts from a miss or a false hit, and the
question is always "which rule, on which word, because of which line of which
data file". The extractors record that only when a document asks for a trace
(``Document.trace``), so explaining a whole report costs one extraction.
Extractors not yet written as rules of the engine show their mentions and
fields, marked untraced.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .document import Document
from .lexicon import load_lines, where
from .mention import Mention
from .pipeline import Options, prepare, run_extractors
from .rules import RULES, Decision, Event

MAX_HITS = 3


def explain(raw: str, doc_id: str = "-", options: Options | None = None, name: str = "",
            encoding: str = "utf-8") -> list[dict[str, Any]]:
    """One record per candidate (traced) or mention (untraced), in document order; offsets index ``raw``."""
    options = options or Options()
    doc = prepare(raw, doc_id, options, name, encoding)
    doc.trace = []
    mentions = run_extractors(doc, options)
    traced = {d.type for d in doc.trace}
    fields = {(m.type, m.start, m.end): dict(m.fields) for m in mentions}
    out = [_decision(doc, d) for d in doc.trace]
    for r in out:
        r["fields"] = fields.get((r["type"], r["start"], r["end"])) if r["outcome"] == "kept" else None
    kept = {(r["type"], r["start"], r["end"]) for r in out if r["outcome"] == "kept"}
    out += [_untraced(m) for m in mentions if m.type not in traced or (m.type, m.start, m.end) not in kept]
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out


def _decision(doc: Document, d: Decision) -> dict[str, Any]:
    start, end = doc.offsets.to_raw(d.start, d.end)
    sentence = doc.sentence_at(d.start)
    return {
        "doc": doc.doc_id, "type": d.type, "start": start, "end": end, "text": doc.raw[start:end],
        "sentence": sentence.text if sentence else "",
        "outcome": "kept" if d.outcome not in ("rejected", "dropped") else d.outcome,
        "name": d.outcome if d.outcome not in ("rejected", "dropped") else None,
        "anchor": d.anchor, "anchor_data": [h for f in d.anchor_data for h in where(f, d.anchor)],
        "rules": [_event(e) for e in d.events],
    }


def _event(e: Event) -> dict[str, Any]:
    r = RULES[e.rule]
    return {"stage": e.stage, "rule": r.name, "act": e.act.value if e.act else None, "word": e.word,
            "why": r.why, "data": _hits(r.data, e.word)}


def _hits(files: tuple[str, ...], word: str) -> list[str]:
    """The data lines that name this word (else the longest terms of those files inside it), as FILE:LINE term."""
    out: list[str] = []
    for f in files:
        exact = where(f, word)
        if exact:
            out += [f"{w} {word}" for w in exact]
            continue
        inside = sorted({ln.split("\t")[0].strip() for ln in load_lines(f)} - {""}, key=len, reverse=True)
        for term in [t for t in inside if t in word][:1]:
            out += [f"{w} {term}" for w in where(f, term)]
    return out[:MAX_HITS]


def _untraced(m: Mention) -> dict[str, Any]:
    return {"doc": m.doc, "type": m.type, "start": m.start, "end": m.end, "text": m.source_text or m.text,
            "sentence": m.sentence, "outcome": "kept", "name": None, "anchor": None, "anchor_data": [],
            "rules": None, "fields": dict(m.fields)}


MARK = {"kept": "✓", "rejected": "✗", "dropped": "–"}


def render_lines(records: list[dict[str, Any]], rejected: bool = True) -> Iterator[str]:
    """Text for people: each sentence once, then its candidates, each with its rules."""
    sentence = None
    for r in records:
        if not rejected and r["outcome"] != "kept":
            continue
        if r["sentence"] != sentence:
            sentence = r["sentence"]
            yield ""
            yield f"{r['doc']}  {' '.join(sentence.split())}"
        label = r["name"] or r["text"]
        anchor = f"  anchor {r['anchor']}" if r["anchor"] else ""
        data = f"  ({', '.join(r['anchor_data'])})" if r["anchor_data"] else ""
        yield f"  {MARK[r['outcome']]} {r['type']} {label}  [{r['start']}:{r['end']}] {r['outcome']}{anchor}{data}"
        if r["fields"]:
            fields = ", ".join(f"{k}={v}" for k, v in r["fields"].items() if v not in (None, ""))
            yield f"      {fields}" + (f"  (rules not traced for {r['type']})" if r["rules"] is None else "")
        if r["rules"] is None:
            continue
        for e in r["rules"]:
            data = f"  {'; '.join(e['data'])}" if e["data"] else ""
            yield f"      {e['stage']:<7} {e['rule']:<26} {_pad(str(e['word']), 12)} → {e['act']}{data}"


def _pad(text: str, width: int) -> str:
    """Pad to a width in terminal cells (a Chinese character takes two)."""
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))


def rule_lines(types: tuple[str, ...] = ()) -> Iterator[str]:
    """Every rule of the traced extractors, stage by stage in run order, with its data files and why."""
    from importlib import import_module

    from .extractors import resolve
    from .schema import BY_NAME

    for name in resolve(types or None):
        stages = getattr(import_module(BY_NAME[name].module), "STAGES", None)
        if stages is None:
            yield f"{name}: not written as engine rules yet"
            continue
        for stage, funcs in stages:
            yield f"{name} {stage}:"
            for k, f in enumerate(funcs, 1):
                r = RULES[f]
                data = f"  [{', '.join(r.data)}]" if r.data else ""
                yield f"  {k:>2}. {r.name}: {r.why}{data}"
