"""Reading (encodings, HTML, bad input), cleaning and conversion, on real text."""

from __future__ import annotations

import pytest

import djextract
from djextract.clean import boilerplate_spans, garbled_spans, normalize_width, zhu_words
from djextract.convert import convert, particle_zhe
from djextract.read import InputError, decode, html_to_text

REPORT = "文昌市委组织部多次组织人员先后赴各镇调研,全镇行政区域面积达314.6平方公里,所辖14个社区。"
TRAD = "市教育局黨委新成立黨支部62個,城市基層黨員7514人。"


def test_utf8_and_bom():
    assert decode(REPORT.encode("utf-8")).text == REPORT
    d = decode(b"\xef\xbb\xbf" + REPORT.encode("utf-8"))
    assert d.text == REPORT and d.encoding == "utf-8-sig"


def test_gb18030_detected():
    d = decode(REPORT.encode("gb18030"))
    assert d.text == REPORT
    assert d.encoding.replace("_", "").lower() in ("gb18030", "gbk", "gb2312")


def test_big5_detected():
    d = decode(TRAD.encode("big5"))
    assert d.text == TRAD
    assert "big5" in d.encoding.replace("_", "").lower() or "cp950" in d.encoding


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(enc):
    assert decode(REPORT.encode(enc)).text == REPORT


def test_forced_encoding_and_wrong_encoding():
    assert decode(REPORT.encode("gb18030"), "gb18030").text == REPORT
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode(REPORT.encode("gb18030"), "utf-8")


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 20)


def test_empty_is_empty():
    assert decode(b"").text == ""


def test_html_to_text_keeps_offsets():
    raw = ("<html><head><title>t</title><script>var a='党委';</script></head><body>"
           "<div class='nav'><a href='/'>首页</a></div><p>市教育局党委&amp;新成立党支部62个。</p>"
           "<p>城市基层党员<b>7514</b>人</p></body></html>")
    text, offsets = html_to_text(raw)
    assert "var a" not in text
    assert "市教育局党委&新成立党支部62个。" in text
    i = text.index("62个")
    s, e = offsets.to_raw(i, i + 3)
    assert raw[s:e] == "62个"
    ms = djextract.extract(raw)
    for m in ms:
        assert raw[m.start:m.end] == m.source_text
    figs = {m.value for m in ms if m.type == "figure"}
    assert {62, 7514} <= figs


def test_html_entity_inside_a_mention_maps_to_the_entity():
    raw = "<p>投入1&#48;00多万元</p>"
    [m] = djextract.extract(raw, ["figure"])
    assert m.value == 10000000 and raw[m.start:m.end] == m.source_text == "1&#48;00多万元"


def test_full_width_forms():
    assert normalize_width("党员７５１４人，占８９％") == "党员7514人，占89%"
    [m1, m2] = djextract.extract("党员７５１４人，占８９％", ["figure"])
    assert (m1.value, m1.source_text) == (7514, "７５１４人")
    assert (m2.value, m2.unit) == (89, "%")


def test_boilerplate_lines_of_seed_001(sample_texts):
    text = sample_texts["001_ef65da3b0adb5945.txt"]
    dropped = [text[s:e] for s, e in boilerplate_spans(text)]
    assert any(line.startswith("首页") for line in dropped)
    assert any("ICP备" in line for line in dropped)
    assert any("版权所有" in line for line in dropped)
    assert any("来源" in line for line in dropped)
    assert not any("7514" in line for line in dropped)


def test_boilerplate_of_seed_002_footer(sample_texts):
    text = sample_texts["002_e6ce74bfb9ddebab.txt"]
    dropped = "\n".join(text[s:e] for s, e in boilerplate_spans(text))
    for marker in ("当前所在", "免责声明", "联系电话", "邮箱", "原文链接", "撰文"):
        assert marker in dropped
    assert "402.15万元" not in dropped


