"""read → clean → convert → segment → extract, for one document.

Why: one pure function of (text, options) is what the CLI, the Python API and
the worker processes all call, so they cannot drift apart. Conversion runs
before the line rules because those rules (and every word list) are written in
simplified Chinese; since conversion keeps length, the order costs no offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from . import extractors
from .clean import (
    boilerplate_spans,
    common_chars,
    garbled_spans,
    gloss_spans,
    mask,
    normalize_width,
    publisher,
    zhu_words,
)
from .convert import SCRIPT_SAMPLE, convert, mend_strays, particle_zhe, script_of
from .document import Document
from .lexicon import Rules, use
from .mention import Mention
from .offsets import OffsetMap, drop_spans
from .owners import assign as assign_owners
from .read import html_to_text, is_html
from .schema import BY_NAME
from .segment import get_segmenter, split_sentences


@dataclass(frozen=True)
class Options:
    """Everything that changes what a document yields; picklable for worker processes."""

    types: tuple[str, ...] = ()
    convert: str = "t2s"
    segmenter: str = "jieba"
    user_dicts: tuple[str, ...] = ()
    html: bool | None = None  # None: decide by name and content
    facts: bool = False  # also resolve the document's place and date (per-document output, stats)
    rules: Rules = field(default_factory=Rules.from_env)  # the user's data files, by content


def prepare(raw: str, doc_id: str = "-", options: Options | None = None, name: str = "",
            encoding: str = "utf-8") -> Document:
    """Build the processed Document (no extraction yet)."""
    options = options or Options()
    use(options.rules)
    html = options.html if options.html is not None else is_html(raw, name)
    if html:
        text, offsets = html_to_text(raw)
    else:
        text, offsets = raw, OffsetMap.identity(len(raw))
    glosses = gloss_spans(text)
    if glosses:
        text, offsets = drop_spans(text, offsets, glosses)
    text = normalize_width(text)
    source = text
    text = convert(text, options.convert)
    warnings = []
    if options.convert != "none":
        script = script_of(source, text)
        if script == "simplified":  # 东乾社区 stays 东乾社区: t2s also "simplifies" characters simplified text uses
            text = mend_strays(source, text, common_chars())
        else:
            text = particle_zhe(text, zhu_words())
    else:  # the script is still worth knowing: the word lists are simplified, so names come out broken
        sample = source[:SCRIPT_SAMPLE]
        script = script_of(sample, convert(sample, "t2s"))
        if script == "traditional":
            warnings.append("the text looks traditional but --convert none leaves it so; names and figures "
                            "will be missed or broken (use --convert t2s)")
    garbled = garbled_spans(text)
    if garbled:
        where = [offsets.to_raw(s, e) for s, e in garbled[:5]]  # as offsets into the input
        shown = ", ".join(f"{s}-{e}" for s, e in where)
        more = f" and {len(garbled) - 5} more" if len(garbled) > 5 else ""
        warnings.append(f"garbled text excluded at {len(garbled)} place(s): {shown}{more}")
    drop = sorted(boilerplate_spans(text) + garbled)
    site = publisher(text)
    text = mask(text, drop)
    doc = Document(doc_id, raw, text, offsets, get_segmenter(options.segmenter, options.user_dicts),
                   encoding=encoding, script=script, warnings=warnings, publisher=site)
    doc.set_sentences(split_sentences(text))
    return doc




def iter_mentions(doc: Document, options: Options | None = None, keep_going: bool = False) -> Iterator[Mention]:
    """Mentions in document order, sentence by sentence, with offsets into the decoded input.

    Only one sentence's tokens and mentions are alive at a time, so a huge input
    streams through in bounded memory. With ``keep_going`` (batches), a rule that
    fails on one sentence costs that sentence's mentions of that type and a
    warning, not the whole document; the Python API lets the error surface.
    """
    options = options or Options()
    use(options.rules)
    wanted = extractors.resolve(options.types or None)
    names = extractors.resolve([*wanted, *(n for w in wanted for n in BY_NAME[w].needs)])
    funcs = [(name, extractors.get(name)) for name in names]
    shown = frozenset(wanted)
    for sentence in doc.sentences:
        found: list[Mention] = []
        doc.claimed.clear()
        doc.found = found
        for name, func in funcs:
            if not keep_going:
                found.extend(func(doc, sentence))
                continue
            try:
                found.extend(func(doc, sentence))
            except Exception as exc:  # noqa: BLE001 - a rule's bug must not cost the rest of the document
                where = doc.offsets.to_raw(sentence.start, sentence.end)[0]
                doc.warnings.append(f"{name} rules failed on the sentence at {where} "
                                    f"({type(exc).__name__}: {exc}); its other mentions are kept")
        if "figure" in shown:
            assign_owners(doc, sentence, found)
        sentence.release()
        seen = set()
        for m in sorted(found, key=lambda m: (m.start, m.end, BY_NAME[m.type].rank)):
            key = (m.type, m.start, m.end)
            if key not in seen and m.type in shown:
                seen.add(key)
                yield finalize(doc, m)


def run_extractors(doc: Document, options: Options | None = None) -> list[Mention]:
    """All mentions of a document (see iter_mentions)."""
    return list(iter_mentions(doc, options))


def finalize(doc: Document, m: Mention) -> Mention:
    """Turn a mention in processed-text offsets into one in input offsets."""
    sent = doc.sentence_at(m.start)
    m.sentence = sent.text if sent else doc.text[m.start:m.end]
    if not m.text:
        m.text = doc.text[m.start:m.end]
    rs, re_ = doc.offsets.to_raw(m.start, m.end)
    m.start, m.end = rs, re_
    m.source_text = doc.raw[rs:re_]
    m.doc = doc.doc_id
    return m


def document_facts(doc: Document) -> dict[str, object]:
    """The document facts of spec §8: where the report is from (with codes) and its own date."""
    from .dates import report_date
    from .places import document_place

    return {"place": dict(document_place(doc)), "date": report_date(doc.raw)}


def process(raw: str, doc_id: str = "-", options: Options | None = None, name: str = "",
            encoding: str = "utf-8") -> tuple[Document, list[Mention]]:
    """Run the whole pipeline on one decoded document."""
    doc = prepare(raw, doc_id, options, name, encoding)
    mentions = run_extractors(doc, options)
    return doc, mentions
