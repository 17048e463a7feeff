"""The Document that flows through the pipeline, and its sentences.

Why: every stage reads what the earlier ones made (decoded input, processed
text, offset map, sentences, tokens) and adds to it; nothing reaches back
upstream. Tokens are made per sentence on first use, so a huge input never
holds all its tokens at once and sentences no extractor asks about cost nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from .offsets import OffsetMap
from .segment import Segmenter


class Token:
    """A word with its offsets in Document.text and its dictionary part of speech.

    The part of speech is looked up on first use: most tokens are never asked.
    """

    __slots__ = ("word", "start", "end", "_tag", "_tagger")

    def __init__(self, word: str, start: int, end: int, tag: str | None = None,
                 tagger: Callable[[str], str] | None = None) -> None:
        self.word, self.start, self.end, self._tag, self._tagger = word, start, end, tag, tagger

    @property
    def tag(self) -> str:
        if self._tag is None:
            self._tag = self._tagger(self.word) if self._tagger else ""
        return self._tag

    def __repr__(self) -> str:
        return f"Token({self.word!r}, {self.start}, {self.end}, {self.tag!r})"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    doc: Document

    _tokens: list[Token] | None = None
    _starts: list[int] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            seg = self.doc.segmenter
            tag = seg.tag
            out = []
            pos = self.start
            for w in seg.cut(self.text):
                end = pos + len(w)
                out.append(Token(w, pos, end, None, tag))
                pos = end
            self._tokens = out
        return self._tokens

    def token_index(self, pos: int) -> int:
        """Index of the token containing doc offset ``pos`` (len(tokens) when none)."""
        tokens = self.tokens
        if self._starts is None:
            self._starts = [t.start for t in tokens]
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and tokens[i].start <= pos < tokens[i].end:
            return i
        return len(tokens)

    _quotes: list | None = None

    @property
    def quotes(self) -> list:
        """Quote and title spans of the sentence (doc offsets), shared by all extractors."""
        if self._quotes is None:
            from .extractors.quotes import find_quotes

            self._quotes = find_quotes(self.text, self.start)
        return self._quotes

    def release(self) -> None:
        self._tokens = None
        self._starts = None
        self._quotes = None


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
    places: dict[str, bool] = field(default_factory=dict)  # X区 → written as a place in this document?
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
        """Mark a span as taken (e.g. a programme name) so other extractors leave it alone.

        Claims live for the sentence being extracted (the pipeline clears them), since
        no mention crosses a sentence boundary.
        """
        self.claimed.append((start, end))

    def is_claimed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.claimed)
