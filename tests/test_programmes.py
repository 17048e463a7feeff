"""The programmes extractor: each evidence rule, each exclusion class, lists, 「」 quotes, numbers in names."""

from __future__ import annotations

import pytest

import djextract


def progs(text: str) -> dict[str, tuple[str, str | None]]:
    return {m.name: (m.kind, m.head) for m in djextract.extract(text, ["programme"])}


@pytest.mark.parametrize("text,name,kind,head", [
    # a head after the closing quote, with or without a modifier
    ("建立党建引领基层治理“直通联办”机制", "直通联办", "mechanism", "机制"),
    ("创新推进海棠湾区“1921”融合型党建品牌。", "1921", "brand", "融合型党建品牌"),
    ("交投集团打造“交投蜂巢党旗红”党建品牌。", "交投蜂巢党旗红", "brand", "党建品牌"),
    ("继续实施“红色育苗”工程,储备入党积极分子", "红色育苗", "project", "工程"),
    ("举办省直机关“椰树杯”党建创新引领工作创优大赛", "椰树杯", "campaign", "党建创新引领工作创优大赛"),
    ("深入推进“两学一做”学习教育常态化制度化", "两学一做", "campaign", "学习教育"),
    ("加快推动“1+4+N”三级党群服务阵地体系建设", "1+4+N", "mechanism", "三级党群服务阵地体系"),
    ("市卫健委搭建了“支部书记大讲坛”平台", "支部书记大讲坛", "platform", "平台"),
    ("形成覆盖全市的“10分钟”党建服务圈", "10分钟", "platform", "党建服务圈"),
    ("积极组织党员开展“双报到”活动", "双报到", "campaign", "活动"),
    ("按照“六有”(有场所、有设施、有标志)标准", "六有", "mechanism", "标准"),
    # a head inside the quote
    ("扎实开展两新组织“百日攻坚行动”,继续实施", "百日攻坚行动", "campaign", None),
    ("村社后备干部队伍“青苗工程”,持续建强", "青苗工程", "project", None),
    # a creating verb before the quote
    ("持续建强“锋领雁阵”。", "锋领雁阵", "brand", None),
    # 以“X”为抓手
    ("以“四化”为抓手,整合城市各个党组织", "四化", "mechanism", None),
    # a bare organ word in quotes is a name, not a body (党建联盟 is also a body head)
    ("推进“党建联盟”工作机制", "党建联盟", "mechanism", "工作机制"),
    ("港府推出「家是香港」运动", "家是香港", "campaign", "运动"),
])
def test_evidence_rules(text, name, kind, head):
    assert progs(text).get(name) == (kind, head), progs(text)


def test_list_members_share_the_head():
    found = progs("打造“365·同心向党”“文明门大讲堂”等一批党建品牌。")
    assert found == {"365·同心向党": ("brand", "党建品牌"), "文明门大讲堂": ("brand", "党建品牌")}
    found = progs("不断做优“党建+发展”“党建+治理”等模式,让基层党组织有声音")
    assert set(found) == {"党建+发展", "党建+治理"}


def test_list_with_a_later_head_in_the_clause():
    found = progs("积极开展职工普惠、“送清凉”、职工医疗互助、安康互助以及职工交友联谊等活动。")
    assert found == {"送清凉": ("campaign", "活动")}


def test_unquoted_names():
    assert progs("全面实施农村亮绩、社区亮星的四亮工程,创新实施")["四亮工程"] == ("project", "工程")
    assert "党史学习教育" in progs("创新开展党史学习教育,打造体验学习路线。")
    assert "四大工程" not in progs("以“凝心聚劲”“强基聚力”四大工程为主要内容")


@pytest.mark.parametrize("text", [
    "牢牢扭住提升组织力这个“牛鼻子”,持之以恒抓基层。",       # emphasis and metaphor
    "着力打通党建引领产业创新发展“最后一公里”。",
    "邀请“候鸟”专家、实习学生共同参与。",
    "以“等不起”的紧迫感推进工作。",
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",      # ideological formulae
    "“七一”期间,工委表彰先进基层党组织。",                 # festivals
    "钟兴武等3人获评“全国先进工作者”。",                    # honours
    "42个单位被评为“第六届海南省文明单位”。",
    "市教育局开展“两优一先”表彰。",
    "切实履行好“第一责任人”职责。",                        # roles
    "破获“2·04”特大污染环境案。",                          # case codes
    "打造湾区“大党委”引领全域旅游发展。",                    # body names
    "完成村(社区)“两委”换届。",
    "实行“星级化”管理。",                                  # generic terms
    "深化以“组织链”带动“产业链”工作新模式。",               # figures of speech
    "由“海上之家”非公企业党支部直接负责。",                  # part of a body's name
    "研究制定《推进省直机关党支部标准化建设工作方案》。",       # document titles
])
def test_exclusions(text):
    assert progs(text) == {}


