"""Named bodies: party, state and other organisations named in a report (spec §1).

Why suffix-anchored: Chinese organisation names end in a small set of organ
words (党委, 局, 集团, 社区 …) while their left edge is a chain of places,
functions and nested bodies. So a head from ``bodies/heads.tsv`` anchors each
candidate, and the name grows leftwards over jieba words until a verb, a
function word, a quantifier or punctuation; then rules decide whether what was
found is one specific body or a generic type (党支部, 各级党组织).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import postags as P
from ..document import Document, Sentence, Token
from ..lexicon import derived, load_lines, load_map, load_rows, load_set
from ..mention import Mention
from ..patterns import words_pattern
from ..rules import Act, Cursor, Event, begin, conclude, decide, found_by, overruled, rule
from ..schema import BODY_KINDS
from .numbers import TEN
from .quotes import CLOSE_QUOTES, OPEN_QUOTES, PAIRS

QUALIFIER_PAREN = re.compile(r"[(（]([\u4e00-\u9fff]{1,4})[)）]")
NAME_JOINERS = ("和", "与", "及")  # (住房和城乡建设局; 政制及内地事务局, as Hong Kong names its bureaux)
JOINT_VERBS = ("联合",)
VILLAGE_NUMERALS = TEN + "双"
AFFILIATED = ("附属",)  # 中山大学附属第三医院: a numbered unit a body runs
VILLAGE_COUNTERS = "个家座所批类种级处户组名位支条只项件次人村百千万两"  # 三个村, 两级社区, 一名村干部
COMPANY_NUMERALS = TEN
PAREN_IN_NAMES = ("中国", "集团", "控股")  # 华为技术(中国)有限公司, 万科(集团)有限公司
ANONYMOUS_LETTER = re.compile(r"[A-Za-z]")
LEVEL_QUANTIFIERS = "各每该"  # glued by jieba to the levels after them (各市县)
OUR_LEVEL = "我本"  # 我镇, 本市: "our" level, before a body that is then unnamed
OUR_UNITS = frozenset("院校所司")  # 我院, 本校: "our" unit, where the one character is no head of its own
LEVEL_WORDS = ("一级", "级")  # 县|一级: a level as a rank, not a place
QUOTED_NAME = 30  # a quote longer than this is speech, not a name
PLACE_IN_BRACKETS_KINDS = ("enterprise", "institution")  # kinds whose names may hold a place in brackets
NUMBERED_UNIT = re.compile(f"[{COMPANY_NUMERALS}]{{1,3}}(?:局|公司|分公司|处)")  # 七局 (one jieba token)
ORDINAL = re.compile(rf"第[{TEN}\d]{{1,3}}")
TERM = re.compile(rf"第[{TEN}\d]{{1,3}}届")  # a committee's term (第九届委员会)
CONGRESS = re.compile(rf"[\u4e00-\u9fff]{{0,10}}?第[{TEN}\d]{{1,3}}[次届](?:全国)?(?:党员)?代表(?:大会|会议)")
# a committee named in full, whose kind its prefix decides (中国共产党…委员会)
COMMITTEE_HEADS = ("委员会", "纪律检查委员会")
COMMITTEE_WORDS = ("机关",)  # words between a term and 委员会 (第一届机关委员会)
ORGAN_COMMITTEE = ("机关", "机关工作")  # before 委员会: the party committee of organs (机关党委, 机关工委)
BRANCH_NUMERAL = re.compile(rf"[{TEN}]{{1,2}}")  # 内科|二|党支部
NUMBERED_SECTION = re.compile(rf"[{TEN}]{{1,2}}(?:部|处|科|室|队|车间|分厂)")  # 公共基础|二部|党支部 (one word)
BRANCH_NUMBER = re.compile(rf"第?[{TEN}\d]{{1,3}}")
DECLARED_SHORT = re.compile(r"[（(]\s*(?:以下)?简称\s*[“\"「]?([\u4e00-\u9fffA-Za-z]{2,12})[”\"」]?\s*[）)]")
APPOSITION = re.compile(r"\s*(?:——|—|--)")
OWN_PARTY_ORG = re.compile(r"的?(党支部|党总支|党委|党组)(?!织)")  # 下洋村的党支部, 健康路社区党总支
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
OPENER = {c: o for o, c in PAIRS.items()}  # a closing mark's opening one
QUOTE_MARKS_SPACE = re.compile(f"[{re.escape(OPEN_QUOTES + CLOSE_QUOTES)}《》\\s]")
# Marks that are words of their own to jieba and rjieba and stop a name's leftward walk (not closing quotes).
# (Not a closing bracket: 万科(集团)|有限公司 goes on before it.)
MARKS_BEFORE = frozenset("，。、；：！？（【〔,;:!?([ \t\r\n\u3000“「『《‘")
NAME_OPENERS = "东南西北中上下前后大小新老"  # direction and size words that open village names (中|廖村)
HEAD_FLAGS = ("alone", "sub", "place", "of", "branch")  # bodies/heads.tsv's flags (explained in its header)
MAX_TOKENS = 9
BRAND_CHARS = 4  # characters of a company's coined brand that jieba cut up (桂林|原心|达|生物科技有限公司)
RARE_NOUN = 1000
MAX_CHARS = 26


@dataclass
class Head:
    word: str
    kind: str
    alone: bool
    sub: bool
    place: bool
    of: bool = False  # a party organisation of the body before it (教育部党组)
    branch: bool = False  # a branch inside a unit, named by its number or department (内科二党支部)


class Tables:
    def __init__(self) -> None:
        self.heads: dict[str, Head] = {}
        heads = load_map("bodies/heads.tsv", ("head", "kind", "flags"), ((), BODY_KINDS, HEAD_FLAGS), ("flags",))
        for word, (kind, flag_list) in heads.items():
            flags = {f.strip() for f in flag_list.split(",")}
            self.heads[word] = Head(word, kind, "alone" in flags, "sub" in flags, "place" in flags, "of" in flags,
                                    "branch" in flags)
        words = sorted(self.heads, key=len, reverse=True)
        self.head_re = _head_pattern(words, load_set("bodies/head_continuations.txt"))
        shorts: dict[str, str] = {long: short for long, short in load_rows("bodies/short_forms.tsv",
                                                                            ("long", "short"))}
        ends = "|".join(map(re.escape, sorted(shorts, key=len, reverse=True))) or "(?!)"
        self.short_ends = shorts
        self.numbered = re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{2,4}}?)(?:市|县|区)?"
                                   rf"第(?P<n>[{TEN}]{{1,3}})(?P<end>{ends})$")
        # the numbered school a short form names on its own, after a place (绍兴一中, 杭州二中)
        short_ends = "".join(sorted(set(shorts.values())))
        self.school_short = re.compile(rf"[{TEN}]{{1,2}}[{short_ends}](?![学心国央间华共组区级校])")
        self.head_end_re = re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")$")
        self.stop = load_set("bodies/stop.txt")
        self.street_words = load_set("bodies/street_words.txt")
        self.glued_prepositions = load_set("bodies/glued_prepositions.txt")
        self.stop_prefixes = tuple(load_set("bodies/stop_prefixes.txt"))
        self.quantifiers = load_set("bodies/quantifiers.txt")
        self.generic = load_set("bodies/generic.txt")
        self.generic_mods = load_set("bodies/generic_modifiers.txt")
        self.titles = load_set("bodies/titles.txt")
        self.posts = load_set("persons/posts.txt") | self.titles
        self.task_words = load_set("bodies/task_words.txt")
        self.sections = load_set("bodies/sections.txt")
        self.departments = load_set("bodies/departments.txt")
        self.surnames = frozenset(w for line in load_lines("persons/surnames.txt") for w in line.split())
        self.rooms = tuple(sorted(load_set("bodies/rooms.txt"), key=len, reverse=True))
        kinds = load_map("bodies/list_kinds.tsv", ("noun", "kind"), ((), BODY_KINDS))
        self.list_kinds = {noun: v[0] for noun, v in kinds.items()}
        nouns = "|".join(map(re.escape, sorted(self.list_kinds, key=len, reverse=True))) or "(?!)"
        self.list_close = re.compile(rf"等(?:[\d{TEN}]+[个家所])?[“\"]?[^，,。；;、“”\"]{{0,6}}?[”\"]?({nouns})")
        self.false_heads = load_set("bodies/false_heads.txt")
        self.class_nouns = load_set("bodies/class_nouns.txt")
        self.false_head_words = tuple(sorted(self.false_heads, key=len, reverse=True))
        self.admin = frozenset("".join(load_set("bodies/admin_levels.txt")))
        self.unit_shorts = frozenset("".join(load_set("bodies/unit_shorts.txt")))
        self.national = tuple(load_set("bodies/national_prefixes.txt"))
        self.alone_heads = tuple(w for w, h in self.heads.items() if h.alone)
        self.paren_qualifiers = load_set("bodies/paren_qualifiers.txt")
        self.title_suffixes = tuple(w for w in self.titles if len(w) >= 2)
        self.title_words = tuple(self.titles)
        self.collectives = tuple(q for q in self.quantifiers if len(q) > 1)
        self.name_parts = load_set("bodies/name_parts.txt")
        verbs = sorted(load_set("bodies/verbs.txt"), key=len, reverse=True)
        self.verbs_re = re.compile("|".join(map(re.escape, verbs))) if verbs else re.compile("(?!)")
        words = sorted(self.generic_mods | self.generic, key=len, reverse=True)
        # a run of generic words and nothing else (新型农村社区 = 新型 + 农村 + 社区): no name in it
        self.generic_run = re.compile("(?:" + "|".join(map(re.escape, words)) + ")+")
        self.name_markers = load_set("bodies/name_markers.txt")
        self.designations = load_set("bodies/designations.txt")
        self.label_words = load_set("bodies/label_words.txt")
        trade = "|".join(sorted(map(re.escape, load_set("bodies/company_form_words.txt")), key=len, reverse=True))
        self.trade_word = re.compile(trade or "(?!)")
        self.company_form = re.compile(  # (…)科技股份有限公司, 友达光电（昆山）有限公司
            rf"(?:{trade or '(?!)'})*(?:[（(][\u4e00-\u9fff]{{2,4}}[)）])?(?:股份)?有限(?:责任)?公司$")
        self.kind_prefixes = list(load_rows("bodies/kind_prefixes.tsv", ("prefix", "kind"), ((), BODY_KINDS)))
        self.prefix_words = frozenset(p for p, _kind in self.kind_prefixes)

    def nested_head(self, word: str) -> Head | None:
        m = self.head_end_re.search(word)
        return self.heads[m.group(0)] if m else None


def _head_pattern(heads: list[str], continuations: frozenset[str]) -> re.Pattern[str]:
    """Heads, longest first; a head that starts a longer ordinary word (党组织) is not a match."""

    def blocked(h: str) -> str:
        rests = [w[len(h):] for w in continuations if w.startswith(h) and len(w) > len(h)]
        return f"(?!{words_pattern(rests)})" if rests else ""

    return re.compile(words_pattern(heads, blocked))


@derived
def tables() -> Tables:
    return Tables()


@dataclass
class Candidate:
    start: int  # doc offsets of the span as written
    end: int
    name: str
    kind: str


ANCHOR_KINDS = ("government", "institution", "enterprise")
MAX_ANCHOR = 20


def _is_stop(tok: Token, t: Tables) -> bool:
    if tok.word in t.name_parts:
        return False
    if tok.word in t.stop or tok.word in t.titles or tok.word in t.quantifiers:
        return True
    if len(tok.word) > 2 and tok.word.endswith(t.title_suffixes):
        return True  # 洪武街道|党委书记|金宝强: a title ends the name before it (its body is found on its own)
    if tok.word.startswith(t.stop_prefixes) and len(tok.word) > 2:
        return True  # 全面推广 (jieba: a proper noun), 深入开展
    if tok.tag.startswith(("vn", "nr", "ns", "nz", "nt")):
        return False
    if tok.tag.startswith(P.FUNCTION):
        return True
    return False


def _place_like(tok: Token, sentence: Sentence, head: Head) -> bool:
    """Can this word stand before an abbreviated level body (文昌 + 市委, 海棠 + 区委)?"""
    t = tables()
    w = tok.word
    if w in t.stop:
        return False  # 时任|北京市西城区委: a stop word is never a place, however rare
    if tok.tag in P.PLACE or (len(w) >= 2 and w[-1] in t.admin and tok.tag.startswith("n")):
        return True
    level = head.word[0]
    if level in t.admin and 2 <= len(w) <= 4 and HAN_WORD.fullmatch(w):
        if _written_as_place(sentence.doc, w + level):
            return True
        # 惠城|区委, 南靖|县委: a county's name that jieba does not know as a place (guessed, or tagged a time)
        # is one when the division of that name and this level is on the map
        if tok.tag in ("", "t") and sentence.doc.segmenter.freq(w) < RARE_NOUN and _division(w + level):
            return True
        # a rare dictionary noun right before 区委/市委 is most likely the place's name (海棠区委), when a
        # division of that name is on the map (not 高素质|县委书记队伍)
        return (tok.tag.startswith("n") and len(w) <= 3 and sentence.doc.segmenter.freq(w) < RARE_NOUN
                and _on_the_map(w))
    return False


def _on_the_map(stem: str) -> bool:
    """Is this the name of a division without its level (海棠 for 海棠区, 文昌 for 文昌市; bodies/admin_levels.txt)?"""
    from ..places import gazetteer

    gz = gazetteer()
    return stem in gz.county_short or stem in gz.short or any(stem + level in gz.full for level in tables().admin)


def _division(name: str) -> bool:
    """Is this the full name of a division (惠城区, 南靖县)?"""
    from ..places import gazetteer

    return name in gazetteer().full


def _written_as_place(doc: Document, key: str) -> bool:
    """X区 counts as a place when the document writes it without a following organ word.

    Every such place of up to five characters is listed once per document (one pass
    over its level characters), since the question is asked for hundreds of words.
    """
    if doc.places is None:
        levels = "".join(sorted(tables().admin))
        found: set[str] = set()
        for m in re.finditer(f"[{levels}](?![委政人])", doc.text):
            p = m.end()
            found.update(doc.text[max(0, p - k):p] for k in range(2, 6))
        doc.places = found
    if len(key) <= 5:
        return key in doc.places
    return re.search(re.escape(key) + "(?![委政人])", doc.text) is not None


def _in_title_or_quote(sentence: Sentence, start: int, end: int) -> bool:
    """Inside a title or a quoted name (“海上之家”); quoted speech (a long quote) names bodies as any text does."""
    for q in sentence.quotes:
        if q.open < start and end <= q.close and (q.is_title or q.close - q.open <= QUOTED_NAME):
            return True
    return False


def _part_of_a_quoted_name(sentence: Sentence, start: int, end: int) -> bool:
    """“原心达金槐”: a short form inside a longer quoted name is part of that name (“沪士电子” alone is it)."""
    return any(not q.is_title and q.open < start and end <= q.close and (start > q.open + 1 or end < q.close)
               and q.close - q.open <= QUOTED_NAME for q in sentence.quotes)


class Walk(Cursor):
    """The state of one candidate: the head, the words taken so far and where the walk stands.

    ``pos`` is the doc offset the next word to read ends at (None: nothing more
    is read); ``mods`` are the words of the name before the head, in order.
    """

    __slots__ = ("t", "head", "head_start", "head_end", "parents", "mods", "start",
                 "quoted", "pos", "first", "name_start")

    def __init__(self, sentence: Sentence, head_start: int, head_end: int, head: Head,
                 parents: dict[int, Candidate] | None) -> None:
        super().__init__(sentence)
        self.t = tables()
        self.head, self.head_start, self.head_end, self.parents = head, head_start, head_end, parents
        self.mods: list[Token] = []
        self.start = head_start
        self.name_start: int | None = None  # where the name begins when the mention begins before it
        self.quoted = False
        self.pos: int | None = head_start
        self.first = self.at(head_start)  # the word the head begins in

    def prev(self, tok: Token) -> Token | None:
        """The word before this one in the sentence."""
        return self.at(tok.start - 1)

    def take(self, tok: Token) -> None:
        """The word joins the front of the name, and the walk moves to the word before it."""
        self.mods.insert(0, tok)
        self.start = self.pos = tok.start

    def stopped_at(self) -> Token | None:
        """The word where the walk stopped (before the name), if any."""
        return self.before(self.pos) if self.pos is not None else None


# -- opening: the head in its word ---------------------------------------------------------------------------

GLUED_AFTER_HEAD = "时"  # 走访旺岩村时: jieba's guess glues "when" to the head
PLACE_OR_UNKNOWN = ("ns", "nr", "nz", "")
LOCATIVES = "里内本"  # 茅坡|村里, 大庄|村本是: a village's name, then its head glued to "in" (or "originally")


def _place_then_locative(w: Walk, last: Token) -> bool:
    """茅坡|村里的党员: a name word (a place's or one jieba does not know) before a village head that jieba
    read as 村里, 村内 or 村本 (not 我们|村里, 这个|村里)."""
    if (not w.head.place or last.start != w.head_start or last.end != w.head_end + 1
            or last.word[-1] not in LOCATIVES):
        return False
    before = w.before(w.head_start)
    return before is not None and len(before.word) >= 2 and before.tag in PLACE_OR_UNKNOWN


def _name_follows(w: Walk) -> bool:
    """A surname follows the head (防治科|马岩), not a verb's complement (高等学校|办出|特色)."""
    from .persons import tables as person_tables

    return w.sentence.doc.text[w.head_end:w.head_end + 1] in person_tables().surname_starts


def _visited(w: Walk) -> bool:
    """走访|旺岩|村时: a name word after a verb or preposition of going (not 刚驻|村时, "when just stationed")."""
    name = w.before(w.head_start)
    verb = w.before(name.start) if name is not None else None
    return name is not None and verb is not None and len(name.word) >= 2 and verb.tag.startswith(("v", "p"))


@rule()
def head_inside_word(w: Walk) -> Act | None:
    """局面, 委员, 中心工作: the head ends inside another word (unless a title is glued to it: 党总支|部副|书记,
    or a section's head opens a word jieba only guessed: 传染病防治科马岩 is 防治科|马岩)."""
    last = w.at(w.head_end - 1)
    if last is None:
        return Act.REJECT
    guessed = last.start == w.head_start and last.tag == ""
    glued = (guessed and (w.head.sub and _name_follows(w)  # 防治科|马岩: jieba's guess ran on into a name
                          or last.end == w.head_end + 1 and last.word[-1] in GLUED_AFTER_HEAD and _visited(w))
             or _place_then_locative(w, last))
    if last.end != w.head_end and not w.sentence.doc.text.startswith(w.t.title_words, w.head_end) and not glued:
        return Act.REJECT
    return None


@rule("bodies/class_nouns.txt")
def class_of_bodies(w: Walk) -> Act | None:
    """建设中国特色商会|组织，…: a class noun right after the head makes it a kind of body, where the noun
    ends a phrase (a mark, 和 or 等 after it); before an object it is a verb or an adverb instead
    (区委|组织|全体党员, 市委|系统|谋划), and before 的 as often a verb (绍兴市教育局|组织|的…演出)."""
    after = w.at(w.head_end)
    if after is None or after.start != w.head_end or after.word not in w.t.class_nouns:
        return None
    nxt = w.at(after.end)
    return Act.REJECT if nxt is None or nxt.tag == "x" or nxt.word in CLASS_NOUN_ENDS else None


CLASS_NOUN_ENDS = frozenset({"和", "与", "及", "等", "、"})


@rule()
def function_word_head(w: Walk) -> Act | None:
    """锂电池|所|需: a one-character head that jieba reads as a function word before a verb (所需) is none;
    nor is one that an adverb opens (先办: "deal with it first")."""
    first = w.first
    if (first is not None and len(w.head.word) == 1 and first.start == w.head_start - 1 and first.end == w.head_end
            and (w.sentence.doc.segmenter.known_tag(first.word[0]) or "").startswith("d")):
        return Act.REJECT  # 未诉|先办, 接诉|即办: an adverb glued to a one-character head makes it a verb
    if (first is not None and first.start == w.head_start and first.end == w.head_end and len(first.word) == 1
            and first.tag.startswith(("c", "p", "u", "d"))):
        after = w.at(w.head_end)
        if after is not None and after.tag.startswith("v"):
            return Act.REJECT  # (检验检测所|等: a head before 等 is still one)
    return None


@rule("bodies/false_heads.txt")
def ordinary_word(w: Walk) -> Act | None:
    """格局, 农村, 常委: the head begins inside an ordinary dictionary word; 不远处, 此处, 到处: a one-character
    head ends a dictionary word for a place, a pronoun, an adverb or a set phrase (帮镇扶村)."""
    first = w.first
    if first is None or first.start >= w.head_start:
        return None
    if first.word in w.t.false_heads and not _named_village_word(w.sentence, first):
        return Act.REJECT
    if len(w.head.word) == 1 and first.end == w.head_end and first.tag in ORDINARY_TAGS:
        return Act.REJECT
    return None


ORDINARY_TAGS = frozenset({"s", "r", "d", "l", "i"})  # place words, pronouns, adverbs, set phrases (此处, 帮镇扶村)
VILLAGE_WORDS = ("新村", "山村", "渔村")  # ordinary words (a new village, a mountain village) that end village names


def _named_village_word(sentence: Sentence, tok: Token | None) -> bool:
    """白河|新村, 毛竹|山村: the ordinary word ends a village's name when a proper name jieba knows comes before;
    径山镇|径|山村: or when the village is named after the township written just before it; 广安市|革新|村:
    or when jieba cut the ordinary word apart (a word of its own before 村)."""
    if tok is not None and len(tok.word) == 1 and tok.start > sentence.start:
        before = sentence.word_at(tok.start - 1)
        return before is not None and before.end == tok.start and len(before.word) >= 2 and HAN_WORD.fullmatch(
            before.word) is not None
    if tok is None or tok.word not in VILLAGE_WORDS:
        return False
    before = sentence.word_at(tok.start - 1)
    if before is None or HAN_WORD.fullmatch(before.word) is None:
        return False
    if len(before.word) == 1:
        town = sentence.word_at(before.start - 1)
        stem = before.word + tok.word[0]
        return town is not None and town.tag == "ns" and town.word[:-1] == stem and town.word[-1] in tables().admin
    return before.tag in ("nr", "ns", "nz") and before.word not in tables().generic_mods


@rule("bodies/admin_levels.txt")
def one_character_stub(w: Walk) -> Act | None:
    """好村: one character before the head in its word, neither a level nor a name, is no name."""
    first = w.first
    prefix = first.word[: w.head_start - first.start] if first is not None else ""
    if (len(prefix) == 1 and prefix not in w.t.admin and first.tag not in P.PROPER and first.tag != ""  # type: ignore[union-attr]
            and not _unit_short(w, prefix, first.start)):  # type: ignore[union-attr]
        before = w.before(first.start)  # type: ignore[union-attr]
        if before is not None and (before.tag in PLACE_NAME_TAGS or before.word in w.t.admin) and not w.head.sub:
            return None  # 商丘|工学院, 县|总医院: a place or a level before the word names the body
        if w.head.place and _town_just_before(w, first.start):  # type: ignore[union-attr]
            return None  # 高石镇|童|家村: the village's name runs on to its town (village_after_place)
        return Act.REJECT
    return None


@rule("bodies/stop.txt", "bodies/titles.txt", "bodies/quantifiers.txt", "bodies/stop_prefixes.txt")
def stop_word_around_head(w: Walk) -> Act | None:
    """A stop word that ends in the head (a known word, not an unknown one) names nothing."""
    first = w.first
    if first is not None and first.start < w.head_start and _is_stop(first, w.t) and first.tag != "" and not (
            first.end > w.head_end and w.sentence.doc.text[w.head_end:first.end] in w.t.titles):
        return Act.REJECT  # (中央政治局常委: the title glued after the head is the stop word, not the body)
    return None


@rule()
def word_around_head(w: Walk) -> Act | None:
    """海曙区|委, 省公安|厅: the beginning of the head's word is part of the name (海南|大学: a word of its own),
    unless it is a preposition that jieba's guess glued to the head (以|村集体), or to the name (驻|占村)."""
    first = w.first
    if first is None or first.start >= w.head_start:
        w.pos = w.head_start
        return None
    prefix = first.word[: w.head_start - first.start]
    known = w.sentence.doc.segmenter.known_tag(prefix)
    if first.tag == "" and len(prefix) == 1 and known in ("p", "c"):
        return Act.REJECT  # 张雪林|以村|集体的名义: jieba's guess glued a preposition to 村 (by the village)
    if first.tag == "" and len(prefix) >= 2 and (prefix[0] in w.t.glued_prepositions or prefix[0] in PLACE_VERBS):
        w.mods.append(Token(prefix[1:], first.start + 1, w.head_start, ""))  # 成为|驻占村: 驻 "stationed in",
        w.start, w.pos = first.start + 1, None  # then 占村; nothing before the preposition is in the name
        return Act.GO_ON
    w.mods.append(Token(prefix, first.start, w.head_start,
                        known or ("n" if first.tag in ("nt", "nz") else first.tag)))
    w.start = w.pos = first.start
    before = w.before(first.start)
    if len(prefix) == 1 and prefix not in w.t.admin and (
            before is None or (before.tag != "" and not _name_char(before, w.t)
                               and (before.tag not in PLACE_NAME_TAGS and before.word not in w.t.admin
                                    or w.head.sub)
                               and not (before.tag.startswith("n") and len(before.word) == 2
                                        and _opens_after(w, before))
                               and not (w.head.place and len(before.word) == 1 and before.tag.startswith("n")
                                        and _after_preposition(w, before)))):
        # 发挥|好村: a one-character stub of an unknown word does not join a dictionary word, unless a
        # two-character noun opens the clause with it (如今，方家|沟村), or a one-character noun follows a
        # preposition (在|文|塘村)
        w.pos = None
    return Act.GO_ON


PLACE_VERBS = "驻赴"  # "stationed in", "go to": before a name in a guess, no part of it (驻|占村)


OPENING = (head_inside_word, class_of_bodies, function_word_head, ordinary_word, one_character_stub,
           stop_word_around_head, word_around_head)


# -- the walk: one word at a time, leftwards -----------------------------------------------------------------

@rule("bodies/generic.txt", "bodies/generic_modifiers.txt")
def quoted_name(w: Walk, tok: Token) -> Act | None:
    """“海上之家”党支部, 《…》: a quoted name or a title joins the name whole (a quote needs words after it)."""
    if not tok.word or tok.word[-1] not in CLOSE_QUOTES + "》":
        return None
    opener = OPENER[tok.word[-1]]  # the mark that opens this one (“…‘庄’…”: not the inner ‘)
    inside: list[Token] = []
    open_tok = None
    for k in w.left(tok.start, 7):
        if k.word == opener:
            open_tok = k
            break
        inside.insert(0, k)
    if open_tok is None:
        return Act.STOP
    if not w.mods and opener != "《" and not _quoted_modifier(w, inside, open_tok):
        return Act.STOP
    if w.head.place and w.t.generic_run.fullmatch("".join(m.word for m in w.mods)):
        return Act.REJECT  # “幸福社区”试点社区: a designation, not a community's name
    if w.head.place and any(m.tag == "" or m.tag.startswith("v") for m in w.mods):
        return Act.REJECT  # “红色小管家”织密|社区: a headline's verb after a quote, no community's name
    w.mods[:0] = inside
    w.start = w.pos = open_tok.start
    w.quoted = True
    return Act.GO_ON


def _quoted_modifier(w: Walk, inside: list[Token], open_tok: Token) -> bool:
    """区委“两新”工委: a modifier of the name in quotes, between a level body and the head, is part of the name."""
    word = "".join(k.word for k in inside)
    before = w.prev(open_tok)
    return ((word in w.t.generic_mods or word in w.t.name_parts) and before is not None
            and before.word in w.t.heads and w.t.heads[before.word].alone)


@rule("bodies/quantifiers.txt", "bodies/admin_levels.txt")
def generic_quantifier(w: Walk, tok: Token) -> Act | None:
    """各区委, 所属党支部, 各市县|党委: a quantifier makes the body generic; so does 我镇|党委, 本市|教育局
    ("ours", and 我院, 本公司), unless a name follows it (我市|金岭镇大户陈家村: then it only ends the name)."""
    levels = len(tok.word) >= 2 and all(ch in w.t.admin for ch in tok.word[1:])  # 各|市县, 我|镇
    if tok.word in w.t.quantifiers or (levels and tok.word[0] in LEVEL_QUANTIFIERS):
        return Act.REJECT
    if levels and tok.word[0] in OUR_LEVEL:
        return Act.STOP if _specific(w.mods, w.head, w.t, w.sentence.doc) else Act.REJECT
    if (tok.word[0] in OUR_LEVEL and (tok.word[1:] in w.t.heads or tok.word[1:] in OUR_UNITS)
            and _specific(w.mods, w.head, w.t, w.sentence.doc)):
        return Act.STOP  # 我院|党政第一党支部: the unit's own, named (but 我|院党委 is the 院党委)
    return None


@rule("bodies/heads.tsv", "bodies/kind_prefixes.tsv")
def two_bodies_side_by_side(w: Walk, tok: Token) -> Act | None:
    """区委区政府, 省委省政府, 中共|淮北师范大学: a level body of another kind before this one is a body of its own
    (unless it is a prefix that decides this one's kind: 中国共产党上海市委员会)."""
    level = w.t.heads.get(tok.word)
    head = w.head
    if (level is not None and level.alone and level.kind != head.kind and not head.sub and not head.of
            and not (_prefix_decides(head) and any(tok.word.startswith(p) for p, _kind in w.t.kind_prefixes))):
        return Act.STOP
    return None


def _prefix_decides(head: Head) -> bool:
    """Does a name's prefix (bodies/kind_prefixes.tsv) decide the kind of a body with this head (省委, 委员会)?"""
    return head.alone or head.word in COMMITTEE_HEADS


@rule("bodies/kind_prefixes.tsv")
def prefix_opens(w: Walk, tok: Token) -> Act | None:
    """审查|中国共产党上海市第九届委员会, 共青团…: the Party's (or the League's) own name opens the name of a
    committee it decides the kind of; nothing before it is part of it."""
    if w.mods and _prefix_decides(w.head) and tok.word in w.t.prefix_words:
        w.take(tok)
        w.pos = None
        return Act.GO_ON
    return None


@rule("bodies/heads.tsv")
def party_before_the_state(w: Walk, tok: Token) -> Act | None:
    """中共|国务院人力资源和社会保障部 (as the press outside the mainland writes): the Party's name before the
    national state organs (heads that stand alone: 国务院, its ministries) is no part of their names."""
    if tok.word not in PARTY_NAMES or w.head.kind != "government":
        return None
    organs = [w.head] + [h for h in map(w.t.nested_head, (m.word for m in w.mods)) if h is not None]
    if all(h.kind == "government" and h.alone for h in organs):  # (not 中国共产党|海南省委员会|办公厅)
        return Act.STOP
    return None


PARTY_NAMES = ("中共", "中国共产党")


@rule("bodies/heads.tsv")
def committee_and_government(w: Walk, tok: Token) -> Act | None:
    """镇党委政府: the town's committee and its government, side by side (bare 政府 is no body)."""
    level = w.t.heads.get(tok.word)
    if level is not None and not w.mods and level.kind == "party" and w.head.word == "政府":
        return Act.STOP
    return None


@rule("bodies/heads.tsv")
def village_before_village(w: Walk, tok: Token) -> Act | None:
    """后进村|光明村: a village (or a label ending like one) before this village's name."""
    if (w.head.place and w.mods and w.t.nested_head(tok.word) is w.head
            and len(tok.word) > len(w.head.word)):
        return Act.STOP
    return None


@rule()
def parent_company(w: Walk, tok: Token) -> Act | None:
    """中建四局第一建设有限公司|西南分公司: the company named just before is part of this name."""
    if not w.parents or not (w.head.kind == "enterprise" or w.head.of):
        return None
    parent = w.parents.get(tok.end)
    if parent is None:
        return None
    w.mods.insert(0, Token(w.sentence.doc.text[parent.start:tok.end], parent.start, tok.end, "nt"))
    w.start = w.pos = parent.start
    return Act.END


@rule()
def glued_conjunction(w: Walk, tok: Token) -> Act | None:
    """检查和|镇党委, 金宝|强及|公司党办: jieba glued the conjunction to the word before the name."""
    if (len(tok.word) >= 3 and tok.word[-1] in "和与及" and tok.tag not in P.PLACE and tok.tag not in P.PROPER) or (
            tok.tag == "" and len(tok.word) >= 2 and tok.word[-1] in "与及"):
        return Act.STOP
    return None


@rule("bodies/heads.tsv", "bodies/admin_levels.txt")
def conjunction_and_level(w: Walk, tok: Token) -> Act | None:
    """县红十字会|和县|慈善基金会: after a body's head, 和县 (a county's name to jieba) is 和 joining two bodies and
    the level that opens the second name."""
    word, before = tok.word, w.prev(tok)
    if (len(word) == 2 and word[0] in "和与及" and word[1] in w.t.admin and before is not None
            and w.t.nested_head(before.word) is not None):
        w.mods.insert(0, Token(word[1], tok.end - 1, tok.end, "n"))
        w.start = tok.end - 1
        return Act.END
    return None


@rule()
def joint_verb(w: Walk, tok: Token) -> Act | None:
    """省委直属机关工委联合省供销社: 联合 joins two bodies; it modifies only a head (联合党委)."""
    if tok.word in JOINT_VERBS and w.mods:
        return Act.STOP
    return None


@rule("bodies/stop.txt", "bodies/quantifiers.txt")
def preposition_and_that(w: Walk, tok: Token) -> Act | None:
    """由该|党支部: an unknown word of a preposition and 该, "that branch"."""
    if tok.tag == "" and tok.word[0] in w.t.stop and tok.word[1:] in w.t.quantifiers:
        return Act.REJECT
    return None


@rule("bodies/glued_prepositions.txt", "bodies/stop.txt", "bodies/admin_levels.txt", "bodies/heads.tsv")
def glued_preposition(w: Walk, tok: Token) -> Act | None:
    """对美团, 由局(党委), 由文|城镇卫生院, 像长|螺村: an unknown word that swallowed the preposition before it."""
    t = w.t
    if tok.tag == "" and tok.word[0] in t.stop and (
            len(tok.word) >= 3 or tok.word[1:] in t.admin or tok.word[1:] in t.heads
            or tok.word[0] in t.glued_prepositions):
        w.mods.insert(0, Token(tok.word[1:], tok.start + 1, tok.end, ""))
        w.start = tok.start + 1
        return Act.END
    return None


@rule("bodies/stop.txt", "bodies/admin_levels.txt")
def glued_level(w: Walk, tok: Token) -> Act | None:
    """巡察|组对区|民政局, 工作|组在县|人社局: jieba's guess glued a one-character level to the preposition
    before it and to the end of the word before that; the level alone opens the name."""
    word = tok.word
    if tok.tag == "" and len(word) >= 3 and word[-1] in w.t.admin and word[-2] in w.t.stop:
        w.mods.insert(0, Token(word[-1], tok.end - 1, tok.end, "n"))
        w.start = tok.end - 1
        return Act.END
    return None


@rule("bodies/stop.txt")
def glued_date_unit(w: Walk, tok: Token) -> Act | None:
    """自2011|年市|工商联党组, 10名80|后村|党支部委员: jieba's guess glued the 年 (月, 日) of a date, or the 后 of a
    generation, to the name after it; the rest of the guess opens the name."""
    before = w.prev(tok)
    if (tok.tag == "" and len(tok.word) >= 2 and tok.word[0] in DATE_UNITS and before is not None
            and before.word[-1:].isdigit()):
        if tok.word[1:] in w.t.stop:
            return Act.STOP  # 2020|年任|九三学社衡阳市委: a verb after the date
        w.mods.insert(0, Token(tok.word[1:], tok.start + 1, tok.end, ""))
        w.start = tok.start + 1
        return Act.END
    return None


DATE_UNITS = "年月日后"


@rule("bodies/unit_shorts.txt", "bodies/glued_prepositions.txt")
def unit_short(w: Walk, tok: Token) -> Act | None:
    """院|党委, 在校|党委, 我院|党委: the one-character short form of the report's unit before its party organ
    names it, as 市委 names the city's (a preposition or an "our" jieba glued to it stays out: 在|校党委)."""
    if w.mods or not 1 <= len(tok.word) <= 2 or not _unit_short(w, tok.word[-1], tok.end - 1):
        return None
    if len(tok.word) == 2 and tok.word[0] not in w.t.glued_prepositions and (
            tok.word[0] not in OUR_LEVEL or w.head.branch):  # (我院|党支部: the hospital's branches, any of them)
        return None
    w.mods.insert(0, Token(tok.word[-1], tok.end - 1, tok.end, "n"))
    w.start = tok.end - 1
    return Act.END


def _unit_short(w: Walk, char: str, at: int) -> bool:
    """A unit's short form (bodies/unit_shorts.txt) at doc offset ``at``, right before a party head, with
    nothing but a mark, a preposition, an "our" (我院, 本校) or the start of the sentence before it."""
    if char not in w.t.unit_shorts or w.head.kind != "party" or at + 1 != w.head_start:
        return False
    text = w.sentence.doc.text
    before = text[at - 1:at] if at > w.sentence.start else ""
    return (not before or not HAN_WORD.fullmatch(before) or before in w.t.glued_prepositions
            or (before in OUR_LEVEL and not w.head.branch))


@rule("bodies/stop.txt")
def glued_function_words(w: Walk, tok: Token) -> Act | None:
    """能为|社区, 需经|国务院: an unknown word made of function words (a modal and a preposition) ends the name."""
    return Act.STOP if tok.tag == "" and len(tok.word) >= 2 and all(ch in w.t.stop for ch in tok.word) else None


@rule()
def glued_suffix(w: Walk, tok: Token) -> Act | None:
    """常态|化进|社区, 积分|制以|村党支部: jieba's guess glued the suffix of the word before (常态化, 积分制) to a
    verb or preposition (进, 以); it ends the name, with nothing of the guess in it."""
    before = w.prev(tok)
    if (tok.tag == "" and len(tok.word) == 2 and tok.word[0] in WORD_SUFFIXES and before is not None
            and HAN_WORD.fullmatch(before.word)):
        return Act.STOP
    return None


WORD_SUFFIXES = "化制"  # 常态化, 积分制 (积分|制以|村党支部)


@rule()
def glued_copula(w: Walk, tok: Token) -> Act | None:
    """钟萍|方是|中坝村, 王伟|中任|内蒙古自治区党委, 2018年|起任|中央国安办: jieba's guess glued a character to the
    copula 是 (or to 在, or to 任 "hold the post") before the body; the name ends there."""
    if tok.tag == "" and len(tok.word) == 2 and tok.word[1] in GLUED_VERBS and HAN_WORD.fullmatch(tok.word):
        return Act.STOP
    return None


GLUED_VERBS = "是在任"


def _opens_after(w: Walk, tok: Token, also: tuple[str, ...] = ()) -> bool:
    """Nothing but a place, 的 or a mark comes before this word (not 大会上|湄湘村), or a word of a tag in ``also``."""
    before = w.prev(tok)
    return (before is None or before.word == "的" or before.tag == "x" or before.word[-1] in w.t.admin
            or before.tag in also)


GOVERNING = ("p", "v")  # a preposition or a verb before a village's name (在|小|南河村, 当选|小|南河村…)


@rule("bodies/stop.txt")
def village_opener(w: Walk, tok: Token) -> Act | None:
    """中|廖|村: a name character and a stub make the village's name; so does 上 before an unknown 湄湘村
    or 小 before a place's name (小|南河村), when nothing but a place, 的, a mark, a preposition or a verb
    (在|小|南河村, 当选|小|南河村) comes before it."""
    mods = w.mods
    if w.head.place and len(mods) == 1 and _name_char(tok, w.t) and (
            len(mods[0].word) == 1 or (len(mods[0].word) == 2 and mods[0].tag in ("", "ns")
                                       and tok.word in NAME_OPENERS and _opens_after(w, tok, GOVERNING))):
        return Act.TAKE
    return None


@rule("bodies/stop.txt")
def branch_village_opener(w: Walk, tok: Token) -> Act | None:
    """下|湖村|党总支, 小|南河村|党支部: the same opener before a village that a branch is named after."""
    mods = w.mods
    if (not w.head.place and len(mods) == 1 and tok.word in NAME_OPENERS and _name_char(tok, w.t)
            and 2 <= len(mods[0].word) <= 3 and mods[0].word.endswith(("村", "社区", "街道"))
            and _opens_after(w, tok)):
        return Act.TAKE
    return None


@rule("bodies/heads.tsv")
def community_morpheme(w: Walk, tok: Token) -> Act | None:
    """王府|园|社区, 西南|关|社区: a morpheme (or a place word, bodies/name_parts.txt) between a name and the
    community it names."""
    if len(tok.word) == 1 and (tok.tag in P.MORPHEME or tok.word in w.t.name_parts):
        before = w.prev(tok)
        if before is not None and before.tag in P.SPECIFIC and _names_community(w.mods, w.head, w.t):
            return Act.TAKE
    return None


@rule("bodies/stop.txt", "bodies/titles.txt", "bodies/quantifiers.txt")
def bracketed_place(w: Walk, tok: Token) -> Act | None:
    """太和康美(北京)中医研究院有限公司, 北京安博(成都)律师事务所: a place in brackets inside an enterprise's or
    a firm's name (one word of it)."""
    if tok.word not in ")）" or w.head.kind not in PLACE_IN_BRACKETS_KINDS:
        return None
    inner, opening, before = (w.left(tok.start, 3) + [None, None, None])[:3]
    if (before is None or opening.word not in "(（" or not (inner.tag == "ns" or inner.word in PAREN_IN_NAMES)  # type: ignore[union-attr]
            or _is_stop(before, w.t) or before.tag == "x"):
        return None
    w.mods.insert(0, Token(opening.word + inner.word + tok.word, opening.start, tok.end, "ns"))  # type: ignore[union-attr]
    w.start = w.pos = opening.start  # type: ignore[union-attr]
    return Act.GO_ON


ZONE_ALIAS = re.compile(r"[(（]([\u4e00-\u9fff]{2,10}[区县市])[)）]")  # （北部生态新区）: a zone's other name


@rule("bodies/admin_levels.txt")
def bracketed_alias(w: Walk, tok: Token) -> Act | None:
    """柳州市阳和工业新区（北部生态新区）管委会: a zone's other name in brackets, after its name, is left out
    of the body's name, and the walk goes on before it."""
    if tok.word not in ")）" or w.mods:
        return None
    opening = next((k for k in w.left(tok.start, 8) if k.word in "(（"), None)
    before = w.before(opening.start) if opening is not None else None
    if (opening is None or before is None or before.word[-1] not in w.t.admin
            or not ZONE_ALIAS.fullmatch(w.sentence.doc.text, opening.start, tok.end)):
        return None
    w.pos = opening.start
    return Act.GO_ON


def _brand(w: Walk, tok: Token) -> Act:
    """中铁|二十四|局, 中铁|七局: the group's brand opens the name, and nothing before it belongs to it."""
    w.take(tok)
    brand = w.prev(tok)
    if brand is not None and len(brand.word) >= 2 and not _is_stop(brand, w.t) and (
            brand.tag.startswith("n") or brand.tag in ("j", "")):
        w.take(brand)
    return Act.END


@rule("bodies/street_words.txt", "bodies/stop.txt")
def street_name(w: Walk, tok: Token) -> Act | None:
    """建兴|街|社区: the name of the street a community is named after joins, whatever jieba tags it."""
    if (w.mods and w.mods[0].word in w.t.street_words and 2 <= len(tok.word) <= 3 and HAN_WORD.fullmatch(tok.word)
            and not _is_stop(tok, w.t)):
        street = w.mods.pop(0)
        w.mods.insert(0, Token(tok.word + street.word, tok.start, street.end, "ns"))  # one word: the street
        w.start = w.pos = tok.start
        return Act.GO_ON
    return None


@rule()
def company_brand(w: Walk, tok: Token) -> Act | None:
    """桂林|原心|达|生物科技有限公司: a company's name is place, brand, trade and form; jieba cuts a coined
    brand into single characters and words it guesses (达 a verb, 原心 untagged), so two to four such
    characters after a place join the name."""
    if w.head.kind != "enterprise" or not w.mods or len(tok.word) != 1 or not HAN_WORD.fullmatch(tok.word):
        return None
    run = [tok]
    cur = w.prev(tok)
    while (cur is not None and (len(cur.word) == 1 or cur.tag == "") and HAN_WORD.fullmatch(cur.word)
           and sum(len(r.word) for r in run) + len(cur.word) <= BRAND_CHARS):
        run.append(cur)
        cur = w.prev(cur)
    if (sum(len(r.word) for r in run) < 2 or cur is None or cur.tag not in P.PLACE
            or any(r.word in w.t.stop for r in run)):
        return None
    first = run[-1]
    w.mods.insert(0, Token("".join(r.word for r in reversed(run)), first.start, tok.end, "nz"))  # one word
    w.start = w.pos = first.start
    return Act.GO_ON


@rule("bodies/company_form_words.txt")
def trade_word(w: Walk, tok: Token) -> Act | None:
    """万穗农业|开发|有限公司, 能富果蔬|种植|专业合作社: the trade between a firm's name and its form joins the
    name, verb as it is to jieba (开发, 种植), when only trade words stand between it and the head."""
    if w.head.kind != "enterprise" or not w.t.trade_word.fullmatch(tok.word):
        return None
    if all(w.t.trade_word.fullmatch(m.word) for m in w.mods):
        return Act.TAKE
    return None


@rule()
def numbered_unit(w: Walk, tok: Token) -> Act | None:
    """七局 (one word): a numbered bureau or company of a group, after the group's brand."""
    if tok.tag == "m" and NUMBERED_UNIT.fullmatch(tok.word):
        return _brand(w, tok)
    return None


@rule("bodies/heads.tsv", "bodies/generic.txt", "bodies/quantifiers.txt")
def joined_department(w: Walk, tok: Token) -> Act | None:
    """住房和城乡建设局, 自然资源和规划厅, 民政及青年事务局: 和 inside one department's name, not between two
    bodies."""
    if w.head.alone or tok.word not in NAME_JOINERS:
        return None
    before = w.prev(tok)
    if (before is not None and w.mods and w.mods[0].tag not in P.PLACE  # (带队|与|芦洲镇委政府: a place opens it)
            and _in_government(w.head, w.mods, w.t) and not w.t.nested_head(before.word)
            and before.word not in w.t.generic and before.word not in w.t.quantifiers
            and (before.tag.startswith("n") or before.tag in ("l", "vn"))):
        return Act.TAKE
    return None


@rule()
def term_of_a_committee(w: Walk, tok: Token) -> Act | None:
    """中国共产党上海市|第九届|委员会, …|第九届|纪律检查委员会, …交通运输局|第一届|机关委员会: the committee of a
    numbered term, after the place or the unit."""
    if w.head.word in COMMITTEE_HEADS and TERM.fullmatch(tok.word) and all(m.word in COMMITTEE_WORDS for m in w.mods):
        return Act.TAKE
    return None


@rule("bodies/heads.tsv")
def numbered_company(w: Walk, tok: Token) -> Act | None:
    """集团|三|公司第四直管项目部党支部, 中铁|二十四|局: the group's No. 3 company, No. 24 bureau."""
    if (not w.head.alone and tok.tag == "m" and w.mods and w.prev(tok) is not None
            and _numbered_company(tok, w.mods[0], w.t)):
        return _brand(w, tok)
    return None


@rule("bodies/admin_levels.txt")
def village_numeral(w: Walk, tok: Token) -> Act | None:
    """大河坝镇三河口村: a numeral opens the village's name after its town; 三元村, 五里村, 八里社区: a
    numeral and a character that counts no villages (not 三个村, 两级社区) are the village's whole name."""
    if w.head.alone or tok.tag != "m":
        return None
    if w.head.place and not w.mods and w.head.kind == "grassroots" and _numeral_name(tok.word):
        return Act.TAKE
    if len(tok.word) != 1 or tok.word not in VILLAGE_NUMERALS:
        return None
    before = w.prev(tok)
    if before is not None and w.head.place and w.mods and before.word[-1] in w.t.admin:
        return Act.TAKE
    return None


def _numeral_name(word: str) -> bool:
    """三元, 五里, 八里: a numeral and a character that counts no villages, a village's name (not 三个, 两级)."""
    return (len(word) == 2 and word[0] in VILLAGE_NUMERALS and word[0] != "一"  # (一名, 一支: "a", before a noun)
            and word[1] not in VILLAGE_NUMERALS + VILLAGE_COUNTERS)


@rule("bodies/heads.tsv", "bodies/departments.txt", "bodies/sections.txt", "bodies/generic_modifiers.txt")
def numbered_branch(w: Walk, tok: Token) -> Act | None:
    """市财政局|第一|党支部: an ordinal after a named body or place numbers a branch of it; 第一|党总支,
    内科|二|党支部, 机关|一|党支部: an ordinal, or a bare numeral after a department, right before a branch
    numbers one of the report's unit; so does a numbered section after its field (公共基础|二部|党支部, a
    department's 组织|二|处)."""
    if w.head.alone:
        return None
    if _numbered(tok, w.prev(tok), w.t):
        return Act.TAKE
    before = w.prev(tok)
    if (w.head.sub and not w.mods and tok.tag == "m" and BRANCH_NUMERAL.fullmatch(tok.word) and before is not None
            and HAN_WORD.fullmatch(before.word) and _after_a_body(w, before)):
        w.take(tok)
        w.take(before)
        return Act.GO_ON  # 组织部|组织|二|处: a numbered section of a department, its field between them
    if not w.head.branch or w.mods or tok.tag != "m":
        return None
    if ORDINAL.fullmatch(tok.word) or (BRANCH_NUMERAL.fullmatch(tok.word) and before is not None and (
            _department(before.word, w.t) or before.word in w.t.generic_mods)):
        return Act.TAKE  # (not 一网格|一|支部, a slogan)
    if NUMBERED_SECTION.fullmatch(tok.word) and before is not None and (before.tag.startswith("n") or before.tag in (
            "vn", "l")) and before.word not in w.t.quantifiers:
        return Act.TAKE  # 公共基础|二部|党支部, 生产|三车间|党支部: a numbered section after the field it works in
    return None


@rule("bodies/admin_levels.txt", "bodies/stop.txt", "bodies/generic_modifiers.txt", "places/divisions.tsv")
def place_of_level_body(w: Walk, tok: Token) -> Act | None:
    """文昌|市委, 海棠|区委: a level body (alone) takes only a place before it, at most three words (four when
    the last is a division's name)."""
    if not w.head.alone:
        return None
    if not w.mods and tok.word in w.t.generic_mods and tok.tag in P.ADJECTIVE:
        return Act.REJECT  # 全国优秀|县委书记, 先进|区委: a class of committees (or of their secretaries), none by name
    if len(w.mods) > 3 or not _place_like(tok, w.sentence, w.head):
        return Act.STOP
    if len(w.mods) == 3 and not (tok.tag == "ns" and _on_the_map(tok.word)):
        return Act.STOP  # (a fourth word only when it is a division too: 广西|自治区|来宾市|象州|县委)
    return Act.TAKE


def _village_name_ends(w: Walk, tok: Token) -> bool:
    """A village's name ends at a verb (unless a place's full name is right before it: 广安市|革新|村), or after
    three words (a bare level 镇 takes its place: 金岭|镇|大户|陈家|村)."""
    mods = w.mods
    level_only = len(mods[0].word) == 1 and mods[0].word in w.t.admin if mods else False
    # 建设|有限公司, 能源开发|有限公司: verbal nouns and set phrases name what a company does
    verb = tok.tag.startswith(P.VERB) and not (tok.tag in P.SET_PHRASE and w.head.kind == "enterprise")
    if verb and not mods and len(tok.word) == 2:  # 广安市|革新|村, 三河镇|团结|村: a verb named the village after
        before = w.prev(tok)  # the place it is in
        verb = not (before is not None and before.tag == "ns" and before.word[-1] in w.t.admin)
    return w.head.place and not w.head.alone and (verb or (len(mods) >= 3 and not level_only))


@rule("places/divisions.tsv")
def split_division(w: Walk, tok: Token) -> Act | None:
    """召|陵区: one character that jieba cut off a division's name (as a verb, 召 "summon") joins
    the word after it when the two write a division's full name, and the name goes on before them."""
    if len(tok.word) == 1 and w.mods and len(w.mods[0].word) >= 2 and _division(tok.word + w.mods[0].word):
        return Act.TAKE
    return None


@rule("bodies/heads.tsv")
def split_head(w: Walk, tok: Token) -> Act | None:
    """税务|干部|学院|委员会: a word that, with the word after it, writes a head (干部学院) joins the name, whatever
    it is alone (干部, a title, would end it)."""
    return Act.TAKE if w.mods and tok.word + w.mods[0].word in w.t.heads else None


@rule("bodies/generic_modifiers.txt")
def generic_modifier(w: Walk, tok: Token) -> Act | None:
    """机关, 农村, 新型: a generic modifier joins the name (whether the name is specific is decided later)."""
    if tok.word not in w.t.generic_mods:
        return None
    return Act.STOP if _village_name_ends(w, tok) else Act.TAKE


@rule("bodies/stop.txt", "bodies/name_parts.txt")
def stop_word(w: Walk, tok: Token) -> Act | None:
    """A word of bodies/stop.txt ends the name (unless it is a name part)."""
    if tok.word in w.t.stop and tok.word not in w.t.name_parts:
        return Act.STOP
    return None


@rule("bodies/titles.txt", "persons/posts.txt")
def post_inside(w: Walk, tok: Token) -> Act | None:
    """镇供电所所长|郑朝强拉进|党小组: a post before what looks like a person's name is no part of a name."""
    if len(tok.word) >= 2 and tok.word in w.t.posts and w.mods and _person_like(w.mods[0]):
        return Act.STOP
    return None


@rule("bodies/street_words.txt")
def adjective(w: Walk, tok: Token) -> Act | None:
    """An adjective joins only before a name word or an ordinal (医学院|第一|附属|医院), not another adjective;
    before a street word it is the street's name (健康|路|社区), and it may open a company's (友达|光电)."""
    if tok.tag not in P.ADJECTIVE:
        return None
    if SUPERLATIVE.fullmatch(tok.word):
        return Act.STOP  # 全国最大|经济中心: a description, not a name (最高|人民法院 is one)
    if w.mods and w.mods[0].word in w.t.street_words:
        return Act.TAKE
    before = w.prev(tok)
    if w.head.kind == "enterprise" and (before is None or not HAN_WORD.fullmatch(before.word)):
        return Act.TAKE
    if (tok.tag == "b" and (before is None or before.tag == "x") and w.mods and w.mods[0].tag.startswith("n")
            and not tok.word.endswith(LEVEL_WORDS) and tok.word not in w.t.generic_mods):
        return Act.TAKE  # ，公共|基础|二部党支部: a distinguishing word opens the name after a mark (not 省级: a class)
    if not (before is not None and (_numbered(before, w.prev(before), w.t) or (
            not _is_stop(before, w.t) and before.tag not in ("a", "b")))):
        return Act.STOP
    return Act.STOP if _village_name_ends(w, tok) else Act.TAKE


SUPERLATIVE = re.compile("最(?!高)[\u4e00-\u9fff]{1,2}")


@rule("bodies/admin_levels.txt", "bodies/quantifiers.txt")
def level_alone(w: Walk, tok: Token) -> Act | None:
    """县|临时|党委, 县|纪委, 县|数据|局: a level written as one character, alone, opens the name (the county's
    temporary committee, the county's data bureau), as 县委 and 区党委 are the county's and the district's."""
    if tok.word not in w.t.admin:
        return None
    if w.mods and w.mods[0].word in LEVEL_WORDS:
        return Act.REJECT  # 县|一级|党委: every county's committee, none by name
    before = w.prev(tok)
    if before is not None and (before.word in w.t.quantifiers or not before.word.strip(MASK_CHARS)):
        return Act.REJECT  # **镇党委, 各县纪委: the level stands for a masked or a generic place
    if before is None or _is_stop(before, w.t) or not HAN_WORD.fullmatch(before.word):
        w.take(tok)  # (alone: in 兴泉|镇|党群服务中心 the level ends a place's name instead)
        w.pos = None
        return Act.GO_ON
    return None


@rule("bodies/task_words.txt")
def task_of_a_branch(w: Walk, tok: Token) -> Act | None:
    """乔端镇脱贫攻坚易地|搬迁|临时党支部: the task a party branch is named after, a verb to jieba."""
    if w.head.kind == "party" and tok.word in w.t.task_words:
        return Act.TAKE
    return None


@rule()
def verb_phrase_word(w: Walk, tok: Token) -> Act | None:
    """党中央|高度重视|党支部建设: a set phrase that ends in a verb (重视) is a predicate, not a name, except
    before a company, which it may name the trade of (能源开发|有限公司)."""
    if tok.tag in ("l", "i") and len(tok.word) >= 3 and w.head.kind != "enterprise":
        last = w.sentence.doc.segmenter.known_tag(tok.word[-2:]) or ""
        if last.startswith("v") and last != "vn":  # (社会工作|服务中心: 工作 is a verbal noun)
            return Act.STOP
    return None


@rule("bodies/stop.txt", "bodies/titles.txt", "bodies/quantifiers.txt", "bodies/stop_prefixes.txt",
      "bodies/name_parts.txt")
def stop_tag(w: Walk, tok: Token) -> Act | None:
    """A verb, preposition, particle, number, title or other function word ends the name."""
    return Act.STOP if _is_stop(tok, w.t) else None


@rule()
def village_name_ends(w: Walk, tok: Token) -> Act | None:
    """A village's name ends at a verb, or after three words."""
    return Act.STOP if _village_name_ends(w, tok) else None


@rule()
def name_word(w: Walk, tok: Token) -> Act | None:
    """A word that no rule before stops joins the name."""
    return Act.TAKE


WALK = (quoted_name, generic_quantifier, two_bodies_side_by_side, party_before_the_state, prefix_opens,
        committee_and_government, village_before_village, parent_company, glued_conjunction, conjunction_and_level,
        joint_verb, preposition_and_that, unit_short, glued_function_words, glued_suffix, glued_copula,
        glued_preposition, glued_level, glued_date_unit, village_opener, branch_village_opener, community_morpheme,
        bracketed_place, bracketed_alias, street_name, company_brand, trade_word, numbered_unit, joined_department,
        term_of_a_committee, numbered_company, village_numeral, numbered_branch, place_of_level_body, split_division,
        split_head, generic_modifier, stop_word, post_inside, adjective, level_alone, task_of_a_branch,
        verb_phrase_word, stop_tag, village_name_ends, name_word)
"""The walk's rules in order; the first that answers decides for the word."""


# -- after the walk: the word before the name, and where the name really begins ------------------------------

@rule("bodies/quantifiers.txt")
def counted_before(w: Walk) -> Act | None:
    """所属|党支部: a quantifier right before the name makes it generic."""
    stop = w.stopped_at()
    return Act.REJECT if stop is not None and stop.word in w.t.quantifiers else None


def _person_like(tok: Token) -> bool:
    return tok.tag in P.PERSON_NAME or (tok.tag == "" and 2 <= len(tok.word) <= 3)


@rule("bodies/titles.txt", "persons/posts.txt")
def person_after_title(w: Walk) -> Act | None:
    """主席|杨贵|平和|商会党支部, 所长|郑朝|强拉进|党小组: a person's name after a post, not the start of a body's."""
    stop, mods = w.stopped_at(), w.mods
    if stop is not None and stop.word in w.t.posts and mods and _person_like(mods[0]):
        return Act.REJECT
    return None


@rule("bodies/label_words.txt")
def label_before_name(w: Walk) -> Act | None:
    """建设单位|海南大学化学化工学院…党支部: a label, then the name; nothing before the label opens it."""
    label = _label_before_organisation(w.mods, w.t)
    if label:
        w.mods = w.mods[label:]
        w.start = w.mods[0].start
        w.pos = None
        return Act.GO_ON
    return None


@rule("bodies/admin_levels.txt", "bodies/stop.txt", "bodies/quantifiers.txt", "bodies/label_words.txt")
def level_or_place_opens(w: Walk) -> Act | None:
    """省|交通规划勘察设计研究院, 中车|大连机车研究所有限公司: a level, place or brand opens the name."""
    head = w.head
    if head.kind not in ANCHOR_KINDS or (head.place and head.kind != "enterprise"):
        return None
    w.start, w.mods = _anchor(w, head.kind == "enterprise")
    before = w.before(w.start)
    if before is not None and before.word in w.t.quantifiers:
        return Act.REJECT  # **|区…教育中心, 各|市…研究院: the place it reaches back to is masked or generic
    return None


MASK_CHARS = "*×xX＊"
PLACE_NAME_TAGS = ("ns", "nz", "nt")  # a place or proper name jieba knows, before a one-character stub
VILLAGE_GAP = re.compile(r"[\u4e00-\u9fff]{1,3}")
NOT_IN_A_NAME = frozenset("的地得了和与及在是把被从向对等也都")
COMMUNITY_ENDS = ("村", "社区")


@rule()
def village_after_place(w: Walk) -> Act | None:
    """洛城街道东斟|灌村, 起步镇|上|长治村, 走进向|义镇|水口村: where the words end a village's or community's name
    short of the town or street written before it, the gazetteer's place gives its left edge (as 九井镇回龙村),
    across up to three characters the words left out, or through a word that runs into the town's name."""
    sentence = w.sentence
    if not w.head.place and not any(e in sentence.doc.text[w.start:w.head_start] for e in COMMUNITY_ENDS):
        return None  # (a village's own bodies too: 鸬鸟镇山沟沟村监察工作联络站)
    rel = w.start - sentence.start
    head_rel = w.head_start - sentence.start
    from ..places import gazetteer

    lo = max(0, rel - 16)
    window = sentence.text[lo:head_rel]
    for a, b, _ in reversed(gazetteer().mentions(window, {})):
        a, b = a + lo, b + lo
        if b >= head_rel or a >= rel or sentence.text[b - 1] not in "镇乡道":
            continue  # a town or street (洛城街道) before the village's own name, not a county or city
        gap = sentence.text[b:rel]
        if gap and (not VILLAGE_GAP.fullmatch(gap) or NOT_IN_A_NAME.intersection(gap) or w.t.head_re.search(gap)):
            continue
        start = sentence.start + a
        text = sentence.doc.text
        kept = [m for m in w.mods if m.start >= sentence.start + b]
        w.mods = [Token(text[start:sentence.start + b], start, sentence.start + b, "ns"),
                  *([Token(gap, sentence.start + b, w.start, "")] if gap else []), *kept]
        w.start = start
        w.pos = None
        return Act.GO_ON
    return None


def _after_preposition(w: Walk, tok: Token) -> bool:
    """在|文|塘村: the word right before is a preposition (jieba's p)."""
    before = w.prev(tok)
    return before is not None and before.tag == "p"


def _town_just_before(w: Walk, pos: int) -> bool:
    """A town or street of the gazetteer ends at most two name characters before doc offset ``pos``."""
    from ..places import gazetteer

    sentence = w.sentence
    rel = pos - sentence.start
    lo = max(0, rel - 12)
    for _a, b, _ in gazetteer().mentions(sentence.text[lo:rel], {}):
        gap = sentence.text[lo + b:rel]
        if sentence.text[lo + b - 1] in "镇乡道" and len(gap) <= 2 and not NOT_IN_A_NAME.intersection(gap) \
                and (not gap or VILLAGE_GAP.fullmatch(gap)):
            return True
    return False


@rule()
def county_prefix_dropped(w: Walk) -> Act | None:
    """漠河市|北极村, 闵行区|颛桥镇颛桥街区党支部: a village or community (or its party branch) keeps the town
    or street written right before it and drops the county, city or province before that (the guide's
    convention; the gazetteer tells the levels apart)."""
    sentence = w.sentence
    text = sentence.doc.text
    village = text[w.start:w.head_start]
    if not (w.head.kind == "grassroots" and w.head.place) and not (
            w.head.kind == "party" and village.endswith(COMMUNITY_ENDS)):
        return None
    from ..places import gazetteer

    chain_end = 0  # where the leading chain of places ends, and where its last town-level place starts
    town_start = None
    for a, b, cands in gazetteer().mentions(village, {}):
        if a != chain_end:
            break
        chain_end = b
        town_start = a if all(len(d.code) == 9 for d in cands) else None
    cut = town_start if town_start is not None else chain_end
    if cut == 0 or chain_end >= len(village):
        return None  # (no place before it, or no name of its own after the places)
    at = w.name_start = w.start + cut  # the mention keeps the places (persons and owners read them)
    mods = []
    for m in w.mods:
        if m.end <= at:
            continue
        # a word that straddles the cut keeps its part in the name
        mods.append(m if m.start >= at else Token(text[at:m.end], at, m.end, m.tag))
    w.mods = mods
    return None


AFTER_WALK = (counted_before, person_after_title, label_before_name, level_or_place_opens, village_after_place,
              county_prefix_dropped)


# -- vetoes: is what was found one specific body? -----------------------------------------------------------

@dataclass
class Found:
    """A walked name, for the vetoes: the walk, the name as the output gives it and its words."""

    w: Walk
    name: str
    words: list[str]


@rule("bodies/generic.txt")
def generic_name(f: Found) -> Act | None:
    """党支部, 基层党组织: a generic body's name."""
    return Act.REJECT if f.name in f.w.t.generic else None


@rule()
def inside_title_or_quote(f: Found) -> Act | None:
    """Inside a title or a quoted name (“海上之家”): part of that name, not a body."""
    return Act.REJECT if _in_title_or_quote(f.w.sentence, f.w.start, f.w.head_end) else None


@rule("bodies/titles.txt")
def title_of_level_body(f: Found) -> Act | None:
    """市委常委: a title, whose body (市委) is found on its own."""
    return Act.REJECT if len(f.w.head.word) == 1 and f.name.endswith(f.w.t.title_suffixes) else None


def among_them(sentence: Sentence, start: int, end: int) -> bool:
    """全国非公企业|中共|有党员: after a noun, 中共有 is 中 "among" + 共有 "in all", not the Party (目前中共有…
    after a time word is the Party). The owners read the Party's names with this too."""
    if sentence.doc.text[start:end] != "中共" or not sentence.doc.text.startswith("有", end):
        return False
    before = sentence.word_at(start - 1)
    return before is not None and before.tag.startswith("n") and before.tag != "nt"


@rule()
def among_them_not_the_party(f: Found) -> Act | None:
    """企业中共有…: 中 "among" and 共有 "in all" (among_them)."""
    return Act.REJECT if among_them(f.w.sentence, f.w.start, f.w.head_end) else None


@rule("bodies/quantifiers.txt")
def collective(f: Found) -> Act | None:
    """省直单位机关党委: a collective, not one body."""
    return Act.REJECT if f.name.startswith(f.w.t.collectives) else None


@rule("bodies/admin_levels.txt")
def several_levels(f: Found) -> Act | None:
    """县市区委书记, 市县乡党委书记: the committees of several levels, not one body."""
    levels = f.name[: -len(f.w.head.word)]
    if levels and all(ch in f.w.t.admin for ch in levels) and (f.w.head.alone or len(levels) >= 2):
        return Act.REJECT
    return None


@rule()
def doubled_head(f: Found) -> Act | None:
    """东村|村干部, 长治村|村民: the second 村 opens the next word; the body ends at the first."""
    return Act.REJECT if f.name.endswith(f.w.head.word * 2) else None


ROOM_AFTER = ("科", "处", "股", "室")


@rule("bodies/rooms.txt")
def room(f: Found) -> Act | None:
    """东乾社区议事厅, 村委会会议室: a room or space named after a body is not the body."""
    return Act.REJECT if f.name.endswith(f.w.t.rooms) else None


@rule("bodies/sections.txt")
def section_without_organ(f: Found) -> Act | None:
    """三省区交汇|处, 镇里物业|科: a one-character section head names a section only with its organ in the name
    (市教育局安监处, 省人民医院重症医学科)."""
    if f.w.head.word in f.w.t.sections and not f.w.quoted and not f.w.t.head_re.search(f.name[:-1]):
        return Act.REJECT
    return None


@rule()
def room_of_a_unit(f: Found) -> Act | None:
    """数字政府建设科|办公室: an office after a section is its room; the body ends at the section."""
    return Act.REJECT if f.w.head.word == "办公室" and f.name[:-3].endswith(ROOM_AFTER) else None


@rule()
def place_too_short(f: Found) -> Act | None:
    """村, 新村: a village or community needs a name of its own."""
    return Act.REJECT if f.w.head.place and len(f.name) < 3 else None


@rule("bodies/generic_modifiers.txt")
def branches_of_a_place(f: Found) -> Act | None:
    """邹平县党支部发展到114个, 邹平县基层党支部: a branch right after a county's or a larger place's name is
    the place's branches, none by name: such a place has committees (but 中共邹平县支部 of the 1920s is one)."""
    w = f.w
    if not w.head.branch or f.name.startswith("中共"):
        return None
    named = [m for m in w.mods if m.word not in w.t.generic_mods]
    place = "".join(m.word for m in named)
    level_apart = len(named) == 2 and len(named[1].word) == 1  # 长山|县: jieba wrote the level apart
    if ((len(named) == 1 or level_apart) and named[0].tag == "ns" and place[-1] in LARGE_PLACES
            and not place.endswith(NOT_PLACES)):
        return Act.REJECT
    return None


LARGE_PLACES = "省市县区州旗盟"
NOT_PLACES = ("小区", "社区", "园区", "校区", "景区", "片区", "辖区", "厂区", "矿区", "院区")


@rule("bodies/admin_levels.txt")
def units_of_a_place(f: Found) -> Act | None:
    """西湖街道|社区书记, 海棠区|村: a community or village right after a place's level is that place's
    communities or villages, none of them by name."""
    w = f.w
    if not w.head.place or w.head.kind != "grassroots" or not w.mods:
        return None
    last = w.mods[-1]
    level = (len(last.word) == 1 and last.word in w.t.admin) or last.word == "街道" or (
        last.tag == "ns" and len(last.word) >= 3 and (last.word[-1] in w.t.admin or last.word.endswith("街道")))
    return Act.REJECT if level and last.end == w.head_start else None


@rule()
def masked_letter(f: Found) -> Act | None:
    """新昌县H村, A公司: a letter for a name the report leaves out."""
    return Act.REJECT if f.words and ANONYMOUS_LETTER.fullmatch(f.words[-1]) else None


@rule("bodies/designations.txt")
def designation(f: Found) -> Act | None:
    """全国党建工作|样板|支部, 网格化管理|试点|学校: a designation conferred on branches or units, not a name."""
    if f.words and f.words[-1] in f.w.t.designations and not f.w.quoted and not (
            f.w.head.kind != "party" and len(f.words) >= 2 and ORDINAL.fullmatch(f.words[-2])):  # 第一示范中学
        return Act.REJECT
    return None


@rule("bodies/generic_modifiers.txt")
def generic_modifiers_only(f: Found) -> Act | None:
    """机关|党委: only generic modifiers before the head."""
    return Act.REJECT if f.words and all(x in f.w.t.generic_mods for x in f.words) else None


@rule("bodies/kind_prefixes.tsv")
def name_of_a_congress(f: Found) -> Act | None:
    """中国共产党上海市第十次代表大会, 中共济宁市第一届代表会议: the Party's name opens a congress's, an event."""
    if f.w.head.alone and f.name in f.w.t.prefix_words and CONGRESS.match(
            f.w.sentence.doc.text, f.w.head_end):
        return Act.REJECT
    return None


@rule("bodies/generic.txt", "bodies/generic_modifiers.txt", "bodies/national_prefixes.txt")
def generic_run(f: Found) -> Act | None:
    """新型农村社区, 新型|农村: generic words glued into one word (but 中央|宣传部 is one body)."""
    t = f.w.t
    prefix = f.name[: -len(f.w.head.word)]
    if (t.generic_run.fullmatch(prefix) and prefix not in t.national) or t.generic_run.fullmatch(f.name):
        return Act.REJECT
    return None


@rule("bodies/verbs.txt")
def verb_phrase(f: Found) -> Act | None:
    """选优配强村党组织书记: a verb phrase over villages in general."""
    return Act.REJECT if f.w.t.verbs_re.search(f.name) else None


@rule("bodies/admin_levels.txt", "bodies/name_markers.txt", "bodies/national_prefixes.txt", "bodies/generic.txt",
      "bodies/departments.txt", "bodies/sections.txt", "persons/surnames.txt")
def not_specific(f: Found) -> Act | None:
    """A name with no place, proper name, level prefix or parent body singles out no body."""
    if f.w.quoted or _specific(f.w.mods, f.w.head, f.w.t, f.w.sentence.doc):
        return None
    return Act.REJECT


VETOES = (generic_name, inside_title_or_quote, title_of_level_body, among_them_not_the_party, collective,
          several_levels, doubled_head, room_of_a_unit, room, section_without_organ, place_too_short, units_of_a_place,
          branches_of_a_place, masked_letter, designation, generic_modifiers_only, name_of_a_congress, generic_run,
          verb_phrase, not_specific)


def _kind(f: Found) -> str:
    """The body's kind: its head's, else an inner head's for a sub-unit (办公室), else a prefix's (共青团)."""
    t, head = f.w.t, f.w.head
    kind, decider = head.kind, head
    if head.sub:
        before = f.name[: -len(head.word)]
        inner = [m.group(0) for m in t.head_re.finditer(before) if not t.heads[m.group(0)].sub
                 and not before.endswith(t.false_head_words, 0, m.end())]  # (中央农村工作领导小组: no village's)
        if inner:
            decider = t.heads[inner[-1]]  # (中共宁波市海曙区委员会|办公室: the committee's office)
            kind = decider.kind
    if head.word in COMMITTEE_HEADS and f.name[: -len(head.word)].endswith(ORGAN_COMMITTEE):
        kind = "party"  # 市住建局直属机关委员会, 区直属机关工作委员会: the organs' party committee, named in full
    for prefix, prefix_kind in t.kind_prefixes:
        if _prefix_decides(decider) and f.name.startswith(prefix):
            kind = prefix_kind  # 共青团海南省委, 中国共产党上海市委员会 (not 共青团海南省委机关党委: a party committee)
    return kind


def _candidate(sentence: Sentence, head_start: int, head_end: int, head: Head,
               parents: dict[int, Candidate] | None = None) -> Candidate | None:
    """The body whose name ends with this head, or None; ``parents``: enterprises found before it, by end."""
    doc = sentence.doc
    events = begin(doc, "body", head_start, head_end, head.word, ("bodies/heads.tsv",))
    w = Walk(sentence, head_start, head_end, head, parents)
    cand = _run(w, events)
    if cand is None:
        conclude(doc, "rejected")
    else:
        conclude(doc, cand.name, cand.start, cand.end)
    return cand


def _run(w: Walk, events: list[Event] | None) -> Candidate | None:
    """The stages in order: opening, the walk, after the walk, vetoes, kind."""
    if decide(OPENING, "open", events, _word(w.first), w) is Act.REJECT:
        return None
    while w.pos is not None and len(w.mods) < MAX_TOKENS and w.head_end - w.start < MAX_CHARS:
        tok = w.before(w.pos)
        if tok is None:
            break
        act = decide(WALK, "walk", events, tok.word, w, tok)
        if act is Act.TAKE:
            w.take(tok)
        elif act is Act.REJECT:
            return None
        elif act is not Act.GO_ON:
            break  # STOP, END
    for r in AFTER_WALK:
        if decide((r,), "after", events, _word(w.stopped_at()), w) is Act.REJECT:
            return None
    text = w.sentence.doc.text
    end = w.head_end
    pm = QUALIFIER_PAREN.match(text, w.head_end)
    if pm and pm.group(1) in w.t.paren_qualifiers:
        end = pm.end()  # 党支部(筹): a qualifier in brackets belongs to the mention, not the name
    begin = w.start if w.name_start is None else w.name_start
    raw = QUOTE_MARKS_SPACE.sub("", text[begin:w.head_end])
    name = QUALIFIER_PAREN.sub(lambda q: q.group(0) if w.head.kind == "enterprise" and is_place(q.group(1)) else "",
                               raw)  # 友达光电（昆山）有限公司: the place in a company's registered name stays
    if w.head.kind != "enterprise" and ("（" in name or "(" in name):
        name = ZONE_ALIAS.sub("", name)  # (bracketed_alias)
    found = Found(w, name, [m.word for m in w.mods])
    act = decide(VETOES, "veto", events, name, found)
    if act is Act.REJECT:
        return None
    return Candidate(w.start, end, name, w.head.kind if act is Act.ACCEPT else _kind(found))


def is_place(word: str) -> bool:
    """Is this word a division's name in the gazetteer, full or short (杭州市, 杭州, 海棠)?"""
    from ..places import gazetteer

    gz = gazetteer()
    return word in gz.full or word in gz.short or word in gz.county_short


def _word(tok: Token | None) -> str:
    return tok.word if tok is not None else ""


def _name_char(tok: Token, t: Tables) -> bool:
    """Is this a single character jieba split off a name (晓|东村 for 晓东村, 中|廖村 for 中廖村)?"""
    if len(tok.word) != 1 or tok.word in t.stop:
        return False
    return tok.tag in ("nr", "ns", "nz", "nrt", "ng") or (tok.word in NAME_OPENERS and tok.tag in ("f", "a", "b"))



def _label_before_organisation(mods: list[Token], t: Tables) -> int:
    """How many leading words are a label before a named organisation (jieba's nt) or place (ns).

    培育建设单位|海南大学化学化工学院…: a word from bodies/label_words.txt right
    before an organisation's or a place's name ends a label that describes the body; so does one right
    before a level (共建单位|市人民医院) or the head's own word (包联单位|交警大队).
    """
    for k in range(len(mods) - 1, 0, -1):
        if (mods[k].tag in ("nt", "ns") or mods[k].word in t.admin or k == len(mods) - 1) and (
                mods[k - 1].word in t.label_words):
            return k
    return 0


def _names_community(mods: list[Token], head: Head, t: Tables) -> bool:
    """Is the name so far a village's or community's (王府|园|社区党委), or is the head one?"""
    if head.place and head.kind == "grassroots":
        return True
    nested = t.nested_head(mods[0].word) if mods else None
    return nested is not None and nested.place and nested.kind == "grassroots"


def _after_a_body(w: Walk, tok: Token) -> bool:
    """Is the word before ``tok`` a body's name (福建省委组织部|组织)?"""
    before = w.prev(tok)
    return before is not None and w.t.nested_head(before.word) is not None


def _numbered_company(tok: Token, nxt: Token, t: Tables) -> bool:
    """Is this numeral the number of a company or bureau (三|公司, 二十四|局), as state enterprises name them?"""
    nested = t.nested_head(nxt.word)
    return (0 < len(tok.word) <= 3 and all(ch in COMPANY_NUMERALS for ch in tok.word) and nested is not None
            and nested.kind in ("enterprise", "government") and nxt.word == nested.word)


def _numbered(tok: Token, before: Token | None, t: Tables) -> bool:
    """Is this word an ordinal right after a named body or place (市财政局|第一|党支部, 金汇|镇|第一|街区党支部), or
    after a national prefix (中央|第二十|指导组), or after 附属 (中山大学|附属|第三|医院, a university's hospital)?"""
    return (before is not None and ORDINAL.fullmatch(tok.word) is not None
            and (t.nested_head(before.word) is not None or before.tag in P.PLACE or before.word in t.admin
                 or before.word in t.national or before.word in AFFILIATED))


def _in_government(head: Head, mods: list[Token], t: Tables) -> bool:
    """Is the name a government department, or a body of one (市住房和城乡建设局党组)?"""
    if head.kind == "government":
        return True
    nested = [t.nested_head(m.word) for m in mods]
    return any(h is not None and h.kind == "government" for h in nested)


def _anchor(w: Walk, enterprise: bool = False) -> tuple[int, list[Token]]:
    """Reach back over verbs to a level prefix or place that opens the name (省|交通规划勘察设计研究院).

    An enterprise's name may also open with a brand (中车|大连机车研究所有限公司).
    Returns the name's new start and words (unchanged when nothing opens it).
    """
    t = w.t
    reach = w.start  # where a brand must end to open the name
    taken: list[Token] = []
    tok = w.stopped_at()
    # a name of generic words alone (行业|协会) is a type: a place before a verb before it is the verb's
    # subject (洛阳|出台|行业协会), not the start of its name
    generic = bool(w.mods) and all(m.word in t.generic or m.word in t.generic_mods for m in w.mods)
    while tok is not None and w.head_end - tok.start <= MAX_ANCHOR:
        if generic and tok.tag.startswith("v") and tok.tag != "vn":
            break
        if (tok.tag == "x" or tok.word in t.stop or tok.word in t.quantifiers or tok.word in t.label_words
                or t.nested_head(tok.word) or SUPERLATIVE.fullmatch(tok.word) or tok.tag.startswith(("p", "c", "u"))
                or len(tok.word) >= 2 and all(ch in t.stop for ch in tok.word)):
            break  # (培育建设单位|海南大学: not across the label before a name, nor 亚洲|最大|物流中心, nor a
            # preposition, conjunction or particle: 虹桥火车站出口|到|国家会展中心, …规划|需经|国务院)
        before = w.before(tok.start)
        opens = before is None or before.tag == "x" or before.word in t.stop
        # a brand opens the name only right before it, never across a verb (占旗|能|公司); it may be two words
        # (太和|康美(北京)中医研究院有限公司)
        brand = enterprise and len(tok.word) >= 2 and tok.tag in P.BRAND and tok.end == reach
        taken.insert(0, tok)
        if opens and (tok.word in t.admin or tok.tag == "ns" or brand):
            return tok.start, taken + w.mods
        if brand:
            reach = tok.start
        tok = before
    return w.start, w.mods


def _specific(mods: list[Token], head: Head, t: Tables, doc: Document | None = None) -> bool:
    """Does the name single out one body (a place, a proper name, a level prefix, a parent body)?"""
    if not mods:
        return head.alone
    if head.alone:
        return True
    if len(mods) == 1 and mods[0].word in t.unit_shorts and head.kind == "party":
        return True  # 院党委, 校党委 (bodies.unit_short)
    first = mods[0].word
    if first[0] in t.admin and first not in t.generic_mods:
        return True
    for k, m in enumerate(mods[:-1]):
        if _numbered_company(m, mods[k + 1], t):
            return True  # 三公司第四直管项目部党支部
    for k, m in enumerate(mods):
        if ORDINAL.fullmatch(m.word) and any(not t.generic_run.fullmatch(x.word) for x in mods[:max(k - 1, 0)]):
            return True  # 整理公司第二党支部: a numbered branch of a named body (not of 机关党总支)
    if (head.place and head.kind == "grassroots" and len(mods) >= 2 and mods[-1].word in t.surnames
            and mods[-2].word in NAME_OPENERS):
        return True  # 前|张|村, 后|王|庄: a family's village, after a direction word
    if head.place and head.kind == "grassroots" and len(mods) == 1 and mods[0].tag == "m" and _numeral_name(first):
        return True  # 三元|村, 五里|村 (village_numeral)
    if head.branch and (BRANCH_NUMBER.fullmatch(mods[-1].word) or _department(mods[-1].word, t)
                        or len(mods) > 1 and NUMBERED_SECTION.fullmatch(mods[-1].word)):
        return True  # 第一党总支, 机关二党支部, 门诊党支部, 教学|二部党支部: one branch of the report's unit
    for k, m in enumerate(mods):
        if m.word in t.name_markers and any(x.word not in t.generic_mods for x in mods[:k]):
            return True  # 中药材产业链联合党委: a named industry chain
    if head.kind == "government" and any(m.word == "及" and 0 < k < len(mods) - 1 for k, m in enumerate(mods)):
        return True  # 政制及内地事务局, 民政及青年事务局: a bureau of two fields joined by 及, as Hong Kong and
        # Macau name their government's (one of each; 住房和城乡建设局 with 和 is every county's)
    if first.startswith(t.national) or first.startswith(t.alone_heads) or _opens_with_place(first):
        return True  # (国务院|台湾事务办公室 in one word: a body that stands alone opens the name)
    for k, m in enumerate(mods):
        inner = t.heads.get(m.word)
        if k and inner is not None and inner.place and _specific(mods[:k], inner, t, doc):
            return True  # 环城|社区|党群服务中心: a named community or village inside
    for m in mods:
        if m.word in t.generic_mods or m.word in t.generic:
            continue  # 机关|党总支|第二党支部: a generic body inside says nothing specific
        if m.tag in P.SPECIFIC and m.tag != "s" and (len(m.word) >= 2 or m.tag in ("ns", "nr")):
            return True  # (not 校外, 村里: the dictionary's locative words)
        if len(m.word) >= 2 and m.word[-1] in t.admin:
            return True  # 育才生态区, 湾区: a place written with its level
        nested = t.nested_head(m.word)
        if nested and m.word not in t.generic and (len(m.word) > len(nested.word) or nested.alone):
            return True  # 公安局党委, 教育部党组 (a named body inside), but not 公司党委
        if head.place and (m.tag.startswith("n") or m.tag in ("", "a", "b")
                           or head.kind == "grassroots" and m.tag in ("v", "vn")):
            return True  # (a village named by a verb, taken only after a place: 广安市|革新|村, _village_name_ends)
        if doc is not None and len(m.word) >= 2 and HAN_WORD.fullmatch(m.word) and any(
                _written_as_place(doc, m.word + level) for level in t.admin):
            return True  # 海棠|党群服务中心: the report writes 海棠区 as a place, so 海棠 is one here
    return False


def _department(word: str, t: Tables) -> bool:
    """门诊, 内科, 财务科, 教务处: a department of a unit (bodies/departments.txt, or a word ending in a section)."""
    return word in t.departments or (len(word) >= 2 and word[-1] in t.sections)


def _opens_with_place(word: str) -> bool:
    """浙江工业|大学: a word jieba keeps whole with the head starts with a province or city (gazetteer)."""
    if len(word) < 3:
        return False
    from ..places import gazetteer

    return any(a == 0 and b < len(word) for a, b, _ in gazetteer().mentions(word, {}))


def bodies_in_sentence(doc: Document, sentence: Sentence) -> list[Mention]:
    """Named bodies of one sentence."""
    t = tables()
    found: list[Candidate] = []
    parents: dict[int, Candidate] = {}  # enterprises found so far, by end: a name may go on after one
    text = sentence.text
    for m in t.head_re.finditer(text):
        head = t.heads[m.group(0)]
        if not head.alone and (m.start() == 0 or text[m.start() - 1] in MARKS_BEFORE):
            continue  # a bare head (党委, 社区) after punctuation names nothing: no word needs cutting to see it
        if text.endswith(t.false_head_words, 0, m.end()) and not (
                text.endswith(VILLAGE_WORDS, 0, m.end())
                and _named_village_word(sentence, sentence.word_at(sentence.start + m.end() - 1))):
            continue  # 格局, 农村: the head ends an ordinary word (seen in the text, before any word is cut)
        cand = _candidate(sentence, m.start() + sentence.start, m.end() + sentence.start, head, parents)
        if cand:
            found.append(cand)
            if cand.kind == "enterprise":
                parents[cand.end] = cand
    for cand in list(found):
        own = own_party_organisation(doc, cand, found)
        if own is not None:
            found.append(own)
    kept = _longest(found + short_form(doc, sentence, found, t) + listed_bodies(doc, sentence, found, t), doc)
    starts = {c.start for c in kept}
    out: list[Mention] = []  # a list, not a generator: compiled, a generator's variables live in an object
    for cand in kept:
        if described_after_dash(cand, doc.text, starts):
            if doc.trace is not None:
                overruled(doc, "body", cand.start, cand.end, described_after_dash, cand.name)
            continue
        out.append(Mention(type="body", text=doc.text[cand.start:cand.end], start=cand.start, end=cand.end,
                           fields={"name": cand.name, "kind": cand.kind}))
    return out


@rule()
def own_party_organisation(doc: Document, cand: Candidate, found: list[Candidate]) -> Candidate | None:
    """下洋村的党支部书记, 健康路社区党总支: the village's own branch is a body of its own (下洋村党支部),
    unless its head already found it."""
    own = OWN_PARTY_ORG.match(doc.text, cand.end)
    if own is None or cand.kind == "party" or any(c.start == cand.start and c.end == own.end() for c in found):
        return None
    found_by(doc, "body", cand.start, own.end(), own.group(1), own_party_organisation, cand.name + own.group(1))
    return Candidate(cand.start, own.end(), cand.name + own.group(1), "party")


@rule()
def declared_short_form(doc: Document, c: Candidate, shorts: dict[str, str]) -> None:
    """沪士电子股份有限公司（以下简称“沪士电子”）: the text declares the short form it goes on to use."""
    m = DECLARED_SHORT.match(doc.text, c.end)
    if m and m.group(1) != c.name:
        short = m.group(1)
        for k in range(1, len(short)):  # 友达|光电（昆山）有限公司（以下简称“友达光电”）: the short form shows
            if not c.name.startswith(short) and doc.text.startswith(short, c.start - k):  # where the name begins
                c.start, c.name = c.start - k, doc.text[c.start - k:c.start] + c.name
                break
        shorts.setdefault(short, c.kind)
        doc.memory.setdefault("declared_short", {})[c.name] = (short, c.end)  # its name from here on


@rule("bodies/company_form_words.txt")
def company_short_form(doc: Document, c: Candidate, shorts: dict[str, str], t: Tables) -> None:
    """福建鼎晶新材料科技有限公司 … 鼎晶新材料: a company is written later without its place, trade words
    and legal form."""
    for core in _company_cores(doc, c.name, t) if c.kind == "enterprise" else ():
        shorts.setdefault(core, c.kind)


def _company_cores(doc: Document, name: str, t: Tables) -> list[str]:
    """The names a company may go by: its full name without its places and legal form, and without each
    of its trade words in turn (福建鼎晶新材料科技有限公司: 鼎晶新材料; 桂林全州米兰香食品有限公司: 米兰香)."""
    m = t.company_form.search(name)
    if m is None:
        return []
    from ..places import document_county_shorts, gazetteer

    gz, shorts = gazetteer(), document_county_shorts(doc)  # (全州 for 全州县, where the document writes 全州县)
    ends = [m.start()] + [w.end() for w in t.trade_word.finditer(name, m.start(), m.end())]
    out = []
    for end in ends:
        core = name[:end]
        while True:  # 福建|鼎晶, 桂林|全州|米兰香
            places = gz.mentions(core, shorts)
            if not places or places[0][0] != 0 or places[0][1] >= len(core):
                break
            core = core[places[0][1]:]
        if len(core) >= 3 and HAN_WORD.fullmatch(core) and not t.generic_run.fullmatch(core):
            out.append(core)
    return out


def _numbered_short(name: str, t: Tables) -> str | None:
    n = t.numbered.match(name)
    return n.group("place") + n.group("n") + t.short_ends[n.group("end")] if n else None


def site_body(doc: Document) -> str | None:
    """The body whose own site the page is on, when it is a school, hospital or company (not a government
    portal or a news site), as the document writes it: 绍兴市第一中学 → 绍兴一中 where the text says so."""
    name, t = doc.publisher, tables()
    head = t.nested_head(name) if name else None
    if name is None or head is None or head.kind not in ("institution", "enterprise") or head.sub:
        return None
    for short in (_numbered_short(name, t), *_company_cores(doc, name, t)):
        if short and short in doc.text:
            return short
    return name


LIST_ITEM_TAGS = ("j", "nt", "nz")


@rule("bodies/list_kinds.tsv")
def listed_bodies(doc: Document, sentence: Sentence, found: list[Candidate], t: Tables) -> list[Candidate]:
    """北大、清华等“双一流”高校: abbreviations jieba knows, listed before 等 and a noun that says what they are."""
    out: list[Candidate] = []
    for m in t.list_close.finditer(sentence.text):
        kind = t.list_kinds[m.group(1)]
        pos = sentence.start + m.start()
        while True:  # walk the list back from 等: word, 、, word …
            tok = sentence.word_at(pos - 1)
            if tok is None or tok.tag not in LIST_ITEM_TAGS or len(tok.word) < 2 or tok.end != pos:
                break
            if not any(c.start < tok.end and tok.start < c.end for c in found + out):
                found_by(doc, "body", tok.start, tok.end, m.group(1), listed_bodies, tok.word,
                         ("bodies/list_kinds.tsv",))
                out.append(Candidate(tok.start, tok.end, tok.word, kind))
            if doc.text[tok.start - 1:tok.start] != "、":
                break
            pos = tok.start - 1
    return out


@rule("bodies/short_forms.tsv")
def short_form(doc: Document, sentence: Sentence, found: list[Candidate], t: Tables) -> list[Candidate]:
    """绍兴市第一中学 … 绍兴一中, 沪士电子: a short form the document has tied to a body, where written."""
    shorts: dict[str, str] = doc.memory.setdefault("body_short_forms", {})  # short → kind
    for c in found:
        declared_short_form(doc, c, shorts)
    out = []
    for short, kind in shorts.items():
        at = sentence.text.find(short)
        while at >= 0:
            a, b = sentence.start + at, sentence.start + at + len(short)
            at = sentence.text.find(short, at + len(short))
            if not any(c.start < b and a < c.end for c in found) and not _part_of_a_quoted_name(sentence, a, b):
                found_by(doc, "body", a, b, short, short_form, short, ("bodies/short_forms.tsv",))
                out.append(Candidate(a, b, short, kind))
    out += _school_short_forms(doc, sentence, found + out, shorts)
    for c in found:
        numbered = _numbered_short(c.name, t)
        if numbered:  # (a numbered school's short form: bodies/short_forms.tsv)
            shorts.setdefault(numbered, c.kind)
        company_short_form(doc, c, shorts, t)
        unit_branch_short_form(doc, c, shorts, t)
    return out


@rule("bodies/generic.txt", "bodies/generic_modifiers.txt")
def unit_branch_short_form(doc: Document, c: Candidate, shorts: dict[str, str], t: Tables) -> None:
    """绍兴一中行政支部 … 行政支部: a branch named after a body is written later without that body, inside its
    own report (the branch's own name must say which one: not 机关党委, 党支部)."""
    head = t.nested_head(c.name)
    if head is None or not head.of:
        return
    for k in range(2, len(c.name) - len(head.word)):
        unit, rest = c.name[:k], c.name[k:]
        if len(rest) < 4 or t.generic_run.fullmatch(rest) or not HAN_WORD.fullmatch(rest):
            continue
        inner = t.nested_head(unit)
        if unit in shorts or (inner is not None and not inner.sub) or any(
                m.end() == k for m in t.school_short.finditer(unit)):
            shorts.setdefault(rest, c.kind)
            return


def _school_short_forms(doc: Document, sentence: Sentence, found: list[Candidate],
                        shorts: dict[str, str]) -> list[Candidate]:
    """绍兴一中 with no full name before it: a place of the gazetteer, a number and a school's short ending
    (bodies/short_forms.tsv) name one school, as a reader knows, where the ending ends a word."""
    from ..places import gazetteer

    text, t = sentence.text, tables()
    out: list[Candidate] = []
    if not t.school_short.search(text):
        return out
    gz = gazetteer()
    for m in t.school_short.finditer(text):
        for k in (3, 2):
            place = text[max(0, m.start() - k):m.start()]
            if len(place) == k and (place in gz.short or place in gz.county_short):
                a, b = sentence.start + m.start() - k, sentence.start + m.end()
                short = text[m.start() - k:m.end()]
                last = sentence.word_at(b - 1)
                if last is not None and last.end > b:
                    break  # 西城一|中队|中队长: the ending opens a longer word (a squad, not a middle school)
                if short not in shorts and not any(c.start < b and a < c.end for c in found + out):
                    found_by(doc, "body", a, b, short, short_form, short, ("bodies/short_forms.tsv",))
                    out.append(Candidate(a, b, short, "institution"))
                    shorts[short] = "institution"
                break
    return out


@rule()
def inside_longer_name(c: Candidate, others: list[Candidate]) -> bool:
    """区委 inside 区委组织部: a candidate inside a longer one is part of it."""
    return any(o is not c and o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
               for o in others)


@rule()
def described_after_dash(c: Candidate, text: str, starts: set[int]) -> bool:
    """全市首个港区大党委——崖州中心渔港党委: a description of the body named after the dash."""
    dash = APPOSITION.match(text, c.end)
    return dash is not None and dash.end() in starts


def _longest(cands: list[Candidate], doc: Document) -> list[Candidate]:
    """Drop candidates contained in a longer one, and repeats of one span."""
    out: list[Candidate] = []
    for c in cands:
        if inside_longer_name(c, cands):
            if doc.trace is not None:
                overruled(doc, "body", c.start, c.end, inside_longer_name, c.name)
            continue
        if any(o.start == c.start and o.end == c.end for o in out):
            continue
        out.append(c)
    return out


STAGES = (("open", OPENING), ("walk", WALK), ("after", AFTER_WALK), ("veto", VETOES),
          ("find", (own_party_organisation, short_form, unit_branch_short_form)),
          ("overlap", (inside_longer_name, described_after_dash)))
"""The body rules stage by stage, in the order they run (``djextract explain --rules``)."""
