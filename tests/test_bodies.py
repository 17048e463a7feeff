"""The named-bodies extractor: spec §1 examples both ways, lists, titles, traditional input."""

from __future__ import annotations

import djextract


def names(text: str) -> list[str]:
    return [m.name for m in djextract.extract(text, ["body"])]


def kinds(text: str) -> dict[str, str]:
    return {m.name: m.kind for m in djextract.extract(text, ["body"])}


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


