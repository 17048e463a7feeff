"""Sentences and words: jieba (or rjieba) with the party-building dictionary.

Why: the extractors find names and counted nouns by word boundaries, and
boundaries are only right when terms such as 党支部 or 两新组织 are kept whole.
A segmenter is built once per process and per dictionary set (it cannot be
pickled, so worker processes build their own).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from .lexicon import bundled_path, extra_dirs

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
    """Word segmentation plus part-of-speech look-up from the dictionaries."""

    def __init__(self, backend: str = "jieba", user_dicts: tuple[str, ...] = ()) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown segmenter {backend!r}: choose one of {', '.join(BACKENDS)}")
        self.backend = backend
        dict_files = [bundled_path("dictionary.txt")]
        dict_files += [d / "dictionary.txt" for d in extra_dirs() if (d / "dictionary.txt").is_file()]
        dict_files += [Path(p) for p in user_dicts]
        for f in dict_files:
            if not f.is_file():
                raise FileNotFoundError(f"user dictionary not found: {f}")
        import jieba  # lazy: heavy import
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self.tags: dict[str, str] = dict(jieba.posseg.dt.word_tag_tab)
        entries = [entry for f in dict_files for entry in _read_dict(f)]
        if backend == "jieba":
            # The bundled dictionary goes into jieba's default tokenizer (one copy of the 350k-word
            # table per process); a user's dictionaries get a tokenizer of their own, so that
            # different dictionary sets never leak into each other.
            self._tok = jieba.dt if not user_dicts else jieba.Tokenizer()
            self._tok.check_initialized()
            for word, freq, tag in entries:
                self._tok.add_word(word, freq, tag)
            self._cut = lambda s: self._tok.lcut(s, HMM=True)
        else:
            try:
                import rjieba
            except ImportError as exc:
                raise RuntimeError("the rjieba segmenter needs: pip install 'djextract[fast]'") from exc
            self._tok = rjieba.Jieba()
            for word, freq, tag in entries:
                self._tok.add_word(word, freq or 1000, tag or "n")
            self._cut = lambda s: self._tok.cut(s, True)
        for word, _freq, tag in entries:
            if tag:
                self.tags[word] = tag
        base = jieba.posseg.dt.tokenizer
        base.check_initialized()
        self.freqs: dict[str, int] = base.FREQ

    def freq(self, word: str) -> int:
        """How often the default dictionary has seen a word (0 when unknown): rare nouns are often names."""
        return self.freqs.get(word, 0) or 0

    def cut(self, text: str) -> list[str]:
        """Words of ``text``, concatenating back to it exactly."""
        return self._cut(text)

    def tag(self, word: str) -> str:
        """The dictionary's part of speech for a word; 'x' for punctuation, '' when unknown."""
        t = self.tags.get(word)
        if t is not None:
            return t
        if word and all(not ch.isalnum() for ch in word):
            return "x"
        if word and (word.isdigit() or word.replace(".", "", 1).isdigit()):
            return "m"
        return ""


def _read_dict(path: Path) -> list[tuple[str, int | None, str | None]]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else (parts[1] if len(parts) > 1 and not parts[1].isdigit() else None)
        entries.append((word, freq, tag))
    return entries


@lru_cache(maxsize=8)
def get_segmenter(backend: str = "jieba", user_dicts: tuple[str, ...] = ()) -> Segmenter:
    """One segmenter per process for each backend and dictionary set."""
    return Segmenter(backend, user_dicts)
