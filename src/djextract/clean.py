"""Cleaning: full-width forms, pinyin glosses, web boilerplate lines and garbled spans.

Why: scraped pages carry breadcrumbs, footers, share buttons and SEO spam, and
some carry passages decoded out of step (mojibake). Extracting from those gives
false bodies and figures. Every step here keeps the text's length — dropped
lines and garbled spans become line breaks — so offsets survive untouched;
only pinyin glosses are cut out (through the offset map), since they sit
inside words.
"""

from __future__ import annotations

import re

from .lexicon import derived, load_lines

MASK = "\n"
# 社區(qū), 時(shí)間, 礦(kuang)(kuang): runs of pinyin in brackets right after a Chinese character
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_SYLLABLE = (r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcswy])?"
             r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|iao|ian|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|"
             r"ui|un|ve|vn|a|o|e|i|u|v)")
# (opening with the bracket, not with a look behind it, lets the engine skip to brackets; gloss_runs checks
# that a character stands before)
GLOSS = re.compile(rf"(?:[(（](?:[a-zü]*[{_TONED}][a-zü]*|{_SYLLABLE})[)）])+")
TONED = re.compile(f"[{_TONED}]")
# Toneless glosses (的(de), 面龐(pang)) are cut only where a page has this many: one bracketed
# syllable after a word, 措施(a), is more likely a list label than a gloss.
TONELESS_RUNS = 3


def gloss_runs(text: str) -> list[re.Match[str]]:
    """Every run of bracketed pinyin right after a character (時(shí)間, 的(de)), toned or not."""
    return [m for m in GLOSS.finditer(text) if m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff"]


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """Where pinyin glosses stand after characters (they are removed, not masked: they sit inside words)."""
    runs = gloss_runs(text)
    toneless = [m for m in runs if not TONED.search(m.group())]
    if len(toneless) < TONELESS_RUNS:
        runs = [m for m in runs if TONED.search(m.group())]
    return [m.span() for m in runs]


@derived
def _fullwidth_table() -> dict[int, str]:
    table = {}
    for cp in range(0xFF10, 0xFF1A):  # digits
        table[cp] = chr(cp - 0xFEE0)
    for cp in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # letters
        table[cp] = chr(cp - 0xFEE0)
    for line in load_lines("clean/fullwidth.txt"):
        src, _, dst = line.partition(" ")
        dst = dst.strip().encode().decode("unicode_escape") if dst.strip().startswith("\\u") else dst.strip()
        if len(src) == 1 and len(dst) == 1:
            table[ord(src)] = dst
    return table


@derived
def _fullwidth_re() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_fullwidth_table())) + "]")


def normalize_width(text: str) -> str:
    """Full-width digits, letters and figure signs to ASCII, one character for one.

    A regex finds the few characters to change (20× faster than str.translate over the whole text).
    """
    table = _fullwidth_table()
    return _fullwidth_re().sub(lambda m: table[ord(m.group())], text)


@derived
def _boilerplate_res() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """Rules anchored at the line's start (tried once per line) and the rest (searched through it).

    Kept apart because a regex mixing both is tried at every position of every
    line. The unanchored rules that open with a literal character are one regex,
    which the regex engine skips through to where one of those characters stands;
    each other rule (\\d{4}年…, a group) is a regex of its own, since one such rule
    among the others makes the engine try every rule at every position (2× slower).
    """
    rules = load_lines("clean/boilerplate.txt")
    anchored = [p for p in rules if p.startswith("^")] or ["(?!)"]
    free = [p for p in rules if not p.startswith("^")]
    led = [p for p in free if _opens_with_literal(p)]
    alone = [p for p in free if not _opens_with_literal(p)]
    searched = (["|".join(f"(?:{p})" for p in led)] if led else []) + alone
    return re.compile("|".join(f"(?:{p})" for p in anchored)), tuple(map(re.compile, searched))


def _opens_with_literal(pattern: str) -> bool:
    """Does the pattern open with one literal character (当前位置, \\[…), with no alternation of its own?"""
    if not pattern or pattern[0] in "^$.|()[]{}*+?" or "|" in pattern.replace("\\|", ""):
        return False
    return pattern[0] != "\\" or not pattern[1:2].isalnum()


@derived
def _block_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_lines("clean/boilerplate_blocks.txt")))


