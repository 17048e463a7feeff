"""The named-bodies extractor: spec §1 examples both ways, lists, titles, traditional input."""

from __future__ import annotations

import pytest

import djextract


def names(text: str) -> list[str]:
    return [m.name for m in djextract.extract(text, ["body"])]


def kinds(text: str) -> dict[str, str]:
    return {m.name: m.kind for m in djextract.extract(text, ["body"])}


@pytest.mark.parametrize("text,name,kind", [
    ("海棠区委书记鲁正兰作述职报告", "海棠区委", "party"),
    ("会议在三亚市委党校召开", "三亚市委党校", "party"),
    ("市教育局党委书记吴萍", "市教育局党委", "party"),
    ("市委直属机关工委常务副书记侯振华", "市委直属机关工委", "party"),
    ("崖州中心渔港党委成立", "崖州中心渔港党委", "party"),
    ("省纪委监委把支部建在组上", "省纪委监委", "party"),
    ("在省委组织部的具体指导下", "省委组织部", "party"),
    ("宁波市海曙区委常委、组织部长", "宁波市海曙区委", "party"),
    ("按照中央和省委统一部署", "省委", "party"),
    ("这是党中央对党的基层组织建设提出的新要求", "党中央", "party"),
    ("市公安局圆满完成任务", "市公安局", "government"),
    ("省财政厅关于加强经费保障的要求", "省财政厅", "government"),
    ("海口海关获象棋比赛单项第一", "海口海关", "government"),
    ("省高院开展争创活动", "省高院", "government"),
    ("省人民检察院开展主题党日活动", "省人民检察院", "government"),
    ("多次受到公安部通报表彰", "公安部", "government"),
    ("城投集团推进新模式", "城投集团", "enterprise"),
    ("对美团公司及骑手进行摸底", "美团公司", "enterprise"),
    ("省人民医院庄雪玉", "省人民医院", "institution"),
    ("团省委举办技能大赛", "团省委", "mass_organization"),
    ("省残联等单位积极开展创建活动", "省残联", "mass_organization"),
    ("打造出新风社区、文建西社区等党建示范点", "新风社区", "grassroots"),
    ("下洋村共有党员50人", "下洋村", "grassroots"),
    ("省委政法委(机关)被评为文明单位", "省委政法委", "party"),
    ("省人民医院重症医学科获先进集体称号", "省人民医院重症医学科", "institution"),
    ("海南大学、三亚学院等单位参加", "海南大学", "institution"),
    ("国家税务总局海口市税务局开展活动", "国家税务总局海口市税务局", "government"),
    ("市纪委监委驻市教育局纪检监察组组长列席会议", "市纪委监委驻市教育局纪检监察组", "party"),
    ("海南省人民政府办公厅印发通知", "海南省人民政府办公厅", "government"),
    ("工人文化宫支部、平湖工人疗养院支部党员参加活动", "平湖工人疗养院支部", "party"),  # 支部 as a head
    ("观摩了我市金岭镇大户陈家村和张星镇", "金岭镇大户陈家村", "grassroots"),  # a bare level takes its place name
    ("成立中药材产业链联合党委", "中药材产业链联合党委", "party"),  # a named industry chain
    ("成立三亚首个园区邮轮游艇产业链党建联盟", "园区邮轮游艇产业链党建联盟", "party"),
    ("成立全市首个港区大党委——崖州中心渔港党委", "崖州中心渔港党委", "party"),
    ("甘肃第一建设集团有限责任公司党建工作经验被纳入", "甘肃第一建设集团有限责任公司", "enterprise"),
    ("由甘肃一建埠外工程管理公司承建", "甘肃一建埠外工程管理公司", "enterprise"),  # back to the place
    ("考核组通过听取工作汇报等方式对市财政局第一党支部围绕指标考核", "市财政局第一党支部", "party"),
    ("地处淹没区的大河坝镇三河口村,不得不整村动迁", "河坝镇三河口村", "grassroots"),  # a numeral opens the name
    ("北京京源水务有限公司党总支部副书记王满堂", "北京京源水务有限公司党总支部", "party"),  # 部副 glued
    ("7月16日,土地开发整理公司第二党支部被授予荣誉称号", "整理公司第二党支部", "party"),
    ("省自然资源和规划厅印发通知", "省自然资源和规划厅", "government"),  # 和 inside a department's name
    ("区人力资源和社会保障局召开会议", "区人力资源和社会保障局", "government"),
    ("市住房和城乡建设局党组研究部署", "市住房和城乡建设局党组", "party"),
    ("海南医学院第一附属医院党委书记介绍了经验", "海南医学院第一附属医院党委", "party"),
    ("共青团海南省委、省妇联联合开展活动", "共青团海南省委", "mass_organization"),  # bodies/kind_prefixes.tsv
])
def test_spec_bodies(text, name, kind):
    found = kinds(text)
    assert found.get(name) == kind, found


