"""Parse the number part of a matched figure: Arabic, Chinese and mixed numerals.

Only ever applied to spans the figures extractor has already matched, never to
running text, so slogans such as 两学一做 are never rewritten into digits.
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2,
    "三": 3, "叁": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000, "兆": 10**12}
SPECIAL = {"廿": 20, "卅": 30, "卌": 40}

CN_DIGIT_CHARS = "".join(DIGITS)
TEN = "一二三四五六七八九十"  # the numerals of ordinals and numbered names (第三, 二十四局, 三河口村)

ARABIC_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


class NumberError(ValueError):
    """Raised when a span is not a well-formed numeral."""


def plain(value: Decimal) -> int | float:
    """Whole numbers come back as int so JSON shows 7514, not 7514.0."""
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _tokens(text: str) -> list[tuple[str, Decimal | int]]:
    """Split a numeral into ('v', value) and ('u', unit) items; Arabic runs become one value."""
    items: list[tuple[str, Decimal | int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        m = ARABIC_RE.match(text, i) if ch.isdigit() else None
        if m:
            items.append(("v", Decimal(m.group(0).replace(",", ""))))
            i = m.end()
            continue
        if ch in DIGITS:
            items.append(("d", Decimal(DIGITS[ch])))
        elif ch in SMALL_UNITS:
            items.append(("u", SMALL_UNITS[ch]))
        elif ch in BIG_UNITS:
            if ch == "万" and text[i + 1:i + 2] == "亿":
                items.append(("U", 10**12))
                i += 2
                continue
            items.append(("U", BIG_UNITS[ch]))
        elif ch in SPECIAL:
            items.append(("v", Decimal(SPECIAL[ch])))
        elif ch in "点":
            raise NumberError(f"misplaced 点 in {text!r}")
        else:
            raise NumberError(f"not a numeral: {ch!r} in {text!r}")
        i += 1
    return items


def parse_chinese(text: str) -> Decimal:
    """Parse a numeral written with digits and units: 三万五千, 十二亿零五百万, 3.6万, 1万600, 一二三."""
    if not text:
        raise NumberError("empty numeral")
    if len(text) == 1 and text in SMALL_UNITS and text != "十":
        return Decimal(SMALL_UNITS[text])  # 近百名, 上千人: a bare unit is one of it
    if len(text) == 1 and text in BIG_UNITS:
        return Decimal(BIG_UNITS[text])
    if "点" in text:
        whole, _, frac = text.partition("点")
        if not frac:
            raise NumberError(f"bad decimal numeral {text!r}")
        if all(ch in DIGITS for ch in frac):
            frac_digits = "".join(str(DIGITS[c]) for c in frac)
        elif frac.isdigit():
            frac_digits = frac
        else:
            raise NumberError(f"bad decimal numeral {text!r}")
        if not whole:
            raise NumberError(f"decimal numeral without a whole part: {text!r}")
        return parse_chinese(whole) + Decimal("0." + frac_digits)
    for special, spelled in (("廿", "二十"), ("卅", "三十"), ("卌", "四十")):
        text = text.replace(special, spelled)
    items = _tokens(text)
    fractional = [i for i, (k, v) in enumerate(items) if k == "v" and v != int(v)]
    if fractional and fractional[0] + 2 < len(items):
        raise NumberError(f"a decimal can only carry one unit: {text!r}")
    if all(kind == "d" for kind, _ in items):
        # 一二三 read digit by digit; a single digit is itself.
        return Decimal("".join(str(int(v)) for _, v in items))
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    saw_zero = False
    last_small: Decimal | int | None = None
    last_big: Decimal | int | None = None
    prev_kind = ""
    for kind, val in items:
        if kind in ("v", "d"):
            if prev_kind in ("v", "d") and not (prev_kind == "d" and number == 0):
                raise NumberError(f"two numbers in a row in {text!r}")
            if kind == "d" and val == 0:
                saw_zero = True
            number = Decimal(val)
        elif kind == "u":
            if last_small is not None and val >= last_small and prev_kind != "U":
                raise NumberError(f"units out of order in {text!r}")
            if number is None or (number == 0 and prev_kind == "d"):
                if val != 10 and number is None:
                    raise NumberError(f"unit needs a number in {text!r}")
                number = Decimal(1)  # 十一, and 一千零十 (a unit after 零 stands for one of it)
            section += number * val
            number = None
            last_small = val
        else:  # big unit
            if number is not None:
                section += number
            if section == 0 and total == 0:
                raise NumberError(f"unit needs a number in {text!r}")
            if last_big is not None and val > last_big:
                total = (total + section) * val
            else:
                total += section * val
            section = Decimal(0)
            number = None
            last_small = None
            last_big = val
            saw_zero = False
        prev_kind = kind
    if number is not None:
        last_unit = last_small if prev_kind == "d" and items[-2][0] == "u" else None
        if prev_kind == "d" and len(items) >= 2 and items[-2][0] == "U" and not saw_zero:
            last_unit = last_big
        if last_unit and last_unit >= 100 and not saw_zero:
            # 两千六 = 2600, 一百二 = 120, 三万五 = 35000: a trailing digit is one order below.
            section += number * last_unit / 10
        else:
            section += number
    return total + section


def parse_number(text: str) -> int | float:
    """Parse a number as written in a figure: 7514, 3.6万, 1,200, 三百, 两, 1万600, 百分之八十九."""
    text = text.strip()
    if not text:
        raise NumberError("empty number")
    negative = text.startswith(("负", "-"))
    if negative:
        text = text[1:]
    if text.startswith("百分之"):
        text = text[3:]
    value = _parse_mixed(text)
    return plain(-value if negative else value)


def _parse_mixed(text: str) -> Decimal:
    m = ARABIC_RE.fullmatch(text)
    if m:
        return Decimal(text.replace(",", ""))
    return parse_chinese(text)
