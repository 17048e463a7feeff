"""Branded programmes: the named initiatives a report promotes (spec §3).

Why evidence and not every quote: reports quote programme names, but also
metaphors (“牛鼻子”), formulae (“四个意识”), honours, festivals and slogans.
A quote becomes a programme when something says it is one — a head after it
(“直通联办”机制), a head inside it (“百日攻坚行动”), a verb that creates or runs
it (打造“红色物业”), or a list it belongs to (“A”“B”等一批党建品牌) — and nothing
says it is something else. All cue words live in data files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, Sentence
from ..lexicon import derived, load_map, load_rows, load_set
from ..mention import Mention
from ..rules import Act, apply, begin, conclude, found_by, rule
from ..schema import PROGRAMME_KINDS
from .bodies import tables as body_tables
from .numbers import TEN
from .quotes import Quote

CLAUSE_END = re.compile(r"[，,。；;！!？?：:]")
# Between two quotes of one list: a list mark, or who each belongs to (马亮村“…”、青法村“…”;
# 院系党组织“五个到位”、基层党支部“七个有力”的建设标准)
LIST_GAP = re.compile(r"^(?:[、和及与]|以及|、?[\u4e00-\u9fff]{2,6}(?:村|社区|党组织|党支部|支部|党委|党总支))?$")
GLOSS = re.compile(r"[(（][^()（）]{1,40}[)）]")
PART_SPLIT = re.compile(r"[、，,]")  # between the parts of a name written as a series
END_GLOSS = re.compile(r"[(（][^()（）]{1,40}[)）]$")
NUMERALS = TEN + "两"
HARD_BREAK = re.compile(r"[。；;：:！!？?]")  # what a definition does not run across
CODE_ONLY = re.compile(r"^[\d\s·\-—.+:/]+$")
HOURS = re.compile(r"^[\d×xX*]+(?:小时|天|分钟)$")  # “7×24小时”: service hours, not a name
MAX_HEAD_OFFSET = 12
BODY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:党支部|党总支|党委|支部)")
HEAD_CUT = re.compile(r"[“「『\"《、]")  # a head after a quote stops at the next quote or list mark
HEAD_LEAD = re.compile(rf"等(?:一批|一系列|[{NUMERALS}\d]+(?:大|个|项|类)?)?|的")
# (“3A”即达到…标准: 即 defines the quote; “如何做好…”这一主题进行了系统讲解: 这一 names what the quote is)
HEAD_BREAK = re.compile(r"[的为是在把将即]|提升|带动|这一|这个")
VERB_GAP_BREAK = re.compile(r"[，,。；;、“”\"的与和及]")  # 开展与企业发展“共频共振”: 开展 is a noun there
# two counts, each with its part (三会一课, 千企兴千村, 一支队伍一次完成; not 双万元户, 千亿县, 四位一体, nor a
# number: 十一五, 九二共识)
NOT_A_NOUN_AFTER = "的地得是为和与及"
IDIOM_TAGS = ("i", "l")
TWO_COUNTS = re.compile(r"[一二三四五六七八九十两双百千](?![个项条类种名位万亿]|[一二三四五六七八九十两百千])"
                        r"[\u4e00-\u9fff]{1,4}?[一二三四五六七八九十两百千](?![万亿]|体|[一二三四五六七八九十])"
                        r"[\u4e00-\u9fff]{1,4}")
# one count of three or more and a part that is no measure word nor number (三|必谈, 三|网协同; not 十条…,
# 四个…, 四人帮, 十一五)
ONE_COUNT = re.compile(r"[三四五六七八九十](?![个项条类种名位件批次年月天届期大万亿人口]|[一二三四五六七八九十])"
                       r"[\u4e00-\u9fff]{2,6}")
LIST_MARKS = re.compile(r"[、，,]")  # a name with one is a list, which no single head names
COUNTED_HEAD = re.compile(rf"[{NUMERALS}\d][个项类种]$")  # 一个|品牌: a number before the head
GRADE_AFTER = ("级", "星级")  # “五星”级, “四星”级党支部
FRAME_REACH = 16  # characters before a quote in which 以 may open a frame, and after it to 为…
FRAME_GAP = 8  # words between the quote and 为主线 (“1+2+7”工作任务落实为主线)
FRAMED_NAME = 8  # longest quoted text a frame alone makes a programme (longer ones are slogans)
DE_PHRASE = 12  # characters after a quote's 的 in which a head may name what the quote is
# 标准化, 品牌化: an adjective or verb made from the head word; 活动场所, 活动室: a place named after it
WORD_SUFFIX = ("化", "场所", "室", "场地")
JOINED = re.compile(r"[和与及、]")
HEAD_GAP_BREAK = re.compile(r"[为的和与及是在以把将对]")  # 管理系统|为|载体: two heads, not one
# A title conferred from above opens with its level: 全国…, 省级…, 河南省…, 海口市…
CONFERRED_LEVEL = re.compile(r"(?:全国|全省|全市|全区|全县|国家级|省级|市级|县级|区级|[\u4e00-\u9fff]{2,4}[省市])")
HONOUR_QUANTITY = re.compile(rf"(?:第[^\s，,]{{1,3}}批)?\d*[{TEN}百千]*[个名家项]?$")


@dataclass
class Head:
    word: str
    kind: str
    after: bool
    inside: bool


class Tables:
    def __init__(self) -> None:
        self.heads: dict[str, Head] = {}
        heads = load_map("programmes/heads.tsv", ("head", "kind", "position"),
                         ((), (*PROGRAMME_KINDS, "site"), ("", "after", "inside", "both")))
        for word, (kind, position) in heads.items():
            where = position or "both"
            self.heads[word] = Head(word, kind, where in ("after", "both"), where in ("inside", "both"))
        after = sorted((h for h in self.heads.values() if h.after), key=lambda h: len(h.word), reverse=True)
        inside = sorted((h for h in self.heads.values() if h.inside), key=lambda h: len(h.word), reverse=True)
        self.after_re = re.compile("|".join(re.escape(h.word) for h in after))
        self.inside_re = re.compile("(?:" + "|".join(re.escape(h.word) for h in inside) + ")$")
        self.verbs = {k: v[0] for k, v in load_map("programmes/verbs.tsv", ("verb", "kind"),
                                                   ((), PROGRAMME_KINDS)).items()}
        # the verbs that hold activities (开展, 举办): between a quote and a head they run the head instead
        self.verb_inside = re.compile("|".join(re.escape(v) for v, kind in self.verbs.items()
                                               if kind == "campaign" and len(v) >= 2) or "(?!)")
        self.verb_re = re.compile("(?:" + "|".join(re.escape(v) for v in sorted(self.verbs, key=len, reverse=True))
                                  + ")了?")
        self.stop = load_set("programmes/stop.txt")
        cues = load_rows("programmes/honour_cues.tsv", ("cue", "position"), ((), ("before", "after")))
        self.honour_before = tuple(w for w, p in cues if p == "before")
        self.honour_after = tuple(w for w, p in cues if p == "after")
        self.honour_titles = tuple(load_set("programmes/honour_titles.txt"))
        self.known = {k: (kind, head or None) for k, (kind, head) in load_map(
            "programmes/known.tsv", ("name", "kind", "head"), ((), PROGRAMME_KINDS)).items()}
        # Unquoted names: a numeral and a coined word before a short head (四亮工程), and
        # numbered editions of a competition (海南省第九届…展播评比).
        coined = [h.word for h in inside if len(h.word) == 2 and h.kind in ("project", "campaign")
                  or h.word.endswith("工作法")]  # (四小工作法, 一线工作法: a numbered method, as 四亮工程)
        contests = [h.word for h in inside if h.kind == "campaign" and h.word.endswith(("赛", "比", "选", "会"))]
        # (not a measure word or a length of time after the numeral: 一次活动, 三年行动计划; nor the 是 of a
        # list of points: 三是抓活动)
        numbered = (rf"[{NUMERALS}][^\s大个项类级届批年月天日次场期轮名位种支条件篇家所户是\d{NUMERALS}的，,。、]"
                    rf"{{1,2}}"
                    rf"(?:{'|'.join(map(re.escape, coined))})")
        # Why a second pattern: the full one starts with a look-behind, so the regex engine tries it at
        # every position; this one starts with a numeral, which it skips to. No match here and no 届
        # means the full pattern cannot match either.
        self.unquoted_hint = re.compile(numbered)
        # after a verb that runs a programme too (推行四亮工程); a look-behind needs one width, so two-character verbs
        verbs2 = "|".join(sorted(re.escape(v) for v in self.verbs if len(v) == 2))
        self.unquoted_re = re.compile(
            rf"(?:(?<=[的、和及与])|(?<![\u4e00-\u9fff])|(?<={verbs2}))({numbered})"
            rf"|((?:[^\W\d_的在与和及]{{2,3}}(?:省|市|区|县))?第[{TEN}\d]+届(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{{2,4}}[)）]){{2,16}}?"
            rf"(?:{'|'.join(map(re.escape, contests))}))"
        )
        campaign_heads = "|".join(map(re.escape, sorted(load_set("programmes/campaign_heads.txt"), key=len,
                                                        reverse=True)))
        openers = "|".join(map(re.escape, sorted(load_set("programmes/campaign_openers.txt"), key=len,
                                                 reverse=True)))
        # 组织联建、服务联抓、产业联兴机制: parts of one length before a head, written without quotes
        scheme_heads = "|".join(map(re.escape, sorted((h.word for h in inside if h.kind == "mechanism"),
                                                      key=len, reverse=True)))
        # (each pattern that starts with a look-behind opens with a look-ahead of what must follow: the
        # regex engine tries such a pattern at every position, and the look-ahead fails at most of them
        # in a few steps, where thirty verbs behind each position take a hundred: a quarter of the time)
        self.parallel_re = re.compile(rf"(?=[\u4e00-\u9fff]{{4}}、)(?:(?<![\u4e00-\u9fff、])|(?<={verbs2}))"
                                      rf"((?:[\u4e00-\u9fff]{{4}}、){{2,}}[\u4e00-\u9fff]{{4}})"
                                      rf"({scheme_heads})")
        # 设立近邻茶话会、近邻慈善互助金等机制: names listed after a verb that creates them, before 等 and a
        # head that says what they are (a verb that only holds activities, 开展, names nothing so)
        makers = "|".join(sorted(re.escape(v) for v, kind in self.verbs.items() if len(v) == 2 and kind != "campaign"))
        # (a head that may also end a name: 机制, 平台; not one only ever after a quote, 方式, 做法)
        made = "|".join(map(re.escape, sorted((h.word for h in after if h.kind != "campaign" and h.inside),
                                              key=len, reverse=True)))
        self.listed_re = re.compile(rf"(?=好?[\u4e00-\u9fff]{{3,10}}、)(?<={makers})"
                                    rf"(?:好)?"  # (实施好…: the verb's complement)
                                    rf"((?:[\u4e00-\u9fff]{{3,10}}、)+[\u4e00-\u9fff]{{3,10}})等({made})")
        self.campaign_re = re.compile(rf"(?:(?<={verbs2})|(?={openers}))(?!{verbs2})"
                                      rf"([^\W\d_]{{2,28}}?(?:{campaign_heads}))")
        self.campaign_hint = re.compile(campaign_heads)  # no head in the sentence: the pattern cannot match
        generic = sorted(load_set("programmes/campaign_generic.txt"), key=len, reverse=True)
        self.campaign_generic = re.compile("(?:" + "|".join(map(re.escape, generic)) + ")+")
        self.goal_words = tuple(sorted(load_set("programmes/goal_words.txt"), key=len, reverse=True))
        self.roles = tuple(sorted((p for p in load_set("persons/posts.txt") if len(p) >= 2), key=len, reverse=True))
        goals = "|".join(map(re.escape, self.goal_words))
        self.goal_after = re.compile(rf"(?:的[\u4e00-\u9fff]{{0,4}}|[\u4e00-\u9fff]{{0,2}})(?:{goals})")
        self.frames = {k: (v[0] or "mechanism") for k, v in load_map("programmes/frames.tsv", ("frame", "kind"),
                                                                     ((), ("", *PROGRAMME_KINDS))).items()}
        frames = sorted(self.frames, key=len, reverse=True)
        # 为抓手, 为总抓手, 为重要载体, 为驱动: a few words of degree may stand before the frame word
        self.as_frame = re.compile("为(?:总|主要|重要|关键|有力)?(" + "|".join(map(re.escape, frames)) + ")")
        self.frame_before = re.compile("(?:总|主要|重要)?(" + "|".join(map(re.escape, frames)) + ")(?:就)?是$")
        framed = (h.word for h in self.heads.values() if h.inside and h.kind in ("campaign", "project")
                  and len(h.word) >= 2)
        framed_heads = "|".join(map(re.escape, sorted(framed, key=len, reverse=True)))
        # 以农村面貌改善行动为切入点: a campaign or project without quotes that a clause takes as its frame
        self.framed_re = re.compile(rf"以([^\W\d_]{{4,20}}?(?:{framed_heads}))为(?:总|主要|重要|关键|有力)?"
                                    rf"(?:{'|'.join(map(re.escape, frames))})")
        figurative = sorted(load_set("programmes/figurative_verbs.txt"), key=len, reverse=True)
        verbs = "|".join(map(re.escape, figurative))
        self.metaphor_pair = re.compile(r"以[“「『\"]([^”」』\"]{1,8})[”」』\"](?:" + verbs + r")[“「『\"]")
        self.known_re = re.compile("|".join(re.escape(k) for k in sorted(self.known, key=len, reverse=True))) \
            if self.known else None


@derived
def tables() -> Tables:
    return Tables()


@dataclass
class Evidence:
    head: str | None
    kind: str
    modifier: str = ""  # the words between the quote and the head word (融合型 in 融合型党建品牌)


def _head_after(text: str, pos: int) -> Evidence | None:
    """A head right after a closing quote, possibly behind 等/等一批/的 or a short modifier."""
    t = tables()
    rest = text[pos:pos + 40]
    gloss = GLOSS.match(rest)
    if gloss:
        rest = rest[gloss.end():]
    rest = CLAUSE_END.split(rest, maxsplit=1)[0]
    m_cut = HEAD_CUT.search(rest)
    if m_cut:
        rest = rest[:m_cut.start()]
    skip = 0
    lead = HEAD_LEAD.match(rest)
    if lead:
        skip = lead.end()
    m = t.after_re.search(rest, skip)
    while m and rest.startswith(WORD_SUFFIX, m.end()):
        m = t.after_re.search(rest, m.end())  # 标准|化, 品牌|化: the head word is inside a longer one
    if not m or m.start() - skip > MAX_HEAD_OFFSET:
        return None
    if lead and lead.group(0) == "的" and m.start() - skip > 2:
        return None  # “等不起”的紧迫感: 的 + a head only when it follows at once or behind a short modifier
    between = rest[skip:m.start()]
    if HEAD_BREAK.search(between) or (len(between) >= 2 and t.verb_inside.search(between)):
        return None  # (“朝阳美好骑士”高丰定期开展活动: a verb between runs the head, not the quote)
    m = _longest_head(rest, m)
    head = rest[skip:m.end()]
    return Evidence(head, t.heads[m.group(0)].kind, between)


def _longest_head(rest: str, m: re.Match[str]) -> re.Match[str]:
    """阵地 → 阵地体系: a head right after a head makes one longer head (the last one says the kind); a head
    that is a programme verb does not (“党员示范楼院”党建品牌|创建: creating the brand, which stays a brand)."""
    t = tables()
    while True:
        nxt = t.after_re.search(rest, m.end())
        if (not nxt or nxt.start() - m.end() > 2 or HEAD_GAP_BREAK.search(rest, m.end(), nxt.start())
                or nxt.group(0) in t.verbs):
            return m
        m = nxt


def _frame(text: str, open_pos: int, after: int) -> str | None:
    """The frame word when the quote is what a clause takes as its 抓手, 主线, 载体 …

    以“岗位练兵”为主题; 以推进…“1+2+7”工作任务落实为主线 (a few words on either side, one clause);
    总抓手就是“五星达标、3A争创”.
    """
    t = tables()
    before = CLAUSE_END.split(text[max(0, open_pos - FRAME_REACH):open_pos])[-1]
    m = t.frame_before.search(before)
    if m:
        return m.group(1)
    if "以" not in before:
        return None
    clause = CLAUSE_END.split(text[after:after + FRAME_REACH], maxsplit=1)[0]
    m = t.as_frame.search(clause)
    return m.group(1) if m and (before.endswith("以") or m.start() <= FRAME_GAP) else None


def _site_kind(kind: str, name: str) -> str:
    """A demonstration site of a programme (“五型”党委示范点) says nothing of its kind; the name does.

    A head inside the name says it (“研学教育基地” is a platform); else a numbered model is a
    mechanism and any other name a brand.
    """
    if kind != "site":
        return kind
    t = tables()
    inside = t.inside_re.search(name) if len(name) >= 3 else None
    if inside and t.heads[inside.group(0)].kind != "site":
        return t.heads[inside.group(0)].kind
    return "mechanism" if name[0] in NUMERALS or name[0].isdigit() else "brand"


def _head_after_de(text: str, pos: int) -> Evidence | None:
    """The head of the noun phrase after a quote's 的, when a verb was the only other evidence."""
    t = tables()
    rest = CLAUSE_END.split(text[pos:pos + DE_PHRASE], maxsplit=1)[0]
    m_cut = HEAD_CUT.search(rest)
    if m_cut:
        rest = rest[:m_cut.start()]
    for m in t.after_re.finditer(rest):
        if HEAD_BREAK.search(rest, 0, m.start()):
            return None
        if not rest.startswith(WORD_SUFFIX, m.end()):
            last = _longest_head(rest, m)
            return Evidence(rest[:last.end()], t.heads[last.group(0)].kind, rest[:m.start()])
    return None


