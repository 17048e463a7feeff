"""The Document that flows through the pipeline, and its sentences.

Why: every stage reads what the earlier ones made (decoded input, processed
text, offset map, sentences, tokens) and adds to it; nothing reaches back
upstream. Words are cut per sentence and only where a rule reads them
(``Sentence.word_at``, through ``rules.Cursor``), so a huge input never holds
all its tokens at once and text no rule looks at costs nothing.
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


class Unsegmented(LookupError):
    """An extractor read a stretch of a sentence that has not been cut into words yet."""


class Gap:
    """Stands in the token list for a run of characters not cut yet; reading it raises Unsegmented.

    Why: rules read words through ``rules.Cursor`` (``Sentence.word_at``), which cuts
    a stretch when it is first read; code that reads ``partial_tokens`` directly
    must not see a wrong word where nothing was cut yet, so it is stopped instead.
    """

    __slots__ = ()

    # four properties written out, not property(f) four times: a compiled build (mypyc) cannot hold
    # a property as a class attribute's value
    @property
    def word(self) -> str:
        raise Unsegmented

    @property
    def start(self) -> int:
        raise Unsegmented

    @property
    def end(self) -> int:
        raise Unsegmented

    @property
    def tag(self) -> str:
        raise Unsegmented


GAP = Gap()  # a run of word characters, cut by the segmenter when asked for
GAP_MARKS = Gap()  # characters between runs, each a word of its own (jieba keeps \r\n together)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    doc: Document

    _tokens: list | None = None  # Token, or a Gap for a stretch not cut yet
    _starts: list[int] | None = None  # doc offsets where each entry of _tokens starts
    _ends: list[int] | None = None
    _gaps: int = 0

    @property
    def tokens(self) -> list[Token]:
        """Every word of the sentence."""
        self.ensure(self.start, self.end)
        return self._tokens  # type: ignore[return-value]

    @property
    def partial_tokens(self) -> list:
        """The words cut so far (see ensure); stretches not cut yet are Gap entries."""
        if self._tokens is None:
            self._lay_out()
        return self._tokens  # type: ignore[return-value]

    def ensure(self, start: int, end: int) -> None:
        """Cut every run of word characters that overlaps doc offsets [start, end] into words.

        Indices into ``partial_tokens`` change when something is cut, so call this
        before walking the list, not while walking it.
        """
        if self._tokens is None:
            self._lay_out()
        if not self._gaps:
            return
        tokens, starts, ends = self._tokens, self._starts, self._ends
        i = max(0, bisect_right(starts, start) - 1)  # type: ignore[arg-type]
        while i < len(tokens) and starts[i] <= end:  # type: ignore[index, arg-type]
            gap = tokens[i]  # type: ignore[index]
            if (gap is GAP or gap is GAP_MARKS) and ends[i] > start:  # type: ignore[index]
                a, b = starts[i], ends[i]  # type: ignore[index]
                words, w_starts, w_ends = (self._run(self.doc.text[a:b], a) if gap is GAP
                                           else self._marks(self.doc.text[a:b], a))
                tokens[i:i + 1] = words  # type: ignore[index]
                starts[i:i + 1] = w_starts  # type: ignore[index]
                ends[i:i + 1] = w_ends  # type: ignore[index]
                self._gaps -= 1
                i += len(words)
            else:
                i += 1

    def _lay_out(self) -> None:
        """The sentence as gaps: runs of word characters and the marks between them, cut when asked for."""
        seg = self.doc.segmenter
        if not seg.lazy or seg.word_runs is None:
            self._tokens, self._starts, self._ends = self._tokens_of(seg.cut(self.text), self.start)
            return
        tokens: list = []
        starts: list[int] = []
        ends: list[int] = []
        base, pos = self.start, 0
        for m in seg.word_runs.finditer(self.text):
            a, b = m.span()
            if a > pos:
                tokens.append(GAP_MARKS)
                starts.append(base + pos)
                ends.append(base + a)
            tokens.append(GAP)
            starts.append(base + a)
            ends.append(base + b)
            pos = b
        if pos < len(self.text):
            tokens.append(GAP_MARKS)
            starts.append(base + pos)
            ends.append(base + len(self.text))
        self._tokens, self._starts, self._ends, self._gaps = tokens, starts, ends, len(tokens)

    def _marks(self, text: str, pos: int) -> tuple[list[Token], list[int], list[int]]:
        """Characters outside word runs: jieba makes each a word of its own, except \r\n."""
        words = []
        k = 0
        while k < len(text):
            n = 2 if text.startswith("\r\n", k) else 1
            words.append(text[k:k + n])
            k += n
        return self._tokens_of(words, pos)

    def _run(self, text: str, pos: int) -> tuple[list[Token], list[int], list[int]]:
        return self._tokens_of(self.doc.segmenter.cut_run(text), pos)

    def _tokens_of(self, words: list[str], pos: int) -> tuple[list[Token], list[int], list[int]]:
        """Tokens for consecutive words starting at doc offset ``pos``, with their starts and ends."""
        tag = self.doc.segmenter.tag
        out = []
        starts = []
        ends = []
        for w in words:
            end = pos + len(w)
            out.append(Token(w, pos, end, None, tag))
            starts.append(pos)
            ends.append(end)
            pos = end
        return out, starts, ends

    def word_at(self, pos: int) -> Token | None:
        """The word containing doc offset ``pos``, its stretch cut into words now if it was not; None outside."""
        if pos < self.start or pos >= self.end:
            return None
        if self._tokens is None:
            self._lay_out()
        i = bisect_right(self._starts, pos) - 1  # type: ignore[arg-type]
        tok = self._tokens[i]  # type: ignore[index]
        if tok is GAP or tok is GAP_MARKS:
            self.ensure(pos, pos)
            tok = self._tokens[bisect_right(self._starts, pos) - 1]  # type: ignore[arg-type, index]
        return tok

    def token_index(self, pos: int) -> int:
        """Index in ``partial_tokens`` of the token (or gap) containing doc offset ``pos``; len() when none."""
        if self._starts is None:
            self._lay_out()
        i = bisect_right(self._starts, pos) - 1  # type: ignore[arg-type]
        if i >= 0 and pos < self._ends[i]:  # type: ignore[index]
            return i
        return len(self._tokens)  # type: ignore[arg-type]

    _quotes: list | None = None

    @property
    def quotes(self) -> list:
        """Quote and title spans of the sentence (doc offsets), shared by all extractors."""
        if self._quotes is None:
            from .extractors.quotes import find_quotes

            self._quotes = find_quotes(self.text, self.start)
        return self._quotes

    def release(self) -> None:
        self._tokens = self._starts = self._ends = None
        self._gaps = 0
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
    publisher: str | None = None  # whose site the page is on (clean.publisher), though masked as boilerplate
    sentences: list[Sentence] = field(default_factory=list)
    claimed: list[tuple[int, int]] = field(default_factory=list)
    found: list = field(default_factory=list)  # the mentions this sentence yielded so far (persons read bodies)
    memory: dict = field(default_factory=dict)  # what an extractor established earlier in the document
    places: set[str] | None = None  # places written with their level (海棠区), listed on first use by bodies
    members_at: int = -1  # where the last count of party members ended (figures: breakdowns that omit 党员)
    last_count: tuple[int, str] | None = None  # (sentence start, category) of the last figure that is no rate
    trace: list | None = None  # rules.Decision records, kept only when explaining (djextract explain)
    _sentence_starts: list[int] = field(default_factory=list)

    def set_sentences(self, spans: list[tuple[int, int]]) -> None:
        self.sentences = [Sentence(s, e, self.text[s:e], self) for s, e in spans]
        self._sentence_starts = [s for s, _ in spans]

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def before(self, sentence: Sentence) -> Sentence | None:
        """The sentence just before this one (a heading such as 党员的职业。 says what follows counts)."""
        i = bisect_right(self._sentence_starts, sentence.start) - 2
        return self.sentences[i] if i >= 0 else None

    def claim(self, start: int, end: int) -> None:
        """Mark a span as taken (e.g. a programme name) so other extractors leave it alone.

        Claims live for the sentence being extracted (the pipeline clears them), since
        no mention crosses a sentence boundary.
        """
        self.claimed.append((start, end))

    def is_claimed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.claimed)
