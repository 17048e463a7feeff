"""Figures: every quantity stated with a number and a unit (spec §2).

Why rules and not a number scanner: a report is full of numbers that are not
figures (dates, ordinals, slogans such as 两学一做, codes, phone numbers). A
figure is matched as qualifier + number + multiplier + unit from the units
table; the exclusions are checked on that match; then the words around it say
what is counted, and what is counted decides the category.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .. import postags as P
from ..document import Document, Sentence, Token
from ..lexicon import derived, load_map, load_rows, load_set
from ..mention import Mention
from ..rules import Act, Event, apply, begin, conclude, overruled, rule, widen
from ..schema import CATEGORIES, QUALIFIERS
from .bodies import is_place
from .bodies import tables as body_tables
from .numbers import DIGITS, TEN, NumberError, parse_number, plain
from .quotes import CLOSE_QUOTES, OPEN_QUOTES, Quote

NUM_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
# 2万9620个 (29620), as statistical bulletins write them; 1万5千元 (15000)
NUM_AR_WAN = r"\d+[万亿](?:\d{1,4}(?![\d.千百万亿])|\d[千百](?:\d百)?(?![\d.万亿]))"
# the numerals a figure is written with, capitals (壹佰圆) included; not 洞 or 幺, which are words in a report
NUMERALS = "零〇一二两三四五六七八九十百千万亿廿壹贰叁肆伍陆柒捌玖拾佰仟萬億"
DECIMALS = "零〇" + TEN[:-1]  # the digits after 点
NUM_CN = f"[{NUMERALS}]+(?:点[{DECIMALS}]+[万亿]?)?"  # 七千三百三十六点三万名, 百分之十点八
CN_DECIMAL_MULT = re.compile(f"(.+点[{DECIMALS}]+)(万|亿)")
# One space may stand between a qualifier, the number and its unit: copies of Word and PDF documents
# put spaces around digits (共选派 7 名, 投资 350 万元).
GAP = "[ \u00a0]?"
SPACES = " \u00a0"
HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
MULTIPLIERS = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8, "千万": 10**7, "百万": 10**6,
               "万": 10**4, "千": 1000, "百": 100, "萬": 10**4, "億": 10**8, "仟": 1000, "佰": 100}
SPLIT_UNIT = re.compile(r"(多|余)(月|小时|工作日)")
MULT_RE = "万亿|千亿|百亿|亿|千万|百万|万|千|百|萬|億|仟|佰"  # 3千万元, 1.5百亿: longest first
JIAO_FEN = re.compile(f"(?:([{''.join(DIGITS)}\\d])角)?(?:([{''.join(DIGITS)}\\d])分)?")  # 1角1分, 柒角
JOINERS = frozenset("、 和 及 与 以及".split())
QUOTE_MARKS = re.compile(f"[{re.escape(OPEN_QUOTES + CLOSE_QUOTES)}《》]")
SHORT_GLOSS = re.compile(r"\((.{1,2})\)")
INNER_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\(([\u4e00-\u9fff])\)(?=[\u4e00-\u9fff])")
LIST_GLOSS = re.compile(r"\([^()]{1,8}、[^()]{1,8}\)")
LIST_SPLIT = re.compile(r"、|和|及|与|以及")
ADJECTIVES = ("a", "ad")  # 新, 正式 (jieba's adverbial adjective): may open what is counted
HARD_STOP = re.compile(r"[，,。；;：:！？!?（(]")
PERSON_CATEGORIES = ("party_members", "activists", "people")
SCOPE_NOUNS = ("层级", "级", "类")  # 各|层级: of every level, what 各 alone says too
NAME_TAGS = frozenset({*P.PERSON_NAME, ""})  # a person's name, known to jieba or guessed
# figures/units.tsv classes: what a unit measures (categorize() maps each to the guide's categories)
UNIT_CLASSES = ("count", "person", "people", "events", "money", "percent", "area", "duration", "other", "measure")
DUO_AFTER = re.compile(r"多(?=[时来的里内后前间中以之，,。；;、）)]|$)")  # 4年多时间, not 3年多次
# Characters cut into words around a figure for what it counts; a rule that reads further gets the whole sentence.


class Tables:
    """The figure rules, compiled once per process from the data files."""

    def __init__(self) -> None:
        units = load_map("figures/units.tsv", ("unit", "class", "script"), ((), UNIT_CLASSES, ("", "arabic")))
        self.unit_class = {u: f[0] for u, f in units.items()}
        self.arabic_only = {u for u, f in units.items() if f[1] == "arabic"}
        quals = load_rows("figures/qualifiers.tsv", ("word", "qualifier", "position"),
                          ((), QUALIFIERS, ("before", "before-bare", "middle", "after")))
        self.before = {w: q for w, q, pos in quals if pos in ("before", "before-bare")}
        self.bare_only = frozenset(w for w, _q, pos in quals if pos == "before-bare")
        self.middle = {w: q for w, q, pos in quals if pos == "middle"}
        self.after = {w: q for w, q, pos in quals if pos == "after"}
        counted = load_map("figures/counted.tsv", ("counted", "category", "position"), ((), CATEGORIES, ("", "end")))
        self.counted = {k: v[0] for k, v in counted.items()}
        # "end": the word decides only when it ends the phrase (支部 yes, 支部书记 or 支部工作 no)
        self.ending_only = frozenset(k for k, v in counted.items() if v[1] == "end")
        self.event_words = tuple(w for w, c in self.counted.items() if c == "events" and len(w) >= 2)
        self.transparent = tuple(sorted(load_set("figures/counted_transparent.txt"), key=len, reverse=True))
        self.link_words = load_set("figures/link_words.txt")
        self.year_blockers = tuple(sorted(load_set("figures/year_blockers.txt"), key=len, reverse=True))
        self.unit_blockers: dict[str, tuple[str, ...]] = {}
        for unit, word in load_rows("figures/unit_blockers.tsv", ("unit", "next")):
            self.unit_blockers[unit] = (*self.unit_blockers.get(unit, ()), word)
        self.verb_nouns = load_set("figures/counted_verb_nouns.txt")
        self.counted_stop = load_set("figures/counted_stop.txt")
        self.quantifiers = frozenset(load_set("bodies/quantifiers.txt"))  # 全体, 各级 …
        self.quantifier_chars = frozenset(w for w in self.quantifiers if len(w) == 1)  # 每, 各, 该
        self.duration_verbs = tuple(load_set("figures/duration_verbs.txt"))
        self.event_verbs = tuple(load_set("figures/event_verbs.txt"))
        windows = load_rows("figures/time_windows.tsv", ("word", "where"), ((), ("before", "after")))
        self.window_before = tuple(sorted((w for w, at in windows if at == "before"), key=len, reverse=True))
        self.window_after = tuple(sorted((w for w, at in windows if at == "after"), key=len, reverse=True))
        self.person_categories = [(w, c, scope == "whole") for w, c, scope in load_rows(
            "figures/person_categories.tsv", ("word", "category", "scope"), ((), CATEGORIES, ("", "whole")))]
        self.ordinal_markers = tuple(load_set("figures/ordinal_markers.txt"))
        self.breakdown_words = load_set("figures/breakdown_words.txt")
        self.formulae = sorted(load_set("figures/formulae.txt"), key=len, reverse=True)
        alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        self.formula_re = re.compile(alt(self.formulae)) if self.formulae else None
        number = f"(?:{NUM_AR_WAN}|{NUM_AR}|{NUM_CN})"
        self.regex = re.compile(
            f"(?:(?P<pre>{alt(self.before)}){GAP})?"
            f"(?:百分之(?P<pct>{number})"
            f"|(?P<num>{number})(?:(?P<mult1>{MULT_RE})?\\s?(?P<sep>[-~～—至到]+)\\s?(?P<num2>{number}))?{GAP}"
            f"(?P<mid1>{alt(self.middle)})?(?P<mult>{MULT_RE})?(?P<mid2>{alt(self.middle)})?"
            f"(?P<unit>{alt(self.unit_class)}))"
            f"(?P<post>{alt(self.after)})?"
        )
        # how far before its first digit or numeral a figure can begin: the word before it and a space
        self.lead = max(map(len, self.before), default=0) + 1


@derived
def tables() -> Tables:
    return Tables()


def _is_arabic(s: str) -> bool:
    return bool(s) and s[0].isdigit()


def _bare_multiplier(num: str) -> bool:
    """A numeral made of multipliers only (百, 千万): it counts one of its size."""
    return all(ch in "百千万亿" for ch in num)


def _parse(num: str) -> tuple[Decimal, Decimal | None]:
    """Value of a numeral, and the top of a range written as two digits (三四个, 五六百)."""
    if _bare_multiplier(num):
        num = "一" + num  # 超千万元, 近百万, 近亿元: a bare multiplier counts one of it
    dm = CN_DECIMAL_MULT.fullmatch(num)
    if dm:  # 七千三百三十六点三万: the decimal, then its multiplier
        return Decimal(str(parse_number(dm.group(1)))) * MULTIPLIERS[dm.group(2)], None
    try:
        return Decimal(str(parse_number(num))), None
    except NumberError:
        if len(num) >= 2 and num[0] in DIGITS and num[1] in DIGITS and DIGITS[num[1]] > DIGITS[num[0]] > 0:
            rest = num[2:]
            low = parse_number(num[0] + rest) if rest else DIGITS[num[0]]
            high = parse_number(num[1] + rest) if rest else DIGITS[num[1]]
            return Decimal(str(low)), Decimal(str(high))
        raise


def _noun_like(tok: Token) -> bool:
    return tok.tag.startswith("n") or tok.tag in P.NOUN_LIKE


def _phrase_after(tokens: list[Token], i: int) -> tuple[str, bool]:
    """Noun phrase starting at token i; also whether it ended cleanly (at 的 or a stop)."""
    parts: list[str] = []
    n = len(tokens)
    first = True
    tb = tables()
    while i < n:
        tok = tokens[i]
        w = tok.word
        if w in "“「『\"":
            close = next((j for j in range(i + 1, min(n, i + 12)) if tokens[j].word in "”」』\""), None)
            if close is None or parts and not _noun_like(tokens[close - 1]) and not (
                    close + 1 < n and _noun_like(tokens[close + 1])):
                break  # (3名党委委员|“下派”|到: a quoted verb after the noun, before no noun, is what they do)
            parts.extend(t.word for t in tokens[i:close + 1])
            i = close + 1
            first = False
            continue
        if w in "(（":
            close = next((j for j in range(i + 1, min(n, i + 7)) if tokens[j].word in ")）"), None)
            if close is not None and sum(len(t.word) for t in tokens[i + 1:close]) <= 6:
                parts.extend(t.word for t in tokens[i:close + 1])  # 县(市、区)党委: a short gloss
                i = close + 1
                continue
        # (not before a division's name: 两个党支部|与|杭州市… is a body of its own; 爱国 is only tagged a place)
        if (w in JOINERS and parts and i + 1 < n and _noun_like(tokens[i + 1]) and tokens[i + 1].word not in JOINERS
                and not (tokens[i + 1].tag == "ns" and is_place(tokens[i + 1].word))):
            if not _next_figure(tokens, i + 1):
                parts.append(w)  # (but in 品牌、N个支部品牌 the next item is a figure of its own)
                i += 1
                continue
        if (parts and tok.tag in NAME_TAGS and 2 <= len(w) <= 3 and w[0] in body_tables().surnames
                and lookup_counted("".join(parts)) in PERSON_CATEGORIES):
            if parts[-1] in JOINERS:
                parts.pop()  # (3名党员|与|张伟…)
            break  # 2名…老党员|孙晓霞和张天闻: the persons' names after what they are
        if tok.tag == "" and w[0] in tb.quantifier_chars:
            break  # 182个村|每村都有: jieba's guess glued a quantifier to the word after it, which counts nothing
        if w in APPROXIMATE and i + 1 < n and tokens[i + 1].tag == "m":
            break  # 14个社区|数|万人次: "several", opening the next number, after what is counted
        if parts and len(w) == 2 and w[0] == w[1] and HAN_CHAR.match(w):
            break  # 103个行政村|村村都有: a doubled word says "every", after what is counted
        if w in tb.counted_stop or (tok.tag in ("l", "i") and parts and (
                tokens[i - 1].word in ")）" or _noun_like(tokens[i - 1]) and i + 1 < n
                and not _noun_like(tokens[i + 1]) and tokens[i + 1].word not in JOINERS)):
            break  # 150多个小区|全面铺开|“…: a set phrase after the noun, before no noun, is what is done with it;
            # after a gloss it always is (22个村(社区)|圆满完成|换届选举)
        if (parts and len(w) >= 3 and w.endswith(MANNER_SUFFIX) and (
                i + 1 >= n or tokens[i + 1].word in JOINERS or tokens[i + 1].tag.startswith("v"))):
            break  # 13个社区|个性化、标志化…打造品牌, 8个村|规范化建设: how it is done, after what is counted
        if tok.tag == "" and len(w) >= 2 and w[-1] in "及和与" and (i + 1 >= n or tokens[i + 1].tag == "m"):
            parts.append(w[:-1])  # 10个政策局及6个部门: jieba glued the conjunction to the noun
            i += 1
            break
        verb_noun = w in tb.verb_nouns and (
            (i + 1 < n and _noun_like(tokens[i + 1]) and tokens[i + 1].tag != "v"  # 27个|换届|重难点村
             and tokens[i + 1].word not in tb.quantifiers)  # (两批|组织|全体党员: the verb, organise)
            or (parts and _strip_for_lookup("".join(parts) + w) in tb.counted))  # 社会|组织, “两新”组织: a known term
        place_word = tok.tag == "s" and i + 1 < n and _noun_like(tokens[i + 1])  # 6个|街区|党支部
        if _noun_like(tok) or (first and tok.tag in ADJECTIVES) or verb_noun or place_word:
            parts.append(w)
            i += 1
            first = False
            if sum(map(len, parts)) > 24:
                break
            continue
        break
    clean = (i >= n or tokens[i].word in ("的",) or tokens[i].word in JOINERS or tokens[i].tag in ("x", "c")
             or HARD_STOP.match(tokens[i].word) is not None)
    if len(parts) == 1 and tokens[i - 1].tag in ADJECTIVES and not clean:
        return "", False  # 新|就业…: an adjective alone, before a verb, counts nothing
    return "".join(parts), clean


def _next_figure(tokens: list[Token], i: int) -> bool:
    """Does a number come before the clause ends (8个基层党组织和陈晓黎、袁正东等8名党员)?

    Then the words after the joiner lead up to a figure of their own and are not in this list.
    """
    if tokens[i].word.isascii() and i + 1 < len(tokens) and tokens[i + 1].tag == "q":
        return True  # 品牌、N个支部品牌
    for tok in tokens[i:i + 8]:
        if HARD_STOP.match(tok.word):
            return False
        if tok.tag == "m" and any(ch.isdigit() or ch in "一二两三四五六七八九十百千万" for ch in tok.word):
            return True
    return False


THRESHOLD_JOINERS = ("及", "或")  # 县级及以上, 大专或以上: one threshold, not two nouns joined
THRESHOLD_ENDS = ("以上", "以下")


APPROXIMATE = ("数", "几")  # 数万人次, 几十名: numerals of no value, which jieba tags nouns
MANNER_SUFFIX = "化"  # 个性化, 规范化: a manner, not a noun, before a verb or a list of manners
HEADCOUNT = "人数"  # 党员人数: a count of persons written before the number
RATE = "率"  # 组建率, 参学率: a verb before it names the rate


def _phrase_before(tokens: list[Token], i: int) -> str:
    """Noun phrase ending just before token i (going left), skipping linking words next to the number."""
    parts: list[str] = []
    j = i - 1
    while j >= 0 and tokens[j].word.isspace():
        j -= 1  # 培训村干部 930 人: a space between the noun and the number
    link_words, verb_nouns = tables().link_words, tables().verb_nouns
    while j >= 0 and not parts and tokens[j].word in link_words:
        j -= 1
    w = tokens[j].word if j > 0 else ""
    if w.startswith(RATE) and (w == RATE or w[len(RATE):] in link_words) and tokens[j - 1].tag.startswith(("v", "n")):
        parts.append(tokens[j - 1].word + RATE)  # 组建|率达|100%: a verb's rate (组建率), glued to the verb after it
        j -= 2
    if j >= 0 and tokens[j].word in tables().counted and not _noun_like(tokens[j]):
        parts.append(tokens[j].word)  # 转载13.9万次: a known counted verb right before the number
        j -= 1
    while j >= 0:
        tok = tokens[j]
        w = tok.word
        if w in "”」』\"":
            open_ = next((k for k in range(j - 1, max(-1, j - 12), -1) if tokens[k].word in "“「『\""), None)
            if open_ is None:
                break
            parts[:0] = [t.word for t in tokens[open_:j + 1]]
            j = open_ - 1
            continue
        if w == ")" and j >= 2 and tokens[j - 2].word == "(":
            parts[:0] = [t.word for t in tokens[j - 2:j + 1]]
            j -= 3
            continue
        if (w in THRESHOLD_JOINERS and parts and parts[0].startswith(THRESHOLD_ENDS) and j > 0
                and _noun_like(tokens[j - 1])):
            parts.insert(0, w)  # 大专|及|以上学历|党员: a threshold's 及 is inside the phrase, not between two
            j -= 1
            continue
        if w in _counted_stops() or (len(w) == 1 or tok.tag == "") and j > 0 and tokens[j - 1].tag == "m":
            break  # (5|人|占22.8%, 30|号分|两批: the measure word of the number before counts nothing for this one)
        verb_noun = w in verb_nouns and j > 0 and (
            tokens[j - 1].word in "”」』\"" or _noun_like(tokens[j - 1]))  # “两新”|组织|158个: a noun here
        inner = tok.tag == "a" and parts and j > 0 and _noun_like(tokens[j - 1]) and tokens[j - 1].tag != "m"
        if (_noun_like(tok) or verb_noun or inner) and tok.tag != "m":  # (党员|致富|带头人: an adjective inside)
            parts.insert(0, w)
            j -= 1
            if sum(map(len, parts)) > 24:
                break
            continue
        break
    return "".join(parts)


@derived
def _counted_stops() -> frozenset[str]:
    """Quantifiers and scope words (全市, 各级) are not part of what is counted."""
    return load_set("bodies/quantifiers.txt") | tables().link_words | tables().counted_stop | {"全国"}


def _after_de(tokens: list[Token], i: int) -> str:
    """Head after the last 的 of the clause: 近百名政治意识好…的党员干部 counts 党员干部."""
    end = i
    while end < len(tokens) and not HARD_STOP.match(tokens[end].word) and end - i < 20:
        if end > i and tokens[end].tag == "m":
            j = end + 1
            while j < min(len(tokens), end + 3) and tokens[j].tag in P.COUNTING:
                j += 1
            if j >= len(tokens) or tokens[j].word != "的":
                break  # another number: what follows belongs to the next figure
            end = j  # (2名党龄达到50年的老党员: a number inside the clause, which its 的 closes)
        end += 1
    de = max((k for k in range(i, end) if tokens[k].word == "的"), default=None)
    if de is None:
        return ""
    phrase, _ = _phrase_after(tokens, de + 1)
    if not phrase and de + 2 < len(tokens) and tokens[de + 1].tag.startswith("v"):
        rest, _ = _phrase_after(tokens, de + 2)  # …热心肠的|退休|党员: a verb that says which of them
        if rest and lookup_counted(rest) is not None:
            phrase = tokens[de + 1].word + rest
    return phrase


def _before_de(tokens: list[Token], i: int) -> str:
    """The words up to the clause's first 的, when jieba broke them (25个市直|属|部门的任务清单: 部门 are
    counted, their lists are what they have)."""
    for k in range(i, min(len(tokens), i + 6)):
        w = tokens[k].word
        if w == "的":
            return "".join(t.word for t in tokens[i:k])
        if HARD_STOP.match(w) or tokens[k].tag in ("m", "x"):
            return ""
    return ""


def _strip_for_lookup(counted: str) -> str:
    s = QUOTE_MARKS.sub("", counted)
    if "(" in s:  # (most phrases have no bracket: three searches saved)
        s = INNER_GLOSS.sub(r"\1", s)  # 总(支)部, 党(工)委: the bracketed part belongs to the word
        s = SHORT_GLOSS.sub("", s)
        s = LIST_GLOSS.sub("", s)  # 县(市、区): the counties, with the cities and districts beside them
    transparent = tables().transparent
    while s.endswith(transparent):  # (one test for the whole list: most phrases end in none)
        suffix = next((x for x in transparent if s.endswith(x) and len(s) > len(x)), "")
        if not suffix:
            break
        s = s[: -len(suffix)]
    return s


def lookup_counted(counted: str) -> str | None:
    """Category of a counted phrase from figures/counted.tsv, or None.

    The first member of a list decides (机关党委、机关纪委); within it the longest
    known ending wins, and failing that a known word that ends an earlier part
    (大社区建设 → 社区), except that party members are only read off the whole.
    """
    counted = LIST_GLOSS.sub("", counted)  # a list inside brackets is not the list of what is counted
    first = LIST_SPLIT.split(counted, maxsplit=1)[0]
    return _lookup(first) or (_lookup(counted) if first != counted else None)


def _lookup(phrase: str) -> str | None:
    t = tables()
    key = _strip_for_lookup(phrase)
    for end in range(len(key), 0, -1):
        head = key[:end]
        for k in range(len(head)):
            cat = t.counted.get(head[k:])
            if cat:
                if end < len(key) and (cat in ("party_members", "activists") or head[k:] in t.ending_only
                                       or "级" in key[end:end + 2]):
                    break  # (村级电商网点, 县处级干部: a level before 级 says what kind, not what is counted)
                return cat
    return None


def categorize(unit_class: str, counted: str, window: str = "") -> str:
    """Category of a figure from its unit's class and what it counts (spec §2).

    ``window`` is the rest of the clause after the figure, used when what is
    counted is not a known noun (四期支部书记讲党课活动 → events).
    """
    fixed = {"money": "money", "percent": "percentage", "area": "area", "duration": "duration",
             "people": "people", "measure": "other"}
    if unit_class in fixed:
        return fixed[unit_class]
    if unit_class == "person":
        for word, category, whole in tables().person_categories:
            if (counted == word) if whole else (word in counted):
                return category
        return "people"
    cat = lookup_counted(counted)
    if cat == "people" and unit_class != "count":
        cat = None  # 四期支部书记讲党课活动: 期 counts sessions, not the secretaries (31个处级领导 are people)
    if cat:
        return cat
    if window and any(w in window for w in tables().event_words):
        return "events"
    if unit_class == "events":
        return "events"
    return "other"


QUOTED_NOTICE = 20  # characters: a quote longer than this, with a figure in it, is a statement, not a name
SLOGAN_BREAK = re.compile("[，,；;]")
SPEECH_END = re.compile(r"[。！？!?][”」』\"’]?$")


def _excluded_spans(sentence: Sentence, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Quoted names and titles, and formulae; not quoted speech (“一年有3个月都在上访。”) nor a quoted notice
    longer than a name (“…闲置房屋共4000余平方米整体招商”); a long slogan of parallel parts is still one
    (“完善一个章程，实施三项试点，…”)."""
    text, base = sentence.text, sentence.start
    spans = [q.outer for q in quotes if q.is_title or not (
        SPEECH_END.search(text[q.open - base + 1:q.close - base])
        or q.close - q.open - 1 > QUOTED_NOTICE and not SLOGAN_BREAK.search(text, q.open - base, q.close - base))]
    t = tables()
    if t.formula_re:
        spans += [(m.start() + sentence.start, m.end() + sentence.start) for m in t.formula_re.finditer(sentence.text)]
    return spans


