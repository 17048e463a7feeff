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
from ..schema import DOCUMENT_KINDS as KINDS

MAX_TITLE = 120
TITLE = re.compile(rf"《([^《》\n]{{1,{MAX_TITLE}}})》")
TRAILING_NOTE = re.compile(r"[（(][^（()）]{1,10}[)）]$")  # （试行）, （修订稿）, (2021年版)
HAN = re.compile(r"[\u4e00-\u9fff]")
SPACES = re.compile(r"\s+")
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


def kind_of(title: str, after: str = "") -> str:
    """The kind of a cited title from the words after it, else from its ending."""
    t = tables()
    for word, kind in t.cues:
        if after.startswith(word):
            return kind
    core = TRAILING_NOTE.sub("", title).rstrip("”’\"") or title
    for ending, kind in t.endings:
        if core.endswith(ending):
            return kind
    return DEFAULT_KIND


def documents_in_sentence(doc: Document, sentence: Sentence) -> Iterator[Mention]:
    """Every 《title》 of the sentence with a Han character in it, as a cited document."""
    text = sentence.text
    for m in TITLE.finditer(text):
        inner = m.group(1)
        if not HAN.search(inner):
            continue
        name = SPACES.sub("", inner)
        a, b = sentence.start + m.start(), sentence.start + m.end()
        yield Mention(type="document", text=m.group(0), start=a, end=b,
                      fields={"name": name, "kind": kind_of(name, text[m.end():m.end() + 6])})
