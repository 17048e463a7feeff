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


@pytest.mark.parametrize("text,span,value,unit,qualifier,category", [
    ("全市共有党员7514人", "7514人", 7514, "人", None, "party_members"),
    ("动员机关3.6万余名党员干部", "3.6万余名", 36000, "名", "over", "party_members"),
    ("近百名党员干部参加", "近百名", 100, "名", "nearly", "party_members"),
    ("城市基层党组织535个", "535个", 535, "个", None, "party_organizations"),
    ("新成立党支部62个", "62个", 62, "个", None, "party_organizations"),
    ("每个网格有1-2个党组织", "1-2个", 1, "个", None, "party_organizations"),
    ("划拨402.15万元用于慰问", "402.15万元", 4021500, "元", None, "money"),
    ("累计投入资金3600多万元", "3600多万元", 36000000, "元", "over", "money"),
    ("实现地区生产总值1164.48亿元", "1164.48亿元", 116448000000, "元", None, "money"),
    ("占全部在职党支部的89%", "89%", 89, "%", None, "percentage"),
    ("年均涨幅超过23%", "超过23%", 23, "%", "over", "percentage"),
    ("占年度任务的70%左右", "70%左右", 70, "%", "about", "percentage"),
    ("达标率百分之九十", "百分之九十", 90, "%", None, "percentage"),
    ("储备入党积极分子643名", "643名", 643, "名", None, "activists"),
    ("火线入党129人", "129人", 129, "人", None, "party_members"),
    ("32名书记上台宣讲", "32名", 32, "名", None, "people"),
    ("给予党纪政务处分173人次", "173人次", 173, "人次", None, "people"),
    ("省直机关共有14个单位参与", "14个", 14, "个", None, "units"),
    ("开展活动909场次", "909场次", 909, "场次", None, "events"),
    ("全年召开党建联席会议2次", "2次", 2, "次", None, "events"),
    ("平均面积262平方米", "262平方米", 262, "平方米", None, "area"),
    ("行政区域面积达314.6平方公里", "314.6平方公里", 314.6, "平方公里", None, "area"),
    ("征地面积5173亩", "5173亩", 5173, "亩", None, "area"),
    ("短短三个月内完成", "三个月内", 3, "个月", "under", "duration"),
    ("由5个工作日压缩", "5个工作日", 5, "个工作日", None, "duration"),
    ("公示时间压缩至45天", "45天", 45, "天", None, "duration"),
    ("提前1年完成达标任务", "1年", 1, "年", None, "duration"),
    ("共有97个单位提交作品", "97个", 97, "个", None, "units"),
    ("转载13.9万次", "13.9万次", 139000, "次", None, "other"),
    ("参赛人数增加2倍", "2倍", 2, "倍", None, "other"),
    ("强化两个方面的工作", "两个", 2, "个", None, "other"),
    ("现下辖7镇", "7镇", 7, "镇", None, "units"),
    ("创建了党支部示范点6个", "6个", 6, "个", None, "party_organizations"),
    ("全年共举办四期支部书记讲党课活动", "四期", 4, "期", None, "events"),
    ("近百名政治意识好、业务能力强的党员干部", "近百名", 100, "名", "nearly", "party_members"),
    ("用时2个多月完成换届", "2个多月", 2, "个月", "over", "duration"),
    ("上百名志愿者参与", "上百名", 100, "名", "over", "people"),
    ("流动党员约200人", "约200人", 200, "人", "about", "party_members"),
    ("收集意见建议2,356条", "2,356条", 2356, "条", None, "other"),
])
def test_spec_examples(text, span, value, unit, qualifier, category):
    m = one(text)
    assert (m.text, m.value, m.unit, m.qualifier, m.category) == (span, value, unit, qualifier, category)


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