@pytest.mark.parametrize("text,not_a_body", [
    ("各区委书记就抓基层党建工作述职", "区委"),
    ("推动各级党组织全面进步", "党组织"),
    ("所属党支部认真对照标准", "党支部"),
    ("该党委完成换届", "党委"),
    ("新建学校党组织组建", "党组织"),
    ("召开省直单位机关党委书记述职评议会议", "省直单位机关党委"),
    ("推进两新组织党组织设置", "两新组织"),
    ("全面推进村级党群服务中心建设", "村级党群服务中心"),
    ("形成共建共享的新格局", "新格局"),
    ("服务全国抗疫大局", "全国抗疫大局"),
    ("三亚市和海棠区的发展", "三亚市"),
    ("在卓达小区成立物业管理委员会", "物业管理委员会"),
    ("研究起草《三亚市直机关党组落实责任实施办法》", "三亚市直机关党组"),
    ("公司党委书记、董事长主持会议", "公司党委"),
    ("对全镇12个行政村逐一制定发展规划", "行政村"),
    ("市委常委、组织部部长在调研时强调", "市委常委"),
    ("乡镇党委书记要履行第一责任人职责", "乡镇党委"),
    ("并在街道社区网站设立了专栏", "街道社区"),          # generic modifiers only (bodies/generic_modifiers.txt)
    ("各分包干部定点联系社区", "定点联系社区"),
    ("选优配强村党组织书记", "选优配强村"),                # verbs jieba glues to 村 (bodies/verbs.txt)
    ("配齐配强村“两委”班子", "配强村"),
    ("按1:2的比例配足村党组织书记后备人选", "比例配足村"),
    ("全面构建产业链“大党委”、产业服务党建联盟等六级组织治理体系", "产业服务党建联盟"),
    ("成立全市首个港区大党委——崖州中心渔港党委", "港区大党委"),  # described, then named after the dash
    ("建好16个新型农村集体经济项目", "新型农村"),          # generic words glued into one token
    ("推进新型农村社区建设", "新型农村社区"),
    ("在卓达小区成立物业管理公司", "物业管理公司"),
    ("全国现有基层党委17.9万个", "全国现有基层党委"),      # a stop word ends the name (bodies/stop.txt)
    ("第二党支部被集团公司党委授予荣誉称号", "集团公司党委"),   # the group's own committee, not a name
    ("以某高校机械工程学院教工党支部为例", "高校机械工程学院教工党支部"),  # 某: anonymised
    ("验收第一党支部星级评定工作", "第一党支部"),          # a numbered branch of nothing named
    ("机关党总支第二党支部召开会议", "机关党总支第二党支部"),
    ("通过听取汇报等方式对市财政局开展考核", "方式对市财政局"),  # 对 glued to the level
])
def test_generic_and_excluded(text, not_a_body):
    assert not any(n == not_a_body or n.endswith(not_a_body) and len(n) <= len(not_a_body) + 1
                   for n in names(text)), names(text)


def test_titles_and_persons_are_left_out():
    assert names("海棠区委书记鲁正兰:") == ["海棠区委"]
    assert names("省公安厅蔡新文、省眼科医院钟兴武") == ["省公安厅", "省眼科医院"]


def test_a_label_before_a_named_organisation_is_not_part_of_its_name():
    text = "海南省第三批工作室培育建设单位海南大学化学化工学院化学工程教工党支部"
    assert names(text) == ["海南大学化学化工学院化学工程教工党支部"]
    assert names("承办单位海南大学参加") == ["海南大学"]


def test_side_by_side_bodies_stay_apart():
    assert names("区委区政府高度重视") == ["区委", "区政府"]
    assert names("省委直属机关工委联合省供销社开展活动") == ["省委直属机关工委", "省供销社"]
    assert names("省委办公厅印发通知") == ["省委办公厅"]  # a department of the committee is one body


