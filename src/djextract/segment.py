"""Sentences and words: jieba (or rjieba) with the party-building dictionary.

Why: the extractors find names and counted nouns by word boundaries, and
boundaries are only right when terms such as 党支部 or 两新组织 are kept whole.
A segmenter is built once per process and per dictionary set (it cannot be
pickled, so worker processes build their own).
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from types import ModuleType
from typing import Any

from .cache import cache_dir, load_or_build
from .lexicon import cleared_on_reset, load_map, sources

BACKENDS = ("jieba", "rjieba")
SENTENCE_END = re.compile(r"[。！？；!?;…\n]+[”’」』\"')）]*")
MAX_SENTENCE = 1000
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

    Start-up is paid by every worker process, so jieba's tables come from one
    pickle in the user's cache folder (see ``_base_dictionary``) instead of
    jieba's own marshal cache plus ``jieba.posseg``, which re-parses dict.txt:
    0.2 s instead of 0.75 s. Each segmenter has its own jieba tokenizer, so our
    words never leak into a caller's ``jieba.lcut`` and dictionary sets never mix.
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
        base = _base_dictionary()
        self._base_freq: dict[str, int] = base.freq  # shared and read-only; our words are kept apart
        self._base_tags: dict[str, str] = base.tags
        # jieba's dictionary mistags some words (大连 an adverb): ours (tags.tsv, then the dictionaries') win
        ours = tag_table()
        ours.update({word: tag for word, _freq, tag in entries if tag})
        # one look-up per word, not ours then jieba's: tag() runs on every word the rules read, and
        # posseg's tagger needs this merged table anyway (10 ms, once per segmenter)
        self._tags = {**base.tags, **ours}
        self._freqs = {word: freq for word, freq, _tag in entries if freq}
        # jieba cuts a text as independent runs of word characters (its re_han), so cutting those
        # runs one by one gives exactly the words of cutting the whole: extractors ask only for the
        # runs near a match (Sentence.ensure). With rjieba, cutting is so cheap that the bookkeeping
        # costs more than it saves (measured: 10% slower), so it cuts whole sentences.
        self.lazy = backend == "jieba"
        if backend == "jieba":
            jieba = import_jieba()

            self._tok = jieba.Tokenizer()
            self._tok.FREQ, self._tok.total = dict(base.freq), base.total  # what initialize() would load
            self._tok.initialized = True
            for word, freq, tag in entries:
                self._tok.add_word(word, freq, tag)
            from .wordcut import WordCutter

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
            for word, freq, tag in entries:
                self._tok.add_word(word, freq or 1000, tag or "n")
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
            posseg = _import_posseg(self._base_tags)
            tok = self._tok if self.backend == "jieba" else self._jieba_tokenizer()
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
        if self._pos_words is not None:
            return self._pos_words(text)
        return [(p.word, p.flag) for p in self._pos.cut(text)]

    def _jieba_tokenizer(self) -> object:
        jieba = import_jieba()
        base = _base_dictionary()
        tok = jieba.Tokenizer()
        tok.FREQ, tok.total = dict(base.freq), base.total
        tok.initialized = True
        for word, freq, tag in self._entries:
            tok.add_word(word, freq, tag)
        return tok

    def freq(self, word: str) -> int:
        """How often the dictionaries have seen a word (0 when unknown): rare nouns are often names."""
        f = self._freqs.get(word)
        return f if f is not None else self._base_freq.get(word, 0)

    def cut(self, text: str) -> list[str]:
        """Words of ``text``, concatenating back to it exactly."""
        return self._cut(text)

    def cut_run(self, text: str) -> list[str]:
        """Words of one run of word characters (a match of ``word_runs``)."""
        return self._cut_run(text)

    def known_tag(self, word: str) -> str | None:
        """The dictionaries' part of speech for a word, None when they do not have it."""
        return self._tags.get(word)

    def tag(self, word: str) -> str:
        """The dictionary's part of speech for a word; 'x' for punctuation, '' when unknown."""
        t = self._tags.get(word)
        if t is not None:
            return t
        if word and all(not ch.isalnum() for ch in word):
            return "x"
        number = word[:-1] if word.endswith("%") else word  # 34.93% is a number too
        if number and (number.isdigit() or number.replace(".", "", 1).isdigit()):
            return "m"
        return ""


