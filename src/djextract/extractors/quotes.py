"""Quoted spans and title spans within a sentence.

Why: quotation marks carry most programme names and, per the spec, numbers
inside quoted names and 《titles》 are never figures; both extractors need the
same notion of where a quote starts and ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》", "〈": "〉", "\"": "\""}
QUOTATION = {o: c for o, c in PAIRS.items() if o not in "《〈"}  # quotation marks, not title marks
OPEN_QUOTES = "".join(QUOTATION)
CLOSE_QUOTES = "".join(dict.fromkeys(QUOTATION.values()))
MAX_QUOTE = 60
MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(PAIRS.values())) + "]")


@dataclass(frozen=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    mark: str

    @property
    def outer(self) -> tuple[int, int]:
        return self.open, self.close + 1

    @property
    def is_title(self) -> bool:
        return self.mark in "《〈"


def find_quotes(text: str, offset: int = 0, max_len: int = MAX_QUOTE) -> list[Quote]:
    """Balanced quote spans (nested ones included) in ``text``; offsets shifted by ``offset``."""
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for m in MARKS.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch == "\"":
            if stack and stack[-1][0] == "\"":
                mark, start = stack.pop()
                if i - start - 1 <= max_len and i > start + 1:
                    out.append(Quote(start + offset, i + offset, mark))
            else:
                stack.append((ch, i))
            continue
        if ch in PAIRS:
            stack.append((ch, i))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            mark, start = stack[depth]
            if PAIRS[mark] == ch:
                del stack[depth:]
                if i - start - 1 <= max_len and i > start + 1:
                    out.append(Quote(start + offset, i + offset, mark))
                break
    out.sort(key=lambda q: q.open)
    return out
