"""Sentences and words: jieba (or rjieba) with the party-building dictionary.

Why: the extractors find names and counted nouns by word boundaries, and
boundaries are only right when terms such as 党支部 or 两新组织 are kept whole.
A segmenter is built once per process and per dictionary set (it cannot be
pickled, so worker processes build their own).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from types import ModuleType
from typing import Any

from .jiebadict import TOWN_FREQ, BaseDictionary, TagsOnFirstUse, base_dictionary, import_jieba
from .lexicon import cleared_on_reset, load_map, load_set, sources

BACKENDS = ("jieba", "rjieba")
SENTENCE_END = re.compile(r"[。！？；!?;…\n]+[”’」』\"')）]*")
MAX_SENTENCE = 1000
POST_FREQ = 2000  # of a post jieba does not know (清扫员): as often as a common noun
LAZY_CHARS = 300_000  # characters cut before a segmenter decodes all of jieba's tables (Segmenter._need)
SOFT_BREAK = re.compile(r"[，,、：:\s]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; very long ones are cut at a comma near the limit."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        _add_sentence(text, start, end, out)
        start = end
    _add_sentence(text, start, len(text), out)
    return out


def _add_sentence(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start] in " \t\r\n\u3000":
        start += 1
    trimmed = end
    while trimmed > start and text[trimmed - 1] in " \t\r\n\u3000":
        trimmed -= 1
    while trimmed - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        window_start = start + MAX_SENTENCE // 2
        best = -1
        for m in SOFT_BREAK.finditer(text, window_start, cut):
            best = m.end()
        if best <= start:
            best = cut
        out.append((start, best))
        start = best
    if trimmed > start:
        out.append((start, trimmed))


class Segmenter:
    """Word segmentation plus part-of-speech and frequency look-up from the dictionaries.

    Start-up is paid by every worker process, so jieba's tables come from our
    cache file, a character at a time as texts need them (see ``jiebadict``),
    instead of jieba's own marshal cache plus ``jieba.posseg``, which re-parses
    dict.txt: 35 ms instead of 0.75 s for a one-line input. Each segmenter has its
    own jieba tokenizer, so our words never leak into a caller's ``jieba.lcut`` and
    dictionary sets never mix.
    """

    def __init__(self, backend: str = "jieba", user_dicts: tuple[str, ...] = ()) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown segmenter {backend!r}: choose one of {', '.join(BACKENDS)}")
        self.backend = backend
        for p in user_dicts:
            if not Path(p).is_file():
                raise FileNotFoundError(f"user dictionary not found: {p}")
        texts = [text for _where, text in sources("segment/dictionary.txt")]  # ours, then the data folders'
        texts += [Path(p).read_text(encoding="utf-8") for p in user_dicts]
        entries = [entry for text in texts for entry in _read_dict(text)]
        self._entries = entries
        self._pos: Any = None
        self._cut: Callable[[str], list[str]]
        self._cut_run: Callable[[str], list[str]]  # one run of word characters (lazy cutting)
        self._name_chars: frozenset[str] | None = None
        self._cutter: Any = None  # wordcut.WordCutter, when it gives jieba's words
        self._pos_words: Any = None  # its posseg cut, when that gives posseg's words on the probe
        self._base: BaseDictionary = base_dictionary()
        self._loaded: set[str] = set()  # the characters whose words are in the tables below
        self._whole = False  # every character's are
        self._budget = LAZY_CHARS
        # One jieba tokenizer for either backend: its FREQ is jieba's frequencies plus our words, the
        # dictionary route of jieba's cut and of posseg's (rjieba has no HMM guess for unknown words).
        # One table, not a copy of jieba's kept apart: each costs 80 ms to fill and 10 MB.
        jieba = import_jieba()
        self._jieba = jieba.Tokenizer()
        self._jieba.FREQ, self._jieba.total = {}, self._base.total  # what initialize() loads, a shard at a time
        self._jieba.initialized = True
        self._freq: dict[str, int] = self._jieba.FREQ
        self._tags: dict[str, str] = {}
        # a post is a word (persons/posts.txt): those jieba does not know join ours, so that a name after one
        # is not glued to it (配送员|王战国, not 配送|员王|战国)
        posts = sorted(load_set("persons/posts.txt"))
        self._load("".join(post[0] for post in posts))
        ours_already = {word for word, _freq, _tag in entries}
        entries += [(post, POST_FREQ, "n") for post in posts if not self._freq.get(post) and post not in ours_already]
        # jieba's dictionary mistags some words (大连 an adverb): ours (tags.tsv, then the dictionaries') win
        ours = tag_table()
        ours.update({word: tag for word, _freq, tag in entries if tag})
        # Our words are written over jieba's, so the characters they hold are loaded first (jieba's
        # suggest_freq cuts a word given no frequency), and those of the probe: a shard loaded
        # later never holds a word of ours. One look-up per word, not ours then jieba's: tag()
        # runs on every word the rules read, and posseg's tagger needs this merged table anyway.
        from .wordcut import PROBE, WordCutter

        self._load("".join(ours) + "".join(word for word, _freq, _tag in entries) + PROBE)
        self._tags.update(ours)
        self._freqs = {word: freq for word, freq, _tag in entries if freq}
        # jieba's own frequency of every entry our words change (the words and their prefixes), for freq()
        self._freq_before_ours = {w[:i]: self._freq.get(w[:i], 0)
                                  for w, _f, _t in entries for i in range(1, len(w) + 1)}
        for word, freq, tag in entries:
            self._jieba.add_word(word, freq, tag)
        # jieba cuts a text as independent runs of word characters (its re_han), so cutting those
        # runs one by one gives exactly the words of cutting the whole: extractors ask only for the
        # runs near a match (Sentence.ensure). With rjieba, cutting is so cheap that the bookkeeping
        # costs more than it saves (measured: 10% slower), so it cuts whole sentences.
        self.lazy = backend == "jieba"
        if backend == "jieba":
            self._tok = self._jieba
            cutter = WordCutter(self._tok)
            if cutter.matches_jieba():
                self._cut, self._cut_run = cutter.cut, cutter.cut_run
                self._cutter = cutter
            else:  # a jieba release whose algorithm moved: its own (slower) code, same words by definition
                self._cut = self._cut_run = partial(self._tok.lcut, HMM=True)
            self.word_runs = jieba.re_han_default
        else:
            try:
                self._tok = _rjieba_class()()
            except ImportError as exc:
                raise RuntimeError("the rjieba segmenter needs: pip install 'djextract[fast]'") from exc
            for town in self._base.towns:  # as jieba has them (jiebadict), before our words
                self._tok.add_word(town, TOWN_FREQ, "ns")
            for word, freq, tag in entries:
                self._tok.add_word(word, 1000 if freq is None else freq, tag or "n")  # (0: not a word)
            self._cut = lambda s: self._tok.cut(s, True)
            self.word_runs = None

    def pos_cut(self, text: str, name_chars: frozenset[str] | None = None) -> list[tuple[str, str]]:
        """Words with parts of speech, unknown words tagged by jieba's HMM (nr for most personal names).

        Why jieba.posseg and not ``tag``: the dictionary knows no personal names,
        and the person extractor needs the HMM's guess for words it has never
        seen. Built on first use from the tables already loaded (jieba's own
        POSTokenizer would parse dict.txt again), with our dictionary's words.

        ``name_chars``: when given, a run of characters the dictionary does not
        cut (where the HMM would guess words) that holds none of them is left as
        one word tagged ``x``, unguessed. Why: the HMM is most of the cost, and
        a caller looking for names that open with a surname learns nothing from
        a run without one; the words around such a run, and every offset, stay
        as they are.
        """
        if self._pos is None:
            posseg = _import_posseg(self._base)
            tok = self._jieba
            pos = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
            pos.tokenizer = tok
            # shared: posseg adds to it only the dictionaries' own tags, which it holds already
            pos.word_tag_tab = self._tags
            guess, pair = pos._POSTokenizer__cut_detail, posseg.pair

            def cut_detail(run: str) -> Any:
                chars = self._name_chars
                if chars is not None and chars.isdisjoint(run):
                    return (pair(run, "x"),)
                return guess(run)

            pos._POSTokenizer__cut_detail = cut_detail  # the instance's, called by posseg's own route
            self._pos = pos
            patterns = (posseg.re_han_internal, posseg.re_skip_internal, posseg.re_num, posseg.re_eng)
            from .wordcut import PROBE, WordCutter, pos_guess

            detail = partial(pos_guess, viterbi=posseg.viterbi, tables=(
                posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P), patterns=(
                posseg.re_han_detail, posseg.re_skip_detail, posseg.re_num, posseg.re_eng))

            def guess_words(run: str) -> list[tuple[str, str]]:  # cut_detail's words, without posseg's Python
                chars = self._name_chars
                if chars is not None and chars.isdisjoint(run):
                    return [(run, "x")]
                return detail(run)

            # rjieba's words come from Rust, but its tagger has no HMM guess: posseg runs on jieba's
            # tokenizer, whose dictionary route this cutter computes faster than posseg does
            cutter = self._cutter if self._cutter is not None else WordCutter(tok)
            if self._cutter is not None or cutter.matches_jieba():
                fast = partial(cutter.pos_words, tags=pos.word_tag_tab, guess=guess_words, patterns=patterns)
                if fast(PROBE) == [(p.word, p.flag) for p in pos.cut(PROBE)]:
                    self._pos_words = fast
        self._name_chars = name_chars
        self._need(text)
        if self._pos_words is not None:
            return self._pos_words(text)
        return [(p.word, p.flag) for p in self._pos.cut(text)]

    def _need(self, text: str) -> None:
        """Have jieba's words for every character of ``text`` in the tables (see ``jiebadict``).

        Why a budget: the check costs 40 ns a character, 1% of a long run, while decoding
        every shard costs 0.2 s once; so a run that has asked for LAZY_CHARS characters
        (a second of work) decodes the rest and stops checking.
        """
        if self._whole:
            return
        self._budget -= len(text)
        if self._budget < 0:
            self._load(self._base.characters())
            self._whole = True
        elif not self._loaded.issuperset(text):
            self._load(text)

    def _load(self, text: str) -> None:
        for ch in set(text).difference(self._loaded):
            shard = self._base.shard(ch)
            if shard is not None:
                freq, tags = shard
                self._freq.update(freq)
                self._tags.update(tags)
            self._loaded.add(ch)  # after the merge: another thread that sees it loaded finds its words

    def freq(self, word: str) -> int:
        """How often the dictionaries have seen a word (0 when unknown): rare nouns are often names."""
        f = self._freqs.get(word)
        if f is not None:
            return f
        self._need(word)
        f = self._freq_before_ours.get(word)
        return f if f is not None else self._freq.get(word, 0)

    def cut(self, text: str) -> list[str]:
        """Words of ``text``, concatenating back to it exactly."""
        self._need(text)
        return self._cut(text)

    def cut_run(self, text: str) -> list[str]:
        """Words of one run of word characters (a match of ``word_runs``)."""
        self._need(text)
        return self._cut_run(text)

    def known_tag(self, word: str) -> str | None:
        """The dictionaries' part of speech for a word, None when they do not have it."""
        t = self._tags.get(word)
        if t is None and not self._whole and not self._loaded.issuperset(word):
            self._load(word)
            t = self._tags.get(word)
        return t

    def tag(self, word: str) -> str:
        """The dictionary's part of speech for a word; 'x' for punctuation, '' when unknown."""
        t = self._tags.get(word)
        if t is None:
            t = self.known_tag(word)  # (decodes the word's characters when no text holding them was cut)
        if t is not None:
            return t
        if word and all(not ch.isalnum() for ch in word):
            return "x"
        number = word[:-1] if word.endswith("%") else word  # 34.93% is a number too
        if number and (number.isdigit() or number.replace(".", "", 1).isdigit()):
            return "m"
        return ""


