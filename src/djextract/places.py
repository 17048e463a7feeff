"""Where a report is from: China's administrative divisions and the place a document is about (spec §8).

Why a gazetteer and not guesses: 城关镇 exists 88 times and 朝阳 names a city
and many districts, so a name is resolved by the other names of the same
document: a candidate whose province or prefecture the document also names
wins. The divisions (``data/places/divisions.tsv``: the National Bureau of
Statistics' codes, province to township) load on first use only.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .cache import cache_dir, load_or_build
from .lexicon import derived, load_rows, sources

if TYPE_CHECKING:
    from .document import Document

LEVEL_OF = {2: "province", 4: "city", 6: "county", 9: "town"}
LEVELS = ("province", "city", "county")
# Endings a short form drops (三亚市 → 三亚, 海南省 → 海南): longest first.
SHORT_ENDINGS = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "地区",
                 "省", "市", "盟")
COUNTY_ENDINGS = ("自治县", "自治旗", "区", "县", "市", "旗")
PLACEHOLDER_CITIES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
MUNICIPALITIES = frozenset({"11", "12", "31", "50", "81", "82"})  # no prefecture between them and their counties
COUNTY_END = re.compile("[区县市旗]")
# a level character that opens the next word instead (发展乡|村 is 发展|乡村, not the township 发展乡)
WORD_AFTER_LEVEL = {"乡": ("村", "镇"), "市": ("场", "民", "值")}
LEVEL_END = frozenset("省市县区镇乡旗州盟道")
STREET_AFTER = ("路", "街")  # a short name before them names a street (中山路), not the place
MAX_NAME = 12
MIN_SHARE = 0.5


@dataclass(frozen=True)
class Division:
    code: str
    name: str

    @property
    def level(self) -> str:
        return LEVEL_OF[len(self.code)]

    def parent_code(self) -> str | None:
        return {4: self.code[:2], 6: self.code[:4], 9: self.code[:6]}.get(len(self.code))


# code → name; full name, short name, county short name → codes; first two characters → name lengths
GazetteerTables = tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]],
                        dict[str, tuple[str, ...]], dict[str, tuple[int, ...]]]


class Gazetteer:
    """Names (full and, for provinces and prefectures, short) → divisions.

    Why codes and not Division objects in the tables: the gazetteer's tables are kept
    in the user's cache (``gazetteer``), and tables of strings load in a fifth of the
    time; a Division is made when a name is looked up. Why the tables and not the
    object: a compiled build's class cannot be rebuilt from a pickle, and the cache
    is shared by compiled and Python installs.
    """

    def __init__(self, tables: GazetteerTables) -> None:
        self.names, self.full, self.short, self.county_short, self.lengths = tables
        self.listed = frozenset(self.full) | frozenset(self.short)  # every name found without the document's help
        self._made: dict[str, Division] = {}
        self._name_chars: frozenset[str] | None = None  # see cut_between_names
        self._county_ends: frozenset[str] | None = None  # see full_names

    @staticmethod
    def tables(rows: tuple[tuple[str, ...], ...]) -> GazetteerTables:
        """The tables of ``divisions.tsv``'s rows (code, name): what the cache keeps."""
        names: dict[str, str] = {}  # code → name
        full: dict[str, list[str]] = defaultdict(list)
        short: dict[str, list[str]] = defaultdict(list)
        county_short: dict[str, list[str]] = defaultdict(list)  # 海曙 for 海曙区, once the full name is written
        for code, name in rows:
            if len(code) not in LEVEL_OF:
                continue
            names[code] = name
            if name in PLACEHOLDER_CITIES:
                continue
            full[name].append(code)
            level = LEVEL_OF[len(code)]
            if level in ("province", "city"):
                for end in SHORT_ENDINGS:
                    if name.endswith(end) and len(name) - len(end) >= 2:
                        short[name[: -len(end)]].append(code)
                        break
            elif level == "county":
                for end in COUNTY_ENDINGS:
                    if name.endswith(end) and len(name) - len(end) >= 2:
                        county_short[name[: -len(end)]].append(code)
                        break
        by_full = {n: tuple(c) for n, c in full.items()}
        by_short = {n: tuple(c) for n, c in short.items()}
        by_county_short = {n: tuple(c) for n, c in county_short.items()}
        # first two characters → the lengths of the names they open, longest first: most positions open no
        # name, so `mentions` tries a handful of lengths at a few positions, not eleven at each
        lengths: dict[str, set[int]] = defaultdict(set)
        for table in (by_full, by_short, by_county_short):
            for n in table:
                if 2 <= len(n) <= MAX_NAME:
                    lengths[n[:2]].add(len(n))
        longest_first = {pair: tuple(sorted(ks, reverse=True)) for pair, ks in lengths.items()}
        return names, by_full, by_short, by_county_short, longest_first

    def division(self, code: str) -> Division | None:
        """The division of a code, None when there is none."""
        d = self._made.get(code)
        if d is None:
            name = self.names.get(code)
            if name is None:
                return None
            d = self._made[code] = Division(code, name)
        return d

    def named(self, name: str) -> list[Division]:
        """The divisions whose full name this is (城关镇: 88 of them)."""
        return self._divisions(self.full.get(name, ()))

    def _divisions(self, codes: tuple[str, ...]) -> list[Division]:
        return [d for c in codes if (d := self.division(c)) is not None]

    def chain(self, d: Division) -> dict[str, Division | None]:
        """Province, city and county of a division (a municipality is its own city; a county the
        province governs directly stands in the city's place, spec §8)."""
        out: dict[str, Division | None] = {"province": None, "city": None, "county": None}
        code: str | None = d.code
        while code:
            node = self.division(code)
            if node is not None and node.level in out:
                out[node.level] = node
            code = node.parent_code() if node else None
        city = out["city"]
        if out["province"] is not None and out["province"].code in MUNICIPALITIES:
            out["city"] = out["province"]
        elif city is not None and city.name in PLACEHOLDER_CITIES:
            out["city"], out["county"] = out["county"], None
        return out

    def mentions(self, text: str, shorts: dict[str, str] | None = None) -> list[tuple[int, int, list[Division]]]:
        """(start, end, candidates) of each place name written in ``text`` (full names at a level
        ending, short names of provinces and prefectures, and of counties whose full name is written
        too: in ``text``, or in the whole document when ``shorts`` is its ``county_shorts``), longest
        name first at each position."""
        found: list[tuple[int, int, list[Division]]] = []
        if shorts is None:
            shorts = self.county_shorts(self.full_names(text))
        full, short, listed = self.full, self.short, self.listed
        lengths = self.lengths.get
        i, last = 0, len(text) - 1  # a name has two characters at least
        while i < last:
            # Why a look-up at every position and not a regex of the characters that open a name:
            # 45% of positions pass that regex, and a match object each cost more than the look-up.
            for k in lengths(text[i:i + 2], ()):
                w = text[i:i + k]
                if len(w) < k:
                    continue  # (past the end of the text; every name is Han, so none runs past a mark)
                if w not in listed:  # most lengths tried are no name: one look-up says so
                    if not shorts or w not in shorts:
                        continue
                    codes = full[shorts[w]]
                elif w in full and w[-1] in LEVEL_END and not text.startswith(WORD_AFTER_LEVEL.get(w[-1], ()),
                                                                               i + k):
                    codes = full[w]
                elif w in short and text[i + k:i + k + 1] not in STREET_AFTER:
                    codes = short[w]
                elif w in shorts:
                    codes = full[shorts[w]]
                else:
                    continue
                found.append((i, i + k, self._divisions(codes)))
                i += k - 1  # names do not overlap: the next starts after this one
                break
            i += 1
        return found

    def cut_between_names(self, text: str, at: int) -> bool:
        """Could a name of ``text`` run across offset ``at`` (the characters on both sides can be in names)?

        Why: the names found in a stretch of a text alone are those a scan of the whole text finds
        inside it, unless a name could run across one of its edges or end at one where the
        character after it is read (发展乡|村): this says where a stretch cannot borrow the
        whole scan. Sentences end at punctuation, so it is true only of a sentence cut inside a run.
        """
        if at <= 0 or at >= len(text):
            return False
        if self._name_chars is None:  # (and those read after a name: 发展乡|村, 中山|路)
            names = "".join(n for table in (self.full, self.short, self.county_short) for n in table)
            self._name_chars = frozenset(names + "".join(w for ws in WORD_AFTER_LEVEL.values() for w in ws)
                                         + "".join(STREET_AFTER))
        chars = self._name_chars
        return text[at - 1] in chars and text[at] in chars

    def county_shorts(self, written: set[str]) -> dict[str, str]:
        """Short form → full name of the counties among ``written`` (海曙 → 海曙区)."""
        return {n[: -len(e)]: n for n in written for e in COUNTY_ENDINGS
                if n.endswith(e) and n[: -len(e)] in self.county_short}

    def full_names(self, text: str) -> set[str]:
        """Full county names written in the text (at a level ending)."""
        out = set()
        if self._county_ends is None:  # every ending of a county's name (what is none ends no longer name)
            self._county_ends = frozenset(n[-k:] for n, codes in self.full.items() if any(len(c) == 6 for c in codes)
                                          for k in range(2, len(n) + 1))
        ends = self._county_ends
        for m in COUNTY_END.finditer(text):
            i = m.start()
            for k in range(2, min(MAX_NAME, i + 1) + 1):
                w = text[i + 1 - k:i + 1]
                if w not in ends:
                    break  # (so no name of more characters ends here either)
                if w in self.full and any(len(c) == 6 for c in self.full[w]):
                    out.add(w)
        return out