def _clause_list_head(text: str, pos: int) -> Evidence | None:
    """“送清凉”、职工医疗互助…等活动: a later 等 + head in the same clause covers the quote."""
    clause = CLAUSE_END.split(text[pos:pos + 60], maxsplit=1)[0]
    for m in re.finditer("等", clause):
        ev = _head_after(clause, m.start())
        if ev:
            return ev
    return None


def _verb_before(text: str, open_pos: int) -> Evidence | None:
    t = tables()
    window = text[max(0, open_pos - 8):open_pos]
    best = None
    for m in t.verb_re.finditer(window):
        gap = window[m.end():]
        if len(gap) <= 5 and not VERB_GAP_BREAK.search(gap):
            best = m
    if best is None:
        return None
    verb = best.group(0).rstrip("了")
    return Evidence(None, t.verbs[verb])


def _honour(text: str, q: Quote) -> bool:
    t = tables()
    before = HONOUR_QUANTITY.sub("", text[max(0, q.open - 12):q.open])
    if before.endswith(t.honour_before) or text.startswith(t.honour_after, q.close + 1):
        return True
    name = text[q.open + 1:q.close]
    return name.endswith(t.honour_titles) and CONFERRED_LEVEL.match(name) is not None



def _names_body(text: str, q: Quote) -> bool:
    """“海上之家”非公企业党支部: the quote is part of a body's name."""
    m = BODY_AFTER.match(text, q.close + 1)
    return m is not None and tables().after_re.match(text, m.end()) is None