def _import_posseg(base: BaseDictionary) -> ModuleType:
    """jieba.posseg without its 0.5 s parse of dict.txt at import (it builds a tagger we never use).

    While the module runs, the default tokenizer hands it an empty dictionary file;
    then its tagger gets jieba's tags from our cached tables, which are the same,
    so `jieba.posseg.cut` still works as usual for anyone else in the process.
    """
    import io

    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    jieba = import_jieba()
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg as posseg
    finally:
        del jieba.dt.get_dict_file
    posseg.dt.word_tag_tab = TagsOnFirstUse(base.all_tags)
    _speed_up_posseg(posseg)
    return posseg


def _speed_up_posseg(posseg: ModuleType) -> None:
    """Put wordcut.PosViterbi in the place of jieba.posseg's Viterbi, once it gives jieba's routes on a probe."""
    from .wordcut import PROBE, PosViterbi

    slow = posseg.viterbi
    tables = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    fast = PosViterbi(*tables)
    runs = re.findall(r"[\u4e00-\u9fff]+", PROBE)
    if all(fast(r) == slow(r, *tables) for r in runs):
        posseg.viterbi = fast  # type: ignore[attr-defined]
    else:  # a jieba release changed its HMM: keep its own code
        logging.getLogger(__name__).warning("jieba.posseg's Viterbi changed; using jieba's own (slower) code")


