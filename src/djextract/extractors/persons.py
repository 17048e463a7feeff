"""Persons: real individuals named in the content, with their post and its body (spec §6).

Why names from their context and not from a list: reports name thousands of
village secretaries no list holds. A word is a person's name when jieba's
HMM tags it as one (nr), it opens with a surname, and the text around it says
so: a post right before it (海棠区委书记鲁正兰, 组织部长 严仕恩), a cue
(居民孙瑛, 蔡新文同志, 王伟说), a post after it (李军书记), a body right before
it (省公安厅蔡新文), an apposition (梁琴是九井镇党委委员、组织委员), a list
after one post (外卖骑手何昭辉和刘尧) or before a count of persons (李长君等3名党员), or a
résumé's opening (何华榕，男，汉族，…，现任…). The HMM alone is not enough (it tags
places and common words as names too), and the context alone does not give
the name's length. The post is split from its body by the bodies this
sentence already yielded: what lies between a body and the name is the post.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from itertools import pairwise

from .. import postags as P
from ..document import Document, Sentence
from ..lexicon import derived, load_lines, load_rows, load_set
from ..mention import Mention
from ..patterns import words_pattern
from ..rules import Act, apply, begin, conclude, decide, rule
from ..segment import Segmenter

HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
NAME_FOLLOWERS = (*"说道等和与及在是的也都就为对把被向从将同给告介表带指强认称笑坦感回正", "代表")  # may follow a name
STOP_CHARS = frozenset("说等和与及并在是的了也都就为对把被向从将同给有正还又已曾才却仍要会能便很更最一不")
FUNCTION_OPENERS = frozenset("和与及同向对在从为把被将给跟")  # 和|党务, 向|工人: a function word before a word
MASKED = re.compile(r"[某×xX*＊○〇□]")
HAN = re.compile(r"^[\u4e00-\u9fff·]+$")
STOP_AFTER_TAGS = frozenset({"v", "p", "c", "u", "uj", "ul", "d", "r", "x", "m", "q", "f"})
LIST_JOINERS = ("、", "和", "与", "及")
LIST_ENDS = "".join(LIST_JOINERS) + "等"  # what may follow a name inside a list of names
APPOSITION_VERBS = ("是", "担任了", "担任", "现任", "曾任", "历任", "兼任", "调任", "升任", "出任", "接任", "转任",
                    "改任", "就任", "当选为", "当选", "任", "作为")
CLAUSE_APPOSITION_VERBS = ("现任", "时任", "曾任", "历任")
# 选举董丽丹同志为党支部书记, 王庶民同志为副书记: a verb of electing or appointing before the name, 为 after it
APPOINTING = "(?:选举|推选|推举|选|任命|聘任|聘|增补|委任)"
APPOINTED = re.compile(APPOINTING + "$")
APPOINTED_AS = re.compile(r"(?:同志)?为")
APPOINTED_IN = re.compile(APPOINTING + r"[\u4e00-\u9fff·]{2,4}(?:同志)?为")  # (the first clause of a list)
BIOGRAPHY = re.compile(r"[,，]\s*[男女]\s*[,，、]")  # 何华榕，男，汉族: a résumé's opening (after the name)
NOW_HOLDS = "现任"
SPACE = re.compile(r"\s+")
UNNAMED_UNIT = 3  # characters of a unit named by no name before a post in a list (…、党校校长)
UNNAMED_DEPARTMENT = 6  # … or of a department there (…书记、法律事务部部长)
POST_QUALIFIER = 6  # characters of a qualifier between a body and a post (综合考核一级)
# 李长君等3名党员, 朱正林、张东亮和薛锐等七位同志, 龚俊龙、黄俊康等一众社团骨干, 刘少奇、李立三等革命先驱,
# 王进喜等人: names a count of persons, or a word for them, closes
COUNTED_PERSONS = re.compile(r"等\s*(?:[0-9一二两三四五六七八九十百几]+\s*[名位]"
                             r"|(?:一众|众多)?[\u4e00-\u9fff]{0,2}(?:骨干|先驱|先烈|烈士|革命家|领导人|英雄|英模|模范)"
                             r"|同志|人(?![民才员口力]))")
LIST_BEFORE_COUNT = re.compile(r"(?:[、和与及][\u4e00-\u9fff·]{2,4}?){0,9}" + COUNTED_PERSONS.pattern)
# 朱正林、薛锐两位同志: a list of names that a bare count of persons closes (without 等)
BARE_COUNT = re.compile(r"\s*[0-9一二两三四五六七八九十]{1,3}\s*[名位]")
LIST_THEN_COUNT = re.compile(r"(?:[、和与及][\u4e00-\u9fff·]{2,4}?){1,9}" + BARE_COUNT.pattern)
# 王建军(县委书记), 肖友才(藏族,拉萨市委书记): the post in brackets, after the person's nationality if given
BRACKETED_POST = re.compile(r"[(（](?:[\u4e00-\u9fff]{1,4}族\s*[，,、]\s*)?([\u4e00-\u9fff、]{2,20})[)）]")
AGE_BEFORE = re.compile(r"[0-9一二三四五六七八九十]{1,3}\s*周?岁的?$")  # 80岁的|林幸春
PLACE_OF = re.compile(r"([\u4e00-\u9fff]{2,3})的")  # 是|村里的|专职清扫员
ORGAN_ENDS = "部会院"  # what ends a unit's name before a person's (协调部|朱大国副部长), besides one-character heads
LIST_MARKS = ("、", "，", ",")  # what closes an item of a list of persons
POST_THEN_NAME = "的是）)"  # what may stand between a post and the name of its holder (召集人（…书记）陈辉: a bracket)
REPRESENTATIVE = "为代表"  # 以张诗平为代表的4位村民: the one named for a group
# what makes a sentence worth the names' search, beside the words of the trigger
PERSON_MARKS = re.compile(f"{COUNTED_PERSONS.pattern}|{REPRESENTATIVE}|{BIOGRAPHY.pattern}|{LIST_THEN_COUNT.pattern}"
                          r"|岁的")


@dataclass(frozen=True)
class Cue:
    word: str
    where: str
    gives: str


class Tables:
    def __init__(self) -> None:
        posts = sorted(load_set("persons/posts.txt"), key=len, reverse=True)
        parts = sorted(load_set("persons/post_parts.txt"), key=len, reverse=True)
        post = "(?:" + "|".join(map(re.escape, parts)) + ")*(?:" + "|".join(map(re.escape, posts)) + ")"
        self.post_before = re.compile(f"{post}(?:、{post})*\\s*$")  # ending right before a name
        self.post_words = tuple(posts)
        self.post_after = re.compile(f"{post}(?:、{post})*")  # opening right after an apposition verb
        from .bodies import tables as body_tables

        self.surnames = body_tables().surnames  # (one table: the bodies' rules read it too, 前|张|村)
        self.surname_starts = frozenset(w[0] for w in self.surnames)  # a name opens with one of these
        rows = load_rows("persons/cues.tsv", ("cue", "where", "gives"),
                         ((), ("before", "after"), ("none", "post", "skip", "drop")))
        cues = [Cue(*r) for r in rows]
        self.before = sorted((c for c in cues if c.where == "before"), key=lambda c: -len(c.word))
        self.after = sorted((c for c in cues if c.where == "after"), key=lambda c: -len(c.word))
        self.drop = tuple(c.word for c in self.before if c.gives == "drop")
        self.titles_after = frozenset(posts) | {c.word for c in self.after}  # 卫|老师: what a surname may carry
        self.cue_words = tuple(c.word for c in self.before if c.gives == "none")  # 村民, 居民: a person follows
        self.list_cues = tuple(c.word for c in self.after if c.gives != "skip")  # 毛泽东、邓小平|同志
        syllables = " ".join(load_lines("persons/name_syllables.txt")).split()
        # one syllable, then up to two more: a pattern opening with a plain alternation lets the engine skip
        # every position whose character opens no syllable (as ``(?:…){1,3}`` it tried them all: 2% of the time)
        syllable = words_pattern(syllables)
        self.syllable_name = re.compile(f"{syllable}(?:{syllable}){{0,2}}")
        self.body_heads = tuple(sorted(load_set("persons/body_heads.txt"), key=len, reverse=True))
        self.name_ends = tuple(sorted(load_set("persons/body_name_ends.txt"), key=len, reverse=True))
        self.name_stops = frozenset(load_set("persons/body_name_stops.txt"))
        subunits = load_set("persons/subunits.txt")
        self.subunit = re.compile("^[\u4e00-\u9fff]{1,10}(?:" + "|".join(map(re.escape, subunits)) + ")$")
        # one-character organ words (科, 局, 村) that end a unit's name: the HMM glues them to the name after
        # them (防治科|马岩 guessed as 科马岩)
        self.unit_ends = frozenset(w for w in (*subunits, *body_tables().heads) if len(w) == 1) - self.surname_starts
        # a cue only ever written before a name (村民, 干部) triggers only where a surname follows it: the HMM
        # guess is most of the persons' cost, and 党员干部 alone is everywhere in these reports (10%)
        words = {c.word for c in cues if c.where == "after"} | set(posts)
        before = sorted({c.word for c in self.before} - words, key=len, reverse=True)
        # The words, longest first, then the cues with the surname after them, as one prefix tree: at each
        # position the engine follows the characters read, not 120 alternatives in turn (the search runs on
        # every sentence: 2% of the time). A cue a word opens (none today) is left out: in that order the
        # word always matched first.
        surname = f"(?=\\s?[{''.join(sorted(self.surname_starts))}])"
        live = {b for b in before if not any(b.startswith(w) for w in words)}
        self.trigger = re.compile(words_pattern(words | live, lambda w: surname if w in live else ""))

    def post_ending(self, text: str) -> re.Match[str] | None:
        """``post_before.search(text)``: the posts that end ``text`` (before spaces), if any.

        Why not the search alone: the pattern ends with a post, so a text that does not end with one
        cannot match, and the search would try the pattern at every position of it to find that out
        (most texts before a name: a sentence's opening).
        """
        if not text.rstrip().endswith(self.post_words):
            return None
        return self.post_before.search(text)


@derived
def tables() -> Tables:
    return Tables()


CLAUSE_MARKS = re.compile(r"[，,。；;：:、“”\"！？!?\s]")
BRACKETED = re.compile(r"（[^）]*）|\([^)]*\)")
OPENING_WORDS = ("时任", "由", "在", "据", "经", "从", "向", "对", "把", "被", "让", "请", "与", "和")


def _unnamed_body(before: str, post: str, t: Tables, segmenter: Segmenter) -> tuple[str | None, str]:
    """A post that opens with an organ word (党工委副书记, 村党委委员) after a name the body extractor
    did not take: the name and the organ word are the body, the rest is the post. Else (None, post).
    A verb among the words before says they are a clause, not a name (双泉村省派|任职|村党支部书记)."""
    for k in (0, 1, 2):  # 村|党委委员: a level word may stand before the organ word
        head = next((h for h in t.body_heads if post.startswith(h, k) and len(post) > k + len(h)), "")
        if head:
            break
    else:
        return None, post
    written = BRACKETED.sub("", CLAUSE_MARKS.split(before)[-1])
    for w in OPENING_WORDS:
        if written.startswith(w):
            written = written[len(w):]
            break
    name = written + post[:k]
    if (len(written) < 2 or not HAN.fullmatch(name) or not name.endswith(t.name_ends) or name in t.name_ends
            or any(ch in t.name_stops for ch in written) or t.post_after.search(written)
            or any(tag.startswith("v") and tag != "vn" for tag in map(segmenter.tag, segmenter.cut(written)))):
        return None, post  # 社区党委书记 alone, 他担任党支部书记, 集团|党委书记, 顾问团主席杨贵平和商会|党支部书记
        # (a post inside: a person and another unit): no name before the organ word
    return name + head, post[k + len(head):]


def _has_surname(name: str, surnames: frozenset[str]) -> bool:
    return name[:1] in surnames or name[:2] in surnames


def _ends_name(text: str, pos: int, t: Tables) -> bool:
    """Whether a name may end at ``pos``: punctuation, the end, or a cue or post after it."""
    if pos >= len(text) or not HAN_CHAR.match(text[pos]):
        return True
    rest = text[pos:pos + 4]
    return rest.startswith(NAME_FOLLOWERS) or any(rest.startswith(c.word) for c in t.after) or bool(
        t.post_after.match(rest))


def _word_opens(text: str, pos: int, known: Callable[[str], str | None], t: Tables) -> bool:
    """王军|代表所有: a two-character word opens at ``pos`` and no cue or post one character on, so the name
    ends before it (but 李壮民|主持 and 钟正明|说: a cue after the third character)."""
    return known(text[pos:pos + 2]) is not None and not (
        any(text.startswith(c.word, pos + 1) for c in t.after) or t.post_after.match(text, pos + 1))


COMMON_WORD = 100  # jieba frequency: a two-character "name" seen this often is a word (权威 2073; 林海 51)


def _names(words: list[tuple[str, str]], text: str, t: Tables, known: Callable[[str], str | None],
           freq: Callable[[str], int], taken: Container[str] = ()) -> list[tuple[int, int]]:
    """(start, end) in the sentence of each word the HMM takes for a personal name.

    The HMM often cuts a three-character name short or starts it late (周锐|彬道出,
    马|海燕说): a third character is added when the name can end only after it,
    a surname left alone before it is joined. A surname the HMM left alone before
    a given name it took for a word (副所长|黄|远志) is joined to it when a post
    stands right before. A word the dictionary knows as anything but a name (文明,
    麦收) is none, and so is a four-character one it knows without a compound surname (严于律己), or a
    two-character one it has seen as often as a common word (权威).
    """
    out: list[tuple[int, int]] = []  # a list, not a generator: compiled, its loop's variables stay C locals
    pos = 0
    spans = []
    for w, tag in words:
        spans.append((pos, pos + len(w), w, tag))
        pos += len(w)
    for i, (a, b, w, tag) in enumerate(spans):
        if (tag in P.PERSON_NAME and len(w) == 3 and w[0] in t.unit_ends and HAN.match(w)
                and _has_surname(w[1:], t.surnames) and known(w) is None):
            out.append((a + 1, b))  # 传染病防治科|马岩: the HMM took the unit's last character for a surname
            continue
        if tag in P.PERSON_NAME and 2 <= len(w) <= 4 and HAN.match(w) and _has_surname(w, t.surnames):
            kt = known(w)
            if kt is not None and not kt.startswith("nr"):
                continue
            if kt is not None and len(w) == 4 and w[:2] not in t.surnames:
                continue  # 严于律己, 大展宏图: jieba's dictionary tags thousands of idioms nr; a four-character
                # name it knows opens with a compound surname (欧阳应霁)
            if w[0] in FUNCTION_OPENERS and known(w[1:]) is not None:
                continue
            if len(w) == 2 and i > 0 and len(spans[i - 1][2]) == 1 and spans[i - 1][2] in t.surnames and (
                    i == 1 or not HAN_CHAR.match(spans[i - 2][2][-1]) or t.post_ending(spans[i - 2][2])) \
                    and _ends_name(text, b, t):
                out.append((a - 1, b))  # 马|海燕说
                continue
            if (len(w) == 2 and not _ends_name(text, b, t) and _ends_name(text, b + 1, t) and text[b] not in STOP_CHARS
                    and not _word_opens(text, b, known, t)):
                out.append((a, b + 1))  # 周锐|彬道出
                continue
            nxt = spans[i + 1][2] if i + 1 < len(spans) else ""
            if len(w) == 2 and len(nxt) == 2 and HAN_CHAR.match(nxt[0]) and (
                    nxt[1] == "等" and COUNTED_PERSONS.match(text, b + 1)
                    or nxt[1] in "和与" and i > 0 and t.post_ending(spans[i - 1][2])):
                out.append((a, b + 1))  # 陈小|平等|人, 主席|杨贵|平和|商会…: the name's last character opened a
                continue  # word with the 等 (or 和) that follows the name
            if (len(w) == 2 and i > 0 and t.post_ending(spans[i - 1][2]) and i + 1 < len(spans)
                    and spans[i + 1][3] == "ng" and len(spans[i + 1][2]) == 1 and HAN.match(spans[i + 1][2])):
                out.append((a, b + 1))  # 站长|黄忠|林公车私用: after a post, a bound character (ng) ends the name
                continue
            if (kt == "nr" and len(w) == 2 and freq(w) >= COMMON_WORD
                    and not (i > 0 and t.post_ending(spans[i - 1][2]) and _ends_name(text, b, t))):
                continue  # 权威, 文明, 阳光: jieba's dictionary tags common two-character words nr (but 书记武林感慨)
            out.append((a, b))
        elif (len(w) == 1 and w in t.surnames and i + 1 < len(spans) and 1 <= len(spans[i + 1][2]) <= 2
              and HAN.match(spans[i + 1][2])
              and (BIOGRAPHY.match(text, spans[i + 1][1]) or w + spans[i + 1][2] in taken)):
            out.append((a, spans[i + 1][1]))  # 范|振华，男，汉族: a résumé's name (or one taken before), cut up
        elif (len(w) == 1 and w in t.surnames and tag in P.PERSON_NAME and i + 1 < len(spans)
              and spans[i + 1][3] in P.PERSON_NAME and len(spans[i + 1][2]) == 2 and HAN.match(spans[i + 1][2])
              and (i == 0 or not HAN_CHAR.match(spans[i - 1][2][-1])) and _ends_name(text, spans[i + 1][1], t)):
            out.append((a, spans[i + 1][1]))  # 、李|红梅(: a surname alone, then a given name jieba knows as a word
        elif (len(w) == 1 and w in t.surnames and (tag in P.PERSON_NAME or tag == "ng") and i + 1 < len(spans)
              and len(spans[i + 1][2]) == 2 and HAN.match(spans[i + 1][2])
              and (i == 0 or not HAN_CHAR.match(spans[i - 1][2][-1]) or _ends_unit(spans[i - 1][2], t)) and (
                  t.post_after.match(text, spans[i + 1][1])  # (协调部|朱|大国|副部长: a common word, then the post)
                  or freq(spans[i + 1][2]) < COMMON_WORD and spans[i - 1][2] == "、"
                  and text[spans[i + 1][1]:spans[i + 1][1] + 1] in LIST_ENDS)):
            out.append((a, spans[i + 1][1]))  # ，王|志民|主任等, 冯炳秀、陈|国雄、: a rare word after the HMM's
            # surname, with a post after it or inside a list of names
        elif (len(w) == 2 and w[0] in t.surnames and tag not in P.PERSON_NAME and freq(w) < COMMON_WORD
              and i > 0 and t.post_ending(spans[i - 1][2]) and i + 1 < len(spans)
              and len(spans[i + 1][2]) == 1 and spans[i + 1][3] in P.PERSON_NAME and HAN.match(w + spans[i + 1][2])
              and _ends_name(text, spans[i + 1][1], t)):
            out.append((a, spans[i + 1][1]))  # 书记|许成|仓同志: a surname that is also a word (许 "about") glued
        elif len(w) == 1 and w in t.surnames and w not in FUNCTION_OPENERS and i + 1 < len(spans) and i > 0 and (
                t.post_ending(_word_before(spans, i))  # (a heading's byline: 党总支书记 张|振华)
                or tag in P.PERSON_NAME and spans[i - 1][2].endswith(t.cue_words)):  # (not 居民|管|室内)
            na, nb, nw, ntag = spans[i + 1]
            if 1 <= len(nw) <= 2 and HAN.match(nw) and ntag not in STOP_AFTER_TAGS and ntag not in P.PERSON_NAME:
                out.append((a, nb))  # 副所长|黄|远志, 村民|董|连营
            elif ntag in P.PERSON_NAME and len(nw) == 2 and HAN.match(nw):
                out.append((a, nb))  # 主任|张|小春, 书记|李|红梅: a given name the HMM took for a name of its own
            elif len(nw) == 2 and HAN.match(nw) and ntag in ("v", "a") and text[nb:nb + 1] in LIST_MARKS:
                out.append((a, nb))  # 党委书记|张|富强|、: a given name that is a word, closed by a list mark
            elif tag in P.PERSON_NAME and HAN_CHAR.match(text[a + 1:a + 2]):  # 书记|李|明说: the HMM's surname alone
                if (text[a + 2:a + 3] in STOP_CHARS or not _ends_name(text, a + 3, t)
                        or _ends_name(text, a + 2, t) and _word_opens(text, a + 2, known, t)):
                    if _ends_name(text, a + 2, t):
                        out.append((a, a + 2))
                elif HAN_CHAR.match(text[a + 2:a + 3]):
                    out.append((a, a + 3))
    out = [(a, b - 1) if b - a >= 3 and text[b - 1] == "等" and COUNTED_PERSONS.match(text, b - 1) else (a, b)
           for a, b in out]  # 部长|徐|平等|人: the 等 of 等人 closes a list, it ends no name
    return _with_dots(_syllable_names(_married_names(out, text, t, taken), text, t), text, t)


def _married_names(spans: list[tuple[int, int]], text: str, t: Tables, taken: Container[str]) -> list[
        tuple[int, int]]:
    """新民党主席叶刘淑仪, 行政长官林郑月娥: right after a post, a name of two surnames and a two-character given
    name, as Hong Kong and Macau write a married woman's (her husband's surname before her own); the HMM
    takes three characters of it (刘淑仪) or the two surnames (林郑), and the name, once taken, is found again
    wherever the two surnames are."""
    out = []
    for a, b in spans:
        if b - a == 3 and a >= 1 and text[a - 1] in t.surnames and text[a] in t.surnames and t.post_ending(
                text[:a - 1]):
            a -= 1
        elif (b - a == 2 and text[a + 1] in t.surnames and HAN.match(text[b:b + 2]) and len(text) >= b + 2
              and (text[a:b + 2] in taken or t.post_ending(text[:a]) and _ends_name(text, b + 2, t)
                   and not _ends_name(text, b, t) and not _ends_name(text, b + 1, t))):  # (副镇长李强|介绍)
            b += 2
        out.append((a, b))
    return out


def _ends_unit(word: str, t: Tables) -> bool:
    """Does this word end a unit's name, so that a person's may follow it (协调部|朱大国副部长)?"""
    return word[-1] in t.unit_ends or word[-1] in ORGAN_ENDS


def _word_before(spans: list[tuple[int, int, str, str]], i: int) -> str:
    """The word before span ``i``, across one run of spaces (a byline: 村党总支书记 张振华)."""
    return spans[i - 2][2] if i > 1 and spans[i - 1][2].isspace() else spans[i - 1][2]


DOTTED = re.compile(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+")  # 艾尔肯·吐尼亚孜: a transliterated name


def _with_dots(spans: list[tuple[int, int]], text: str, t: Tables) -> list[tuple[int, int]]:
    """艾尔肯·吐尼亚孜, 阿不都热合曼·买买提: a name written in parts joined by middle dots is one name; the HMM
    takes its first part at most. It opens where the HMM's name does, else right after a post, and ends where
    a name may (主持, 介绍 after it)."""
    if "·" not in text:
        return spans
    out = []
    for m in DOTTED.finditer(text):
        first, last = m.start(), m.group().rfind("·") + m.start() + 1
        inside = [x for x in spans if first <= x[0] < last]
        opens = [k for k in range(first, text.index("·", first) - 1) if t.post_ending(text[:k])]
        start = inside[0][0] if inside else opens[-1] if opens else None
        end = next((k for k in range(last + 1, m.end() + 1) if _ends_name(text, k, t)), None)
        if start is not None and end is not None:
            out.append((start, end))
    out += [x for x in spans if not any(a <= x[0] < b for a, b in out)]
    return sorted(out)


def _syllable_names(spans: list[tuple[int, int]], text: str, t: Tables) -> list[tuple[int, int]]:
    """乡党委书记扎西次仁, 县长格桑多吉: a Tibetan name (persons/name_syllables.txt) right after a post, where
    the HMM found no name."""
    out = list(spans)
    for m in t.syllable_name.finditer(text):
        a, b = m.span()
        if (not any(x <= a < y or a <= x < b for x, y in spans) and t.post_ending(text[:a])
                and _ends_name(text, b, t)):
            out.append((a, b))
    return sorted(out) if len(out) > len(spans) else spans


def _body_ending_at(bodies: list[Mention], pos: int) -> Mention | None:
    """The longest body of the sentence that ends at doc offset ``pos``."""
    return min((m for m in bodies if m.end == pos), key=lambda m: m.start, default=None)


class Person:
    """One name the HMM found, and what the rules say of it: its post and body, and whether the text backs it."""

    __slots__ = ("doc", "sentence", "text", "t", "bodies", "last", "a", "b", "name", "post", "body", "listed")

    def __init__(self, doc: Document, sentence: Sentence, a: int, b: int, bodies: list[Mention],
                 last: tuple[int, str | None, str | None] | None, listed: bool = False) -> None:
        self.doc, self.sentence, self.text, self.t = doc, sentence, sentence.text, tables()
        self.bodies, self.last, self.a, self.b = bodies, last, a, b
        self.listed = listed  # a name of a list whose last name a cue follows (毛泽东、邓小平同志)
        self.name = self.text[a:b]
        self.post: str | None = None
        self.body: str | None = None

    @property
    def left(self) -> str:
        return self.text[:self.a]

    @property
    def right(self) -> str:
        return self.text[self.b:]


# -- the name ------------------------------------------------------------------------------------------------

@rule()
def masked(p: Person) -> Act | None:
    """张某, 李XX, 王**: a name the report leaves out."""
    return Act.REJECT if MASKED.search(p.name) else None


@rule("persons/posts.txt")
def start_of_a_post(p: Person) -> Act | None:
    """安保|人员: the start of a post, not a name."""
    post_here = p.t.post_after.match(p.text, p.a)
    return Act.REJECT if post_here and post_here.end() > p.b else None


@rule("persons/posts.txt", "persons/cues.tsv")
def surname_and_title(p: Person) -> Act | None:
    """卫老师, 王书记: a surname with a post or a title after it is no full name (spec §6, 李大爷)."""
    for k in (1, 2):
        if p.name[:k] in p.t.surnames and p.name[k:] in p.t.titles_after:
            return Act.REJECT
    return None


@rule("persons/cues.tsv")
def cue_that_skips(p: Person) -> Act | None:
    """A word around the name that says it is none (persons/cues.tsv, gives skip): a credit before it (记者 孙超),
    a formula after it (以习近平同志为核心的党中央 names the Party Centre, as 习近平新时代…思想 names a theory)."""
    left = p.left
    if any(left.endswith(c.word) or left.rstrip().endswith(c.word) for c in p.t.before if c.gives == "skip"):
        return Act.REJECT
    right = p.right
    if any(right.startswith(c.word) for c in p.t.after if c.gives == "skip"):
        return Act.REJECT
    return None


# -- evidence: the first rule that finds some decides, with the post and body it gives ------------------------

def _section_of(p: Person, end: int) -> Mention | None:
    """The nearest body of the sentence followed by a section that runs up to sentence offset ``end``
    (福建省委组织部|组织二处); None when there is none. A section does not run across the person named
    before (人事处|处长权秋虎和离退处|处长董侠: 离退处 is not a section of 人事处)."""
    base, text = p.sentence.start, p.text
    after = p.last[0] if p.last is not None else -1
    return max((x for x in p.bodies if after <= x.end - base < end and p.t.subunit.match(text[x.end - base:end])),
               key=lambda x: x.end, default=None)


def _body_and_section(p: Person, end: int) -> str | None:
    """The body and section of ``_section_of`` as one name."""
    sub = _section_of(p, end)
    return sub.fields["name"] + p.text[sub.end - p.sentence.start:end] if sub is not None else None


def _post_ending_at(p: Person, end: int) -> tuple[str | None, str | None, int] | None:
    """The post written right before sentence offset ``end``, its body, and the sentence offset where the
    two are written from (the body's start, else the post's); None when no post ends there."""
    t, text, base = p.t, p.text, p.sentence.start
    m = t.post_ending(text[:end])
    if not (m and m.group(0).strip()):
        return None
    ends = [x for x in p.bodies if x.start - base <= m.start() <= x.end - base + 1
            and x.end - base < end
            and text[x.end - base:m.start()] in ("", "的", " ")]  # not across a comma
    at = max(ends, key=lambda x: x.end, default=None)  # 海棠区委|书记, 下洋村的党支部|书记
    pstart = max(m.start(), at.end - base) if at is not None else m.start()
    post = SPACE.sub("", text[pstart:end]).lstrip("的")
    body = at.fields["name"] if at is not None else None
    start = at.start - base if at is not None else m.start()
    if at is None:  # 福建省委组织部|组织二处|处长: a sub-unit between a body and the post
        sub = _section_of(p, m.start())
        if sub is not None:
            body, start = sub.fields["name"] + text[sub.end - base:m.start()], sub.start - base
        else:  # 惠山区委组织部|综合考核一级|科员: what the post is, written between the body and the post
            near = max((x for x in p.bodies if 0 < m.start() - (x.end - base) <= POST_QUALIFIER
                        and _qualifier(text[x.end - base:m.start()])), key=lambda x: x.end, default=None)
            if near is not None:
                body, post = near.fields["name"], text[near.end - base:m.start()] + post
                start = near.start - base
    if body is not None:
        head = next((h for h in t.body_heads if post.startswith(h) and len(post) > len(h)), "")
        body, post = body + head, post[len(head):]  # 金源社区|党总支副书记
    else:
        body, post = _unnamed_body(text[:m.start()], post, t, p.doc.segmenter)
        if body is not None:
            start = m.start() - len(CLAUSE_MARKS.split(text[:m.start()])[-1])
    for word in t.drop:
        if post.startswith(word) and len(post) > len(word):
            post = post[len(word):]
    if body is not None and len(post) == 1:  # 中联部|长刘建超: the body's last character opens the post too
        shared = t.post_ending(body[-1] + post)
        if shared is not None and shared.start() == 0:
            post = shared.group(0)
    return post or None, body, start


def _qualifier(between: str) -> bool:
    """Can these characters between a body and a post say what the post is (综合考核一级, 二级主任)? Not when
    they hold a 的 (直辖市委|书记的北京|市长: the body's secretary, then another post of another place)."""
    return HAN.match(between) is not None and "的" not in between


@rule("persons/posts.txt", "persons/body_heads.txt", "persons/subunits.txt", "persons/post_parts.txt")
def post_before(p: Person) -> Act | None:
    """海棠区委书记鲁正兰: a post right before the name, with the body before the post when there is one.

    When that body follows another post of another body (酵素产业临时党支部副书记、南召县…公司董事长李恒),
    the first pair of the list is the person's: one person carries one body (spec §6).
    """
    found = _post_ending_at(p, p.a)
    if found is None and p.a >= 1 and p.text[p.a - 1] in POST_THEN_NAME:
        found = _post_ending_at(p, p.a - 1)  # 时任兰考县委书记的焦裕禄, 现任…党委书记是王君正: the post, then 的
        # (the name's apposition) or 是 (the name that holds it)
    if found is None:
        return None
    at = found[2]
    if found[1] is None:  # 县委常委、组织部长、党校|校长刘敏, 支部书记、法律事务部|部长王勇: a unit of no name
        # before the post opens it
        k = p.text.rfind("、", 0, at)
        if k >= 0 and (0 < at - k - 1 <= UNNAMED_UNIT or 0 < at - k - 1 <= UNNAMED_DEPARTMENT
                       and p.text[at - 1] in ORGAN_ENDS) and HAN.match(p.text[k + 1:at]):
            at = k + 1
    while at >= 1 and p.text[at - 1] == "、":  # (…党组成员、秘书长: a post of no body of its own)
        first = _post_ending_at(p, at - 1)  # 自治区人大常委会副主任、市委书记、…组长许成仓: the first pair
        if first is None or first[1] is None:
            break
        found, at = first, first[2]
    p.post, p.body = found[0], found[1]
    return Act.ACCEPT


@rule("persons/posts.txt", "persons/post_parts.txt", "persons/subunits.txt")
def post_after(p: Person) -> Act | None:
    """梁绍华院长主持, 科教科陈剑科长等: a post right after the name, with the body (or a body's section) before
    it. The post must end where a name could (郭北|镇长…, 赵巷镇|党委副书记…: a place the HMM took for a name)."""
    t, text, base = p.t, p.text, p.sentence.start
    m = t.post_after.match(text, p.b)
    if m is None or not _ends_name(text, m.end(), t) or p.name[-1] in t.unit_ends:
        return None  # (舒滩村|专职网格员: a unit's name the HMM took for a person's, before a post of it)
    at = _body_ending_at(p.bodies, base + p.a)
    if at is not None:
        body: str | None = at.fields["name"]
    else:  # 市疾控中心|传染病防治科|马岩副科长: a section between the body and the name
        body = _body_and_section(p, p.a)
    p.post, p.body = m.group(0), body
    return Act.ACCEPT


@rule("persons/posts.txt", "persons/post_parts.txt")
def post_in_brackets(p: Person) -> Act | None:
    """王建军(县委书记)、李红梅(县委副书记、县长): the post, and the body before it, in brackets after the name."""
    m = BRACKETED_POST.match(p.text, p.b)
    if m is None or not p.t.post_ending(m.group(1)):
        return None  # (张三(右二): a place in a photo)
    inside, at = m.group(1), p.sentence.start + m.start(1)
    bm = next((x for x in p.bodies if x.start == at and x.end - at < len(inside)), None)
    p.post = inside[bm.end - at:] if bm is not None else inside
    p.body = bm.fields["name"] if bm is not None else None
    return Act.ACCEPT


@rule()
def body_before(p: Person) -> Act | None:
    """省公安厅蔡新文、: the body the person is of, right before the name (not 三井村|麦收现场)."""
    at = _body_ending_at(p.bodies, p.sentence.start + p.a)
    if at is not None and _ends_name(p.text, p.b, p.t):
        p.body = at.fields["name"]
        return Act.ACCEPT
    return None


@rule("persons/cues.tsv")
def cue_before(p: Person) -> Act | None:
    """A word before the name that says a person follows (persons/cues.tsv, before, gives none)."""
    return Act.ACCEPT if any(p.left.endswith(c.word) for c in p.t.before if c.gives == "none") else None


@rule()
def age_before(p: Person) -> Act | None:
    """80岁的林幸春, 现年36岁的穆新建: an age before the name says a person follows."""
    return Act.ACCEPT if AGE_BEFORE.search(p.left) else None


@rule("persons/posts.txt")
def appointed_as(p: Person) -> Act | None:
    """选举董丽丹同志为党支部书记，王庶民同志为党支部副书记: the post the name is elected or appointed to
    (one verb may govern a list of such clauses). Ahead of ``cue_after``, for which the 同志 between says
    only that the name is a person's."""
    after = APPOINTED_AS.match(p.text, p.b)
    left = p.left
    if after is None or not (APPOINTED.search(left) or left.endswith(("，", ",")) and APPOINTED_IN.search(left)):
        return None
    return _holds_post_from(p, after.end())


@rule("persons/cues.tsv")
def cue_after(p: Person) -> Act | None:
    """鲁正兰说, 吴萍同志: a word after the name that says it is a person's (gives post: the word is the post)."""
    for c in p.t.after:
        if p.right.startswith(c.word):
            if c.gives == "post":
                p.post = c.word
            return Act.ACCEPT
    return None


def _post_from(p: Person, at: int) -> tuple[str, str | None] | None:
    """The post written from sentence offset ``at`` (after the body that begins there, if any), and that body;
    a place of a few characters and 的 may come first (张代玖是村里的专职清扫员)."""
    base = p.sentence.start
    bm = next((x for x in p.bodies if x.start == base + at), None)
    pm = p.t.post_after.match(p.text, (bm.end - base) if bm else at)
    if not pm and bm is None:
        where = PLACE_OF.match(p.text, at)
        if where and p.doc.segmenter.known_tag(where.group(1)) == "s":  # the dictionary's place words
            pm = p.t.post_after.match(p.text, where.end())
    if not pm:
        return None
    return pm.group(0), bm.fields["name"] if bm else None


def _holds_post_from(p: Person, at: int) -> Act | None:
    """Accept the person with the post (and body) written from ``at``; None when no post is written there."""
    found = _post_from(p, at)
    if found is None:
        return None
    p.post, p.body = found
    return Act.ACCEPT


@rule("persons/posts.txt")
def apposition(p: Person) -> Act | None:
    """王某某任县委书记, 范振华曾任衡阳市民政局局长: a verb after the name that gives the post (and the body
    before it); after a comma, only a verb that can open nothing but a post (1963年出生的胡泽，现任…县委书记)."""
    right = p.right
    comma = len(right) - len(right.lstrip("，,")) if right[:1] in "，," else 0
    verbs = APPOSITION_VERBS if not comma else CLAUSE_APPOSITION_VERBS  # (胡泽，现任来凤县委书记)
    verb = next((v for v in verbs if right.startswith(v, comma)), None)
    if verb is None:
        return None
    return _holds_post_from(p, p.b + comma + len(verb))


@rule("persons/posts.txt")
def biography(p: Person) -> Act | None:
    """何华榕，男，汉族，1966年12月出生，…，现任九三学社衡阳市委主委: a résumé opens with the name and the
    sex; its 现任 (at most one résumé on) gives the post held now."""
    if not BIOGRAPHY.match(p.text, p.b):
        return None
    now = p.text.find(NOW_HOLDS, p.b)
    if now >= 0 and not BIOGRAPHY.search(p.text, p.b + 1, now):
        found = _post_from(p, now + len(NOW_HOLDS))
        if found is not None:
            p.post, p.body = found
    return Act.ACCEPT


@rule()
def counted_with_others(p: Person) -> Act | None:
    """李长君等3名党员: a name that a count of persons closes (alone or in a list) is a person's;
    so is the one a group is named for (以张诗平为代表的4位村民), and the first of a list a bare count closes
    (朱正林、薛锐两位同志: the rest follow it, same_post_in_a_list)."""
    if LIST_BEFORE_COUNT.match(p.text, p.b) or LIST_THEN_COUNT.match(p.text, p.b):
        return Act.ACCEPT
    if p.text.startswith(REPRESENTATIVE, p.b) and p.left.endswith("以"):
        return Act.ACCEPT
    return None


@rule()
def same_post_in_a_list(p: Person) -> Act | None:
    """外卖骑手何昭辉和刘尧: one post for the list (副主任周霁(常务)、郑雁雄: a note in brackets may close a name,
    a space may follow the mark)."""
    last = p.last
    if last is not None and BRACKETED.sub("", p.text[last[0]:p.a]).strip() in LIST_JOINERS:
        p.post, p.body = last[1], last[2]
        return Act.ACCEPT
    return None


@rule("persons/cues.tsv")
def listed_before_a_cue(p: Person) -> Act | None:
    """毛泽东、邓小平同志, 王建国、李红梅主持, 张三、李四等同志: the names of a list the last of which a cue follows."""
    return Act.ACCEPT if p.listed else None


def _listed_before_a_cue(spans: list[tuple[int, int]], text: str, t: Tables) -> set[int]:
    """Indexes of the names of ``spans`` (not the last) in a list of names joined by 、 or 和 whose last name
    a cue after names follows (directly, or after 等)."""
    out: set[int] = set()
    run: list[int] = []
    for k, (a, b) in enumerate(spans):
        if run and text[spans[run[-1]][1]:a] not in LIST_JOINERS:
            run = []
        run.append(k)
        rest = text[b:].removeprefix("等")
        if len(run) > 1 and rest.startswith(t.list_cues):
            out.update(run[:-1])
    return out


@rule()
def no_evidence(p: Person) -> Act | None:
    """A name with no post, body, cue or list around it is not taken (the HMM guesses names freely)."""
    return Act.REJECT


@rule()
def known_person(p: Person) -> Act | None:
    """A person named again without a post takes the post and body given at the first mention."""
    memory: dict[str, tuple[str | None, str | None]] = p.doc.memory.setdefault("persons", {})
    if p.post is None and p.body is None and p.name in memory:
        p.post, p.body = memory[p.name]
        return Act.GO_ON
    memory.setdefault(p.name, (p.post, p.body))
    return None


STAGES = (("name", (masked, surname_and_title, start_of_a_post, cue_that_skips)),
          ("evidence", (post_before, post_after, post_in_brackets, body_before, same_post_in_a_list, cue_before,
                        age_before, appointed_as, cue_after, listed_before_a_cue, apposition, biography,
                        counted_with_others, no_evidence)),
          ("memory", (known_person,)))
"""The person rules stage by stage, in the order they run (``djextract explain --rules``); in the evidence
stage the first rule that finds some decides."""


def _words_near_triggers(doc: Document, sentence: Sentence, bodies: list[Mention], t: Tables) -> list[
        tuple[str, str]]:
    """The sentence's words with parts of speech, guessed only in the clauses a name could be taken from.

    Why: the HMM guess is most of the persons' cost, and a name is only taken
    with a post, cue or body beside it: in the clause of a trigger word or a
    body, the clause on either side, and a list (、) running on from them. The clauses
    in between stay one word tagged ``x`` each, so offsets are kept; jieba
    cuts at every clause mark anyway, so the words kept are the words it gives.
    """
    text = sentence.text
    cuts = [0] + [m.end() for m in CLAUSE_MARKS.finditer(text)] + [len(text)]
    clauses = [(a, b) for a, b in pairwise(cuts) if b > a]
    keep = [False] * len(clauses)
    hits = [m.start() for m in t.trigger.finditer(text)]
    hits += [m.start - sentence.start for m in bodies if sentence.start <= m.start < sentence.start + len(text)]
    marks = [m.start() for m in PERSON_MARKS.finditer(text)]
    hits += marks
    for i, (a, b) in enumerate(clauses):
        if any(a <= h < b for h in hits):
            for j in (i - 1, i, i + 1):
                if 0 <= j < len(clauses):
                    keep[j] = True
    for i in range(1, len(clauses)):  # 书记张三、李四、王五: the list runs on
        if keep[i - 1] and text[clauses[i - 1][1] - 1] == "、":
            keep[i] = True
    for h in marks:  # 朱正林、张东亮、…和薛锐等七位同志: the list a count closes runs back
        i = next(k for k, (a, b) in enumerate(clauses) if a <= h < b)
        while i > 0 and text[clauses[i - 1][1] - 1] == "、":
            i -= 1
            keep[i] = True
    words: list[tuple[str, str]] = []
    i = 0
    while i < len(clauses):
        j = i
        while j < len(clauses) and keep[j] == keep[i]:
            j += 1
        piece = text[clauses[i][0]:clauses[j - 1][1]]
        words += doc.segmenter.pos_cut(piece, t.surname_starts) if keep[i] else [(piece, "x")]
        i = j
    return words


def persons_in_sentence(doc: Document, sentence: Sentence) -> list[Mention]:
    """Persons of a sentence, each with its post and body when the text states them."""
    t = tables()
    text = sentence.text
    if not t.trigger.search(text) and not PERSON_MARKS.search(text):
        return []
    bodies = [m for m in doc.found if m.type == "body"]
    out: list[Mention] = []
    last: tuple[int, str | None, str | None] | None = None  # end, post, body of the person before
    (_, name_rules), (_, evidence_rules), (_, memory_rules) = STAGES
    spans = _names(_words_near_triggers(doc, sentence, bodies, t), text, t, doc.segmenter.known_tag,
                   doc.segmenter.freq, doc.memory.get("persons", {}))
    listed = _listed_before_a_cue(spans, text, t)
    for k, (a, b) in enumerate(spans):
        p = Person(doc, sentence, a, b, bodies, last, k in listed)
        s, e = sentence.start + a, sentence.start + b
        events = begin(doc, "person", s, e, p.name, ())
        if (apply(name_rules, "name", events, p.name, p) is Act.REJECT
                or decide(evidence_rules, "evidence", events, p.name, p) is Act.REJECT):
            conclude(doc, "rejected")
            continue
        apply(memory_rules, "memory", events, p.name, p)
        conclude(doc, p.name, s, e)
        last = (b, p.post, p.body)
        out.append(Mention(type="person", text=p.name, start=s, end=e, fields={"name": p.name, "post": p.post,
                                                                                "body": p.body}))
    return out