HAS_NUMBER = re.compile(f"[\\d{NUMERALS}]")  # a sentence without one has no figure


CHANGE_GAP = re.compile(r"(?:了|为|约|近|超过?|达)?$")


@derived
def _change_words() -> tuple[tuple[str, str], ...]:
    rows = load_rows("figures/change_words.tsv", ("word", "change"), ((), ("up", "down")))
    return tuple(sorted(((w, c) for w, c in rows), key=lambda r: -len(r[0])))


ENUMERATION = re.compile(r"(?:分为|分成|包括|包含|涵盖)[^，,。；;]*、[^，,。；;、]{1,6}$")  # a list its count closes


def change_of(before: str) -> str | None:
    """up or down when the words right before a figure state a change (比上年净增, 减少了), else None."""
    head = before[: CHANGE_GAP.search(before).start()]  # type: ignore[union-attr]
    if ENUMERATION.search(head):
        return None  # 分为学习培训、对照检查、整改提高三个阶段: the verb names the list's last item, it changes nothing
    for word, change in _change_words():
        if head.endswith(word):
            return change
    return None


def _matches(text: str, t: Tables) -> list[re.Match[str]]:
    """The matches of ``t.regex.finditer(text)``, the search started only where one can begin.

    Why: the regex opens with an optional word (截至, 共有), so the engine cannot skip
    ahead to where a match may open and tries every position of the sentence. Each
    figure has a digit or numeral at most ``t.lead`` characters after its start, so
    only the positions that close before one are tried, in order: the first that
    matches is where finditer's next match starts. A list, not a generator: compiled,
    a generator's loop keeps its variables in an object.
    """
    out: list[re.Match[str]] = []
    pos = 0  # where the last match ended: matches do not overlap
    tried = 0  # positions before this were tried already
    for number in HAS_NUMBER.finditer(text):
        j = number.start()
        for start in range(max(pos, tried, j - t.lead), j + 1):
            m = t.regex.match(text, start)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
        tried = j + 1
    return out


