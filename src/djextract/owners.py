"""Whose figure is it: the body or place each figure is given for (spec §8).

Why a pass after the extractors: the owner is read from what the sentence
and the document already named. In order: in a report made of speakers'
sections (述职摘登: ``市教育局党委书记吴萍：``), the section's speaker's body;
else the nearest body or place written before the figure in its sentence
(全市/全县 resolved to the last city or county named); else the owner carried
over from the sentences before; else the place the whole report is about. Places are given by their full official name
(海曙 → 海曙区), from the gazetteer.
"""

from __future__ import annotations

import re

from .document import Document, Sentence
from .mention import Mention

WHOLE = re.compile(r"全(省|市|县|区|镇|乡)")  # 全市共有党员… → the city named last
SPEAKER_END = re.compile(r"\s*[:：]")


def _places(doc: Document, sentence: Sentence) -> list[tuple[int, int, str, str]]:
    """(start, end, full name, level character) of the places written in a sentence, doc offsets."""
    from .places import gazetteer

    out: list[tuple[int, int, str, str]] = []
    gz = gazetteer()
    for a, b, cands in gz.mentions(sentence.text):
        if len({d.name for d in cands}) != 1 or b - a < 3 and cands[0].name == sentence.text[a:b] and len(cands) > 1:
            continue
        d = cands[0]
        if out and out[-1][1] == sentence.start + a and any(  # 宁波市|海曙区: the lower level of one chain
                node is not None and node.name == out[-1][2] for node in gz.chain(d).values()):
            out.pop()
        out.append((sentence.start + a, sentence.start + b, d.name, d.name[-1]))
    return out


def _home(doc: Document, memory: dict) -> str | None:
    """The lowest unit of the place the whole report is about (what a subject-less figure is given for)."""
    if "home" not in memory:
        from .places import resolve

        place = resolve(doc.text)
        memory["home"] = place["county"] or place["city"] or place["province"]
    return memory["home"]


def assign(doc: Document, sentence: Sentence, found: list[Mention]) -> None:
    """Set ``owner`` on the figures of one sentence (``found`` in any order)."""
    memory = doc.memory.setdefault("owners", {"section": None, "carry": None, "last_place": {}})
    for m in found:  # a speaker's heading opens a section: 海棠区委书记鲁正兰：
        if m.type == "person" and m.fields.get("body") and SPEAKER_END.match(doc.text, m.end) and (
                m.start - sentence.start) < 30:
            memory["section"] = m.fields["body"]
    figures = [m for m in found if m.type == "figure"]
    places = _places(doc, sentence) if figures or WHOLE.search(sentence.text) else []
    for _, _, name, level in places:
        memory["last_place"][level] = name
    if not figures:
        return
    named = sorted([(m.start, m.end, m.fields["name"]) for m in found if m.type == "body"]
                   + [(a, b, n) for a, b, n, _ in places])
    for fig in sorted(figures, key=lambda f: f.start):
        owner = memory["section"]
        if owner is None:
            before = [(b, n) for a, b, n in named if b <= fig.start]
            whole = list(WHOLE.finditer(sentence.text, 0, fig.start - sentence.start))
            if whole and (not before or whole[-1].start() + sentence.start > max(b for b, _ in before)):
                owner = memory["last_place"].get(whole[-1].group(1), memory["carry"])
            elif before:
                owner = before[0][1]  # the clause's subject stands first: 省直机关工委…联合省档案局…8个
            else:
                owner = memory["carry"] or _home(doc, memory)
        fig.fields["owner"] = owner
        memory["carry"] = owner