def test_traditional_input_with_corner_quotes():
    text = "全面推行「黨建+項目」模式,建立「直通聯辦」機制"
    ms = djextract.extract(text, ["programme"])
    assert {m.name for m in ms} == {"党建+项目", "直通联办"}
    for m in ms:
        assert text[m.start:m.end] == m.source_text and m.source_text.startswith("「")


def test_numbers_in_names_are_not_figures():
    ms = djextract.extract("创建“智联候鸟135”“520+131”等党建联动品牌,实施“1+3+N+X”运行机制", ["programme", "figure"])
    assert {m.name for m in ms if m.type == "programme"} == {"智联候鸟135", "520+131", "1+3+N+X"}
    assert not [m for m in ms if m.type == "figure"]


def test_nested_quote_inside_a_document_title():
    found = progs("制定了《“海曙区两新党建‘亮旗争强’三年行动计划”》等文件。")
    assert found == {"亮旗争强": ("campaign", "三年行动计划")}  # an action plan is a campaign (dev gold)


def test_gloss_is_dropped_from_the_name():
    found = progs("开展了“一转变两提高(转变工作作风、提高工作效率、提高服务质量)”等一系列活动")
    assert "一转变两提高" in found


def test_two_heads_join_into_one_only_when_nothing_but_a_modifier_separates_them():
    assert progs("以“智慧党群”管理系统为载体") == {"智慧党群": ("platform", "管理系统")}  # not 管理系统为载体
    assert progs("打造“红色驿站”服务阵地") == {"红色驿站": ("platform", "服务阵地")}


@pytest.mark.parametrize("text,expected", [
    ("召陵区天桥街道漓江路社区成功创建“全国和谐社区建设示范社区”", {}),  # a title conferred from above
    ("成功创建“省级文明单位”", {}),
    ("打造“红色物业”示范社区", {"红色物业": ("brand", None)}),  # the body's own brand stays
    ("打造一批内容实、形式活的“音乐讲党史”系列党课", {"音乐讲党史": ("campaign", "系列党课")}),
])
def test_conferred_titles_and_party_lecture_series(text, expected):
    assert progs(text) == expected


def test_models_and_standards_are_heads():
    assert progs('形成可复制的"五维评价模型"') == {"五维评价模型": ("mechanism", None)}
    assert progs("严格对标基层党支部“七个有力”的建设标准") == {"七个有力": ("mechanism", "建设标准")}


def test_a_head_after_de_may_carry_a_short_modifier():
    assert progs('形成"支部带党员、党员带群众"的联动机制') == {"支部带党员、党员带群众": ("mechanism", "联动机制")}
    assert progs("明确了“三有四帮五带头”的创建标准") == {"三有四帮五带头": ("mechanism", "创建标准")}
    assert progs("树立“等不起”的紧迫感") == {}


@pytest.mark.parametrize("text,expected", [
    ("按照“每个基层至少一个品牌”的目标任务", {}),  # brands counted in a slogan
    ("推动实施“红墙先锋工程”稳固阵地链条", {"红墙先锋工程": ("project", None)}),  # not the head 稳固阵地
    ("打造“红色育苗工程”品牌", {"红色育苗工程": ("brand", "品牌")}),
])
def test_a_name_that_ends_in_a_head(text, expected):
    assert progs(text) == expected


def test_a_numbered_set_is_a_name_but_a_slogan_counting_brands_is_not():
    assert progs("认真落实国企先锋“六项行动”各项任务") == {"六项行动": ("campaign", None)}
    assert progs("按照“每个基层至少一个品牌”的目标任务") == {}


def test_a_theme_is_a_campaign_and_a_shared_brand_head_names_every_brand_in_the_list():
    assert progs("以“岗位练兵”为主题组织调研活动") == {"岗位练兵": ("campaign", None)}
    assert progs("以“四化”为抓手") == {"四化": ("mechanism", None)}
    found = progs("巩固“365·同心向党”“文明门大讲堂”等党建品牌")
    assert found["文明门大讲堂"] == ("brand", "党建品牌")