def figures_in_sentence(doc: Document, sentence: Sentence) -> list[Mention]:
    """Figures of one sentence (the pipeline runs sentence by sentence to bound memory)."""
    text = sentence.text
    if not HAS_NUMBER.search(text):
        return []
    excluded = _excluded_spans(sentence, sentence.quotes)
    out: list[Mention] = []  # a list, not a generator: compiled, a generator's variables live in an object
    taken = 0  # where the last figure ended: a range's second half is not a figure of its own
    for m in _matches(text, tables()):
        if m.start() < taken:
            continue
        fig = _figure(doc, sentence, m, excluded)
        if fig is None:
            continue
        _join_range(doc, sentence, fig, excluded)
        taken = fig.end - sentence.start
        out.append(fig)
    return out


RANGE_JOIN = re.compile(r"[ \u00a0]?(?:至|到|-|~|～|—{1,2})[ \u00a0]?")


@rule()
def range_written_twice(fig: Mention, top: Mention) -> bool:
    """40万元至50万元, 3人到5人: a range written with its unit twice is one figure with a top."""
    return top.fields["unit"] == fig.fields["unit"] and top.fields["value"] > fig.fields["value"]


def _join_range(doc: Document, sentence: Sentence, fig: Mention, excluded: list[tuple[int, int]]) -> None:
    """Join the top of a range written with its unit twice (range_written_twice)."""
    text, base = sentence.text, sentence.start
    j = RANGE_JOIN.match(text, fig.end - base)
    if not j or fig.fields["value_max"] is not None:
        return
    m2 = tables().regex.match(text, j.end())
    if not m2 or m2.group("pre"):
        return
    top = _figure(doc, sentence, m2, excluded)
    if top is None or not range_written_twice(fig, top):
        return
    if doc.trace is not None:
        overruled(doc, "figure", top.start, top.end, range_written_twice, top.text)
        widen(doc, "figure", fig.start, fig.end, top.end, text[fig.start - base:top.end - base])
    fig.fields["value_max"] = top.fields["value"]
    fig.end = top.end
    fig.text = text[fig.start - base:fig.end - base]