FIVE_YEAR_PLAN = re.compile("(?:十[一二三四五六七八九]?|[六七八九])五")  # “十四五”规划: a period (spec §2), not a name


def _looks_generic(name: str) -> bool:
    """Terms rather than names: 网格化, 体检式, a body (大党委), a code (2·04), service hours (7×24小时)."""
    if len(name) <= 3 and name[-1] in "化式" and name[0] not in NUMERALS:
        return True
    if CODE_ONLY.match(name) or HOURS.match(name):
        return True
    return _body_like(name)


BUILT_KINDS = ("institution", "enterprise")


def _body_like(name: str) -> bool:
    """大党委, 村党委: a short name ending in an organ word (a bare organ word, “党建联盟”, may be a programme;
    so may a school or firm to be built: “阳光学校”, “清廉企业”)."""
    t = body_tables()
    m = t.head_end_re.search(name)
    return (m is not None and len(m.group(0)) >= 2 and len(m.group(0)) < len(name) <= 4
            and t.heads[m.group(0)].kind not in BUILT_KINDS)


def programmes_in_sentence(doc: Document, sentence: Sentence) -> Iterator[Mention]:
    """Programmes of one sentence; claims their spans so figures skip numbers inside them."""
    base = sentence.start
    found = [Quote(q.open - base, q.close - base, q.mark) for q in sentence.quotes]  # sentence-relative
    quotes = [q for q in found if not q.is_title]
    titles = [q for q in found if q.is_title]
    if quotes:
        yield from _quoted(doc, sentence, quotes, titles)
    yield from _unquoted(doc, sentence, found)