@pytest.mark.parametrize("text", [
    "2021年2月14日召开述职评议会",            # calendar points
    "2018年以来,文昌市多次组织",
    "今年6月1日方案正式公布",
    "发布时间 06:05",
    "党的十九大报告提出",
    "“十四五”开局之年",
    "近两年来,文昌市累计投入",                # a reporting period
    "第一批100个示范点",                     # ordinal (the 100 is a figure, 一批 is not)
    "第18次委员会议",
    "全省第8位",
    "分获团体总分前3名",
    "首届举办",
    "推进“两学一做”学习教育",               # formulae and slogans
    "落实三会一课制度",
    "增强四个意识",
    "建党100周年",
    "创新推进“1921”融合型党建品牌",          # numbers inside quoted names
    "提供“五个1000万”资金支持",
    "联系电话:010-56212745",                # phone numbers and codes
    "琼ICP备2020003525号",
    "一个热词、一批项目、一次探索",              # 一 as an article
    "千家万户",
    "统一部署",
    "三级网格化管理",                        # tiers
    "《“海曙区两新党建‘亮旗争强’三年行动计划”》",  # titles
    "召开新店花园二期项目临时党支部成立大会",     # a phase of a project (figures/unit_blockers.tsv)
    "一期工程已经完工",
    "一支部朱敏荣获一等奖,二支部毕晓宇获得二等奖",  # the Nth branch, not N of something
    "兖州联诚机械零部件有限公司党支部",          # 零部件: a numeral and its "unit" inside one word
])
def test_exclusions(text):
    found = [m for m in figs(text) if not (text.startswith("第一批") and m.value == 100)]
    assert found == [], [(m.text, m.value) for m in found]


def test_a_verb_that_continues_a_counted_noun_phrase_is_part_of_it():
    # jieba tags 组织 as a verb; before a noun it is part of what is counted (figures/counted_verb_nouns.txt)
    m = one("5个“两新”组织党组织获评先进")
    assert m.counted.startswith("“两新”组织党组织") and m.category == "party_organizations"
    assert one("发动5个党支部组织开展活动").counted == "党支部"  # before a verb it stays a verb


@pytest.mark.parametrize("text,category", [
    ("全县446个总(支)部", "party_organizations"),     # the bracketed character belongs to the word
    ("共设立总支部974个、支部17751个", "party_organizations"),
    ("党的基层组织2.7万个", "party_organizations"),
    ("2091家社会组织建立了党组织", "units"),
    ("2196个建制村均建立了党组织", "units"),
    ("新建团支部12个", "units"),                      # a Youth League branch is not a party organisation
    ("全年共举办四期支部书记讲党课活动", "events"),     # 支部 decides only at the end of the phrase
    ("在18个“两新”组织全面推进", "units"),            # 组织 completes a known term (两新组织)
    ("在12个中小学全面推进", "units"),                # 全面 is an adverb here (figures/counted_stop.txt)
])
def test_categories_of_organisations(text, category):
    assert figs(text)[0].category == category, [(m.text, m.counted, m.category) for m in figs(text)]


def test_adverbs_tagged_as_nouns_end_what_is_counted():
    assert one("在12个中小学全面推进").counted == "中小学"


def test_a_known_person_noun_right_after_the_unit_is_what_is_counted():
    assert one("成立了千余名党员参与的志愿者服务队").counted == "党员"   # not the noun after the later 的
    assert one("近百名政治意识好、业务能力强的党员干部参与").counted == "党员干部"


def test_a_list_of_figures_keeps_each_its_own_counted_noun():
    found = figs("7个驻区单位的96名党员志愿者与69个居委的448名社区党员志愿者共同为13500人次的居民服务")
    assert [(m.value, m.counted, m.category) for m in found] == [
        (7, "驻区单位", "units"), (96, "党员志愿者", "party_members"), (69, "居委", "units"),
        (448, "社区党员志愿者", "party_members"), (13500, "", "people")]


def test_a_verb_glued_to_the_unit_is_not_counted():
    assert one("组织机关党员干部20多人到精准扶贫点帮忙").counted == "机关党员干部"


def test_round_hundreds_and_thousands_with_a_qualifier_are_counts():
    assert [(m.text, m.value, m.qualifier) for m in figs("开展禁烧巡查千余次,万余人参加")] == [
        ("千余次", 1000, "over"), ("万余人", 10000, "over")]