class Fig:
    """One candidate figure: the regex match, and what the rules have decided of it so far.

    Offsets ``start``/``end`` are in the sentence; the rules move them (a verb
    before a bare multiplier, a qualifier inside the unit) before the figure is made.
    """

    __slots__ = ("doc", "sentence", "text", "t", "m", "excluded", "start", "end", "num", "unit", "cls", "arabic",
                 "pre", "post", "split", "value", "value_max", "duo", "counted", "category")

    def __init__(self, doc: Document, sentence: Sentence, m: re.Match[str], excluded: list[tuple[int, int]]) -> None:
        t = self.t = tables()
        self.doc, self.sentence, self.text, self.m, self.excluded = doc, sentence, sentence.text, m, excluded
        self.start, self.end = m.start(), m.end()
        self.num = m.group("pct") or m.group("num")
        self.unit = "%" if m.group("pct") else m.group("unit")
        self.cls = "percent" if m.group("pct") else t.unit_class[self.unit]
        self.arabic = _is_arabic(self.num)
        self.pre, self.post = m.group("pre"), m.group("post")
        self.split: re.Match[str] | None = None
        self.value = Decimal(0)
        self.value_max: Decimal | None = None
        self.duo = False
        self.counted = self.category = ""

    @property
    def lead(self) -> int:
        """Where the figure starts, read past one space before it (第 3 名)."""
        s = self.start
        return s - 1 if s > 0 and self.text[s - 1] in SPACES else s

    @property
    def before(self) -> str:
        """The two characters before the figure."""
        return self.text[max(0, self.lead - 2):self.lead]

    @property
    def chinese(self) -> bool:
        """Written in Chinese numerals, not a percentage (百分之三十 is never an article or a set phrase)."""
        return not self.arabic and not self.m.group("pct")