def test_two_bureaus_joined_by_he_stay_two():
    assert names("市教育局和卫健局联合开展检查") == ["市教育局", "卫健局"]


def test_shared_prefix_list_gives_one_body_each():
    text = "市委直属机关工委、市教育局党委、市卫健委党委、市公安局党委、市国资委党委等单位的书记"
    assert names(text) == ["市委直属机关工委", "市教育局党委", "市卫健委党委", "市公安局党委", "市国资委党委"]


def test_longest_name_wins_and_a_lone_mention_is_separate():
    assert names("崖州湾科技城管理局党委副书记林海") == ["崖州湾科技城管理局党委"]
    assert names("今年,崖州湾科技城管理局将实施区域化党建") == ["崖州湾科技城管理局"]


def test_village_branch_across_de():
    assert "东路镇下洋村党支部" in names("文昌市东路镇下洋村的党支部书记符策奋")


def test_traditional_input_maps_to_the_original():
    text = "市教育局黨委書記吳萍"
    [m] = djextract.extract(text, ["body"])
    assert (m.name, m.source_text, text[m.start:m.end]) == ("市教育局党委", "市教育局黨委", "市教育局黨委")


def test_parenthesised_qualifier_kept_in_source_text():
    [m] = djextract.extract("省地质局(机关)被评为文明单位", ["body"])
    assert m.name == "省地质局" and m.source_text == "省地质局(机关)"


def test_footer_bodies_are_not_reported(sample_mentions):
    # 001: 文昌国际航天城管理局 appears only in the site footer (版权所有, 主办)
    found = {m.name for m in sample_mentions["001_ef65da3b0adb5945.txt"] if m.type == "body"}
    assert "文昌国际航天城管理局" not in found
    assert {"文昌市委", "省委组织部", "同济文昌医院", "新风社区"} <= found


def test_user_data_dir_extends_heads(tmp_path, monkeypatch):

    (tmp_path / "bodies/heads.tsv").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "bodies/heads.tsv").write_text("# extra heads\nhead\tkind\tflags\n合作联社\tenterprise\tplace\n",
                                             encoding="utf-8")
    monkeypatch.setenv("DJEXTRACT_DATA", str(tmp_path))
    assert kinds("海口农村信用合作联社积极开展活动").get("海口农村信用合作联社") == "enterprise"
    monkeypatch.delenv("DJEXTRACT_DATA")
    assert kinds("海口农村信用合作联社积极开展活动").get("海口农村信用合作联社") != "enterprise"


def test_a_head_that_starts_an_ordinary_word_is_skipped_before_any_word_is_cut():
    # 党组 is a head and 党组织 (bodies/head_continuations.txt) the commonest word of a report
    assert names("市财政局党组召开会议") == ["市财政局党组"]
    assert kinds("市财政局党组织召开会议") == {"市财政局": "government"}


def test_a_generic_term_before_and_does_not_join_a_department_name():
    # 和 joins two halves of one department (省自然资源和规划厅), not a generic term and a body
    assert names("全市各级党组织和市财政局党组、省委组织部") == ["市财政局党组", "省委组织部"]


@pytest.mark.parametrize("text,expected", [
    ("团县委党支部在上级工委的正确领导下", {"团县委党支部": "party"}),  # the League committee's own branch
    ("教育部党组书记", {"教育部党组": "party"}),
    ("公安部党委召开会议", {"公安部党委": "party"}),
    ("区委区政府高度重视", {"区委": "party", "区政府": "government"}),  # still two bodies side by side
])
def test_a_party_organisation_belongs_to_the_body_written_before_it(text, expected):
    assert kinds(text) == expected


def test_a_preposition_glued_to_a_head_is_not_part_of_the_name():
    assert names("并由局党委选派3名党建工作指导员") == []  # 局党委: which bureau is not said
    assert names("由县委组织部牵头") == ["县委组织部"]