def _import_posseg(base_tags: dict[str, str]) -> ModuleType:
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
    posseg.dt.word_tag_tab = dict(base_tags)
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


def import_jieba() -> ModuleType:
    """jieba, imported without setuptools' pkg_resources.

    Why: jieba imports pkg_resources only to open its own data files, and falls
    back to plain open() when it is missing; the import costs 65 ms in every
    worker process (and warns that pkg_resources is deprecated). It is hidden
    only while jieba loads, and only when nothing imported it before.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    try:
        import jieba
    finally:
        if hide and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


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


@dataclass(frozen=True)
class BaseDictionary:
    freq: dict[str, int]  # jieba's prefix dictionary: word → frequency, every word prefix → 0
    total: int
    tags: dict[str, str]  # word → part of speech


CACHE_FORMAT = 3


@lru_cache(maxsize=1)
def _base_dictionary() -> BaseDictionary:
    """jieba's dictionary tables, from our cache file when it is there and still matches jieba.

    The cache is a pickle (0.2 s to load, where jieba's marshal cache plus
    jieba.posseg take 0.75 s) named after jieba's version and its dict.txt's size and checksum,
    kept in $XDG_CACHE_HOME/djextract (~/.cache/djextract); when it cannot be read or
    written we build the tables from jieba as usual and carry on. Named by content, not file
    time, so that every virtualenv with the same jieba shares one 10 MB file instead of each
    reinstall leaving another behind (``_sweep_stale`` removes those of earlier layouts).
    """
    import importlib.metadata
    import importlib.util
    import zlib

    spec = importlib.util.find_spec("jieba")  # where, without importing it (rjieba does not need it)
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed: pip install jieba")
    dict_file = Path(spec.origin).with_name("dict.txt")
    raw = dict_file.read_bytes()  # 5 MB: 3 ms to read and 3 ms to checksum
    version = importlib.metadata.version("jieba")
    name = f"jieba-{version}-{len(raw)}-{zlib.crc32(raw):08x}-{CACHE_FORMAT}.pickle"
    # the tables, not a BaseDictionary: a compiled build's frozen dataclass cannot be rebuilt from a pickle,
    # and compiled and Python installs share the cache
    tables, built = load_or_build(name, tuple, lambda: _build_base(raw))
    if built:
        _sweep_stale(cache_dir() / name, version)
    return BaseDictionary(*tables)


def _build_base(raw: bytes) -> tuple[dict[str, int], int, dict[str, str]]:
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.check_initialized()
    parts = raw.decode("utf-8").split()  # "word freq tag" lines; no word has a space
    # The same string objects for the same words and tags, so the pickle stores each once (30% faster).
    words = {w: w for w in tok.FREQ}
    tags = {words.get(w, w): sys.intern(t) for w, t in zip(parts[0::3], parts[2::3], strict=True)}
    return tok.FREQ, tok.total, tags


STALE_AFTER = 30 * 24 * 3600  # seconds: a cache nobody has rewritten for a month


def _sweep_stale(kept: Path, version: str) -> None:
    """Remove the caches a new one replaces: the same jieba release under another name, or old ones.

    Why: each cache is 10 MB; earlier names changed with every reinstall. Another
    jieba release's cache stays for a month, in case another environment still uses it.
    """
    import time

    now = time.time()
    for old in kept.parent.glob("jieba-*.pickle"):
        if old == kept:
            continue
        with contextlib.suppress(OSError):
            if old.name.startswith(f"jieba-{version}-") or now - old.stat().st_mtime > STALE_AFTER:
                old.unlink()


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