# -- exclusions: what only looks like a figure ---------------------------------------------------------------

@rule("figures/qualifiers.tsv")
def bare_multiplier_only(f: Fig) -> Act | None:
    """收入上30万元: a qualifier that goes only before a bare multiplier (上万) is a verb before a number."""
    if f.pre in f.t.bare_only and not _bare_multiplier(f.num):
        f.start += len(f.pre)
        f.start += f.text[f.start] in SPACES
        f.pre = None
        return Act.GO_ON
    return None


@rule("figures/duration_verbs.txt")
def date_not_days(f: Fig) -> Act | None:
    """2月14日, 14日: a date; 连续8日 is a length of time."""
    if f.unit == "日" and not f.text[:f.start].rstrip(SPACES).endswith(f.t.duration_verbs):
        return Act.REJECT
    return None


@rule()
def glued_to_code(f: Fig) -> Act | None:
    """A4纸, 2023-11, 1:2: a number glued to letters, digits or a code (but 100万元-200万元 is a range,
    其中:14个 a colon after words, and A、B、C、D四个类别 a Chinese numeral after a list of letters)."""
    s, text = f.start, f.text
    glued = text[s - 1].isascii() and (text[s - 1].isdigit() or text[s - 1].isalpha() and f.arabic) if s > 0 else False
    if s > 0 and (glued or text[s - 1] in ".-/:·") and not (
            text[s - 1] in "-:" and s >= 2 and not text[s - 2].isascii()):
        return Act.REJECT
    return None


@rule()
def inside_numeral(f: Fig) -> Act | None:
    """十二三个: a Chinese numeral that goes on before the match is part of a longer number."""
    if not f.arabic and f.lead > 0 and not f.pre and f.text[f.lead - 1] in NUMERALS:
        return Act.REJECT
    return None


@rule("figures/ordinal_markers.txt")
def ordinal(f: Fig) -> Act | None:
    """第3名, 第二批: an ordinal, not a count."""
    return Act.REJECT if f.before.endswith(f.t.ordinal_markers) else None


@rule()
def session(f: Fig) -> Act | None:
    """十四届四次全会, 19届2次会议, 二十届中央纪委二次全会: the session of a congress or committee of a
    numbered term, an ordinal."""
    if f.unit != "次":
        return None
    if TERM.search(f.before) or (TERM_BODY.search(f.text, 0, f.lead) and f.text.startswith(PLENARY, f.end)):
        return Act.REJECT
    return None


TERM = re.compile(rf"[{NUMERALS}\d]届$")
TERM_BODY = re.compile(rf"[{NUMERALS}\d]届[\u4e00-\u9fff]{{1,10}}$")  # 二十届|中央纪委|二次全会
PLENARY = ("全会", "全体会议", "会议")


@rule()
def rank(f: Fig) -> Act | None:
    """前3名: a rank."""
    return Act.REJECT if f.before.endswith("前") and f.unit in ("名", "位") else None


@rule("figures/formulae.txt")
def quoted_or_claimed(f: Fig) -> Act | None:
    """“1921”党建品牌, 《…》, 三会一课: inside a quoted name, a title, a formula or another mention."""
    a, b = f.start + f.sentence.start, f.m.end() + f.sentence.start
    if any(s <= a < e or s < b <= e for s, e in f.excluded) or f.doc.is_claimed(a, b):
        return Act.REJECT
    return None


@rule()
def inside_a_body(f: Fig) -> Act | None:
    """孙家集街道三元朱村, 五四村, 八一社区: a number inside a body's name is part of the name."""
    a, b = f.start + f.sentence.start, f.m.end() + f.sentence.start
    return Act.REJECT if any(m.type == "body" and m.start <= a and b <= m.end for m in f.doc.found) else None


@rule("figures/units.tsv")
def arabic_only_unit(f: Fig) -> Act | None:
    """十单位, 七镇: a unit that counts only after Arabic digits (10单位)."""
    return Act.REJECT if f.unit in f.t.arabic_only and not f.arabic else None


@rule()
def article(f: Fig) -> Act | None:
    """一个, 一批, 一次: an article, not a count; but 一年多 (a length of time with 多 after it) is one (一年之内,
    一年来 are time frames)."""
    if not (f.chinese and f.num in ("一", "壹") and not f.m.group("num2")):
        return None
    return None if f.cls == "duration" and not f.post and DUO_AFTER.match(f.text, f.m.end()) else Act.REJECT


@rule()
def set_phrase(f: Fig) -> Act | None:
    """千家万户, 百日: set phrases (but 千余名, 百余人 are counts)."""
    m = f.m
    if f.chinese and f.num in ("百", "千", "万", "亿") and not (f.pre or m.group("mid1") or m.group("mid2")):
        return Act.REJECT
    return None


@rule()
def inside_word(f: Fig) -> Act | None:
    """统一部署, 零部件: the numeral, or the numeral with its unit, is inside a longer word."""
    if f.chinese and not _whole_words(f.sentence, f.start + f.sentence.start, f.m.end("unit") + f.sentence.start):
        return Act.REJECT
    return None


@rule()
def item_of_a_list(f: Fig) -> Act | None:
    """诸暨、江山、三门、柯桥: a numeral and a measure word alone between list marks, among items with no
    number, is a name of the list (a county's), not a count."""
    text, a, b = f.text, f.start, f.m.end("unit")
    if not f.chinese or b >= len(text) or text[b] != "、" or a >= 1 and text[a - 1] not in LIST_OPENS:
        return None
    if a >= 1 and text[a - 1] == "、" and LIST_NUMBER.search(text[text.rfind("、", 0, a - 1) + 1:a - 1]):
        return None  # (一次、两次: a list of counts)
    return Act.REJECT if LIST_NAME_START.match(text, b + 1) else None


LIST_OPENS = "、，,：:（(与和及"
LIST_NUMBER = re.compile(rf"[\d{TEN}两]")
LIST_NAME_START = re.compile(rf"[^\W\d{TEN}两]{{2}}")  # the next item opens with two characters of a name


