"""Named bodies: party, state and other organisations named in a report (spec §1).

Why suffix-anchored: Chinese organisation names end in a small set of organ
words (党委, 局, 集团, 社区 …) while their left edge is a chain of places,
functions and nested bodies. So a head from ``body_heads.tsv`` anchors each
candidate, and the name grows leftwards over jieba words until a verb, a
function word, a quantifier or punctuation; then rules decide whether what was
found is one specific body or a generic type (党支部, 各级党组织).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, Sentence, Token
from ..lexicon import derived, load_rows, load_set, load_table
from ..mention import Mention

SPECIFIC_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "s", "j", ""})
STOP_TAGS = ("v", "p", "c", "u", "d", "r", "m", "q", "t", "x", "y", "e", "o", "f", "a", "ad", "z", "uj", "ul", "ud")
OPEN_QUOTES = "“「『\"‘"
CLOSE_QUOTES = "”」』\"’"
QUALIFIER_PAREN = re.compile(r"[(（]([\u4e00-\u9fff]{1,4})[)）]")
NAME_JOINERS = ("和", "与")
JOINT_VERBS = ("联合",)
VILLAGE_NUMERALS = "一二三四五六七八九十双"
COMPANY_NUMERALS = "一二三四五六七八九十"
PAREN_IN_NAMES = ("中国", "集团", "控股")  # 华为技术(中国)有限公司, 万科(集团)有限公司
ANONYMOUS_LETTER = re.compile(r"[A-Za-z]")
LEVEL_QUANTIFIERS = "各每该"  # glued by jieba to the levels after them (各市县)
QUOTED_NAME = 30  # a quote longer than this is speech, not a name
PREPOSITIONS = "由对在向为将从把被让给同跟经以"  # one-character stop words jieba glues to the name after them
NUMBERED_UNIT = re.compile(f"[{COMPANY_NUMERALS}]{{1,3}}(?:局|公司|分公司|处)")  # 七局 (one jieba token)
ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
APPOSITION = re.compile(r"\s*(?:——|—|--)")
OWN_PARTY_ORG = re.compile(r"的(党支部|党总支|党委|党组)")
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
QUOTE_MARKS_SPACE = re.compile(r"[“”「」『』\"‘’《》\s]")
# Marks that are words of their own to jieba and rjieba and stop a name's leftward walk (not closing quotes).
# (Not a closing bracket: 万科(集团)|有限公司 goes on before it.)
MARKS_BEFORE = frozenset("，。、；：！？（【〔,;:!?([ \t\r\n\u3000“「『《‘")
NAME_OPENERS = "东南西北中上下前后大小新老"  # direction and size words that open village names (中|廖村)
PLACE_LEVELS = "省市区县镇乡"  # a word written with one of these after it is a place (海棠 + 区)
MAX_TOKENS = 9
RARE_NOUN = 1000
MAX_CHARS = 26
WINDOW = 6  # characters cut into words before a head; a rule that reads further gets the whole sentence


@dataclass
class Head:
    word: str
    kind: str
    alone: bool
    sub: bool
    place: bool
    of: bool = False  # a party organisation of the body before it (教育部党组)


class Tables:
    def __init__(self) -> None:
        self.heads: dict[str, Head] = {}
        for word, fields in load_table("body_heads.tsv").items():
            kind = fields[0] if fields else "government"
            flags = set(fields[1].split(",")) if len(fields) > 1 else set()
            self.heads[word] = Head(word, kind, "alone" in flags, "sub" in flags, "place" in flags, "of" in flags)
        words = sorted(self.heads, key=len, reverse=True)
        self.head_re = _head_pattern(words, load_set("body_head_continuations.txt"))
        shorts = dict(load_rows("body_short_forms.tsv", ("long", "short")))
        ends = "|".join(map(re.escape, sorted(shorts, key=len, reverse=True))) or "(?!)"
        self.short_ends = shorts
        self.numbered = re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{2,4}}?)(?:市|县|区)?"
                                   rf"第(?P<n>[一二三四五六七八九十]{{1,3}})(?P<end>{ends})$")
        self.head_end_re = re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")$")
        self.stop = load_set("body_stop.txt")
        self.stop_prefixes = tuple(load_set("body_stop_prefixes.txt"))
        self.quantifiers = load_set("body_quantifiers.txt")
        self.generic = load_set("body_generic.txt")
        self.generic_mods = load_set("body_generic_modifiers.txt")
        self.titles = load_set("titles.txt")
        self.false_heads = load_set("body_false_heads.txt")
        self.false_head_words = tuple(sorted(self.false_heads, key=len, reverse=True))
        self.admin = frozenset("".join(load_set("admin_levels.txt")))
        self.national = tuple(load_set("body_national_prefixes.txt"))
        self.paren_qualifiers = load_set("body_paren_qualifiers.txt")
        self.title_suffixes = tuple(w for w in self.titles if len(w) >= 2)
        self.title_words = tuple(self.titles)
        self.collectives = tuple(q for q in self.quantifiers if len(q) > 1)
        self.name_parts = load_set("body_name_parts.txt")
        verbs = sorted(load_set("body_verbs.txt"), key=len, reverse=True)
        self.verbs_re = re.compile("|".join(map(re.escape, verbs))) if verbs else re.compile("(?!)")
        words = sorted(self.generic_mods | self.generic, key=len, reverse=True)
        # a run of generic words and nothing else (新型农村社区 = 新型 + 农村 + 社区): no name in it
        self.generic_run = re.compile("(?:" + "|".join(map(re.escape, words)) + ")+")
        self.name_markers = load_set("body_name_markers.txt")
        self.designations = load_set("body_designations.txt")
        self.level_words = load_set("body_level_words.txt")
        self.label_words = load_set("body_label_words.txt")
        self.kind_prefixes = [(k, v[0]) for k, v in load_table("body_kind_prefixes.tsv").items() if v]

    def nested_head(self, word: str) -> Head | None:
        m = self.head_end_re.search(word)
        return self.heads[m.group(0)] if m else None


def _head_pattern(heads: list[str], continuations: frozenset[str]) -> re.Pattern[str]:
    """Heads, longest first; a head that starts a longer ordinary word (党组织) is not a match."""
    parts = []
    for h in heads:
        rests = sorted((w[len(h):] for w in continuations if w.startswith(h) and len(w) > len(h)), key=len,
                       reverse=True)
        blocked = f"(?!{'|'.join(map(re.escape, rests))})" if rests else ""
        parts.append(re.escape(h) + blocked)
    return re.compile("|".join(parts))


@derived
def tables() -> Tables:
    return Tables()


@dataclass
class Candidate:
    start: int  # doc offsets of the span as written
    end: int
    name: str
    kind: str


VERB_TAGS = ("v", "vd", "vi", "vg", "l", "i")
PLACE_TAGS = frozenset({"ns", "s", "nt", "nz", "j"})
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
    if tok.tag.startswith(STOP_TAGS):
        return True
    return False


def _place_like(tok: Token, sentence: Sentence, head: Head) -> bool:
    """Can this word stand before an abbreviated level body (文昌 + 市委, 海棠 + 区委)?"""
    t = tables()
    w = tok.word
    if w in t.stop:
        return False  # 时任|北京市西城区委: a stop word is never a place, however rare
    if tok.tag in PLACE_TAGS or (len(w) >= 2 and w[-1] in t.admin and tok.tag.startswith("n")):
        return True
    level = head.word[0]
    if level in t.admin and 2 <= len(w) <= 4 and HAN_WORD.fullmatch(w):
        if _written_as_place(sentence.doc, w + level):
            return True
        # a rare dictionary noun right before 区委/市委 is most likely the place's name (海棠区委)
        return tok.tag.startswith("n") and len(w) <= 3 and sentence.doc.segmenter.freq(w) < RARE_NOUN
    return False


def _written_as_place(doc: Document, key: str) -> bool:
    """X区 counts as a place when the document writes it without a following organ word.

    Every such place of up to five characters is listed once per document (one pass
    over its level characters), since the question is asked for hundreds of words.
    """
    if doc.places is None:
        levels = "".join(sorted(tables().admin | set(PLACE_LEVELS)))
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


def _candidate(sentence: Sentence, head_start: int, head_end: int, head: Head,
               parents: dict[int, Candidate] | None = None) -> Candidate | None:
    """The body whose name ends with this head, or None; ``parents``: enterprises found before it, by end."""
    t = tables()
    tokens = sentence.partial_tokens
    hi = sentence.token_index(head_start)
    hj = sentence.token_index(head_end - 1)
    if hj >= len(tokens):
        return None
    last = tokens[hj]
    if last.end != head_end:
        if not sentence.doc.text.startswith(t.title_words, head_end):  # 党总支|部副|书记: glued to a title
            return None  # 局面, 委员, 中心工作: the head is inside another word
    mods: list[Token] = []
    quoted = False
    start = head_start
    first = tokens[hi]
    if first.start < head_start:
        # The head begins inside a word (海曙区|委, 省公安|厅): that word's beginning is part of the name,
        # unless it is an ordinary dictionary word (格局, 农村, 常委).
        prefix = first.word[: head_start - first.start]
        if first.word in t.false_heads:
            return None
        if len(prefix) == 1 and prefix not in t.admin and first.tag not in ("ns", "nt", "nz", "nr", ""):
            return None
        if _is_stop(first, t) and first.tag != "":
            return None
        known = sentence.doc.segmenter.known_tag(prefix)  # 海南|大学: the prefix is a word of its own
        mods.append(Token(prefix, first.start, head_start,
                          known or ("n" if first.tag in ("nt", "nz") else first.tag)))
        start = first.start
    i = hi - 1
    if len(mods) == 1 and len(mods[0].word) == 1 and mods[0].word not in t.admin and (
        i < 0 or (tokens[i].tag != "" and not _name_char(tokens[i], t))
    ):
        i = -1  # 发挥|好村: a one-character stub of an unknown word does not join a dictionary word
    while i >= 0 and len(mods) < MAX_TOKENS and head_end - start < MAX_CHARS:
        tok = tokens[i]
        if tok.word and tok.word[-1] in CLOSE_QUOTES + "》":
            opener = "《" if tok.word[-1] == "》" else OPEN_QUOTES
            open_i = next((k for k in range(i - 1, max(-1, i - 8), -1) if tokens[k].word in opener), None)
            if open_i is None or (not mods and opener != "《"):
                break
            after_quote = "".join(m.word for m in mods)
            if head.place and t.generic_run.fullmatch(after_quote):
                return None  # “幸福社区”试点社区: a designation, not a community's name
            mods[:0] = tokens[open_i + 1:i]
            start = tokens[open_i].start
            quoted = True
            i = open_i - 1
            continue
        if tok.word in t.quantifiers or (len(tok.word) >= 2 and tok.word[0] in LEVEL_QUANTIFIERS
                                         and all(ch in t.admin for ch in tok.word[1:])):
            return None  # 各区委, 所属党支部, 各市县|党委: generic
        level = t.heads.get(tok.word)
        if (level is not None and level.alone and level.kind != head.kind and not head.sub and not head.of
                and not any(tok.word.startswith(p) for p, _kind in t.kind_prefixes)):
            break  # 区委区政府, 省委省政府: two bodies side by side, not one
        if level is not None and not mods and level.kind == "party" and head.word == "政府":
            break  # 镇党委政府: the town's committee and its government, side by side (bare 政府 is no body)
        if head.place and mods and (t.nested_head(tok.word) is head) and len(tok.word) > len(head.word):
            break  # 后进村|光明村: a village (or a label ending like one) before this village's name
        parent = parents.get(tok.end) if parents and (head.kind == "enterprise" or head.of) else None
        if parent is not None:
            # 中建四局第一建设有限公司|西南分公司: the company named just before is part of this name
            mods.insert(0, Token(sentence.doc.text[parent.start:tok.end], parent.start, tok.end, "nt"))
            start = parent.start
            i = sentence.token_index(parent.start) - 1
            break
        if (len(tok.word) >= 3 and tok.word[-1] in "和与及" and tok.tag not in (*PLACE_TAGS, "nr", "nz", "nt")) or (
                tok.tag == "" and len(tok.word) >= 2 and tok.word[-1] in "与及"):
            break  # 检查和|镇党委, 金宝|强及|公司党办: jieba glued the conjunction to the word before the name
        if tok.word in JOINT_VERBS and mods:
            break  # 省委直属机关工委联合省供销社: 联合 joins two bodies; it modifies only a head (联合党委)
        if tok.tag == "" and tok.word[0] in t.stop and tok.word[1:] in t.quantifiers:
            return None  # 由该|党支部: an unknown word of a preposition and 该, "that branch"
        if tok.tag == "" and tok.word[0] in t.stop and (len(tok.word) >= 3 or tok.word[1:] in t.admin
                                                         or tok.word[1:] in t.heads or tok.word[0] in PREPOSITIONS):
            # 对美团, 由局(党委), 由文|城镇卫生院: an unknown word that swallowed the preposition before the name
            mods.insert(0, Token(tok.word[1:], tok.start + 1, tok.end, ""))
            start = tok.start + 1
            break
        if head.place and len(mods) == 1 and _name_char(tok, t) and (
                len(mods[0].word) == 1 or (len(mods[0].word) == 2 and mods[0].tag == "" and tok.word in NAME_OPENERS
                                           and (i == 0 or tokens[i - 1].word == "的" or tokens[i - 1].tag == "x"
                                                or tokens[i - 1].word[-1] in t.admin))):
            # 中|廖|村: a direction word and a stub make the village's name; so does 上 before an unknown
            # 湄湘村 when nothing but a place, 的 or a mark comes before it (not 大会上|湄湘村)
            mods.insert(0, tok)
            start = tok.start
            i -= 1
            continue
        if (not head.place and len(mods) == 1 and tok.word in NAME_OPENERS and _name_char(tok, t)
                and 2 <= len(mods[0].word) <= 3 and mods[0].word.endswith(("村", "社区", "街道"))
                and (i == 0 or tokens[i - 1].word == "的" or tokens[i - 1].tag == "x"
                     or tokens[i - 1].word[-1] in t.admin)):
            # 下|湖村|党总支, 小|南河村|党支部: the same opener before a village that a branch is named after
            mods.insert(0, tok)
            start = tok.start
            i -= 1
            continue
        if (len(tok.word) == 1 and tok.tag in ("zg", "g", "ng") and i > 0 and tokens[i - 1].tag in SPECIFIC_TAGS
                and _names_community(mods, head, t)):
            mods.insert(0, tok)  # 王府|园|社区: a morpheme between a name and the community it names
            start = tok.start
            i -= 1
            continue
        if (tok.word in ")）" and head.kind == "enterprise" and i >= 3 and tokens[i - 2].word in "(（"
                and (tokens[i - 1].tag == "ns" or tokens[i - 1].word in PAREN_IN_NAMES)
                and not _is_stop(tokens[i - 3], t) and tokens[i - 3].tag != "x"):
            # 太和康美(北京)中医研究院有限公司: a place in brackets inside the name (one word of it)
            mods.insert(0, Token("".join(x.word for x in tokens[i - 2:i + 1]), tokens[i - 2].start, tok.end, "ns"))
            start = tokens[i - 2].start
            i -= 3
            continue
        numbered = NUMBERED_UNIT.fullmatch(tok.word) is not None and tok.tag == "m"  # 七局: one token
        if numbered or _inside_name(tokens, i, head, mods, t):
            mods.insert(0, tok)
            start = tok.start
            i -= 1
            if numbered or (tok.tag == "m" and len(mods) > 1 and _numbered_company(tok, mods[1], t)):
                # 中铁|二十四|局, 中铁|七局: the group's brand opens the name, and nothing before it belongs to it
                if i >= 0 and len(tokens[i].word) >= 2 and not _is_stop(tokens[i], t) and (
                        tokens[i].tag.startswith("n") or tokens[i].tag in ("j", "")):
                    mods.insert(0, tokens[i])
                    start = tokens[i].start
                    i -= 1
                break
            continue
        if head.alone:
            if len(mods) >= 3 or not _place_like(tok, sentence, head):
                break
        elif tok.word in t.generic_mods:
            pass
        elif tok.word in t.stop and tok.word not in t.name_parts:
            break
        elif tok.tag in ("a", "b", "ad", "an"):
            if not (i > 0 and (_numbered(tokens, i - 1, t) or (  # 医学院|第一|附属|医院
                    not _is_stop(tokens[i - 1], t) and tokens[i - 1].tag not in ("a", "b")))):
                break
        elif _is_stop(tok, t):
            break
        level_only = len(mods[0].word) == 1 and mods[0].word in t.admin if mods else False
        # 建设|有限公司, 能源开发|有限公司: verbal nouns and set phrases name what a company does
        verb = tok.tag.startswith(VERB_TAGS) and not (tok.tag in ("vn", "i", "l") and head.kind == "enterprise")
        if head.place and not head.alone and (verb or (len(mods) >= 3 and not level_only)):
            break  # (a bare level 镇 in front takes its place name too: 金岭|镇|大户|陈家|村)
        mods.insert(0, tok)
        start = tok.start
        i -= 1
    if i >= 0 and tokens[i].word in t.quantifiers:
        return None
    if i >= 0 and tokens[i].word in t.titles and mods and (
            mods[0].tag in ("nr", "nrfg", "nrt") or (mods[0].tag == "" and 2 <= len(mods[0].word) <= 3)):
        return None  # 主席|杨贵|平和|商会党支部: a person's name after a title, not the start of a body's
    label = _label_before_organisation(mods, t)
    if label:
        mods = mods[label:]  # 建设单位|海南大学化学化工学院…党支部: a label, then the name
        start = mods[0].start
        i = -1  # and nothing before the label opens the name either
    if head.kind in ANCHOR_KINDS and (not head.place or head.kind == "enterprise"):
        start, mods = _anchor(tokens, i, start, head_end, mods, t, head.kind == "enterprise")
        k = sentence.token_index(start) - 1
        if k >= 0 and tokens[k].word in t.quantifiers:
            return None  # **|区…教育中心, 各|市…研究院: the place it reaches back to is masked or generic
    text = sentence.doc.text
    end = head_end
    pm = QUALIFIER_PAREN.match(text, head_end)
    if pm and pm.group(1) in t.paren_qualifiers:
        end = pm.end()
    name = QUOTE_MARKS_SPACE.sub("", text[start:head_end])
    name = QUALIFIER_PAREN.sub("", name)
    if name in t.generic or _in_title_or_quote(sentence, start, head_end):
        return None
    if len(head.word) == 1 and name.endswith(t.title_suffixes):
        return None  # 市委常委: a title, whose body (市委) is found on its own
    if name.startswith(t.collectives):
        return None  # 省直单位机关党委: a collective, not one body
    levels = name[: -len(head.word)]
    if levels and all(ch in t.admin for ch in levels) and (head.alone or len(levels) >= 2):
        return None  # 县市区委书记, 市县乡党委书记: the committees of several levels, not one body
    if head.place and len(name) < 3:
        return None
    mod_words = [m.word for m in mods]
    if mod_words and ANONYMOUS_LETTER.fullmatch(mod_words[-1]):
        return None  # 新昌县H村, A公司: a letter for a name the report leaves out
    if mod_words and mod_words[-1] in t.designations and head.kind == "party" and not quoted:
        return None  # 全国党建工作|样板|支部: a designation conferred on branches, not a branch's name
    if len(mod_words) == 1 and mod_words[0] in t.level_words and head.kind in ("party", "government"):
        k = sentence.token_index(start) - 1
        if k >= 0 and tokens[k].tag in ("q", "m"):
            return None  # 4个街道办事处: counted, so several streets' offices
        return Candidate(start, end, name, head.kind)  # 街道党工委: the street's own committee, as 镇党委
    if mod_words and all(w in t.generic_mods for w in mod_words):
        return None
    prefix = name[: -len(head.word)]
    if (t.generic_run.fullmatch(prefix) and prefix not in t.national) or t.generic_run.fullmatch(name):
        return None  # 新型农村社区, 新型|农村: generic words glued into one token (but 中央|宣传部 is one body)
    if t.verbs_re.search(name):
        return None  # 选优配强村党组织书记: a verb phrase over villages in general
    if not (quoted or _specific(mods, head, t, sentence.doc)):
        return None
    kind = head.kind
    if head.sub:
        inner = t.head_re.findall(name[: -len(head.word)])
        inner = [h for h in inner if not t.heads[h].sub]
        if inner:
            kind = t.heads[inner[-1]].kind
    for prefix, prefix_kind in t.kind_prefixes:
        if head.alone and name.startswith(prefix):
            kind = prefix_kind  # 共青团海南省委 (but 共青团海南省委机关党委 is a party committee)
    return Candidate(start, end, name, kind)


def _name_char(tok: Token, t: Tables) -> bool:
    """Is this a single character jieba split off a name (晓|东村 for 晓东村, 中|廖村 for 中廖村)?"""
    if len(tok.word) != 1 or tok.word in t.stop:
        return False
    return tok.tag in ("nr", "ns", "nz", "nrt", "ng") or (tok.word in NAME_OPENERS and tok.tag in ("f", "a", "b"))



def _label_before_organisation(mods: list[Token], t: Tables) -> int:
    """How many leading words are a label before a named organisation (jieba's nt) or place (ns).

    培育建设单位|海南大学化学化工学院…: a word from body_label_words.txt right
    before an organisation's or a place's name ends a label that describes the body.
    """
    for k in range(len(mods) - 1, 0, -1):
        if mods[k].tag in ("nt", "ns") and mods[k - 1].word in t.label_words:
            return k
    return 0


def _inside_name(tokens: list[Token], i: int, head: Head, mods: list[Token], t: Tables) -> bool:
    """Does a word that would stop the walk belong inside this name all the same?"""
    if head.alone or i == 0:
        return False
    tok, before = tokens[i], tokens[i - 1]
    if tok.word in NAME_JOINERS:  # 住房和城乡建设局, 自然资源和规划厅: one department, not two bodies
        return (bool(mods) and _in_government(head, mods, t) and not t.nested_head(before.word)
                and before.word not in t.generic and before.word not in t.quantifiers
                and (before.tag.startswith("n") or before.tag in ("l", "vn")))
    if tok.tag == "m" and mods and _numbered_company(tok, mods[0], t):
        return True  # 集团|三|公司第四直管项目部党支部, 中铁|二十四|局: the group's No. 3 company, No. 24 bureau
    if tok.tag == "m" and len(tok.word) == 1 and tok.word in VILLAGE_NUMERALS:
        # 大河坝镇三河口村: a numeral opens the village's name after its town
        return head.place and bool(mods) and before.word[-1] in t.admin
    return _numbered(tokens, i, t)  # 市财政局第一党支部: a numbered branch of a named body


def _names_community(mods: list[Token], head: Head, t: Tables) -> bool:
    """Is the name so far a village's or community's (王府|园|社区党委), or is the head one?"""
    if head.place and head.kind == "grassroots":
        return True
    nested = t.nested_head(mods[0].word) if mods else None
    return nested is not None and nested.place and nested.kind == "grassroots"


def _numbered_company(tok: Token, nxt: Token, t: Tables) -> bool:
    """Is this numeral the number of a company or bureau (三|公司, 二十四|局), as state enterprises name them?"""
    nested = t.nested_head(nxt.word)
    return (0 < len(tok.word) <= 3 and all(ch in COMPANY_NUMERALS for ch in tok.word) and nested is not None
            and nested.kind in ("enterprise", "government") and nxt.word == nested.word)


def _numbered(tokens: list[Token], k: int, t: Tables) -> bool:
    """Is tokens[k] an ordinal right after a named body or place (市财政局|第一|党支部)?"""
    return (k > 0 and ORDINAL.fullmatch(tokens[k].word) is not None
            and (t.nested_head(tokens[k - 1].word) is not None or tokens[k - 1].tag in PLACE_TAGS))


def _in_government(head: Head, mods: list[Token], t: Tables) -> bool:
    """Is the name a government department, or a body of one (市住房和城乡建设局党组)?"""
    if head.kind == "government":
        return True
    nested = [t.nested_head(m.word) for m in mods]
    return any(h is not None and h.kind == "government" for h in nested)


def _anchor(tokens: list[Token], i: int, start: int, head_end: int, mods: list[Token],
            t: Tables, enterprise: bool = False) -> tuple[int, list[Token]]:
    """Reach back over verbs to a level prefix or place that opens the name (省|交通规划勘察设计研究院).

    An enterprise's name may also open with a brand (中车|大连机车研究所有限公司).
    """
    k = i
    reach = start  # where a brand must end to open the name
    while k >= 0 and head_end - tokens[k].start <= MAX_ANCHOR:
        tok = tokens[k]
        if (tok.tag == "x" or tok.word in t.stop or tok.word in t.quantifiers or tok.word in t.label_words
                or t.nested_head(tok.word)):
            return start, mods  # (培育建设单位|海南大学: not across the label before a name either)
        before = tokens[k - 1] if k > 0 else None
        opens = before is None or before.tag == "x" or before.word in t.stop
        # a brand opens the name only right before it, never across a verb (占旗|能|公司); it may be two words
        # (太和|康美(北京)中医研究院有限公司)
        brand = enterprise and len(tok.word) >= 2 and tok.tag in ("nz", "nt", "j", "") and tok.end == reach
        if opens and (tok.word in t.admin or tok.tag == "ns" or brand):
            return tok.start, tokens[k:i + 1] + mods
        if brand:
            reach = tok.start
        k -= 1
    return start, mods


def _specific(mods: list[Token], head: Head, t: Tables, doc: Document | None = None) -> bool:
    """Does the name single out one body (a place, a proper name, a level prefix, a parent body)?"""
    if not mods:
        return head.alone
    if head.alone:
        return True
    first = mods[0].word
    if first[0] in t.admin and first not in t.generic_mods:
        return True
    for k, m in enumerate(mods[:-1]):
        if _numbered_company(m, mods[k + 1], t):
            return True  # 三公司第四直管项目部党支部
    for k, m in enumerate(mods):
        if ORDINAL.fullmatch(m.word) and any(not t.generic_run.fullmatch(x.word) for x in mods[:max(k - 1, 0)]):
            return True  # 整理公司第二党支部: a numbered branch of a named body (not of 机关党总支)
    for k, m in enumerate(mods):
        if m.word in t.name_markers and any(x.word not in t.generic_mods for x in mods[:k]):
            return True  # 中药材产业链联合党委: a named industry chain
    if first.startswith(t.national):
        return True
    for m in mods:
        if m.word in t.generic_mods or m.word in t.generic:
            continue  # 机关|党总支|第二党支部: a generic body inside says nothing specific
        if m.tag in SPECIFIC_TAGS and (len(m.word) >= 2 or m.tag in ("ns", "nr")):
            return True
        if len(m.word) >= 2 and m.word[-1] in t.admin:
            return True  # 育才生态区, 湾区: a place written with its level
        nested = t.nested_head(m.word)
        if nested and m.word not in t.generic and (len(m.word) > len(nested.word) or nested.alone):
            return True  # 公安局党委, 教育部党组 (a named body inside), but not 公司党委
        if head.place and (m.tag.startswith("n") or m.tag in ("", "a", "b")):
            return True
        if doc is not None and len(m.word) >= 2 and HAN_WORD.fullmatch(m.word) and any(
                _written_as_place(doc, m.word + level) for level in PLACE_LEVELS):
            return True  # 海棠|党群服务中心: the report writes 海棠区 as a place, so 海棠 is one here
    return False


def bodies_in_sentence(doc: Document, sentence: Sentence) -> Iterator[Mention]:
    """Named bodies of one sentence."""
    t = tables()
    found: list[Candidate] = []
    parents: dict[int, Candidate] = {}  # enterprises found so far, by end: a name may go on after one
    text = sentence.text
    for m in t.head_re.finditer(text):
        head = t.heads[m.group(0)]
        if not head.alone and (m.start() == 0 or text[m.start() - 1] in MARKS_BEFORE):
            continue  # a bare head (党委, 社区) after punctuation names nothing: no word needs cutting to see it
        if text.endswith(t.false_head_words, 0, m.end()):
            continue  # 格局, 农村: the head ends an ordinary word (seen in the text, before any word is cut)
        a, b = m.start() + sentence.start, m.end() + sentence.start
        cand = sentence.near(a - WINDOW, b, lambda: _candidate(sentence, a, b, head, parents))  # noqa: B023
        if cand:
            found.append(cand)
            if cand.kind == "enterprise":
                parents[cand.end] = cand
            own = OWN_PARTY_ORG.match(doc.text, cand.end)
            if own and cand.kind != "party":
                # 下洋村的党支部书记: the village's own branch is a body of its own (下洋村党支部)
                found.append(Candidate(cand.start, own.end(), cand.name + own.group(1), "party"))
    kept = _longest(found + _short_forms(doc, sentence, found, t))
    starts = {c.start for c in kept}
    for cand in kept:
        dash = APPOSITION.match(doc.text, cand.end)
        if dash and dash.end() in starts:
            continue  # 全市首个港区大党委——崖州中心渔港党委: a description of the body named after the dash
        yield Mention(type="body", text=doc.text[cand.start:cand.end], start=cand.start, end=cand.end,
                      fields={"name": cand.name, "kind": cand.kind})


def _short_forms(doc: Document, sentence: Sentence, found: list[Candidate], t: Tables) -> list[Candidate]:
    """The short forms of numbered schools named in full earlier (绍兴市第一中学 … 绍兴一中), where written."""
    shorts: dict[str, str] = doc.memory.setdefault("body_short_forms", {})  # short → kind
    out = []
    for short, kind in shorts.items():
        for m in re.finditer(re.escape(short), sentence.text):
            a, b = sentence.start + m.start(), sentence.start + m.end()
            if not any(c.start < b and a < c.end for c in found):
                out.append(Candidate(a, b, short, kind))
    for c in found:
        m = t.numbered.match(c.name)
        if m:
            shorts.setdefault(m.group("place") + m.group("n") + t.short_ends[m.group("end")], c.kind)
    return out


def _longest(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates contained in a longer one (区委 inside 区委组织部)."""
    out = []
    for c in cands:
        if any(o is not c and o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
               for o in cands):
            continue
        if any(o.start == c.start and o.end == c.end for o in out):
            continue
        out.append(c)
    return out
