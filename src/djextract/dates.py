"""The report's own date (spec §8): from its source line, its signature, or the page's metadata.

Why in this order: a newspaper's source line (《人民日报》（2025年07月01日第 19 版）)
and a signature under the text (绍兴一中党委 2011年2月) date the report itself,
while a page's 发布时间 dates its posting, often a repost years later; dates
inside the text (8月4日) are events, not the report's date. The decoded input is
read, not the cleaned text, since cleaning removes exactly these lines.
"""

from __future__ import annotations

import re

from .clean import gloss_runs
from .extractors.numbers import TEN, NumberError, parse_number

Y = r"((?:19|20)\d{2})"
M = r"(\d{1,2})"
D = r"(\d{1,2})"
SEP_DATE = rf"{Y}\s*[-/.年]\s*{M}\s*[-/.月]\s*{D}\s*日?"
SOURCE_LINE = re.compile(rf"《[^》]{{1,20}}》\s*[（(]\s*{Y}\s*年\s*{M}\s*月\s*{D}\s*日")
SIGNATURE = re.compile(rf"^\s*(?:[\u4e00-\u9fff（）()]{{2,30}}\s+)?{Y}\s*年\s*{M}\s*月(?:\s*{D}\s*日)?\s*$", re.M)
METADATA = re.compile(rf"(?:发布|發佈|發布|信息提供|发表|發表)?(?:时间|時間|日期)\s*[:：]\s*{SEP_DATE}")
# A date alone at the head of a line near the top, perhaps with a time or a byline after it:
# 2018-08-02 06:05, 2021年01月10日11:32:39, 2022/06/29 17:30
HEADER = re.compile(rf"^[\s>]*{SEP_DATE}(?=\s*(?:\d{{1,2}}:\d{{2}}|$|[\u4e00-\u9fff]{{2,4}}\s*$))", re.M)
TITLE_YEAR = re.compile(rf"^[^\n]{{0,12}}?{Y}\s*年度?(?=[\u4e00-\u9fff])")  # 2023年社区党建工作总结报告
# 二〇一一年六月十五日: a signature's date in Chinese numerals, read as 2011年6月15日
CN_NUMERAL = "〇零○" + TEN
CN_DATE = re.compile(rf"([{CN_NUMERAL[:-1]}]{{4}})\s*年\s*([{CN_NUMERAL}]{{1,3}})\s*月"
                     rf"(?:\s*([{CN_NUMERAL}]{{1,3}})\s*日)?")
HEAD = 600  # the page's header and metadata stand in its first characters
TAIL = 400  # a signature stands in the last characters of the text


def _fmt(y: str, m: str | None = None, d: str | None = None) -> str | None:
    if m is None:
        return y
    if not 1 <= int(m) <= 12:
        return None
    if d is None:
        return f"{y}-{int(m):02d}"
    if not 1 <= int(d) <= 31:
        return None
    return f"{y}-{int(m):02d}-{int(d):02d}"


def _arabic_date(m: re.Match[str]) -> str:
    try:
        day = f"{parse_number(m.group(3))}日" if m.group(3) else ""
        return f"{parse_number(m.group(1))}年{parse_number(m.group(2))}月{day}"
    except NumberError:  # 十十月: no numeral, so no date
        return m.group(0)


def report_date(raw: str) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` when the text states its own date, else None."""
    m = SOURCE_LINE.search(raw)
    if m:
        return _fmt(*m.groups())
    runs = gloss_runs(raw)  # 時(shí)間: pinyin after characters
    if runs:
        ends = [0, *(x for m in runs for x in m.span()), len(raw)]
        raw = "".join(raw[ends[k]:ends[k + 1]] for k in range(0, len(ends), 2))
    tail = CN_DATE.sub(_arabic_date, raw[max(0, len(raw) - TAIL):])
    for m in reversed(list(SIGNATURE.finditer(tail))):
        return _fmt(*m.groups())
    head = raw[:HEAD]
    for pattern in (HEADER, METADATA):
        m = pattern.search(head) or (pattern.search(raw) if pattern is METADATA else None)
        if m:
            return _fmt(*m.groups())
    m = TITLE_YEAR.search(raw.lstrip())
    return _fmt(m.group(1)) if m else None