@rule()
def value(f: Fig) -> Act | None:
    """The number's value, with its multiplier (1万-5万元; 一百二十到一百五十万: the range shares it)."""
    m = f.m
    try:
        f.value, f.value_max = _parse(f.num)
        if m.group("num2"):
            f.value_max, _ = _parse(m.group("num2"))
    except NumberError:
        return Act.REJECT
    mult = MULTIPLIERS.get(m.group("mult") or "", 1)
    if m.group("mult1"):
        f.value *= MULTIPLIERS[m.group("mult1")]
    elif m.group("num2") and m.group("num2")[-1] in "万亿萬億" and m.group("num2")[-1] not in f.num:
        f.value *= MULTIPLIERS[m.group("num2")[-1]]
    else:
        f.value *= mult
    if f.value_max is not None:
        f.value_max *= mult
    return None


# -- the unit ------------------------------------------------------------------------------------------------

@rule("figures/units.tsv")
def qualifier_inside_unit(f: Fig) -> Act | None:
    """2个多月: the qualifier sits inside the unit (个月)."""
    if f.unit == "个" and not f.post:
        f.split = SPLIT_UNIT.match(f.text, f.end)
        if f.split:
            f.unit = "个" + f.split.group(2)
            f.cls = f.t.unit_class.get(f.unit, f.cls)
            f.end = f.split.end()
            return Act.GO_ON
    return None


@rule("figures/unit_blockers.tsv")
def part_of_a_name(f: Fig) -> Act | None:
    """二期项目: a phase of a project, part of its name."""
    return Act.REJECT if f.text.startswith(f.t.unit_blockers.get(f.unit, ()), f.m.end("unit")) else None


@rule()
def year_number(f: Fig) -> Act | None:
    """2023年, 二〇一一年: a year, not a length of time (a length is never written digit by digit in four)."""
    if f.unit == "年" and f.arabic and (len(f.num) >= 4 or f.value >= 1000):
        return Act.REJECT
    if f.unit == "年" and len(f.num) == 4 and all(ch in DIGITS for ch in f.num):
        return Act.REJECT
    if f.unit == "年" and f.arabic and len(f.num) == 2 and f.num[0] == "0":
        return Act.REJECT  # 从05年入住: a year written short (2005), never a length with a leading zero
    return None


@rule("figures/year_blockers.txt")
def year_of_a_plan(f: Fig) -> Act | None:
    """三年行动, 五年规划: the years name a plan."""
    t, text = f.t, f.text
    if f.unit == "年" and (text[f.end:f.end + 2].startswith(t.year_blockers)
                          or text[f.m.end("unit"):].startswith(t.year_blockers)):
        return Act.REJECT
    return None


@rule("figures/duration_verbs.txt")
def reporting_period(f: Fig) -> Act | None:
    """公司近三年营业收入: the reporting period, not a length of time."""
    if f.unit == "年" and f.pre == "近" and not f.text[:f.start].rstrip(SPACES).endswith(f.t.duration_verbs):
        return Act.REJECT
    return None


CALENDAR_UNITS = frozenset(("年", "个月", "月"))
SPAN_TO = re.compile(r"(?:自|从)[^，,。；;]{1,30}(?:到|至)[^，,。；;]{1,12}的$")  # 自…到2021年底的9年多


@rule("figures/time_windows.tsv")
def time_window(f: Fig) -> Act | None:
    """这两年, 刚刚过去的18个月, 自…到2021年底的9年多, 3个多月后: a window or a point in time, not a length."""
    if f.cls != "duration":
        return None
    before = f.text[:f.start].rstrip(SPACES)
    if before.endswith(f.t.window_before) or SPAN_TO.search(before):
        return Act.REJECT
    point = f.unit in CALENDAR_UNITS and f.text.startswith(f.t.window_after, f.end)
    return Act.REJECT if point else None  # (6小时后路面已修复: hours and days after are how long it took)


GLUED_ENTRY = 10  # jieba frequency below which a dictionary "verb" ending in a qualifier is a glued form (已有近: 3)


@rule("figures/qualifiers.tsv")
def qualifier_ends_a_word(f: Fig) -> Act | None:
    """打破3项纪录, 赶超3项纪录: a qualifier before the number that ends a longer verb is no qualifier."""
    if not f.pre or not HAN_CHAR.match(f.pre):
        return None
    tok = f.sentence.word_at(f.sentence.start + f.start)
    if tok is None or tok.start >= f.sentence.start + f.start or not (tok.tag.startswith("v") or tok.tag == "a"):
        return None  # (产品约300万元, 已近100亩: jieba glues the qualifier to a noun or guesses a word)
    if f.sentence.doc.segmenter.freq(tok.word) < GLUED_ENTRY:
        return None  # 已有近|12万个: a glued form jieba's dictionary holds a few times, not a verb of its own
    f.start = f.m.end("pre")
    while f.start < len(f.text) and f.text[f.start] in SPACES:
        f.start += 1
    f.pre = None
    return Act.GO_ON


@rule()
def within(f: Fig) -> Act | None:
    """3天内 is three days; 内 after anything but a length of time is not part of the figure."""
    if f.post in ("内", "之内", "以内") and f.cls != "duration":
        f.end -= len(f.post)
        f.post = None
        return Act.GO_ON
    return None


@rule()
def more_after_duration(f: Fig) -> Act | None:
    """设市4年多时间: 多 after a length of time (but 3年多次 is three years, many times)."""
    m = f.m
    if (f.cls == "duration" and not f.post and not m.group("mid1") and not m.group("mid2")
            and DUO_AFTER.match(f.text, f.end) is not None):
        f.duo = True
        f.end += 1
        return Act.GO_ON
    return None


EXCLUSIONS = (bare_multiplier_only, date_not_days, glued_to_code, inside_numeral, ordinal, session, rank,
              quoted_or_claimed, inside_a_body, arabic_only_unit, article, set_phrase, inside_word, item_of_a_list,
              value)
"""Before the unit: what only looks like a figure, then the value (every rule runs until one rejects)."""
UNIT = (qualifier_inside_unit, qualifier_ends_a_word, part_of_a_name, year_number, year_of_a_plan, reporting_period,
        within, more_after_duration, time_window)
"""The unit and the figure's right edge."""


def _qualifier(f: Fig) -> str | None:
    """over/about/nearly/under, from 多 after a length of time, inside the unit, before, in the middle or after."""
    t, m = f.t, f.m
    if f.duo:
        return "over"
    if f.split:
        return t.middle.get(f.split.group(1))
    if f.pre:
        return t.before[f.pre]
    if m.group("mid1") or m.group("mid2"):
        return t.middle[m.group("mid1") or m.group("mid2")]
    if f.post:
        return t.after[f.post]
    return None


# -- the category: what is counted, by the guide's classes -----------------------------------------------------

@rule()
def households(f: Fig) -> Act | None:
    """120多户困难群众: 户 counts households, not people."""
    if f.category == "people" and f.cls == "count" and f.unit != "个":
        f.category = categorize("other", f.counted, _window(f))
        return Act.GO_ON
    return None


@rule()
def times_not_people(f: Fig) -> Act | None:
    """约谈党员干部40余次: 次 counts the talks, the people come before the number."""
    if f.cls == "events" and f.category in PERSON_CATEGORIES and not f.text.startswith(f.counted, f.end):
        f.category = "events"
        return Act.GO_ON
    return None