def test_zhengchuang_names_a_campaign():
    assert progs("房县把“双十星”争创作为加强党组织建设的重要载体")["双十星"] == ("campaign", "争创")


@pytest.mark.parametrize("text", [
    "城建集团党委聚焦打造“国际知名的城市建设综合服务商”的战略目标",  # a goal
    "实现“一张网、全覆盖、心连心”的目标",
    "打造“红色物业”新格局",
    "围绕“五个基本”扎实推进党支部标准化规范化达标创建",  # 标准化 is not the head 标准
])
def test_goals_and_heads_inside_longer_words(text):
    assert progs(text) == {}


def test_a_verb_still_names_a_brand_without_a_goal_after_it():
    assert progs("打造“红色工地”实践典型")["红色工地"][0] == "brand"


def test_quotes_of_one_list_with_their_owners_between_them():
    found = progs("严格对标院(系)党组织“五个到位”、基层党支部“七个有力”的建设标准")
    assert found == {"五个到位": ("mechanism", "建设标准"), "七个有力": ("mechanism", "建设标准")}


def test_a_length_of_time_before_a_head_is_not_a_coined_name():
    assert progs("落实“分类指导、争先进位”三年行动计划") == {"分类指导、争先进位": ("campaign", "三年行动计划")}


@pytest.mark.parametrize("text,expected", [
    ("稷山县推出“支部+项目”的非公党建模式。", {"支部+项目": ("mechanism", "非公党建模式")}),
    ("构建“一个统筹、两个贯通、四大场景、多元支撑”的党群服务阵地体系建设建议",
     {"一个统筹、两个贯通、四大场景、多元支撑": ("mechanism", "党群服务阵地体系")}),
    ("打造“一呼百应”的楼栋战队", {}),  # describes the team
    ("构建“一人不落”的幸福共同体", {}),
    ("构建“红色阵地基本覆盖、区域联合示范带动、支撑保障有效运转”的党群服务新格局", {}),
])
def test_a_verb_and_a_quote_before_de_need_a_head_after_it(text, expected):
    assert progs(text) == expected


def test_a_conjunction_between_verb_and_quote_breaks_the_evidence():
    assert progs("使党建工作开展与企业发展“共频共振”") == {}
    assert "双报到" in progs("深入开展和推进“双报到”")


def test_unquoted_numbered_names_after_a_verb():
    assert progs("全面推行四亮工程") == {"四亮工程": ("project", "工程")}
    assert progs("开展一次活动") == {}  # a measure word after the numeral
    assert progs("实施三年行动计划") == {}


def test_grades_and_standards():
    assert progs("积极申报“五星”级党支部") == {}  # a grade
    assert progs("准确定位班子示范引领好、社会评价形象好“六好标准”") == {"六好标准": ("mechanism", None)}


def test_a_quoted_goal_is_not_named_by_the_verb_before_it():
    assert progs("在迈向“卓越徐汇”新征程上奋力打造“新时代党建新高地”") == {}
    assert progs("打造“党建高地”品牌") == {"党建高地": ("brand", "品牌")}  # a head says what it is


@pytest.mark.parametrize("text,name,kind", [
    ("创建了“五型”党委示范点3个", "五型", "mechanism"),  # a numbered model
    ("打造“红色物业”党群阵地示范点", "红色物业", "brand"),
    ("建成“1+4+N”党建示范点", "1+4+N", "mechanism"),
])
def test_a_demonstration_site_takes_its_programmes_kind(text, name, kind):
    assert progs(text)[name][0] == kind


def test_a_site_named_for_what_it_is_keeps_that_kind():
    found = progs("打造出“名家教育工作室”“博士工作站”“研学教育基地”等一批人才工作示范点")
    assert {name: kind for name, (kind, _head) in found.items()} == {
        "名家教育工作室": "platform", "博士工作站": "platform", "研学教育基地": "platform"}


def test_a_definition_after_a_quote_is_no_head():
    assert progs("“3A”即达到国家3A级景区标准") == {}


@pytest.mark.parametrize("text,expected", [
    ("明确党建引领的总抓手就是“双报到”", {"双报到": ("mechanism", None)}),
    ("以“岗位练兵”为主题", {"岗位练兵": ("campaign", None)}),
    ("以习近平新时代中国特色社会主义思想为指导,以“红色头雁”为主线", {"红色头雁": ("mechanism", None)}),
    ("以“一企一特色、一地一品牌”为引领", {}),  # a slogan
])
def test_frames_before_and_around_a_quote(text, expected):
    assert progs(text) == expected
