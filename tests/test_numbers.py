"""Number parsing against the peer conformance cases (cn2an) and money cases (JioNLP)."""

from __future__ import annotations

import math

import pytest
from conftest import DATA, load_jsonl

import djextract
from djextract.extractors.numbers import NumberError, parse_number

CN2AN = load_jsonl(DATA / "cn2an_numerals.jsonl")
# Our parser reads numerals the way reports write them, i.e. cn2an's most lenient ("smart")
# mode: every value that mode accepts must parse to the same number, and every input that
# upstream rejects in all modes (the error tables) must be rejected.
VALUE_CASES = [c for c in CN2AN if c["kind"] == "cn2an" and c["mode"] != "direct"]
VALUE_CASES += [c for c in CN2AN if c["kind"] == "cn2an_error" and c["test_table"].endswith("(keys)")]
ERROR_CASES = [c for c in CN2AN if c["kind"] == "cn2an_error" and c["test_table"].startswith("error")]


def _expected(case):
    if case["kind"] == "cn2an":
        return case["expected"]
    return None


def _parse(text: str):
    """A numeral by the parser; an amount in 元 (壹佰捌拾壹圆柒角) as the figures extractor reads it."""
    if not any(ch in text for ch in "元圆整"):
        return parse_number(text)
    money = [m for m in djextract.extract(text, ["figure"]) if m.category == "money"]
    if len(money) != 1:
        raise NumberError(f"not one amount: {text!r}")
    return money[0].value


@pytest.mark.parametrize("case", [c for c in VALUE_CASES if _expected(c) is not None], ids=lambda c: c["input"])
def test_cn2an_values(case):
    assert math.isclose(_parse(case["input"]), case["expected"], rel_tol=1e-12, abs_tol=1e-12)


@pytest.mark.parametrize("case", [c for c in VALUE_CASES if c["kind"] == "cn2an_error"], ids=lambda c: c["input"])
def test_cn2an_lenient_forms_parse(case):
    # upstream's strict mode rejects these; its normal/smart modes (and reports) use them
    assert isinstance(_parse(case["input"]), (int, float))


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c["input"] or "<empty>")
def test_cn2an_errors(case):
    with pytest.raises(NumberError):
        _parse(case["input"])


def test_number_forms_from_the_spec():
    assert parse_number("3.6万") == 36000
    assert parse_number("329.14亿") == 32914000000
    assert parse_number("两") == 2
    assert parse_number("三百") == 300
    assert parse_number("1,200") == 1200
    assert parse_number("百分之八十九") == 89
    assert parse_number("廿二") == 22


MONEY = {c["input"]: c for c in load_jsonl(DATA / "jionlp_money.jsonl")}
# JioNLP money cases in 元 whose form a report can contain; other currencies are not
# figures in 元 (spec §2), vague forms such as 几十万 carry no number, and a full-width comma
# inside a number (82，225.00元) or a unit on both ends of a range (1万元--5万元) is not supported.
SUPPORTED_MONEY = ["1.2万元", "123元1角1分", "壹万二千三百四十五元",
                   "肆佰叁拾萬圆整", "肆佰叁拾萬圆", "一百二十三元1角1分", "近700万元", "至少九千块钱以上",
                   "1万-5万元", "一百二十到一百五十万元", "一千到两千万元人民币",
                   "七千到九千亿元", "三五百块", "四五千块钱"]
QUALIFIER = {"blur-": "nearly", "blur+": "over"}


@pytest.mark.parametrize("text", SUPPORTED_MONEY)
def test_jionlp_money_values(text):
    case = MONEY[text]
    expected = case["expected"]["num"]
    figs = [m for m in djextract.extract(text, ["figure"]) if m.category == "money"]
    assert len(figs) == 1, figs
    m = figs[0]
    if isinstance(expected, list):
        assert math.isclose(m.value, float(expected[0])) and math.isclose(m.value_max, float(expected[1]))
    else:
        assert math.isclose(m.value, float(expected), rel_tol=1e-9, abs_tol=0.006)
    if case["expected"]["definition"] in QUALIFIER:
        assert m.qualifier == QUALIFIER[case["expected"]["definition"]]


EXTRACT = [c for c in MONEY.values() if c["kind"] == "extract_money"]


@pytest.mark.parametrize("case", [c for c in EXTRACT if not c["expected"]], ids=lambda c: c["input"][:12])
def test_jionlp_sentences_without_money(case):
    assert not [m for m in djextract.extract(case["input"], ["figure"]) if m.category == "money"]


@pytest.mark.parametrize("text,values", [
    ("张三赔偿李大花人民币车费601,293.11元，工厂费一万二千三百四十五元,利息9佰日元，打印费十块钱。",
     [601293.11, 12345, 10]),  # 9佰日元 is yen: not a figure in 元
    ("税额共计壹仟玖佰圆整，限月今年12月31日缴清。", [1900]),
    ("今天去了一趟超市，开销123元1角1分", [123.11]),
    ("到了次日的凌晨2许时就发现车被盗了，该车价值2000余元", [2000]),
    ("年末结转和结余10.56亿元。", [1056000000]),
    ("花费了47.264287亿元简直是太破费了。", [4726428700]),
    ("2.2本计划投资3541.07万元2.3本项目……", [35410700]),
])
def test_jionlp_money_in_sentences(text, values):
    got = [m.value for m in djextract.extract(text, ["figure"]) if m.category == "money"]
    assert len(got) == len(values)
    for g, v in zip(got, values, strict=True):
        assert math.isclose(g, v, rel_tol=1e-9)
