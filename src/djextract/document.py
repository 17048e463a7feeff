"""The Document that flows through the pipeline, and its sentences.

Why: every stage reads what the earlier ones made (decoded input, processed
text, offset map, sentences, tokens) and adds to it; nothing reaches back
upstream. Tokens are made per sentence on first use, so a huge input never
holds all its tokens at once and sentences no extractor asks about cost nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .offsets import OffsetMap
from .segment import Segmenter


@dataclass
class Token:
    word: str
    start: int  # offset in Document.text
    end: int
    tag: str


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    doc: Document

    _tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            seg = self.doc.segmenter
            out = []
            pos = self.start
            for w in seg.cut(self.text):
                out.append(Token(w, pos, pos + len(w), seg.tag(w)))
                pos += len(w)
            self._tokens = out
        return self._tokens

    def release(self) -> None:
        self._tokens = None


@dataclass
class Document:
    doc_id: str
    raw: str  # the decoded input
    text: str  # cleaned, width-normalised, simplified; offsets map back through `offsets`
    offsets: OffsetMap
    segmenter: Segmenter
    encoding: str = "utf-8"
    script: str = "simplified"
    warnings: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    claimed: list[tuple[int, int]] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)

    def set_sentences(self, spans: list[tuple[int, int]]) -> None:
        self.sentences = [Sentence(s, e, self.text[s:e], self) for s, e in spans]
        self._sentence_starts = [s for s, _ in spans]

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def claim(self, start: int, end: int) -> None:
        """Mark a span as taken (e.g. a programme name) so other extractors leave it alone."""
        self.claimed.append((start, end))

    def is_claimed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.claimed)