def test_near_n_years_is_a_period_unless_a_verb_makes_it_a_length():
    assert [(m.text, m.qualifier) for m in figs("公司近三年营业收入超170亿元")] == [("超170亿元", "over")]
    assert [(m.text, m.category) for m in figs("历时近三年完成改造")] == [("近三年", "duration")]


def test_days_are_a_length_only_after_a_duration_word():
    found = figs("连续8日落户探访,为期3日的培训")
    assert [(m.text, m.category) for m in found] == [("8日", "duration"), ("3日", "duration")]
    assert figs("2月14日召开,14日上午结束") == []


def test_a_conjunction_glued_to_a_noun_ends_what_is_counted():
    assert [(m.value, m.counted) for m in figs("涉及10个政策局及6个部门")] == [(10, "政策局"), (6, "部门")]


def test_some_one_character_words_decide_only_at_the_end():
    assert one("探访220户基层会员家庭").category == "other"  # not events for the 会 inside 会员
    assert one("对4个村企联建示范企业予以表彰").category == "units"  # but 村 starts 村企


def test_shang_qualifies_only_a_bare_round_number():
    assert [(m.text, m.qualifier) for m in figs("实现集体经济收入上30万元以上的村4个")][0] == ("30万元以上", "over")
    assert [(m.text, m.qualifier) for m in figs("组织上万人参加")] == [("上万人", "over")]


def test_numbers_in_quoted_speech_are_figures():
    assert [m.text for m in figs("“一年有3个月都要耗在上访协调上。”村支书说")] == ["3个月"]


def test_members_of_a_household_are_people():
    assert [(m.value, m.category) for m in figs("只有67亩耕地,养活这749口人")] == [(67, "area"), (749, "people")]


@pytest.mark.parametrize("text,category", [
    ("全国申请入党人数2101.7万名", "people"),          # applicants are not members yet (figures/person_categories.tsv)
    ("入党积极分子1055.5万名", "activists"),
    ("2008年全国发展党员280.7万名,比上年多发展2.5万名", "party_members"),
    ("2700多个县(市、区)党委中", "party_organizations"),  # a short gloss inside what is counted
    ("全市十二个县(市、区)全部建立了党建联盟", "units"),
])
def test_who_is_counted(text, category):
    assert figs(text)[-1].category == category, [(m.text, m.counted, m.category) for m in figs(text)]


def test_negated_comparisons_keep_their_meaning():
    found = figs("每个村每年保障办公经费不低于5万元、专项经费不超过10万元")
    assert [(m.text, m.qualifier) for m in found] == [("不低于5万元", "over"), ("不超过10万元", "under")]


def test_training_rounds_are_events():
    assert one("培训党员干部,其中集中轮训3期").category == "events"


def test_what_is_counted_may_follow_a_de_clause():
    assert one("1218个建在产业链上的党组织引领发展").category == "party_organizations"


def test_plants_are_counted():
    assert [(m.value, m.unit, m.qualifier) for m in figs("共种植西梅等经济作物5800余株")] == [(5800, "株", "over")]


def test_percentage_points():
    m = one("比上年提高1.21个百分点")
    assert (m.text, m.value, m.unit, m.category) == ("1.21个百分点", 1.21, "个百分点", "percentage")


def test_sessions_are_still_counted():
    assert [(m.value, m.unit, m.category) for m in figs("举办培训班3期")] == [(3, "期", "events")]


def test_first_batch_keeps_the_real_count():
    assert [m.value for m in figs("第一批100个示范点")] == [100]


def test_traditional_input_offsets():
    text = "城市基層黨員7514人,新成立黨支部62個"
    a, b = figs(text)
    assert (a.value, a.category, a.source_text, a.text) == (7514, "party_members", "7514人", "7514人")
    assert (b.value, b.category, b.source_text, b.text) == (62, "party_organizations", "62個", "62个")
    assert text[b.start:b.end] == "62個"