def tag_table() -> dict[str, str]:
    """segment/tags.tsv: parts of speech that override jieba's (大连 ns, not an adverb), checked at load."""
    return {word: tag for word, (tag,) in load_map("segment/tags.tsv", ("word", "tag")).items() if tag}


def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` from its compiled module, without running the package's ``__init__``.

    Why: that ``__init__`` builds a default tokenizer for its module-level functions
    (70 ms at every start, and its memory), which djextract never calls: it builds its own
    with the party-building words. The module is registered under its own name, so a
    later ``import rjieba`` elsewhere in the process finds it there and works as usual.
    """
    import importlib.machinery
    import importlib.util

    if "rjieba" in sys.modules:
        return sys.modules["rjieba"].Jieba
    if "rjieba.rjieba" not in sys.modules:
        spec = importlib.util.find_spec("rjieba")  # finds the package without importing it
        folders = spec.submodule_search_locations if spec is not None else None
        found = [Path(f) / f"rjieba{sfx}" for f in folders or () for sfx in importlib.machinery.EXTENSION_SUFFIXES]
        path = next((p for p in found if p.is_file()), None)
        if path is None:  # laid out otherwise than 0.1–0.2: the usual import
            import rjieba

            return rjieba.Jieba
        module_spec = importlib.util.spec_from_file_location("rjieba.rjieba", path)
        if module_spec is None or module_spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        sys.modules["rjieba.rjieba"] = module
    return sys.modules["rjieba.rjieba"].Jieba


def _read_dict(text: str) -> list[tuple[str, int | None, str | None]]:
    entries = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else (parts[1] if len(parts) > 1 and not parts[1].isdigit() else None)
        entries.append((word, freq, tag))
    return entries


def get_segmenter(backend: str = "jieba", user_dicts: tuple[str, ...] = ()) -> Segmenter:
    """One segmenter per process for each backend and dictionary set."""
    return _segmenter(backend, tuple(user_dicts))


@cleared_on_reset  # a data folder's segment/dictionary.txt joins the dictionaries
@lru_cache(maxsize=8)
def _segmenter(backend: str, user_dicts: tuple[str, ...]) -> Segmenter:
    return Segmenter(backend, user_dicts)
