"""The figures extractor: spec §2 examples, every exclusion class, traditional input, a property."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import djextract


def figs(text: str) -> list:
    return [m for m in djextract.extract(text, ["figure"])]


def one(text: str):
    found = figs(text)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


def test_range_has_value_max():
    m = one("每个网格有1-2个党组织")
    assert m.fields["value_max"] == 2 and m.to_dict()["value_max"] == 2
    m = one("每个网格有1至2个党组织")
    assert (m.value, m.fields["value_max"]) == (1, 2)
    m = one("配备五六百名网格员")
    assert (m.value, m.fields["value_max"]) == (500, 600)
    d = one("党员7514人").to_dict()
    assert "value_max" in d and d["value_max"] is None  # every field of a type on every mention (spec §4)


def test_counted_before_and_after():
    assert one("全市党员7514人").counted == "党员"
    assert one("8117名党员参与抗疫").counted == "党员"
    assert one("为社区“两委”干部500余名").category == "people"
    assert one("500余名社区“两委”干部参与").counted.startswith("社区“两委”干部")


def test_a_verb_that_continues_a_counted_noun_phrase_is_part_of_it():
    # jieba tags 组织 as a verb; before a noun it is part of what is counted (figures/counted_verb_nouns.txt)
    m = one("5个“两新”组织党组织获评先进")
    assert m.counted.startswith("“两新”组织党组织") and m.category == "party_organizations"
    assert one("发动5个党支部组织开展活动").counted == "党支部"  # before a verb it stays a verb


def test_shang_qualifies_only_a_bare_round_number():
    assert [(m.text, m.qualifier) for m in figs("实现集体经济收入上30万元以上的村4个")][0] == ("30万元以上", "over")
    assert [(m.text, m.qualifier) for m in figs("组织上万人参加")] == [("上万人", "over")]


def test_traditional_input_offsets():
    text = "城市基層黨員7514人,新成立黨支部62個"
    a, b = figs(text)
    assert (a.value, a.category, a.source_text, a.text) == (7514, "party_members", "7514人", "7514人")
    assert (b.value, b.category, b.source_text, b.text) == (62, "party_organizations", "62個", "62个")
    assert text[b.start:b.end] == "62個"


def test_samples_each_figure_maps_back(sample_mentions, sample_texts):
    for name, ms in sample_mentions.items():
        for m in ms:
            assert sample_texts[name][m.start:m.end] == m.source_text


CN_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write 1 ≤ n < 100000000 in Chinese numerals (the reference form)."""
    def below_10000(x: int, leading: bool) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // unit
            x %= unit
            if d:
                if zero:
                    out += "零"
                    zero = False
                out += CN_DIGITS[d] + name
            elif out or not leading:
                zero = True
        return out
    hi, lo = divmod(n, 10000)
    s = (below_10000(hi, True) + "万") if hi else ""
    if lo:
        s += ("零" if hi and lo < 1000 else "") + below_10000(lo, True)
    return s


@settings(max_examples=150, deadline=None)
@given(n=st.integers(min_value=2, max_value=99_999_999), unit=st.sampled_from(["名", "个", "人", "家", "项"]),
       chinese=st.booleans())
def test_property_numbers_parse_back(n, unit, chinese):
    written = to_chinese(n) if chinese else str(n)
    text = f"全市共有党支部{written}{unit},同比增长。"
    found = figs(text)
    assert len(found) == 1, (text, [(m.text, m.value) for m in found])
    assert found[0].value == n
    assert text[found[0].start:found[0].end] == f"{written}{unit}"


@pytest.mark.parametrize("text,counted,category", [
    ("全国共有党的各级地方委员会3208个", "地方委员会", "party_organizations"),
    ("其中,市(州)委398个", "市(州)委", "party_organizations"),  # committees written with their levels
    ("建立村委5个", "村委", "units"),
    ("占全区34.93%民办学校党组织70家", "民办学校党组织", "party_organizations"),  # not 34.93%民办学校党组织
])
def test_committees_and_a_percentage_glued_before_what_is_counted(text, counted, category):
    f = [m for m in figs(text) if m.unit != "%"][0]
    assert (f.counted, f.category) == (counted, category)


@pytest.mark.parametrize("text,span,value,category,counted", [
    # copies of Word and PDF documents put a space around digits
    ("共选派 7 名乡镇干部到村任职", "7 名", 7, "people", "乡镇干部"),
    ("投资 350 万元新建培训基地", "350 万元", 3500000, "money", None),
    ("多渠道筹措资金 350 多万元", "350 多万元", 3500000, "money", "资金"),
    ("今年共举办培训班 10 次", "10 次", 10, "events", "培训班"),
    ("培训村干部 930 人", "930 人", 930, "people", "培训村干部"),
    ("约 30 人参加", "约 30 人", 30, "people", None),
])
def test_a_space_between_number_and_unit(text, span, value, category, counted):
    f = one(text)
    assert (f.text, f.value, f.category) == (span, value, category)
    assert counted is None or f.counted == counted