def test_figures_inside_garbled_text_are_skipped():
    text = "政治功能是基层党组织的魂?;鶎8个狱h组织的政治功能,党员50人"
    assert [m.value for m in figs(text)] == [50]


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
    ("辖3个社区居委会", "社区居委会", "units"),  # ends in 会, but an organisation, not a meeting
    ("成立5个行业协会", "行业协会", "units"),
    ("组建8个村民委员会", "村民委员会", "units"),
    ("召开2次党员大会", "党员大会", "events"),
    ("选择100户农村党员家庭", "农村党员家庭", "other"),  # households (户) are not organisations
])
def test_organisations_named_with_hui_and_households(text, counted, category):
    f = one(text)
    assert (f.counted, f.category) == (counted, category)


def test_events_of_people_written_before_the_number_count_events():
    f = one("约谈党员干部40余次")
    assert (f.value, f.qualifier, f.counted, f.category) == (40, "over", "党员干部", "events")
    assert one("组织党员120人次参加").category == "people"  # 人次 counts people


def test_a_list_item_with_its_own_number_is_not_part_of_what_is_counted():
    f = one("形成24家直属党组织品牌、N个支部品牌竞相绽放")
    assert f.counted == "直属党组织品牌"
    assert one("划分党小组35个").category == "party_organizations"


def test_schools_and_departments_are_units():
    assert one("遴选培育创建校级标杆院系8个").category == "units"


@pytest.mark.parametrize("text,span,value,qualifier", [
    ("年销农产品超千万元", "超千万元", 10_000_000, "over"),  # a bare multiplier counts one of it
    ("近百万元", "近百万元", 1_000_000, "nearly"),
    ("上千万元", "上千万元", 10_000_000, "over"),
    ("投入3千万元", "3千万元", 30_000_000, None),
])
def test_compound_multipliers(text, span, value, qualifier):
    f = one(text)
    assert (f.text, f.value, f.unit, f.qualifier, f.category) == (span, value, "元", qualifier, "money")


@pytest.mark.parametrize("text,span,qualifier", [
    ("三沙设市4年多时间", "4年多", "over"),  # 多 after a length of time
    ("坚持了两年多,", "两年多", "over"),
    ("连续3年多次获评", "3年", None),  # three years, many times
])
def test_duo_after_a_length_of_time(text, span, qualifier):
    f = one(text)
    assert (f.text, f.qualifier, f.category) == (span, qualifier, "duration")


def test_jia_counts_organisations_but_households_stay_other():
    assert one("率先成立2家省级示范点家庭教育指导中心").category == "units"
    assert one("帮扶50家贫困户").category == "other"


def test_a_noun_jieba_tags_as_a_verb_is_counted():
    assert one("严格落实品牌创建五项举措。").counted == "举措"  # segment/tags.tsv


def test_front_line_party_organisations():
    f = one("成立江东新区动迁指挥部临时党支部等30多个项目一线党组织。")
    assert (f.value, f.qualifier, f.counted, f.category) == (30, "over", "项目一线党组织", "party_organizations")


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


@pytest.mark.parametrize("text", ["第 3 名", "2021 年 7 月 1 日", "前 3 名"])
def test_spaces_do_not_turn_dates_and_ranks_into_figures(text):
    assert figs(text) == []


@pytest.mark.parametrize("text,span,value", [
    ("可年供热量448万吉焦", "448万吉焦", 4480000),
    ("年发电量3.23万千瓦时", "3.23万千瓦时", 32300),
    ("新修道路4公里", "4公里", 4),
    ("销售蔬菜24万吨", "24万吨", 240000),
])
def test_measures_of_energy_length_and_weight_are_figures(text, span, value):
    f = one(text)
    assert (f.text, f.value, f.category) == (span, value, "other")


def test_people_counted_with_ge():
    assert one("组织全县31个处级领导分别联系乡镇").category == "people"
    assert one("选派3个村党支部书记").category == "people"
    assert one("建立5支干部队伍").category == "other"  # a team, not people
    assert one("举办四期支部书记讲党课活动").category == "events"  # 期 counts sessions