@pytest.mark.parametrize("text,dropped", [
    ("湖边初秋风貌。\u3000\u3000某县委宣传部供图\n正文。\n", ["某县委宣传部供图"]),  # a credit after its caption
    ("正文。\n李明摄\n", ["李明摄"]),  # a credit alone on its line
    ("他为村民拍摄\n", []),  # no spaces set it off: part of the sentence
    ("您即将进入之新闻内容 需满18岁 方可浏览。\n正文。\n", ["您即将进入之新闻内容 需满18岁 方可浏览。"]),  # an age gate
    ("依台湾网站分级推广基金会规定作标示。\n正文。\n", ["依台湾网站分级推广基金会规定作标示。"]),  # its rating notice
])
def test_photo_credits_are_boilerplate(text, dropped):
    assert [text[s:e] for s, e in boilerplate_spans(text)] == dropped


@pytest.mark.parametrize("text,dropped", [
    ("县委组织部2024年工作总结--工作动态-某县人民政府网\n正文", ["--工作动态-某县人民政府网"]),
    ("党建工作要点_通知公告_某某大学\n正文", ["_通知公告_某某大学"]),
    ("海棠区委：党员7514人-新增62名\n", []),  # a headline with one dash and a comma-free tail is not a page title
    ("正文第一行\n第二行--栏目-站点\n", []),  # only the first line is the page's title
    ("某某支部2026年党建活动方案[03-11]\n关于开展主题党日的通知[2026-02-01]\n正文。", [
        "某某支部2026年党建活动方案[03-11]", "关于开展主题党日的通知[2026-02-01]"]),  # links to other pages
])
def test_page_title_tail_and_link_lists_are_boilerplate(text, dropped):
    assert [text[s:e] for s, e in boilerplate_spans(text)] == dropped


@pytest.mark.parametrize("text,dropped", [
    ("日韩无码-国产精品-高清视频-在线观看\n正文。\n", ["日韩无码-国产精品-高清视频-在线观看"]),  # SEO spam
    ("国产大飞机C919投入商业运营，国产大型邮轮成功建造。\n", []),  # news: 国产 twice, across a comma
    ("采用国产高清卫星影像，坚持久久为功。\n", []),  # two of the words are not a run of them
])
def test_spam_keyword_runs_are_boilerplate_and_news_is_not(text, dropped):
    assert [text[s:e] for s, e in boilerplate_spans(text)] == dropped


@pytest.mark.parametrize("text,dropped", [
    ("首页\n党建动态\n通知公告\n联系我们\n正文。\n", ["首页", "党建动态", "通知公告", "联系我们"]),  # a menu
    ("审议\n《\n公司法\n》、《\n证券法\n》修订草案。\n", []),  # prose split around titles, as pages break links
])
def test_a_run_of_short_lines_is_a_menu_unless_titles_are_split_in_it(text, dropped):
    assert [text[s:e] for s, e in boilerplate_spans(text)] == dropped


def test_recommended_block_and_spam_of_seed_003(sample_texts):
    text = convert(sample_texts["003_9c84215d641f02e6.txt"])
    dropped = "\n".join(text[s:e] for s, e in boilerplate_spans(text))
    assert "猜你喜欢" in dropped and "中共长沙特别支部" in dropped
    assert "91香蕉" in dropped
    assert "2018年8期" in dropped


def test_garbled_spans_of_seed_003(sample_texts):
    text = convert(sample_texts["003_9c84215d641f02e6.txt"])
    spans = garbled_spans(text)
    assert len(spans) == 4
    for s, e in spans[:3]:
        assert text[s:e] == "?;鶎狱h"
    assert text[spans[3][0]:spans[3][1]].startswith("?!比瞬乓")


def test_garbled_text_is_excluded_and_reported(sample_texts):
    from djextract.pipeline import process

    doc, mentions = process(sample_texts["003_9c84215d641f02e6.txt"])
    assert doc.warnings and "garbled" in doc.warnings[0]
    for m in mentions:
        assert "鶎" not in m.sentence