@rule()
def times_not_units(f: Fig) -> Act | None:
    """班子成员集中学习不少于1次, 走访企业10次: 次 counts times, not organisations."""
    if f.cls == "events" and f.category in ("units", "party_organizations"):
        f.category = "events"
        return Act.GO_ON
    return None


@rule()
def change_counts_the_same(f: Fig) -> Act | None:
    """党员总数为9918.5万名,比上年净增114.4万名: the increase counts what the figure before it counts."""
    if not f.counted and f.cls != "percent" and COMPARED.search(HARD_STOP.split(f.text[:f.start])[-1]):
        last = f.doc.last_count
        if last is not None and last[0] == f.sentence.start:
            f.category = last[1]
            return Act.GO_ON
    return None


@rule()
def members_named_before(f: Fig) -> Act | None:
    """党员的职业。工人664.3万名; 全国党员中,学生194.7万名: people counted among members are members."""
    if f.category == "people" and f.cls == "person" and _members_topic(f.doc, f.sentence, f.text[:f.start],
                                                                        f.start + f.sentence.start):
        f.category = "party_members"
        return Act.GO_ON
    return None


@rule("figures/breakdown_words.txt")
def membership_breakdown(f: Fig) -> Act | None:
    """党员24729名……35岁以下5963名: the breakdown of the members counted just before; in their sentence, a
    person count that names nothing (纳管流动党员3.4万余人，完成组织关系转入2281名) counts them too."""
    s = f.start + f.sentence.start
    if (f.cls == "person" and f.category == "people" and 0 <= f.doc.members_at <= s <= f.doc.members_at
            + BREAKDOWN_REACH and (_breakdown(f.text[:f.start], f.counted)
                                   or not f.counted and f.doc.members_at > f.sentence.start)):
        f.category = "party_members"
        return Act.GO_ON
    return None


@rule()
def organisations_by_jia(f: Fig) -> Act | None:
    """2家家庭教育指导中心: 家 counts organisations (but 50家贫困户 are households)."""
    if f.unit == "家" and f.category == "other" and not f.counted.endswith(("户", "家庭")):
        f.category = "units"
        return Act.GO_ON
    return None


def _sentence_figures(doc: Document, sentence: Sentence) -> list[tuple[int, str, str]]:
    """(start, unit, category) of the figures found so far in the sentence, for the rules that read a list."""
    seen: tuple[int, list[tuple[int, str, str]]] | None = doc.memory.get("figures_of_sentence")
    if seen is None or seen[0] != sentence.start:
        seen = doc.memory["figures_of_sentence"] = (sentence.start, [])
    return seen[1]


@rule()
def list_of_one_kind(f: Fig) -> Act | None:
    """村“社区”1个, 10~15万元的1个, 5~10万元的3个: a list's items that leave the noun out (a criterion and
    的 before the number) count what the item before them with the same unit counts."""
    if f.counted or f.cls != "count" or f.category != "other":
        return None
    last = next((c for _, unit, c in reversed(_sentence_figures(f.doc, f.sentence)) if unit == f.unit), None)
    if last is not None and last != "other" and HARD_STOP.split(f.text[:f.start])[-1].endswith("的"):
        f.category = last
        return Act.GO_ON
    return None


@rule()
def distributed_by_fenbie(f: Fig) -> Act | None:
    """基层党委30.6万个、总支部33.0万个、支部461.4万个，分别比上年增加0.9万个、0.5万个、6.0万个: 分别 gives
    each figure of its list what the figure in the same place of the sentence's list before counts."""
    if f.counted or f.cls == "percent":
        return None
    before = f.text[:f.start]
    at = before.rfind("分别")
    if at < 0 or HARD_STOP.search(before, at):
        return None
    seen = _sentence_figures(f.doc, f.sentence)
    listed = [c for s, _, c in seen if s < at]
    j = sum(1 for s, _, _ in seen if at < s < f.start)
    if j < len(listed) and listed[j] != "other":
        f.category = listed[j]
        return Act.GO_ON
    return None


SESSION_UNITS = frozenset("期批")


@rule("figures/event_verbs.txt")
def sessions_held(f: Fig) -> Act | None:
    """目前已组织开展6期, 举办3期: a verb that holds sessions makes a bare 期 count events."""
    if f.unit in SESSION_UNITS and not f.counted and f.category == "other" and f.text[:f.start].endswith(
            f.t.event_verbs):
        f.category = "events"
        return Act.GO_ON
    return None


CATEGORY = (households, times_not_people, times_not_units, change_counts_the_same, members_named_before,
            list_of_one_kind, distributed_by_fenbie, sessions_held)
"""Corrections of the category the unit and the counted words give (categorize), in order."""


def _window(f: Fig) -> str:
    return HARD_STOP.split(f.text[f.end:f.end + 16], maxsplit=1)[0]


def _figure(doc: Document, sentence: Sentence, m: re.Match[str], excluded: list[tuple[int, int]]) -> Mention | None:
    """The figure this match of the number pattern is, or None; traced for ``explain``."""
    f = Fig(doc, sentence, m, excluded)
    a = m.start() + sentence.start
    events = begin(doc, "figure", a, m.end() + sentence.start, f.unit, ("figures/units.tsv",))
    fig = _run(f, events)
    if fig is None:
        conclude(doc, "rejected")
    else:
        conclude(doc, fig.text, fig.start, fig.end)
    return fig


def _run(f: Fig, events: list[Event] | None) -> Mention | None:
    doc, sentence, text = f.doc, f.sentence, f.text
    if apply(EXCLUSIONS, "exclude", events, text[max(0, f.start - 2):f.m.end()], f) is Act.REJECT:
        return None
    if apply(UNIT, "unit", events, f.unit, f) is Act.REJECT:
        return None
    qualifier = _qualifier(f)
    s_, e_ = f.start + sentence.start, f.end + sentence.start
    f.counted = _counted(sentence, s_, e_, f.unit, f.cls)
    f.category = categorize(f.cls, f.counted, _window(f))
    apply(CATEGORY, "category", events, f.counted, f)
    if f.category == "party_members":
        doc.members_at = e_
    else:
        apply((membership_breakdown,), "category", events, f.counted, f)
    if f.cls != "percent":
        doc.last_count = (sentence.start, f.category)
    apply((organisations_by_jia,), "category", events, f.counted, f)
    _sentence_figures(doc, sentence).append((f.start, f.unit, f.category))
    end = f.end
    if f.cls == "money" and not f.post:
        jf = JIAO_FEN.match(text, end)
        if jf and jf.group(0):  # 123元1角1分: cheque-style small change
            f.value += Decimal(_digit(jf.group(1))) / 10 + Decimal(_digit(jf.group(2))) / 100
            end = jf.end()
    return Mention(
        type="figure", text=text[f.start:end], start=f.start + sentence.start, end=end + sentence.start,
        fields={
            "value": plain(f.value),
            "value_max": plain(f.value_max) if f.value_max is not None else None,
            "unit": "元" if f.cls == "money" else f.unit,
            "qualifier": qualifier,
            "counted": f.counted,
            "category": f.category,
            "change": change_of(text[:f.start]),
        },
    )