@pytest.mark.parametrize("text,expected", [
    ("巩固提升的后进村光明村、晓东村均实现整改目标", ["光明村", "晓东村"]),  # a label ending in 村; 晓|东村
    ("根据实际光明村已另行选址", ["光明村"]),
    ("光明村村委会组织开展", ["光明村村委会"]),
    ("县市区委书记履行基层党建工作责任", []),  # several levels' committees, not one body
])
def test_villages_side_by_side_and_collective_levels(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a subsidiary goes on after its parent company's name; 建设 (a verbal noun) is part of a company's name
    ("中建四局第一建设有限公司西南分公司坚定不移", {"中建四局第一建设有限公司西南分公司": "enterprise"}),
    ("中车大连机车研究所有限公司党委围绕三个基本定位", {"中车大连机车研究所有限公司党委": "party"}),  # a brand opens it
    ("对美团公司及骑手进行摸底", {"美团公司": "enterprise"}),
    ("现有党员337名,占旗能公司职工总人数的35%", {}),  # never across a verb (占旗|能|公司)
    ("开封市委书记", {"开封市委": "party"}),  # jieba tags 开封 a verb: segment/tags.tsv
])
def test_enterprise_names_and_places_jieba_mistags(text, expected):
    assert kinds(text) == expected


def test_a_quoted_designation_before_a_community_head_is_not_a_name():
    assert names("老街街道新华街社区被定为全市首批“幸福社区”试点社区") == ["老街街道新华街社区"]
    assert names("“红旗”社区党支部召开会议") == ["红旗社区党支部"]


def test_state_organs_at_the_top():
    assert kinds("中共中央、国务院印发") == {"中共中央": "party", "国务院": "government"}
    assert kinds("最高人民法院发布典型案例") == {"最高人民法院": "government"}


@pytest.mark.parametrize("text,expected", [
    ("本版图片均由三亚市海棠湾区委宣传部提供", ["三亚市海棠湾区委宣传部"]),  # 湾 is part of a place's name
    ("齐心协力谋发展,勇担使命开新局。", []),  # 新局 is a situation, not a bureau
    ("先后启动了中廖村、博后村等8个美丽乡村建设项目", ["中廖村", "博后村"]),  # 中|廖村
    ("三沙市第一次党代会开幕。三沙市委书记作报告", ["三沙市委"]),  # 三沙 is written as a place
])
def test_place_names_jieba_cuts_oddly(text, expected):
    assert names(text) == expected


def test_a_verb_phrase_jieba_kept_whole_is_not_a_name():
    assert names("全面推广社区党组织为民服务工作法") == []  # jieba tags 全面推广 a proper noun
    assert names("县农业技术推广中心") == ["县农业技术推广中心"]


def test_a_title_held_at_the_time_is_not_part_of_the_name():
    assert names("唐行安,时任北京市西城区委常委、组织部部长") == ["北京市西城区委"]


@pytest.mark.parametrize("text,expected", [
    ("大唐海南能源开发有限公司等4家企业", ["大唐海南能源开发有限公司"]),  # 能源开发: a set phrase, jieba says
    ("消除集体经济空壳村125个", []),  # a kind of village, not one
])
def test_what_a_company_does_and_kinds_of_village(text, expected):
    assert names(text) == expected


def test_a_common_word_the_report_writes_as_a_place_names_one():
    # 玫瑰 is a rose to jieba; the report writes 玫瑰区 as a place, so 玫瑰党群服务中心 is that district's centre
    assert names("玫瑰区位于市区东部。积极打造玫瑰党群服务中心、人才服务中心。") == ["玫瑰党群服务中心"]
    assert names("积极打造玫瑰党群服务中心、人才服务中心。") == []


@pytest.mark.parametrize("text", [
    "依托**街道基层党员综合体验馆,建设**区区域化党员教育中心",
    "××县委组织部召开会议,XX街道党工委和○○村党支部参加",
])
def test_masked_names_are_anonymous(text):
    assert names(text) == []


def test_kinds_of_village_are_types():
    assert names("把45个行政村党支部升格为党总支,自然村党小组,建制村党组织") == []
    assert names("红旗行政村党支部") == ["红旗行政村党支部"]


def test_a_direction_word_opens_an_unknown_village_name():
    assert names("神政桥乡庄上村委会的上湄湘村、沂江乡浒岗村") == ["神政桥乡庄上村委会", "上湄湘村", "沂江乡浒岗村"]
    assert names("神政桥乡上湄湘村以党建引领文化小康事业") == ["神政桥乡上湄湘村"]
    assert names("在大会上湄湘村党支部书记发言") == ["湄湘村党支部"]  # 上 ends 大会上 here


def test_numbered_companies_of_a_state_enterprise():
    assert names("集团三公司第四直管项目部党支部、城乡投公司滇南片区党支部榜上有名") == [
        "集团三公司第四直管项目部党支部", "城乡投公司滇南片区党支部"]
    assert names("组建了两个公司党支部") == []  # a count, not a number in a name