def test_a_membership_breakdown_that_leaves_the_noun_out_counts_members():
    text = ("有支部1044个;党员24729名,其中:女党员3666名,占14.82%。从年龄结构看,35岁以下5963名,占24.1%;"
            "36—45岁5286名,占21.4%;60岁以上6973名。从文化程度看,研究生41名,占0.2%;大学2360名,占9.5%。")
    cats = {f.text: f.category for f in figs(text) if f.unit == "名"}
    assert set(cats.values()) == {"party_members"} and len(cats) == 7
    # without a count of members before it, an age group is people (and the age a figure of its own)
    assert [(f.text, f.category) for f in figs("从年龄结构看,35岁以下5963名")] == [("35岁以下", "other"),
                                                                          ("5963名", "people")]
    assert [f.category for f in figs("全市共有党员500名。共有3人获评先进工作者")] == ["party_members", "people"]


BULLETIN = """截至2023年12月31日,中国共产党党员总数为9918.5万名,比2022年底净增114.4万名,增幅为1.2%。
中国共产党现有基层组织517.6万个,比2022年底净增11.1万个,增幅为2.2%。
党员的入党时间。新中国成立前入党的6.8万名,党的十八大以来入党的2611.2万名。
党员的职业。工人(工勤技能人员)664.3万名,农牧渔民2607.5万名,学生277.1万名,离退休人员2064.4万名。
统计指出,9125个城市街道、2万9620个乡镇、11万9437个社区已建立党组织。
截至2023年底,全国入党申请人2098万名,入党积极分子为1054.7万名。"""


def test_a_statistical_bulletin():
    found = {f.text: (f.value, f.category) for f in figs(BULLETIN) if f.unit != "%"}
    assert found["114.4万名"] == (1144000, "party_members")  # an increase counts what it increases
    assert found["11.1万个"] == (111000, "party_organizations")
    assert found["6.8万名"] == (68000, "party_members")  # those who joined
    assert {found[k][1] for k in ("664.3万名", "2607.5万名", "277.1万名", "2064.4万名")} == {"party_members"}
    assert found["2万9620个"] == (29620, "units") and found["11万9437个"] == (119437, "units")
    assert found["2098万名"][1] == "people" and found["1054.7万名"][1] == "activists"


def test_chinese_decimals_and_mixed_numerals():
    text = ("全國中共黨員總數為七千三百三十六點三萬名。全國黨員中,工人七百九十六萬名,占百分之十點八;"
            "學生一百九十四點七萬名,占百分之二點六。投入1万5千元。")
    found = {f.text: (f.value, f.category) for f in figs(text)}
    assert found["七千三百三十六点三万名"] == (73363000, "party_members")
    assert found["一百九十四点七万名"] == (1947000, "party_members")  # 全国党员中 covers the list
    assert found["百分之十点八"] == (10.8, "percentage")
    assert found["1万5千元"] == (15000, "money")
    assert figs("下午三点召开会议") == []


@pytest.mark.parametrize("text,span,value,value_max", [
    ("120个村的村集体收入可达40万元至50万元", "40万元至50万元", 400000, 500000),
    ("每期培训3人到5人", "3人到5人", 3, 5),
    ("共投入100万元-200万元", "100万元-200万元", 1000000, 2000000),
])
def test_a_range_written_with_its_unit_twice(text, span, value, value_max):
    f = [f for f in figs(text) if f.text == span]
    assert len(f) == 1 and (f[0].value, f[0].value_max) == (value, value_max)
    assert len([g for g in figs(text) if g.start >= f[0].start]) == 1  # the top is not a figure of its own


def test_teams_and_a_quoted_organisation_before_the_number():
    found = {f.text: (f.counted, f.category) for f in figs(
        "琼海选派了12支镇乡村振兴工作队。截至目前,全市共成立“两新”组织158个")}
    assert found["12支"] == ("镇乡村振兴工作队", "other")
    assert found["158个"] == ("“两新”组织", "units")




@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["截至", "共有", "新增", "党员", "62", "1,204", "3.5", "七千", "万", "个", "名",
                                 "人", "百分之", "十", "年", "，", " ", "约", "余", "%", "至", "-", "亿元"]),
                max_size=14))
def test_figure_matches_are_finditers(parts):
    """The search from near each digit or numeral finds what the regex's finditer finds, in order."""
    from djextract.extractors.figures import _matches, tables

    text = "".join(parts)
    assert [m.span() for m in _matches(text, tables())] == [m.span() for m in tables().regex.finditer(text)]
