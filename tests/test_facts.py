"""Document facts (place, date) and what each figure says of itself (change, owner): spec §2 and §8."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import djextract
from djextract.dates import report_date
from djextract.pipeline import Options, prepare
from djextract.places import document_county_shorts, document_place, gazetteer, resolve, stretch_mentions


@pytest.mark.parametrize(("text", "want"), [
    ("三亚市委召开会议。三亚各区党委书记述职。", ("海南省", "三亚市", None)),
    ("宁波市海曙区委召开会议，海曙区各镇街参加。新海曙发展迅速。", ("浙江省", "宁波市", "海曙区")),
    ("南召县委组织部部署工作。南召县各乡镇行动。", ("河南省", "南阳市", "南召县")),  # the prefecture from the county
    ("北京市石景山区老山街道开展活动。石景山区各社区参加。", ("北京市", "北京市", "石景山区")),  # a municipality
    ("文昌市委召开会议，文昌市各镇参加。", ("海南省", "文昌市", None)),  # governed by the province directly
    ("北京、上海、广东、四川、河南等地党组织开展活动。", (None, None, None)),  # national: no place dominates
])
def test_place(text, want):
    p = resolve(text)
    assert (p["province"], p["city"], p["county"]) == want
    if want[0]:
        assert p["province_code"] and len(p["province_code"]) == 2


def test_the_gazetteer_is_the_statistics_codes():
    gz = gazetteer()
    assert len(gz.names) > 44000
    assert len(gz.named("城关镇")) > 50  # an ambiguous name
    assert gz.chain(gz.named("海曙区")[0])["city"].name == "宁波市"


@pytest.mark.parametrize("text, names", [
    ("要大力发展乡村旅游", []),  # 发展|乡村, not the township 发展乡
    ("在发展乡政府工作", ["发展乡"]),
    ("大连市场监管局开展检查", ["大连"]),  # 大连|市场监管局: the 市 opens 市场
])
def test_a_level_that_opens_the_next_word_ends_no_place(text, names):
    assert [text[a:b] for a, b, _ in gazetteer().mentions(text, {})] == names


def _stretches_agree(doc, spans):
    """A stretch's names taken from the document's scan are those a scan of the stretch alone finds."""
    gz, shorts = gazetteer(), document_county_shorts(doc)
    for a, b in spans:
        assert stretch_mentions(doc, a, b) == gz.mentions(doc.text[a:b], shorts), doc.text[a:b]


def test_a_sentences_places_are_those_of_the_documents_scan(sample_texts):
    for name, text in sample_texts.items():
        doc = prepare(text, name, Options())
        _stretches_agree(doc, [(s.start, s.end) for s in doc.sentences])
        assert document_place(doc) == resolve(doc.text, document_county_shorts(doc))


def test_full_names_are_the_county_names_written(sample_texts):
    gz = gazetteer()
    for text in sample_texts.values():
        written = {text[a:b] for b in range(len(text) + 1) for a in range(max(0, b - 12), b - 1)
                   if text[b - 1] in "区县市旗" and any(len(c) == 6 for c in gz.full.get(text[a:b], ()))}
        assert gz.full_names(text) == written


PLACE_TEXT = "宁波市海曙区委发展乡村城关镇南召县大连市场三亚，。"  # names run into each other and into words


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=PLACE_TEXT, min_size=1, max_size=40), st.data())
def test_a_stretch_cut_inside_names_is_scanned_on_its_own(text, data):
    """Edges inside a run of names (发展乡|村, 南召|县): what a scan of the whole text found there
    is not what the stretch alone holds, and the stretch is scanned again."""
    doc = prepare(text, "-", Options())
    a = data.draw(st.integers(0, len(doc.text)))
    b = data.draw(st.integers(a, len(doc.text)))
    _stretches_agree(doc, [(a, b), (0, a), (b, len(doc.text))])


def test_the_gazetteer_cache_is_the_gazetteer(tmp_path, monkeypatch):
    """A gazetteer read from the cache answers as the one built from the data (and a broken cache is rebuilt)."""
    from djextract import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places.gazetteer.cache_clear()
    built = places.gazetteer()
    (cached,) = tmp_path.joinpath("djextract").glob("gazetteer-*.pickle")
    places.gazetteer.cache_clear()
    again = places.gazetteer()
    assert again is not built and again.names == built.names and again.full == built.full
    assert again.mentions("宁波市海曙区") == built.mentions("宁波市海曙区")
    cached.write_bytes(b"not a pickle")
    places.gazetteer.cache_clear()
    assert places.gazetteer().names == built.names
    places.gazetteer.cache_clear()


@pytest.mark.parametrize(("raw", "want"), [
    ("正文……\n《人民日报》（2025年07月01日第 01 版）\n", "2025-07-01"),
    ("标题\n2018-08-02 06:05严仕恩\n正文", "2018-08-02"),
    ("正文。8月4日，活动举行。\n\n绍兴一中党委\n2011年2月\n", "2011-02"),
    ("發布時(shí)間:2011-12-7\n正文", "2011-12-07"),
    ("信息提供日期：2020-12-21\n今年6月1日，", "2020-12-21"),
    ("近日，社区开展活动。8月4日，居民参加。", None),  # event dates are not the report's
    ("正文。\n\n中共某某县委\n二〇二三年十二月二十八日\n", "2023-12-28"),  # a signature in Chinese numerals
    ("正文。\n二〇一一年六月\n", "2011-06"),
    ("正文。\n二〇一一年十十十月\n", None),  # no numeral, no date (and no error)
])
def test_report_date(raw, want):
    assert report_date(raw) == want


@pytest.mark.parametrize(("text", "change"), [
    ("党员总数为9918.5万名，比上年净增114.4万名。", [None, "up"]),
    ("基层党组织减少0.17万个。", ["down"]),
    ("占比提高1.4个百分点。", ["up"]),
    ("新增党组织26个，新发展党员278名。", [None, None]),
    ("村集体增收30万元。", ["up"]),
])
def test_change(text, change):
    figs = [m for m in djextract.extract(text, types=["figure"])]
    assert [m.change for m in figs] == change


def test_owner_is_the_speakers_body_in_a_report_of_sections():
    text = "市教育局党委书记吴萍：\n一年来，新成立党支部62个，发展党员278名。"
    figs = [m for m in djextract.extract(text) if m.type == "figure"]
    assert {m.owner for m in figs} == {"市教育局党委"}


def test_owner_is_the_clause_subject():
    figs = [m for m in djextract.extract("海曙区有党员2.3万名。") if m.type == "figure"]
    assert figs[0].owner == "海曙区"


@pytest.mark.parametrize(("text", "owners"), [
    # a school's own site, its headline naming no body: the school, as the text writes it
    ("年度述职报告--校务公开-杭州市第二中学\n一年来，新聘教师12人，杭州二中获评先进。\n", {"杭州二中"}),
    ("年度述职报告\n一年来，新聘教师12人。\n杭州市第二中学 版权所有 Copyright\n", {"杭州市第二中学"}),
    # a government portal is the publisher, not what the report is about
    ("工作总结--工作动态-杭州市人民政府\n一年来，新建党支部12个。\n", {None}),
])
def test_owner_is_the_body_whose_own_site_the_page_is_on(text, owners):
    figs = [m for m in djextract.extract(text) if m.type == "figure"]
    assert {m.owner for m in figs} == owners


def test_a_place_inside_a_title_is_no_subject():
    figs = [m for m in djextract.extract("制定《杭州市教师发展行动方案》，新增名师工作室四个。") if m.type == "figure"]
    assert figs and figs[0].owner != "杭州市"


def test_per_doc_record_carries_place_and_date(tmp_path):
    from typer.testing import CliRunner

    from djextract.cli import app

    f = tmp_path / "r.txt"
    f.write_text("三亚市委召开会议。三亚市各区参加，党员7514人。\n《人民日报》（2022年02月14日第 01 版）\n",
                 encoding="utf-8")
    import json

    rec = json.loads(CliRunner().invoke(app, ["extract", str(f), "--per-doc"]).stdout)
    assert rec["place"]["city"] == "三亚市" and rec["place"]["city_code"] == "4602"
    assert rec["date"] == "2022-02-14"
