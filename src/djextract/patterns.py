"""Word lists as regular expressions the engine runs fast: a prefix tree, not a list of alternatives.

Why: ``re`` tries the alternatives of ``党委|党总支|党支部|…`` one after the other at
every position where a word could open, so a list of two hundred heads costs two
hundred tries there. Written as a tree (``党(?:委|总支|支部)``) it costs one try per
character read. The match is the same: at one position, the words that can match
all lie on one path of the tree (each a prefix of the next), and the tree tries the
longer first, as an alternation sorted longest first does, so even a pattern that
goes on after the words backtracks through them in the same order.

One thing to keep when using it: ``re`` skips ahead to the characters that can open
a match only when every alternative of the whole pattern opens with a plain
character, so a tree should be the whole pattern (or all of it that opens it), not
one alternative beside others.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_END = ""  # the key of a tree node that marks a word ending there ("" never is a character)


def words_pattern(words: Iterable[str], after: Callable[[str], str] | None = None) -> str:
    """The regex of ``"|".join(re.escape(w) + after(w) for w in sorted(words, key=len, reverse=True))``, as a tree.

    ``after``: a pattern to match right after a word (a lookahead, say), given the word.
    An empty list gives a pattern that never matches.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {after(word) if after else "": {}}
    if not tree:
        return "(?!)"
    return _branch(tree)


def _branch(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch != _END]
    if _END in node:
        alts.append(next(iter(node[_END])))  # after the longer words: the word ends here (with its `after`)
    if len(alts) == 1:
        return alts[0]
    if _END not in node and all(len(a) == 1 for a in alts):  # words ending in one more character each
        return "[" + "".join(alts) + "]"
    return "(?:" + "|".join(alts) + ")"