def document_county_shorts(doc: Document) -> dict[str, str]:
    """The county short forms a document may use (海曙 once it writes 海曙区), found once per document."""
    if "county_shorts" not in doc.memory:
        gz = gazetteer()
        doc.memory["county_shorts"] = gz.county_shorts(gz.full_names(doc.text))
    shorts: dict[str, str] = doc.memory["county_shorts"]
    return shorts


GAZETTEER_FORMAT = 5


@derived
def gazetteer() -> Gazetteer:
    """The gazetteer of the active data (bundled divisions and a user's own rows), from the cache when
    the same data built it before (0.03 s instead of 0.15 s: a one-line input is felt)."""
    texts = sources("places/divisions.tsv")
    digest = hashlib.sha256("\0".join(t for _, t in texts).encode()).hexdigest()[:16]
    name = f"gazetteer-{digest}-{GAZETTEER_FORMAT}.pickle"
    tables, built = load_or_build(name, tuple,
                                  lambda: Gazetteer.tables(load_rows("places/divisions.tsv", ("code", "name"))))
    if built:  # the same data's cache in an earlier layout is never read again
        for old in cache_dir().glob(f"gazetteer-{digest}-*.pickle"):
            if old.name != name:
                old.unlink(missing_ok=True)
    return Gazetteer(tables)


