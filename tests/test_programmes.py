"""The programmes extractor: each evidence rule, each exclusion class, lists, 「」 quotes, numbers in names."""

from __future__ import annotations

import djextract


def progs(text: str) -> dict[str, tuple[str, str | None]]:
    return {m.name: (m.kind, m.head) for m in djextract.extract(text, ["programme"])}


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


def test_a_site_named_for_what_it_is_keeps_that_kind():
    found = progs("打造出“名家教育工作室”“博士工作站”“研学教育基地”等一批人才工作示范点")
    assert {name: kind for name, (kind, _head) in found.items()} == {
        "名家教育工作室": "platform", "博士工作站": "platform", "研学教育基地": "platform"}