def test_holding_companies():
    assert names("建工控股党委副书记牛曙东") == ["建工控股党委"]
    assert names("建工控股集团党委书记王宏") == ["建工控股集团党委"]
    assert names("相对控股公司和控股公司党委") == []  # kinds of company


def test_a_designation_conferred_on_branches_is_not_a_body():
    assert names("遴选产生了1000个全国党建工作样板支部") == []
    assert names("被评为五星级党支部") == []
    assert names("三亚市第一示范中学") == ["三亚市第一示范中学"]  # a school's own name


def test_a_preposition_glued_to_gai_is_no_name():
    assert names("得益于由该党支部打造的“红色服务队”") == []
    assert names("对美团党委进行表彰") == ["美团党委"]


def test_the_streets_own_committee_like_the_towns():
    assert names("街道党工委始终以铸牢理想信念为根基") == ["街道党工委"]
    assert names("镇党委书记") == ["镇党委"]
    assert names("各街道党工委要抓好落实") == []
    assert names("社区党委书记") == []  # communities are many; a community's body needs its name


def test_a_conjunction_jieba_glued_to_the_word_before_a_name_ends_it():
    assert names("结合区委组织部对我镇党建工作的检查和镇党委平时深入各支部") == ["区委组织部", "镇党委"]


@pytest.mark.parametrize("text,expected", [
    ("合肥轨道交通4号线01标联合体中铁二十四局安徽公司项目部党支部和安徽省路桥公司项目党支部",
     ["中铁二十四局安徽公司项目部党支部", "安徽省路桥公司项目党支部"]),
    ("中铁七局银洲湖高速公路项目党支部按照统一部署", ["中铁七局银洲湖高速公路项目党支部"]),  # 七局 is one token
    ("由中铁七局广州公司党委副书记陪同", ["中铁七局广州公司党委"]),
    ("市财政局第一党支部", ["市财政局第一党支部"]),
])
def test_numbered_bureaus_open_with_their_group(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("洪武街道党委书记金宝强及公司党办、公司部分党支部书记参加", ["洪武街道党委"]),
    ("李金光同志代表公司党总支与泖港镇新龚村党总支签署协议", ["泖港镇新龚村党总支"]),
])
def test_titles_people_and_glued_conjunctions_end_a_name(text, expected):
    assert names(text) == expected


def test_a_morpheme_between_a_name_and_its_community():
    assert names("公司党委与王府园社区党委举行共驻共建签约仪式") == ["王府园社区党委"]
    assert names("走进王府园社区") == ["王府园社区"]


def test_hong_kong_bodies():
    assert names("中聯辦昨日發稿表示") == ["中联办"]
    assert names("廣東社團總會邀請范徐麗泰宣講,福建社團聯會骨幹分享體會") == ["广东社团总会", "福建社团联会"]
    assert names("以10個地區服務中心為單位") == []


def test_village_run_companies_verbs_tagged_as_places_and_a_towns_committee_and_government():
    assert names("乐安县九瀑峡4A级旅游景区地处青里村,村办公司投资100万元") == ["青里村"]
    assert names("在镇党委政府和乡村振兴服务队的帮助下") == ["镇党委"]


def test_named_cooperatives():
    assert names("村党支部领办成立利津金硕瓜果专业合作社") == ["利津金硕瓜果专业合作社"]
    assert names("青里村股份经济合作社") == ["青里村股份经济合作社"]
    assert names("成立了专业合作社,创办村集体股份制合作社466个") == []


def test_a_pioneer_branch_to_be_created_is_a_designation():
    assert names("市级机关工委组织市级机关先锋支部创建现场观摩活动") == ["市级机关工委"]


def test_a_kind_of_centre_does_not_make_its_branch_specific():
    assert names("大场第三卫生服务中心党支部提供了义诊服务") == []
    assert names("海口市党群服务中心") == ["海口市党群服务中心"]


@pytest.mark.parametrize("name", ["省住建厅", "省人社厅", "省文旅厅", "省审计厅", "市行政审批局", "市文广旅局",
                                  "市科工信局", "市城管委"])
def test_abbreviated_departments(name):
    assert names(f"会上传达学习了{name}关于推进工作的会议精神") == [name]


