"""A word list as a prefix tree matches exactly what the list sorted longest first matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from djextract.patterns import words_pattern

WORDS = st.sets(st.text(alphabet="党委支部书记.", min_size=1, max_size=4), max_size=12)
TEXT = st.text(alphabet="党委支部书记.x", max_size=30)


def _listed(words: set[str], after=None) -> str:
    return "|".join(re.escape(w) + (after(w) if after else "") for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT)
def test_same_matches_as_the_sorted_alternation(words, text):
    assert _spans(words_pattern(words), text) == _spans(_listed(words), text)


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT)
def test_same_matches_when_the_pattern_goes_on_after_the_words(words, text):
    """Backtracking into a shorter word when what follows fails: the same order of tries."""
    for tail in ("记", "(?!书)", "x?$"):
        assert _spans(f"(?:{words_pattern(words)}){tail}", text) == _spans(f"(?:{_listed(words)}){tail}", text)


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT)
def test_same_matches_with_a_pattern_after_each_word(words, text):
    after = lambda w: "(?!委)" if len(w) % 2 else "(?=.)"  # noqa: E731
    assert _spans(words_pattern(words, after), text) == _spans(_listed(words, after), text)


def test_a_tree_is_written_by_shared_openings():
    assert words_pattern(["党委", "党总支", "党支部"]) == "党(?:委|总支|支部)"
    assert words_pattern(["书记", "副书记", "书"]) == "(?:书(?:记|)|副书记)"
    assert words_pattern([]) == "(?!)"


# Shortcuts that stand for a pattern must find what the pattern finds.

POSTISH = st.text(alphabet="书记副主任委员长、 \n\u3000x", max_size=16)


@settings(max_examples=300, deadline=None)
@given(POSTISH)
def test_post_ending_is_the_post_before_search(text):
    from djextract.extractors.persons import tables

    t = tables()
    got, want = t.post_ending(text), t.post_before.search(text)
    assert (got and got.span()) == (want and want.span())


TRIGGER_PARTS = ["书记", "总书记", "村民", "干部", "党员干部", "说", "主任委员", "主任", "张", "李", " ", "，",
                 "表示", "预备党员", "王", "x", "委员"]
TRIGGERISH = st.lists(st.sampled_from(TRIGGER_PARTS), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(TRIGGERISH)
def test_the_persons_trigger_tree_finds_what_its_alternation_finds(text):
    from djextract.extractors.persons import tables

    t = tables()
    words = {c.word for c in t.after} | set(t.post_words)
    cues = sorted({c.word for c in t.before} - words, key=len, reverse=True)
    surname = f"(?=\\s?[{''.join(sorted(t.surname_starts))}])"
    listed = "|".join([*map(re.escape, sorted(words, key=len, reverse=True)), *(re.escape(c) + surname for c in cues)])
    assert [m.span() for m in t.trigger.finditer(text)] == [m.span() for m in re.finditer(listed, text)]


PARTS = st.lists(st.sampled_from(["组织联建", "服务联抓", "产业联兴", "、", "机制", "等", "设立", "近邻茶话会",
                                  "工作", "，", "和"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(PARTS)
def test_a_lookahead_before_a_lookbehind_changes_no_match(text):
    """programmes' lists of parts open with a look-ahead of what must follow, for speed only."""
    from djextract.extractors.programmes import tables

    t = tables()
    for pattern in (t.parallel_re, t.listed_re):
        assert pattern.pattern.startswith("(?=")
        without = re.compile(pattern.pattern[pattern.pattern.index(")") + 1:])
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in without.finditer(text)]