LINE_RE = re.compile(r"[^\n]*\n?")
SENTENCE_PUNCT = re.compile(r"[。！？；!?;，,：:]")
TITLE_MARK = re.compile("[《》]")  # a line split around a title (…《|公司法|》…) is prose, not a menu
BLOCK_LINE_MAX = 50
NAV_LINE_MAX = 8
NAV_RUN_MIN = 4


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of lines that are web boilerplate, not report content."""
    spans: list[tuple[int, int]] = []
    anchored, free = _boilerplate_res()
    block = _block_re()
    in_block = False
    nav_run: list[tuple[int, int]] = []

    def flush_nav() -> None:
        if len(nav_run) >= NAV_RUN_MIN:
            spans.extend(nav_run)
        nav_run.clear()

    for m in LINE_RE.finditer(text):
        line = m.group(0)
        if not line:
            break
        start, end = m.start(), m.start() + len(line.rstrip("\n"))
        stripped = line.strip()
        if not stripped:
            continue
        if in_block:
            if len(stripped) <= BLOCK_LINE_MAX:
                spans.append((start, end))
                continue
            in_block = False
        if block.fullmatch(stripped):
            spans.append((start, end))
            in_block = True
            flush_nav()
            continue
        if len(stripped) <= 2000 and (anchored.match(stripped) or any(f.search(stripped) for f in free)):
            spans.append((start, end))
            flush_nav()
            continue
        if len(stripped) <= NAV_LINE_MAX and not SENTENCE_PUNCT.search(stripped) and not TITLE_MARK.search(stripped):
            nav_run.append((start, end))
        else:
            flush_nav()
    flush_nav()
    spans.extend(_title_tail(text))
    spans.extend(m.span(1) for m in CREDIT_TAIL.finditer(text))
    spans.sort()
    return spans


# 大兴安岭北极湖初秋风貌。　　大兴安岭地委组织部供图: a photo credit after its caption, set off by spaces
CREDIT_TAIL = re.compile(r"[\u3000 ]{2,}([^\s，。,]{2,24}?(?:供图|(?<!拍)摄))[ \t\u3000]*$", re.M)


# 学校班子成员年度述职报告--党政办-绍兴市第一中学: a page title is the headline, then the section and the site
TITLE_TAIL = re.compile(r"\s*(?:--|__|_|\|)\s*[^-_|\n]{1,12}\s*[-_|]\s*[^-_|\n]{2,30}\s*$")


def _title_tail(text: str) -> list[tuple[int, int]]:
    """The section and site names a page title ends with (on the first line only; the headline is content)."""
    first = LINE_RE.match(text)
    line = first.group(0).rstrip("\n") if first else ""
    m = TITLE_TAIL.search(line)
    if m is None or m.start() < 4 or SENTENCE_PUNCT.search(m.group(0)):
        return []
    return [(m.start(), m.end())]


# 绍兴市第一中学 版权所有 Copyright ©…, 版权所有@文昌国际航天城管理局: the site's owner in its footer
COPYRIGHT = re.compile(r"^[ \t]*(?P<before>[\u4e00-\u9fff（）()]{4,30})[ \t]*版权所有"
                       r"|版权所有[ \t]*[@©:：][ \t]*(?P<after>[\u4e00-\u9fff（）()]{4,30})", re.M)


def publisher(text: str) -> str | None:
    """Whose site the page is on: the site name its title ends with, else the owner its footer names.

    Why: both are boilerplate, masked before extraction, yet a page on a school's,
    hospital's or company's own site is about that body when its headline names
    none (学校班子成员年度述职报告--党政办-绍兴市第一中学); the owners read it.
    """
    first = LINE_RE.match(text)
    line = first.group(0).rstrip("\n") if first else ""
    for a, b in _title_tail(text):
        site = re.split(r"[-_|]", line[a:b].strip(" -_|"))[-1].strip()
        if site:
            return site
    footers = list(COPYRIGHT.finditer(text))  # the last: a footer is at the end
    return (footers[-1].group("before") or footers[-1].group("after")) if footers else None


@derived
def common_chars() -> frozenset[str]:
    return frozenset("".join(load_lines("clean/common_chars.txt")))


@derived
def zhu_words() -> frozenset[str]:
    """The words whose 著 stays 著 in text converted from traditional (convert.particle_zhe)."""
    return frozenset(load_lines("clean/zhu_words.txt"))


ANCHOR_RE = re.compile(r"(?<=[\u4e00-\u9fff])[?\ufffd](?=[^\s”」』’\"')）\n])|\ufffd")
MAX_GAP = 3


def _odd(ch: str, common: frozenset[str]) -> bool:
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return ch not in common
    if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff":
        return True  # replacement character, private-use area: never in real prose
    return ch.isascii() and not ch.isdigit() and not ch.isspace()


def garbled_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text decoded out of step, such as ``?;鶎狱h``.

    A mojibake passage starts where a half-width ``?`` (or U+FFFD) is glued to
    Chinese text — real Chinese prose writes ``？`` — and runs on while rare
    characters or stray ASCII keep turning up within a few characters.
    """
    common = common_chars()
    spans: list[tuple[int, int]] = []
    last_end = -1
    for m in ANCHOR_RE.finditer(text):
        start = m.start()
        if start < last_end:
            continue
        end = start + 1
        i = end
        gap = 0
        n_odd = 1
        while i < len(text) and gap <= MAX_GAP:
            ch = text[i]
            if ch == "\n":
                break
            if _odd(ch, common):
                end = i + 1
                n_odd += 1
                gap = 0
            else:
                gap += 1
            i += 1
        if n_odd >= 2:
            spans.append((start, end))
            last_end = end
    return spans


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by line breaks of the same length."""
    if not spans:
        return text
    out = []
    prev = 0
    for s, e in spans:
        if s < prev:
            s = prev
        if e <= s:
            continue
        out.append(text[prev:s])
        out.append(MASK * (e - s))
        prev = e
    out.append(text[prev:])
    return "".join(out)