def _groups(text: str, quotes: list[Quote]) -> list[list[Quote]]:
    """Quotes that form one list (“A”“B”、“C”, or a parallel series) share their evidence."""
    top = [q for q in quotes if not any(o is not q and o.open < q.open and q.close < o.close for o in quotes)]
    parallel = _parallel_gaps(text, top)
    groups: list[list[Quote]] = []
    for i, q in enumerate(top):
        if groups and (i in parallel or LIST_GAP.match(text[groups[-1][-1].close + 1:q.open])):
            groups[-1].append(q)
        else:
            groups.append([q])
    nested = [q for q in quotes if q not in top]
    groups.extend([q] for q in nested)
    return groups


PARALLEL_GAP = re.compile(r"、[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{2,6}、")


def _parallel_gaps(text: str, top: list[Quote]) -> set[int]:
    """Quotes of a parallel series: three or more, each behind a modifier of one length or before a tail
    of one length (基层治理“一网清”、数据共享“一表通”、履责事项“一单明”; “小板凳”服务在前、“小铃铛”教育在前、…).
    Why: official writing lists the parts of one scheme in parallel, so the series is one list.
    Returns the indexes of the quotes that join the one before them."""
    gaps = [text[a.close + 1:b.open] for a, b in zip(top, top[1:], strict=False)]
    out: set[int] = set()
    i = 0
    while i < len(gaps):
        j = i
        while (j < len(gaps) and PARALLEL_GAP.fullmatch(gaps[j]) and len(gaps[j]) == len(gaps[i])
               and gaps[j].startswith("、") == gaps[i].startswith("、")):  # the list mark on the same side
            j += 1
        if j - i >= 2:
            out.update(range(i + 1, j + 1))
        i = max(j, i + 1)
    return out