AGE_NUM = rf"(?:\d+|[{TEN}]+)"
AGE = re.compile(rf"{AGE_NUM}(?:[—\-～~至到]{AGE_NUM})?周?岁(?:及?以[下上])?$")  # 35岁以下, 36—45岁
BREAKDOWN_REACH = 300  # characters after the total within which a breakdown may leave the noun out


COMPARED = re.compile(r"[比较][^，,。；;]{0,12}?(?:净增|增加|增长|减少|下降|净减|多|少)了?$")
MEMBERS_IN = re.compile(r"党员(?:队伍)?中(?!心)")  # 全国党员中,工人796万名
MEMBERS_HEADING = re.compile(r"党员的[\u4e00-\u9fff、和]{1,12}[。.:：]?")  # 党员的职业。 党员的性别、民族和学历。
JOINED = re.compile(r"(?<!申请)入党的?$")  # 新中国成立前入党的6.8万名 (but 申请入党的 are applicants)


def _members_topic(doc: Document, sentence: Sentence, before: str, at: int) -> bool:
    """Do the words before this person count (or a heading sentence before it) say they are members?

    ``at`` is where the count starts in the document: 全国党员中 covers the list items after it up
    to the full stop, across the semicolons that make each item a sentence of its own.
    """
    clause = HARD_STOP.split(before)[-1]
    window = doc.text[max(0, at - BREAKDOWN_REACH):at]
    stop = max(window.rfind("。"), window.rfind("\n"))
    if MEMBERS_IN.search(window[stop + 1:]) or JOINED.search(clause):
        return True
    if sentence.text.startswith("党员的") and MEMBERS_HEADING.match(sentence.text):
        return True  # the heading opens this very sentence: 党员的职业。工人…
    prev = doc.before(sentence)
    return prev is not None and MEMBERS_HEADING.fullmatch(prev.text) is not None


def _breakdown(before: str, counted: str) -> bool:
    """Is this a person count of a membership breakdown by age, schooling or sex (35岁以下5963名), or of
    a subgroup that names no noun of its own (其中生产、工作一线的112.0万名; 大专及以上学历的115.9万名)?"""
    clause = HARD_STOP.split(before)[-1].strip()
    among = clause.startswith("其中")
    clause = clause.removeprefix("其中").strip()
    if AGE.search(clause) or not counted and (among or clause.endswith("的")):
        return True
    words = tables().breakdown_words
    return clause in words or (counted in words and clause.endswith(counted))


def _whole_words(sentence: Sentence, start: int, end: int) -> bool:
    """Does a word begin at ``start`` and end by ``end`` (not 统|一, not 零部件 swallowing its unit)?"""
    tok = sentence.word_at(start)
    return tok is not None and tok.start == start and tok.end <= end


def _digit(ch: str | None) -> int:
    if not ch:
        return 0
    return int(ch) if ch.isdigit() else DIGITS[ch]


def _verb_then_counted(tokens: list[Token], i: int) -> str:
    """14个|达标|单位, 170名|留守|村民, 两个|拆迁|安置|小区: a verb (or two) right after the measure word says
    which of the things counted after it (so does a word jieba tags an adverb: 11个|高新|企业); the phrase is
    kept when those are a known counted noun, else "". The caller asks only after units that count things or
    persons: after 年 or 次 (连续两年|参与社区服务, 5次|召开党委会) the verb is what was done."""
    j = i + 1 if i + 2 < len(tokens) and tokens[i + 1].tag == "v" and tokens[i].tag == "v" else i  # (拆迁|安置)
    if j + 1 >= len(tokens) or not tokens[i].tag.startswith(("v", "d")) or not _noun_like(tokens[j + 1]):
        return ""
    rest, _ = _phrase_after(tokens, j + 1)
    return "".join(t.word for t in tokens[i:j + 1]) + rest if rest and lookup_counted(rest) is not None else ""


def _counted(sentence: Sentence, start: int, end: int, unit: str, cls: str) -> str:
    """What the figure counts: the noun phrase after its unit, else the one before its number."""
    if cls == "count" and unit in tables().arabic_only:
        return unit  # 10单位, 7镇: the unit is the noun
    tokens = sentence.tokens  # the phrase rules read words on both sides, as far as the phrase goes
    k = sentence.token_index(end)
    straddle = k if k < len(tokens) and tokens[k].start < end else None
    i_after = k if straddle is None else k + 1
    scope_at = i_after
    if i_after < len(tokens) - 1 and tokens[i_after].word in _counted_stops() and tokens[i_after].tag == "r":
        i_after += 1  # 30余名|各|层级党员干部, 2000余名|各级|党组织书记: the phrase is read after the scope,
        if tokens[i_after - 1].word == "各" and tokens[i_after].word in SCOPE_NOUNS and i_after < len(tokens) - 1:
            i_after += 1  # which stays in it as written (各类经营主体)
    scope = "".join(t.word for t in tokens[scope_at:i_after])
    after = ""
    clean = True
    if cls not in ("percent",):
        if straddle is not None:
            rest = tokens[straddle].word[end - tokens[straddle].start:]
            tail, clean = _phrase_after(tokens, straddle + 1)
            rest_tag = sentence.doc.segmenter.tag(rest) if rest else ""
            if rest and not any(ch.isdigit() for ch in rest) and rest not in ("的",) and (
                    rest_tag.startswith("n") or rest_tag in P.NOUN_LIKE):
                after = rest + tail  # 名党员 glued: the rest of the word is what is counted
            else:
                after = tail if rest == "" else ""
        else:
            after, clean = _phrase_after(tokens, i_after)
        if after and not clean and lookup_counted(after) is None:
            owner = _before_de(tokens, i_after)
            head = owner if owner and lookup_counted(owner) is not None else _after_de(tokens, i_after)
            if head:
                after = head
        elif not after and cls not in ("duration", "measure") and not (  # (连续两年参与…的居民: not counted)
                cls == "person" and _phrase_before(tokens, sentence.token_index(start)).endswith(HEADCOUNT)):
            # (正式党员人数3人以上的班级: after 人数 the number is that headcount, not the class's)
            head = _after_de(tokens, i_after) if i_after < len(tokens) and tokens[i_after].tag not in ("x",) else ""
            if head and (cls == "person" or lookup_counted(head) is not None):
                after = head  # 1218个建在产业链上的党组织: what is counted follows the 的
            elif cls in ("count", "person") and straddle is None:
                after = _verb_then_counted(tokens, i_after)
                if cls == "person" and lookup_counted(after) not in PERSON_CATEGORIES:
                    after = ""  # 30余人|参加|会议: what the persons did, not who they are
        if cls == "person" and after and lookup_counted(after) not in PERSON_CATEGORIES:
            head = _after_de(tokens, i_after)  # 15名获颁纪念章的老党员, 942名符合条件的老党员: the clause says which
            if head and lookup_counted(head) in PERSON_CATEGORIES:  # persons, the noun after its 的 what they are
                after = head
    if after:
        return scope + after
    return _phrase_before(tokens, sentence.token_index(start))


STAGES = (("exclude", EXCLUSIONS), ("unit", UNIT),
          ("category", (*CATEGORY, membership_breakdown, organisations_by_jia)), ("range", (range_written_twice,)))
"""The figure rules stage by stage, in the order they run (``djextract explain --rules``)."""