def test_the_directly_affiliated_organs_committee_needs_its_owner():
    assert names("委党组成员、副主任、直属机关党委书记张福寿出席") == []
    assert names("省委直属机关工委") == ["省委直属机关工委"]



def test_counted_street_offices_are_not_one_body():
    assert names("全区有36个乡镇、4个街道办事处、649个村") == []


def test_bodies_in_quoted_speech_and_central_departments():
    text = ("“2月5日中午,市人力资源和社会保障局党委书记、局长张冬驾驶公车,参加市人社局副局长李夏为其儿子"
            "在光明大饭店举办的婚宴……”2月15日,某市纪委收到一件网络举报。")
    assert names(text) == ["市人力资源和社会保障局党委", "市人社局"]  # speech, not a quoted name
    assert names("中央纪委国家监委对中共中央办公厅、中央宣传部实施派驻监督") == [
        "中央纪委国家监委", "中共中央办公厅", "中央宣传部"]


@pytest.mark.parametrize("text,expected", [
    ("太和康美(北京)中医研究院有限公司党支部组建红旗实验室", ["太和康美中医研究院有限公司党支部"]),
    ("万科(集团)有限公司召开会议", ["万科有限公司"]),
    ("华为技术(中国)有限公司", ["华为技术有限公司"]),
    ("2024年5月,北京首家区级国际商会党委 ——房山区国际商会党委正式成立", ["房山区国际商会党委"]),
])
def test_brackets_inside_company_names_and_a_spaced_dash(text, expected):
    assert names(text) == expected


def test_a_persons_name_after_a_title_is_not_a_body():
    assert names("商会顾问团主席杨贵平和商会党支部书记徐维新等参加了签约仪式") == []



@pytest.mark.parametrize("text,name", [
    ("会议由大同乡政府主办", "大同乡政府"), ("怀化市委召开会议", "怀化市委"), ("茂名市公安局", "茂名市公安局"),
    ("自贡市人民政府", "自贡市人民政府"),
])
def test_cities_jieba_mistags(text, name):
    assert names(text) == [name]


def test_a_letter_for_a_name_is_anonymous():
    assert names("浙江省新昌县H村积极探索党建引领乡村治理模式") == []
    assert names("江苏华建GZ379项目临时党支部正式成立") == ["江苏华建GZ379项目临时党支部"]



def test_the_youth_league_by_itself_is_too_generic():
    assert names("充分发挥共青团党的助手和后备军作用,召开共青团基层组织改革推进会") == []
    assert names("共青团中央印发通知") == ["共青团中央"]
    assert names("共青团城西区委") == ["共青团城西区委"]


def test_several_levels_and_glued_quantifiers_are_collectives():
    assert names("開展2016年度市縣鄉黨委書記抓基層黨建工作述職評議考核工作") == []
    assert names("此次述職評議考核工作的對象為各市縣黨委書記") == []
    assert names("全面完成27个换届重难点村(社区)整顿") == []
    assert names("镇党委书记") == ["镇党委"]


@pytest.mark.parametrize("name,kind", [
    ("市公安局交警支队", "government"), ("市消防救援支队", "government"), ("县人武部", "government"),
    ("市工商联", "mass_organization"), ("市红十字会", "mass_organization"), ("县委办", "party"),
    ("县政府办", "government"), ("市委网信办", "party"), ("市委编办", "party"), ("市委老干部局", "party"),
    ("市乡村振兴局", "government"), ("中国农业银行三亚分行", "enterprise"), ("府城街道办事处", "government"),
    ("市委巡察办", "party"), ("市委政研室", "party"), ("市民宗委", "government"), ("市委机要局", "party"),
    ("市档案馆", "institution"), ("市图书馆", "institution"), ("市妇幼保健院", "institution"),
    ("省卫生健康委", "government"), ("省社科院", "institution"), ("省社科联", "mass_organization"),
    ("省委台办", "party"), ("市政府外办", "government"), ("市委金融办", "party"), ("中国科学院", "institution"),
    ("海南日报社", "institution"), ("人民日报社", "institution"), ("新华社海南分社", "institution"),
    ("海南农垦总局", "government"), ("国家税务总局海南省税务局", "government"),
])
def test_organs_named_in_a_sentence(name, kind):
    """City and provincial organs, newspapers and bureaus, each as the one body of a sentence."""
    assert kinds(f"会议由{name}主办。") == {name: kind}