class Quoted:
    """One quoted candidate in its group (“A”“B”、“C”等品牌 share their evidence), and what the rules found."""

    __slots__ = ("doc", "sentence", "text", "t", "q", "group", "last", "shared", "verb", "frame", "name", "own",
                 "inside", "ev", "titles", "figurative")

    def __init__(self, doc: Document, sentence: Sentence, q: Quote, group: list[Quote], shared: Evidence | None,
                 verb: Evidence | None, frame: str | None, titles: list[Quote], figurative: set[int]) -> None:
        self.doc, self.sentence, self.text, self.t = doc, sentence, sentence.text, tables()
        self.titles, self.figurative = titles, figurative
        self.q, self.group, self.last = q, group, group[-1]
        self.shared, self.verb, self.frame = shared, verb, frame
        # a gloss that ends the name goes (“一转变两提高(转变工作作风、…)”); a short bracket inside it is
        # part of it (“乡镇（街道）党（工）委—村（社区）党组织—…”)
        self.name = _quote_name(self.text, q)
        self.own: Evidence | None = None
        self.inside: re.Match[str] | None = None
        self.ev: Evidence | None = None


# -- the group: a quote that is no name, whatever evidence it has --------------------------------------------

@rule("programmes/honour_cues.tsv", "programmes/honour_titles.txt")
def honour(c: Quoted) -> Act | None:
    """被评为“全国文明单位”: a title conferred from above (one in the list makes the whole list honours)."""
    return Act.REJECT if any(_honour(c.text, q) for q in c.group) else None


@rule("programmes/figurative_verbs.txt")
def figure_of_speech(c: Quoted) -> Act | None:
    """以“组织链”带动“产业链”: a figure of speech, not two names."""
    return Act.REJECT if any(q.open in c.figurative for q in c.group) else None


@rule("programmes/stop.txt")
def not_a_name(c: Quoted) -> Act | None:
    """Empty, a word of programmes/stop.txt, or longer than a name, brackets aside (quoted speech)."""
    return Act.REJECT if not c.name or c.name in c.t.stop or len(GLOSS.sub("", c.name)) > 30 else None


@rule()
def quoted_speech(c: Quoted) -> Act | None:
    """“我们要全力推进党支部攻坚竞赛行动”，…郭永利坚定地说: a sentence someone says, whatever it ends with."""
    if len(c.name) >= SPEECH and (SPEAKER_AFTER.match(c.text, c.q.close + 1) or SPEAKER_BEFORE.search(
            c.text, 0, c.q.open)):
        return Act.REJECT
    return None


SPEECH = 8  # characters: a shorter quote is a name even with a speaker beside it
SPEECH_VERBS = "说|说道|表示|介绍|指出|强调|坦言|感慨|告诉记者|笑着说"
SPEAKER_AFTER = re.compile(rf"[，,][^，,。；;“”\"]{{0,30}}?(?:{SPEECH_VERBS})[。，,：:]")
SPEAKER_BEFORE = re.compile(rf"(?:{SPEECH_VERBS})[：:]$")


@rule()
def whole_title(c: Quoted) -> Act | None:
    """《“…三年行动计划”》: the quote is the whole document title."""
    text, q = c.text, c.q
    if any(ti.open < q.open and q.close < ti.close and text[ti.open + 1:ti.close].strip("“”\"") ==
           text[q.open + 1:q.close] for ti in c.titles):
        return Act.REJECT
    return None


# -- evidence: what says the quote is a programme (a head after it, in it, a frame, a verb) --------------------

@rule("programmes/heads.tsv")
def head_after(c: Quoted) -> Act | None:
    """“红色物业”品牌, “A”“B”等活动: a head right after the quote, or after the last quote of its list."""
    c.own = _head_after(c.text, c.q.close + 1) if c.q is not c.last else c.shared
    c.ev = c.own or (c.shared if len(c.group) > 1 or c.q is c.last else None)
    return Act.GO_ON if c.ev is not None else None


