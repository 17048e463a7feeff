"""Cited documents: titles in 《》 in the content (spec §7).

Why this is simple: Chinese writing marks every title of a document,
publication or speech with 《》, so the span is given by the text; what is
left to decide is the kind, read first from the words right after the title
(《旗帜》杂志, 《…》专题党课) and else from the title's own last words
(…实施办法, …日报), both tables in ``data/``. Source lines and navigation
(《人民日报》（2025年07月01日第 01 版）, 上一篇：《…》) are removed as boilerplate
before any extractor runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Sentence
from ..lexicon import derived, load_rows
from ..mention import Mention
from ..rules import Act, apply, begin, conclude, decide, rule
from ..schema import DOCUMENT_KINDS as KINDS

MAX_TITLE = 120
TITLE = re.compile(rf"《([^《》\n]{{1,{MAX_TITLE}}})》")
TRAILING_NOTE = re.compile(r"[（(][^（()）]{1,10}[)）]$")  # （试行）, （修订稿）, (2021年版)
HAN = re.compile(r"[\u4e00-\u9fff]")
SPACES = re.compile(r"\s+")
AFTER = 7  # characters read after a title: 的 and a word of up to four before a cue (的工作报告)
DEFAULT_KIND = "publication"  # a title with no telling ending is most often a paper, a magazine or a book


class Tables:
    def __init__(self) -> None:
        endings = load_rows("documents/kinds.tsv", ("ending", "kind"), ((), KINDS))
        self.endings = sorted(endings, key=lambda ek: -len(ek[0]))
        cues = load_rows("documents/cues.tsv", ("after", "kind"), ((), KINDS))
        self.cues = sorted(cues, key=lambda ak: -len(ak[0]))


@derived
def tables() -> Tables:
    return Tables()


class Title:
    """One 《》 title: its name, the words written right after it, and the kind the rules give it."""

    __slots__ = ("name", "after", "kind")

    def __init__(self, name: str, after: str) -> None:
        self.name, self.after, self.kind = name, after, DEFAULT_KIND


@rule()
def no_chinese(c: Title) -> Act | None:
    """《ABC》, 《2023》: a title with no Han character is no cited document."""
    return Act.REJECT if not HAN.search(c.name) else None


@rule("documents/cues.tsv")
def kind_from_the_words_after(c: Title) -> Act | None:
    """《旗帜》杂志, 《…》专题党课: the words right after the title say what it is; after 的 they may open
    with a word of their own (题为《…》的讲话, 题为《…》的工作报告)."""
    after_de = c.after[1:] if c.after.startswith("的") else None  # (no cue opens with 的)
    for word, kind in tables().cues:
        if c.after.startswith(word) or (after_de is not None and after_de.find(word, 0, len(word) + 2) >= 0):
            c.kind = kind
            return Act.ACCEPT
    return None


@rule("documents/kinds.tsv")
def kind_from_the_ending(c: Title) -> Act | None:
    """…实施办法, …日报: the title's own last words say what it is (a trailing （试行） aside)."""
    core = TRAILING_NOTE.sub("", c.name).rstrip("”’\"") or c.name
    for ending, kind in tables().endings:
        if core.endswith(ending):
            c.kind = kind
            return Act.ACCEPT
    return None


@rule()
def publication_by_default(c: Title) -> Act | None:
    """A title with no telling words is most often a paper, a magazine or a book."""
    c.kind = DEFAULT_KIND
    return Act.ACCEPT


STAGES = (("title", (no_chinese,)), ("kind", (kind_from_the_words_after, kind_from_the_ending,
                                              publication_by_default)))
"""The document rules stage by stage, in the order they run; in the kind stage the first that answers decides."""


def documents_in_sentence(doc: Document, sentence: Sentence) -> Iterator[Mention]:
    """Every 《title》 of the sentence with a Han character in it, as a cited document."""
    text = sentence.text
    (_, title_rules), (_, kind_rules) = STAGES
    for m in TITLE.finditer(text):
        a, b = sentence.start + m.start(), sentence.start + m.end()
        c = Title(SPACES.sub("", m.group(1)), text[m.end():m.end() + AFTER])
        events = begin(doc, "document", a, b, c.name, ())
        if apply(title_rules, "title", events, c.name, c) is Act.REJECT:
            conclude(doc, "rejected")
            continue
        decide(kind_rules, "kind", events, c.name, c)
        conclude(doc, c.name, a, b)
        yield Mention(type="document", text=m.group(0), start=a, end=b, fields={"name": c.name, "kind": c.kind})