def test_people_named_after_a_joiner_lead_to_a_figure_of_their_own():
    found = figs("化龙堰镇高桥村党支部等8个基层党组织和陈晓黎、袁正东等8名党员被授予荣誉称号")
    assert [(f.counted, f.category) for f in found] == [("基层党组织", "party_organizations"),
                                                        ("党员", "party_members")]


@pytest.mark.parametrize("text,category", [
    ("全集团现有工程项目部342个", "units"),
    ("业务拓展至全国30个省市自治区", "units"),
    ("帮扶120多户困难群众", "other"),  # households, not people
    ("海南省6部作品获奖", "other"),
])
def test_project_departments_provinces_and_households(text, category):
    assert one(text).category == category


def test_colleges_are_units():
    assert one("三批全国共有410所高职院校入选".replace("三批", "")).category == "units"


def test_residential_districts_are_units():
    assert one("绿洲城市花园居民区辖区内共有7个居民区").category == "units"


def test_a_membership_breakdown_that_leaves_the_noun_out_counts_members():
    text = ("有支部1044个;党员24729名,其中:女党员3666名,占14.82%。从年龄结构看,35岁以下5963名,占24.1%;"
            "36—45岁5286名,占21.4%;60岁以上6973名。从文化程度看,研究生41名,占0.2%;大学2360名,占9.5%。")
    cats = {f.text: f.category for f in figs(text) if f.unit == "名"}
    assert set(cats.values()) == {"party_members"} and len(cats) == 7
    # without a count of members before it, an age group is people
    assert one("从年龄结构看,35岁以下5963名").category == "people"
    assert [f.category for f in figs("全市共有党员500名。共有3人获评先进工作者")] == ["party_members", "people"]


def test_branch_associations_are_units():
    assert one("近期還將發動10個地區分會分別舉辦座談分享會").category == "units"


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


def test_member_centre_households_are_not_a_members_topic():
    found = figs("全市党员500名。建立“小区党支部—党员中心户”体系,选聘楼栋长2300名")
    assert [f.category for f in found] == ["party_members", "people"]


@pytest.mark.parametrize("text,span,value,value_max", [
    ("120个村的村集体收入可达40万元至50万元", "40万元至50万元", 400000, 500000),
    ("每期培训3人到5人", "3人到5人", 3, 5),
    ("共投入100万元-200万元", "100万元-200万元", 1000000, 2000000),
])
def test_a_range_written_with_its_unit_twice(text, span, value, value_max):
    f = [f for f in figs(text) if f.text == span]
    assert len(f) == 1 and (f[0].value, f[0].value_max) == (value, value_max)
    assert len([g for g in figs(text) if g.start >= f[0].start]) == 1  # the top is not a figure of its own


def test_office_holders_counted_with_ge_are_people():
    assert one("厦门海沧区、宁德柘荣县等9个县(市、区)发改局局长").category == "people"


def test_special_committees_are_units():
    assert one("内设餐饮等9个专委会(协会)").category == "units"


def test_times_of_an_organisations_meeting_are_events_and_minutes_a_length():
    found = figs("每月党政班子成员集中学习不少于1次,每次不少于90分钟")
    assert [(f.text, f.category) for f in found] == [("不少于1次", "events"), ("不少于90分钟", "duration")]


def test_a_bare_hundred_million():
    assert [(f.text, f.value, f.qualifier) for f in figs("投入近亿元资金")] == [("近亿元", 100000000, "nearly")]
    assert figs("亿万人民") == []


def test_teams_and_a_quoted_organisation_before_the_number():
    found = {f.text: (f.counted, f.category) for f in figs(
        "琼海选派了12支镇乡村振兴工作队。截至目前,全市共成立“两新”组织158个")}
    assert found["12支"] == ("镇乡村振兴工作队", "other")
    assert found["158个"] == ("“两新”组织", "units")


def test_a_verbal_noun_may_open_what_is_counted():
    f = one("全面完成27个换届重难点村(社区)整顿")
    assert (f.counted, f.category) == ("换届重难点村(社区)", "units")