@rule("programmes/heads.tsv")
def head_inside(c: Quoted) -> Act | None:
    """“六项行动”, “红墙先锋工程”: a head that ends the name (not one counted in a slogan: 每个基层至少一个品牌)."""
    c.inside = _head_inside(c.name, c.t)
    return Act.GO_ON if c.inside else None


def _head_inside(name: str, t: Tables) -> re.Match[str] | None:
    """The head that ends a name, unless a count stands before it (每个基层至少一个品牌)."""
    inside = t.inside_re.search(name) if len(name) >= 4 else None
    counted = COUNTED_HEAD.search(name, 0, inside.start()) if inside else None
    return None if counted and counted.start() > 0 else inside


def _quote_name(text: str, q: Quote) -> str:
    """The name a quote holds (``text`` relative to the quote's offsets)."""
    return END_GLOSS.sub("", text[q.open + 1:q.close]).strip()


@rule()
def adjective_and_head(c: Quoted) -> Act | None:
    """“红墙先锋工程”稳固阵地: the name says what it is; an adjective and a head after it are a phrase."""
    ev = c.ev
    if c.inside and ev is not None and ev.modifier and c.doc.segmenter.known_tag(ev.modifier) in ("a", "ad", "d"):
        c.ev = c.own = None
        if c.q is c.last:
            c.shared = None  # (the group's shared head was this very phrase)
        return Act.GO_ON
    return None


@rule("programmes/heads.tsv")
def named_by_its_head(c: Quoted) -> Act | None:
    """The head inside the name is the evidence when nothing after it is (and the name is no list)."""
    if c.ev is None and c.inside and not LIST_MARKS.search(c.name):
        c.ev = Evidence(None, c.t.heads[c.inside.group(0)].kind)
        return Act.GO_ON
    return None


@rule("programmes/frames.tsv")
def frame(c: Quoted) -> Act | None:
    """以“岗位练兵”为主题, 总抓手就是“…”: what a clause takes as its frame (short names only)."""
    if c.ev is None and c.frame and len(c.name) <= FRAMED_NAME:
        c.ev = Evidence(None, c.t.frames[c.frame])
        return Act.GO_ON
    return None


@rule("programmes/verbs.tsv", "programmes/goal_words.txt", "persons/posts.txt")
def verb_before(c: Quoted) -> Act | None:
    """打造“…”, 开展“…”: a verb that runs or creates it (not a goal: …的战略目标, “…新高地”)."""
    if c.ev is None and c.verb and len(c.name) >= 2 and not re.search(r"[，,]", c.name):
        text, q = c.text, c.q
        goal = c.t.goal_after.match(text, q.close + 1) or c.name.endswith(c.t.goal_words)
        role = len(c.name) > 2 and c.name.endswith(c.t.roles)  # 设立“院落大院长”: a role it creates, held by people
        c.ev = None if goal or role else c.verb
        if c.ev is not None and text.startswith("的", q.close + 1):
            # 推出“支部+项目”的非公党建模式 names a model; 打造“一呼百应”的楼栋战队 describes a team
            c.ev = _head_after_de(text, q.close + 2)
        return Act.GO_ON if c.ev is not None else None
    return None


@rule("programmes/goal_words.txt")
def parallel_parts(c: Quoted) -> Act | None:
    """“急事代办、难事帮办、好事快办”上门服务: a name made of parallel parts of one length, before the noun it
    names, is a coined scheme (a mechanism); not a goal (…建设目标), a topic (…等主题), a quote referred to
    (…这一原则), a frame (以“…”为引领) or one that ends its clause."""
    if c.ev is not None:
        return None
    parts = PART_SPLIT.split(c.name)
    after = c.text[c.q.close + 1:c.q.close + 2]
    if (len(parts) >= 2 and len({len(p) for p in parts}) == 1 and 4 <= len(parts[0]) <= 6
            and "\u4e00" <= after <= "\u9fff" and after not in "的这那等为是"
            and not c.t.goal_after.match(c.text, c.q.close + 1)):
        c.ev = Evidence(None, "mechanism")
        return Act.GO_ON
    return None


@rule("programmes/goal_words.txt", "programmes/frames.tsv")
def numbered_formula(c: Quoted) -> Act | None:
    """“三会一课”, “一镇一业、一村一品”, “三必谈”要求: a short quoted name that counts its parts twice (each
    part of a list so), or once (three or more) before the noun it names, is a coined formula (a mechanism);
    not “四个意识” or “十条…”, whose measure word makes it the count of a list, nor a metaphor or magnitude
    (“一盘棋”, “千亿县”)."""
    if c.ev is not None or c.frame is not None:
        return None  # (以“…”为引领 with a name too long for a frame: a slogan)
    after = c.text[c.q.close + 1:c.q.close + 2]
    counted = all(TWO_COUNTS.fullmatch(part) for part in c.name.split("、")) or (
        ONE_COUNT.fullmatch(c.name) is not None and "\u4e00" <= after <= "\u9fff" and after not in NOT_A_NOUN_AFTER)
    if (not counted or c.doc.segmenter.known_tag(c.name) in IDIOM_TAGS  # 一呼百应: an idiom
            or c.t.goal_after.match(c.text, c.q.close + 1)  # …的思路: a goal
            or after == "为" and not c.t.as_frame.match(c.text, c.q.close + 1)):  # “…”为荣: no frame
        return None
    c.ev = Evidence(None, "mechanism")
    return Act.GO_ON


