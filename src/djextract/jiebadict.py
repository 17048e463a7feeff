"""jieba's dictionary tables, cached on disk by first character and decoded as texts need them.

Why by first character: a one-line input used to wait 0.2 s for the whole
500,000-word table to be unpickled, while it needs the words of a few dozen
characters. Every word a cut, a tag or a frequency look-up reads in a text
opens with one of that text's characters (jieba's fragments are ``text[i:j]``),
so a segmenter that decodes the shards of a text's characters before reading
it sees exactly the tables a whole load gives (``Segmenter`` does that). A long
run ends up decoding them all, for about the cost of the one pickle.

The townships of the divisions table (瓶窑镇, 余杭街道) join jieba's words here,
each a place word (ns) of a low frequency: jieba does not know most of them, and
its guess glues a town's last character to the village after it (瓶|窑|镇凤|都村),
which leaves the village, the body and its owner unnamed. Here, not as our own
words, so that they stay decoded only as texts need them.

Stays Python (not in ``native.MODULES``): it runs once per shard, and the
table it lends ``jieba.posseg`` is a dict subclass.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from .cache import cache_dir, load_or_build
from .lexicon import cleared_on_reset, load_rows, sources

CACHE_FORMAT = 5  # 5: (total, {first character: pickled (freq, tags) of the words it opens}, townships added)
# (the cache's name does not carry these two: a change of either needs a new CACHE_FORMAT)
TOWN_FREQ = 10  # low: a township's name wins over jieba's guess, never over a word jieba knows
TOWN_ENDS = ("镇", "乡", "街道")

Shard = tuple[dict[str, int], dict[str, str]]


class BaseDictionary:
    """jieba's prefix dictionary (word → frequency, every word prefix → 0), its total and its tags.

    Read-only and shared by the segmenters of a process; each merges the shards
    it needs into its own tables (``shard``).
    """

    def __init__(self, total: int, shards: dict[str, bytes], towns: tuple[str, ...]) -> None:
        self.total = total
        self._shards = shards
        self.towns = towns  # the townships added to jieba's words (rjieba adds them to its own)

    def shard(self, ch: str) -> Shard | None:
        """The words that open with ``ch`` and their tags, None when jieba has none (a new pair each call)."""
        blob = self._shards.get(ch)
        return None if blob is None else pickle.loads(blob)

    def characters(self) -> str:
        """Every character some word opens with."""
        return "".join(self._shards)

    def all_tags(self) -> dict[str, str]:
        """Every word's tag: what ``jieba.posseg`` loads for callers of its own functions."""
        tags: dict[str, str] = {}
        for blob in self._shards.values():
            tags.update(pickle.loads(blob)[1])
        return tags


class TagsOnFirstUse(dict[str, str]):
    """``jieba.posseg``'s own table for anyone else in the process, filled on its first look-up.

    Why: djextract's segmenters never read it, so the 70 ms of decoding every
    tag is paid only by a program that calls ``jieba.posseg.cut`` itself. Entries
    written before (posseg's user words) win over jieba's, as they would have.
    """

    def __init__(self, fill: Callable[[], dict[str, str]]) -> None:
        super().__init__()
        self._fill: Callable[[], dict[str, str]] | None = fill

    def _complete(self) -> None:
        if self._fill is not None:
            fill, self._fill = self._fill, None
            ours = dict(self)
            self.update(fill())
            self.update(ours)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self._complete()
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self._complete()
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self._complete()
        return super().__contains__(key)


@cleared_on_reset  # a data folder's places/divisions.tsv adds its townships
@lru_cache(maxsize=1)
def base_dictionary() -> BaseDictionary:
    """jieba's tables and the townships, from our cache file when it is there and still matches both.

    The cache (10 MB, 5 ms to read) is named after jieba's version, its
    dict.txt's size and checksum and the divisions' checksum, kept in $XDG_CACHE_HOME/djextract
    (~/.cache/djextract); when it cannot be read or written we build the tables
    from jieba as usual and carry on. Named by content, not file time, so that
    every virtualenv with the same jieba shares one file instead of each
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
    divisions = "\0".join(text for _where, text in sources("places/divisions.tsv")).encode()
    name = f"jieba-{version}-{len(raw)}-{zlib.crc32(raw):08x}-{zlib.crc32(divisions):08x}-{CACHE_FORMAT}.pickle"
    tables, built = load_or_build(name, tuple, lambda: _build(raw, _townships()))
    if built:
        _sweep_stale(cache_dir() / name, version)
    return BaseDictionary(*tables)


def _townships() -> list[str]:
    """The township names of the divisions (code of nine digits) that jieba could cut: 瓶窑镇, 余杭街道."""
    return sorted({name for code, name in load_rows("places/divisions.tsv", ("code", "name"))
                   if len(code) == 9 and len(name) >= 3 and name.endswith(TOWN_ENDS)})


def _build(raw: bytes, towns: list[str]) -> tuple[int, dict[str, bytes], tuple[str, ...]]:
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.check_initialized()
    parts = raw.decode("utf-8").split()  # "word freq tag" lines; no word has a space
    total = tok.total
    town_tags: dict[str, str] = {}
    for town in towns:  # as jieba's add_word would: the word, its prefixes, its tag
        if tok.FREQ.get(town):
            continue  # a word jieba knows keeps its frequency and tag
        tok.FREQ[town] = TOWN_FREQ
        total += TOWN_FREQ
        for i in range(1, len(town)):
            tok.FREQ.setdefault(town[:i], 0)
        town_tags[town] = "ns"
    freqs: dict[str, dict[str, int]] = {}
    for word, freq in tok.FREQ.items():
        freqs.setdefault(word[0], {})[word] = freq
    # the same string objects for the same words in both tables, and one pickle per character holding
    # both, so each word is stored (and decoded) once (30% faster to load)
    same = {w: w for w in tok.FREQ}
    tags: dict[str, dict[str, str]] = {}
    for word, tag in [*zip(parts[0::3], parts[2::3], strict=True), *town_tags.items()]:
        tags.setdefault(word[0], {})[same.get(word, word)] = sys.intern(tag)
    shards = {ch: pickle.dumps((freqs.get(ch, {}), tags.get(ch, {})), protocol=pickle.HIGHEST_PROTOCOL)
              for ch in freqs.keys() | tags.keys()}
    return total, shards, tuple(town_tags)


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