def test_real_question_marks_are_not_garbled():
    assert garbled_spans("你知道吗?我们完成了任务。党建工作怎么做?") == []


def test_traditional_conversion_keeps_length_and_offsets():
    assert convert(TRAD) == "市教育局党委新成立党支部62个,城市基层党员7514人。"
    for m in djextract.extract(TRAD):
        assert TRAD[m.start:m.end] == m.source_text


def test_conversion_can_be_turned_off():
    assert convert(TRAD, "none") == TRAD


def test_pinyin_glosses_are_cut_out_and_offsets_still_point_into_the_input():
    import djextract

    text = "活动中，淮海街道健康路社區(qū)黨總支書記陳菊致辭，對文通學(xué)院黨總支表示感謝。"
    found = djextract.extract(text, types=["body", "person"])
    names = {m.fields.get("name") for m in found}
    assert {"淮海街道健康路社区党总支", "文通学院党总支", "陈菊"} <= names
    for m in found:
        assert text[m.start:m.end] == m.source_text
    body = next(m for m in found if m.fields.get("name") == "淮海街道健康路社区党总支")
    assert body.source_text == "淮海街道健康路社區(qū)黨總支"  # the input as it was, gloss and all


def test_toneless_pinyin_glosses_are_cut_where_a_page_has_several_and_a_lone_label_stays():
    from djextract.clean import gloss_spans

    page = "礦(kuang)(kuang)冶集團(tuan)選派樸(pu)永超到前張(zhang)村(cun)駐村"
    cut = "".join(page[a:b] for a, b in gloss_spans(page))
    assert cut == "(kuang)(kuang)(tuan)(pu)(zhang)(cun)"
    assert gloss_spans("措施(a)落实到位，成立党支部") == []  # one bracketed letter: a list label, not a gloss
    assert gloss_spans("淮海街道健康路社區(qū)黨總支") == [(9, 13)]  # a toned gloss alone is one


def test_unanchored_boilerplate_rules_split_for_speed_find_the_lines_their_alternation_finds():
    """Rules that open with a literal are one regex, each other rule one of its own: the same lines match."""
    import re
    from pathlib import Path

    from djextract.clean import _boilerplate_res
    from djextract.lexicon import load_lines

    root = Path(__file__).resolve().parents[1]
    paths = [*root.glob("samples/*.txt"), *root.glob("tests/data/dev*/docs/*")]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in paths if p.suffix in (".txt", ".html")]
    lines = {line.strip() for text in texts for line in text.splitlines() if line.strip()}
    lines |= {"当前位置：首页", "[2024-05-01]", "2023年第12期", "国产高清无码在线观看", "您即将进入第三方页面",
              "主办 | 某某"}
    whole = re.compile("|".join(f"(?:{p})" for p in load_lines("clean/boilerplate.txt") if not p.startswith("^")))
    _anchored, split = _boilerplate_res()
    assert len(split) > 1
    found = {line for line in lines if any(f.search(line) for f in split)}
    assert found == {line for line in lines if whole.search(line)} and len(found) > 6



@pytest.mark.parametrize(("text", "simplified"), [
    ("隨著時間推移，著名的黨建品牌成效顯著。", "随着时间推移，著名的党建品牌成效显著。"),
    ("看著他帶著孩子", "看着他带着孩子"),
])
def test_traditional_particle_zhe_is_simplified_outside_words_of_zhu(text, simplified):
    """t2s keeps 著 everywhere; in text converted from traditional only 著名, 显著 (clean/zhu_words.txt) keep it."""
    assert particle_zhe(convert(text), zhu_words()) == simplified


def test_a_verb_and_its_particle_zhe_name_no_body():
    found = djextract.extract("開拓工區黨支部書記邢鵬指著辦公室墻上的清單說。", types=["body"])
    assert [m.fields["name"] for m in found] == ["工区党支部"]