@rule("programmes/heads.tsv")
def sibling_named_by_its_head(c: Quoted) -> Act | None:
    """“一个支部一件实事”“美好社区先锋行动”“15分钟社区生活圈建设”: a quote listed with one that its head names
    is a programme of the same kind; a list names things of one kind."""
    if c.ev is not None or len(c.group) < 2:
        return None
    for q in c.group:
        name = _quote_name(c.text, q)
        inside = _head_inside(name, c.t) if q is not c.q and not LIST_MARKS.search(name) else None
        if inside is not None:
            c.ev = Evidence(None, c.t.heads[inside.group(0)].kind)
            return Act.GO_ON
    return None


@rule("programmes/heads.tsv")
def part_of_a_numbered_whole(c: Quoted) -> Act | None:
    """“五整合”，…“四统一”，…“三健全”的“543”工作法: the parts that define a numbered programme written
    right after them (…的“四小工作法”) are programmes of its kind."""
    if c.ev is not None:
        return None
    text, t = c.text, c.t
    later = [q for q in c.sentence.quotes if q.open - c.sentence.start > c.q.close and not q.is_title]
    for w in later:
        wo, wc = w.open - c.sentence.start, w.close - c.sentence.start
        if text[wo - 1:wo] != "的" or HARD_BREAK.search(text, c.q.close, wo):
            continue
        name = text[wo + 1:wc]
        if not re.search(rf"[{NUMERALS}\d]", name):
            return None
        parts = [q for q in c.sentence.quotes if q.close - c.sentence.start < wo and not q.is_title
                 and not HARD_BREAK.search(text, q.close - c.sentence.start, wo)]
        whole = _head_after(text, wc + 1) or (
            Evidence(None, t.heads[m.group(0)].kind) if (m := t.inside_re.search(name)) else None)
        if len(parts) >= 2 and whole is not None:
            c.ev = Evidence(None, whole.kind)
            return Act.GO_ON
        return None
    return None


@rule()
def no_evidence(c: Quoted) -> Act | None:
    """A quote with no head, frame or verb is emphasis or speech, not a programme."""
    return Act.REJECT if c.ev is None else None


# -- vetoes ------------------------------------------------------------------------------------------------

@rule()
def generic_term(c: Quoted) -> Act | None:
    """网格化, 体检式, 大党委, 2·04: terms rather than names, unless a head after them says otherwise (a body's
    name only with its own head right after it: “五星支部”创建); a five-year plan's period is none whatever
    follows (“十四五”规划)."""
    if FIVE_YEAR_PLAN.fullmatch(c.name):
        return Act.REJECT
    if _looks_generic(c.name) and (c.ev is c.verb or not (c.own or c.shared) or _body_like(c.name) and not (
            c.own and not c.own.modifier)):
        return Act.REJECT
    return None


@rule()
def counted_word(c: Quoted) -> Act | None:
    """建立三道“关卡”: a common noun of the dictionary, quoted right after a count and with no head after it, is
    the thing counted, quoted for emphasis; a coined name is no word of the dictionary (建成12个“党员之家”)."""
    if c.own is not None or not COUNT_BEFORE.search(c.text[max(0, c.q.open - 4):c.q.open]):
        return None
    tag = c.doc.segmenter.known_tag(c.name)
    common = tag is not None and tag in COMMON_NOUN_TAGS and c.doc.segmenter.freq(c.name) >= COMMON_WORD
    return Act.REJECT if common else None


COUNT_BEFORE = re.compile(rf"[{NUMERALS}\d]+[\u4e00-\u9fff]$")  # 三道, 12个: a numeral and its measure word
COMMON_NOUN_TAGS = ("n", "vn")
COMMON_WORD = 20  # jieba frequency: a word seen this often is a common one (关卡 75; a coinage added to it: 先锋岗 3)


@rule()
def idiom_described(c: Quoted) -> Act | None:
    """筑牢“老有所学”的思想阵地: an idiom in quotes, then 的, says what a thing is for; it names nothing."""
    if c.text.startswith("的", c.q.close + 1) and c.doc.segmenter.known_tag(c.name) in IDIOM_TAGS:
        return Act.REJECT
    return None


@rule()
def part_of_a_body(c: Quoted) -> Act | None:
    """“海上之家”非公企业党支部: the quote is part of a body's name."""
    return Act.REJECT if _names_body(c.text, c.q) else None


@rule()
def grade(c: Quoted) -> Act | None:
    """申报“五星”级党支部: a grade, not a programme."""
    return Act.REJECT if c.text.startswith(GRADE_AFTER, c.q.close + 1) else None


@rule()
def one_character(c: Quoted) -> Act | None:
    """“学”: one character names nothing."""
    return Act.REJECT if len(c.name) == 1 else None


QUOTED_STAGES = (("group", (honour, figure_of_speech)), ("name", (not_a_name, quoted_speech, whole_title)),
                 ("evidence", (head_after, head_inside, adjective_and_head, named_by_its_head, frame, verb_before,
                               parallel_parts, part_of_a_numbered_whole, numbered_formula, sibling_named_by_its_head,
                               no_evidence)),
                 ("veto", (generic_term, counted_word, idiom_described, part_of_a_body, grade, one_character)))
"""Quoted names: the group, the name, the evidence (in order: each may set or clear it), the vetoes."""


