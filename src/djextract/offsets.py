"""Map offsets in the processed text back to the decoded input.

Why: every mention must point into what the user gave us
(``input[start:end] == source_text``) even though the extractors work on text
that was converted from HTML, traditional script or full-width forms. Most
stages keep length, so the map is a short list of segments, not a per-character
array: a 50 MB line costs a handful of integers.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Segments (text_start, raw_start, text_len, raw_len), sorted by text_start.

    Within a segment of equal lengths the mapping is one to one; a segment of
    unequal lengths (an HTML entity) maps as a whole.
    """

    text_starts: list[int] = field(default_factory=list)
    raw_starts: list[int] = field(default_factory=list)
    text_lens: list[int] = field(default_factory=list)
    raw_lens: list[int] = field(default_factory=list)

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls([0], [0], [n], [n])

    def add(self, text_start: int, raw_start: int, text_len: int, raw_len: int) -> None:
        """Append a segment; consecutive one-to-one segments are merged."""
        if text_len == 0:
            return
        if (
            self.text_starts
            and self.text_lens[-1] == self.raw_lens[-1]
            and text_len == raw_len
            and self.text_starts[-1] + self.text_lens[-1] == text_start
            and self.raw_starts[-1] + self.raw_lens[-1] == raw_start
        ):
            self.text_lens[-1] += text_len
            self.raw_lens[-1] += raw_len
            return
        self.text_starts.append(text_start)
        self.raw_starts.append(raw_start)
        self.text_lens.append(text_len)
        self.raw_lens.append(raw_len)

    def _seg(self, pos: int) -> int:
        return max(bisect_right(self.text_starts, pos) - 1, 0)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering the text span [start, end)."""
        if not self.text_starts:
            return start, end
        i = self._seg(start)
        ts, rs, tl, rl = self.text_starts[i], self.raw_starts[i], self.text_lens[i], self.raw_lens[i]
        raw_start = rs + (start - ts) if tl == rl else rs
        j = self._seg(max(end - 1, start))
        ts, rs, tl, rl = self.text_starts[j], self.raw_starts[j], self.text_lens[j], self.raw_lens[j]
        raw_end = rs + (end - ts) if tl == rl else rs + rl
        return raw_start, max(raw_end, raw_start)


def drop_spans(text: str, offsets: OffsetMap, spans: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """``text`` without the (sorted, disjoint) ``spans``, and the map of what is left to the input.

    Why: a pinyin gloss inside a word (社区(qū)党总支) must go before the words
    are cut, which changes length; the map keeps every later offset pointing
    into the input.
    """
    out: list[str] = []
    new = OffsetMap()
    pos = cur = 0
    for s, e in [*spans, (len(text), len(text))]:
        if cur < s:
            out.append(text[cur:s])
            i = offsets._seg(cur)
            while i < len(offsets.text_starts) and offsets.text_starts[i] < s:
                ts, rs, tl, rl = (offsets.text_starts[i], offsets.raw_starts[i], offsets.text_lens[i],
                                  offsets.raw_lens[i])
                a, b = max(cur, ts), min(s, ts + tl)
                if a < b:
                    if tl == rl:
                        new.add(pos, rs + (a - ts), b - a, b - a)
                    else:  # part of an entity's segment maps to the whole entity
                        new.add(pos, rs, b - a, rl)
                    pos += b - a
                i += 1
        cur = max(cur, e)
    return "".join(out), new