def _pick(cands: list[Division], named: set[str], gz: Gazetteer) -> Division | None:
    """The candidate whose ancestors the document also names; the only one; else None."""
    if len(cands) == 1:
        return cands[0]
    def support(d: Division) -> int:
        return sum(1 for lv, node in gz.chain(d).items() if node is not None and node.code != d.code
                   and node.code in named)
    ranked = sorted(cands, key=support, reverse=True)
    if support(ranked[0]) > support(ranked[1]):
        return ranked[0]
    return None


Mentions = list[tuple[int, int, list[Division]]]


def document_mentions(doc: Document) -> Mentions:
    """The place names of the document's whole text (``Gazetteer.mentions``), scanned once per document:
    its place and the owners of every sentence's figures read the same scan."""
    if "place_mentions" not in doc.memory:
        found = gazetteer().mentions(doc.text, document_county_shorts(doc))
        doc.memory["place_mentions"] = found
        doc.memory["place_mention_starts"] = [a for a, _, _ in found]
    hits: Mentions = doc.memory["place_mentions"]
    return hits


def stretch_mentions(doc: Document, start: int, end: int) -> Mentions:
    """The place names of ``doc.text[start:end]`` (offsets into that stretch), as ``Gazetteer.mentions``
    finds them in it alone: taken from the document's scan, unless a name could run across an edge."""
    gz, text = gazetteer(), doc.text
    if gz.cut_between_names(text, start) or gz.cut_between_names(text, end):
        return gz.mentions(text[start:end], document_county_shorts(doc))
    hits = document_mentions(doc)
    starts: list[int] = doc.memory["place_mention_starts"]
    return [(a - start, b - start, cands) for a, b, cands in hits[bisect_left(starts, start):bisect_left(starts, end)]]


def document_place(doc: Document) -> dict[str, Any]:
    """The document's place (``resolve``), found once per document: the owners and the document facts both
    read it, and the county short forms are the ones found for the document already."""
    if "place" not in doc.memory:
        doc.memory["place"] = _place_of([cands for _, _, cands in document_mentions(doc)])
    place: dict[str, Any] = doc.memory["place"]
    return place


def resolve(text: str, shorts: dict[str, str] | None = None) -> dict[str, Any]:
    """The locality a document is mainly about: ``province``, ``city``, ``county`` with their codes.

    Each level is filled when one division takes at least half of the mentions
    at that level under the level above it; a national report (many provinces,
    none dominant) leaves all three null. ``shorts``: the text's county short forms, when known.
    """
    return _place_of([cands for _, _, cands in gazetteer().mentions(text, shorts)])


def _place_of(mentions: list[list[Division]]) -> dict[str, Any]:
    """``resolve`` on the candidates of each place name written, in order."""
    gz = gazetteer()
    named = set()  # the divisions the document names without doubt, and their ancestors
    for cands in mentions:
        if len(cands) == 1:
            named.add(cands[0].code)
            named |= {node.code for node in gz.chain(cands[0]).values() if node is not None}
    chains = [gz.chain(d) for d in (_pick(cands, named, gz) for cands in mentions) if d is not None]
    out: dict[str, Any] = {lv: None for lv in LEVELS} | {f"{lv}_code": None for lv in LEVELS}
    parent: str | None = None
    for lv in LEVELS:
        inside = [ch for ch in chains if parent is None or _under(ch, parent)]
        votes = Counter(node.code for ch in inside if (node := ch[lv]) is not None)
        if not votes:
            break
        code, n = votes.most_common(1)[0]
        scope = len(inside)
        if n < MIN_SHARE * scope or n < 2:
            break
        out[lv], out[f"{lv}_code"] = gz.names[code], code
        parent = code
    return out


def _under(ch: dict[str, Division | None], code: str) -> bool:
    return any(node is not None and node.code == code for node in ch.values())