def _kind(c: Quoted) -> str:
    """The evidence's kind, else the kind of the head inside the name (“…大讲堂”…等党建品牌 keeps brand)."""
    assert c.ev is not None
    kind = c.ev.kind
    if c.inside and not (c.own or (c.shared and (c.q is c.last or c.shared.kind == "brand"))):
        kind = c.t.heads[c.inside.group(0)].kind
    return _site_kind(kind, c.name)


def _quoted(doc: Document, sentence: Sentence, quotes: list[Quote], titles: list[Quote]) -> Iterator[Mention]:
    text = sentence.text
    figurative: set[int] = set()
    for pair in tables().metaphor_pair.finditer(text):
        figurative.update((pair.start() + 1, pair.end() - 1))
    for group in _groups(text, quotes):
        last = group[-1]
        shared = _head_after(text, last.close + 1) or _clause_list_head(text, last.close + 1)
        verb = _verb_before(text, group[0].open)
        frame_word = _frame(text, group[0].open, last.close + 1)
        for q in group:
            c = Quoted(doc, sentence, q, group, shared, verb, frame_word, titles, figurative)
            start, end = q.open + sentence.start, q.close + 1 + sentence.start
            events = begin(doc, "programme", start, end, c.name, ())
            ok = all(apply(rules, stage, events, c.name, c) is not Act.REJECT for stage, rules in QUOTED_STAGES)
            shared = c.shared  # (a rule may find the group's shared head was a phrase)
            if not ok:
                conclude(doc, "rejected")
                continue
            assert c.ev is not None
            conclude(doc, c.name, start, end)
            doc.claim(start, end)
            yield Mention(type="programme", text=text[q.open:q.close + 1], start=start, end=end,
                          fields={"name": c.name, "kind": _kind(c), "head": c.ev.head})


@rule("programmes/known.tsv", "programmes/heads.tsv", "programmes/campaign_heads.txt",
      "programmes/campaign_openers.txt", "programmes/campaign_generic.txt")
def unquoted_name(text: str) -> list[tuple[int, int, str, str | None]]:
    """四亮工程, 海南省第九届…展播评比, 党史学习教育, 开展树立和践行正确政绩观学习教育, 组织联建、服务联抓、
    产业联兴机制: a numeral and a coined word before a short head, a numbered edition of a competition, a
    campaign the data names, a campaign named by a phrase after a verb that runs it (or from the way
    such names begin), parts of one length before a mechanism's head, or a campaign or project a clause
    takes as its frame (以农村面貌改善行动为切入点)."""
    t = tables()
    spans: list[tuple[int, int, str, str | None]] = []
    if t.campaign_hint.search(text):
        spans += [(m.start(1), m.end(1), m.group(1), None) for m in t.campaign_re.finditer(text)
                  if not _kind_of_campaign(m.group(1), t)]
    if text.count("、") >= 2:  # (three parts or more)
        spans += [(m.start(1), m.end(2), m.group(0), None) for m in t.parallel_re.finditer(text)]
    if "、" in text and "等" in text:
        spans += _listed(text, t)
    if "以" in text:
        spans += [(m.start(1), m.end(1), m.group(1), None) for m in t.framed_re.finditer(text)
                  if not _kind_of_campaign(m.group(1), t)]
    unquoted = t.unquoted_re.finditer(text) if "届" in text or t.unquoted_hint.search(text) else ()
    for m in unquoted:
        name = m.group(1) or m.group(2)
        s = m.start(1) if m.group(1) else m.start(2)
        spans.append((s, s + len(name), name, None))
    if t.known_re:
        for m in t.known_re.finditer(text):
            spans.append((m.start(), m.end(), m.group(0), None))
    return spans


def _listed(text: str, t: Tables) -> list[tuple[int, int, str, str | None]]:
    """The names of a list after a verb that creates them, before 等 and their head (…等机制), with its kind."""
    out: list[tuple[int, int, str, str | None]] = []
    for m in t.listed_re.finditer(text):
        kind = t.heads[m.group(2)].kind
        at = m.start(1)
        for name in m.group(1).split("、"):
            out.append((at, at + len(name), name, kind))
            at += len(name) + 1
    return out


def _kind_of_campaign(name: str, t: Tables) -> bool:
    """集中学习教育, 警示教育和学习教育: a short name that says only how a campaign is run, or joins two."""
    head = t.campaign_hint.search(name)
    prefix = name[:head.start()] if head else name
    if len(prefix) >= 6:
        return False
    return bool(JOINED.search(prefix)) or t.campaign_generic.fullmatch(prefix) is not None


def _unquoted(doc: Document, sentence: Sentence, quotes: list[Quote]) -> Iterator[Mention]:
    t = tables()
    text = sentence.text
    for s, e, name, listed_kind in unquoted_name(text):
        if any(q.open <= s and e <= q.close + 1 for q in quotes):
            continue
        if name in t.known:
            kind, head = t.known[name]
        else:
            hm = t.inside_re.search(name)
            head = hm.group(0) if hm else None
            kind = t.heads[head].kind if head else listed_kind or "other"
        kind = _site_kind(kind, name)
        a, b = s + sentence.start, e + sentence.start
        if doc.is_claimed(a, b):
            continue
        doc.claim(a, b)
        found_by(doc, "programme", a, b, name, unquoted_name, name)
        yield Mention(type="programme", text=name, start=a, end=b, fields={"name": name, "kind": kind, "head": head})


STAGES = (*QUOTED_STAGES, ("find", (unquoted_name,)))
"""The programme rules stage by stage, in the order they run (``djextract explain --rules``)."""
